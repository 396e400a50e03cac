"""The shipped command under hostile input: one line with a code, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.hostile import webdb
from tests.hostile.test_web_hostile import _corrupt


def test_export_of_a_damaged_database_is_one_line_not_a_traceback(cli: Any, tmp_path: Path) -> None:
    db = webdb.build(tmp_path / "w.db")
    _corrupt(db, 0.25)
    for fmt in ("jsonl", "csv", "parquet"):
        result = cli("export", "--db", str(db), "--format", fmt, "-o", str(tmp_path / f"out.{fmt}"))
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and "damaged" in result.stderr


def test_extract_reads_lone_surrogates_and_rejects_bad_dates_and_reused_ids(cli: Any) -> None:
    lines = ['{"id": "s", "published": "2024-11-08", "text": "Russian drones struck \\ud800 Kyiv overnight."}',
             json.dumps({"id": "s", "published": "2024-11-08", "text": "Shelling hit Kharkiv."}),
             json.dumps({"id": "old", "published": "0001-01-01", "text": "Shelling hit Kharkiv."})]
    result = cli("extract", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "E113" in result.stderr and "E112" in result.stderr
    assert all(json.loads(line)["sources"][0]["article_id"] == "s" for line in result.stdout.splitlines())
