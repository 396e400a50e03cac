"""The work done on one partition, wherever it runs: the pipeline over its items.

On a Dask worker the pipeline (spaCy, gazetteer, classifier) is loaded by the first partition the worker
receives and kept for the next ones (`worker_pipeline`), so it loads once per worker, not per task.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.pipeline import ArticleResult, Pipeline
from eventwire.records import Article, Event, Rejection

Item = Article | Rejection


@dataclass(frozen=True, slots=True)
class PartitionOutput:
    """For each item of a partition, in order: its events (an empty tuple for an article without events) or
    its rejection. Articles are not sent back: the driver still holds them."""

    index: int
    outcomes: tuple[tuple[Event, ...] | Rejection, ...]


def process_items(pipeline: Pipeline, index: int, items: Sequence[Item]) -> PartitionOutput:
    # Pipeline.process passes an ingest rejection ahead of the articles of its batch, so the articles go
    # through alone (one result each, in order) and rejections keep their places.
    articles = [item for item in items if isinstance(item, Article)]
    results = iter(pipeline.process(articles))
    outcomes: list[tuple[Event, ...] | Rejection] = []
    for item in items:
        if isinstance(item, Rejection):
            outcomes.append(item)
            continue
        result = next(results)
        outcomes.append(result.events if isinstance(result, ArticleResult) else result)
    return PartitionOutput(index, tuple(outcomes))


def process_on_worker(index: int, items: Sequence[Item], gazetteer_path: str) -> PartitionOutput:
    """The task a Dask worker runs (a module-level function, so it pickles by name)."""
    return process_items(worker_pipeline(gazetteer_path), index, items)


@functools.cache
def worker_pipeline(gazetteer_path: str) -> Pipeline:
    """One pipeline per worker process, built on first use. Each worker is given one core, so torch must not
    start a thread per core in every worker (two workers would then fight over two cores)."""
    from eventwire.pipeline import open_pipeline

    threads = int(os.environ.get("EVENTWIRE_WORKER_THREADS", "1"))
    try:
        import torch

        torch.set_num_threads(threads)
    except ImportError:  # without the [model] extra there is no classifier, so nothing to limit
        pass
    return open_pipeline(Path(gazetteer_path))


def warm_up(gazetteer_path: str) -> None:
    """Load everything a worker needs (spaCy loads on the first text, the classifier on its first sentence)."""
    article = Article(id="warm-up", text="Artillery shelled the town on Monday, killing two people, police said.",
                      published=date(2024, 1, 2))
    process_items(worker_pipeline(gazetteer_path), -1, [article])


def peak_rss_mb() -> float:
    """This process's peak resident memory, in MB (run on each worker by the bench and the engine)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
