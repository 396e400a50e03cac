"""Find event triggers in a parsed article and decide what kind of event each one starts.

Input: a spaCy Doc. Output: `Trigger` records (token index + `Coding`). Work is done on the
parse: a trigger's sense is decided by its own dependents first (its object, its modifiers),
then by its clause, then by its sentence; never by keywords over the whole text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.extract import lexicon as lx
from eventwire.records.coding import Coding
from eventwire.records.taxonomy import (
    ACLED_SUB_TO_TYPE,
    ARMED_ACT_FAMILIES,
    PLOVER_FOR_ACLED,
    POLITICAL_FAMILIES,
    VIOLENT_FAMILIES,
)
from eventwire.records.taxonomy import Family as F

VIOLENT = VIOLENT_FAMILIES
POLITICAL = POLITICAL_FAMILIES
# families a conflict context licenses as they stand
CONTEXT_FAMILIES = frozenset({F.STRIKE, F.ATTACK, F.CLASH, F.KILL})
AERIAL_WEAPONS = frozenset({"drone", "drones", "uav", "uavs", "missile", "missiles", "rocket", "rockets",
                            "shahed", "shaheds", "aircraft", "bomb", "bombs", "projectile", "projectiles"})
PLACE_NOUNS = frozenset({"village", "villages", "town", "towns", "city", "settlement", "settlements", "territory",
                         "position", "positions",
                         "district", "area", "airport", "base", "hill", "region", "hamlet", "control"})
POLITICAL_HEADS = frozenset({"president", "minister", "government", "ministry", "official", "officials",
                             "leader", "leaders", "council", "kremlin", "parliament", "spokesman",
                             "spokeswoman", "spokesperson", "head", "chief", "secretary", "authorities",
                             "administration", "senator", "prime", "envoy", "ambassador", "diplomat",
                             "commander", "general", "party", "opposition", "un", "nato", "eu", "king"})
# settlements and areas: a strike "on the town", "at the settlement" is remote violence on a place
SETTLEMENTS = frozenset({"town", "village", "city", "settlement", "community", "hromada", "district", "suburb",
                         "outskirts", "region", "oblast", "port", "capital"})
REMOTE_LEMMAS = frozenset({"strike", "hit", "target", "pound", "bombard"})  # not "attack": armed groups attack villages
LOSS_WORDS = frozenset({"liquidate", "eliminate", "liquidation", "elimination"})  # the enemy's fighters killed
BACKING_NOUNS = frozenset({"support", "cover", "backing"})  # "with artillery support", "under air cover"
AIR_HEADS = frozenset({"strike", "attack", "bombardment", "bombing", "assault"})
CONFLICT_AGREEMENT = frozenset({"peace", "ceasefire", "truce", "armistice", "prisoner", "prisoners",
                                "swap", "exchange", "hostage", "hostages", "de-escalation", "security"})


@dataclass(frozen=True, slots=True)
class Trigger:
    i: int  # token index of the trigger in the Doc
    coding: Coding
    absorbed: tuple[int, ...] = ()  # other trigger tokens folded into this event (e.g. "hit" by "strike")


def find_triggers(doc: Doc) -> list[Trigger]:
    """All event triggers in the article, linked ones folded together."""
    found: dict[int, Coding] = {}
    for sent in doc.sents:
        conflict = _conflict_context(sent)
        for tok in sent:
            strategic = _strategic(tok)
            if strategic is not None:
                found[tok.i] = strategic
                continue
            family = _family(tok, conflict)
            if family is None:
                continue
            coding = _code(tok, family, sent)
            if coding is not None:
                found[tok.i] = coding
    return _fold_linked(doc, found)


def _family(tok: Token, conflict: bool) -> str | None:
    if tok.pos_ == "VERB":
        family = lx.VERB_FAMILIES.get(tok.lemma_.lower())
        return _verb_sense(tok, family, conflict) if family else None
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
        family = lx.NOUN_FAMILIES.get(tok.lemma_.lower())
        if family is None or _is_background(tok) or _is_generic_plural(tok, family):
            return None
        return _noun_sense(tok, family, conflict)
    return None


# ACLED's strategic developments told by a verb and its object: a base set up, a weapons cache found
BASE_NOUNS = frozenset({"base", "bases", "headquarters", "outpost", "outposts", "post", "posts", "camp", "camps",
                        "point", "points", "checkpoint", "checkpoints", "garrison"})
MILITARY_MARKS = frozenset({"military", "observation", "army", "forces", "troops", "soldiers"})
BUILD_LEMMAS = frozenset({"establish", "create", "build", "open", "erect"})
CACHE_WORDS = frozenset({"cache", "caches", "arsenal", "stockpile", "weapons", "arms", "ammunition", "explosives",
                         "ieds", "ied", "bombs", "bomb", "grenades", "rifles", "munitions", "detonators"})
FIND_LEMMAS = frozenset({"find", "discover", "uncover", "defuse", "dismantle", "unearth", "neutralize", "neutralise"})
# weapons seized in a raid or an arrest are that event's; a cache or bombs seized are a plot disrupted
SEIZE_LEMMAS = frozenset({"seize", "confiscate", "recover"})
CACHE_ONLY = frozenset({"cache", "caches", "arsenal", "stockpile", "explosives", "ieds", "ied", "bombs", "detonators"})


def _strategic(tok: Token) -> Coding | None:
    """'Turkish forces set up a new observation post', 'police found a cache of weapons', 'sappers defused a
    bomb': a base established, weapons use disrupted (ACLED: Headquarters or base established; Disrupted
    weapons use). Landmines cleared from fields are demining, not a disrupted attack."""
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    objects = _objects(tok)
    if (lemma in BUILD_LEMMAS or (lemma == "set" and "up" in particles)) and objects & BASE_NOUNS and (
            (objects | _subject_words(tok)) & MILITARY_MARKS or _armed_subject(tok)
            or any(t.ent_type_ == "NORP" for t in tok.subtree)):
        return _development("Headquarters or base established", 0.75)
    if (lemma in FIND_LEMMAS and objects & CACHE_WORDS) or (lemma in SEIZE_LEMMAS and objects & CACHE_ONLY):
        return _acled("intercept", "Disrupted weapons use", 0.75)
    if _changes_group(tok, lemma, objects):
        return _development("Change to group/activity", 0.7)
    if _expels_fighters(tok, lemma, particles, objects) or (lemma in BUILD_LEMMAS and "control" in objects):
        # "pushed the militants out of fresh areas", "established control over the area": ground taken; who
        # took it (extract.actors.territory_sub) decides between ACLED's two sub-types
        return _acled("territory", "Non-state actor overtakes territory", 0.75)
    return None


def _development(sub: str, strength: float) -> Coding:
    """A strategic development of ACLED's: PLOVER's MOBILIZE where the taxonomy maps the sub-type to none."""
    plover_type, _ = PLOVER_FOR_ACLED.get(sub, ("MOBILIZE", None))
    return Coding(F.MOBILIZE, "Strategic developments", sub, plover_type, None, strength)


# ACLED's Change to group/activity: fighters defecting, forces reinforcing or fortifying their positions,
# redeploying, troops moved, units formed (not "deployed to separate the factions": a deployment told in
# passing is no change of the group)
REGROUP_LEMMAS = frozenset({"reinforce", "fortify", "redeploy", "regroup", "bolster"})
FORMED_UNITS = frozenset({"groups", "group", "units", "unit", "brigade", "brigades", "battalion", "battalions",
                          "regiment", "militia", "force"})


def _changes_group(tok: Token, lemma: str, objects: set[str]) -> bool:
    subject = _subject_words(tok)
    armed = bool((subject | objects) & lx.ARMED_WORDS) or _armed_subject(tok)
    if lemma == "defect":
        return armed or bool(subject & {"members", "commander", "commanders", "officers", "officer"})
    if lemma in REGROUP_LEMMAS:
        return armed
    if lemma == "move":
        return bool(objects & {"troops", "forces", "fighters", "reinforcements", "soldiers"})
    if lemma == "form":
        return bool(objects & FORMED_UNITS) and bool(objects & lx.ARMED_WORDS)
    return False


EXPEL_LEMMAS = frozenset({"push", "drive", "expel", "oust", "flush", "dislodge", "evict", "chase"})


def _expels_fighters(tok: Token, lemma: str, particles: set[str], objects: set[str]) -> bool:
    if lemma not in EXPEL_LEMMAS or not objects & lx.ARMED_WORDS:
        return False
    return "out" in particles or "back" in particles or _has_prep(tok, {"from", "out"})


# who takes to the streets: a verb of marching or protesting done by these is a demonstration
CROWD_WORDS = frozenset({"protesters", "demonstrators", "thousands", "hundreds", "supporters", "people", "students",
                         "workers", "residents", "crowds", "crowd", "activists", "farmers"})


def _verb_sense(tok: Token, family: str, conflict: bool) -> str | None:
    lemma = tok.lemma_.lower()
    particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    objects = _objects(tok)
    if lemma == "shoot":
        if "down" in particles:
            return "intercept"
        return "kill" if conflict and (objects & lx.CIVILIAN_WORDS or "dead" in _child_words(tok)) else None
    if lemma == "fire":  # "fired missiles", "troops fired at the village" (not "fired the minister")
        return "strike" if objects & lx.WEAPON_WORDS or (conflict and _has_prep(tok, {"at", "on"})) else None
    if lemma == "fend":
        return "intercept" if "off" in particles and _words(tok.subtree) & lx.WEAPON_WORDS else None
    if lemma in ("destroy", "neutralize", "neutralise", "suppress"):
        # "air defences destroyed 11 drones": the weapon is the object; "drones destroyed a tank" is a strike
        return "intercept" if objects & AERIAL_WEAPONS else None
    if lemma == "intercept":  # intercepting is never a battle: weapons stopped, or nothing to code
        return "intercept" if _words(tok.sent) & lx.WEAPON_WORDS else None
    if lemma in ("down", "repel"):
        return "intercept" if _clause_words(tok) & lx.WEAPON_WORDS else ("clash" if conflict else None)
    if lemma in LOSS_WORDS:
        return "clash" if conflict and objects & lx.ARMED_WORDS else None  # not "eliminate the threat"
    if lemma in ("take", "gain", "wrest"):
        return "territory" if conflict and (objects & PLACE_NOUNS or _object_is_place(tok)) else None
    if family == "territory":
        if is_state(tok):
            return None
        return "territory" if conflict and (objects & PLACE_NOUNS or _object_is_place(tok)) else None
    if family in CONTEXT_FAMILIES:
        if conflict or (lemma in REMOTE_LEMMAS and _on_settlement(tok) and _armed_subject(tok)):
            return family  # "the Russians targeted the town of Ivashky": forces striking a settlement
        return None
    if lemma in ("march", "rally", "demonstrate"):
        return "protest" if _subject_words(tok) & CROWD_WORDS else None
    if lemma == "gather":  # "protesters gathered outside the court" (not "people gathered to watch")
        return "protest" if _subject_words(tok) & {"protesters", "demonstrators", "protestors"} else None
    if lemma == "protest" and (any(c.dep_ == "ccomp" for c in tok.children)
                               or (objects and not _subject_words(tok) & CROWD_WORDS)):
        return None  # "firms protested that the rule was unfair", "she protested her innocence": objecting in words
    if lemma in ("call", "appeal"):
        return "request" if _has_prep(tok, {"for", "on"}) and _political_subject(tok) else None
    if lemma in ("sign", "agree"):
        return "agree" if _words(tok.subtree) & CONFLICT_AGREEMENT else None
    if lemma in ("release", "free"):
        return "concede" if objects & {"prisoners", "hostages", "detainees", "captives"} else None
    if lemma in ("deploy", "withdraw", "retreat"):
        return family if _words(tok.subtree) & lx.ARMED_WORDS else None
    if lemma == "expel":
        return "sanction" if objects & {"diplomats", "diplomat", "ambassador", "envoy"} else None
    if family in POLITICAL:
        return family if _political_subject(tok) else None
    return family


def _noun_sense(tok: Token, family: str, conflict: bool) -> str | None:
    near = _words(tok.subtree)
    lemma = tok.lemma_.lower()
    if lemma == "strike" and near & {"hunger", "general", "workers", "labour", "labor"}:
        return "protest"
    if lemma in LOSS_WORDS:
        return "clash" if conflict and near & lx.ARMED_WORDS else None
    if family in CONTEXT_FAMILIES | {F.TERRITORY}:
        if lemma in ("strike", "blast", "explosion", "attack", "raid", "assault", "battle"):
            return family if (near & lx.WEAPON_WORDS or conflict) else None
        return family if conflict else None
    if family == "withdraw":
        return family if near & lx.ARMED_WORDS else None  # troops withdraw; cash withdrawals are not events
    if lemma == "rally":
        return "protest" if near & {"protest", "opposition", "against", "supporters", "thousands"} else None
    if lemma in ("deal", "agreement", "accord"):
        return "agree" if near & CONFLICT_AGREEMENT else None
    if lemma == "call":
        return "request" if _has_prep(tok, {"for"}) else None
    if lemma == "talk":
        return "consult" if tok.head.lemma_.lower() in {"hold", "resume", "begin", "open", "host"} else None
    if lemma in ("threat", "sanction", "embargo", "demand", "appeal", "accusation"):
        return family if conflict or _political_near(tok) else None
    return family


def _code(tok: Token, family: str, sent: Span) -> Coding | None:
    if family in ARMED_ACT_FAMILIES:
        return _code_violence(tok, family, sent)
    sub = {
        "intercept": "Disrupted weapons use", "clash": "Armed clash", "riot": "Violent demonstration",
        "loot": "Looting/property destruction", "arrest": "Arrests", "abduct": "Abduction/forced disappearance",
        "sexual": "Sexual violence", "agree": "Agreement", "evacuate": "Other",
        "withdraw": "Non-violent transfer of territory", "territory": "Non-state actor overtakes territory",
        "kill": "Attack", "protest": _protest_sub(tok),
    }.get(family)
    if sub is not None:
        return _acled(family, sub, 0.75 if family in VIOLENT else 0.65)
    plover = {"request": "REQUEST", "threaten": "THREATEN", "accuse": "ACCUSE", "reject": "REJECT",
              "sanction": "SANCTION", "consult": "CONSULT", "mobilize": "MOBILIZE", "concede": "CONCEDE"}
    if family in plover:
        return Coding(family, None, None, plover[family], None, 0.6)
    return None


def _code_violence(tok: Token, family: str, sent: Span) -> Coding | None:
    weapon = _weapon(tok, sent)
    if weapon is not None:
        return _acled("strike", weapon, 0.8)
    lemma = tok.lemma_.lower()
    if lemma in ("explosion", "blast", "bombing", "bomb"):
        return _acled("strike", "Remote explosive/landmine/IED", 0.7)
    if lemma in ("shelling", "shell", "bombardment", "barrage", "bombard", "pound"):
        return _acled("strike", "Shelling/artillery/missile attack", 0.75)
    if lemma in ("airstrike",):
        return _acled("strike", "Air/drone strike", 0.8)
    targets = _objects(tok) | _words(c for c in tok.subtree if c.dep_ == "pobj")
    if lemma in REMOTE_LEMMAS and _on_settlement(tok) and not targets & lx.ARMED_WORDS:
        # ACLED: a strike on a town with no weapon named is remote violence, not a battle nor an attack
        return _acled("strike", "Shelling/artillery/missile attack", 0.6)
    if targets & lx.ARMED_WORDS:
        return _acled("clash", "Armed clash", 0.65)
    if lemma == "strike" and tok.pos_ == "NOUN" or (lemma == "fire" and _has_prep(tok, {"at", "on"})
                                                    and not targets & (lx.CIVILIAN_WORDS | CROWD_WORDS)
                                                    and _armed_subject(tok)):
        # "killed in strikes on the city": a strike is remote violence whoever it kills (ACLED: not an Attack);
        # so is an army firing at a village or a road
        return _acled("strike", "Shelling/artillery/missile attack", 0.6)
    if targets & lx.CIVILIAN_WORDS or _words(sent) & lx.CIVILIAN_WORDS:
        return _acled("kill", "Attack", 0.6)
    if _armed_present(sent):
        return _acled("clash", "Armed clash", 0.55)
    return None


# bodies named after the army that are no fighting force: "the Regional Military Administration reported"
CIVIL_BODIES = frozenset({"administration", "administrations", "prosecutor", "prosecutors", "court", "courts",
                          "commissariat", "registration", "enlistment"})


def _armed_present(sent: Span) -> bool:
    """Someone who carries arms is in the sentence (not the name of a civil body: 'Military Administration')."""
    return any(t.lower_ in lx.ARMED_WORDS and t.head.lower_ not in CIVIL_BODIES for t in sent)


def _acled(family: str, sub: str, strength: float) -> Coding:
    plover_type, mode = PLOVER_FOR_ACLED.get(sub, (None, None))
    if sub == "Air/drone strike":
        mode = "drone" if family == "strike" else mode
    return Coding(family, ACLED_SUB_TO_TYPE[sub], sub, plover_type, mode, strength)


def weapon_named(sent: Span) -> str | None:
    """The most specific weapon the sentence names (its ACLED sub-type), if any."""
    return _weapon_in(_words(sent), _air_strike(sent))


def _weapon(tok: Token, sent: Span) -> str | None:
    """The most specific weapon named by the trigger's own words, else by its clause, else the sentence.
    Weapons that only back the act ('an assault with armour and artillery support', 'under air cover') do not
    make a ground assault remote violence."""
    backing = {t.i for b in sent if b.lemma_.lower() in BACKING_NOUNS and b.pos_ == "NOUN" and b.i != tok.i
               for t in b.subtree}
    for scope in (list(tok.subtree), list(tok.head.subtree), list(sent)):
        scope = [t for t in scope if t.i not in backing]
        sub = _weapon_in(_words(scope) | {tok.lower_}, _air_strike(scope))
        if sub is not None:
            return sub
    return None


def _weapon_in(words: set[str], air_strike: bool) -> str | None:
    """'air' alone ('air defence', 'air raid alert') names no weapon; 'air strikes' does. Tear gas is the
    police's, not a chemical weapon."""
    for weapon_words, sub, _mode in lx.WEAPONS:
        hit = words & weapon_words
        if hit and not (sub == "Air/drone strike" and hit == {"air"} and not air_strike) and not (
                sub == "Chemical weapon" and "tear" in words and hit == {"gas"}):
            return sub
    return None


