"""One event per set of linked triggers: a trigger that tells part of another's event (the verb of a strike
noun, the strike an interception stopped, the toll of a strike, the battle for a captured town) is folded
into that other trigger."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.extract.trigger import Trigger
from eventwire.records.coding import Coding
from eventwire.records.taxonomy import ARMED_ACT_FAMILIES, VIOLENT_FAMILIES
from eventwire.records.taxonomy import Family as F

# acts that kill no one by themselves: a killing told with them is an act of its own
NOT_LETHAL = frozenset({F.KILL, F.ABDUCT, F.SEXUAL, F.LOOT})


def fold_linked(doc: Doc, found: dict[int, Coding]) -> list[Trigger]:
    """One event per set of linked triggers: 'a warehouse hit by a drone strike' is one strike;
    a strike that air defence 'fended off' is the interception; 'killed' in a strike's sentence is
    the strike's toll, not a second event."""
    absorbed: dict[int, list[int]] = {i: [] for i in found}
    for i, coding in found.items():
        host = _host(doc[i], coding, found)
        if host is not None and host != i and host in absorbed:  # a host itself folded away keeps its own
            absorbed[host].append(i)
            absorbed.pop(i, None)
    return [Trigger(i, found[i], tuple(sorted(a))) for i, a in sorted(absorbed.items()) if i in found]


def _host(tok: Token, coding: Coding, found: dict[int, Coding]) -> int | None:
    if coding.family in ARMED_ACT_FAMILIES | {F.KILL} and tok.pos_ == "VERB":
        for child in tok.children:  # "hit by a strike", "the strike hit": the noun carries the event
            cand = child if child.dep_ in ("nsubj", "nsubjpass") else None
            if child.dep_ == "agent":
                cand = next((g for g in child.children if g.dep_ == "pobj"), None)
            if cand is not None and cand.i in found and found[cand.i].family in VIOLENT_FAMILIES:
                return cand.i
    if coding.family in (F.STRIKE, F.ATTACK) and tok.head.i in found and found[tok.head.i].family == "intercept":
        return tok.head.i  # "fended off a drone barrage"
    if coding.family in (F.STRIKE, F.ATTACK):
        # "shot down all 14 drones fired in an overnight attack": the attack told is the one intercepted
        sent = tok.sent
        stops = [j for j in found if sent.start <= j < sent.end and found[j].family == F.INTERCEPT]
        if stops:
            return min(stops, key=lambda j: abs(j - tok.i))
    if coding.sub_event_type == "Air/drone strike":
        # ACLED: air or drone strikes in support of a ground battle are part of that battle (one Armed clash)
        sent = tok.sent
        battles = [j for j in found if sent.start <= j < sent.end and found[j].sub_event_type == "Armed clash"
                   and not _aside_clause(tok.doc[j], tok)]
        if battles:
            return min(battles, key=lambda j: abs(j - tok.i))
    if coding.family == F.WITHDRAW and tok.dep_ == "advcl" and tok.head.i in found \
            and found[tok.head.i].family == F.TERRITORY:
        return tok.head.i  # "took full control of Avdiivka after Ukrainian troops withdrew": the capture
    if coding.family == F.CLASH:
        # "recaptured the village in heavy fighting", "liberated the town and eliminated the troops in it":
        # ACLED codes the capture, the battle for it is part of it
        # (only within the capture's own clause: "denied the capture, saying fighting continued" is two)
        doc = tok.doc
        gains = [j for j in found if found[j].family == F.TERRITORY
                 and (doc[j] in tok.ancestors or doc[j] in tok.conjuncts)]
        if gains:
            return min(gains, key=lambda j: abs(j - tok.i))
    return _counted_or_toll_host(tok, coding, found)


def _counted_or_toll_host(tok: Token, coding: Coding, found: dict[int, Coding]) -> int | None:
    sent = tok.sent
    if tok.lemma_.lower() in ("explosion", "blast") and any(c.dep_ == "nummod" for c in tok.children):
        # "6 attacks ..., 31 explosions were recorded": the explosions counted are the attacks' hits
        hosts = [j for j in found if sent.start <= j < sent.end and j != tok.i
                 and found[j].family in VIOLENT_FAMILIES
                 and tok.doc[j].lemma_.lower() not in ("explosion", "blast")]
        if hosts:
            return min(hosts, key=lambda j: abs(j - tok.i))
    if coding.family == "kill":
        # (not an abduction, a rape or a looting: 'killed five and abducted 50 others' is two acts)
        hosts = [j for j in found if sent.start <= j < sent.end and j != tok.i
                 and found[j].family in VIOLENT_FAMILIES - NOT_LETHAL]
        if hosts:
            return min(hosts, key=lambda j: abs(j - tok.i))
    return None


def _aside_clause(tok: Token, other: Token) -> bool:
    """`tok` lies in a relative or adverbial clause that does not hold `other` ('the attackers, who regroup
    after each attack, were targeted by air strikes': that attack is not the battle the strikes supported)."""
    for anc in tok.ancestors:
        if anc.dep_ in ("relcl", "advcl", "acl"):
            return not (anc.left_edge.i <= other.i <= anc.right_edge.i)
    return False
