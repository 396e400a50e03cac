"""The fetch log, for `eventwire watch`: the last fetch of each feed and page (status, validators for
conditional requests, the article it became, or why it failed)."""

from __future__ import annotations

from eventwire.records.progress import FetchRecord
from eventwire.store.database import Database

_FETCH_COLUMNS = ("url", "fetched_at", "status", "etag", "last_modified", "article_id", "error")


class FetchLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def fetch_record(self, url: str) -> FetchRecord | None:
        row = self.db.conn.execute("SELECT url, fetched_at, status, etag, last_modified, article_id, error "
                                   "FROM fetches WHERE url = ?", (url,)).fetchone()
        return FetchRecord(*row) if row else None

    def save_fetch(self, record: FetchRecord) -> None:
        """Insert or replace the record for `record.url`."""
        with self.db.transaction():
            self.db.conn.execute(
                self.db.dialect.replace("fetches", _FETCH_COLUMNS, ("url",)),
                (record.url, record.fetched_at, record.status, record.etag, record.last_modified, record.article_id,
                 record.error))
