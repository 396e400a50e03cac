"""Fatalities and injuries as stated, with ACLED's conservative conventions for vague numbers.

ACLED codes 'several'/'many' as 10, 'dozens' as 12 and 'hundreds' as 100; "no one was killed"
is 0; a count nobody states stays None, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

KILL_WORDS = frozenset({"kill", "die", "dead", "death", "fatality", "slay", "execute", "massacre", "murder"})
INJURY_WORDS = frozenset({"wound", "injure", "injury", "hurt", "injured", "wounded"})
VAGUE = {"several": 10, "many": 10, "dozens": 12, "scores": 12, "hundreds": 100, "thousands": 1000,
         "a few": 3, "couple": 2}
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12})
NONE_WORDS = frozenset({"no", "nobody", "none"})
SINGLE = frozenset({"a", "an", "another", "one"})


@dataclass(frozen=True, slots=True)
class Casualties:
    fatalities: int | None
    injuries: int | None


def casualties_in(sent: Span) -> Casualties:
    return Casualties(_count(sent, KILL_WORDS), _count(sent, INJURY_WORDS))


def _count(sent: Span, words: frozenset[str]) -> int | None:
    total: int | None = None
    for tok in sent:
        if tok.lemma_.lower() in words or tok.lower_ in words:
            n = _number_for(tok)
            if n is not None:
                total = max(total or 0, n)  # one sentence often restates a toll; do not add
    return total


def _number_for(tok: Token) -> int | None:
    """The count attached to a casualty word: its victims' numeral, or a numeral right before it."""
    victims = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj", "npadvmod")]
    if not any(c.dep_ == "dobj" for c in tok.children):
        # "two people died", "three killed in blast": the subject is the victim; with an object ("an airstrike
        # killed 9 civilians") the subject is the killer
        victims += [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "NUM"):
        victims.append(tok.head)  # "12 people dead", "five wounded soldiers"
    for victim in victims:
        if _not_people(victim):
            continue  # "drones kill thousands of pigs": ACLED counts people only
        if victim.lower_ in NONE_WORDS or any(c.lower_ in NONE_WORDS for c in victim.children):
            return 0
        n = _numeral(victim)
        if n is not None:
            # "two women and a man died": the conjoined victims add up
            more = [_numeral(c) for c in victim.conjuncts]
            return n + sum(m for m in more if m is not None)
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.like_num:
        return _value(prev)
    if prev is not None and prev.lower_ in NONE_WORDS:  # "no casualties", "no deaths"
        return 0
    return None


ANIMALS = frozenset({"animal", "livestock", "cattle", "cow", "pig", "sheep", "goat", "chicken", "poultry", "horse",
                     "dog", "cat", "bird", "fish", "bee", "hen", "duck", "turkey", "rabbit", "camel", "donkey"})


def _not_people(victim: Token) -> bool:
    """The victims are animals: 'pigs', 'thousands of pigs', 'livestock'."""
    heads = [victim, *(g for c in victim.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj")]
    return any(t.lemma_.lower() in ANIMALS or t.lower_ in ANIMALS for t in heads)


def _numeral(victim: Token) -> int | None:
    if victim.like_num:
        return _value(victim)
    if victim.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ in SINGLE for c in victim.children):
        return 1  # "a woman was killed", "another man was wounded"
    for child in victim.children:
        if child.dep_ == "nummod" or child.like_num:
            return _value(child)
        if child.lower_ in VAGUE:
            return VAGUE[child.lower_]
    return VAGUE.get(victim.lower_)


def _value(tok: Token) -> int | None:
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text, VAGUE.get(text))
