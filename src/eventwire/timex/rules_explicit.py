"""Rules for expressions that name a calendar date or period: "7 November 2024", "Nov. 7", "March",
"2022", "the 1990s", "the third quarter", "11/07/2024", "5-7 November", "3 p.m. on Tuesday"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.timex import dates
from eventwire.timex.base import Context, Reading, Rule, from_period, lean, nearest_year, unresolved
from eventwire.timex.lexicon import (
    DAY_NUM_RE,
    MONTH_RE,
    ORDINALS,
    TENS,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    month_number,
)

_WD = rf"(?:{WEEKDAY_RE},?\s+)?"
_YR = rf"(?:,?\s+(?P<year>{YEAR_RE}))?"


def _day_num(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _month_ok(m: re.Match[str], group: str = "month") -> bool:
    """Month names are capitalised in news; "may"/"march" in lower case are verbs."""
    word = m.group(group)
    return word[0].isupper()


def _day_reading(ctx: Context, m: re.Match[str], mon: int, dnum: int, rule: str) -> Reading | None:
    year_text = m.groupdict().get("year")
    y = int(year_text) if year_text else nearest_year(ctx, mon, dnum, m.start())
    if y is None:
        return Reading("DATE", f"XXXX-{mon:02d}-{dnum:02d}", None, None,
                       rule + " (no year, no publication date)")
    d = dates.safe_date(y, mon, dnum)
    if d is None:
        return None
    if year_text:
        return from_period(dates.day(d), rule)
    basis = "publication" if ctx.published is not None else "the weekday of a day the text names"
    return from_period(dates.day(d), f"{rule}, year from {basis}")


def day_month(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    if not _month_ok(m):
        return None
    return _day_reading(ctx, m, month_number(m.group("month")), _day_num(m.group("day")), "day month")


def month_day(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    if not _month_ok(m) or (m.group("month").lower() in ("may", "march") and ctx.word_before(m.start()) in
                            ("i", "we", "you", "they", "he", "she", "it")):
        return None
    return _day_reading(ctx, m, month_number(m.group("month")), _day_num(m.group("day")), "month day")


def iso_date(m: re.Match[str], _ctx: Context, _: Reading | None) -> Reading | None:
    d = dates.safe_date(int(m.group("year")), int(m.group("m")), int(m.group("d")))
    if d is None:
        return None
    if m.group("time"):
        return Reading("TIME", f"{d.isoformat()}T{m.group('time')}", d, d, "ISO 8601 date-time", dates.day(d))
    return from_period(dates.day(d), "ISO 8601 date")


def numeric_date(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    y = y + (2000 if y < 50 else 1900) if y < 100 else y
    day_first = ctx.day_first or m.group("sep") == "." or a > 12
    mon, dnum = (b, a) if day_first and b <= 12 else (a, b)
    d = dates.safe_date(y, mon, dnum)
    if d is None:
        return None
    return from_period(dates.day(d), "numeric date, " + ("day first" if day_first else "month first (US)"))


def month_year(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    if not _month_ok(m):
        return None
    mon = month_number(m.group("month"))
    if m.group("year"):
        return from_period(dates.month(int(m.group("year")), mon), "month year")
    if ctx.published is None:
        return unresolved("month", "month of a relative year")
    step = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return from_period(dates.month(ctx.published.year + step, mon), f"month of {m.group('rel').lower()} year")


_MONTH_CONTEXT = ("in", "since", "until", "till", "by", "of", "during", "from", "through", "to",
                  "between", "and", "or", "before", "after", "last", "this", "next", "early", "late", "mid",
                  "for", "each", "every", "end", "beginning", "start", "middle", "around")


def month_alone(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    word = m.group("month")
    if not _month_ok(m) or "." in word or len(word) <= 4 and word.lower() not in ("may", "june", "july"):
        return None
    rel = (m.group("rel") or "").lower()
    if word.lower() in ("may", "march") and not rel and not m.group("mod") \
            and ctx.word_before(m.start()) not in _MONTH_CONTEXT:
        return None
    mon = month_number(word)
    if ctx.published is None:
        return Reading("DATE", f"XXXX-{mon:02d}", None, None, "month name (no publication date)")
    pub = ctx.published
    this = dates.month(pub.year, mon)
    if rel == "last":
        period = this if this.end < pub.replace(day=1) else dates.shift(this, -12)
    elif rel == "next":
        period = this if this.start > pub else dates.shift(this, 12)
    elif rel == "this":
        period = this
    else:
        period = lean(ctx, m.start(), this)
    return from_period(period, f"month name{' ' + rel if rel else ''}: most recent"
                       + (" or next, by tense" if not rel else ""))


def year_alone(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    text, start, end = ctx.text, m.start(), m.end()
    if start > 0 and text[start - 1] in "$£€#":
        return None
    counted = (r"\s*(?:%|percent|per\s+cent|people|troops|soldiers|tons|tonnes|km|miles|metres|meters"
               r"|feet|dollars|euros|men|women|residents|cases|units|votes|shares|pounds|barrels|civilians"
               r"|workers|members|children|households|homes|jobs|vehicles|drones|missiles|rounds|kilometres)\b")
    if re.match(counted, text[end:end + 20]) and not m.group("pre"):
        return None
    return from_period(dates.year(int(m.group("year"))), "year number")


def written_year(m: re.Match[str], _ctx: Context, _: Reading | None) -> Reading | None:
    words = m.group(0).lower().replace("-", " ").split()
    ones = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
    if words[:2] == ["the", "year"]:
        words = words[2:]
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return from_period(dates.year(2000 + (ones.get(rest[0], 0) if rest else 0)), "year in words")
    tens = TENS.get(words[1], 0) if len(words) > 1 else 0
    unit = ones.get(words[2], 0) if len(words) > 2 else 0
    return from_period(dates.year(1900 + tens + unit), "year in words")


def decade(m: re.Match[str], _ctx: Context, _: Reading | None) -> Reading | None:
    digits = m.group("dec")
    first = int(digits) if len(digits) == 4 else 1900 + int(digits)
    return from_period(dates.decade(first), "decade")


def century(m: re.Match[str], _ctx: Context, _: Reading | None) -> Reading | None:
    return from_period(dates.century((int(m.group("n")) - 1) * 100), "century")


def quarter(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    words = m.group(0).lower()
    year_text = m.group("year")
    ordinal = next((n for w, n in ORDINALS.items() if re.search(rf"\b{w}\b", words)), None)
    if ordinal is None and "final" in words:
        ordinal = 4
    if ctx.published is None and not (ordinal and year_text):
        return Reading("DATE", f"XXXX-Q{ordinal or 'X'}", None, None, "quarter (no publication date)")
    if ctx.published is None:
        return from_period(dates.quarter(int(year_text), ordinal or 1), "quarter by number")
    pub = ctx.published
    current = dates.containing(pub, "quarter")
    if ordinal is not None:
        y = int(year_text) if year_text else pub.year - (1 if "last year" in words else 0)
        period = dates.quarter(y, ordinal)
        if not year_text and "last year" not in words and period.start > pub + timedelta(days=92):
            # Results news names quarters of the current fiscal year; one that has not begun within
            # the next quarter is last year's.
            period = dates.quarter(y - 1, ordinal)
        return from_period(period, "quarter by number")
    if "current" in words or "this" in words:
        return from_period(current, "current quarter")
    if "next" in words or "coming" in words:
        return from_period(dates.shift(current, 1), "next quarter")
    steps = -5 if "year-ago" in words or "year-earlier" in words or "year ago" in words else -1
    # "the quarter", "the latest quarter", "last quarter": the last one reported, i.e. completed.
    return from_period(dates.shift(current, steps), "most recently completed quarter")


def half(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    h = 1 if m.group("h").lower() == "first" else 2
    year_text = (m.group("of") or "").lower()
    if re.fullmatch(r"\d{4}", year_text):
        return from_period(dates.half(int(year_text), h), "half year")
    if ctx.published is None:
        return unresolved("half", "half year")
    y = ctx.published.year + (-1 if "last" in year_text else 1 if "next" in year_text else 0)
    period = dates.half(y, h)
    return from_period(period if year_text else lean(ctx, m.start(), period), "half year")


def day_range(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    """"5-7 November", "between 5 and 7 November 2024", "November 5-7": one interval."""
    if not _month_ok(m):
        return None
    mon = month_number(m.group("month"))
    first, last = _day_num(m.group("d1")), _day_num(m.group("d2"))
    if not first < last <= 31:
        return None
    year_text = m.group("year")
    y = int(year_text) if year_text else nearest_year(ctx, mon, first, m.start())
    if y is None:
        return Reading("DURATION", f"P{last - first + 1}D", None, None,
                       "range: day to day of a month, no year")
    start, end = dates.safe_date(y, mon, first), dates.safe_date(y, mon, last)
    if start is None or end is None:
        return None
    return Reading("DURATION", f"P{last - first + 1}D", start, end, "range: day to day of a month")


def year_range(m: re.Match[str], _ctx: Context, _: Reading | None) -> Reading | None:
    first = int(m.group("y1"))
    tail = m.group("y2")
    last = int(tail) if len(tail) == 4 else first - first % 100 + int(tail)
    if not first < last <= first + 100:
        return None
    return Reading("DURATION", f"P{last - first + 1}Y", date(first, 1, 1), date(last, 12, 31),
                   "range: year to year")


def clock_time(m: re.Match[str], ctx: Context, anchor: Reading | None) -> Reading | None:
    """"3 p.m.", "10:35 a.m. EST Tuesday", "noon": the time on the day named, else on the day of the
    preceding day-level expression (news tells a day's events in order), else the publication day."""
    word = m.group("clock").lower()
    if word in ("noon", "midday"):
        hh, mm = 12, 0
    elif word == "midnight":
        hh, mm = 0, 0
    else:
        hh, mm = int(m.group("h")), int(m.group("min") or 0)
        ampm = (m.group("ampm") or "").lower()
        if hh > 23 or mm > 59 or (ampm and hh > 12):
            return None
        hh = hh % 12 + (12 if ampm.startswith("p") else 0) if ampm else hh
    day_word = (m.group("dayword") or "").lower()
    base = _day_for_word(day_word, ctx, m.start())
    anchor_day = anchor.period if anchor is not None else None
    if not day_word and anchor_day is not None and anchor_day.granularity == "day":
        base, day_word = anchor_day.start, f"the day of '{anchor_day.value}'"
    if base is None:
        return Reading("TIME", f"XXXX-XX-XXT{hh:02d}:{mm:02d}", None, None,
                       "clock time (no publication date)")
    return Reading("TIME", f"{base.isoformat()}T{hh:02d}:{mm:02d}", base, base,
                   "clock time on " + (day_word or "the publication day"), dates.day(base))


def _day_for_word(word: str, ctx: Context, start: int) -> date | None:
    pub = ctx.published
    if pub is None:
        return None
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "": 0, "tonight": 0}
    if word in offsets:
        return pub + timedelta(days=offsets[word])
    target = WEEKDAYS[word]
    back = (pub.weekday() - target) % 7
    return pub + timedelta(days=(7 - back) % 7) if ctx.future(start) else pub - timedelta(days=back)


