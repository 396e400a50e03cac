"""The SQLite database (stdlib sqlite3): WAL mode, savepoints, migrations on open. The store's roles run their
shared SQL on it, spelled by the SQLite dialect."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from eventwire.errors import StoreError
from eventwire.store.database import Database
from eventwire.store.dialect import SQLITE, fts_query
from eventwire.store.facade import Store
from eventwire.store.migrations import migrate


class SQLiteDatabase(Database):
    conn: sqlite3.Connection
    _savepoints: int = 0

    def __init__(self, path: str) -> None:
        self.path = self.where = path
        self.dialect = SQLITE
        try:
            self.conn = sqlite3.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {path} ({exc}); check the folder exists") from exc
        try:
            self._setup()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{path} is not a usable eventwire database ({exc}); "
                             "give another --db path") from exc
        except StoreError:
            self.conn.close()
            raise

    def _setup(self) -> None:
        # WAL lets the web server read while a run writes; NORMAL sync is safe in WAL and much faster.
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA busy_timeout = 5000")
        migrate(self.conn, self.path)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A savepoint: a transaction of its own at top level, a nested part of one inside another."""
        name = f"sp{self._savepoints}"
        self._savepoints += 1
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        finally:
            self._savepoints -= 1
        self.conn.execute(f"RELEASE {name}")

    def close(self) -> None:
        self.conn.close()


class SQLiteStore(Store):
    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(SQLiteDatabase(path))


__all__ = ["SQLiteDatabase", "SQLiteStore", "fts_query"]
