"""Reading what is stored, for the web API and export: events (filtered, paged, counted, binned by day),
facets, articles, rejections and totals. Filters become SQL with placeholders only; values never become
SQL text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

from eventwire.records import Article, Event, Rejection
from eventwire.store.base import EventFilter, StoreCounts, TimelineBin
from eventwire.store.database import Database
from eventwire.store.dialect import fts_query
from eventwire.store.fusion_backend import SQLFusionBackend

_ORDER = "ORDER BY date_start IS NULL, date_start, id"
_FACETS = ("event_type", "sub_event_type", "plover_type", "country", "admin1", "attribution_status", "modality")


class EventsRead:
    def __init__(self, db: Database, fusion: SQLFusionBackend) -> None:
        self.db = db
        self.fusion = fusion  # follows ids that fusion retired

    def event(self, event_id: str) -> Event | None:
        """The event, following an id that fusion retired to the event now holding its mentions."""
        resolved = self.fusion.resolve_id(event_id)
        row = self.db.conn.execute("SELECT json FROM events WHERE id = ? AND deleted = 0",
                                   (resolved,)).fetchone() if resolved else None
        return Event.from_dict(json.loads(row[0])) if row else None

    def events(self, where: EventFilter | None = None, limit: int | None = None,
               offset: int = 0) -> Iterator[Event]:
        """Events ordered by (date_start, id), undated events last."""
        for text in self._event_texts(where, limit, offset):
            yield Event.from_dict(json.loads(text))

    def events_json(self, where: EventFilter | None = None, limit: int | None = None, offset: int = 0) -> list[str]:
        """As `events`, but each event's stored `eventwire.event/1` JSON text, for servers that pass it on as is."""
        return list(self._event_texts(where, limit, offset))

    def _event_texts(self, where: EventFilter | None, limit: int | None, offset: int) -> Iterator[str]:
        clause, params = self._where(where or EventFilter())
        dialect = self.db.dialect
        sql = dialect.page(clause, _ORDER)
        for (text,) in self.db.conn.execute(sql, [*params, dialect.no_limit if limit is None else limit, offset]):
            yield text

    def count_events(self, where: EventFilter | None = None) -> int:
        words = _words_only(where) if self.db.dialect.name == "sqlite" else None
        if words is not None:  # SQLite's full-text index holds live events only (migration 4)
            return int(self.db.conn.execute("SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH ?",
                                            (words,)).fetchone()[0])
        clause, params = self._where(where or EventFilter())
        return int(self.db.conn.execute(f"SELECT COUNT(*) FROM {self.db.dialect.filtered} {clause}",
                                        params).fetchone()[0])

    def timeline(self, where: EventFilter | None = None) -> list[TimelineBin]:
        """Counts of events by start day and type, for the page's histogram."""
        clause, params = self._where(where or EventFilter())
        rows = self.db.conn.execute(
            "SELECT date_start, COALESCE(event_type, plover_type, 'other'), COUNT(*) "
            f"FROM {self.db.dialect.filtered} {clause} AND date_start IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2", params)
        return [TimelineBin(day=date.fromisoformat(day), kind=kind, count=int(n)) for day, kind, n in rows]

    def facets(self) -> dict[str, list[dict[str, Any]]]:
        """For each filterable column (event_type, country, ...), its values among live events with counts."""
        result: dict[str, list[dict[str, Any]]] = {}
        for column in _FACETS:  # names from a fixed tuple, never from a request
            rows = self.db.conn.execute(f"SELECT {column}, COUNT(*) FROM events WHERE deleted = 0 AND {column} "
                                        f"IS NOT NULL GROUP BY {column} ORDER BY COUNT(*) DESC, {column}")
            result[column] = [{"value": value, "count": int(n)} for value, n in rows]
        return result

    def article(self, article_id: str) -> Article | None:
        row = self.db.conn.execute(
            "SELECT id, text, title, published, url, source, language, origin FROM articles WHERE id = ?",
            (article_id,)).fetchone()
        if row is None:
            return None
        return Article(id=row[0], text=row[1], title=row[2],
                       published=date.fromisoformat(row[3]) if row[3] else None,
                       url=row[4], source=row[5], language=row[6], origin=row[7])

    def rejections(self) -> Iterator[Rejection]:
        cursor = self.db.conn.execute("SELECT input, stage, code, reason FROM rejections ORDER BY input, stage, code")
        for row in cursor:
            yield Rejection(input=row[0], stage=row[1], code=row[2], reason=row[3])

    def counts(self) -> StoreCounts:
        def count(table: str) -> int:
            return int(self.db.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

        return StoreCounts(articles=count("articles"), events=count("events WHERE deleted = 0"),
                           rejections=count("rejections"), mentions=count("mentions"))

    def _where(self, flt: EventFilter) -> tuple[str, list[object]]:
        """A WHERE clause with placeholders only; values never become SQL text."""
        dialect = self.db.dialect
        conditions: list[str] = ["deleted = 0"]
        params: list[object] = []
        since = flt.since.isoformat() if flt.since else None
        checks: list[tuple[str | None, object]] = [
            ("date_end >= ?", since), (dialect.span_bound, since),
            ("date_start <= ?", flt.until.isoformat() if flt.until else None),
            ("event_type = ?", flt.event_type), ("sub_event_type = ?", flt.sub_event_type),
            ("plover_type = ?", flt.plover_type), ("country = ?", flt.country), ("admin1 = ?", flt.admin1),
            ("attribution_status = ?", flt.attribution_status), ("modality = ?", flt.modality),
            ("confidence >= ?", flt.min_confidence),
            ("id IN (SELECT event_id FROM mentions WHERE article_id = ?)", flt.article_id),
            *(words for words in (dialect.words(flt.text, "body"), dialect.words(flt.actor, "actors", prefix=False))
              if words is not None),
        ]
        for condition, value in checks:
            if condition is not None and value is not None:
                conditions.append(condition)
                params.append(value)
        if flt.since or flt.until:
            conditions.append(dialect.dated)  # dated events only, as the conditions above imply
        if flt.bbox is not None:
            condition, values = dialect.bbox(*flt.bbox)
            conditions.append(condition)
            params += values
        return "WHERE " + " AND ".join(conditions), params


def _words_only(flt: EventFilter | None) -> str | None:
    """The FTS5 query when the filter is words (text and/or actor) and nothing else."""
    if flt is None or replace(flt, text=None, actor=None) != EventFilter():
        return None
    parts = [q for q in (fts_query(flt.text, "body"), fts_query(flt.actor, "actors", prefix=False)) if q]
    return " AND ".join(parts) or None
