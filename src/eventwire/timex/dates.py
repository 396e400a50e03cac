"""Calendar arithmetic and TIMEX3 value spelling for the granularities news uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Granularity = Literal["day", "weekend", "week", "month", "quarter", "half", "season", "year", "decade",
                      "century"]


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period at one granularity, with its TIMEX3 value and the days it covers."""

    value: str
    start: date
    end: date
    granularity: Granularity


def add_months(d: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def safe_date(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12 and 1 <= day <= days_in_month(year, month)):
        return None
    return date(year, month, day)


def day(d: date) -> Period:
    return Period(d.isoformat(), d, d, "day")


def week(d: date) -> Period:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Period(f"{iso.year}-W{iso.week:02d}", monday, monday + timedelta(days=6), "week")


def weekend(d: date) -> Period:
    """The weekend of the ISO week containing `d`."""
    iso = d.isocalendar()
    saturday = d - timedelta(days=d.weekday()) + timedelta(days=5)
    return Period(f"{iso.year}-W{iso.week:02d}-WE", saturday, saturday + timedelta(days=1), "weekend")


def month(year: int, m: int) -> Period:
    return Period(f"{year:04d}-{m:02d}", date(year, m, 1), date(year, m, days_in_month(year, m)), "month")


def quarter(year: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(f"{year:04d}-Q{q}", date(year, first, 1),
                  date(year, first + 2, days_in_month(year, first + 2)), "quarter")


def half(year: int, h: int) -> Period:
    return Period(f"{year:04d}-H{h}", date(year, 1 if h == 1 else 7, 1),
                  date(year, 6, 30) if h == 1 else date(year, 12, 31), "half")


def season(year: int, code: str) -> Period:
    """Meteorological seasons (northern hemisphere); winter `year` runs December to February."""
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    start = date(year, start_month, 1)
    end = add_months(start, 3) - timedelta(days=1)
    return Period(f"{year:04d}-{code}", start, end, "season")


def year(y: int) -> Period:
    return Period(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year")


def decade(first_year: int) -> Period:
    return Period(f"{first_year // 10:03d}", date(first_year, 1, 1), date(first_year + 9, 12, 31), "decade")


def century(first_year: int) -> Period:
    return Period(f"{first_year // 100:02d}", date(first_year, 1, 1), date(first_year + 99, 12, 31),
                  "century")


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def season_of(d: date) -> tuple[int, str]:
    """The season (its year and code) that contains `d`."""
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, ("SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA")[d.month - 3]


def shift(period: Period, steps: int) -> Period:
    """The period `steps` units after (or before) `period`, at the same granularity."""
    g = period.granularity
    if g == "day":
        return day(period.start + timedelta(days=steps))
    if g in ("week", "weekend"):
        moved = period.start + timedelta(weeks=steps)
        return week(moved) if g == "week" else weekend(moved)
    if g == "month":
        moved = add_months(period.start, steps)
        return month(moved.year, moved.month)
    if g == "quarter":
        moved = add_months(period.start, 3 * steps)
        return quarter(moved.year, quarter_of(moved))
    if g == "half":
        moved = add_months(period.start, 6 * steps)
        return half(moved.year, 1 if moved.month <= 6 else 2)
    if g == "season":
        y, code = season_of(add_months(period.start, 3 * steps))
        return season(y, code)
    if g == "year":
        return year(period.start.year + steps)
    if g == "decade":
        return decade(period.start.year + 10 * steps)
    return century(period.start.year + 100 * steps)


def containing(d: date, g: Granularity) -> Period:
    """The period of granularity `g` that contains day `d`."""
    makers = {
        "day": lambda: day(d), "week": lambda: week(d), "weekend": lambda: weekend(d),
        "month": lambda: month(d.year, d.month), "quarter": lambda: quarter(d.year, quarter_of(d)),
        "half": lambda: half(d.year, 1 if d.month <= 6 else 2), "season": lambda: season(*season_of(d)),
        "year": lambda: year(d.year), "decade": lambda: decade(d.year - d.year % 10),
        "century": lambda: century(d.year - d.year % 100),
    }
    return makers[g]()


UNRESOLVED: dict[Granularity, str] = {
    "day": "XXXX-XX-XX", "weekend": "XXXX-WXX-WE", "week": "XXXX-WXX", "month": "XXXX-XX",
    "quarter": "XXXX-QX", "half": "XXXX-HX", "season": "XXXX-XX", "year": "XXXX", "decade": "XXX",
    "century": "XX",
}
