"""`eventwire watch`: poll feeds, fetch the pages of new entries, and run them through the pipeline into the
store, incrementally. What was fetched is remembered in the store (FetchRecord), so a poll only fetches what it
has not read yet, and asks for a feed conditionally (ETag / Last-Modified).

A broken feed or page is reported, counted and stored as a Rejection; it never stops the poll. A page that failed
for a passing reason (network, timeout, 5xx) is tried again on the next poll: its feed is then fetched in full
(without validators) until every entry has been read or rejected for good.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from http import HTTPStatus

from eventwire.engine.partition import Item
from eventwire.engine.run import RunSummary, run_local
from eventwire.ingest.fetch import FEED_TYPES, Fetched, Fetcher, FetchFailure
from eventwire.ingest.pages import read_page
from eventwire.live.feeds import FeedEntry, parse_feed
from eventwire.pipeline import Pipeline
from eventwire.records import Article, Event, Rejection
from eventwire.records.progress import FetchRecord
from eventwire.store import Store
from eventwire.store.migrations import now as utc_now  # the store's timestamps: ISO 8601, UTC, seconds

EXIT_OK, EXIT_REJECTED, EXIT_FAILED = 0, 1, 2
_PASSING_STATUSES = frozenset({408, 425, 429})
_INTERVAL_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(slots=True)
class PollSummary:
    feeds: int = 0
    feeds_unchanged: int = 0  # answered 304 Not Modified
    feeds_failed: int = 0
    entries: int = 0  # distinct entry links across the feeds that were read
    already: int = 0  # entries read (or rejected for good) by an earlier poll
    fetched: int = 0  # pages fetched now
    duplicates: int = 0  # pages whose article is already stored (the same article under another URL)
    run: RunSummary | None = field(default=None)

    @property
    def rejections(self) -> tuple[Rejection, ...]:
        return tuple(self.run.rejections) if self.run else ()

    @property
    def exit_code(self) -> int:
        if self.feeds and self.feeds_failed == self.feeds:
            return EXIT_FAILED
        return EXIT_REJECTED if self.rejections else EXIT_OK

    def line(self) -> str:
        run = self.run
        stored = (f"{run.articles} new articles ({run.events} events), {len(run.rejections)} rejected"
                  if run else "nothing new")
        fused = run.fusion if run else None
        fusion = (f"; fusion: {fused.mentions} mentions into {fused.events} events" if fused and fused.mentions
                  else "")
        return (f"{self.feeds} feeds ({self.feeds_unchanged} unchanged, {self.feeds_failed} failed), "
                f"{self.entries} entries: {self.fetched} pages fetched, {self.already} read before, "
                f"{self.duplicates} duplicates; {stored}{fusion}")


def poll(feeds: Sequence[str], fetcher: Fetcher, pipeline: Pipeline, store: Store) -> PollSummary:
    """One poll of every feed: new entries' pages fetched, read, extracted, stored and fused."""
    summary = PollSummary(feeds=len(feeds))
    rejected: list[Rejection] = []
    read_feeds: dict[str, tuple[Fetched, list[FeedEntry]]] = {}
    entries: dict[str, FeedEntry] = {}
    for url in dict.fromkeys(feeds):
        outcome = _read_feed(url, fetcher, store)
        if isinstance(outcome, Rejection):
            rejected.append(outcome)
            summary.feeds_failed += 1
        elif outcome is None:
            summary.feeds_unchanged += 1
        else:
            read_feeds[url] = outcome
            for entry in outcome[1]:
                entries.setdefault(entry.link, entry)
    summary.entries = len(entries)
    todo = [entry for link, entry in entries.items() if not _settled(store.fetch_record(link))]
    summary.already = len(entries) - len(todo)
    if rejected or todo:
        pending: dict[str, FetchRecord] = {}  # pages read, waiting for their results to be stored
        # Each poll is a run of its own: what an interrupted poll stored is skipped by _items, not by resuming.
        summary.run = run_local(_items(rejected, todo, fetcher, store, summary, pending), pipeline, store, [*feeds],
                                resume=False, on_stored=_recorder(store, pending))
    for url, (fetched, feed_entries) in read_feeds.items():
        complete = all(_settled(store.fetch_record(e.link)) for e in feed_entries)
        # Validators are kept only once every entry is settled: until then the next poll reads the feed again.
        store.save_fetch(FetchRecord(url, utc_now(), fetched.status,
                                     fetched.etag if complete else None, fetched.last_modified if complete else None,
                                     error=None if complete else "some entries failed for now; read again next poll"))
    return summary


