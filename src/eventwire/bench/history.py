"""Bench results kept across commits: `bench --save FILE` appends one JSON line (the figures, the commit, the
machine), `bench-history FILE` prints them as a table, so a change that slows eventwire shows up."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventwire.errors import UsageError

# (column title, key in the saved figures); a figure missing from an older line prints as "-".
COLUMNS = (
    ("spaCy a/s", "spacy_only_articles_per_s"), ("pipeline a/s", "pipeline_articles_per_s"),
    ("pipe/spaCy", "pipeline_vs_spacy"), ("dask-1 a/s", "dask_1_articles_per_s"),
    ("dask-2 a/s", "dask_2_articles_per_s"), ("2w/1w", "dask_2_vs_1"), ("MB/worker", "peak_rss_mb_per_worker"),
    ("MB main", "peak_rss_mb"), ("fusion s", "fusion_s"),
)


def save_result(path: Path, figures: Mapping[str, Any], context: Mapping[str, Any]) -> None:
    record = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "commit": _commit(),
              "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
              **context, **figures}
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(record) + "\n")


def load_results(path: Path) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{number} is not JSON ({exc.msg}); fix or remove that line") from exc
    return records


def history_table(records: Sequence[Mapping[str, Any]]) -> str:
    header = f"{'date':10} {'commit':9} {'articles':>8} " + " ".join(f"{title:>12}" for title, _ in COLUMNS)
    rows = [header]
    for record in records:
        cells = " ".join(f"{_cell(record.get(key)):>12}" for _, key in COLUMNS)
        rows.append(f"{str(record.get('date', ''))[:10]:10} {str(record.get('commit') or '-')[:9]:9} "
                    f"{record.get('articles', '-'):>8} {cells}")
    return "\n".join(rows)


def _cell(value: object) -> str:
    return "-" if value is None else str(value)


def _commit() -> str | None:
    """The checkout's commit, with "+" when it has uncommitted changes; None outside a git checkout."""
    here = Path(__file__).resolve().parent
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=here, capture_output=True,
                                text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=here,
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return commit + ("+" if dirty else "")
