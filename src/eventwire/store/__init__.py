"""Storage: one Store (facade.py: small role objects over one SQL database), on SQLite or PostgreSQL.
`open_store` turns a --db value into a Store."""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import StoreError
from eventwire.store.base import ArticleSaved, EventFilter, RunStats, StoreCounts, TimelineBin
from eventwire.store.facade import Store

DEFAULT_DB = "eventwire.db"
_SQLITE_PREFIX = "sqlite:///"
_POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+")


def open_store(url: str | None = None, read_only: bool | None = None) -> Store:
    """None -> ./eventwire.db; a plain path; sqlite:///path (sqlite:////abs/path for an absolute one); or a
    PostgreSQL URL, postgresql://user:password@host:5432/dbname. Raises StoreError with what to do when the URL
    cannot be opened. `read_only` (SQLite): True for commands that only read; None (the default) opens read-only
    only a database that cannot be written."""
    if url is not None and is_postgres(url):
        try:
            from eventwire.store.postgres import PostgresStore
        except ImportError as exc:
            if not (exc.name or "").startswith("psycopg"):
                raise
            raise StoreError("a postgresql:// --db needs psycopg, which is not installed; install it with "
                             "pip install 'eventwire[postgres]' (or use a SQLite path)") from exc
        return PostgresStore(url)
    from eventwire.store.sqlite import SQLiteStore  # imported here so that importing eventwire.store is cheap

    return SQLiteStore(sqlite_path(url), read_only)


def is_postgres(url: str | None) -> bool:
    return bool(url) and str(url).startswith(_POSTGRES_SCHEMES)


def store_location(url: str | None) -> str:
    """Where the store is, for messages: the SQLite file's path, or the PostgreSQL URL without its password."""
    if url is not None and is_postgres(url):
        from eventwire.store.urls import display_url

        return display_url(url)
    return sqlite_path(url)


def sqlite_path(url: str | None) -> str:
    """The SQLite file a --db value names. For a PostgreSQL URL, the URL without its password (callers that
    print "stored in …" use this; store_location says the same for both)."""
    if url is None:
        return str(Path.cwd() / DEFAULT_DB)
    if not url.strip():
        raise StoreError("--db is empty; give a database path, e.g. --db events.db (without --db: ./eventwire.db)")
    if is_postgres(url):
        return store_location(url)
    if url.startswith(_SQLITE_PREFIX):
        path = url.removeprefix(_SQLITE_PREFIX)
        if not path:
            raise StoreError(f"{url} names no file; write sqlite:///eventwire.db")
        return path
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise StoreError(f"unsupported database URL scheme {scheme!r}; use a SQLite path, sqlite:///path or "
                         "postgresql://user:password@host/dbname")
    return url


__all__ = ["DEFAULT_DB", "ArticleSaved", "EventFilter", "RunStats", "Store", "StoreCounts", "TimelineBin",
           "is_postgres", "open_store", "sqlite_path", "store_location"]
