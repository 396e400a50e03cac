"""Every command of the command line with broken inputs (issue 17): a missing file, a binary file, a bad --db
(a missing folder, a directory, an unknown scheme, an empty value), a database that is junk or has damaged
pages, a bad format name. Each ends with a non-zero exit and a message, never a traceback on stderr."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.test_store_hostile import _build

Case = Callable[[Path], tuple[str, ...]]


def _paths(tmp: Path) -> dict[str, str]:
    (tmp / "junk.jsonl").write_bytes(random.Random(1).randbytes(3000))
    (tmp / "junk.db").write_bytes(b"SQLite format 3\x00" + random.Random(2).randbytes(9000))
    damaged = _build(tmp / "damaged.db", n=40)
    data = bytearray(damaged.read_bytes())
    rng = random.Random(3)
    for start in range(4096, len(data), 4096):  # every page but the header page
        data[start:start + 4096] = rng.randbytes(min(4096, len(data) - start))
    damaged.write_bytes(bytes(data))
    good = _build(tmp / "good.db")
    return {"missing": str(tmp / "nope.txt"), "binary": str(tmp / "junk.jsonl"), "junk_db": str(tmp / "junk.db"),
            "damaged_db": str(damaged), "no_folder_db": str(tmp / "no" / "such" / "x.db"), "dir_db": str(tmp),
            "scheme_db": "ftp://host/x.db", "good_db": str(good), "empty_db": ""}


BAD_DBS = ("junk_db", "damaged_db", "no_folder_db", "dir_db", "scheme_db", "empty_db")
# Each command with the inputs it takes; {name} stands for one of the paths above.
CASES: list[tuple[str, ...]] = [
    ("extract", "{missing}"), ("extract", "{binary}"), ("places", "{missing}"), ("places", "{binary}"),
    ("times", "{missing}"), ("times", "{binary}"),
    ("run", "{missing}", "--db", "{good_db}"), ("run", "{binary}", "--db", "{good_db}"),
    ("run", "{binary}", "--db", "{good_db}", "--engine", "nope"),
    ("export", "--db", "{good_db}", "--format", "nope"), ("export", "--db", "{missing}", "--format", "jsonl"),
    ("gazetteer", "add", "{missing}"), ("gazetteer", "add", "{binary}"),
    ("gazetteer", "info", "--gazetteer", "{binary}"), ("gazetteer", "info", "--gazetteer", "{missing}"),
    ("eval", "nope", "--data", "{missing}"), ("eval", "seed", "--data", "{binary}"),
    ("bench", "--data", "{missing}"), ("bench-history", "{missing}"), ("bench-history", "{binary}"),
    ("token", "create", ""), ("token", "revoke", "nobody", "--db", "{good_db}"),
    ("token", "create", "ana", "--expires", "yesterday", "--db", "{good_db}"),
    ("demo", "--db", "{good_db}", "--examples", "{missing}"),
    ("watch", "{missing}", "--db", "{good_db}", "--once"), ("watch", "{binary}", "--db", "{good_db}", "--once"),
    ("serve", "--db", "{good_db}", "--port", "99999"),
]
# Every command that opens a database, with each bad --db.
DB_COMMANDS: list[tuple[str, ...]] = [
    ("run", "{binary}"), ("export", "--format", "jsonl"), ("serve",), ("token", "create", "ana"), ("token", "list"),
    ("token", "revoke", "ana"), ("demo",), ("watch", "{binary}", "--once"),
]
CASES += [(*command, "--db", "{" + bad + "}") for command in DB_COMMANDS for bad in BAD_DBS]


@pytest.mark.parametrize("case", CASES, ids=[" ".join(c) for c in CASES])
def test_broken_input_is_a_message_not_a_traceback(cli: Any, tmp_path: Path, case: tuple[str, ...]) -> None:
    paths = _paths(tmp_path)
    args = [a.format(**paths) if a.startswith("{") else a for a in case]
    result = cli(*args)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (1, 2), (result.returncode, result.stderr[-2000:])
    assert result.stderr.strip(), "a failure says what happened"
