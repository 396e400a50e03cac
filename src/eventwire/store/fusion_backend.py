"""The store's side of fusion, for SQLite and PostgreSQL alike: mentions in, fused events out. It implements
`eventwire.fusion.protocol.FusionBackend` (fusion decides; this file reads and writes).

`mentions` holds each article's events as extracted; `events` holds the fused events built from them, with
analysts' corrections applied (corrections.py). Candidate search uses the (family, date_start, date_end) index
plus a bounding box, never a scan."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

from eventwire.fusion.protocol import MAX_SPAN_DAYS, FusionSummary, MentionKey, Pair, fuse_pending, match_class_of, pair
from eventwire.records import Event
from eventwire.store.corrections import Corrections
from eventwire.store.database import Database

_MENTION_COLUMNS = (
    "id", "article_id", "event_type", "sub_event_type", "plover_type", "date_start", "date_end", "country",
    "admin1", "lat", "lon", "attribution_status", "modality", "confidence", "json", "event_id", "family", "fused",
)
_EVENT_COLUMNS = (
    "id", "event_type", "sub_event_type", "plover_type", "date_start", "date_end", "country", "admin1", "lat",
    "lon", "attribution_status", "modality", "confidence", "n_sources", "deleted", "json",
)
_KM_PER_DEGREE = 111.0


class SQLFusionBackend:
    """Mentions and fused events in one database. Call its writes inside the database's transaction."""

    def __init__(self, db: Database, corrections: Corrections) -> None:
        self.db = db
        self.corrections = corrections

    def fuse(self, on_group: Callable[[int], None] | None = None) -> FusionSummary:
        """Merge mentions not yet fused into events (incremental), in one transaction."""
        with self.db.transaction():
            return fuse_pending(self, on_group)

    def replace_mentions(self, article_id: str, events: Sequence[Event]) -> None:
        """Store an article's mentions; unchanged ones keep their fusion, changed ones are fused again."""
        old = {row[0]: (row[1], row[2]) for row in self.db.conn.execute(
            "SELECT id, json, event_id FROM mentions WHERE article_id = ?", (article_id,))}
        new = {e.id: json.dumps(e.to_dict(), ensure_ascii=False) for e in events}
        if {k: v[0] for k, v in old.items()} == new:
            return  # the same article saved again: nothing to redo (idempotent runs)
        affected = {event_id for _, event_id in old.values() if event_id}
        self.db.conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        self.db.conn.executemany(self.db.dialect.replace("mentions", _MENTION_COLUMNS, ("id",)), [
            _mention_row(e, article_id, new[e.id], old.get(e.id, (None, None))[1] or e.id) for e in events])
        self.unfuse_events(affected)
        for event in events:
            self.write_event(event)

    def unfuse_events(self, event_ids: set[str]) -> None:
        """Mark every mention of these events for fusing again. Until the next fuse() rebuilds them, each
        mention stands alone as its own event, so reads never miss a mention."""
        for event_id in event_ids:
            self.db.conn.execute("UPDATE mentions SET fused = 0 WHERE event_id = ?", (event_id,))
            self.db.conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
            for (text,) in self.db.conn.execute("SELECT json FROM mentions WHERE event_id = ?", (event_id,)).fetchall():
                self.write_event(Event.from_dict(json.loads(text)))

    # --- FusionBackend (eventwire.fusion.protocol) ------------------------------------------------------

    def pending_mentions(self) -> list[Event]:
        rows = self.db.conn.execute("SELECT json FROM mentions WHERE fused = 0 ORDER BY id").fetchall()
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    def candidate_ids(self, key: MentionKey) -> list[str]:
        """Mentions that may report the same event: same family, dates that overlap or touch, within reach."""
        sql = "SELECT id FROM mentions WHERE family = ? AND id != ? AND article_id != ?"
        params: list[Any] = [key.match_class, key.id, key.article_id]
        if key.start is None or key.end is None or (key.end - key.start).days > MAX_SPAN_DAYS:
            return []  # an undated or vaguely dated report joins another only by an analyst's merge
        # Intervals that overlap or touch. Partners span at most MAX_SPAN_DAYS, so date_start is bounded on
        # both sides and the index on (family, date_start, date_end) reads only a narrow range.
        sql += " AND date_start BETWEEN ? AND ? AND date_end >= ?"
        params += [(key.start - timedelta(days=MAX_SPAN_DAYS + 1)).isoformat(),
                   (key.end + timedelta(days=1)).isoformat(), (key.start - timedelta(days=1)).isoformat()]
        if key.lat is not None and key.lon is not None:
            reach = ((key.uncertainty_km or 0.0) + 200.0) / _KM_PER_DEGREE  # the widest a partner may be
            lon_reach = reach / max(0.1, math.cos(math.radians(key.lat)))
            sql += " AND (lat IS NULL OR (lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?))"
            params += [key.lat - reach, key.lat + reach, key.lon - lon_reach, key.lon + lon_reach]
        return [r[0] for r in self.db.conn.execute(sql + " ORDER BY id", params)]

    def must_links(self, mention_id: str) -> list[str]:
        rows = self.db.conn.execute(
            "SELECT b FROM fusion_constraints WHERE a = ? AND kind = 'must' "
            "UNION SELECT a FROM fusion_constraints WHERE b = ? AND kind = 'must'", (mention_id, mention_id))
        return sorted(r[0] for r in rows)

    def mention_records(self, ids: Sequence[str]) -> list[Event]:
        records: list[Event] = []
        for start in range(0, len(ids), 500):  # SQLite limits the number of parameters
            chunk = list(ids[start : start + 500])
            rows = self.db.conn.execute(
                f"SELECT json FROM mentions WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
            records += [Event.from_dict(json.loads(r[0])) for r in rows]
        return records

    def cannot_pairs(self, ids: Sequence[str]) -> list[Pair]:
        wanted = set(ids)
        out = []
        for mention_id in ids:
            for (other,) in self.db.conn.execute(
                    "SELECT b FROM fusion_constraints WHERE a = ? AND kind = 'cannot'", (mention_id,)):
                if other in wanted:
                    out.append(pair(mention_id, other))
        return out

    def write_component(self, mention_ids: Sequence[str], events: Sequence[Event]) -> None:
        """Replace the events of these mentions with `events`; retired ids become aliases of the event that
        now holds their first mention, and carry their corrections across."""
        placeholders = ", ".join("?" * len(mention_ids))
        previous = dict(self.db.conn.execute(
            f"SELECT id, event_id FROM mentions WHERE id IN ({placeholders})", list(mention_ids)).fetchall())
        home = {m: e.id for e in events for m in (e.fusion.mentions if e.fusion else (e.id,))}
        for old_id in sorted({v for v in previous.values() if v}):
            if old_id not in home and self.mention(old_id) is not None:
                continue  # its first mention lives on in another group, which rebuilds that event
            new_id = home.get(old_id) or next((home[m] for m, v in sorted(previous.items()) if v == old_id), None)
            if new_id and new_id != old_id:
                self._retire(old_id, new_id)
            self.db.conn.execute("DELETE FROM events WHERE id = ?", (old_id,))
        for event in events:
            self.db.conn.execute("DELETE FROM event_aliases WHERE old_id = ?", (event.id,))
            self.write_event(event)
            members = list(event.fusion.mentions if event.fusion else (event.id,))
            self.db.conn.executemany("UPDATE mentions SET event_id = ?, fused = 1 WHERE id = ?",
                                   [(event.id, m) for m in members])

    def _retire(self, old_id: str, new_id: str) -> None:
        self.db.conn.execute(self.db.dialect.replace("event_aliases", ("old_id", "new_id"), ("old_id",)),
                             (old_id, new_id))
        self.db.conn.execute("UPDATE event_aliases SET new_id = ? WHERE new_id = ?", (new_id, old_id))
        # Corrections follow the mentions; where both events had one for a field, the later revision wins.
        for field, value, revision in self.db.conn.execute(
                "SELECT field, value_json, revision_id FROM corrections WHERE event_id = ?", (old_id,)).fetchall():
            self.db.conn.execute(
                "INSERT INTO corrections (event_id, field, value_json, revision_id) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (event_id, field) DO UPDATE SET value_json = excluded.value_json, "
                "revision_id = excluded.revision_id WHERE excluded.revision_id > corrections.revision_id",
                (new_id, field, value, revision))
        self.db.conn.execute("DELETE FROM corrections WHERE event_id = ?", (old_id,))

    def write_event(self, event: Event) -> None:
        """Store a fused event with analysts' corrections applied (the machine's values stay in `mentions`)."""
        reviewed, deleted = self.corrections.applied(event)
        self.db.conn.execute(self.db.dialect.replace("events", _EVENT_COLUMNS, ("id",)), _event_row(reviewed, deleted))

    def mention(self, mention_id: str) -> Event | None:
        row = self.db.conn.execute("SELECT json FROM mentions WHERE id = ?", (mention_id,)).fetchone()
        return Event.from_dict(json.loads(row[0])) if row else None

    def mentions(self, event_id: str) -> list[Event]:
        rows = self.db.conn.execute("SELECT json FROM mentions WHERE event_id = ? ORDER BY id", (event_id,))
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    def resolve_id(self, event_id: str) -> str | None:
        """The event's current id: itself, or where fusion moved it (following retired ids)."""
        seen = set()
        while event_id not in seen:
            seen.add(event_id)
            if self.db.conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone():
                return event_id
            row = self.db.conn.execute("SELECT new_id FROM event_aliases WHERE old_id = ?", (event_id,)).fetchone()
            if row is None:
                return None
            event_id = row[0]
        return None



def _place_columns(event: Event) -> tuple[Any, ...]:
    place = event.location.place if event.location else None
    return (place.country if place else None, place.admin1 if place else None,
            place.lat if place else None, place.lon if place else None)


def _mention_row(event: Event, article_id: str, text: str, event_id: str | None) -> tuple[Any, ...]:
    return (event.id, article_id, event.event_type, event.sub_event_type,
            event.plover.type if event.plover else None,
            event.date.start.isoformat() if event.date else None, event.date.end.isoformat() if event.date else None,
            *_place_columns(event), event.attribution.status, event.modality, event.confidence, text,
            event_id, match_class_of(event), 0)


def _event_row(event: Event, deleted: bool) -> tuple[Any, ...]:
    return (event.id, event.event_type, event.sub_event_type, event.plover.type if event.plover else None,
            event.date.start.isoformat() if event.date else None, event.date.end.isoformat() if event.date else None,
            *_place_columns(event), event.attribution.status, event.modality, event.confidence,
            len(event.sources), int(deleted), json.dumps(event.to_dict(), ensure_ascii=False))
