"""The Dask part of `eventwire bench`: the same articles through the pipeline on a local cluster of N worker
processes. The cluster's start and each worker's loading of the pipeline are timed apart from the processing,
which is what grows with the archive."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.engine.partition import DEFAULT_SIZE, partition
from eventwire.engine.work import PartitionOutput
from eventwire.records import Article


@dataclass(frozen=True, slots=True)
class DaskBench:
    workers: int
    seconds: float  # processing only: every worker had its pipeline loaded before the clock started
    startup_s: float  # starting the cluster and loading the pipeline on every worker
    events: int
    peak_rss_mb: tuple[float, ...]  # each worker's peak resident memory


def bench_dask(articles: Sequence[Article], gazetteer_path: str, workers: int,
               size: int = DEFAULT_SIZE) -> DaskBench:
    from eventwire.engine.cluster import DaskEngine

    started = time.perf_counter()
    engine = DaskEngine(gazetteer_path, workers=workers)
    try:
        engine.warm_up()
        startup = time.perf_counter() - started
        started = time.perf_counter()
        events = sum(sum(len(o) for o in out.outcomes if isinstance(o, tuple))
                     for _, out in engine.map(partition(articles, size)) if isinstance(out, PartitionOutput))
        seconds = time.perf_counter() - started
        peaks = tuple(sorted(engine.peak_rss_mb().values()))
    finally:
        engine.close()
    return DaskBench(workers, seconds, startup, events, peaks)
