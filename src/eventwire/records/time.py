"""Time expressions found in text, and the date interval an event is given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
DatePrecision = Literal["day", "days", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One time expression: offsets into the article text, TIMEX3 type and value, and its interval."""

    article_id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str  # TIMEX3 value: "2024-11-07", "2024-W45", "P2D", "2024-11-07TNI", "PAST_REF"
    start_date: date | None = None  # the interval the expression covers, when it has one
    end_date: date | None = None
    rule: str | None = None  # which rule produced the value, for people and for debugging

    def to_dict(self) -> dict[str, object]:
        return {
            "article_id": self.article_id, "start": self.start, "end": self.end, "text": self.text,
            "type": self.type, "value": self.value,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class DateSpan:
    """An event's own time: an interval with an honest precision and the rule that chose it."""

    start: date
    end: date
    precision: DatePrecision
    text: str | None = None  # the words that said it; None when nothing in the text dates the event
    rule: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start.isoformat(), "end": self.end.isoformat(), "precision": self.precision,
            "text": self.text, "rule": self.rule,
        }
