"""`eventwire eval attribution`: who asserts each event, and how (status, source, modality, tolls).

The cases are the project's own annotation (`eventwire/data/attribution_cases.jsonl`) of UCDP GED
source headlines: which event (by the offset of its key word), the expected attribution status, a word
the source must contain (none: the text names no source, so only the outlet may stand as reporter), the
modality, and a death toll where the headline negates one. The file holds
ids and offsets only; the headlines are read from the shared data (--data the shared data folder)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import UsageError
from eventwire.evaluate.ucdp import headline_article
from eventwire.records import Event

UCDP = Path("eval") / "ucdp-ged-ukraine" / "events.csv"


@dataclass(frozen=True, slots=True)
class CaseResult:
    case: dict[str, Any]
    headline: str
    event: Event | None

    @property
    def status_ok(self) -> bool:
        return self.event is not None and self.event.attribution.status == self.case["status"]

    @property
    def source_ok(self) -> bool:
        if self.event is None:
            return False
        expected, got = self.case.get("source_contains"), self.event.attribution.source
        # No expected source: the text names none (the outlet itself may stand as the reporter).
        return expected is None or (got is not None and expected.lower() in got.lower())

    @property
    def modality_ok(self) -> bool:
        return self.event is not None and self.event.modality == self.case["modality"]


@dataclass(frozen=True, slots=True)
class AttributionReport:
    results: tuple[CaseResult, ...]

    def figures(self) -> dict[str, float | int]:
        found = [r for r in self.results if r.event is not None]
        tolls = [r for r in found if "fatalities" in r.case]

        def share(ok: int, n: int) -> float:
            return round(ok / n, 3) if n else 0.0

        return {
            "cases": len(self.results), "events_found": len(found),
            "status_accuracy": share(sum(r.status_ok for r in found), len(found)),
            "source_accuracy": share(sum(r.source_ok for r in found), len(found)),
            "modality_accuracy": share(sum(r.modality_ok for r in found), len(found)),
            "toll_cases": len(tolls),
            "toll_accuracy": share(sum(r.event.fatalities == r.case["fatalities"] for r in tolls if r.event),
                                   len(tolls)),
        }

    def table(self) -> str:
        lines = [f"{'':2} {'expected':<26} {'got':<40} headline"]
        for r in self.results:
            mark = "ok" if r.status_ok and r.source_ok and r.modality_ok else "--"
            got = (f"{r.event.attribution.status}: {r.event.attribution.source} ({r.event.modality})"
                   if r.event else "no event")
            expected = f"{r.case['status']}: {r.case.get('source_contains')} ({r.case['modality']})"
            lines.append(f"{mark:2} {expected[:26]:<26} {got[:40]:<40} {r.headline[:70]}")
        figures = self.figures()
        lines.append("")
        lines += [f"{k:<18} {v}" for k, v in figures.items()]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {**self.figures(), "misses": [
            {"ucdp_id": r.case["ucdp_id"], "headline": r.case["headline"], "expected": r.case["status"],
             "got": r.event.attribution.status if r.event else None}
            for r in self.results if not (r.status_ok and r.source_ok and r.modality_ok)]}


def load_cases() -> list[dict[str, Any]]:
    text = resources.files("eventwire.data").joinpath("attribution_cases.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def evaluate_attribution(data: Path, limit: int | None = None, gazetteer_path: Path | None = None) -> AttributionReport:
    from eventwire.pipeline import ArticleResult, open_pipeline

    ucdp = data / UCDP if data.is_dir() else data
    if not ucdp.is_file():
        raise UsageError(f"no {UCDP} under {data}; point --data at the shared data folder (../shared/data)")
    cases = load_cases()[:limit]
    rows = {row["id"]: row for row in csv.DictReader(ucdp.open(encoding="utf-8", newline=""))}
    articles = [headline_article(rows[c["ucdp_id"]], c["headline"]) for c in cases]
    if any(a is None for a in articles):
        raise UsageError(f"{ucdp} does not match the annotated cases (a source date cannot be read)")
    pipeline = open_pipeline(gazetteer_path)
    readable = [a for a in articles if a is not None]
    events = {r.article.id: r.events for r in pipeline.process(readable) if isinstance(r, ArticleResult)}
    results = []
    for case, article in zip(cases, readable, strict=True):
        at = case["trigger_start"]
        found = [e for e in events.get(article.id, ()) if any(ev.start <= at < ev.end for ev in e.evidence)]
        results.append(CaseResult(case, article.text, found[0] if found else None))
    return AttributionReport(tuple(results))
