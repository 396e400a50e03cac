"""The values the store's API takes and gives besides records: filters, counts, run statistics, timeline bins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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


@dataclass(frozen=True, slots=True)
class ArticleSaved:
    """What saving one article did. `status`: "new", "updated" (a changed text under a stored id; the earlier
    text is kept in article_versions) or "same" (nothing to do). On an update, analysts' corrections of the
    article's events move to the event that carries the same report (`reattached`); the ids of reviewed events
    that no new report matches are `orphaned`: their corrections and revisions stay stored under those ids."""

    status: str
    reattached: int = 0
    orphaned: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """An API token as `token list` shows it (never the secret): `id` is the start of its hash."""

    id: str
    name: str
    created_at: str
    expires_at: str | None
    revoked_at: str | None

    def state(self, at: str) -> str:
        """"active", "expired" or "revoked" at the ISO time `at`."""
        if self.revoked_at:
            return "revoked"
        return "expired" if self.expires_at is not None and self.expires_at <= at else "active"
