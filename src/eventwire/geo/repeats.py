"""A place named again: spaCy often tags a name as a place once and misses it later in the same article
("home in Slidell, La." ... "Slidell police said"). One name keeps one sense through an article, so its
other bare occurrences are mentions too, unless they are part of a longer name ("Kent State University")
or the name of a person ("Mr Kent").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.geo.cues import CAP_WORD
from eventwire.geo.found import Found

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Only names spaCy itself called a place (or a country's name): a name read as a place from its context
# alone (a capitalised word after "in") is too weak to carry to its other occurrences, where it is mostly
# a surname, a brand or a team. On GeoWebNews this trades precision for recall about evenly (strict
# P 0.857 -> 0.843, R 0.802 -> 0.813); its worth is in event sentences that name their place again.
_REPEATED_SOURCES = {"ner", "country"}
_OTHER_NAME_ENTS = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC"}


def repeated_mentions(doc: Doc, found: list[Found], make: Callable[[int, int], Found | None]) -> list[Found]:
    """Bare occurrences of names already found as places, not already covered by a mention; `make` reads
    a token span as a mention in its own context (its level: "near X", "X region")."""
    by_first: dict[str, list[list[str]]] = {}
    for f in found:
        if f.source in _REPEATED_SOURCES and f.kind in ("toponym", "metonym") and f.text[:1].isupper() \
                and not acronym(f.text):
            words = [t.text for t in doc.char_span(f.start, f.end, alignment_mode="expand") or []]
            if words and words not in by_first.get(words[0], []):
                by_first.setdefault(words[0], []).append(words)
    if not by_first:
        return []
    covered = {i for f in found for i in range(f.start, f.end)}
    out: list[Found] = []
    seen: set[int] = set()
    for tok in doc:
        for words in by_first.get(tok.text, ()):
            end = tok.i + len(words)
            if end > len(doc) or [t.text for t in doc[tok.i:end]] != words or tok.idx in covered \
                    or tok.i in seen or not _bare(doc, tok.i, end):
                continue
            if (mention := make(tok.i, end)) is not None:
                out.append(mention)
                seen.update(range(tok.i, end))
                break
    return out


def _bare(doc: Doc, start: int, end: int) -> bool:
    """Not part of a longer capitalised name nor of another kind of entity longer than itself."""
    if start > 0 and CAP_WORD.match(doc[start - 1].text) and not doc[start - 1].is_sent_start:
        return False
    if end < len(doc) and CAP_WORD.match(doc[end].text):
        return False
    for t in doc[start:end]:
        if t.ent_type_ in _OTHER_NAME_ENTS:
            ent = next(e for e in doc.ents if e.start <= t.i < e.end)
            if ent.start < start or ent.end > end or ent.label_ == "PERSON" and _titled(doc, start):
                return False
    return True


def _titled(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].text.rstrip(".").lower() in {"mr", "mrs", "ms", "dr", "sir", "lord"}


def acronym(text: str) -> bool:
    """"CIS", "IoTX": letters in capitals inside a word name organisations and products more often than places."""
    return any(ch.isupper() for word in text.split() for ch in word[1:])
