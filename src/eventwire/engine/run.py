"""The driver of a run: partitions to an engine, results to the store in one transaction per partition
(with the record that the partition is done), then fusion. Only this process writes to the database."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from eventwire.engine.local import Outcome, PartitionFailed
from eventwire.engine.partition import DEFAULT_SIZE, Item, Partition, partition
from eventwire.errors import REJECT_PARTITION
from eventwire.jobs import RunSummary
from eventwire.records import Article, Event, Rejection
from eventwire.records.progress import PartitionDone
from eventwire.store.base import Store


class Engine(Protocol):
    name: str

    def map(self, partitions: Iterable[Partition]) -> Iterator[tuple[Partition, Outcome]]:
        """Each partition with its outcome, in any order; pulls partitions lazily."""
        ...

    def close(self) -> None: ...


@dataclass
class _Tally:
    articles: int = 0
    events: int = 0
    empty: int = 0
    earlier_rejections: int = 0
    resumed: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    failures: list[PartitionFailed] = field(default_factory=list)

    def add_done(self, done: PartitionDone) -> None:
        self.articles += done.articles
        self.events += done.events
        self.empty += done.no_event_articles
        self.earlier_rejections += done.rejections
        self.resumed += 1


def run_partitions(items: Iterable[Item], engine: Engine, store: Store, inputs: Sequence[str],
                   size: int = DEFAULT_SIZE, on_partition: Callable[[int], object] | None = None) -> RunSummary:
    """Run the pipeline over `items` and store the results. If the last run on the same `inputs` was stopped
    part-way, this one resumes it: stored partitions holding the same items are skipped."""
    run_id = store.resumable_run(inputs)
    done = store.done_partitions(run_id) if run_id is not None else {}
    if run_id is None:
        run_id = store.start_run(inputs)
    tally = _Tally()

    def todo() -> Iterator[Partition]:
        for part in partition(items, size):
            record = done.get(part.index)
            if record is not None and record.key == part.key:
                tally.add_done(record)
                if on_partition is not None:
                    on_partition(len(part.items))
                continue
            yield part

    for part, outcome in engine.map(todo()):
        if isinstance(outcome, PartitionFailed):
            _store_failure(store, part, outcome, tally)
        else:
            _store_results(store, run_id, part, outcome.outcomes, tally)
        if on_partition is not None:
            on_partition(len(part.items))
    fusion = store.fuse()
    summary = RunSummary(tally.articles, tally.events, tally.empty, tuple(tally.rejections), fusion,
                         earlier_rejections=tally.earlier_rejections, resumed_partitions=tally.resumed,
                         failed_partitions=tuple(f"{f}" for f in tally.failures))
    if not tally.failures:  # else the run stays open, and running the same command again retries just those
        store.finish_run(run_id, summary.stats())
    return summary


def _store_results(store: Store, run_id: int, part: Partition, outcomes: Sequence[tuple[Event, ...] | Rejection],
                   tally: _Tally) -> None:
    articles = events = empty = rejected = 0
    with store.batch():
        for item, outcome in zip(part.items, outcomes, strict=True):
            if isinstance(outcome, Rejection):
                store.save_rejection(outcome)
                tally.rejections.append(outcome)
                rejected += 1
            elif isinstance(item, Article):
                store.save_article(item, outcome)
                articles += 1
                events += len(outcome)
                empty += not outcome
        store.mark_partition_done(run_id, PartitionDone(part.index, part.key, articles, events, empty, rejected))
    tally.articles += articles
    tally.events += events
    tally.empty += empty


def _store_failure(store: Store, part: Partition, failure: PartitionFailed, tally: _Tally) -> None:
    """Every input of the partition is reported as rejected (with the reason), and the partition is not marked
    done, so the next run retries it."""
    reason = (f"its partition ({part.index}) failed {failure.attempts} time(s) ({failure.reason}); "
              "run the same command again to retry it")
    with store.batch():
        for item in part.items:
            rejection = item if isinstance(item, Rejection) else Rejection(
                item.origin or item.id, "engine", REJECT_PARTITION, reason)
            store.save_rejection(rejection)
            tally.rejections.append(rejection)
    tally.failures.append(failure)
