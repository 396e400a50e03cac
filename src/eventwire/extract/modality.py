"""Did it happen? asserted, planned, demanded, threatened, denied or hypothetical, from the words
that govern the trigger ("preparing to announce evacuations" is planned, not a past event)."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract import lexicon as lx
from eventwire.records.event import Modality

FUTURE_AUX = frozenset({"will", "'ll", "shall"})
MODAL_AUX = frozenset({"could", "might", "may", "would", "should"})
PREVENT_LEMMAS = frozenset({"halt", "stop", "prevent", "avoid", "end"})
SUBORDINATORS = frozenset({"as", "while", "when", "after", "before", "because", "since", "although", "though"})


def modality_of(trigger: Token, family: str) -> Modality:
    own = _own_modality(trigger)
    if own is not None:
        return own
    if _asserted_subclause(trigger):
        return "asserted"
    means = False
    for gov in trigger.ancestors:
        lemma = gov.lemma_.lower()
        if family in ("request", "threaten") and lemma in lx.DEMANDED_WORDS | lx.THREATENED_WORDS:
            continue  # "demanded that ... enter talks": the demand is the event, and it happened
        if gov.lower_ == "by" and gov.dep_ == "prep":
            means = True  # "prevented the sabotage by detaining an agent": the means was done
            continue
        if means and lemma in PREVENT_LEMMAS:
            return _own_modality(gov) or "asserted"
        found = _governing_modality(gov, lemma)
        if found is not None:
            return found
        if gov.dep_ == "ROOT" or _asserted_subclause(gov):
            break
    return "asserted"


def _asserted_subclause(tok: Token) -> bool:
    """'…, as the capital fended off a drone barrage': a temporal or causal clause states a fact of its
    own, whatever the main clause demands or supposes."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "after":
        return True  # "will advance to Al-Bab after seizing Dabiq": what came before the plan was done
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in tok.children)


def _own_modality(tok: Token) -> Modality | None:
    children = {c.lower_ for c in tok.children if c.dep_ in ("aux", "neg", "mark")}
    if children & {"not", "n't", "never"}:
        return "denied"
    if children & FUTURE_AUX:
        return "planned"
    if children & MODAL_AUX or children & {"if", "unless", "whether"}:
        return "hypothetical"
    return None


def _governing_modality(gov: Token, lemma: str) -> Modality | None:
    if lemma in lx.PLANNED_WORDS:
        return "planned"
    if lemma in lx.DEMANDED_WORDS:
        return "demanded"
    if lemma in lx.THREATENED_WORDS:
        return "threatened"
    if lemma in lx.DENIED_WORDS:
        return "denied"
    if lemma in PREVENT_LEMMAS and gov.pos_ == "VERB":
        return "hypothetical"
    return _own_modality(gov) if gov.pos_ in ("VERB", "AUX") else None