def _air_strike(tokens: Iterable[Token]) -> bool:
    """'air strikes', 'an air attack', 'air bombardment': 'air' qualifying a strike noun."""
    return any(t.lower_ == "air" and t.dep_ in ("compound", "amod", "nmod") and t.head.lemma_.lower() in AIR_HEADS
               for t in tokens)


def _protest_sub(tok: Token) -> str:
    """ACLED's protest sub-types by what happened to or by the protesters, told in this sentence or the next."""
    sent = tok.sent
    following = tok.doc[sent.end : sent.end + 1]
    words = _words(sent) | (_words(following[0].sent) if len(following) else set())
    if words & {"killed", "shot", "dead"} and words & {"police", "security", "troops", "forces"}:
        return "Excessive force against protesters"
    if words & {"stones", "rocks", "torched", "smashed", "looted", "molotov", "set"}:
        return "Violent demonstration"
    if words & {"tear", "dispersed", "disperse", "cannon", "batons", "arrested", "detained", "rubber"}:
        return "Protest with intervention"
    return "Peaceful protest"


def _fold_linked(doc: Doc, found: dict[int, Coding]) -> list[Trigger]:
    """One event per set of linked triggers: 'a warehouse hit by a drone strike' is one strike;
    a strike that air defence 'fended off' is the interception; 'killed' in a strike's sentence is
    the strike's toll, not a second event."""
    absorbed: dict[int, list[int]] = {i: [] for i in found}
    for i, coding in found.items():
        host = _host(doc[i], coding, found)
        if host is not None and host != i:
            absorbed[host].append(i)
            absorbed.pop(i, None)
    return [Trigger(i, found[i], tuple(sorted(a))) for i, a in sorted(absorbed.items()) if i in found]


