"""The run log, for the engine: each run's inputs, start, end and counts, and the partitions whose results are
stored, so that a run stopped part-way is resumed by the next run on the same inputs."""

from __future__ import annotations

import json
from collections.abc import Sequence

from eventwire.records.progress import PartitionDone
from eventwire.store.base import RunStats
from eventwire.store.database import Database
from eventwire.store.migrations import now

_PARTITION_COLUMNS = ("run_id", "idx", "key", "articles", "events", "no_event_articles", "rejections", "done_at")


class RunLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def start_run(self, inputs: Sequence[str]) -> int:
        """Record the start of a run; returns its id for finish_run."""
        with self.db.transaction():
            row = self.db.conn.execute("INSERT INTO runs (started_at, inputs) VALUES (?, ?) RETURNING id",
                                       (now(), _inputs_json(inputs))).fetchone()
        return int(row[0])

    def finish_run(self, run_id: int, stats: RunStats) -> None:
        with self.db.transaction():
            self.db.conn.execute(
                "UPDATE runs SET finished_at = ?, articles = ?, events = ?, no_event_articles = ?, "
                "rejections = ? WHERE id = ?",
                (now(), stats.articles, stats.events, stats.no_event_articles, stats.rejections, run_id))

    def resumable_run(self, inputs: Sequence[str]) -> int | None:
        """The latest run on exactly these inputs, if it never finished (it was stopped): the next run resumes
        it. None when there is none, or when the latest such run finished."""
        row = self.db.conn.execute("SELECT id, finished_at FROM runs WHERE inputs = ? ORDER BY id DESC LIMIT 1",
                                   (_inputs_json(inputs),)).fetchone()
        return int(row[0]) if row is not None and row[1] is None else None

    def done_partitions(self, run_id: int) -> dict[int, PartitionDone]:
        """The partitions of a run whose results are stored, by index."""
        rows = self.db.conn.execute(
            "SELECT idx, key, articles, events, no_event_articles, rejections FROM run_partitions "
            "WHERE run_id = ?", (run_id,))
        return {int(row[0]): PartitionDone(*row) for row in rows}

    def mark_partition_done(self, run_id: int, done: PartitionDone) -> None:
        """Call inside the transaction that saved the partition's results, so both are stored or neither."""
        with self.db.transaction():
            self.db.conn.execute(
                self.db.dialect.replace("run_partitions", _PARTITION_COLUMNS, ("run_id", "idx")),
                (run_id, done.index, done.key, done.articles, done.events, done.no_event_articles,
                 done.rejections, now()))


def _inputs_json(inputs: Sequence[str]) -> str:
    return json.dumps(list(inputs), ensure_ascii=False)
