"""Analysts' work across a changed article. When an article's text changes, its reports (mentions) get new ids
and the events they were in are rebuilt; the corrections and marks analysts put on those events must follow
the report, not vanish with the old id. Each reviewed event of the article moves to the new report of the same
event: the same kind of event at the same place, else the one whose evidence overlaps the old evidence most.
A reviewed event that nothing matches keeps its corrections and revisions under its old id (the run reports
it), and one that still holds another article's report is carried on by fusion, as after any re-fusing."""

from __future__ import annotations

import json
from dataclasses import dataclass

from eventwire.records import Event
from eventwire.store.database import Database
from eventwire.store.fusion_backend import SQLFusionBackend


@dataclass(frozen=True, slots=True)
class Reviewed:
    """A report (mention) of the article, as stored before the update, in an event analysts reviewed."""

    mention: Event
    event_id: str


def reviewed_mentions(db: Database, article_id: str) -> list[Reviewed]:
    """The article's stored reports whose event has corrections or marks: read before they are replaced."""
    rows = db.conn.execute(
        "SELECT json, event_id FROM mentions WHERE article_id = ? AND event_id IN "
        "(SELECT event_id FROM corrections) ORDER BY id", (article_id,)).fetchall()
    return [Reviewed(Event.from_dict(json.loads(text)), event_id) for text, event_id in rows]


def reattach(db: Database, fusion: SQLFusionBackend, article_id: str,
             reviewed: list[Reviewed]) -> tuple[int, tuple[str, ...]]:
    """Move each reviewed event's corrections to the article's new report of it; returns how many moved, and
    the ids of the reviewed events no new report matches (their corrections stay stored under those ids)."""
    # New reports standing alone (not kept from before under the same id), each can take one reviewed event.
    free = {row[0]: Event.from_dict(json.loads(row[1])) for row in db.conn.execute(
        "SELECT id, json FROM mentions WHERE article_id = ? AND event_id = id ORDER BY id", (article_id,))
        if not db.conn.execute("SELECT 1 FROM corrections WHERE event_id = ?", (row[0],)).fetchone()}
    moved, orphaned = 0, []
    for item in _by_event(reviewed):
        if db.conn.execute("SELECT 1 FROM mentions WHERE event_id = ?", (item.event_id,)).fetchone():
            continue  # the event still holds a report (kept, or another article's): fusion carries it on
        target = _best(item.mention, list(free.values()))
        if target is None:
            orphaned.append(item.event_id)
            continue
        del free[target.id]
        fusion._retire(item.event_id, target.id)  # an alias, and the corrections with it
        fusion.write_event(target)  # now with the corrections applied, until fusion rebuilds it
        moved += 1
    return moved, tuple(orphaned)


def _by_event(reviewed: list[Reviewed]) -> list[Reviewed]:
    """One report per reviewed event: its first."""
    seen: dict[str, Reviewed] = {}
    for item in reviewed:
        seen.setdefault(item.event_id, item)
    return list(seen.values())


def _kind(event: Event) -> tuple[str | None, str | None, str | None]:
    return event.event_type, event.sub_event_type, event.plover.type if event.plover else None


def _place(event: Event) -> object:
    if event.location is None:
        return None
    place = event.location.place
    return place.geonameid or (place.name, round(place.lat, 2), round(place.lon, 2))


def _overlap(a: Event, b: Event) -> int:
    """Characters of evidence the two reports share (offsets in the article's text)."""
    return sum(max(0, min(x.end, y.end) - max(x.start, y.start)) for x in a.evidence for y in b.evidence)


def _best(old: Event, candidates: list[Event]) -> Event | None:
    """The same kind of event at the same place (the nearest evidence breaks ties), else the report whose
    evidence overlaps the old evidence most; None when neither exists."""
    def score(new: Event) -> tuple[int, int]:
        same = _kind(new) == _kind(old) and _place(new) == _place(old)
        return int(same), _overlap(old, new)

    scored = [(score(c), c.id, c) for c in candidates]
    scored = [s for s in scored if s[0] > (0, 0)]
    if not scored:
        return None
    return max(scored, key=lambda s: (s[0], s[1]))[2]
