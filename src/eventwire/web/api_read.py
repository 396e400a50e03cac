"""Read endpoints: events with filters and paging, downloads, one event, its mentions and history, articles,
the timeline and the values the page's filters offer. All open on localhost."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse

from eventwire.export import EXPORT_FORMATS, stream_export
from eventwire.records import Event
from eventwire.store import EventFilter, Store
from eventwire.web.errors import bad_parameter, not_found
from eventwire.web.params import MAX_LIMIT, Limit, Offset, event_filter
from eventwire.web.stores import store_of


def known_parameters(request: Request) -> None:
    """A query parameter the endpoint does not take is a 400: a misspelt filter (`evnt_type=Battles`) would
    otherwise silently return everything."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known: set[str] = set()
    stack = [dependant]
    while stack:
        current = stack.pop()
        known.update(p.alias for p in current.query_params)
        stack.extend(current.dependencies)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise bad_parameter(f"unknown parameter {', '.join(u[:50] for u in unknown[:5])}; this endpoint takes "
                            f"{', '.join(sorted(known)) or 'none'} (see /docs)")


router = APIRouter(prefix="/api", tags=["read"], dependencies=[Depends(known_parameters)])
Filter = Annotated[EventFilter, Depends(event_filter)]
DOWNLOAD_LIMIT = 200_000
DEFAULT_DOWNLOAD = 10_000  # events in a download that names no limit
_PAGE = 1000  # events read from the store at a time while a download streams


@router.get("/events", summary="Events matching the filters, in date order, one page at a time",
            response_description='{"events": [eventwire.event/1 objects], "total": N, "limit": L, "offset": O}')
def list_events(request: Request, where: Filter, limit: Limit = 100, offset: Offset = 0) -> Response:
    store = store_of(request)
    # The stored JSON is already the event record: passing the text on saves parsing and re-encoding it.
    events = ",".join(store.events_json(where, limit=limit, offset=offset))
    body = f'{{"events":[{events}],"total":{store.count_events(where)},"limit":{limit},"offset":{offset}}}'
    return Response(body, media_type="application/json")


def _download(request: Request, where: EventFilter, fmt: str, limit: int | None, offset: int,
              filename: str) -> Response:
    """Streamed as it is read, a page of events at a time. Without a limit at most DEFAULT_DOWNLOAD events
    go in one response; a `Link: <...>; rel="next"` header names the request for the rest."""
    store = store_of(request)
    total = store.count_events(where)
    end = min(total, offset + (limit or DEFAULT_DOWNLOAD))
    headers = {"Content-Disposition": f'attachment; filename="{filename}"', "X-Eventwire-Total": str(total)}
    if end < total:
        following = request.url.include_query_params(offset=end)
        headers["Link"] = f'<{following.path}?{following.query}>; rel="next"'

    def events() -> Iterator[Event]:
        for start in range(offset, end, _PAGE):
            # A page at a time, each read whole by the thread that asks for it: a sqlite3 connection
            # (one per server thread) must not be used from another thread, and the server may move on.
            yield from list(store_of(request).events(where, limit=min(_PAGE, end - start), offset=start))

    return StreamingResponse(stream_export(events(), fmt), media_type=EXPORT_FORMATS[fmt].media_type,
                             headers=headers)


DownloadLimit = Annotated[int | None, Query(ge=1, le=DOWNLOAD_LIMIT, description=(
    "at most this many events; without it, at most 10,000, with a Link header to the next part"))]
DownloadOffset = Annotated[int, Query(ge=0, le=10_000_000, description="events to skip (the next part's start)")]


@router.get("/events.geojson", summary="The filtered events as a GeoJSON FeatureCollection (located events)")
def events_geojson(request: Request, where: Filter, limit: DownloadLimit = None,
                   offset: DownloadOffset = 0) -> Response:
    return _download(request, where, "geojson", limit, offset, "events.geojson")


@router.get("/events.csv", summary="The filtered events as a flat CSV, one row per event")
def events_csv(request: Request, where: Filter, limit: DownloadLimit = None, offset: DownloadOffset = 0) -> Response:
    return _download(request, where, "csv", limit, offset, "events.csv")


@router.get("/events.jsonl", summary="The filtered events as eventwire.event/1 JSON lines")
def events_jsonl(request: Request, where: Filter, limit: DownloadLimit = None, offset: DownloadOffset = 0) -> Response:
    return _download(request, where, "jsonl", limit, offset, "events.jsonl")


def _event_or_404(store: Store, event_id: str) -> Event:
    event = store.event(event_id)
    if event is None:
        raise not_found(f"event {event_id}")
    return event


@router.get("/events/{event_id}", summary="One event (a retired id answers with the event that absorbed it)")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    return _event_or_404(store_of(request), event_id).to_dict()


@router.get("/events/{event_id}/mentions", summary="The events as each article reported them, fused into this one")
def get_mentions(request: Request, event_id: str) -> dict[str, Any]:
    store = store_of(request)
    event = _event_or_404(store, event_id)
    return {"event_id": event.id, "mentions": [m.to_dict() for m in store.mentions(event.id)]}


@router.get("/events/{event_id}/revisions", summary="Who changed what and when")
def get_revisions(request: Request, event_id: str) -> dict[str, Any]:
    store = store_of(request)
    resolved = store.resolve_id(event_id)
    if resolved is None:
        raise not_found(f"event {event_id}")
    return {"event_id": resolved, "revisions": [r.to_dict() for r in store.revisions(resolved)]}


@router.get("/articles/{article_id}", summary="One article with its text")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    article = store_of(request).article(article_id)
    if article is None:
        raise not_found(f"article {article_id}")
    return {"id": article.id, "title": article.title,
            "published": article.published.isoformat() if article.published else None, "url": article.url,
            "source": article.source, "language": article.language, "origin": article.origin,
            "text": article.text}


@router.get("/timeline", summary="Counts of the filtered events by start day and type")
def timeline(request: Request, where: Filter) -> dict[str, Any]:
    bins = store_of(request).timeline(where)
    return {"bins": [{"day": b.day.isoformat(), "kind": b.kind, "count": b.count} for b in bins],
            "kinds": sorted({b.kind for b in bins})}


@router.get("/facets", summary="The values the filters can take in this database, with counts")
def facets(request: Request) -> dict[str, Any]:
    return store_of(request).facets()


__all__ = ["MAX_LIMIT", "router"]
