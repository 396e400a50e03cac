"""The command-line contract, run for real: JSONL valid against event.schema.json, exit codes,
rejections for bad files, idempotent runs into a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import EXAMPLES, SEED, need_shared

SCHEMA = json.loads(resources.files("eventwire").joinpath("data/event.schema.json").read_text())


def validate_lines(stdout: str) -> list[dict]:
    records = [json.loads(line) for line in stdout.splitlines()]
    for record in records:
        jsonschema.validate(record, SCHEMA)
    return records


def test_extract_examples_prints_valid_events(cli_process) -> None:
    """A real process: its stdout carries only data (every line an event), its exit status 0."""
    result = cli_process("extract", str(EXAMPLES))
    assert result.returncode == 0, result.stderr
    events = validate_lines(result.stdout)
    assert {e["sub_event_type"] for e in events} >= {
        "Protest with intervention", "Arrests", "Shelling/artillery/missile attack", "Agreement", "Armed clash"}
    shelling = next(e for e in events if e["sub_event_type"] == "Shelling/artillery/missile attack")
    assert shelling["fatalities"] == 3 and shelling["injuries"] == 7


def test_evidence_offsets_match_the_article_text(cli) -> None:
    from eventwire.ingest import read_inputs
    from eventwire.records import Article

    texts = {a.id: a.text for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)}
    events = validate_lines(cli("extract", str(EXAMPLES)).stdout)
    for event in events:
        for ev in event["evidence"]:
            assert texts[ev["article_id"]][ev["start"]:ev["end"]] == ev["text"]


def test_seed_article_through_the_cli_is_schema_valid(cli) -> None:
    result = cli("extract", str(need_shared(SEED)))
    assert result.returncode == 0, result.stderr
    assert len(validate_lines(result.stdout)) >= 6


def test_stdin_jsonl(cli) -> None:
    article = {"id": "s1", "published": "2024-02-01", "text": "Rebels attacked an army base near Beni on "
               "Wednesday, killing four soldiers, the army said."}
    result = cli("extract", "-", stdin=json.dumps(article) + "\n")
    assert result.returncode == 0, result.stderr
    [event] = validate_lines(result.stdout)
    assert event["sources"][0]["article_id"] == "s1"


def write_bad_and_good(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text("date 2024-04-02 Clash\n\nRebels clashed with soldiers near Beni on "
                                     "Monday, killing three soldiers, the army said.\n", encoding="utf-8")
    (folder / "quiet.txt").write_text("date 2024-04-02 Markets\n\nShares rose on Monday.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "cp1252.txt").write_bytes("date 2024-04-02 Caf\xe9\n\nA caf\xe9 \x93opened\x94.\n".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nodate.txt").write_text("Rebels clashed with soldiers near Beni.\n", encoding="utf-8")


def test_bad_files_are_rejected_and_counted(cli_process, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_bad_and_good(inbox)
    db = tmp_path / "events.db"
    result = cli_process("run", str(inbox), "--db", str(db))
    assert result.returncode == 1, result.stderr
    for name in ("binary.txt", "cp1252.txt", "empty.txt", "nodate.txt"):
        assert name in result.stderr
    with sqlite3.connect(db) as con:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        rejections = con.execute("SELECT count(*) FROM rejections").fetchone()[0]
        with_events = con.execute("SELECT count(DISTINCT article_id) FROM mentions").fetchone()[0]
    assert (articles, rejections, with_events) == (2, 4, 1)
    assert articles + rejections == 6  # every input accounted for: nothing lost


def test_run_twice_changes_nothing(cli, tmp_path: Path) -> None:
    db = tmp_path / "events.db"

    def snapshot() -> tuple[list[tuple], list[tuple]]:
        with sqlite3.connect(db) as con:
            return (con.execute("SELECT id, json FROM events ORDER BY id").fetchall(),
                    con.execute("SELECT id, title FROM articles ORDER BY id").fetchall())

    assert cli("run", str(EXAMPLES), "--db", str(db)).returncode == 0
    first = snapshot()
    assert cli("run", str(EXAMPLES), "--db", str(db)).returncode == 0
    assert snapshot() == first and first[0]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "acled-csv", "geojson"])
def test_export_formats(cli, tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "events.db"
    assert cli("run", str(EXAMPLES), "--db", str(db)).returncode == 0
    result = cli("export", "--db", str(db), "--format", fmt)
    assert result.returncode == 0, result.stderr
    if fmt == "jsonl":
        assert validate_lines(result.stdout)
    elif fmt == "geojson":
        assert json.loads(result.stdout)["type"] == "FeatureCollection"
    else:
        assert result.stdout.count("\n") > 1


def test_errors_are_one_line_with_exit_code_2(cli_process, tmp_path: Path) -> None:
    missing = cli_process("extract", str(tmp_path / "nope"))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "no such file" in missing.stderr
    bad_format = cli_process("export", "--db", str(tmp_path / "x.db"), "--format", "xml")
    assert bad_format.returncode == 2 and bad_format.stderr.count("\n") == 1


def test_every_command_has_help_with_an_example(cli) -> None:
    for command in ("extract", "run", "export", "places", "times", "eval", "bench", "demo"):
        result = cli(command, "--help")
        assert result.returncode == 0
        assert "eventwire" in result.stdout or command == "demo"


def test_importing_the_command_line_loads_no_model_library() -> None:
    """`eventwire --help` must not pay for spaCy or torch: the commands import them when they run."""
    import subprocess
    import sys

    heavy = ("spacy", "thinc", "torch", "numpy", "eventwire.pipeline", "fastapi")
    probe = f"import sys, eventwire.cli; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
