"""The one driver of `run`, `demo` and `watch`: partitions to an engine, results to the store in one transaction
per partition (with the record that the partition is done), then fusion. Only this process writes to the
database; a run stopped part-way resumes where it stopped."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from eventwire.engine.local import LocalEngine, Outcome, PartitionFailed
from eventwire.engine.partition import DEFAULT_SIZE, Item, Partition, partition
from eventwire.errors import REJECT_PARTITION
from eventwire.fusion.engine import FusionSummary
from eventwire.pipeline import Pipeline
from eventwire.records import Article, Event, Rejection
from eventwire.records.progress import PartitionDone
from eventwire.store import RunStats, Store


class Engine(Protocol):
    name: str

    def map(self, partitions: Iterable[Partition]) -> Iterator[tuple[Partition, Outcome]]:
        """Each partition with its outcome, in any order; pulls partitions lazily."""
        ...

    def close(self) -> None: ...


@dataclass
class RunSummary:
    """The one tally of a run, kept as it goes and returned at the end. Every input ends in exactly one of
    these: articles with events, articles without, rejections."""

    articles: int = 0
    events: int = 0  # events the articles report (mentions), before fusion
    no_event_articles: int = 0
    rejections: list[Rejection] = field(default_factory=list)  # those met by this process
    fusion: FusionSummary | None = None
    earlier_rejections: int = 0  # rejections in partitions stored before a resumed run
    resumed_partitions: int = 0  # partitions stored before, skipped by a resumed run
    failed_partitions: list[str] = field(default_factory=list)  # partitions that failed on every try: what happened
    updated: int = 0  # articles stored before under the same id, with a changed text (the old text is kept)
    reattached: int = 0  # reviewed events whose corrections moved to the changed article's new report
    orphaned: list[str] = field(default_factory=list)  # reviewed events no new report matches (corrections kept)

    @property
    def rejected(self) -> int:
        return len(self.rejections) + self.earlier_rejections

    @property
    def inputs(self) -> int:
        return self.articles + self.rejected

    def stats(self) -> RunStats:
        return RunStats(articles=self.articles, events=self.events,
                        no_event_articles=self.no_event_articles, rejections=self.rejected)

    def add_done(self, done: PartitionDone) -> None:
        """A partition stored by the run this one resumes."""
        self.articles += done.articles
        self.events += done.events
        self.no_event_articles += done.no_event_articles
        self.earlier_rejections += done.rejections
        self.resumed_partitions += 1


# Called for each input once its outcome is saved, inside the partition's transaction (watch records its fetches).
OnStored = Callable[[Item, tuple[Event, ...] | Rejection], None]


def run_partitions(items: Iterable[Item], engine: Engine, store: Store, inputs: Sequence[str],
                   size: int = DEFAULT_SIZE, on_partition: Callable[[int], object] | None = None, *,
                   resume: bool = True, on_stored: OnStored | None = None) -> RunSummary:
    """Run the pipeline over `items` and store the results, then fuse. If the last run on the same `inputs` was
    stopped part-way (and `resume`), this one resumes it: stored partitions holding the same items are skipped."""
    run_id = store.resumable_run(inputs) if resume else None
    done = store.done_partitions(run_id) if run_id is not None else {}
    if run_id is None:
        run_id = store.start_run(inputs)
    summary = RunSummary()
    failures = 0

    def todo() -> Iterator[Partition]:
        for part in partition(items, size):
            record = done.get(part.index)
            if record is not None and record.key == part.key:
                summary.add_done(record)
                if on_partition is not None:
                    on_partition(len(part.items))
                continue
            yield part

    for part, outcome in engine.map(todo()):
        if isinstance(outcome, PartitionFailed):
            _store_failure(store, part, outcome, summary)
            failures += 1
        else:
            _store_results(store, run_id, part, outcome.outcomes, summary, on_stored)
        if on_partition is not None:
            on_partition(len(part.items))
    summary.fusion = store.fuse()
    if not failures:  # else the run stays open, and running the same command again retries just those
        store.finish_run(run_id, summary.stats())
    return summary


def run_local(items: Iterable[Item], pipeline: Pipeline, store: Store, inputs: Sequence[str], *,
              resume: bool = True, on_stored: OnStored | None = None) -> RunSummary:
    """`run_partitions` in this process, with a pipeline already loaded (demo, watch, tests)."""
    return run_partitions(items, LocalEngine(pipeline), store, inputs, resume=resume, on_stored=on_stored)


def _store_results(store: Store, run_id: int, part: Partition, outcomes: Sequence[tuple[Event, ...] | Rejection],
                   summary: RunSummary, on_stored: OnStored | None) -> None:
    articles = events = empty = rejected = 0
    with store.batch():
        for item, outcome in zip(part.items, outcomes, strict=True):
            if isinstance(outcome, Rejection):
                store.save_rejection(outcome)
                summary.rejections.append(outcome)
                rejected += 1
            elif isinstance(item, Article):
                saved = store.save_article(item, outcome)
                summary.updated += saved.status == "updated"
                summary.reattached += saved.reattached
                summary.orphaned += saved.orphaned
                articles += 1
                events += len(outcome)
                empty += not outcome
            if on_stored is not None:
                on_stored(item, outcome)
        store.mark_partition_done(run_id, PartitionDone(part.index, part.key, articles, events, empty, rejected))
    summary.articles += articles
    summary.events += events
    summary.no_event_articles += empty


def _store_failure(store: Store, part: Partition, failure: PartitionFailed, summary: RunSummary) -> None:
    """Every input of the partition is reported as rejected (with the reason), and the partition is not marked
    done, so the next run retries it."""
    reason = (f"its partition ({part.index}) failed {failure.attempts} time(s) ({failure.reason}); "
              "run the same command again to retry it")
    with store.batch():
        for item in part.items:
            rejection = item if isinstance(item, Rejection) else Rejection(
                item.origin or item.id, "engine", REJECT_PARTITION, reason)
            store.save_rejection(rejection)
            summary.rejections.append(rejection)
    summary.failed_partitions.append(f"{failure}")