_ORD_Q = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
_HOL = (r"(?:Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)|Independence\s+Day|Halloween"
        r"|Valentine's\s+Day|Thanksgiving(?:\s+Day)?|Election\s+Day)")


def _floating(name: str, y: int) -> date:
    """US holidays fixed by weekday: Thanksgiving (4th Thursday of November), Election Day (the
    Tuesday after the first Monday of November)."""
    first = date(y, 11, 1)
    if name.startswith("thanksgiving"):
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return first + timedelta(days=(0 - first.weekday()) % 7 + 1)


def holiday(m: re.Match[str], ctx: Context, _: Reading | None) -> Reading | None:
    if not m.group("hol")[0].isupper():
        return None
    name = " ".join(m.group("hol").lower().split())
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
             "halloween": (10, 31), "valentine's day": (2, 14)}
    mon, dnum = fixed.get(name, (11, 25))
    year_text = m.group("year")
    y = int(year_text) if year_text else nearest_year(ctx, mon, dnum, m.start())
    if y is None:
        return unresolved("day", "holiday")
    def on(year: int) -> date:
        return date(year, mon, dnum) if name in fixed else _floating(name, year)
    if m.group(0).lower().startswith("last") and ctx.published and not year_text and on(y) >= ctx.published:
        y -= 1
    return from_period(dates.day(on(y)), "holiday" + ("" if name in fixed else " by weekday rule"))


