"""Engines and resumable runs, for real: the in-process run, a local Dask cluster with 2 worker processes
(started here, reached over TCP on loopback), a worker killed mid-run, and a CLI run killed with SIGKILL and
started again. Each compares the stored events with an uninterrupted in-process run, event for event."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.records import Article, Rejection
from tests.conftest import EXAMPLES, SHARED_DATA, invoke

REUTERS = SHARED_DATA / "bench" / "reuters-21578.jsonl"
DASK = pytest.mark.integration  # a Dask cluster: run by `make test-integration` and CI, not the default suite


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples and, when ../shared is there, 120 Reuters wires (a mix of event and no-event
    articles), plus one malformed record that must end as a rejection on every engine."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(EXAMPLES, folder / "examples")
    lines = REUTERS.read_text(encoding="utf-8").splitlines()[:120] if REUTERS.exists() else []
    lines.insert(len(lines) // 2, '{"id": "broken", "text": ')
    (folder / "wires.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _events(cli, db: Path | str) -> list[dict]:
    result = cli("export", "--db", str(db), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def in_process(corpus: Path, gazetteer_path: Path, pipeline: object, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The uninterrupted run of the local engine that the others are compared with."""
    db = tmp_path_factory.mktemp("local") / "local.db"
    result = invoke(gazetteer_path, "run", str(corpus), "--db", str(db), "--partition-size", "8", cwd=db.parent)
    assert result.returncode == 1, result.stderr  # the malformed record is rejected, the rest stored
    return db


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A local Dask cluster of 2 single-threaded worker processes; yields the scheduler's TCP address."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local.scheduler_address


def _exe() -> str:
    return str(Path(sys.executable).with_name("eventwire"))


@DASK
def test_dask_run_equals_the_in_process_run(cli, corpus: Path, in_process: Path, cluster: str,
                                            tmp_path: Path) -> None:
    db = tmp_path / "dask.db"
    result = cli("run", str(corpus), "--db", str(db), "--scheduler", cluster, "--partition-size", "8")
    assert result.returncode == 1, result.stderr
    assert "1 rejected" in result.stderr
    expected = _events(cli, in_process)
    assert expected and _events(cli, db) == expected
    rejected = sqlite3.connect(db).execute("SELECT input, code FROM rejections").fetchall()
    assert rejected == [(f"{corpus / 'wires.jsonl'}:{_broken_line(corpus)}", "E105")]
    articles = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert articles == sum(isinstance(item, Article) for item in read_inputs([str(corpus)]))


@DASK
def test_dask_run_into_postgresql_equals_the_in_process_run(cli, corpus: Path, in_process: Path, cluster: str,
                                                            postgres_url: str) -> None:
    """The driver writes to a PostgreSQL server as it does to SQLite; the events come out the same."""
    result = cli("run", str(corpus), "--db", postgres_url, "--scheduler", cluster, "--partition-size", "8")
    assert result.returncode == 1, result.stderr
    assert _events(cli, postgres_url) == _events(cli, in_process)


def test_outcomes_stay_in_step_with_the_inputs(pipeline, corpus: Path) -> None:
    """Each input gets its own outcome at its own place, rejections included (the pipeline itself yields an
    ingest rejection ahead of the articles of its batch)."""
    from eventwire.engine.work import process_items

    items = list(read_inputs([str(corpus / "wires.jsonl")]))
    assert any(isinstance(item, Rejection) for item in items)
    output = process_items(pipeline, 0, items)
    alone = [process_items(pipeline, 0, [item]).outcomes[0] for item in items]
    # Compared by what identifies each outcome: the classifier's probabilities may differ in the last bits
    # with the batch a sentence was embedded in (padding changes the shapes of the matrix products).
    assert [_identity(o) for o in output.outcomes] == [_identity(o) for o in alone]
    for item, outcome in zip(items, output.outcomes, strict=True):
        assert isinstance(outcome, Rejection) == isinstance(item, Rejection)
        if isinstance(outcome, tuple) and outcome:
            assert {e.sources[0].article_id for e in outcome} == {item.id}


