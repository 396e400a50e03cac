"""The date an event is given: the time expression that governs its trigger, or an honest fallback."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import cache

from eventwire.records.time import DatePrecision, DateSpan, TimeMention
from eventwire.timex.lexicon import FUTURE_CUES_RE
from eventwire.timex.narrative import narrative_day


@cache
def _future_re() -> re.Pattern[str]:
    extra = r"|\b(?:to\s+(?:announce|hold|meet|visit|vote|begin|start)|preparing)\b"
    return re.compile(FUTURE_CUES_RE + extra, re.IGNORECASE)


def event_date(mentions: Sequence[TimeMention], *, trigger: tuple[int, int], clause: tuple[int, int],
               sentence: tuple[int, int], published: date | None, text: str) -> DateSpan | None:
    """The interval of the event whose trigger is at `trigger` (character offsets into `text`).

    Order of preference: a dated expression in the same clause, then one in the same sentence (not
    a year-or-coarser one from another clause, which is background like "claimed in 2022"), then the
    article's narrative day, then the publication window. Past events are never dated after
    publication: a dated expression that falls after it only counts when the clause looks forward.
    """
    if isinstance(published, datetime):  # a datetime is a date, but cannot be compared with one
        published = published.date()
    forward = _future_re().search(text[clause[0]:min(clause[1], trigger[1] + 40)]) is not None
    dated = [m for m in mentions if _usable(m, published, forward) and not _names_a_period(text, m)]
    in_clause = [m for m in dated if clause[0] <= m.start and m.end <= clause[1]
                 and not (_precision(m) == "year" and _subordinate(text, trigger, m))]
    if in_clause:
        return _honest(_from_mention(_nearest(in_clause, trigger), "same clause"), published, forward)
    in_sentence = [m for m in dated if sentence[0] <= m.start and m.end <= sentence[1]
                   and _precision(m) not in ("year",)]
    if in_sentence:
        return _honest(_from_mention(_nearest(in_sentence, trigger), "same sentence"), published, forward)
    story = narrative_day(mentions, text, published)
    if story is not None:
        return DateSpan(story.day, story.day, "day", story.text,
                        f"no time expression in the sentence; the article's narrative day is "
                        f"{story.day.isoformat()} ('{story.text}' in the lead)")
    if published is None:
        return None
    return DateSpan(published - timedelta(days=1), published, "days", None,
                    f"no time expression; reported in an article published {published.isoformat()}")


def _honest(span: DateSpan, published: date | None, forward: bool) -> DateSpan:
    """A past event's interval ends at publication at the latest ("fell this week" on a Thursday)."""
    if forward or published is None or span.end <= published:
        return span
    return DateSpan(span.start, published, span.precision, span.text,
                    f"{span.rule}; clipped at publication {published.isoformat()} (a past event)")


def _usable(m: TimeMention, published: date | None, forward: bool) -> bool:
    """Expressions that place an event in time: dated ones, not durations (ranges aside) or sets."""
    if m.start_date is None or m.end_date is None or m.type == "SET":
        return False
    if m.type == "DURATION" and not (m.rule or "").startswith("range"):
        return False
    return published is None or forward or m.start_date <= published


@cache
def _period_bound_re() -> re.Pattern[str]:
    period = r"year|quarter|period|half|months?|weeks?|season|term"
    return re.compile(rf"\b(?:{period})\s+(?:ending|ended|beginning|began|starting|started|to|through|from)"
                      r"(?:\s+on)?\s*$", re.IGNORECASE)


def _names_a_period(text: str, m: TimeMention) -> bool:
    """Whether the expression bounds a period named by a noun ("the budget for the fiscal year ending
    March 31 1988"): it says which period, not when the event in the clause happened."""
    return _period_bound_re().search(text[max(0, m.start - 40):m.start]) is not None


@cache
def _subordinator_re() -> re.Pattern[str]:
    words = r"that|which|who|whom|whose|where|when|while|after|before|since|until|because"
    return re.compile(rf"\b(?:{words})\b|[;:—–]", re.IGNORECASE)


def _subordinate(text: str, trigger: tuple[int, int], m: TimeMention) -> bool:
    """Whether a relative or adverbial clause opens between the trigger and the expression.

    Callers' clause spans can be coarse (a whole sentence); a year inside "... villages that the
    Kremlin claimed in 2022" dates the claim, not the evacuation before it.
    """
    between = text[trigger[1]:m.start] if m.start >= trigger[1] else text[m.end:trigger[0]]
    return _subordinator_re().search(between) is not None


def _nearest(candidates: Sequence[TimeMention], trigger: tuple[int, int]) -> TimeMention:
    def distance(m: TimeMention) -> int:
        return max(m.start - trigger[1], trigger[0] - m.end, 0)
    return min(candidates, key=distance)


def _precision(m: TimeMention) -> DatePrecision:
    assert m.start_date is not None and m.end_date is not None
    days = (m.end_date - m.start_date).days + 1
    if re.search(r"-W\d\d$", m.value):
        return "week"
    if re.fullmatch(r"\d{4}-\d\d", m.value):
        return "month"
    if days == 1:
        return "day"
    if days <= 6:
        return "days"
    return "month" if days <= 31 else "year"


def _from_mention(m: TimeMention, step: str) -> DateSpan:
    assert m.start_date is not None and m.end_date is not None
    if (m.rule or "").startswith("overnight"):
        # A night is reported as the day it ends on ("overnight" before a Thursday is Thursday's news).
        return DateSpan(m.end_date, m.end_date, "day", m.text, f"{step}: {m.rule}")
    return DateSpan(m.start_date, m.end_date, _precision(m), m.text,
                    f"{step}: '{m.text}' = {m.value} ({m.rule})")
