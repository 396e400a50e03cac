"""The SQLite store (stdlib sqlite3): WAL mode, parameterised queries, migrations on open."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import date
from typing import Any

from eventwire.errors import StoreError
from eventwire.fusion.engine import FusionSummary, fuse_pending
from eventwire.records import Article, Event, Rejection
from eventwire.records.progress import FetchRecord, PartitionDone
from eventwire.store.base import EventFilter, RunStats, Store, StoreCounts, TimelineBin
from eventwire.store.migrations import migrate, now
from eventwire.store.sqlite_review import SQLiteReview

# On re-save an article keeps its first ingested_at, so running twice on the same input changes nothing.
_UPSERT_ARTICLE = """INSERT INTO articles
    (id, title, published, url, source, language, origin, text, content_hash, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, published = excluded.published,
        url = excluded.url, source = excluded.source, language = excluded.language, origin = excluded.origin,
        text = excluded.text, content_hash = excluded.content_hash"""
_UPSERT_REJECTION = """INSERT INTO rejections (input, stage, code, reason, first_seen, last_seen)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (input, stage, code) DO UPDATE SET reason = excluded.reason, last_seen = excluded.last_seen"""


class SQLiteStore(SQLiteReview, Store):
    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self._conn = sqlite3.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {path} ({exc}); check the folder exists") from exc
        try:
            self._setup()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"{path} is not a usable eventwire database ({exc}); "
                             "give another --db path") from exc
        except StoreError:
            self._conn.close()
            raise

    def _setup(self) -> None:
        # WAL lets the web server read while a run writes; NORMAL sync is safe in WAL and much faster.
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.execute("PRAGMA busy_timeout = 5000")
        migrate(self._conn, self.path)

    def batch(self) -> AbstractContextManager[None]:
        return self._transaction()

    def save_article(self, article: Article, events: Sequence[Event]) -> None:
        with self._transaction():
            self._conn.execute(_UPSERT_ARTICLE, _article_row(article))
            self._replace_mentions(article.id, events)
            # An input that now reads fine is no longer rejected (e.g. the file was re-saved as UTF-8).
            self._conn.execute("DELETE FROM rejections WHERE input = ?", (article.origin,))

    def save_rejection(self, rejection: Rejection) -> None:
        stamp = now()
        with self._transaction():
            self._conn.execute(_UPSERT_REJECTION, (rejection.input, rejection.stage, rejection.code,
                                                   rejection.reason, stamp, stamp))

    def article(self, article_id: str) -> Article | None:
        row = self._conn.execute(
            "SELECT id, text, title, published, url, source, language, origin FROM articles WHERE id = ?",
            (article_id,)).fetchone()
        if row is None:
            return None
        return Article(id=row[0], text=row[1], title=row[2],
                       published=date.fromisoformat(row[3]) if row[3] else None,
                       url=row[4], source=row[5], language=row[6], origin=row[7])

    def fuse(self, on_group: Callable[[int], None] | None = None) -> FusionSummary:
        with self._transaction():
            return fuse_pending(self, on_group)

    def event(self, event_id: str) -> Event | None:
        """The event, following an id that fusion retired to the event now holding its mentions."""
        resolved = self.resolve_id(event_id)
        row = self._conn.execute("SELECT json FROM events WHERE id = ? AND deleted = 0",
                                 (resolved,)).fetchone() if resolved else None
        return Event.from_dict(json.loads(row[0])) if row else None

    def events(self, where: EventFilter | None = None, limit: int | None = None,
               offset: int = 0) -> Iterator[Event]:
        for text in self._event_texts(where, limit, offset):
            yield Event.from_dict(json.loads(text))

    def events_json(self, where: EventFilter | None = None, limit: int | None = None, offset: int = 0) -> list[str]:
        return list(self._event_texts(where, limit, offset))

    def _event_texts(self, where: EventFilter | None, limit: int | None, offset: int) -> Iterator[str]:
        # Choose the page from the filter index alone, then read the JSON of just those rows.
        clause, params = _where(where or EventFilter())
        sql = (f"SELECT json FROM events WHERE rowid IN (SELECT rowid FROM {_FILTERED} {clause} {_ORDER} "
               f"LIMIT ? OFFSET ?) {_ORDER}")
        for (text,) in self._conn.execute(sql, [*params, -1 if limit is None else limit, offset]):
            yield text

    def count_events(self, where: EventFilter | None = None) -> int:
        words = _words_only(where)
        if words is not None:  # the full-text index holds live events only (migration 4)
            return int(self._conn.execute("SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH ?",
                                          (words,)).fetchone()[0])
        clause, params = _where(where or EventFilter())
        return int(self._conn.execute(f"SELECT COUNT(*) FROM {_FILTERED} {clause}", params).fetchone()[0])

    def timeline(self, where: EventFilter | None = None) -> list[TimelineBin]:
        clause, params = _where(where or EventFilter())
        rows = self._conn.execute(
            f"SELECT date_start, COALESCE(event_type, plover_type, 'other'), COUNT(*) FROM {_FILTERED} {clause} "
            "AND date_start IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2", params)
        return [TimelineBin(day=date.fromisoformat(day), kind=kind, count=int(n)) for day, kind, n in rows]

    def facets(self) -> dict[str, list[dict[str, Any]]]:
        result: dict[str, list[dict[str, Any]]] = {}
        for column in _FACETS:  # names from a fixed tuple, never from a request
            rows = self._conn.execute(f"SELECT {column}, COUNT(*) FROM events WHERE deleted = 0 AND {column} "
                                      f"IS NOT NULL GROUP BY {column} ORDER BY COUNT(*) DESC, {column}")
            result[column] = [{"value": value, "count": int(n)} for value, n in rows]
        return result

    def rejections(self) -> Iterator[Rejection]:
        cursor = self._conn.execute(
            "SELECT input, stage, code, reason FROM rejections ORDER BY input, stage, code")
        for row in cursor:
            yield Rejection(input=row[0], stage=row[1], code=row[2], reason=row[3])

    def counts(self) -> StoreCounts:
        def count(table: str) -> int:
            return int(self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

        return StoreCounts(articles=count("articles"), events=count("events WHERE deleted = 0"),
                           rejections=count("rejections"), mentions=count("mentions"))

    def start_run(self, inputs: Sequence[str]) -> int:
        with self._transaction():
            cursor = self._conn.execute("INSERT INTO runs (started_at, inputs) VALUES (?, ?)",
                                        (now(), _inputs_json(inputs)))
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, stats: RunStats) -> None:
        with self._transaction():
            self._conn.execute(
                "UPDATE runs SET finished_at = ?, articles = ?, events = ?, no_event_articles = ?, "
                "rejections = ? WHERE id = ?",
                (now(), stats.articles, stats.events, stats.no_event_articles, stats.rejections, run_id))

    def resumable_run(self, inputs: Sequence[str]) -> int | None:
        row = self._conn.execute("SELECT id, finished_at FROM runs WHERE inputs = ? ORDER BY id DESC LIMIT 1",
                                 (_inputs_json(inputs),)).fetchone()
        return int(row[0]) if row is not None and row[1] is None else None

    def done_partitions(self, run_id: int) -> dict[int, PartitionDone]:
        rows = self._conn.execute(
            "SELECT idx, key, articles, events, no_event_articles, rejections FROM run_partitions "
            "WHERE run_id = ?", (run_id,))
        return {int(row[0]): PartitionDone(*row) for row in rows}

    def mark_partition_done(self, run_id: int, done: PartitionDone) -> None:
        with self._transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO run_partitions (run_id, idx, key, articles, events, no_event_articles, "
                "rejections, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, done.index, done.key, done.articles, done.events, done.no_event_articles,
                 done.rejections, now()))

    def fetch_record(self, url: str) -> FetchRecord | None:
        row = self._conn.execute("SELECT url, fetched_at, status, etag, last_modified, article_id, error "
                                 "FROM fetches WHERE url = ?", (url,)).fetchone()
        return FetchRecord(*row) if row else None

    def save_fetch(self, record: FetchRecord) -> None:
        with self._transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO fetches (url, fetched_at, status, etag, last_modified, article_id, error) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", (record.url, record.fetched_at, record.status, record.etag,
                                                 record.last_modified, record.article_id, record.error))

    def close(self) -> None:
        self._conn.close()


def _inputs_json(inputs: Sequence[str]) -> str:
    return json.dumps(list(inputs), ensure_ascii=False)


def _article_row(article: Article) -> tuple[object, ...]:
    content_hash = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return (article.id, article.title, article.published.isoformat() if article.published else None,
            article.url, article.source, article.language, article.origin, article.text, content_hash, now())


def _where(flt: EventFilter) -> tuple[str, list[object]]:
    """A WHERE clause with placeholders only; values never become SQL text."""
    conditions: list[str] = ["deleted = 0"]
    params: list[object] = []
    checks: list[tuple[str, object]] = [
        ("date_end >= ?", flt.since.isoformat() if flt.since else None),
        # Implied by the line above, but it bounds the index range: nothing starts longer before `since`
        # than the longest interval stored (found through the index events_span).
        (_STARTS_AFTER_LONGEST_SPAN_BEFORE, flt.since.isoformat() if flt.since else None),
        ("date_start <= ?", flt.until.isoformat() if flt.until else None),
        ("event_type = ?", flt.event_type), ("sub_event_type = ?", flt.sub_event_type),
        ("plover_type = ?", flt.plover_type), ("country = ?", flt.country), ("admin1 = ?", flt.admin1),
        ("attribution_status = ?", flt.attribution_status), ("modality = ?", flt.modality),
        ("confidence >= ?", flt.min_confidence),
        ("id IN (SELECT event_id FROM mentions WHERE article_id = ?)", flt.article_id),
        (_FTS_CONDITION, fts_query(flt.text, "body")), (_FTS_CONDITION, fts_query(flt.actor, "actors", prefix=False)),
    ]
    for condition, value in checks:
        if value is not None:
            conditions.append(condition)
            params.append(value)
    if flt.since or flt.until:
        # Dated events only (as the conditions above imply): names the index's first column, so that the date
        # conditions become a range in the index instead of a scan of it.
        conditions.append("(date_start IS NULL) = 0")
    if flt.bbox is not None:
        west, south, east, north = flt.bbox
        # A box across the antimeridian (west > east) keeps longitudes outside [east, west].
        conditions.append("lat BETWEEN ? AND ? AND " + ("lon BETWEEN ? AND ?" if west <= east
                                                         else "(lon >= ? OR lon <= ?)"))
        params += [south, north, west, east]
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), params


# Every filter column is in the index events_filter (migration 4): scanning it in listing order never touches
# the rows' JSON, stops once it has a page, and beat the planner's own choices at 100,000 events (which
# visits the rows of every word match, or every event of a type, to sort them).
_FILTERED = "events INDEXED BY events_filter"


def _words_only(flt: EventFilter | None) -> str | None:
    """The FTS5 query when the filter is words (text and/or actor) and nothing else."""
    if flt is None or replace(flt, text=None, actor=None) != EventFilter():
        return None
    parts = [q for q in (fts_query(flt.text, "body"), fts_query(flt.actor, "actors", prefix=False)) if q]
    return " AND ".join(parts) or None


_ORDER = "ORDER BY date_start IS NULL, date_start, id"
_FACETS = ("event_type", "sub_event_type", "plover_type", "country", "admin1", "attribution_status", "modality")
_STARTS_AFTER_LONGEST_SPAN_BEFORE = (
    "date_start >= date(?, '-' || CAST((SELECT MAX(julianday(date_end) - julianday(date_start)) FROM events) "
    "AS INTEGER) || ' days')")
_FTS_CONDITION = "rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"


def fts_query(words: str | None, column: str, prefix: bool = True) -> str | None:
    """An FTS5 query that finds every word (as a prefix, unless told otherwise) in one column. Only word
    characters reach FTS5, each inside a quoted string, so no input can be read as FTS5 syntax; None when there
    is nothing to search."""
    if words is None:
        return None
    tokens = re.findall(r"\w+", words)
    if not tokens:
        return None
    star = " *" if prefix else ""
    return f"{column} : (" + " AND ".join(f'"{token}"{star}' for token in tokens) + ")"
