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


@cache
def _reporting_re() -> re.Pattern[str]:
    speech = (r"said|says|told|announced|reported|stated|added|confirmed|declared|wrote|tweeted|posted"
              r"|disclosed|revealed")
    filler = (r"on|late|early|in|at|a|an|the|its|his|her|their|statement|interview|briefing|news|conference"
              r"|to|reporters|journalists|television|radio|online|post|report|message")
    return re.compile(rf"\b(?:{speech})(?:\s+(?:{filler}))*\s*,?\s*$", re.IGNORECASE)


def reporting_date(text: str, start: int) -> bool:
    """Whether the expression at `start` dates a speech act ("the governor said on Tuesday"): the day
    the news was told, not the day the story's events happened."""
    return _reporting_re().search(text[max(0, start - 80):start]) is not None


def _derived(mention: TimeMention) -> bool:
    """Expressions that take their day from another one (an undated clock time): no evidence of their own."""
    return (mention.rule or "").startswith(("overnight", "clock time on the day of",
                                            "clock time on the publication day", "clock time on the story's"))


def narrative_day(mentions: Sequence[TimeMention], text: str, published: date | None) -> NarrativeDay | None:
    """The most frequent single day named in the lead sentences (ties: the first named), if any.

    Only days within the week before publication count when the publication date is known: a lead
    that mentions an old date is giving background, not setting the story's day. Days that date a
    speech act ("said on Tuesday") count only when the lead names no other day: they say when the
    news was told, and the story's events are often a day earlier.
    """
    spans = sentences(text)
    if not spans:
        return None
    lead_end = spans[min(LEAD_SENTENCES, len(spans)) - 1][1]
    days: list[tuple[date, str]] = []
    told: list[tuple[date, str]] = []
    for mention in mentions:
        if mention.start >= lead_end or mention.start_date is None or mention.start_date != mention.end_date:
            continue
        if _derived(mention):
            continue
        if published is not None and not published - timedelta(days=7) <= mention.start_date <= published:
            continue
        (told if reporting_date(text, mention.start) else days).append((mention.start_date, mention.text))
    days = days or told
    if not days:
        return None
    counts = Counter(d for d, _ in days)
    best = max(counts, key=lambda d: (counts[d], -[x for x, _ in days].index(d)))
    words = next(t for d, t in days if d == best)
    return NarrativeDay(best, words, counts[best])
