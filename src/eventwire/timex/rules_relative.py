"""Rules for expressions resolved against the publication date or a preceding expression:
"yesterday", "on Monday", "last night", "last week", "two days ago", "the next day", "a day later"."""

from __future__ import annotations

import re
from datetime import timedelta

from eventwire.records.time import TimexType
from eventwire.timex import dates
from eventwire.timex.base import Context, Reading, Rule, from_period, lean, narrow, unresolved
from eventwire.timex.lexicon import PART_RE, PARTS_OF_DAY, SEASON_RE, SEASONS, WEEKDAY_RE, WEEKDAYS

_MOD = r"(?:(?P<mod>early|late|earlier|later|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of" \
       r"|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of)[\s-]+(?:on\s+)?)?"
_PART = rf"(?:\s+(?P<part>{PART_RE}))?"
_DEICTIC = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "the day before yesterday": -2,
            "the day after tomorrow": 2}


def _part_suffix(m: re.Match[str]) -> str:
    part = m.groupdict().get("part")
    return "T" + PARTS_OF_DAY[part.lower()] if part else ""


def _day(ctx: Context, m: re.Match[str], offset: int, rule: str) -> Reading:
    suffix = _part_suffix(m)
    type_: TimexType = "TIME" if suffix else "DATE"
    if ctx.published is None:
        return unresolved("day", rule, type_, suffix)
    reading = from_period(dates.day(ctx.published + timedelta(days=offset)), rule, type_, suffix)
    mod = m.groupdict().get("mod")
    return narrow(reading, mod, ctx.published) if mod else reading


