"""Find event triggers in a parsed article and decide what kind of event each one starts.

Input: a spaCy Doc. Output: `Trigger` records (token index + `Coding`). Work is done on the
parse: a trigger's sense is decided by its own dependents first (its object, its modifiers),
then by its clause, then by its sentence; never by keywords over the whole text.

The work is spread over modules that import one way, from the bottom up: `lexicon` (the words),
`parsetree` (questions asked of the parse), `subtypes` (family to coding), `developments`,
`verb_senses`, `noun_senses`, `linked_triggers` (folding), and this module on top.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.extract import lexicon as lx
from eventwire.extract import parsetree as pt
from eventwire.extract.developments import strategic
from eventwire.extract.linked_triggers import fold_linked
from eventwire.extract.noun_senses import noun_sense
from eventwire.extract.parsetree import is_state
from eventwire.extract.subtypes import code, weapon_named
from eventwire.extract.trigger import Trigger
from eventwire.extract.verb_senses import sets_fire, verb_sense
from eventwire.records.coding import Coding
from eventwire.records.taxonomy import Family as F

__all__ = ["Trigger", "find_triggers", "is_state", "weapon_named"]


def find_triggers(doc: Doc) -> list[Trigger]:
    """All event triggers in the article, linked ones folded together."""
    found: dict[int, Coding] = {}
    for sent in doc.sents:
        conflict = pt.conflict_context(sent)
        for tok in sent:
            development = strategic(tok)
            if development is not None:
                found[tok.i] = development
                continue
            family = _family(tok, conflict)
            if family is None:
                continue
            coding = code(tok, family, sent)
            if coding is not None:
                found[tok.i] = coding
    return fold_linked(doc, found)


def _family(tok: Token, conflict: bool) -> str | None:
    if tok.pos_ == "VERB":
        if sets_fire(tok):
            return F.LOOT
        if tok.lemma_.lower() == "beat" and pt.doer_words(tok) & lx.MOB_DOERS:
            return F.RIOT  # "two men were beaten up by a mob" (not "Arsenal beat Chelsea")
        if pt.opens_fire(tok):
            return F.SHOOT if conflict or pt.armed_subject(tok) else None  # "gunmen opened fire, scattering residents"
        family = lx.VERB_FAMILIES.get(tok.lemma_.lower())
        if family is None and (base := _base_form(tok.lower_)) is not None:
            tok.lemma_ = base  # the lemmatiser's error mended, so that the verb's senses read the right lemma
            family = lx.VERB_FAMILIES[base]
        return verb_sense(tok, family, conflict) if family else None
    if _headline_verb(tok):
        return lx.VERB_FAMILIES[_base_form(tok.lower_) or ""]
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
        family = lx.NOUN_FAMILIES.get(_hyphen_joined(tok))
        if family is None or pt.is_background(tok) or pt.is_generic_plural(tok, family):
            return None
        return noun_sense(tok, family, conflict)
    return None


def _headline_verb(tok: Token) -> bool:
    """"Russian sniper kills man in Beryslav": in a line with no verb, the parser often reads a headline's
    present-tense verb as a plural noun between two nouns. A form in -s of a verb of violence there is
    the line's verb."""
    if tok.tag_ != "NNS" or not tok.lower_.endswith("s") or tok.i == tok.sent.start or tok.i + 1 >= tok.sent.end:
        return False
    base = _base_form(tok.lower_)
    if base is None or lx.VERB_FAMILIES[base] not in pt.VIOLENT_FAMILIES:
        return False
    before, after = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    return (before.pos_ in ("NOUN", "PROPN") and after.pos_ in ("NOUN", "PROPN", "DET", "NUM")
            and not any(t.pos_ in ("VERB", "AUX") for t in tok.sent))


def _base_form(form: str) -> str | None:
    """The lemma of a trigger verb the lemmatiser got wrong ("raped" -> "rap", "staged" -> "stag"): its past,
    -ing or -s form undone."""
    for end, add in (("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", "e"), ("s", "")):
        if form.endswith(end) and (base := form[: -len(end)] + add) in lx.VERB_FAMILIES:
            return base
    return None


def _hyphen_joined(tok: Token) -> str:
    """The noun's lemma, joined to a hyphenated first half the tokenizer split off ('cease-fire')."""
    lemma = tok.lemma_.lower()
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].head.i == tok.i:
        joined = tok.doc[tok.i - 2].lower_ + lemma
        return joined if joined in lx.NOUN_FAMILIES else lemma
    return lemma
