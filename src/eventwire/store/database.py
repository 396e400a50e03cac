"""One SQL database as the store's roles see it: a connection that speaks sqlite3's `execute` with `?`
placeholders, the dialect for what SQLite and PostgreSQL spell differently, and transactions. SQLite
(sqlite.py) and PostgreSQL (postgres.py) each open one; every role object of the store shares it."""

from __future__ import annotations

from contextlib import AbstractContextManager

from eventwire.store.dialect import Connection, Dialect


class Database:
    """Opened by SQLiteDatabase or PostgresDatabase; never by the roles themselves."""

    conn: Connection
    dialect: Dialect
    where: str  # for messages: the SQLite path, or the PostgreSQL URL without its password

    def transaction(self) -> AbstractContextManager[None]:
        """A transaction of its own at top level, a nested part (savepoint) of one inside another; all or
        nothing either way."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError
