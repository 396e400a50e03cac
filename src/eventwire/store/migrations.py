"""Schema migrations for the SQLite store: ordered steps, each applied in one transaction and recorded in
the `migrations` table, so opening an older database brings it up to date."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from eventwire.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _initial_schema(conn: sqlite3.Connection) -> None:
    for statement in _V1_STATEMENTS:
        conn.execute(statement)


_V1_STATEMENTS = (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY, title TEXT, published TEXT, url TEXT, source TEXT, language TEXT,
        origin TEXT NOT NULL, text TEXT NOT NULL, content_hash TEXT NOT NULL, ingested_at TEXT NOT NULL)""",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY, article_id TEXT NOT NULL, event_type TEXT, sub_event_type TEXT, plover_type TEXT,
        date_start TEXT, date_end TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL,
        attribution_status TEXT NOT NULL, modality TEXT NOT NULL, confidence REAL NOT NULL,
        json TEXT NOT NULL)""",
    "CREATE INDEX events_date ON events (date_start, date_end)",
    "CREATE INDEX events_type ON events (event_type, sub_event_type)",
    "CREATE INDEX events_plover ON events (plover_type)",
    "CREATE INDEX events_article ON events (article_id)",
    """CREATE TABLE rejections (
        input TEXT NOT NULL, stage TEXT NOT NULL, code TEXT NOT NULL, reason TEXT NOT NULL,
        first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, UNIQUE (input, stage, code))""",
    """CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT,
        inputs TEXT NOT NULL, articles INTEGER, events INTEGER, no_event_articles INTEGER,
        rejections INTEGER)""",
)

# Append only: a released migration is never edited, a change is a new step.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _initial_schema),
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def applied_version(conn: sqlite3.Connection) -> int:
    conn.execute("""CREATE TABLE IF NOT EXISTS migrations (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)""")
    row = conn.execute("SELECT MAX(id) FROM migrations").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, where: str, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """Apply the missing migrations; returns the version the database is at afterwards.
    `conn` must be in autocommit mode (isolation_level=None) so each step owns its transaction."""
    current = applied_version(conn)
    known = migrations[-1].version if migrations else 0
    if current > known:
        raise StoreError(f"{where} has schema version {current}, newer than this eventwire knows ({known}); "
                         "upgrade eventwire, or use another --db")
    for step in migrations:
        if step.version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have applied it while we waited for the write lock.
            if applied_version(conn) >= step.version:
                conn.execute("COMMIT")
                continue
            step.apply(conn)
            conn.execute("INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)",
                         (step.version, step.name, now()))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return known