def _host(tok: Token, coding: Coding, found: dict[int, Coding]) -> int | None:
    if coding.family in ARMED_ACT_FAMILIES | {F.KILL} and tok.pos_ == "VERB":
        for child in tok.children:  # "hit by a strike", "the strike hit": the noun carries the event
            cand = child if child.dep_ in ("nsubj", "nsubjpass") else None
            if child.dep_ == "agent":
                cand = next((g for g in child.children if g.dep_ == "pobj"), None)
            if cand is not None and cand.i in found and found[cand.i].family in VIOLENT:
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
    if coding.family == F.CLASH:
        # "recaptured the village in heavy fighting", "liberated the town and eliminated the troops in it":
        # ACLED codes the capture, the battle for it is part of it
        # (only within the capture's own clause: "denied the capture, saying fighting continued" is two)
        doc = tok.doc
        gains = [j for j in found if found[j].family == F.TERRITORY
                 and (doc[j] in tok.ancestors or doc[j] in tok.conjuncts)]
        if gains:
            return min(gains, key=lambda j: abs(j - tok.i))
    if tok.lemma_.lower() in ("explosion", "blast") and any(c.dep_ == "nummod" for c in tok.children):
        # "6 attacks ..., 31 explosions were recorded": the explosions counted are the attacks' hits
        sent = tok.sent
        hosts = [j for j in found if sent.start <= j < sent.end and j != tok.i and found[j].family in VIOLENT
                 and tok.doc[j].lemma_.lower() not in ("explosion", "blast")]
        if hosts:
            return min(hosts, key=lambda j: abs(j - tok.i))
    if coding.family == "kill":
        sent = tok.sent
        hosts = [j for j in found if sent.start <= j < sent.end and j != tok.i
                 and found[j].family in VIOLENT - {"kill"}]
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


