"""A rule-based TIMEX3 tagger for English news: find time expressions, resolve them to values and
intervals against the publication date, and anchor "the next day" on the expression before it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache

from eventwire.records.time import TimeMention
from eventwire.timex import rules_anchored, rules_durations, rules_explicit, rules_relative
from eventwire.timex.base import Context, Reading, Rule
from eventwire.timex.narrative import narrative_day, sentence_of, sentences


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    priority: int
    rule: Rule
    match: re.Match[str]
    reading: Reading


@cache
def _compiled() -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    """All rules with their compiled patterns, built on first use (never at import)."""
    rules = rules_explicit.rules() + rules_relative.rules() + rules_anchored.rules() + rules_durations.rules()
    return tuple((r, re.compile(r.pattern, 0 if r.case_sensitive else re.IGNORECASE)) for r in rules)


def tag_times(text: str, published: date | None, article_id: str = "", *,
              day_first: bool = False) -> list[TimeMention]:
    """Time expressions in `text`, resolved against `published` (None: relative ones stay unresolved).

    `day_first` reads 07/11/2024 as 7 November (the European convention); otherwise numeric dates are
    read month first unless the first number cannot be a month.
    """
    if isinstance(published, datetime):  # a datetime is a date, but cannot be compared with one
        published = published.date()
    ctx = Context(text, published, day_first)
    chosen = _select(_candidates(ctx))
    readings = _resolve_anchored(chosen, ctx)
    mentions = [TimeMention(article_id, c.start, c.end, c.match.group(0), r.type, r.value, r.start, r.end,
                            r.rule) for c, r in zip(chosen, readings, strict=True)]
    return _place_overnight(mentions, text, published)


def _candidates(ctx: Context) -> list[_Candidate]:
    found: list[_Candidate] = []
    for rule, pattern in _compiled():
        for m in pattern.finditer(ctx.text):
            if m.end() == m.start():
                continue
            reading = _read(rule, m, ctx, None)
            if reading is not None:
                found.append(_Candidate(m.start(), m.end(), rule.priority, rule, m, reading))
    return found


def _read(rule: Rule, m: re.Match[str], ctx: Context, anchor: Reading | None) -> Reading | None:
    """Run one rule's handler; arithmetic on numbers from the text ("50,000 years ago") can leave the
    calendar, and such a match is no time expression we can resolve."""
    try:
        return rule.handler(m, ctx, anchor)
    except (OverflowError, ValueError):
        return None


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest match wins; among equally long ones, the rule with the lower priority number."""
    starts: list[int] = []  # taken spans, kept sorted by start so overlap checks are two comparisons
    taken: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        i = bisect.bisect_left(starts, cand.start)
        if (i > 0 and taken[i - 1].end > cand.start) or (i < len(taken) and taken[i].start < cand.end):
            continue
        starts.insert(i, cand.start)
        taken.insert(i, cand)
    return taken


def _resolve_anchored(chosen: list[_Candidate], ctx: Context) -> list[Reading]:
    """Re-read anchored expressions in text order with the closest preceding dated expression."""
    readings: list[Reading] = []
    anchor: Reading | None = None
    for cand in chosen:
        reading = cand.reading
        if cand.rule.anchored:
            reading = _read(cand.rule, cand.match, ctx, anchor) or reading
        readings.append(reading)
        if reading.period is not None and not reading.rule.startswith("overnight"):
            anchor = reading
    return readings


def _place_overnight(mentions: list[TimeMention], text: str, published: date | None) -> list[TimeMention]:
    """Move each "overnight" to the night before the day it belongs to.

    That day is another day named in the same sentence ("overnight into Tuesday"), else the day
    the article narrates (a lead built on "yesterday" narrates the day before publication), else
    the publication day. The night is coded to the day it ends on, as news reports it.
    """
    nights = [m for m in mentions if m.rule and m.rule.startswith("overnight:")]
    if not nights or published is None:
        return mentions
    spans = sentences(text)
    story = narrative_day(mentions, text, published)
    placed: dict[int, TimeMention] = {}
    days = [m for m in mentions if m.start_date and m.start_date == m.end_date
            and not (m.rule or "").startswith("overnight")]
    for night in nights:
        sent = sentence_of(spans, night.start)
        same = [m for m in days if sent[0] <= m.start < sent[1]]
        if same:
            ref = min(same, key=lambda m: abs(m.start - night.start))
            day, why = ref.start_date, f"the night before '{ref.text}' in the same sentence"
        elif story is not None:
            day, why = story.day, f"the night before the article's narrative day ('{story.text}' in the lead)"
        else:
            day, why = published, "the night before publication"
        assert day is not None
        eve = day - timedelta(days=1)
        rule = (f"overnight: {why}, the night of {eve.isoformat()}/{day.isoformat()}, "
                f"coded to {day.isoformat()}")
        placed[night.start] = replace(night, value=f"{eve.isoformat()}TNI", start_date=eve, end_date=day,
                                      rule=rule)
    return [placed.get(m.start, m) for m in mentions]

