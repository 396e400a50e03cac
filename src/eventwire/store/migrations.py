"""Schema migrations: ordered steps, each applied in one transaction and recorded in the `migrations` table, so
opening an older database brings it up to date. SQLite and PostgreSQL go through the same numbered steps; each
step has its SQLite statements (below) and its PostgreSQL ones (pg_schema.py, mostly these, translated)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from eventwire.errors import StoreError
from eventwire.store import pg_schema
from eventwire.store.dialect import Connection

Apply = Callable[[Connection], None]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Apply  # on SQLite
    apply_postgres: Apply


def _statements(statements: Sequence[str]) -> Apply:
    def apply(conn: Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return apply


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

# Version 2: what an article says becomes a *mention*; `events` holds the fused events that one or more
# mentions report, plus what analysts do to them. Existing events become unfused mentions (fused = 0)
# with a one-mention event each, so nothing disappears before the next run fuses them.
_V2_STATEMENTS = (
    "DROP INDEX events_date", "DROP INDEX events_type", "DROP INDEX events_plover", "DROP INDEX events_article",
    "ALTER TABLE events RENAME TO mentions",
    "ALTER TABLE mentions ADD COLUMN event_id TEXT",
    "ALTER TABLE mentions ADD COLUMN family TEXT",
    "ALTER TABLE mentions ADD COLUMN fused INTEGER NOT NULL DEFAULT 0",
    "UPDATE mentions SET event_id = id, family = COALESCE(event_type, plover_type, '')",
    "CREATE INDEX mentions_article ON mentions (article_id)",
    "CREATE INDEX mentions_event ON mentions (event_id)",
    "CREATE INDEX mentions_candidates ON mentions (family, date_start, date_end)",
    "CREATE INDEX mentions_pending ON mentions (fused)",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY, event_type TEXT, sub_event_type TEXT, plover_type TEXT,
        date_start TEXT, date_end TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL,
        attribution_status TEXT NOT NULL, modality TEXT NOT NULL, confidence REAL NOT NULL,
        n_sources INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, json TEXT NOT NULL)""",
    """INSERT INTO events (id, event_type, sub_event_type, plover_type, date_start, date_end, country, admin1,
        lat, lon, attribution_status, modality, confidence, n_sources, json)
        SELECT id, event_type, sub_event_type, plover_type, date_start, date_end, country, admin1, lat, lon,
        attribution_status, modality, confidence, 1, json FROM mentions""",
    "CREATE INDEX events_date ON events (date_start, date_end)",
    "CREATE INDEX events_type ON events (event_type, sub_event_type)",
    "CREATE INDEX events_plover ON events (plover_type)",
    "CREATE INDEX events_place ON events (lat, lon)",
    # Analysts' merge and split decisions, as pairs of mentions that must (or must not) share an event.
    """CREATE TABLE fusion_constraints (
        a TEXT NOT NULL, b TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('must', 'cannot')),
        by TEXT, at TEXT NOT NULL, PRIMARY KEY (a, b))""",
    # An event id that fusion retired, and the event that now holds its mentions.
    "CREATE TABLE event_aliases (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL)",
    """CREATE TABLE revisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, at TEXT NOT NULL, by TEXT NOT NULL,
        action TEXT NOT NULL, field TEXT, old_json TEXT, new_json TEXT, note TEXT)""",
    "CREATE INDEX revisions_event ON revisions (event_id)",
    # The current analyst value of a field, re-applied whenever fusion rebuilds the event.
    """CREATE TABLE corrections (
        event_id TEXT NOT NULL, field TEXT NOT NULL, value_json TEXT NOT NULL, revision_id INTEGER NOT NULL,
        PRIMARY KEY (event_id, field))""",
    "CREATE TABLE tokens (token_hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL)",
)

# The words the web page searches, pulled out of an event's JSON by SQL, so triggers keep the index in step
# with every way the store writes events (fusion rebuilds, corrections) without the writers knowing of it.
_FTS_VALUES = """
    coalesce((SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(new.json, '$.evidence')), '')
    || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.title'), ' ')
                        FROM json_each(new.json, '$.sources')), '')
    || ' ' || coalesce(json_extract(new.json, '$.summary'), ''),
    coalesce(json_extract(new.json, '$.actor1.name'), '') || ' '
    || coalesce(json_extract(new.json, '$.actor2.name'), ''),
    coalesce(json_extract(new.json, '$.location.name'), '')"""
