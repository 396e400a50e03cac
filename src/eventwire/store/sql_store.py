"""The store's SQL, shared by SQLite (sqlite.py) and PostgreSQL (postgres.py): parameterised queries with `?`
placeholders; what the two spell differently comes from the store's Dialect."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from eventwire.fusion.engine import FusionSummary, fuse_pending
from eventwire.records import Article, Event, Rejection
from eventwire.records.progress import FetchRecord, PartitionDone
from eventwire.store.base import EventFilter, RunStats, Store, StoreCounts, TimelineBin
from eventwire.store.migrations import now
from eventwire.store.sql_review import SQLReview

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


class SQLStore(SQLReview, Store):
    """Everything but opening the connection and its transactions, which each backend does its own way."""

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
        clause, params = self._where(where or EventFilter())
        sql = self._dialect.page(clause, _ORDER)
        for (text,) in self._conn.execute(sql, [*params, self._dialect.no_limit if limit is None else limit,
                                                offset]):
            yield text

    def count_events(self, where: EventFilter | None = None) -> int:
        clause, params = self._where(where or EventFilter())
        return int(self._conn.execute(f"SELECT COUNT(*) FROM {self._dialect.filtered} {clause}",
                                      params).fetchone()[0])

    def timeline(self, where: EventFilter | None = None) -> list[TimelineBin]:
        clause, params = self._where(where or EventFilter())
        rows = self._conn.execute(
            f"SELECT date_start, COALESCE(event_type, plover_type, 'other'), COUNT(*) FROM {self._dialect.filtered} "
            f"{clause} "
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
            row = self._conn.execute("INSERT INTO runs (started_at, inputs) VALUES (?, ?) RETURNING id",
                                     (now(), _inputs_json(inputs))).fetchone()
        return int(row[0])

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
                self._dialect.replace("run_partitions", _PARTITION_COLUMNS, ("run_id", "idx")),
                (run_id, done.index, done.key, done.articles, done.events, done.no_event_articles,
                 done.rejections, now()))

    def fetch_record(self, url: str) -> FetchRecord | None:
        row = self._conn.execute("SELECT url, fetched_at, status, etag, last_modified, article_id, error "
                                 "FROM fetches WHERE url = ?", (url,)).fetchone()
        return FetchRecord(*row) if row else None

    def save_fetch(self, record: FetchRecord) -> None:
        with self._transaction():
            self._conn.execute(
                self._dialect.replace("fetches", _FETCH_COLUMNS, ("url",)),
                (record.url, record.fetched_at, record.status, record.etag, record.last_modified, record.article_id,
                 record.error))

    def _where(self, flt: EventFilter) -> tuple[str, list[object]]:
        """A WHERE clause with placeholders only; values never become SQL text."""
        dialect = self._dialect
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


def _inputs_json(inputs: Sequence[str]) -> str:
    return json.dumps(list(inputs), ensure_ascii=False)


def _article_row(article: Article) -> tuple[object, ...]:
    content_hash = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return (article.id, article.title, article.published.isoformat() if article.published else None,
            article.url, article.source, article.language, article.origin, article.text, content_hash, now())


_ORDER = "ORDER BY date_start IS NULL, date_start, id"
_FACETS = ("event_type", "sub_event_type", "plover_type", "country", "admin1", "attribution_status", "modality")
_PARTITION_COLUMNS = ("run_id", "idx", "key", "articles", "events", "no_event_articles", "rejections", "done_at")
_FETCH_COLUMNS = ("url", "fetched_at", "status", "etag", "last_modified", "article_id", "error")
