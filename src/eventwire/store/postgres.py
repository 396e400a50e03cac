"""The PostgreSQL database (psycopg 3): the store's shared SQL through a connection that speaks sqlite3's `?`
placeholders, psycopg's nested transactions, and the same numbered migrations."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, LiteralString, cast

import psycopg

from eventwire.errors import StoreError
from eventwire.store import pg_schema
from eventwire.store.database import Database
from eventwire.store.dialect import PostgresDialect
from eventwire.store.facade import Store
from eventwire.store.migrations import migrate
from eventwire.store.urls import display_url, libpq_url


class PgConnection:
    """A psycopg connection (autocommit: transactions are explicit) with sqlite3's execute/executemany.
    Statements without parameters go as written (DDL with `?` or `%` in it stays intact)."""

    def __init__(self, raw: psycopg.Connection[Any], use_postgis: bool = True) -> None:
        self.raw = raw
        self.use_postgis = use_postgis  # read by migration 4 (pg_schema.filter_index)

    def execute(self, sql: str, parameters: Any = None, /) -> psycopg.Cursor[Any]:
        if parameters is None:
            return self.raw.execute(cast(LiteralString, sql))
        return self.raw.execute(_placeholders(sql), parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(_placeholders(sql), parameters)


@lru_cache(maxsize=1024)
def _placeholders(sql: str) -> LiteralString:
    """`?` to `%s`; a literal `%` doubled. The store's SQL never has `?` inside a string literal."""
    return cast(LiteralString, sql.replace("%", "%%").replace("?", "%s"))


class PostgresDatabase(Database):
    conn: PgConnection

    def __init__(self, url: str, postgis: bool = True) -> None:
        """`postgis=False` keeps plain lat/lon columns even where PostGIS is available (it only matters when
        migration 4 runs, i.e. for a new database; afterwards the recorded choice holds)."""
        self.url = url
        self.where = display_url(url)
        try:
            raw = psycopg.connect(libpq_url(url), autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {self.where} ({_first_line(exc)}); start the "
                             "server, create the database (createdb NAME), or fix the --db URL "
                             "(postgresql://USER:PASSWORD@HOST:5432/NAME)") from exc
        self.conn = PgConnection(raw, use_postgis=postgis)
        try:
            migrate(self.conn, self.where, postgres=True)
            self.places = pg_schema.places(self.conn)
        except psycopg.Error as exc:
            raw.close()
            raise StoreError(f"{self.where} is not a usable eventwire database ({_first_line(exc)}); "
                             "give another --db, or a user that may create tables there") from exc
        except BaseException:
            raw.close()
            raise
        self.dialect = PostgresDialect(postgis=self.places == "postgis")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """psycopg's transaction block: a transaction at top level, a savepoint inside another."""
        with self.conn.raw.transaction():
            yield

    def close(self) -> None:
        self.conn.raw.close()


class PostgresStore(Store):
    def __init__(self, url: str, postgis: bool = True) -> None:
        database = PostgresDatabase(url, postgis)
        self.url, self.where, self.places = url, database.where, database.places
        super().__init__(database)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
