"""Storage: one interface (Store), SQLite behind it today. `open_store` turns a --db value into a Store."""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import StoreError
from eventwire.store.base import EventFilter, RunStats, Store, StoreCounts, TimelineBin

DEFAULT_DB = "eventwire.db"
_SQLITE_PREFIX = "sqlite:///"
_POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+")


def open_store(url: str | None = None) -> Store:
    """None -> ./eventwire.db; a plain path; or sqlite:///path (sqlite:////abs/path for an absolute one).
    Raises StoreError with what to do when the URL cannot be opened."""
    from eventwire.store.sqlite import SQLiteStore  # imported here so that importing eventwire.store is cheap

    return SQLiteStore(sqlite_path(url))


def sqlite_path(url: str | None) -> str:
    if url is None or url == "":
        return str(Path.cwd() / DEFAULT_DB)
    if url.startswith(_POSTGRES_SCHEMES):
        raise StoreError("PostgreSQL support is not installed yet; use a SQLite path, e.g. --db eventwire.db")
    if url.startswith(_SQLITE_PREFIX):
        path = url.removeprefix(_SQLITE_PREFIX)
        if not path:
            raise StoreError(f"{url} names no file; write sqlite:///eventwire.db")
        return path
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise StoreError(f"unsupported database URL scheme {scheme!r}; use a SQLite path or sqlite:///path")
    return url


__all__ = ["DEFAULT_DB", "EventFilter", "RunStats", "Store", "StoreCounts", "TimelineBin", "open_store", "sqlite_path"]
