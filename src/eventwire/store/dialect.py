"""What differs between SQLite and PostgreSQL in the store's queries. Everything else (fusion, review, runs,
filters) is one SQL text for both, written with `?` placeholders; the PostgreSQL connection adapter turns
them into psycopg's `%s`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any, Protocol


class Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of sqlite3.Connection that the shared SQL code uses; postgres.PgConnection offers the same."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...
    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any: ...


class Dialect:
    """SQLite's spelling; PostgresDialect overrides what PostgreSQL says otherwise."""

    name = "sqlite"
    # Every filter column is in the index events_filter (migration 4): scanning it in listing order never
    # touches the rows' JSON, stops once it has a page, and beat SQLite's own plan at 100,000 events.
    filtered = "events INDEXED BY events_filter"
    # Names the index's first column, so that date conditions become a range in the index, not a scan of it.
    dated = "(date_start IS NULL) = 0"
    # Implied by `date_end >= since`, but it bounds the index range: nothing starts longer before `since`
    # than the longest interval stored (found through the index events_span).
    span_bound: str | None = (
        "date_start >= date(?, '-' || CAST((SELECT MAX(julianday(date_end) - julianday(date_start)) FROM events) "
        "AS INTEGER) || ' days')")
    no_limit: int | None = -1

    @cache  # noqa: B019 - one instance per dialect, a handful of tables: the cache stays tiny
    def replace(self, table: str, columns: Sequence[str], keys: Sequence[str]) -> str:
        """Insert a row, replacing the one with the same key (names only from the store's fixed tuples)."""
        return (f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})")

    def page(self, clause: str, order: str) -> str:
        # Choose the page from the filter index alone, then read the JSON of just those rows.
        return (f"SELECT json FROM events WHERE rowid IN (SELECT rowid FROM {self.filtered} {clause} {order} "
                f"LIMIT ? OFFSET ?) {order}")

    def words(self, words: str | None, column: str, prefix: bool = True) -> tuple[str, str] | None:
        """A condition on the full-text index and its one parameter; None when there is nothing to search."""
        query = fts_query(words, column, prefix)
        if query is None:
            return None
        return "rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", query

    def bbox(self, west: float, south: float, east: float, north: float) -> tuple[str, list[float]]:
        """Events inside the box; one across the antimeridian (west > east) keeps longitudes outside
        [east, west]."""
        lon = "lon BETWEEN ? AND ?" if west <= east else "(lon >= ? OR lon <= ?)"
        return f"lat BETWEEN ? AND ? AND {lon}", [south, north, west, east]


class PostgresDialect(Dialect):
    name = "postgresql"
    filtered = "events"
    dated = "date_start IS NOT NULL"
    span_bound = None  # a hint only (the date conditions stand without it); no span index on PostgreSQL
    no_limit = None  # LIMIT NULL is no limit

    def __init__(self, postgis: bool) -> None:
        self.postgis = postgis

    @cache  # noqa: B019
    def replace(self, table: str, columns: Sequence[str], keys: Sequence[str]) -> str:
        rest = [c for c in columns if c not in keys]
        action = (f"DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in rest)}" if rest else "DO NOTHING")
        return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
                f"ON CONFLICT ({', '.join(keys)}) {action}")

    def page(self, clause: str, order: str) -> str:
        return f"SELECT json FROM events {clause} {order} LIMIT ? OFFSET ?"

    def words(self, words: str | None, column: str, prefix: bool = True) -> tuple[str, str] | None:
        tokens = _tokens(words)
        if not tokens:
            return None
        star = ":*" if prefix else ""
        # Tokens are word characters only, each quoted, so no input is read as tsquery syntax.
        query = " & ".join(f"'{token}'{star}" for token in tokens)
        return f"{_TSVECTORS[column]} @@ to_tsquery('simple', ?)", query

    def bbox(self, west: float, south: float, east: float, north: float) -> tuple[str, list[float]]:
        if not self.postgis:
            return super().bbox(west, south, east, north)
        # `place` is the events' point (PostgreSQL migration 4 with PostGIS), under a GiST index.
        # ST_Intersects counts points on the box's edge in, as BETWEEN does on the plain columns.
        if west <= east:
            return "ST_Intersects(place, ST_MakeEnvelope(?, ?, ?, ?, 4326))", [west, south, east, north]
        return ("(ST_Intersects(place, ST_MakeEnvelope(?, ?, 180, ?, 4326)) "
                "OR ST_Intersects(place, ST_MakeEnvelope(-180, ?, ?, ?, 4326)))",
                [west, south, north, south, east, north])


def _tokens(words: str | None) -> list[str]:
    return re.findall(r"\w+", words) if words else []


def fts_query(words: str | None, column: str, prefix: bool = True) -> str | None:
    """An FTS5 query that finds every word (as a prefix, unless told otherwise) in one column. Only word
    characters reach FTS5, each inside a quoted string, so no input can be read as FTS5 syntax; None when there
    is nothing to search."""
    tokens = _tokens(words)
    if not tokens:
        return None
    star = " *" if prefix else ""
    return f"{column} : (" + " AND ".join(f'"{token}"{star}' for token in tokens) + ")"


_TSVECTORS = {"body": "body_words", "actors": "actor_words"}  # generated columns (PostgreSQL migration 3)
SQLITE = Dialect()
