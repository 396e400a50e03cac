"""The SQLite store (stdlib sqlite3): WAL mode, savepoints, migrations on open. Its queries are the shared ones
of sql_store.py, spelled by the SQLite dialect."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from eventwire.errors import StoreError
from eventwire.store.base import EventFilter
from eventwire.store.dialect import SQLITE, fts_query
from eventwire.store.migrations import migrate
from eventwire.store.sql_store import SQLStore


class SQLiteStore(SQLStore):
    _conn: sqlite3.Connection
    _savepoints: int = 0

    def __init__(self, path: str) -> None:
        self.path = path
        self._dialect = SQLITE
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

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """A savepoint: a transaction of its own at top level, a nested part of one inside batch()."""
        name = f"sp{self._savepoints}"
        self._savepoints += 1
        self._conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self._conn.execute(f"ROLLBACK TO {name}")
            self._conn.execute(f"RELEASE {name}")
            raise
        finally:
            self._savepoints -= 1
        self._conn.execute(f"RELEASE {name}")

    def count_events(self, where: EventFilter | None = None) -> int:
        words = _words_only(where)
        if words is not None:  # the full-text index holds live events only (migration 4)
            return int(self._conn.execute("SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH ?",
                                          (words,)).fetchone()[0])
        return super().count_events(where)

    def close(self) -> None:
        self._conn.close()


def _words_only(flt: EventFilter | None) -> str | None:
    """The FTS5 query when the filter is words (text and/or actor) and nothing else."""
    if flt is None or replace(flt, text=None, actor=None) != EventFilter():
        return None
    parts = [q for q in (fts_query(flt.text, "body"), fts_query(flt.actor, "actors", prefix=False)) if q]
    return " AND ".join(parts) or None


__all__ = ["SQLiteStore", "fts_query"]
