"""Rules anchored on another time: "two days ago" (publication), "a day later", "the next day",
"that week", "a year earlier" (the preceding expression in the same text, else publication)."""

from __future__ import annotations

import re

from eventwire.records.time import TimexType
from eventwire.timex import dates
from eventwire.timex.base import Context, Reading, Rule, from_period, unresolved
from eventwire.timex.lexicon import APPROX_RE, NUMBER_RE, PARTS_OF_DAY, UNIT_RE, parse_number
from eventwire.timex.rules_durations import unit_code

_GRAN_OF_UNIT: dict[str, dates.Granularity] = {
    "D": "day", "W": "week", "F": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "year",
    "CE": "year",
}
# How many anchor periods one unit makes, when it is a whole number of them ("a year" = 4 quarters).
_PER_UNIT: dict[tuple[str, str], int] = {
    ("D", "day"): 1, ("W", "day"): 7, ("F", "day"): 14, ("W", "week"): 1, ("F", "week"): 2,
    ("M", "month"): 1, ("Q", "month"): 3, ("Q", "quarter"): 1, ("Y", "month"): 12, ("Y", "quarter"): 4,
    ("Y", "half"): 2, ("Y", "season"): 4, ("Y", "year"): 1, ("DE", "year"): 10, ("CE", "year"): 100,
    ("DE", "decade"): 1,
}


def _anchor_period(ctx: Context, anchor: Reading | None) -> tuple[dates.Period | None, str]:
    if anchor is not None and anchor.period is not None:
        return anchor.period, f"the preceding expression ({anchor.value})"
    if ctx.published is not None:
        return dates.day(ctx.published), "the publication date"
    return None, ""


def _move(base: dates.Period, n: int, code: str) -> dates.Period:
    """`base` moved by n units; kept at the base's granularity when the unit is a whole number of it."""
    per = _PER_UNIT.get((code, base.granularity))
    if per is not None:
        return dates.shift(base, n * per)
    gran = _GRAN_OF_UNIT.get(code, "day")
    moved = dates.shift(dates.containing(base.start, gran), n * _PER_UNIT.get((code, gran), 1))
    return moved


def offset(m: re.Match[str], ctx: Context, anchor: Reading | None) -> Reading | None:
    """"two days ago", "a week later", "a year earlier", "three months before"."""
    direction = " ".join(m.group("dir").lower().split())
    sign = -1 if direction in ("ago", "earlier", "before", "previously") else 1
    n = parse_number(m.group("num"))
    code = unit_code(m.group("unit"))
    if code in ("S", "H") or (m.group("unit").lower().startswith("minute")):
        return None
    if n is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None, f"vague '{direction}'")
    base, said = _anchor_period(ctx, anchor)
    quarterly = anchor is not None and anchor.period is not None and anchor.period.granularity in (
        "quarter", "half") and code == "Y"
    if direction in ("ago", "from now", "hence") and not quarterly:
        # Counted back from publication, at the unit's own granularity ("six weeks ago" is a week).
        gran = _GRAN_OF_UNIT.get(code, "day")
        base, said = (dates.containing(ctx.published, gran), "publication") if ctx.published else (None, "")
    # In results news "a year ago" after "the third quarter" is that quarter a year before (quarterly).
    if base is None:
        return unresolved(_GRAN_OF_UNIT.get(code, "day"), f"'{direction}'")
    return from_period(_move(base, sign * n, code), f"{n} {m.group('unit').lower()} {direction} {said}")


_STEP = {"that": 0, "the same": 0, "the next": 1, "the following": 1, "the previous": -1, "the preceding": -1,
         "the prior": -1, "before": -1, "after": 1}


def same_or_next(m: re.Match[str], ctx: Context, anchor: Reading | None) -> Reading | None:
    """"the next day", "that week", "the following morning", "earlier that day", "the day before"."""
    which = " ".join((m.group("which") or m.group("dir")).lower().split())
    unit = m.group("unit").lower()
    part = PARTS_OF_DAY.get(unit)
    gran: dates.Granularity = ("day" if part else "weekend" if unit == "weekend"
                               else _GRAN_OF_UNIT[unit_code(unit)])
    base, said = _anchor_period(ctx, anchor)
    suffix = "T" + part if part else ""
    type_: TimexType = "TIME" if part else "DATE"
    if base is None:
        return unresolved(gran, f"'{which} {unit}'", type_, suffix)
    if base.granularity in ("decade", "century") or base.granularity in (
            "year", "quarter", "half", "season") and gran in ("day", "week", "weekend"):
        return unresolved(gran, f"'{which} {unit}' with no finer expression before it", type_, suffix)
    if base.granularity == "month" and gran in ("day", "week", "weekend"):
        # "in March ... the next day": too coarse to count days from; the month is what we know.
        return from_period(base, f"'{which} {unit}' on a coarser anchor, {said}")
    period = dates.shift(dates.containing(base.start, gran), _STEP[which])
    return from_period(period, f"'{which} {unit}' from {said}", type_, suffix)


def reporting_period(m: re.Match[str], ctx: Context, anchor: Reading | None) -> Reading | None:
    """"the year-earlier period", "year-ago", "the latest period", "the week": results-news periods.

    A company's report names a period (usually a quarter) once and then refers back to it; the
    period is the preceding quarter-like expression, else the last quarter completed before publication.
    """
    words = " ".join(m.group(0).lower().split())
    if words == "the week":
        base, said = _anchor_period(ctx, anchor)
        if base is None or base.granularity not in ("day", "week"):
            return unresolved("week", "'the week' without a day to anchor it")
        return from_period(dates.containing(base.start, "week"), f"'the week' of {said}")
    if anchor is not None and anchor.period is not None and anchor.period.granularity in (
            "quarter", "half", "month", "year"):
        base, said = anchor.period, f"the preceding expression ({anchor.value})"
    elif ctx.published is not None:
        base = dates.shift(dates.containing(ctx.published, "quarter"), -1)
        said = "the last quarter completed before publication"
    else:
        return unresolved("quarter", f"'{words}'")
    if "year-ago" in words or "year-earlier" in words:
        return from_period(_move(base, -1, "Y"), f"'{words}': a year before {said}")
    return from_period(base, f"'{words}': {said}")


def rules() -> list[Rule]:
    units = r"(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year)"
    return [
        Rule("ago", rf"\b(?:{APPROX_RE}\s+)?(?P<num>{NUMBER_RE})[\s-]+(?P<unit>{UNIT_RE})\s+"
             r"(?P<dir>ago|earlier|later|previously|from\s+now|hence|before(?=\s*[.,;:)]|$)"
             r"|after(?=\s*[.,;:)]|$))\b", offset, 2, anchored=True),
        Rule("same-next", rf"\b(?:(?:earlier|later)\s+)?(?P<which>that|the\s+same|the\s+next|the\s+following"
             rf"|the\s+previous|the\s+preceding|the\s+prior)\s+{units}\b", same_or_next, 2, anchored=True),
        Rule("period", r"\b(?:the\s+)?(?:year-earlier|year-ago|latest|same)\s+period\b"
             r"|\b(?:year-earlier|year-ago)\b(?!\s+(?:quarter|period))|\bthe\s+week\b(?!\s+(?:of|before|after))",
             reporting_period, 6, anchored=True),
        Rule("day-before", rf"\bthe\s+{units}\s+(?P<dir>before|after)(?=\s*[.,;:)]|$)(?P<which>)",
             same_or_next, 2, anchored=True),
    ]