_FTS_ROW = f"INSERT INTO events_fts (rowid, body, actors, place) VALUES (new.rowid, {_FTS_VALUES})"

# Version 3: full-text search over evidence, titles, actors and places (FTS5 keyed by the events rowid),
# and an index in the listing order. `INSERT OR REPLACE` deletes the old row without firing delete triggers,
# hence the BEFORE INSERT trigger that drops the old row's words first.
_V3_STATEMENTS = (
    "CREATE INDEX events_order ON events ((date_start IS NULL), date_start, id)",
    "CREATE INDEX events_admin1 ON events (country, admin1)",
    "CREATE VIRTUAL TABLE events_fts USING fts5 (body, actors, place, tokenize = 'unicode61 remove_diacritics 2')",
    """CREATE TRIGGER events_fts_replace BEFORE INSERT ON events BEGIN
        DELETE FROM events_fts WHERE rowid IN (SELECT rowid FROM events WHERE id = new.id); END""",
    f"CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN {_FTS_ROW}; END",
    """CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        DELETE FROM events_fts WHERE rowid = old.rowid; END""",
    f"""CREATE TRIGGER events_fts_update AFTER UPDATE OF json ON events BEGIN
        DELETE FROM events_fts WHERE rowid = old.rowid; {_FTS_ROW}; END""",
    # Fill the index for events stored before this version (`new` names the table, as in the triggers).
    f"INSERT INTO events_fts (rowid, body, actors, place) SELECT new.rowid, {_FTS_VALUES} FROM events AS new",
)

_LIVE_FTS_ROW = (f"INSERT INTO events_fts (rowid, body, actors, place) SELECT new.rowid, {_FTS_VALUES} "
                 "WHERE new.deleted = 0")

# Version 4: one index in listing order holding every filterable column, so that listing, counting and the
# timeline read the index alone (a few MB) rather than the rows with their JSON (hundreds of MB at 100,000
# events), and a listing stops as soon as it has its page. It supersedes version 3's listing-order index.
# The full-text index now holds live events only, so a word search alone is counted by FTS5 without
# visiting the events table.
_V4_STATEMENTS = (
    """CREATE INDEX events_filter ON events ((date_start IS NULL), date_start, id, deleted, event_type,
        sub_event_type, plover_type, country, admin1, attribution_status, modality, confidence, date_end, lat,
        lon)""",
    "DROP INDEX events_order",
    # The longest event interval, in O(log n): it turns "overlaps [since, until]" into a bounded range.
    "CREATE INDEX events_span ON events ((julianday(date_end) - julianday(date_start)))",
    "DROP TRIGGER events_fts_insert",
    "DROP TRIGGER events_fts_update",
    f"CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN {_LIVE_FTS_ROW}; END",
    f"""CREATE TRIGGER events_fts_update AFTER UPDATE OF json, deleted ON events BEGIN
        DELETE FROM events_fts WHERE rowid = old.rowid; {_LIVE_FTS_ROW}; END""",
    "DELETE FROM events_fts WHERE rowid IN (SELECT rowid FROM events WHERE deleted = 1)",
)

# Version 5: what lets long jobs stop and go on. A run killed part-way is resumed by the next run on the same
# inputs, which skips the partitions recorded here; `eventwire watch` remembers what it fetched.
_V5_STATEMENTS = (
    """CREATE TABLE run_partitions (
        run_id INTEGER NOT NULL, idx INTEGER NOT NULL, key TEXT NOT NULL, articles INTEGER NOT NULL,
        events INTEGER NOT NULL, no_event_articles INTEGER NOT NULL, rejections INTEGER NOT NULL,
        done_at TEXT NOT NULL, PRIMARY KEY (run_id, idx))""",
    """CREATE TABLE fetches (
        url TEXT PRIMARY KEY, fetched_at TEXT NOT NULL, status INTEGER, etag TEXT, last_modified TEXT,
        article_id TEXT, error TEXT)""",
)

