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
from eventwire.timex.narrative import narrative_day, reporting_date, sentence_of, sentences
from eventwire.timex.weekday_year import year_reference


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
              day_first: bool = False, language: str = "en") -> list[TimeMention]:
    """Time expressions in `text`, resolved against `published` (None: relative ones stay unresolved).

    `day_first` reads 07/11/2024 as 7 November (the European convention); otherwise numeric dates are
    read month first unless the first number cannot be a month. `language` "uk" or "ru" uses the
    Ukrainian and Russian rules (timex.slavic), which give the same TIMEX3 values.
    """
    if isinstance(published, datetime):  # a datetime is a date, but cannot be compared with one
        published = published.date()
    year_ref = year_reference(text, language) if published is None else None
    if language in ("uk", "ru"):
        from eventwire.timex.slavic import tag_times_slavic
        return tag_times_slavic(text, published, article_id, year_ref)
    ctx = Context(text, published, day_first, year_ref)
    chosen = _select(_candidates(ctx))
    readings = _resolve_anchored(chosen, ctx)
    mentions = [TimeMention(article_id, c.start, c.end, c.match.group(0), r.type, r.value, r.start, r.end,
                            r.rule) for c, r in zip(chosen, readings, strict=True)]
    return _place_overnight(_clock_on_story_day(mentions, text, published), text, published)


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
    """Re-read anchored expressions in text order with the closest preceding dated expression.

    A clock time with no day of its own ("shortly after 7 pm") takes the story's day in force at that
    point: the last day named before it that does not date a speech act ("said on Tuesday" tells when
    the news was given, not when the shells struck).
    """
    readings: list[Reading] = []
    anchor: Reading | None = None
    story: Reading | None = None
    for cand in chosen:
        reading = cand.reading
        if cand.rule.anchored:
            given = story if cand.rule.name == "clock" and story is not None else anchor
            reading = _read(cand.rule, cand.match, ctx, given) or reading
        readings.append(reading)
        if reading.period is not None and not reading.rule.startswith("overnight"):
            anchor = reading
            if reading.period.granularity == "day" and not reporting_date(ctx.text, cand.start):
                story = reading
    return readings


def _clock_on_story_day(mentions: list[TimeMention], text: str, published: date | None) -> list[TimeMention]:
    """A clock time with no day before it in the text takes the article's narrative day, not publication's."""
    bare = [m for m in mentions if m.rule == "clock time on the publication day"]
    story = narrative_day(mentions, text, published) if bare else None
    if story is None or story.day == published:
        return mentions
    placed = {m.start: replace(m, value=story.day.isoformat() + m.value[10:], start_date=story.day,
                               end_date=story.day,
                               rule=f"clock time on the story's day ('{story.text}' in the lead)")
              for m in bare}
    return [placed.get(m.start, m) for m in mentions]


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
        evening = _evening_before(days, spans, night, text)
        if same:
            ref = min(same, key=lambda m: abs(m.start - night.start))
            day, why = ref.start_date, f"the night before '{ref.text}' in the same sentence"
        elif evening is not None and evening.start_date is not None:
            day, why = evening.start_date + timedelta(days=1), f"the night after '{evening.text}' just before it"
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



_EVENING_RE = re.compile(r"T(?:EV|NI|1[7-9]:\d\d|2[0-3]:\d\d)$")


def _evening_before(days: list[TimeMention], spans: list[tuple[int, int]], night: TimeMention,
                    text: str) -> TimeMention | None:
    """The evening the story is at when "the night" comes ("shelled at 7 pm. Rescuers worked through
    the night"): the last dated expression in this or the previous sentence, when it is an evening."""
    sent = sentence_of(spans, night.start)
    index = spans.index(sent) if sent in spans else 0
    since = spans[index - 1][0] if index > 0 else sent[0]
    before = [m for m in days if since <= m.start < night.start and not reporting_date(text, m.start)]
    last = max(before, key=lambda m: m.start, default=None)
    return last if last is not None and _EVENING_RE.search(last.value) else None