def rules() -> list[Rule]:
    """The explicit-date rules, in priority order."""
    return [
        Rule("iso", rf"\b(?P<year>{YEAR_RE})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
             r"(?:T(?P<time>\d\d:\d\d(?::\d\d)?))?\b", iso_date, 1),
        Rule("numeric", r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\b(?![/.]\d)",
             numeric_date, 1),
        Rule("day-range", rf"\b(?:between\s+(?:the\s+)?)?(?P<d1>{DAY_NUM_RE})\s*(?:-|–|to|and|until)\s*"
             rf"(?P<d2>{DAY_NUM_RE})(?:\s+of)?\s+(?P<month>{MONTH_RE}){_YR}(?![\w])", day_range, 1),
        Rule("month-day-range", rf"\b(?P<month>{MONTH_RE})\s+(?P<d1>{DAY_NUM_RE})\s*"
             rf"(?:-|–|to|through|until)\s*(?P<d2>{DAY_NUM_RE})\b{_YR}", day_range, 1),
        Rule("year-range", rf"\b(?P<y1>{YEAR_RE})\s*(?:-|–|to)\s*(?P<y2>{YEAR_RE}|\d\d)\b(?![-/]\d)",
             year_range, 2),
        Rule("day-month", rf"\b{_WD}(?:the\s+)?(?P<day>{DAY_NUM_RE})(?:\s+of)?\s+(?P<month>{MONTH_RE})"
             rf"(?![\w]){_YR}", day_month, 2),
        Rule("month-day", rf"\b{_WD}(?P<month>{MONTH_RE})\s+(?:the\s+)?(?P<day>{DAY_NUM_RE})"
             rf"(?!\d|:\d|\s*(?:%|,\d))\b{_YR}", month_day, 2),
        Rule("month-year", rf"\b(?P<month>{MONTH_RE})(?:(?:,?\s+|\s+of\s+)(?P<year>{YEAR_RE})"
             r"|\s+(?P<rel>this|last|next)\s+year)\b", month_year, 2),
        Rule("month", r"\b(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
             r"|the\s+middle\s+of)[\s-]+)?(?:(?P<rel>last|this|next|past)\s+)?"
             rf"(?P<month>{MONTH_RE})(?![\w])", month_alone, 3),
        Rule("year", rf"(?<![\d,.$£€-])\b(?:(?P<pre>fiscal|calendar|the\s+year|mid|early|late|the\s+end\s+of"
             rf"|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|post|pre)[\s-]+)?(?P<year>{YEAR_RE})\b"
             r"(?![,.]\d|-\d|\s*-)", year_alone, 4),
        Rule("written-year", r"\b(?:the\s+year\s+)?(?:nineteen[\s-]+(?:twenty|thirty|forty|fifty|sixty"
             r"|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
             r"|two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine))?)\b"
             r"(?![\s-]+(?:years?|people|dollars|troops)\b)", written_year, 4),
        Rule("decade", r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?"
             r"(?:(?P<dec>(?:1[6-9]|20)\d0)|'(?P<dec2>\d0))s\b", _decade_any, 3),
        Rule("century", r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<n>1\d|20|21)(?:st|nd|rd|th)"
             r"[\s-]+century\b", century, 3),
        Rule("quarter", rf"\b(?:(?:the|this\s+year's|last\s+year's)\s+(?!{_ORD_Q}-quarter))?"
             rf"(?:(?:fiscal|latest|current|last|next|previous|recent|year-ago|year-earlier|same|{_ORD_Q})"
             r"[\s-]+)*(?:fiscal[\s-]+)?quarter"
             rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR_RE}))?\b(?!s)", quarter, 3),
        Rule("half", rf"\b(?:the\s+)?(?P<h>first|second)\s+half(?:\s+of\s+(?P<of>{YEAR_RE}|this\s+year"
             r"|last\s+year|next\s+year))?\b", half, 3),
        Rule("holiday", rf"\b(?:last\s+)?(?P<hol>{_HOL}){_YR}", holiday, 3),
        Rule("clock", r"\b(?P<clock>(?P<h>\d{1,2})(?::(?P<min>\d\d))?\s*"
             r"(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)|noon|midnight|midday)(?:\s+(?:EST|EDT|GMT|UTC|CET|BST|PST|PDT"
             rf"|local\s+time))?(?:\s+(?:on\s+)?(?P<dayword>{WEEKDAY_RE}|today|yesterday|tomorrow|tonight))?",
             clock_time, 3, anchored=True),
    ]


def _decade_any(m: re.Match[str], ctx: Context, anchor: Reading | None) -> Reading | None:
    if m.group("dec2"):
        return from_period(dates.decade(1900 + int(m.group("dec2"))), "decade ('80s = 1980s)")
    return decade(m, ctx, anchor)