# Version 6: article identity across runs. A changed text under a stored id updates the article; the text it
# replaces is kept here (version 1 is the first text stored), so no run ever loses what an article said.
_V6_STATEMENTS = (
    """CREATE TABLE article_versions (
        article_id TEXT NOT NULL, version INTEGER NOT NULL, title TEXT, published TEXT, url TEXT, source TEXT,
        language TEXT, origin TEXT NOT NULL, text TEXT NOT NULL, content_hash TEXT NOT NULL,
        ingested_at TEXT NOT NULL, replaced_at TEXT NOT NULL, PRIMARY KEY (article_id, version))""",
)

# Version 7: tokens that expire and can be revoked (a revoked token stays listed, with when).
_V7_STATEMENTS = (
    "ALTER TABLE tokens ADD COLUMN expires_at TEXT",
    "ALTER TABLE tokens ADD COLUMN revoked_at TEXT",
)

# Append only: a released migration is never edited, a change is a new step.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _statements(_V1_STATEMENTS), _statements(pg_schema.ddl(_V1_STATEMENTS))),
    Migration(2, "mentions, fused events, constraints, revisions, corrections, tokens",
              _statements(_V2_STATEMENTS), _statements(pg_schema.fusion_schema(_V2_STATEMENTS))),
    Migration(3, "full-text search over events, listing-order index", _statements(_V3_STATEMENTS),
              _statements(pg_schema.SEARCH)),
    Migration(4, "covering index for filters, counts and the timeline", _statements(_V4_STATEMENTS),
              pg_schema.filter_index(_V4_STATEMENTS[0])),
    Migration(5, "resumable runs (finished partitions) and fetched URLs", _statements(_V5_STATEMENTS),
              _statements(pg_schema.ddl(_V5_STATEMENTS))),
    Migration(6, "article versions: earlier texts of updated articles", _statements(_V6_STATEMENTS),
              _statements(pg_schema.ddl(_V6_STATEMENTS))),
    Migration(7, "token expiry and revocation", _statements(_V7_STATEMENTS),
              _statements(pg_schema.ddl(_V7_STATEMENTS))),
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def applied_version(conn: Connection) -> int:
    conn.execute("""CREATE TABLE IF NOT EXISTS migrations (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)""")
    row = conn.execute("SELECT MAX(id) FROM migrations").fetchone()
    return int(row[0] or 0)


def check_version(conn: Connection, where: str, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """For a database opened read-only: no migration can run, so its schema must be this eventwire's."""
    try:
        row = conn.execute("SELECT MAX(id) FROM migrations").fetchone()
    except Exception as exc:  # the dialects' errors differ; the table is missing or the file is not a database
        raise StoreError(f"{where} is not an eventwire database, and is read-only ({exc}); give another --db") from exc
    current, known = int(row[0] or 0), migrations[-1].version
    if current != known:
        raise StoreError(f"{where} has schema version {current}, this eventwire needs {known}, and the database is "
                         "read-only so it cannot be upgraded; open it once where it can be written, or upgrade "
                         "eventwire")
    return current


def migrate(conn: Connection, where: str, migrations: tuple[Migration, ...] = MIGRATIONS,
            postgres: bool = False) -> int:
    """Apply the missing migrations; returns the version the database is at afterwards.
    `conn` must be in autocommit mode so each step owns its transaction."""
    if postgres:  # even the first look takes the lock: concurrent CREATE TABLE IF NOT EXISTS can fail there
        with _step(conn, postgres):
            current = applied_version(conn)
    else:  # no write lock just to look: a web server's threads open while a run writes
        current = applied_version(conn)
    known = migrations[-1].version if migrations else 0
    if current > known:
        raise StoreError(f"{where} has schema version {current}, newer than this eventwire knows ({known}); "
                         "upgrade eventwire, or use another --db")
    for step in migrations:
        if step.version <= current:
            continue
        with _step(conn, postgres):
            # Another process may have applied it while we waited for the lock.
            if applied_version(conn) >= step.version:
                continue
            (step.apply_postgres if postgres else step.apply)(conn)
            conn.execute("INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)",
                         (step.version, step.name, now()))
    return known


@contextmanager
def _step(conn: Connection, postgres: bool) -> Iterator[None]:
    """One transaction that no other connection migrating the same database runs beside: SQLite's write lock,
    or on PostgreSQL an advisory lock held until the transaction ends."""
    if postgres:
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(?)", (pg_schema.MIGRATION_LOCK,))
    else:
        conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