# --- small helpers over the parse -------------------------------------------------------------

def _words(tokens: Iterable[Token]) -> set[str]:
    return {t.lower_ for t in tokens}


def _clause_words(tok: Token) -> set[str]:
    """The words of `tok`'s clause, without the clauses joined to it ('launched an assault with artillery
    support; the assault was repelled': the artillery is not what was repelled)."""
    joined = [c for c in tok.children if c.dep_ in ("ccomp", "advcl", "conj", "parataxis", "csubj")]
    return _words(tok.subtree) - _words(t for c in joined for t in c.subtree)


def _child_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children}


def _objects(tok: Token) -> set[str]:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    return _words(t for o in objs for t in o.subtree)


def _subject_words(tok: Token) -> set[str]:
    return _words(t for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)


def _object_is_place(tok: Token) -> bool:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or (t.ent_type_ == "ORG" and t.pos_ == "PROPN")
               for o in objs for t in o.subtree)


def is_state(tok: Token) -> bool:
    """'have held the village since 2022', 'controls the town': holding ground, not taking it."""
    if tok.lemma_.lower() in ("hold", "control", "occupy") and (
            tok.tag_ in ("VBZ", "VBP") or tok.dep_ in ("amod", "acl")
            or any(c.lower_ == "temporarily" for c in tok.children)):
        return True  # "temporarily occupied Crimea", "territory controlled by Kyiv": a state
    return any(c.dep_ == "prep" and c.lower_ in ("since", "for") for c in tok.children)


