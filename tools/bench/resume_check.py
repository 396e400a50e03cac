"""Kill a long run half-way, start it again, and compare its events with an uninterrupted run's.

    .venv/bin/python tools/bench/resume_check.py --articles 20000 \
        --data ../shared/data/bench/reuters-21578.jsonl ../shared/data/bench/bbc-news.jsonl \
        --reference-engine local --engine dask

It writes the first N records of the data files into one JSONL file, runs `eventwire run` on it without
interruption (the reference), then runs it again into another database, kills that run's whole process group
with SIGKILL once half of its partitions are stored, runs the same command once more, and compares the two
databases: events (as exported, byte for byte per event), articles, mentions and rejections. It prints one
JSON object and exits 1 when the databases differ.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

EXE = str(Path(sys.executable).with_name("eventwire"))


def main() -> int:
    args = _arguments()
    folder = Path(args.workdir or tempfile.mkdtemp(prefix="eventwire-resume-"))
    folder.mkdir(parents=True, exist_ok=True)
    inputs = folder / "articles.jsonl"
    n = _write_inputs(args.data, args.articles, inputs)
    partitions = -(-n // args.partition_size)
    reference, resumed = folder / "reference.db", folder / "resumed.db"
    for db in (reference, resumed):
        db.unlink(missing_ok=True)
    reference_s = _timed([EXE, "run", str(inputs), "--db", str(reference), "--engine", args.reference_engine,
                          "--partition-size", str(args.partition_size)])
    command = [EXE, "run", str(inputs), "--db", str(resumed), "--engine", args.engine,
               "--partition-size", str(args.partition_size)]
    started = time.perf_counter()
    stored_at_kill = _run_and_kill(command, resumed, partitions // 2)
    killed_after_s = time.perf_counter() - started
    restart_s = _timed(command)
    report = {
        "inputs": n, "partitions": partitions, "reference_engine": args.reference_engine, "engine": args.engine,
        "reference_s": round(reference_s, 1), "killed_after_s": round(killed_after_s, 1),
        "partitions_stored_at_kill": stored_at_kill, "restart_s": round(restart_s, 1),
        **_compare(_export(reference), _export(resumed)),
        "tables_equal": {t: _table(reference, t) == _table(resumed, t) for t in ("articles", "mentions", "rejections")},
        "workdir": str(folder),
    }
    print(json.dumps(report, indent=2))
    return 0 if report["identical"] and all(report["tables_equal"].values()) else 1


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", nargs="+", required=True, help="article JSONL files, read in order")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--engine", choices=("local", "dask"), default="dask", help="the run that is killed")
    parser.add_argument("--reference-engine", choices=("local", "dask"), default="local")
    parser.add_argument("--partition-size", type=int, default=32)
    parser.add_argument("--workdir", default=None)
    return parser.parse_args()


def _write_inputs(files: list[str], limit: int, out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as sink:
        for name in files:
            with open(name, encoding="utf-8") as source:
                for line in source:
                    if n == limit:
                        return n
                    sink.write(line if line.endswith("\n") else line + "\n")
                    n += 1
    return n


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr[-2000:]}")
    return time.perf_counter() - started


def _run_and_kill(command: list[str], db: Path, at: int) -> int:
    """Start the run in its own process group and SIGKILL the group (driver and any Dask workers) once `at`
    partitions are stored; returns how many were stored when it died."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    while _stored(db) < at:
        if proc.poll() is not None:
            raise SystemExit("the run ended before it could be killed; use more --articles")
        time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(2)  # let the killed workers' ports and files go
    return _stored(db)


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM run_partitions").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _export(db: Path) -> list[str]:
    result = subprocess.run([EXE, "export", "--db", str(db), "--format", "jsonl"], capture_output=True, text=True,
                            check=True)
    return result.stdout.splitlines()


def _compare(expected: list[str], actual: list[str]) -> dict[str, object]:
    want, got = Counter(expected), Counter(actual)
    ids = Counter(json.loads(line)["id"] for line in actual)
    return {"events_reference": len(expected), "events_resumed": len(actual),
            "missing": sum((want - got).values()), "extra": sum((got - want).values()),
            "duplicate_ids": sum(n - 1 for n in ids.values() if n > 1), "identical": expected == actual}


def _table(db: Path, table: str) -> list[tuple[object, ...]]:
    columns = {"articles": "id, content_hash", "mentions": "id, event_id, json",
               "rejections": "input, stage, code, reason"}[table]
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute(f"SELECT {columns} FROM {table}").fetchall())


if __name__ == "__main__":
    sys.exit(main())
