"""The storage interface. SQLite implements it today; a PostgreSQL backend will implement the same."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import Any

from eventwire.fusion.engine import FusionSummary
from eventwire.records import Article, Event, Rejection
from eventwire.records.progress import FetchRecord, PartitionDone
from eventwire.records.revision import Revision


@dataclass(frozen=True, slots=True)
class StoreCounts:
    articles: int
    events: int  # fused events (not deleted)
    rejections: int
    mentions: int = 0  # events as the articles report them, before fusion


@dataclass(frozen=True, slots=True)
class RunStats:
    """What one `eventwire run` did, recorded in the `runs` table."""

    articles: int = 0
    events: int = 0
    no_event_articles: int = 0
    rejections: int = 0


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list. Dates select events whose interval overlaps [since, until]."""

    since: date | None = None
    until: date | None = None
    event_type: str | None = None
    plover_type: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, as in the event's location
    article_id: str | None = None
    sub_event_type: str | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (degrees)
    attribution_status: str | None = None
    modality: str | None = None
    min_confidence: float | None = None
    actor: str | None = None  # whole words of an actor's name
    text: str | None = None  # words in the evidence, the sources' titles or the summary


@dataclass(frozen=True, slots=True)
class TimelineBin:
    """How many events of one type start on one day (undated events are not counted)."""

    day: date
    kind: str  # the event type, else the PLOVER type, else "other"
    count: int


class Store(ABC):
    """Articles, their events, rejections and runs. Every write is idempotent: saving the same thing twice
    leaves the database as it was after the first time."""

    @abstractmethod
    def save_article(self, article: Article, events: Sequence[Event]) -> None:
        """Store the article and replace all events previously stored for it with `events`."""

    @abstractmethod
    def save_rejection(self, rejection: Rejection) -> None: ...

    @abstractmethod
    def article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def event(self, event_id: str) -> Event | None: ...

    @abstractmethod
    def events(self, where: EventFilter | None = None, limit: int | None = None,
               offset: int = 0) -> Iterator[Event]:
        """Events ordered by (date_start, id), undated events last."""

    @abstractmethod
    def events_json(self, where: EventFilter | None = None, limit: int | None = None, offset: int = 0) -> list[str]:
        """As `events`, but each event's stored `eventwire.event/1` JSON text, for servers that pass it on as is."""

    @abstractmethod
    def count_events(self, where: EventFilter | None = None) -> int: ...

    @abstractmethod
    def timeline(self, where: EventFilter | None = None) -> list[TimelineBin]:
        """Counts of events by start day and type, for the page's histogram."""

    @abstractmethod
    def facets(self) -> dict[str, list[dict[str, Any]]]:
        """For each filterable column (event_type, country, ...), its values among live events with counts."""

    @abstractmethod
    def rejections(self) -> Iterator[Rejection]: ...

    @abstractmethod
    def counts(self) -> StoreCounts: ...

    @abstractmethod
    def start_run(self, inputs: Sequence[str]) -> int:
        """Record the start of a run; returns its id for finish_run."""

    @abstractmethod
    def finish_run(self, run_id: int, stats: RunStats) -> None: ...

    @abstractmethod
    def resumable_run(self, inputs: Sequence[str]) -> int | None:
        """The latest run on exactly these inputs, if it never finished (it was stopped): the next run resumes
        it. None when there is none, or when the latest such run finished."""

    @abstractmethod
    def done_partitions(self, run_id: int) -> dict[int, PartitionDone]:
        """The partitions of a run whose results are stored, by index."""

    @abstractmethod
    def mark_partition_done(self, run_id: int, done: PartitionDone) -> None:
        """Call inside the batch() that saved the partition's results, so both are stored or neither."""

    @abstractmethod
    def fetch_record(self, url: str) -> FetchRecord | None: ...

    @abstractmethod
    def save_fetch(self, record: FetchRecord) -> None:
        """Insert or replace the record for `record.url`."""

    @abstractmethod
    def batch(self) -> AbstractContextManager[None]:
        """Group many saves into one transaction (much faster for large runs); all or nothing."""

    @abstractmethod
    def fuse(self, on_group: Callable[[int], None] | None = None) -> FusionSummary:
        """Merge mentions not yet fused into events (incremental; `eventwire run` calls it at the end)."""

    @abstractmethod
    def mentions(self, event_id: str) -> list[Event]:
        """The events as each article reported them, that fusion merged into this event."""

    @abstractmethod
    def resolve_id(self, event_id: str) -> str | None:
        """The current id of an event (fusion may retire an id when events merge), None if unknown."""

    # Analysts' changes: each is a revision (who, when, what) and survives later fusion runs.
    @abstractmethod
    def update_event(self, event_id: str, changes: Mapping[str, Any], by: str, note: str | None = None) -> Event:
        """Correct fields named as in the event JSON (CORRECTABLE_FIELDS), e.g. {"fatalities": 3}."""

    @abstractmethod
    def confirm_event(self, event_id: str, by: str, note: str | None = None) -> Event: ...

    @abstractmethod
    def delete_event(self, event_id: str, by: str, note: str | None = None, restore: bool = False) -> None: ...

    @abstractmethod
    def merge_events(self, event_ids: Sequence[str], by: str, note: str | None = None) -> Event: ...

    @abstractmethod
    def split_event(self, event_id: str, groups: Sequence[Sequence[str]], by: str,
                    note: str | None = None) -> list[Event]:
        """Split into groups of mention ids (see `mentions`); unlisted mentions stay with the first group, or
        form the other event when only one group is given."""

    @abstractmethod
    def revisions(self, event_id: str) -> list[Revision]: ...

    @abstractmethod
    def create_token(self, name: str) -> str:
        """A new API token for writes, returned once; only its hash is stored."""

    @abstractmethod
    def token_name(self, token: str) -> str | None: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
