"""The in-process engine: partitions one after the other, with the pipeline already loaded here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.engine.partition import Partition
from eventwire.engine.work import PartitionOutput, process_items
from eventwire.pipeline import Pipeline


class PartitionFailed(Exception):
    """A partition that could not be processed, after its retries; its inputs are reported, never dropped."""

    def __init__(self, index: int, attempts: int, reason: str) -> None:
        super().__init__(f"partition {index} failed {attempts} time(s): {reason}")
        self.index = index
        self.attempts = attempts
        self.reason = reason


Outcome = PartitionOutput | PartitionFailed


class LocalEngine:
    name = "local"

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def map(self, partitions: Iterable[Partition]) -> Iterator[tuple[Partition, Outcome]]:
        for part in partitions:
            try:
                yield part, process_items(self.pipeline, part.index, part.items)
            except Exception as exc:  # noqa: BLE001 - one partition's failure must not end the run
                yield part, PartitionFailed(part.index, 1, f"{type(exc).__name__}: {exc}")

    def close(self) -> None:
        pass
