"""Query parameters shared by the listing, the downloads and the timeline, checked into an EventFilter."""

from __future__ import annotations

import math
from datetime import date
from typing import Annotated, Literal

from fastapi import Query

from eventwire.store import EventFilter
from eventwire.web.errors import bad_parameter

MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000
MAX_ID = 200  # characters in an article id: what ingest accepts (ingest.fields.MAX_ID)

Attribution = Literal["witnessed", "official", "claimed", "reported", "unattributed"]
Modality = Literal["asserted", "planned", "demanded", "threatened", "denied", "hypothetical"]
Text = Annotated[str | None, Query(max_length=200)]


def event_filter(
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees, e.g. 22,44,40,53",
                                      max_length=100)] = None,
    since: Annotated[date | None, Query(description="events that end on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="events that start on or before this day")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type, e.g. Battles", max_length=100)] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type", max_length=100)] = None,
    plover_type: Annotated[str | None, Query(description="PLOVER type, e.g. ASSAULT", max_length=50)] = None,
    actor: Annotated[str | None, Query(description="whole words of an actor's name, e.g. Russia",
                                       max_length=200)] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code, e.g. UA",
                                         pattern="^[A-Za-z]{2}$")] = None,
    admin1: Annotated[str | None, Query(description="first-level region, as in location.admin1",
                                        max_length=100)] = None,
    attribution: Annotated[Attribution | None, Query(description="attribution status")] = None,
    modality: Annotated[Modality | None, Query()] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="confidence at least this")] = None,
    q: Annotated[str | None, Query(description="words in the evidence, the titles or the summary",
                                   max_length=200)] = None,
    article_id: Annotated[str | None, Query(description="events reported by this article",
                                            max_length=MAX_ID)] = None,
) -> EventFilter:
    if since and until and since > until:
        raise bad_parameter(f"since ({since}) is after until ({until}); swap them")
    return EventFilter(
        since=since, until=until, event_type=event_type or None, sub_event_type=sub_event_type or None,
        plover_type=plover_type or None, actor=actor or None, country=country.upper() if country else None,
        admin1=admin1 or None, attribution_status=attribution, modality=modality, min_confidence=min_confidence,
        text=q or None, article_id=article_id or None, bbox=parse_bbox(bbox) if bbox else None)


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    parts = text.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise bad_parameter(f"bbox {text!r} is not four numbers; write west,south,east,north, "
                            "e.g. 22,44,40,53") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise bad_parameter("bbox values must be finite numbers")
    if not (-90 <= south <= north <= 90):
        raise bad_parameter(f"bbox latitudes must satisfy -90 <= south <= north <= 90 (got {south}, {north})")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise bad_parameter(f"bbox longitudes must lie in [-180, 180] (got {west}, {east})")
    if west > east and not (east <= 0 <= west and east + 360 - west <= 180):
        # A box across the antimeridian (170,-20,-170,10) has west > east; 40,44,22,53 is two values swapped.
        raise bad_parameter(f"bbox west ({west:g}) is east of east ({east:g}); swap them, or, for a box across "
                            "the antimeridian, give west in the eastern and east in the western hemisphere")
    return west, south, east, north


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"events per page (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="events to skip")]
