"""The store and the command line under a hostile machine (issue 17, findings 8 and 10): a full disk, a
read-only database, a symlink loop, an empty --db; each one line with a code, never a traceback. Real SQLite
files, real processes where the process matters."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.cli.common import user_errors
from eventwire.store import open_store
from tests.test_engine import corpus, in_process  # noqa: F401 (fixtures of the soak test)
from tests.test_store import make_article, make_event

EXE = Path(sys.executable).with_name("eventwire")
# Root ignores file modes, so as root the read-only tests run the command as `nobody` (setpriv drops root).
AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []


def _build(path: Path, n: int = 3) -> Path:
    with open_store(str(path)) as store:
        for i in range(n):
            store.save_article(make_article(f"a-{i}"), [make_event(f"m-{i}", f"a-{i}", day=1 + i % 28)])
        store.fuse()
    return path


@pytest.fixture
def read_only_db() -> Iterator[Path]:
    """A database in a folder where neither the file nor the folder can be written (by whoever runs the
    command: `nobody` when the tests run as root)."""
    if AS_NOBODY and shutil.which("setpriv") is None:
        pytest.skip("running as root, where chmod does not stop writes, and setpriv is missing to drop root")
    folder = Path(tempfile.mkdtemp(prefix="ew-ro-"))
    db = _build(folder / "ro.db")
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield db
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def _as_reader(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*AS_NOBODY, str(EXE), *args], capture_output=True, text=True, cwd="/",
                          timeout=timeout)


def test_export_reads_a_database_that_cannot_be_written(read_only_db: Path) -> None:
    done = _as_reader("export", "--db", str(read_only_db), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 3


def test_writing_to_a_read_only_database_is_one_line(read_only_db: Path) -> None:
    done = _as_reader("token", "create", "ana", "--db", str(read_only_db))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "[E421]" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_serve_reads_a_database_that_cannot_be_written(read_only_db: Path) -> None:
    port = 18000 + os.getpid() % 1000
    server = subprocess.Popen([*AS_NOBODY, str(EXE), "serve", "--db", str(read_only_db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd="/")
    try:
        body = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events", timeout=5) as response:
                    body = response.read().decode()
                    break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.5)
        assert '"total": 3' in body or '"total":3' in body, server.stderr.read() if server.poll() else body
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_an_empty_db_is_an_error_not_the_default_file(cli: Any, tmp_path: Path) -> None:
    for args in (("export", "--format", "jsonl"), ("token", "create", "ana"), ("run", str(tmp_path))):
        result = cli(*args, "--db", "", cwd=tmp_path)
        assert result.returncode == 2 and "--db is empty" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "eventwire.db").exists()


def test_a_symlink_loop_given_as_path_is_a_rejection(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    for command in ("extract", "run"):
        args = (command, str(tmp_path / "loop")) + (("--db", str(tmp_path / "l.db")) if command == "run" else ())
        result = cli(*args)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert "symbolic link" in result.stderr and "[E100" in result.stderr


def test_a_full_disk_on_output_is_its_own_code_and_exit_2(cli_process: Any, tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system to stand for a full disk")
    db = _build(tmp_path / "f.db")
    result = cli_process("export", "--db", str(db), "--format", "csv", "-o", "/dev/full")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "[E420]" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_full_database_disk_is_its_own_code_and_exit_2(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """SQLite's own "database or disk is full" (a page limit stands for the disk), through the command line's
    handler; the database stays intact."""
    db = _build(tmp_path / "full.db", n=1)
    with pytest.raises(SystemExit) as stopped, user_errors(), open_store(str(db)) as store:
        pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
        store.db.conn.execute(f"PRAGMA max_page_count = {pages}")
        with store.batch():
            for i in range(1, 300):
                store.save_article(make_article(f"a-{i}", "x" * 4000), [make_event(f"m-{i}", f"a-{i}")])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "[E420]" in err and "disk is full" in err and len(err.strip().splitlines()) == 1
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with open_store(str(db)) as store:
        assert store.counts().articles == 1


def test_tokens_list_revoke_and_expire_and_the_api_refuses_them(cli: Any, tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from fastapi.testclient import TestClient

    from eventwire.web import create_app

    db = _build(tmp_path / "t.db")
    made = cli("token", "create", "ana", "--expires", "30d", "--db", str(db))
    assert made.returncode == 0 and "until" in made.stderr
    kept, revoked = made.stdout.strip(), cli("token", "create", "bob", "--db", str(db)).stdout.strip()
    with open_store(str(db)) as store:  # one that expired a minute ago
        expired = store.create_token("cid", datetime.now(UTC) + timedelta(seconds=1))
    time.sleep(1.5)
    listed = cli("token", "list", "--db", str(db))
    assert listed.returncode == 0 and kept not in listed.stdout and revoked not in listed.stdout
    states = {line.split("\t")[1]: line.split("\t")[4] for line in listed.stdout.splitlines()[1:]}
    assert states == {"ana": "active", "bob": "active", "cid": "expired"}
    assert cli("token", "revoke", "bob", "--db", str(db)).returncode == 0
    after = cli("token", "list", "--db", str(db)).stdout.splitlines()[1:]
    assert {line.split("\t")[1]: line.split("\t")[4] for line in after}["bob"] == "revoked"
    again = cli("token", "revoke", "bob", "--db", str(db))
    assert again.returncode == 2 and "[E404]" in again.stderr and "Traceback" not in again.stderr
    assert cli("token", "create", "x", "--expires", "soon", "--db", str(db)).returncode == 2

    client = TestClient(create_app(str(db)))
    event_id = client.get("/api/events").json()["events"][0]["id"]
    answers = {who: client.patch(f"/api/events/{event_id}", json={"changes": {"fatalities": 2}},
                                 headers={"Authorization": f"Bearer {secret}"}).status_code
               for who, secret in (("kept", kept), ("revoked", revoked), ("expired", expired))}
    assert answers == {"kept": 200, "revoked": 401, "expired": 401}


@pytest.mark.integration
def test_soak_kill_9_at_random_points_loses_and_duplicates_nothing(request: pytest.FixtureRequest,
                                                                   gazetteer_path: Path, tmp_path: Path,
                                                                   cli: Any) -> None:
    """`run` killed with SIGKILL at a few random moments, then run to the end: every input is an article or a
    rejection, and the events are those of an uninterrupted run (the corpus and that run: tests/test_engine.py)."""
    import random
    import signal

    from eventwire.ingest import read_inputs
    from tests.test_engine import _events

    source, uninterrupted = request.getfixturevalue("corpus"), request.getfixturevalue("in_process")
    db = tmp_path / "soak.db"
    env = {**os.environ, "EVENTWIRE_GAZETTEER": str(gazetteer_path)}
    rng = random.Random(17)
    for _ in range(3):
        proc = subprocess.Popen([str(EXE), "run", str(source), "--db", str(db), "--partition-size", "4"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(1.0, 20.0))  # from before the database exists to deep into the run
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    final = cli("run", str(source), "--db", str(db), "--partition-size", "4")
    assert final.returncode in (0, 1) and "Traceback" not in final.stderr, final.stderr
    inputs = len(list(read_inputs([str(source)])))
    with sqlite3.connect(db) as conn:
        stored = [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("articles", "rejections")]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert sum(stored) == inputs
    assert _events(cli, db) == _events(cli, uninterrupted)