def watch(feeds: Sequence[str], fetcher: Fetcher, pipeline: Pipeline, store: Store, *, every: float,
          once: bool = False, report: Callable[[PollSummary], None] | None = None,
          sleep: Callable[[float], None] = time.sleep) -> PollSummary:
    """Poll now, then every `every` seconds (from the start of one poll to the next) until interrupted; with
    `once`, poll a single time. Returns the last poll's summary."""
    while True:
        started = time.monotonic()
        summary = poll(feeds, fetcher, pipeline, store)
        if report is not None:
            report(summary)
        if once:
            return summary
        sleep(max(0.0, every - (time.monotonic() - started)))


def parse_interval(text: str) -> float:
    """'15m', '30s', '1h', '1h30m', '1d' -> seconds. Raises ValueError with what to write instead."""
    compact = text.strip().lower().replace(" ", "")
    parts = _INTERVAL_PART.findall(compact)
    if not parts or "".join(n + u for n, u in parts) != compact:
        raise ValueError(f"{text!r} is not an interval; write e.g. 30s, 15m, 1h or 1h30m")
    seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds < 1:
        raise ValueError(f"{text!r} is shorter than a second; poll at most once a second (15m is usual)")
    return seconds


def _read_feed(url: str, fetcher: Fetcher, store: Store) -> tuple[Fetched, list[FeedEntry]] | Rejection | None:
    """The feed's entries; None when it is unchanged since the last complete read; a Rejection when broken."""
    previous = store.fetch_record(url)
    etag = previous.etag if previous else None
    last_modified = previous.last_modified if previous else None
    fetched = fetcher.get(url, etag=etag, last_modified=last_modified, accept=FEED_TYPES, require_type=False)
    if isinstance(fetched, FetchFailure):
        # The validators of the last complete read stay: they still describe what was read.
        store.save_fetch(FetchRecord(url, utc_now(), fetched.status, etag, last_modified, error=fetched.reason))
        return fetched.rejection()
    if fetched.not_modified:
        store.save_fetch(FetchRecord(url, utc_now(), fetched.status, fetched.etag or etag,
                                     fetched.last_modified or last_modified))
        return None
    entries = parse_feed(fetched.content, url)
    if isinstance(entries, Rejection):
        store.save_fetch(FetchRecord(url, utc_now(), fetched.status, error=entries.reason))
        return entries
    return fetched, entries


def _settled(record: FetchRecord | None) -> bool:
    """Read into an article, or rejected for a lasting reason (4xx, no article in the page): not fetched again.
    Network failures, timeouts, 5xx and robots.txt refusals are tried again on later polls."""
    if record is None:
        return False
    if record.article_id is not None:
        return True
    return record.status is not None and record.status < HTTPStatus.INTERNAL_SERVER_ERROR \
        and record.status not in _PASSING_STATUSES


def _items(rejected: list[Rejection], todo: list[FeedEntry], fetcher: Fetcher, store: Store,
           summary: PollSummary, pending: dict[str, FetchRecord]) -> Iterator[Article | Rejection]:
    """Feed rejections, then each new entry's page, fetched as the pipeline asks for it. A page whose article is
    already stored (the same article under another URL) is recorded as read and not processed again."""
    yield from rejected
    seen: set[str] = set()
    for entry in todo:
        item, outcome = read_page(entry.link, fetcher, fallback_published=entry.published)
        summary.fetched += 1
        status = outcome.status
        etag = outcome.etag if isinstance(outcome, Fetched) else None
        last_modified = outcome.last_modified if isinstance(outcome, Fetched) else None
        if isinstance(item, Article) and (item.id in seen or store.article(item.id) is not None):
            summary.duplicates += 1
            store.save_fetch(FetchRecord(entry.link, utc_now(), status, etag, last_modified, article_id=item.id))
            continue
        if item is None:  # not asked conditionally, so not expected; nothing to read
            continue
        if isinstance(item, Article):
            seen.add(item.id)
            item = replace(item, origin=entry.link)
        # The record is saved once the article is stored (see _recorder), so a crash in between fetches it again.
        pending[entry.link] = FetchRecord(entry.link, utc_now(), status, etag, last_modified,
                                           error=item.reason if isinstance(item, Rejection) else None)
        yield item


def _recorder(store: Store, pending: dict[str, FetchRecord]) -> Callable[[Item, tuple[Event, ...] | Rejection], None]:
    """Saves a page's fetch record once its outcome is stored, in the same transaction."""

    def record(item: Item, outcome: tuple[Event, ...] | Rejection) -> None:
        url = item.origin if isinstance(item, Article) else item.input
        fetch = pending.pop(url, None)
        if fetch is None:
            return
        if isinstance(outcome, Rejection):
            if fetch.error is None:  # the page was read but the pipeline failed on it
                fetch = replace(fetch, error=outcome.reason)
        elif isinstance(item, Article):
            fetch = replace(fetch, article_id=item.id, error=None)
        store.save_fetch(fetch)

    return record
