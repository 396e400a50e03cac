"""The year of an article that carries no publication date, read from a day it names with its weekday.

"On Saturday, June 18, the invaders launched a missile attack" fixes the year without saying it: June 18
fell on a Saturday in 2022, and before that in 2016. News names the weekday of recent days, so the most
recent such year, not after the day the text is read, is the article's. The tagger then gives the other
dates of the article that have no year ("on the night of June 15") the year nearest that day, as it would
with a publication date. Relative words ("yesterday") stay unresolved: the day of writing is still unknown.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from functools import cache

from eventwire.timex import slavic
from eventwire.timex.lexicon import DAY_NUM_RE, MONTH_RE, WEEKDAY_RE, WEEKDAYS, month_number

# A weekday falls on the same date again within 11 years (6 or 11, or 5 across a leap day), so the most
# recent match is never far back; looking further would only find older namesakes of the same day.
_YEARS_BACK = 12

_NO_YEAR_AFTER = r"(?!\w|,?\s*(?:19|20)\d\d)"


@cache
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    return {
        "en": (re.compile(rf"\b(?P<wd>{WEEKDAY_RE}),?\s+(?:the\s+)?(?P<day>{DAY_NUM_RE})(?:\s+of)?\s+"
                          rf"(?P<month>{MONTH_RE}){_NO_YEAR_AFTER}"),
               re.compile(rf"\b(?P<wd>{WEEKDAY_RE}),?\s+(?P<month>{MONTH_RE})\.?\s+(?:the\s+)?"
                          rf"(?P<day>{DAY_NUM_RE}){_NO_YEAR_AFTER}")),
        # "у суботу, 21 червня", "в субботу 21 июня", and "21 червня, у суботу"
        "uk_ru": (re.compile(rf"{slavic.WEEKDAY_RE},?\s+{slavic.DAY_RE}\s+{slavic.MONTH_RE}{_NO_YEAR_AFTER}",
                             re.IGNORECASE),
                  re.compile(rf"\b{slavic.DAY_RE}\s+{slavic.MONTH_RE},?\s+{slavic.WEEKDAY_RE}\b", re.IGNORECASE)),
    }


def _weekday_number(word: str) -> int | None:
    return WEEKDAYS.get(word.lower(), slavic.weekday_of(word))


def _month_of(word: str) -> int | None:
    return month_number(word) if word[:1].isascii() else slavic.month_of(word)


def _years(weekday: int, month: int, day: int, today: date) -> list[int]:
    """The years, newest first and not after `today`, in which `day` `month` fell on `weekday`."""
    out = []
    for year in range(today.year, today.year - _YEARS_BACK, -1):
        try:
            when = date(year, month, day)
        except ValueError:  # 29 February of a common year, or 31 June
            continue
        if when.weekday() == weekday and when <= today + timedelta(days=1):
            out.append(year)
    return out


def year_reference(text: str, language: str = "en", today: date | None = None) -> date | None:
    """The most recent day that agrees with the weekday-dated days `text` names, or None if it names none.

    Where several are named, the year most of them agree on wins (the newest among equals); the day
    returned is the first named day in that year, for the tagger to take the nearest year from.
    """
    today = today or date.today()
    named: list[tuple[int, int, list[int]]] = []
    for pattern in _patterns()["uk_ru" if language in ("uk", "ru") else "en"]:
        for m in pattern.finditer(text):
            weekday, month = _weekday_number(m.group("wd")), _month_of(m.group("month"))
            day = int(re.sub(r"\D", "", m.group("day")))
            if weekday is None or month is None or not 1 <= day <= 31:
                continue
            years = _years(weekday, month, day, today)
            if years:
                named.append((month, day, years))
    if not named:
        return None
    votes = Counter(y for _, _, years in named for y in years)
    year = max(votes, key=lambda y: (votes[y], y))
    month, day = next((mo, d) for mo, d, years in named if year in years)
    return date(year, month, day)
