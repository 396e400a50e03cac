"""Shared pieces of the tagger's rules: what a rule reads (Context) and what it says (Reading)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from eventwire.records.time import TimexType
from eventwire.timex import dates
from eventwire.timex.lexicon import FUTURE_CUES_RE, PAST_CUES_RE, STRONG_PAST_CUES_RE


@dataclass(frozen=True, slots=True)
class Reading:
    """What one rule makes of one match: TIMEX3 type and value, the interval, and the period behind it.

    `period` is set when the expression names a calendar period that later expressions ("the next
    day", "a year earlier") can be anchored on; durations and PAST_REF-like values have none.
    """

    type: TimexType
    value: str
    start: date | None
    end: date | None
    rule: str
    period: dates.Period | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """The text being tagged and the date relative expressions are resolved against."""

    text: str
    published: date | None
    day_first: bool = False
    # With no publication date, a day the text names with its weekday (timex.weekday_year): dates
    # without a year take their year from it. Relative words still need `published`.
    year_reference: date | None = None

    def clause_before(self, start: int, width: int = 120) -> str:
        """The words before `start` back to the previous clause boundary (at most `width` characters)."""
        before = self.text[max(0, start - width):start]
        cut = max(before.rfind(". "), before.rfind(";"), before.rfind("\n"), before.rfind(", "))
        return before[cut + 1:] if cut >= 0 else before

    def future(self, start: int) -> bool:
        """Whether the clause leading to `start` looks forward ("will meet on Monday", "by March")."""
        return self.tense(start) == "future"

    def past(self, start: int) -> bool:
        """Whether the clause leading to `start` is plainly about the past ("the year ended March 31")."""
        return self.tense(start) == "past"

    def tense(self, start: int) -> str | None:
        """"future", "past" or None (no cue), from the words before `start` in its clause.

        "had been scheduled to expire Friday" is past; "was expected to join in April" looks ahead.
        """
        clause = self.clause_before(start)
        if _strong_past_re().search(clause):
            return "past"
        if _future_re().search(clause):
            return "future"
        if _past_re().search(clause):
            return "past"
        return None

    def word_before(self, start: int) -> str:
        words = self.text[max(0, start - 20):start].split()
        return words[-1].lower().strip(",;:(\"'") if words else ""


@cache
def _future_re() -> re.Pattern[str]:
    return re.compile(FUTURE_CUES_RE, re.IGNORECASE)


@cache
def _strong_past_re() -> re.Pattern[str]:
    return re.compile(STRONG_PAST_CUES_RE, re.IGNORECASE)


@cache
def _past_re() -> re.Pattern[str]:
    return re.compile(PAST_CUES_RE, re.IGNORECASE)


Handler = Callable[[re.Match[str], Context, "Reading | None"], "Reading | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and the handler that reads its matches. `anchored` rules read the previous expression.

    `priority` breaks ties between candidates of the same length (lower wins).
    """

    name: str
    pattern: str
    handler: Handler
    priority: int = 5
    anchored: bool = False
    case_sensitive: bool = False


def from_period(period: dates.Period, rule: str, type_: TimexType = "DATE", suffix: str = "") -> Reading:
    """A reading that names `period`; `suffix` adds a TIMEX3 time part ("TNI", "T15:00")."""
    return Reading(type_, period.value + suffix, period.start, period.end, rule, period)


def unresolved(granularity: dates.Granularity, rule: str, type_: TimexType = "DATE",
               suffix: str = "") -> Reading:
    """A relative expression with no publication date to resolve it against: value only, no interval."""
    return Reading(type_, dates.UNRESOLVED[granularity] + suffix, None, None, rule + " (no publication date)")


def nearest_year(ctx: Context, month: int, day: int, start: int) -> int | None:
    """The year of a day-and-month date without a year: the closest to publication.

    A date before publication in a forward-looking clause ("will take office Jan. 20") is next year's.
    Measured on TempEval-3 (shared half), leaning further to the past lost more than it won.
    """
    pub = ctx.published or ctx.year_reference
    if pub is None:
        return None
    best = min((pub.year - 1, pub.year, pub.year + 1),
               key=lambda y: abs((date(y, month, min(day, 28)) - pub).days))
    candidate = date(best, month, min(day, 28))
    tense = ctx.tense(start)
    if tense == "future" and candidate < pub - timedelta(days=2):
        return best + 1
    if tense == "past" and candidate > pub + timedelta(days=2):
        return best - 1
    return best


def lean(ctx: Context, start: int, this: dates.Period, forward_allowed_today: bool = True) -> dates.Period:
    """Of `this` period and its neighbours, the one a bare name means: past unless the clause looks ahead.

    `this` is the occurrence in the publication's own year (or week); the most recent occurrence not
    after publication is chosen, or the next one not before it when the clause has a forward cue.
    """
    pub = ctx.published
    assert pub is not None
    if ctx.future(start):
        return this if this.end >= pub or (forward_allowed_today and this.start >= pub) else _step(this, 1)
    return this if this.start <= pub else _step(this, -1)


def _step(period: dates.Period, direction: int) -> dates.Period:
    """The same-named period one cycle away: the same month or season a year off, the same day a week off."""
    if period.granularity in ("month", "quarter", "half", "season"):
        return dates.shift(period, direction * {"month": 12, "quarter": 4, "half": 2, "season": 4}[
            period.granularity])
    if period.granularity == "day":
        return dates.day(period.start + timedelta(days=7 * direction))
    return dates.shift(period, direction)


def narrow(reading: Reading, modifier: str, published: date | None) -> Reading:
    """Narrow the interval for "early", "mid", "late", "earlier", "later" without touching the value.

    TimeML keeps such modifiers in a `mod` attribute, not in the value, so only the interval (which
    event dates use) changes: early = first third, mid = middle third, late/end = last third;
    "earlier this week" ends at publication and "later this month" starts there.
    """
    if reading.start is None or reading.end is None:
        return reading
    start, end = reading.start, reading.end
    span = (end - start).days + 1
    third = timedelta(days=max(span // 3, 1) - 1)
    mod = " ".join(modifier.lower().split())
    if mod in ("early", "the beginning of", "the start of", "beginning of", "start of"):
        end = start + third
    elif mod in ("mid", "the middle of", "middle of"):
        start = start + timedelta(days=span // 3)
        end = start + third
    elif mod in ("late", "the end of", "end of"):
        start = end - third
    elif mod == "earlier" and published is not None:
        end = max(start, min(end, published - timedelta(days=1)))
    elif mod in ("later", "the rest of", "the remainder of") and published is not None:
        start = min(end, max(start, published))
    else:
        return reading
    return Reading(reading.type, reading.value, start, end, f"{reading.rule}, narrowed by '{mod}'",
                   reading.period)
