"""The SQLite database (stdlib sqlite3): WAL mode, savepoints, migrations on open. The store's roles run their
shared SQL on it, spelled by the SQLite dialect. A database that cannot be written (a read-only file, folder or
filesystem) opens read-only, so reading commands work on it and a write fails with one clear line."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from eventwire.errors import StoreError
from eventwire.store.database import Database
from eventwire.store.dialect import SQLITE, fts_query
from eventwire.store.facade import Store
from eventwire.store.migrations import check_version, migrate


class SQLiteDatabase(Database):
    conn: sqlite3.Connection
    _savepoints: int = 0

    def __init__(self, path: str, read_only: bool | None = None) -> None:
        """`read_only`: True for commands that only read (export); None opens read-only only when the file or
        its folder cannot be written."""
        self.path = self.where = path
        self.dialect = SQLITE
        self.read_only = _unwritable(path) if read_only is None else read_only
        try:
            self.conn = _connect_read_only(path) if self.read_only else sqlite3.connect(path, isolation_level=None)
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
        self.conn.execute("PRAGMA busy_timeout = 5000")
        if self.read_only:
            check_version(self.conn, self.path)
            return
        # WAL lets the web server read while a run writes; NORMAL sync is safe in WAL and much faster.
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
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
            # Some errors (a full disk, SQLITE_FULL) make SQLite roll back the whole transaction itself; then
            # there is no savepoint left to roll back to, and the error to report is the one that did it.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
            raise
        finally:
            self._savepoints -= 1
        self.conn.execute(f"RELEASE {name}")

    def close(self) -> None:
        self.conn.close()


def _unwritable(path: str) -> bool:
    """An existing database that this process cannot write: the file, or its folder (SQLite writes its journal
    and WAL files beside the database)."""
    file = Path(path)
    if path == ":memory:" or not file.is_file():
        return False
    return not os.access(file, os.W_OK) or not os.access(file.parent.resolve(), os.W_OK | os.X_OK)


def _connect_read_only(path: str) -> sqlite3.Connection:
    if not Path(path).is_file():
        raise StoreError(f"no database at {path}; create one with `eventwire run PATH --db {path}`")
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        # A WAL database whose folder cannot be written has no shared-memory file to read through; on a
        # read-only file or filesystem nobody writes it either, so SQLite may read it as immutable.
        conn.close()
        return sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)


class SQLiteStore(Store):
    def __init__(self, path: str, read_only: bool | None = None) -> None:
        self.path = path
        super().__init__(SQLiteDatabase(path, read_only))


__all__ = ["SQLiteDatabase", "SQLiteStore", "fts_query"]