def _broken_line(corpus: Path) -> int:
    lines = (corpus / "wires.jsonl").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith('{"id": "broken"'))


def _identity(outcome: tuple | Rejection) -> object:
    if isinstance(outcome, Rejection):
        return outcome
    return [(e.id, e.sources[0].article_id, e.evidence) for e in outcome]


@DASK
def test_dask_engine_survives_a_killed_worker(corpus: Path, in_process: Path, cluster: str, gazetteer_path: Path,
                                              tmp_path: Path, cli) -> None:
    """SIGKILL one worker process while partitions run: the partitions it held run again elsewhere."""
    import psutil
    from distributed import Client

    from eventwire.engine.cluster import DaskEngine
    from eventwire.engine.run import run_partitions
    from eventwire.store import open_store

    engine = DaskEngine(str(gazetteer_path), scheduler=cluster)
    killed: list[int] = []

    def kill_one_worker(_: int) -> None:
        if killed:
            return
        with Client(cluster) as client:
            pid = next(iter(client.run(os.getpid).values()))
        psutil.Process(pid).send_signal(signal.SIGKILL)
        killed.append(pid)

    with open_store(str(tmp_path / "killed.db")) as store:
        summary = run_partitions(read_inputs([str(corpus)]), engine, store, [str(corpus)], size=8,
                                 on_partition=kill_one_worker)
    engine.close()
    assert killed and not summary.failed_partitions
    assert _events(cli, tmp_path / "killed.db") == _events(cli, in_process)


@DASK
def test_a_partition_failing_every_try_is_reported_and_retried_by_the_next_run(
        corpus: Path, in_process: Path, cluster: str, gazetteer_path: Path, tmp_path: Path, cli) -> None:
    """Fault injection: the task raises for partition 1 until a flag file exists (the failure must reach
    the workers, so it is a task of its own; the real one runs afterwards, untouched)."""
    from eventwire.engine.cluster import DaskEngine
    from eventwire.engine.run import run_partitions
    from eventwire.engine.work import process_on_worker
    from eventwire.store import open_store

    healed = tmp_path / "healed"

    def flaky(index, items, gazetteer):  # pickled by value and run on the workers
        if index == 1 and not healed.exists():
            raise RuntimeError("injected failure")
        return process_on_worker(index, items, gazetteer)

    db = tmp_path / "flaky.db"
    engine = DaskEngine(str(gazetteer_path), scheduler=cluster, retries=1, task=flaky)
    try:
        with open_store(str(db)) as store:
            first = run_partitions(read_inputs([str(corpus)]), engine, store, [str(corpus)], size=8)
            assert len(first.failed_partitions) == 1 and "failed 2 time(s)" in first.failed_partitions[0]
            assert "injected failure" in first.failed_partitions[0]
            codes = [r.code for r in first.rejections]
            assert codes.count("E202") == 8  # every input of the partition is accounted for
            healed.touch()
            second = run_partitions(read_inputs([str(corpus)]), engine, store, [str(corpus)], size=8)
    finally:
        engine.close()
    assert second.resumed_partitions == first.resumed_partitions + (len(_partitions(corpus)) - 1)
    assert not second.failed_partitions
    assert _events(cli, db) == _events(cli, in_process)
    assert "E202" not in {code for (code,) in sqlite3.connect(db).execute("SELECT code FROM rejections")}


def _partitions(corpus: Path) -> list:
    from eventwire.engine.partition import partition

    return list(partition(read_inputs([str(corpus)]), 8))


