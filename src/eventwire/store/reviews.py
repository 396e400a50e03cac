"""What analysts do to stored events (SQLite and PostgreSQL alike): correct fields, confirm, delete, merge,
split; each change is a revision with who, when and what. Corrections (corrections.py) live apart from the
machine's values and are re-applied whenever fusion rebuilds an event, so re-running the pipeline never undoes
an analyst's work."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from eventwire.errors import CorrectionError, NotFound
from eventwire.fusion.protocol import fuse_mentions, fuse_pending, pair
from eventwire.records import Event
from eventwire.records.revision import CORRECTABLE_FIELDS, Revision
from eventwire.store.corrections import CONFIRMED, DELETED, Correction, apply
from eventwire.store.database import Database
from eventwire.store.fusion_backend import SQLFusionBackend
from eventwire.store.migrations import now


class Reviews:
    def __init__(self, db: Database, fusion: SQLFusionBackend) -> None:
        self.db = db
        self.fusion = fusion  # corrections are applied as fusion writes events; merge and split fuse again

    def update_event(self, event_id: str, changes: Mapping[str, Any], by: str, note: str | None = None) -> Event:
        """Set fields (as named in the event JSON) to new values; each field change is one revision."""
        current = self._current(event_id)
        unknown = sorted(set(changes) - CORRECTABLE_FIELDS)
        if unknown:
            raise CorrectionError(f"cannot correct {', '.join(unknown)}; correctable fields: "
                                  f"{', '.join(sorted(CORRECTABLE_FIELDS))}")
        record = current.to_dict()
        try:  # each value must read as its field's record, and the event must still be whole
            corrections = [Correction.from_json(field, value, by, "") for field, value in changes.items()]
            apply(current, corrections)
            Event.from_dict({**record, **changes})
        except (KeyError, TypeError, ValueError) as exc:
            raise CorrectionError(f"the new values do not fit the event record ({exc}); "
                                  "send them in the shape the event JSON uses") from exc
        with self.db.transaction():
            for field, value in sorted(changes.items()):
                self._correct(current.id, field, record.get(field), value, by, "update", note)
            self._rebuild(current.id)
        return self._require(current.id)

    def confirm_event(self, event_id: str, by: str, note: str | None = None) -> Event:
        current = self._current(event_id)
        with self.db.transaction():
            self._correct(current.id, CONFIRMED, None, True, by, "confirm", note)
            self._rebuild(current.id)
        return self._require(current.id)

    def delete_event(self, event_id: str, by: str, note: str | None = None, restore: bool = False) -> None:
        """Hide the event from listings and exports (its mentions and history stay; restore undoes it)."""
        current = self._current(event_id, include_deleted=True)
        row = self.db.conn.execute("SELECT deleted FROM events WHERE id = ?", (current.id,)).fetchone()
        with self.db.transaction():  # the revision records the state before (old) and after (new)
            self._correct(current.id, DELETED, bool(row[0]), not restore, by, "restore" if restore else "delete",
                          note)
            self._rebuild(current.id)

    def merge_events(self, event_ids: Sequence[str], by: str, note: str | None = None) -> Event:
        """One event from several: their mentions must stay together from now on."""
        ids = list(dict.fromkeys(self._resolve_or_fail(i) for i in event_ids))
        if len(ids) < 2:
            raise CorrectionError("merging needs two or more different events")
        mentions = [m for i in ids for m in self._mention_ids(i)]
        with self.db.transaction():
            for other in mentions[1:]:
                self._constrain(mentions[0], other, "must", by)
            for a in mentions:
                for b in mentions:
                    if a < b:
                        self.db.conn.execute("DELETE FROM fusion_constraints WHERE a = ? AND b = ? AND kind = "
                                           "'cannot'", (a, b))
            self._refuse(ids)
            merged = self._event_of(mentions[0])
            for old in ids:
                self._revision(old, by, "merge", None, ids, merged, note)
        return self._require(merged)

    def split_event(self, event_id: str, groups: Sequence[Sequence[str]], by: str,
                    note: str | None = None) -> list[Event]:
        """Split an event's mentions into groups (mention ids). Mentions not listed stay with the first group,
        or, when only one group is given, form the other event (one group: "split these off")."""
        event_id = self._resolve_or_fail(event_id)
        mentions = self._mention_ids(event_id)
        listed = [list(dict.fromkeys(g)) for g in groups if g]
        stray = sorted(set(m for g in listed for m in g) - set(mentions))
        rest = [m for m in mentions if all(m not in g for g in listed)]
        if rest and len(listed) == 1:
            listed.append(rest)  # one group given: split it off from the rest
        elif rest and listed:
            listed[0] += rest
        if stray or len(listed) < 2:
            raise CorrectionError(f"split needs groups of this event's mention ids that leave two or more "
                                  f"events ({', '.join(mentions)}); unknown: {', '.join(stray) or 'none'}")
        with self.db.transaction():
            for i, group in enumerate(listed):
                for other in group[1:]:
                    self._constrain(group[0], other, "must", by)
                for later in listed[i + 1:]:
                    for a in group:
                        for b in later:
                            self._constrain(a, b, "cannot", by)
            self._refuse([event_id])
            results = list(dict.fromkeys(self._event_of(g[0]) for g in listed))
            for new_id in results:
                self._revision(new_id, by, "split", None, event_id, results, note)
        return [self._require(i) for i in results]

    def revisions(self, event_id: str) -> list[Revision]:
        rows = self.db.conn.execute(
            "SELECT id, event_id, at, by, action, field, old_json, new_json, note FROM revisions "
            "WHERE event_id = ? ORDER BY id", (event_id,)).fetchall()
        return [Revision(id=r[0], event_id=r[1], at=r[2], by=r[3], action=r[4], field=r[5],
                         old=json.loads(r[6]) if r[6] else None, new=json.loads(r[7]) if r[7] else None,
                         note=r[8]) for r in rows]

    # --- helpers ---------------------------------------------------------------------------------------

    def _correct(self, event_id: str, field: str, old: Any, new: Any, by: str, action: str,
                 note: str | None) -> None:
        revision = self._revision(event_id, by, action, field, old, new, note)
        self.db.conn.execute(
            self.db.dialect.replace("corrections", ("event_id", "field", "value_json", "revision_id"),
                                  ("event_id", "field")),
            (event_id, field, json.dumps(new, ensure_ascii=False), revision))

    def _revision(self, event_id: str, by: str, action: str, field: str | None, old: Any, new: Any,
                  note: str | None) -> int:
        row = self.db.conn.execute(
            "INSERT INTO revisions (event_id, at, by, action, field, old_json, new_json, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (event_id, now(), by, action, field, json.dumps(old, ensure_ascii=False),
             json.dumps(new, ensure_ascii=False), note)).fetchone()
        return int(row[0])

    def _constrain(self, a: str, b: str, kind: str, by: str) -> None:
        first, second = pair(a, b)
        self.db.conn.execute(self.db.dialect.replace("fusion_constraints", ("a", "b", "kind", "by", "at"), ("a", "b")),
                           (first, second, kind, by, now()))

    def _refuse(self, event_ids: Sequence[str]) -> None:
        """Fuse the mentions of these events again, under the constraints just written."""
        for event_id in event_ids:
            self.db.conn.execute("UPDATE mentions SET fused = 0 WHERE event_id = ?", (event_id,))
        fuse_pending(self.fusion)

    def _rebuild(self, event_id: str) -> None:
        row = self.db.conn.execute("SELECT json FROM events WHERE id = ?", (event_id,)).fetchone()
        machine = Event.from_dict(json.loads(row[0]))
        members = self.fusion.mentions(event_id)
        rebuilt = fuse_mentions(members, machine.fusion.links if machine.fusion else ()) if members else machine
        self.fusion.write_event(rebuilt)

    def _current(self, event_id: str, include_deleted: bool = False) -> Event:
        resolved = self._resolve_or_fail(event_id)
        row = self.db.conn.execute("SELECT json, deleted FROM events WHERE id = ?", (resolved,)).fetchone()
        if row is None or (row[1] and not include_deleted):
            raise NotFound(f"no event {event_id}; list events with `eventwire export` or GET /api/events")
        return Event.from_dict(json.loads(row[0]))

    def _require(self, event_id: str) -> Event:
        return self._current(event_id, include_deleted=True)

    def _resolve_or_fail(self, event_id: str) -> str:
        resolved = self.fusion.resolve_id(event_id)
        if resolved is None:
            raise NotFound(f"no event {event_id}; list events with `eventwire export` or GET /api/events")
        return resolved

    def _mention_ids(self, event_id: str) -> list[str]:
        return [r[0] for r in self.db.conn.execute("SELECT id FROM mentions WHERE event_id = ? ORDER BY id",
                                                 (event_id,))]

    def _event_of(self, mention_id: str) -> str:
        return str(self.db.conn.execute("SELECT event_id FROM mentions WHERE id = ?", (mention_id,)).fetchone()[0])
