"""Labelled examples for the classifier, read from each source's own format.

An `Example` carries a label for each head it informs and None for the heads it says nothing
about (IndiaPoliceEvents labels police actions only, so its unlabelled sentences are not "no
ACLED event": March 2002 Gujarat had plenty of mob violence the police labels do not cover).
`group` keeps rows of one document together when folds are drawn.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventwire.classify.labels import (
    ACLED_LABELS,
    CASE_NON_ACLED,
    CASE_TO_ACLED,
    NONE,
    PLOVER_LABELS,
    POLICE_LABELS,
)

TRAINING_DIR = Path(__file__).resolve().parent.parent / "data" / "training"


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    source: str  # data set name
    group: str  # rows with one group stay in one fold
    acled: str | None = None
    plover: str | None = None
    police: tuple[str, ...] | None = None
    case_label: str | None = None  # CASE 2021's own label, kept for its evaluation


@dataclass(frozen=True, slots=True)
class DataFile:
    """A training file as the manifest lists it: name, rows, sha256 (never its text)."""

    name: str
    rows: int
    sha256: str


def file_record(path: Path, rows: int) -> DataFile:
    return DataFile(path.name, rows, hashlib.sha256(path.read_bytes()).hexdigest())


def read_case2021(path: Path) -> list[Example]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    out = []
    for row in rows:
        label = (row.get("SubType") or "").strip()
        if label in CASE_TO_ACLED:
            acled = CASE_TO_ACLED[label]
        elif label in CASE_NON_ACLED:
            acled = NONE
        else:
            continue
        out.append(Example(row["EventSnippet"].strip(), "case2021", f"case:{row['id']}", acled=acled,
                           case_label=label))
    return out


def read_plover_gsr(path: Path) -> list[Example]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec.get("event") in PLOVER_LABELS and rec.get("text"):
            out.append(Example(rec["text"], "plover-gsr", f"plover:{n}", plover=rec["event"]))
    return out


def read_india_police(folder: Path) -> list[Example]:
    out = []
    for line in (folder / "sents.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = " ".join(rec["sent_text"].split())
        if not text:
            continue
        labels = tuple(lb for lb in POLICE_LABELS if lb in rec["sent_labels"])
        out.append(Example(text, "india-police", f"india:{rec['doc_id']}", police=labels))
    return out


def read_own(path: Path) -> list[Example]:
    """The project's own examples, written from the ACLED and PLOVER codebook definitions."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        rec = json.loads(line)
        acled, plover = rec.get("acled"), rec.get("plover")
        if acled is not None and acled not in ACLED_LABELS:
            raise ValueError(f"{path.name} line {n + 1}: unknown ACLED label {acled!r}")
        if plover is not None and plover not in PLOVER_LABELS:
            raise ValueError(f"{path.name} line {n + 1}: unknown PLOVER label {plover!r}")
        out.append(Example(rec["text"], f"own:{path.stem}", f"{path.stem}:{n}", acled=acled, plover=plover))
    return out


def own_files() -> list[Path]:
    return sorted(TRAINING_DIR.glob("*.jsonl"))


def shared_sources(shared: Path) -> dict[str, Path]:
    """The dev halves under ../shared/data that training may use, where present."""
    eval_dir = shared / "eval"
    cands = {"case2021": eval_dir / "case2021-task2" / "snippets.tsv",
             "plover-gsr": eval_dir / "plover-gsr" / "records.jsonl",
             "india-police": eval_dir / "india-police-events"}
    return {name: p for name, p in cands.items() if p.exists()}


def read_source(name: str, path: Path) -> list[Example]:
    readers = {"case2021": read_case2021, "plover-gsr": read_plover_gsr, "india-police": read_india_police}
    return readers[name](path) if name in readers else read_own(path)


def texts(examples: Iterable[Example]) -> list[str]:
    return [e.text for e in examples]
