"""Analysts' corrections as typed records, and how they apply to an event.

A correction sets one field of an event to a typed value (an Actor, a DateSpan, a Location, a count...); the
latest one per field holds. Corrections are stored apart from the machine's values (`corrections`, one row
per event and field, written by reviews.py) and applied whenever fusion writes an event, so re-running the
pipeline never undoes an analyst's work. Two marks ride along as pseudo-fields: deleted and confirmed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from eventwire.records import Actor, Attribution, DateSpan, Event, Location, Place, Plover
from eventwire.records.fusion import Review, ReviewStatus
from eventwire.records.revision import CORRECTABLE_FIELDS
from eventwire.store.database import Database

DELETED, CONFIRMED = "_deleted", "_confirmed"  # the marks' names in `corrections`


def _date(d: dict[str, Any]) -> DateSpan:
    return DateSpan(start=date.fromisoformat(d["start"]), end=date.fromisoformat(d["end"]),
                    precision=d["precision"], text=d.get("text"), rule=d.get("rule"))


def _location(d: dict[str, Any]) -> Location:
    place = Place(name=d["name"], lat=d["lat"], lon=d["lon"], country=d.get("country"), precision=d["precision"],
                  geonameid=d.get("geonameid"), admin1=d.get("admin1"), admin2=d.get("admin2"),
                  uncertainty_km=d.get("uncertainty_km"))
    return Location(place=place, text=d.get("text"))


# JSON (as the event record writes the field) -> the field's type; fields not listed are plain values.
_READERS: dict[str, Callable[[Any], Any]] = {
    "plover": lambda d: Plover(**d), "actor1": lambda d: Actor(**d), "actor2": lambda d: Actor(**d),
    "attribution": lambda d: Attribution(**d), "date": _date, "location": _location,
}


@dataclass(frozen=True, slots=True)
class Correction:
    """One field of one event, as an analyst set it (or a mark: DELETED / CONFIRMED with a bool)."""

    field: str
    value: Any  # the field's typed value: Actor, DateSpan, Location, Plover, Attribution, int, str or None
    by: str
    at: str

    @classmethod
    def from_json(cls, field: str, value: Any, by: str, at: str) -> Correction:
        """Raises (KeyError, TypeError, ValueError) when the value does not fit the field's record."""
        reader = _READERS.get(field)
        if reader is None:
            return cls(field, value, by, at)
        return cls(field, reader(value) if value else None, by, at)  # as Event.from_dict reads an empty record

    @property
    def is_field(self) -> bool:
        return self.field in CORRECTABLE_FIELDS


def apply(event: Event, corrections: list[Correction]) -> tuple[Event, bool]:
    """The event with the corrections (in revision order) applied and its review set; and whether it is
    deleted. An event without corrections comes back as it is."""
    if not corrections:
        return event, False
    fields = [c for c in corrections if c.is_field]
    corrected = replace(event, **{c.field: c.value for c in fields})
    status: ReviewStatus = "corrected" if fields else (
        "confirmed" if any(c.field == CONFIRMED for c in corrections) else "machine")
    deleted = any(c.field == DELETED and c.value for c in corrections)
    last = corrections[-1]
    review = Review(status=status, by=last.by, at=last.at, corrected=tuple(dict.fromkeys(c.field for c in fields)))
    return replace(corrected, review=review), deleted


class Corrections:
    """Reads an event's corrections; reviews.py writes them."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def of(self, event_id: str) -> list[Correction]:
        rows = self.db.conn.execute(
            "SELECT c.field, c.value_json, r.by, r.at FROM corrections c JOIN revisions r ON r.id = c.revision_id "
            "WHERE c.event_id = ? ORDER BY c.revision_id", (event_id,)).fetchall()
        return [Correction.from_json(field, json.loads(value), by, at) for field, value, by, at in rows
                if field in CORRECTABLE_FIELDS or field in (DELETED, CONFIRMED)]

    def applied(self, event: Event) -> tuple[Event, bool]:
        return apply(event, self.of(event.id))
