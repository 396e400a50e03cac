"""`Store`: one SQL database and the small role objects over it, each in its own file:

    events_read.py     events, facets, articles, rejections, totals (the web API, export)
    articles.py        saving articles with their events, and rejections (a run); earlier versions
    identity.py        analysts' work following a changed article's reports
    run_log.py         runs and their finished partitions (the engine, resuming)
    fetch_log.py       fetched feeds and pages (watch)
    reviews.py         analysts' corrections, confirmations, deletions, merges, splits
    corrections.py     corrections as typed records, applied whenever an event is written
    fusion_backend.py  mentions in, fused events out (implements eventwire.fusion.protocol.FusionBackend)
    tokens.py          API tokens

Callers may use the roles (`store.runs.start_run(...)`) or the methods below, which hand each call to its role.
SQLite (sqlite.py) and PostgreSQL (postgres.py) differ only in the Database they open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from types import TracebackType
from typing import Any

from eventwire.fusion.protocol import FusionSummary
from eventwire.records import Article, Event, Rejection
from eventwire.records.progress import FetchRecord, PartitionDone
from eventwire.records.revision import Revision
from eventwire.store.articles import Articles
from eventwire.store.base import ArticleSaved, EventFilter, RunStats, StoreCounts, TimelineBin, TokenInfo
from eventwire.store.corrections import Corrections
from eventwire.store.database import Database
from eventwire.store.events_read import EventsRead
from eventwire.store.fetch_log import FetchLog
from eventwire.store.fusion_backend import SQLFusionBackend
from eventwire.store.reviews import Reviews
from eventwire.store.run_log import RunLog
from eventwire.store.tokens import Tokens


class Store:
    """Articles, their events, rejections, runs, fetches and reviews in one database. Every write is idempotent:
    saving the same thing twice leaves the database as it was after the first time."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.fusion = SQLFusionBackend(db, Corrections(db))
        self.read = EventsRead(db, self.fusion)
        self.articles = Articles(db, self.fusion)
        self.runs = RunLog(db)
        self.fetches = FetchLog(db)
        self.reviews = Reviews(db, self.fusion)
        self.tokens = Tokens(db)

    def batch(self) -> AbstractContextManager[None]:
        """Group many saves into one transaction (much faster for large runs); all or nothing."""
        return self.db.transaction()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # --- writing a run's results (articles.py) and fusing them (fusion_backend.py) ------------------------
    def save_article(self, article: Article, events: Sequence[Event]) -> ArticleSaved:
        """New, updated (the earlier text is kept, analysts' work follows the reports) or the same."""
        return self.articles.save_article(article, events)

    def article_versions(self, article_id: str) -> list[Article]:
        """Earlier texts of an updated article, oldest first."""
        return self.articles.versions(article_id)

    def save_rejection(self, rejection: Rejection) -> None:
        self.articles.save_rejection(rejection)

    def fuse(self, on_group: Callable[[int], None] | None = None) -> FusionSummary:
        return self.fusion.fuse(on_group)

    def mentions(self, event_id: str) -> list[Event]:
        """The events as each article reported them, that fusion merged into this event."""
        return self.fusion.mentions(event_id)

    def resolve_id(self, event_id: str) -> str | None:
        """The current id of an event (fusion may retire an id when events merge), None if unknown."""
        return self.fusion.resolve_id(event_id)

    # --- reading (events_read.py) ------------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        return self.read.article(article_id)

    def event(self, event_id: str) -> Event | None:
        return self.read.event(event_id)

    def events(self, where: EventFilter | None = None, limit: int | None = None,
               offset: int = 0) -> Iterator[Event]:
        return self.read.events(where, limit, offset)

    def events_json(self, where: EventFilter | None = None, limit: int | None = None, offset: int = 0) -> list[str]:
        return self.read.events_json(where, limit, offset)

    def count_events(self, where: EventFilter | None = None) -> int:
        return self.read.count_events(where)

    def timeline(self, where: EventFilter | None = None) -> list[TimelineBin]:
        return self.read.timeline(where)

    def facets(self) -> dict[str, list[dict[str, Any]]]:
        return self.read.facets()

    def rejections(self) -> Iterator[Rejection]:
        return self.read.rejections()

    def counts(self) -> StoreCounts:
        return self.read.counts()

    # --- the run log (run_log.py) and the fetch log (fetch_log.py) ------------------------------------------
    def start_run(self, inputs: Sequence[str]) -> int:
        return self.runs.start_run(inputs)

    def finish_run(self, run_id: int, stats: RunStats) -> None:
        self.runs.finish_run(run_id, stats)

    def resumable_run(self, inputs: Sequence[str]) -> int | None:
        return self.runs.resumable_run(inputs)

    def done_partitions(self, run_id: int) -> dict[int, PartitionDone]:
        return self.runs.done_partitions(run_id)

    def mark_partition_done(self, run_id: int, done: PartitionDone) -> None:
        self.runs.mark_partition_done(run_id, done)

    def fetch_record(self, url: str) -> FetchRecord | None:
        return self.fetches.fetch_record(url)

    def save_fetch(self, record: FetchRecord) -> None:
        self.fetches.save_fetch(record)

    # --- analysts' changes (reviews.py) and API tokens (tokens.py) -------------------------------------------
    def update_event(self, event_id: str, changes: Mapping[str, Any], by: str, note: str | None = None) -> Event:
        """Correct fields named as in the event JSON (CORRECTABLE_FIELDS), e.g. {"fatalities": 3}."""
        return self.reviews.update_event(event_id, changes, by, note)

    def confirm_event(self, event_id: str, by: str, note: str | None = None) -> Event:
        return self.reviews.confirm_event(event_id, by, note)

    def delete_event(self, event_id: str, by: str, note: str | None = None, restore: bool = False) -> None:
        self.reviews.delete_event(event_id, by, note, restore)

    def merge_events(self, event_ids: Sequence[str], by: str, note: str | None = None) -> Event:
        return self.reviews.merge_events(event_ids, by, note)

    def split_event(self, event_id: str, groups: Sequence[Sequence[str]], by: str,
                    note: str | None = None) -> list[Event]:
        return self.reviews.split_event(event_id, groups, by, note)

    def revisions(self, event_id: str) -> list[Revision]:
        return self.reviews.revisions(event_id)

    def create_token(self, name: str, expires: datetime | None = None) -> str:
        return self.tokens.create_token(name, expires)

    def list_tokens(self) -> list[TokenInfo]:
        return self.tokens.list_tokens()

    def revoke_token(self, which: str) -> list[TokenInfo]:
        return self.tokens.revoke_token(which)

    def token_name(self, token: str) -> str | None:
        return self.tokens.token_name(token)
