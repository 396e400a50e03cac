"""Country names of several words, found in the text itself.

spaCy's English model splits or mislabels many of them: "Burkina Faso" comes out as two places, neither a
gazetteer name; "Sierra Leone" as an organisation; "Guinea-Bissau" as "Guinea", another country. The
set of countries is closed and their names are in the gazetteer, so a run of two to six words that is a
country's name there is the country, whatever the tagger said.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.names import name_key

_MAX_TOKENS = 6  # "the Democratic Republic of the Congo"
_JOINERS = frozenset({"and", "of", "the", "-", "'s", "’s", "&"})


def country_spans(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """(start, end) token spans of countries named in two or more words, longest first at each start, not
    overlapping, in text order."""
    keys = gazetteer.country_name_keys()
    first_words = _first_words(keys)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        end = None
        if _capitalised(tok.text) and (tok.lower_ in first_words
                                       or (not tok.text.isascii() and name_key(tok.text) in first_words)):
            end = _longest_country_at(doc, i, keys)
        if end is None:
            i += 1
            continue
        out.append((i, end))
        i = end
    return out


@lru_cache(maxsize=4)
def _first_words(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(k.split(" ", 1)[0] for k in keys if " " in k)


def _longest_country_at(doc: Doc, start: int, keys: frozenset[str]) -> int | None:
    for end in range(min(len(doc), start + _MAX_TOKENS), start + 1, -1):
        words = doc[start:end]
        if not _capitalised(words[-1].text) or "\n" in words.text:
            continue
        if all(_capitalised(t.text) or t.lower_ in _JOINERS for t in words) and name_key(words.text) in keys:
            return end
    return None


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:2].lower() in ("d'", "d’")  # "Côte d'Ivoire"