def _on_settlement(tok: Token) -> bool:
    """The strike's object, or the object of its 'on'/'at' phrase, is a town, a village or a named place."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
              for g in c.children if g.dep_ == "pobj"]
    return any(h.lemma_.lower() in SETTLEMENTS or h.ent_type_ in ("GPE", "LOC") for h in heads)


def _armed_subject(tok: Token) -> bool:
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    return any(t.ent_type_ == "NORP" or t.lower_ in lx.ARMED_WORDS for s in subj for t in s.subtree)


def _has_prep(tok: Token, preps: set[str]) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children)


def _political_subject(tok: Token) -> bool:
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(t.ent_type_ in ("GPE", "NORP", "PERSON", "ORG") or t.lower_ in POLITICAL_HEADS
               for s in subj for t in s.subtree)


def _political_near(tok: Token) -> bool:
    return any(t.ent_type_ in ("GPE", "NORP") or t.lower_ in POLITICAL_HEADS for t in tok.sent)


def _conflict_context(sent: Span) -> bool:
    return bool(_words(sent) & lx.CONFLICT_WORDS)


def _is_background(tok: Token) -> bool:
    """'amid Russia's attack on Ukraine': the war as backdrop, not a new event."""
    head = tok.head
    return head.dep_ == "prep" and head.lower_ in ("amid", "despite", "since") and tok.dep_ == "pobj"


def _is_generic_plural(tok: Token, family: str) -> bool:
    """'to halt its attacks': plural event nouns with no number, place or time are habitual talk."""
    if tok.tag_ != "NNS" or family not in VIOLENT | {"evacuate", "protest", "arrest"}:
        return False
    sub = list(tok.subtree)
    if tok.dep_ in ("dobj", "nsubjpass"):  # "announce evacuations from seven villages": the verb holds the PP
        sub += [t for c in tok.head.children if c.dep_ == "prep" for t in c.subtree]
    specific = any(t.like_num or t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL")
                   for t in sub if t.i != tok.i)
    return not specific
