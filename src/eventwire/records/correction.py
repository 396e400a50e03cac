"""An analyst's correction as a typed record, checked against the event schema (eventwire.event/1) and the
taxonomy before anything is written. Whatever a correction sets must still export as a valid event, so a
bad value is refused here with the field and the reason, never stored.

Values stay in the event JSON's shape (that is what the revision log and the API speak); the checks are the
schema's, plus what the schema cannot say: a date that starts after it ends, a sub-event type of another
event type, numbers that are not finite or too large to be a count."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwire.errors import InvalidCorrection
from eventwire.records.revision import CORRECTABLE_FIELDS
from eventwire.records.taxonomy import ACLED_EVENT_TYPES, ACLED_SUB_TO_TYPE, PLOVER_TYPES

MAX_COUNT = 10_000_000  # more dead or injured than any single event has had: a typo or an attack on the store
MAX_TEXT = 2000  # characters in one corrected string (a summary, a name)
MODALITIES = ("asserted", "planned", "demanded", "threatened", "denied", "hypothetical")
STATUSES = ("witnessed", "official", "claimed", "reported", "unattributed")
PRECISIONS = ("day", "days", "week", "month", "year")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Correction:
    """One field of one event set to a new value (JSON-shaped, already checked)."""

    field: str
    value: Any


def check_corrections(changes: Mapping[str, Any], current: Mapping[str, Any]) -> tuple[Correction, ...]:
    """The changes as checked corrections of `current` (the event's JSON), or InvalidCorrection naming the
    first bad field and why. The event as corrected must still be one the schema accepts."""
    if not changes:
        raise InvalidCorrection("changes", "no fields to change; send e.g. {\"changes\": {\"fatalities\": 3}}")
    for field in sorted(changes):
        if field not in CORRECTABLE_FIELDS:
            raise InvalidCorrection(field, "not a correctable field; correctable: "
                                    + ", ".join(sorted(CORRECTABLE_FIELDS)))
        _CHECKS[field](field, changes[field])
    after = {**current, **changes}
    sub, kind = after.get("sub_event_type"), after.get("event_type")
    if sub is not None and kind is not None and ACLED_SUB_TO_TYPE.get(sub, kind) != kind:
        raise InvalidCorrection("sub_event_type" if "sub_event_type" in changes else "event_type",
                                f"ACLED codes {sub!r} under {ACLED_SUB_TO_TYPE.get(sub)!r}, not {kind!r}")
    if sub is None and after.get("plover") is None:
        raise InvalidCorrection("sub_event_type" if "sub_event_type" in changes else "plover",
                                "an event needs an ACLED sub-event type or a PLOVER type; keep one of them")
    return tuple(Correction(field, changes[field]) for field in sorted(changes))


def _enum(choices: tuple[str, ...], nullable: bool) -> Callable[[str, Any], None]:
    def check(field: str, value: Any) -> None:
        if value is None and nullable:
            return
        if not isinstance(value, str) or value not in choices:
            shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
            raise InvalidCorrection(field, f"{shown} is not one of: {', '.join(choices)}"
                                    + (", or null" if nullable else ""))
    return check


def _text(field: str, value: Any, nullable: bool = True, max_length: int = MAX_TEXT) -> None:
    if value is None and nullable:
        return
    if not isinstance(value, str):
        raise InvalidCorrection(field, f"must be a string{' or null' if nullable else ''}, not {_kind(value)}")
    if len(value) > max_length:
        raise InvalidCorrection(field, f"is {len(value)} characters long; at most {max_length}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidCorrection(field, "holds a character that is not text (a lone surrogate)") from exc


def _count(field: str, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidCorrection(field, f"must be a whole number or null, not {_kind(value)}")
    if not 0 <= value <= MAX_COUNT:
        raise InvalidCorrection(field, f"must be between 0 and {MAX_COUNT:,}")


def _number(field: str, value: Any, low: float, high: float, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidCorrection(field, f"must be a number, not {_kind(value)}")
    if not math.isfinite(value) or not low <= value <= high:
        raise InvalidCorrection(field, f"must be a finite number between {low:g} and {high:g}")


def _object(field: str, value: Any, required: tuple[str, ...], allowed: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidCorrection(field, f"must be an object or null, not {_kind(value)}")
    missing = [k for k in required if k not in value]
    unknown = sorted(set(value) - set(allowed))
    if missing or unknown:
        raise InvalidCorrection(field, f"{'needs ' + ', '.join(missing) if missing else ''}"
                                f"{'; ' if missing and unknown else ''}"
                                f"{'unknown keys: ' + ', '.join(map(str, unknown)) if unknown else ''}"
                                f" (keys: {', '.join(allowed)})")
    return value


def _plover(field: str, value: Any) -> None:
    if value is None:
        return
    plover = _object(field, value, ("type",), ("type", "mode"))
    _enum(PLOVER_TYPES, False)(f"{field}.type", plover["type"])
    _text(f"{field}.mode", plover.get("mode"), max_length=100)


def _date(field: str, value: Any) -> None:
    if value is None:
        return
    span = _object(field, value, ("start", "end", "precision"), ("start", "end", "precision", "text", "rule"))
    days = [_day(f"{field}.{k}", span[k]) for k in ("start", "end")]
    _enum(PRECISIONS, False)(f"{field}.precision", span["precision"])
    _text(f"{field}.text", span.get("text"))
    _text(f"{field}.rule", span.get("rule"))
    if days[0] > days[1]:
        raise InvalidCorrection(field, f"starts ({days[0]}) after it ends ({days[1]})")


def _day(field: str, value: Any) -> date:
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise InvalidCorrection(field, "must be a date written YYYY-MM-DD")
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidCorrection(field, f"{value} is not a day of the calendar") from exc
    if day.year < 1900 or day.year > 2200:  # the ingest range, with room for planned events
        raise InvalidCorrection(field, "must be between 1900 and 2200")
    return day


def _actor(field: str, value: Any) -> None:
    if value is None:
        return
    actor = _object(field, value, ("name",), ("name", "country", "kind", "text"))
    _text(f"{field}.name", actor["name"], nullable=False, max_length=300)
    if not actor["name"].strip():
        raise InvalidCorrection(f"{field}.name", "must not be empty")
    for key in ("country", "kind", "text"):
        _text(f"{field}.{key}", actor.get(key), max_length=300)


def _location(field: str, value: Any) -> None:
    if value is None:
        return
    keys = ("name", "geonameid", "lat", "lon", "country", "admin1", "admin2", "precision", "uncertainty_km", "text")
    place = _object(field, value, ("name", "lat", "lon", "country", "precision"), keys)
    _text(f"{field}.name", place["name"], nullable=False, max_length=300)
    _number(f"{field}.lat", place["lat"], -90, 90)
    _number(f"{field}.lon", place["lon"], -180, 180)
    _number(f"{field}.uncertainty_km", place.get("uncertainty_km"), 0, 20_000, nullable=True)
    if place["precision"] not in (1, 2, 3) or isinstance(place["precision"], bool):
        raise InvalidCorrection(f"{field}.precision", "must be 1 (the place), 2 (near it) or 3 (a region)")
    geonameid = place.get("geonameid")
    if geonameid is not None and (isinstance(geonameid, bool) or not isinstance(geonameid, int)
                                  or not 0 < geonameid < 2**53):
        raise InvalidCorrection(f"{field}.geonameid", "must be a positive whole number or null")
    for key in ("country", "admin1", "admin2", "text"):
        _text(f"{field}.{key}", place.get(key), max_length=300)


def _attribution(field: str, value: Any) -> None:
    attribution = _object(field, value, ("status",), ("status", "source", "text"))
    _enum(STATUSES, False)(f"{field}.status", attribution["status"])
    _text(f"{field}.source", attribution.get("source"), max_length=300)
    _text(f"{field}.text", attribution.get("text"))


def _kind(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "an object", type(None): "null"}.get(type(value), type(value).__name__)


_CHECKS: dict[str, Callable[[str, Any], None]] = {
    "event_type": _enum(ACLED_EVENT_TYPES, True),
    "sub_event_type": _enum(tuple(ACLED_SUB_TO_TYPE), True),
    "plover": _plover,
    "modality": _enum(MODALITIES, False),
    "date": _date,
    "actor1": _actor,
    "actor2": _actor,
    "location": _location,
    "fatalities": _count,
    "injuries": _count,
    "attribution": _attribution,
    "summary": _text,
}