def deictic(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    word = " ".join(m.group("word").lower().split())
    suffix_word = "TNI" if word == "tonight" else ""
    reading = _day(ctx, m, _DEICTIC[word], f"'{word}' from publication date")
    if suffix_word and not reading.value.endswith("TNI"):
        return Reading("TIME", reading.value + suffix_word, reading.start, reading.end, reading.rule,
                       reading.period)
    return reading


def weekday(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    name = m.group("wd")
    if not name[0].isupper():
        return None
    rel = (m.group("rel") or "").lower()
    if ctx.published is None:
        return _day(ctx, m, 0, "weekday")
    pub, target = ctx.published, WEEKDAYS[name.lower()]
    back, ahead = (pub.weekday() - target) % 7, (target - pub.weekday()) % 7
    if rel in ("last", "past"):
        offset, why = -(back or 7), "the one before publication"
    elif rel in ("next", "coming", "this"):
        offset, why = ahead or 7, "the one after publication"
    elif ctx.future(m.start()):
        offset, why = ahead, "the next one (forward-looking clause)"
    else:
        offset, why = -back, "the most recent one not after publication (news reports the past)"
    return _day(ctx, m, offset, f"weekday {name}: {why}")


def part_of_day(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    rel = m.group("rel").lower()
    offset = -1 if rel == "last" and m.group("part").lower() == "night" else 0
    return _day(ctx, m, offset, f"'{rel} {m.group('part').lower()}' from publication date")


def overnight(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    """The night before publication; the tagger moves it when the article narrates an earlier day."""
    if m.group(0).lower().startswith("the") and ctx.word_before(m.start()) not in (
            "during", "throughout", "through", "in", "overnight", "all"):
        return None
    if ctx.published is None:
        return Reading("TIME", "XXXX-XX-XXTNI", None, None, "overnight (no publication date)")
    night = ctx.published - timedelta(days=1)
    return Reading("TIME", f"{night.isoformat()}TNI", night, ctx.published,
                   "overnight: the night before publication", dates.day(ctx.published))


_UNIT_GRAN: dict[str, dates.Granularity] = {
    "week": "week", "weekend": "weekend", "month": "month", "year": "year", "decade": "decade",
    "century": "century", "quarter": "quarter", "day": "day",
}
_REL_STEP = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "the past": -1,
             "previous": -1, "the last": -1, "the previous": -1, "next": 1, "coming": 1, "the coming": 1}


def relative_unit(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    """"last week", "this year", "earlier this month", "next summer", "the past decade"."""
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    if unit in ("decade", "century") and rel in ("the past", "the last", "past"):
        years = 10 if unit == "decade" else 100
        return Reading("DURATION", f"P{years}Y", None, None, f"'{rel} {unit}' as a duration")
    if unit in SEASONS:
        return _relative_season(m, ctx, rel, SEASONS[unit])
    if ctx.published is None:
        return unresolved(_UNIT_GRAN[unit], f"'{rel} {unit}'")
    period = dates.shift(dates.containing(ctx.published, _UNIT_GRAN[unit]), _REL_STEP[rel])
    reading = from_period(period, f"'{rel} {unit}' from publication date")
    mod = m.group("mod")
    return narrow(reading, mod, ctx.published) if mod else reading


def _relative_season(m: re.Match[str], ctx: Context, rel: str, code: str) -> Reading | None:
    if ctx.published is None:
        return Reading("DATE", f"XXXX-{code}", None, None, f"'{rel}' season (no publication date)")
    pub = ctx.published
    this = dates.season(pub.year - (1 if code == "WI" and pub.month <= 2 else 0), code)
    step = _REL_STEP[rel]
    if step < 0:
        period = this if this.end < pub else dates.shift(this, -4)
    elif step > 0 and rel != "this":
        period = this if this.start > pub else dates.shift(this, 4)
    else:
        period = this
    reading = from_period(period, f"'{rel}' season")
    mod = m.group("mod")
    return narrow(reading, mod, pub) if mod else reading


def season_alone(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    word = m.group("season").lower()
    year_text = m.group("year")
    if year_text:
        return from_period(dates.season(int(year_text), SEASONS[word]), "season of a year")
    if word == "fall" and ctx.word_before(m.start()) not in ("the", "in", "this", "last", "next", "early",
                                                             "late"):
        return None
    if ctx.published is None:
        return Reading("DATE", f"XXXX-{SEASONS[word]}", None, None, "season (no publication date)")
    pub = ctx.published
    this = dates.season(pub.year - (1 if SEASONS[word] == "WI" and pub.month <= 2 else 0), SEASONS[word])
    reading = from_period(lean(ctx, m.start(), this), "season: most recent, or next by tense")
    mod = m.group("mod")
    return narrow(reading, mod, pub) if mod else reading


def the_weekend(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    if ctx.published is None:
        return unresolved("weekend", "the weekend")
    pub = ctx.published
    this = dates.weekend(pub)
    if ctx.future(m.start()):
        period = this if this.end >= pub else dates.shift(this, 1)
    else:
        period = this if this.start <= pub else dates.shift(this, -1)
    return from_period(period, "the weekend: most recent, or next by tense")


def the_year(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    """"the year" / "the fiscal year" span a year (a duration in TimeML); "the full year", "the current
    year" name the publication's year; "year-end" its last day."""
    words = " ".join(m.group(0).lower().split())
    if words in ("the year", "the fiscal year"):
        return Reading("DURATION", "P1Y", None, None, f"'{words}' as a duration")
    if ctx.published is None:
        return unresolved("day" if "end" in words else "year", f"'{words}'")
    if "end" in words:
        return from_period(dates.day(ctx.published.replace(month=12, day=31)), f"'{words}': 31 December")
    return from_period(dates.year(ctx.published.year), f"'{words}': the publication's year")


def rules() -> list[Rule]:
    """The rules resolved against the publication date, in priority order."""
    rel = r"(?P<rel>this|last|next|past|previous|coming|current|the\s+past|the\s+last|the\s+previous" \
          r"|the\s+current|the\s+coming)"
    return [
        Rule("deictic", rf"\b{_MOD}(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
             rf"|yesterday|today|tomorrow|tonight)\b{_PART}", deictic, 2),
        Rule("weekday", rf"\b(?:(?P<rel>last|this|next|past|coming)\s+|{_MOD})?(?P<wd>{WEEKDAY_RE})\b"
             rf"(?!,?\s+(?:the\s+)?\d){_PART}", weekday, 3),
        Rule("part-of-day", rf"\b{_MOD}(?P<rel>this|last)\s+(?P<part>{PART_RE})\b", part_of_day, 3),
        Rule("overnight", r"\bovernight\b|\bthe\s+night\b(?!\s+(?:of|before|after|when|that)\b)",
             overnight, 4),
        Rule("relative-unit", rf"\b{_MOD}{rel}\s+(?P<unit>week|weekend|month|year|decade|century"
             rf"|{SEASON_RE})\b", relative_unit, 3),
        Rule("season", rf"\b{_MOD}(?P<season>{SEASON_RE})(?:\s+(?:of\s+)?(?P<year>\d{{4}}))?\b",
             season_alone, 5),
        Rule("weekend", r"\b(?:the|this)\s+weekend\b", the_weekend, 4),
        Rule("the-year", r"\bthe\s+(?:full\s+|fiscal\s+|current\s+(?:fiscal\s+)?|latest\s+fiscal\s+)?year\b"
             r"(?![-\s]+(?:\d|ago|earlier|before|after|later|two|old))|\byear(?:-end|\s+end|'s\s+end)\b"
             r"|\bthe\s+end\s+of\s+the\s+year\b", the_year, 6),
    ]
