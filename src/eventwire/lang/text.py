"""Sentences and words of Ukrainian and Russian text, with character offsets into the original text.

Rules, not a model: news sentences end at . ! ? … or a line break; abbreviations that end in a dot
("м.", "с.", "смт.", "вул.", "обл.", "р.", "г.") and initials ("О. Кіпер") do not end one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ`\-][^\W\d_]+)*|\d+(?:[.,]\d+)?")
_END_RE = re.compile(r"[.!?…]+[\"»”)]*(?=\s)|\n+")
_ABBREVIATIONS = frozenset(
    "м с смт сел вул обл р рр г гг ст пос див тис млн млрд ім просп пр кв д т п н о е ген ред".split())


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _END_RE.finditer(text):
        if m.group(0)[0] == "." and _abbreviation_before(text, m.start()):
            continue
        _add(out, text, start, m.end())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"(\w+)$", text[max(0, dot - 8):dot])
    if word is None:
        return False
    w = word.group(1)
    return w.lower() in _ABBREVIATIONS or (len(w) == 1 and w.isupper())


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    if body:
        out.append(Sentence(start + lead, start + lead + len(body), body))


def words(text: str, offset: int = 0) -> list[Word]:
    return [Word(m.start() + offset, m.end() + offset, m.group(0)) for m in WORD_RE.finditer(text)]
