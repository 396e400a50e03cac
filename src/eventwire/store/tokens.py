"""API tokens for the write endpoints: created once and shown once; only their hash is stored."""

from __future__ import annotations

import hashlib
import secrets

from eventwire.store.database import Database
from eventwire.store.migrations import now


class Tokens:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create_token(self, name: str) -> str:
        """A new API token for `name` (recorded as who made each change)."""
        token = secrets.token_urlsafe(24)
        with self.db.transaction():
            self.db.conn.execute("INSERT INTO tokens (token_hash, name, created_at) VALUES (?, ?, ?)",
                                 (_hash(token), name, now()))
        return token

    def token_name(self, token: str) -> str | None:
        row = self.db.conn.execute("SELECT name FROM tokens WHERE token_hash = ?", (_hash(token),)).fetchone()
        return row[0] if row else None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
