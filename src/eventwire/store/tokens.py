"""API tokens for the write endpoints: created once and shown once; only their hash is stored. A token may
expire, and may be revoked; either way it no longer names anyone (the API answers 401)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from eventwire.errors import NotFound
from eventwire.store.base import TokenInfo
from eventwire.store.database import Database
from eventwire.store.migrations import now

ID_LENGTH = 12  # the start of a token's hash that `token list` shows and `token revoke` takes


class Tokens:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create_token(self, name: str, expires: datetime | None = None) -> str:
        """A new API token for `name` (recorded as who made each change), valid until `expires` if given."""
        token = secrets.token_urlsafe(24)
        with self.db.transaction():
            self.db.conn.execute("INSERT INTO tokens (token_hash, name, created_at, expires_at) VALUES (?, ?, ?, ?)",
                                 (_hash(token), name, now(), _stamp(expires) if expires else None))
        return token

    def token_name(self, token: str) -> str | None:
        """Who the token names, None when it is unknown, expired or revoked."""
        row = self.db.conn.execute("SELECT name, expires_at, revoked_at FROM tokens WHERE token_hash = ?",
                                   (_hash(token),)).fetchone()
        if row is None or row[2] is not None or (row[1] is not None and row[1] <= now()):
            return None
        return str(row[0])

    def list_tokens(self) -> list[TokenInfo]:
        rows = self.db.conn.execute(
            "SELECT token_hash, name, created_at, expires_at, revoked_at FROM tokens ORDER BY created_at, name")
        return [TokenInfo(r[0][:ID_LENGTH], r[1], r[2], r[3], r[4]) for r in rows.fetchall()]

    def revoke_token(self, which: str) -> list[TokenInfo]:
        """Revoke the token whose id (as listed) is `which`, or every active token named `which`; returns those
        revoked. Raises NotFound when none matches."""
        stamp = now()
        active = [t for t in self.list_tokens() if t.state(stamp) == "active"]
        chosen = [t for t in active if t.id == which] or [t for t in active if t.name == which]
        if not chosen:
            raise NotFound(f"no active token with the id or name {which!r}; see `eventwire token list`")
        with self.db.transaction():
            for info in chosen:
                self.db.conn.execute("UPDATE tokens SET revoked_at = ? WHERE token_hash LIKE ? AND revoked_at IS "
                                     "NULL", (stamp, info.id + "%"))
        return chosen


def _stamp(moment: datetime) -> str:
    """The same ISO form as migrations.now(), so that stamps compare as text."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


__all__ = ["ID_LENGTH", "Tokens"]
