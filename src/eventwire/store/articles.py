"""Writing what a run produces: each article with its events (as mentions, which fusion turns into events),
and each rejection. Every write is idempotent: saving the same thing twice leaves the database as it was."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from eventwire.records import Article, Event, Rejection
from eventwire.store.database import Database
from eventwire.store.fusion_backend import SQLFusionBackend
from eventwire.store.migrations import now

# On re-save an article keeps its first ingested_at, so running twice on the same input changes nothing.
_UPSERT_ARTICLE = """INSERT INTO articles
    (id, title, published, url, source, language, origin, text, content_hash, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, published = excluded.published,
        url = excluded.url, source = excluded.source, language = excluded.language, origin = excluded.origin,
        text = excluded.text, content_hash = excluded.content_hash"""
_UPSERT_REJECTION = """INSERT INTO rejections (input, stage, code, reason, first_seen, last_seen)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (input, stage, code) DO UPDATE SET reason = excluded.reason, last_seen = excluded.last_seen"""


class Articles:
    def __init__(self, db: Database, fusion: SQLFusionBackend) -> None:
        self.db = db
        self.fusion = fusion

    def save_article(self, article: Article, events: Sequence[Event]) -> None:
        """Store the article and replace all events previously stored for it with `events`."""
        with self.db.transaction():
            self.db.conn.execute(_UPSERT_ARTICLE, _article_row(article))
            self.fusion.replace_mentions(article.id, events)
            # An input that now reads fine is no longer rejected (e.g. the file was re-saved as UTF-8).
            self.db.conn.execute("DELETE FROM rejections WHERE input = ?", (article.origin,))

    def save_rejection(self, rejection: Rejection) -> None:
        stamp = now()
        with self.db.transaction():
            self.db.conn.execute(_UPSERT_REJECTION, (rejection.input, rejection.stage, rejection.code,
                                                     rejection.reason, stamp, stamp))


def _article_row(article: Article) -> tuple[object, ...]:
    content_hash = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return (article.id, article.title, article.published.isoformat() if article.published else None,
            article.url, article.source, article.language, article.origin, article.text, content_hash, now())
