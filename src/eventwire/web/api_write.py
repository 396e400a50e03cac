"""Write endpoints: analysts' corrections. Each needs `Authorization: Bearer TOKEN` (from
`eventwire token create NAME`); the token's name is recorded as who made the change."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from eventwire.records.correction import check_corrections
from eventwire.web.errors import ApiError
from eventwire.web.guard import strict_json
from eventwire.web.stores import store_of, writer

# Every write body is strict JSON (no NaN, Infinity or 1e999) of at most guard.MAX_BODY bytes.
router = APIRouter(prefix="/api", tags=["corrections"], dependencies=[Depends(strict_json)])


class Note(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, not silently ignored

    note: str | None = Field(default=None, max_length=2000, description="why, for the history")


class Changes(Note):
    changes: dict[str, Any] = Field(description="fields named as in the event JSON, with new values in its shape, "
                                    'e.g. {"fatalities": 3}')


class Merge(Note):
    ids: list[str] = Field(min_length=2, max_length=100, description="the events to merge into one")


class Split(Note):
    groups: list[list[str]] = Field(min_length=1, max_length=100,
                                    description="groups of mention ids (see /mentions), one new event each")


@router.patch("/events/{event_id}", summary="Correct fields of an event")
def update(request: Request, event_id: str, body: Changes) -> dict[str, Any]:
    store = store_of(request)
    by = writer(request, store)
    current = store.event(store.resolve_id(event_id) or event_id)
    if current is not None:  # (an unknown id gets the store's 404)
        check_corrections(body.changes, current.to_dict())
    return store.update_event(event_id, body.changes, by, body.note).to_dict()


@router.post("/events/{event_id}/confirm", summary="Confirm the event as the machine coded it")
def confirm(request: Request, event_id: str, body: Note | None = None) -> dict[str, Any]:
    store = store_of(request)
    by = writer(request, store)
    return store.confirm_event(event_id, by, body.note if body else None).to_dict()


@router.delete("/events/{event_id}", summary="Hide the event from listings and exports (restore undoes it)")
def delete(request: Request, event_id: str, note: str | None = None) -> dict[str, Any]:
    store = store_of(request)
    by = writer(request, store)
    store.delete_event(event_id, by, note)
    return {"deleted": event_id}


@router.post("/events/{event_id}/restore", summary="Bring back a deleted event")
def restore(request: Request, event_id: str, body: Note | None = None) -> dict[str, Any]:
    store = store_of(request)
    by = writer(request, store)
    store.delete_event(event_id, by, body.note if body else None, restore=True)
    event = store.event(event_id)
    return event.to_dict() if event else {"restored": event_id}


@router.post("/events/merge", summary="Merge events that report the same thing into one")
def merge(request: Request, body: Merge) -> dict[str, Any]:
    store = store_of(request)
    by = writer(request, store)
    return store.merge_events(body.ids, by, body.note).to_dict()


@router.post("/events/{event_id}/split", summary="Split an event into groups of its mentions")
def split(request: Request, event_id: str, body: Split) -> dict[str, Any]:
    store = store_of(request)
    by = writer(request, store)
    placed: dict[str, int] = {}
    for n, group in enumerate(body.groups):
        for mention in group:
            if placed.setdefault(mention, n) != n:
                raise ApiError(400, "bad_correction", f"mention {mention[:100]!r} is in two groups; a mention "
                               "belongs to one event, so list it in one group only")
    return {"events": [e.to_dict() for e in store.split_event(event_id, body.groups, by, body.note)]}


@router.get("/token", summary="Check a token: the name it writes under")
def whoami(request: Request) -> dict[str, str]:
    return {"name": writer(request, store_of(request))}
