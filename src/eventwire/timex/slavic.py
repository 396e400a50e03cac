"""Ukrainian and Russian time expressions, with the same TIMEX3 values and intervals as the English
tagger: "7 листопада", "у ніч на 7 листопада", "вчора", "минулої доби", "сьогодні вночі", weekdays,
"7 ноября", "в ночь на", "за прошедшие сутки"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from eventwire.records.time import TimeMention, TimexType

# Month stems (genitive and nominative forms share them) -> month number, both languages.
_MONTHS = {
    "січ": 1, "лют": 2, "берез": 3, "квіт": 4, "трав": 5, "черв": 6, "лип": 7, "серп": 8, "верес": 9,
    "жовт": 10, "листопад": 11, "груд": 12,
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8, "сентябр": 9,
    "октябр": 10, "ноябр": 11, "декабр": 12,
}
MONTH_RE = (r"(?P<month>січ\w*|лют\w*|берез\w*|квіт\w*|трав\w*|черв\w*|лип\w*|серп\w*|верес\w*|жовт\w*|"
             r"листопад\w*|груд\w*|январ\w*|феврал\w*|март\w*|апрел\w*|ма[яе]|июн\w*|июл\w*|август\w*|"
             r"сентябр\w*|октябр\w*|ноябр\w*|декабр\w*)")
_WEEKDAYS = {"понеділ": 0, "вівтор": 1, "серед": 2, "четвер": 3, "п'ятниц": 4, "п’ятниц": 4, "пʼятниц": 4,
             "субот": 5, "неділ": 6, "понедельник": 0, "вторник": 1, "сред": 2, "пятниц": 4, "воскресень": 6}
WEEKDAY_RE = (r"(?:у|в|во)\s+(?P<wd>понеділок|вівторок|середу|четвер|п['’ʼ]ятницю|суботу|неділю|"
               r"понедельник|вторник|среду|пятницу|воскресенье)")
_NIGHT_ON = r"(?:у|в)\s+ніч\s+(?:на|проти)|(?:в|во)\s+ночь\s+на"
DAY_RE = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?:\s+(?P<year>(?:19|20)\d\d)(?:\s*(?:року|р\.|года|г\.))?)?"

Handler = Callable[[re.Match[str], date | None], tuple[TimexType, str, date | None, date | None, str] | None]


def tag_times_slavic(text: str, published: date | None, article_id: str = "",
                     year_reference: date | None = None) -> list[TimeMention]:
    """`year_reference` (with no publication date): a day named with its weekday, which gives dates
    without a year their year; relative words stay unresolved without `published`."""
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    for pattern, handler in _rules():
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            dated = handler in (_date, _night_on_date) and published is None
            reading = handler(m, year_reference if dated else published)
            if reading is not None and dated and year_reference is not None:
                reading = reading[:4] + (reading[4].replace("year of publication", "year from the weekday of a "
                                                            "day the text names"),)
            if reading is None:
                continue
            kind, value, start, end, rule = reading
            taken.append((m.start(), m.end()))
            found.append(TimeMention(article_id, m.start(), m.end(), m.group(0), kind, value, start, end, rule))
    return sorted(found, key=lambda t: t.start)


@cache
def _rules() -> tuple[tuple[re.Pattern[str], Handler], ...]:
    """Longer expressions first: a night before a date, a date with a year, a bare date, then words."""
    flags = re.IGNORECASE
    return (
        (re.compile(rf"(?:{_NIGHT_ON})\s+{DAY_RE}\s+{MONTH_RE}{_YEAR}", flags), _night_on_date),
        (re.compile(rf"(?:{_NIGHT_ON})\s+{WEEKDAY_RE[WEEKDAY_RE.index('(?P'):]}", flags), _night_on_weekday),
        (re.compile(rf"\b{DAY_RE}\s+{MONTH_RE}{_YEAR}", flags), _date),
        (re.compile(r"\b(?:за\s+)?(?:минул\w+|останн\w+|прошедш\w+|минувш\w+|последн\w+)\s+(?:доб\w+|сутк\w+|"
                    r"24\s+годин\w*|24\s+час\w*)|\bпротягом\s+доби\b|\bза\s+сутки\b|\bза\s+добу\b", flags),
         _past_day),
        (re.compile(r"\b(?:сьогодні|сегодня|этой|цієї|минулої|прошлой|цю)\s+(?:вночі|уночі|ночью|ночі|ночь|ніч)\b",
                    flags), _overnight),
        (re.compile(r"\b(?:вночі|уночі|ночью|минулої\s+ночі|прошлой\s+ночью|нічн\w+|ночн\w+)\b", flags),
         _overnight),
        (re.compile(r"\b(?:позавчора|позавчера)\b", flags), _days_ago(2)),
        (re.compile(r"\b(?:вчора|вчера)\b", flags), _days_ago(1)),
        (re.compile(r"\b(?:сьогодні|сегодня)\b", flags), _days_ago(0)),
        (re.compile(WEEKDAY_RE, flags), _weekday),
    )


def month_of(word: str) -> int | None:
    w = word.lower()
    if w in ("мая", "мае"):
        return 5
    return next((n for stem, n in _MONTHS.items() if len(stem) > 2 and w.startswith(stem)), None)


def _day_of(m: re.Match[str], published: date | None) -> date | None:
    month = month_of(m.group("month"))
    if month is None:
        return None
    year = int(m.group("year")) if m.groupdict().get("year") else None
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            if date(year, month, int(m.group("day"))) > published + timedelta(days=31):
                year -= 1  # "28 грудня" read in January is last December
        except ValueError:
            return None
    try:
        return date(year, month, int(m.group("day")))
    except ValueError:
        return None


def _date(m: re.Match[str], published: date | None) -> tuple[TimexType, str, date | None, date | None, str] | None:
    day = _day_of(m, published)
    if day is None:
        return _unanchored(m)
    rule = "day and month" + ("" if m.group("year") else ", year of publication")
    return "DATE", day.isoformat(), day, day, rule


def _unanchored(m: re.Match[str]) -> tuple[TimexType, str, date | None, date | None, str] | None:
    """A day and month with no year and no publication date: the TIMEX3 value with an unknown year, as the
    English tagger gives it ("XXXX-06-21"), so the mention is kept though no day can be fixed."""
    month = month_of(m.group("month"))
    if month is None or m.group("year") or not 1 <= int(m.group("day")) <= 31:
        return None
    return "DATE", f"XXXX-{month:02d}-{int(m.group('day')):02d}", None, None, "day and month (no publication date)"


def _night_on_date(m: re.Match[str], published: date | None) -> tuple[TimexType, str, date | None, date | None,
                                                                      str] | None:
    day = _day_of(m, published)
    if day is None:
        return None
    eve = day - timedelta(days=1)
    return "TIME", f"{eve.isoformat()}TNI", eve, day, f"overnight: the night into {day.isoformat()}"


def weekday_of(word: str) -> int | None:
    """Monday 0 ... Sunday 6, for a Ukrainian or Russian weekday in any case form."""
    low = word.lower()
    return next((n for stem, n in _WEEKDAYS.items() if low.startswith(stem)), None)


def _weekday_date(name: str, published: date | None) -> date | None:
    wd = weekday_of(name)
    if wd is None or published is None:
        return None
    return published - timedelta(days=(published.weekday() - wd) % 7)


def _night_on_weekday(m: re.Match[str], published: date | None) -> tuple[TimexType, str, date | None,
                                                                         date | None, str] | None:
    day = _weekday_date(m.group("wd"), published)
    if day is None:
        return None
    eve = day - timedelta(days=1)
    return "TIME", f"{eve.isoformat()}TNI", eve, day, f"overnight: the night into {m.group('wd')}"


def _weekday(m: re.Match[str], published: date | None) -> tuple[TimexType, str, date | None, date | None,
                                                                str] | None:
    day = _weekday_date(m.group("wd"), published)
    if day is None:
        return None
    return "DATE", day.isoformat(), day, day, "weekday: the last such day on or before publication"


def _past_day(m: re.Match[str], published: date | None) -> tuple[TimexType, str, date | None, date | None,
                                                                 str] | None:
    if published is None:
        return "DURATION", "P1D", None, None, "the past day (no publication date)"
    return ("DURATION", "P1D", published - timedelta(days=1), published,
            "range: the past day, up to publication")


def _overnight(m: re.Match[str], published: date | None) -> tuple[TimexType, str, date | None, date | None,
                                                                  str] | None:
    if published is None:
        return "TIME", "PRESENT_REF", None, None, "overnight (no publication date)"
    eve = published - timedelta(days=1)
    return "TIME", f"{eve.isoformat()}TNI", eve, published, "overnight: the night before publication"


def _days_ago(n: int) -> Handler:
    def handler(m: re.Match[str], published: date | None) -> tuple[TimexType, str, date | None, date | None,
                                                                   str] | None:
        if published is None:
            return None
        day = published - timedelta(days=n)
        return "DATE", day.isoformat(), day, day, f"{m.group(0).lower()}: {n} day(s) before publication"
    return handler
