"""What the store remembers so that long jobs can stop and go on: finished partitions of a run, and fetched
URLs of `eventwire watch`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PartitionDone:
    """A partition of a run's inputs whose results are stored. `key` fingerprints the partition's items, so a
    resumed run skips it only when it holds the same inputs as before."""

    index: int
    key: str
    articles: int
    events: int
    no_event_articles: int
    rejections: int


@dataclass(frozen=True, slots=True)
class FetchRecord:
    """The last fetch of one URL (a feed or an article page) by `eventwire watch`."""

    url: str
    fetched_at: str  # ISO 8601, UTC
    status: int | None = None  # HTTP status; None when the request never got an answer
    etag: str | None = None  # for conditional requests (If-None-Match)
    last_modified: str | None = None  # for conditional requests (If-Modified-Since)
    article_id: str | None = None  # the article the page became, if it did
    error: str | None = None  # why it failed, one line
