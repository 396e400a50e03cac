"""Writing what a run produces: each article with its events (as mentions, which fusion turns into events),
and each rejection. Every write is idempotent: saving the same thing twice leaves the database as it was.

An article's id is its identity across runs: a changed text under a stored id is an update. The text it
replaces goes to `article_versions`, and analysts' corrections of the events it reported follow the new report
of the same event (identity.py); nothing an analyst did is ever deleted by a run."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

from eventwire.records import Article, Event, Rejection
from eventwire.store.base import ArticleSaved
from eventwire.store.database import Database
from eventwire.store.fusion_backend import SQLFusionBackend
from eventwire.store.identity import Reviewed, reattach, reviewed_mentions
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
_STORED = ("SELECT title, published, url, source, language, origin, text, content_hash, ingested_at "
           "FROM articles WHERE id = ?")
_KEEP_VERSION = """INSERT INTO article_versions (article_id, version, title, published, url, source, language,
    origin, text, content_hash, ingested_at, replaced_at)
    SELECT ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM article_versions
    WHERE article_id = ?"""


class Articles:
    def __init__(self, db: Database, fusion: SQLFusionBackend) -> None:
        self.db = db
        self.fusion = fusion

    def save_article(self, article: Article, events: Sequence[Event]) -> ArticleSaved:
        """Store the article and replace all events previously stored for it with `events`."""
        row = _article_row(article)
        with self.db.transaction():
            stored = self.db.conn.execute(_STORED, (article.id,)).fetchone()
            updated = stored is not None and stored[7] != row[8]
            reviewed: list[Reviewed] = []
            if updated:
                self.db.conn.execute(_KEEP_VERSION, (article.id, *stored, now(), article.id))
                reviewed = reviewed_mentions(self.db, article.id)
            self.db.conn.execute(_UPSERT_ARTICLE, row)
            self.fusion.replace_mentions(article.id, events)
            reattached, orphaned = reattach(self.db, self.fusion, article.id, reviewed) if reviewed else (0, ())
            # An input that now reads fine is no longer rejected (e.g. the file was re-saved as UTF-8).
            self.db.conn.execute("DELETE FROM rejections WHERE input = ?", (article.origin,))
        status = "new" if stored is None else "updated" if updated else "same"
        return ArticleSaved(status, reattached, orphaned)

    def versions(self, article_id: str) -> list[Article]:
        """The earlier texts of an article, oldest first (the current one is in `articles`)."""
        rows = self.db.conn.execute(
            "SELECT title, published, url, source, language, origin, text FROM article_versions "
            "WHERE article_id = ? ORDER BY version", (article_id,)).fetchall()
        return [Article(id=article_id, title=r[0], published=_day(r[1]), url=r[2], source=r[3], language=r[4],
                        origin=r[5], text=r[6]) for r in rows]

    def save_rejection(self, rejection: Rejection) -> None:
        stamp = now()
        with self.db.transaction():
            self.db.conn.execute(_UPSERT_REJECTION, (rejection.input, rejection.stage, rejection.code,
                                                     rejection.reason, stamp, stamp))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _article_row(article: Article) -> tuple[object, ...]:
    content_hash = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return (article.id, article.title, article.published.isoformat() if article.published else None,
            article.url, article.source, article.language, article.origin, article.text, content_hash, now())
