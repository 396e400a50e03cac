"""`eventwire eval seed`: run the pipeline on each article in a folder that has a `.gold.json` beside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import UsageError
from eventwire.evaluate.gold import GoldReport, check_gold, load_gold
from eventwire.pipeline import ArticleResult, open_pipeline
from eventwire.records import Article, Event


@dataclass(frozen=True, slots=True)
class SeedReport:
    reports: tuple[tuple[str, GoldReport], ...]

    def table(self) -> str:
        return "\n\n".join(f"== {name}\n{report.table()}" for name, report in self.reports)

    def to_dict(self) -> dict[str, Any]:
        return {name: report.to_dict() for name, report in self.reports}


def evaluate_seed(folder: Path, limit: int | None = None, gazetteer_path: Path | None = None) -> SeedReport:
    """Every *.gold.json in `folder` against the events of its article (`limit` is accepted for a uniform
    suite interface and ignored: the seed is one article)."""
    from eventwire.ingest import read_file

    pipeline = open_pipeline(gazetteer_path)
    golds = sorted(folder.glob("*.gold.json")) if folder.is_dir() else [folder]
    if not golds:
        raise UsageError(f"no *.gold.json in {folder}; point --data at the seed folder")
    reports = []
    for gold_path in golds:
        gold = load_gold(gold_path)
        articles = [a for a in read_file(str(gold_path.parent / gold["article"])) if isinstance(a, Article)]
        events: list[Event] = [e for r in pipeline.process(articles) if isinstance(r, ArticleResult)
                               for e in r.events]
        reports.append((gold["article"], check_gold(gold, events)))
    return SeedReport(tuple(reports))
