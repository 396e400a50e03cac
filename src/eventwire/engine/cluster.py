"""The Dask engine: partitions run on the workers of a Dask cluster, a local one by default.

The driver (this process) reads the inputs, sends partitions out a few at a time (so that inputs larger than
memory stream through), and gets each partition's events back to store them. A partition that fails (an
exception, or a worker that died under it) is sent again up to `retries` times and is then reported.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from eventwire.engine.local import Outcome, PartitionFailed
from eventwire.engine.partition import Item, Partition
from eventwire.engine.work import PartitionOutput, peak_rss_mb, process_on_worker, warm_up
from eventwire.errors import EngineError

log = logging.getLogger(__name__)


class DaskEngine:
    name = "dask"

    def __init__(self, gazetteer_path: str, scheduler: str | None = None, workers: int = 2,
                 retries: int = 2, task: Callable[[int, Sequence[Item], str], PartitionOutput] = process_on_worker
                 ) -> None:
        """`task` is what runs a partition on a worker; tests replace it to inject failures."""
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise EngineError("Dask is not installed; run `pip install 'eventwire[dask]'` (or `make install`)") \
                from exc
        self.gazetteer_path = gazetteer_path
        self.retries = retries
        self.task = task
        self.cluster: Any = None
        if scheduler is None:
            # One single-threaded process per worker: spaCy and torch hold the GIL, so threads would not help.
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(scheduler, timeout="15s")
            except (OSError, TimeoutError) as exc:
                raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                                  "`dask scheduler` and workers with `dask worker ADDRESS`, or leave out "
                                  "--scheduler to use a local cluster") from exc

    @property
    def workers(self) -> int:
        return len(self.client.scheduler_info(n_workers=-1)["workers"])

    def warm_up(self) -> None:
        """Load the pipeline on every worker now (the bench times this apart from the processing)."""
        self.client.run(warm_up, self.gazetteer_path)

    def peak_rss_mb(self) -> dict[str, float]:
        """Each worker's peak resident memory so far, in MB, by worker address."""
        return dict(self.client.run(peak_rss_mb))

    def map(self, partitions: Iterable[Partition]) -> Iterator[tuple[Partition, Outcome]]:
        from distributed import as_completed

        source = iter(partitions)
        # Keys name tasks on the scheduler, which other drivers may share: a token keeps this run's apart.
        token = uuid.uuid4().hex[:12]
        running: dict[Any, tuple[Partition, int]] = {}  # future key -> (partition, attempts so far)
        done = as_completed()

        def submit(part: Partition, attempt: int) -> None:
            future = self.client.submit(self.task, part.index, part.items, self.gazetteer_path,
                                        key=f"eventwire-{token}-partition-{part.index}-try-{attempt}", pure=False)
            running[future.key] = (part, attempt)
            done.add(future)

        def submit_next() -> None:
            part = next(source, None)
            if part is not None:
                submit(part, 1)

        # Two partitions per worker in flight: one running, one waiting, so no worker idles between tasks.
        for _ in range(max(2, 2 * self.workers)):
            submit_next()
        for future in done:
            part, attempt = running.pop(future.key)
            try:
                outcome: Outcome = future.result()
            except Exception as exc:  # noqa: BLE001 - whatever happened on the worker, the partition is retried
                reason = f"{type(exc).__name__}: {exc}"
                if attempt <= self.retries:
                    log.warning("partition %d failed (%s); retry %d of %d", part.index, reason, attempt,
                                self.retries)
                    submit(part, attempt + 1)
                    continue
                outcome = PartitionFailed(part.index, attempt, reason)
            finally:
                future.release()
            yield part, outcome
            submit_next()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