def test_a_killed_run_resumes_and_ends_with_the_uninterrupted_events(corpus: Path, in_process: Path,
                                                                     gazetteer_path: Path, tmp_path: Path,
                                                                     cli) -> None:
    if not REUTERS.exists():
        pytest.skip(f"{REUTERS} is absent: the run must be long enough to be killed half-way")
    db = tmp_path / "resumed.db"
    env = {**os.environ, "EVENTWIRE_GAZETTEER": str(gazetteer_path)}
    proc = subprocess.Popen([_exe(), "run", str(corpus), "--db", str(db), "--partition-size", "8"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    total = len(_partitions(corpus))
    try:
        while _done_partitions(db) < total // 2:
            assert proc.poll() is None, "the run ended before it could be killed"
            time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    stored = _done_partitions(db)
    assert 0 < stored < total
    result = cli("run", str(corpus), "--db", str(db), "--partition-size", "8")
    assert result.returncode == 1, result.stderr
    assert f"{stored} partitions were already stored" in result.stderr
    assert _events(cli, db) == _events(cli, in_process)
    runs = sqlite3.connect(db).execute("SELECT finished_at IS NOT NULL, articles FROM runs").fetchall()
    local_runs = sqlite3.connect(in_process).execute("SELECT 1, articles FROM runs").fetchall()
    assert runs == local_runs  # one run, resumed and finished, with the uninterrupted run's counts


def test_ctrl_c_stops_a_run_with_one_line_and_the_next_run_resumes(corpus: Path, gazetteer_path: Path,
                                                                   tmp_path: Path, cli) -> None:
    db = tmp_path / "interrupted.db"
    env = {**os.environ, "EVENTWIRE_GAZETTEER": str(gazetteer_path)}
    # As a terminal runs a command: a test suite started in the background (`make test &`) hands its children
    # SIGINT ignored, and the run would then finish instead of stopping
    proc = subprocess.Popen([_exe(), "run", str(corpus), "--db", str(db), "--partition-size", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        while _done_partitions(db) < 1:
            assert proc.poll() is None, "the run ended before it could be interrupted"
            time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and out == ""
    assert err.strip().count("\n") == 0 and "run the same command again to resume" in err
    again = cli("run", str(corpus), "--db", str(db), "--partition-size", "2")
    assert "partitions were already stored" in again.stderr


def _done_partitions(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM run_partitions").fetchone()[0])
    except sqlite3.OperationalError:  # the table is not there until the run's migrations are done
        return 0


def test_a_finished_run_is_not_resumed(cli, tmp_path: Path) -> None:
    db = tmp_path / "twice.db"
    assert cli("run", str(EXAMPLES), "--db", str(db)).returncode == 0
    again = cli("run", str(EXAMPLES), "--db", str(db))
    assert again.returncode == 0 and "resumed" not in again.stderr
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM runs WHERE finished_at IS NOT NULL").fetchone()[0] == 2


@DASK
def test_an_unreachable_scheduler_is_one_clear_line(cli, tmp_path: Path) -> None:
    result = cli("run", str(EXAMPLES), "--db", str(tmp_path / "x.db"), "--scheduler", "tcp://127.0.0.1:9")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "E600" in result.stderr and "dask scheduler" in result.stderr


@DASK
def test_bench_prints_every_figure_and_saves_them_for_comparison(cli, tmp_path: Path) -> None:
    """The figures exist and are numbers; their values are measured, never asserted."""
    saved = tmp_path / "results.jsonl"
    result = cli("bench", "--data", str(EXAMPLES / "wire-2024-10.jsonl"), "--limit", "10", "--json",
                 "--save", str(saved))
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    for key in ("spacy_only_articles_per_s", "pipeline_articles_per_s", "dask_1_articles_per_s",
                "dask_2_articles_per_s", "peak_rss_mb_per_worker", "fusion_s"):
        assert isinstance(figures[key], int | float) and figures[key] >= 0, key
    history = cli("bench-history", str(saved))
    assert history.returncode == 0, history.stderr
    assert len(history.stdout.splitlines()) == 2 and str(figures["dask_2_articles_per_s"]) in history.stdout
