"""The article's narrative day and sentence boundaries, which "overnight" and undated events lean on.

A wire story republished a day later ("Russia yesterday demanded ...") narrates the day before
publication; its "overnight" is the night before that day, and its undated events most likely
happened on that day too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from eventwire.records.time import TimeMention

LEAD_SENTENCES = 3  # the headline-like lead of a news story sets its narrative day
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "st", "jan", "feb", "mar", "apr",
                  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "no", "vs", "inc",
                  "corp", "co", "gov", "sen", "rep", "maj", "capt", "jr", "sr", "prof", "a.m", "p.m", "e.g",
                  "i.e"}


@dataclass(frozen=True, slots=True)
class NarrativeDay:
    """The day the article narrates, and the words that set it."""

    day: date
    text: str
    count: int


@cache
def _boundary_re() -> re.Pattern[str]:
    return re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) by punctuation and blank lines, skipping common abbreviations."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _boundary_re().finditer(text):
        last_word = text[start:m.start()].rsplit(None, 1)[-1:] or [""]
        if last_word[0].lower().rstrip(".") in _ABBREVIATIONS and "\n" not in m.group(0):
            continue
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentence_of(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= offset < e:
            return s, e
    return 0, 0


def narrative_day(mentions: Sequence[TimeMention], text: str, published: date | None) -> NarrativeDay | None:
    """The most frequent single day named in the lead sentences (ties: the first named), if any.

    Only days within the week before publication count when the publication date is known: a lead
    that mentions an old date is giving background, not setting the story's day.
    """
    spans = sentences(text)
    if not spans:
        return None
    lead_end = spans[min(LEAD_SENTENCES, len(spans)) - 1][1]
    days: list[tuple[date, str]] = []
    for mention in mentions:
        if mention.start >= lead_end or mention.start_date is None or mention.start_date != mention.end_date:
            continue
        if mention.rule and mention.rule.startswith("overnight"):
            continue
        if published is not None and not published - timedelta(days=7) <= mention.start_date <= published:
            continue
        days.append((mention.start_date, mention.text))
    if not days:
        return None
    counts = Counter(d for d, _ in days)
    best = max(counts, key=lambda d: (counts[d], -[x for x, _ in days].index(d)))
    words = next(t for d, t in days if d == best)
    return NarrativeDay(best, words, counts[best])
