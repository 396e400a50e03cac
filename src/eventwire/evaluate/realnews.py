"""`eventwire eval realnews`: real news excerpts in, events out, scored by the set's own scorer.

The realnews sets (`../shared/data/eval/realnews-dev`, and hidden sets of the same kind) ship their
scorer, `score.py`, beside `articles.jsonl` and `gold.jsonl`. This suite runs every article through
the same path as `eventwire extract` and hands the `eventwire.event/1` records to that scorer, so the
figures are exactly the ones its definitions give (recall, precision, place, date, attribution,
fatalities, false events; by language and by group).
"""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from eventwire.errors import UsageError

# The scorer's sections, in its own order.
SECTIONS = ("all", "lang:en", "lang:uk/ru", "group:ukr", "group:other", "group:nonevent", "group:ukru")


@dataclass(frozen=True, slots=True)
class RealnewsReport:
    text: str  # the scorer's table, as it prints it
    counts: dict[str, dict[str, float]] = field(default_factory=dict)  # section -> the scorer's raw counts
    rejected: int = 0

    def table(self) -> str:
        extra = f"\narticles rejected by eventwire: {self.rejected}" if self.rejected else ""
        return self.text.rstrip() + extra

    def to_dict(self) -> dict[str, Any]:
        return {"sections": self.counts, "rejected": self.rejected, **_headline(self.counts)}


def evaluate_realnews(data: Path, limit: int | None = None, gazetteer_path: Path | None = None) -> RealnewsReport:
    """Run the pipeline over `data`/articles.jsonl (first `limit` articles) and score with `data`/score.py."""
    from eventwire.ingest import read_file
    from eventwire.pipeline import ArticleResult, open_pipeline

    folder = data if data.is_dir() else data.parent
    articles_path, gold_path, scorer_path = (folder / n for n in ("articles.jsonl", "gold.jsonl", "score.py"))
    for needed in (articles_path, gold_path, scorer_path):
        if not needed.exists():
            raise UsageError(f"{needed} is missing; point --data at a realnews folder (articles.jsonl, "
                             f"gold.jsonl, score.py)")
    scorer = _load_scorer(scorer_path)
    items = list(read_file(str(articles_path)))[:limit]
    pipeline = open_pipeline(gazetteer_path)
    predictions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rejected = 0
    for result in pipeline.process(items):
        if not isinstance(result, ArticleResult):
            rejected += 1
            continue
        for event in result.events:
            # A JSON round trip, as `extract` prints it: the scorer reads what users read.
            predictions[result.article.id].append(json.loads(json.dumps(event.to_dict())))
    kept = {str(getattr(i, "id", "")) for i in items}
    gold_rows = [g for g in scorer.read_jsonl(str(gold_path)) if limit is None or str(g.get("id")) in kept]
    langs, groups = {}, {}
    for row in scorer.read_jsonl(str(articles_path)):
        langs[str(row.get("id"))] = row.get("language")
        groups[str(row.get("id"))] = row.get("group")
    tallies, _errors = scorer.score(gold_rows, predictions, langs, groups)
    text = scorer.report(tallies, [s for s in SECTIONS if s in tallies])
    counts = {name: dict(t.c) for name, t in tallies.items()}
    return RealnewsReport(text, counts, rejected)


def _load_scorer(path: Path) -> ModuleType:
    """The set's own score.py, imported as a module (never run through a shell)."""
    spec = importlib.util.spec_from_file_location("eventwire_realnews_score", path)
    if spec is None or spec.loader is None:
        raise UsageError(f"{path} cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("read_jsonl", "score", "report"):
        if not hasattr(module, name):
            raise UsageError(f"{path} has no {name}(); it is not a realnews scorer")
    return module


def _headline(counts: dict[str, dict[str, float]]) -> dict[str, float | None]:
    """Recall, precision, place, attribution and fatalities by language, as fractions, for quality floors."""
    out: dict[str, float | None] = {}
    for section, key in (("all", "all"), ("lang:en", "en"), ("lang:uk/ru", "ukru")):
        c = counts.get(section, {})
        out[f"recall_{key}"] = _ratio(c.get("found"), c.get("gold_required"))
        out[f"precision_{key}"] = _ratio(c.get("pred_correct"), c.get("pred_scored"))
        out[f"place_{key}"] = _ratio(c.get("loc_ok"), c.get("loc_n"))
        out[f"attribution_{key}"] = _ratio(c.get("att_ok"), c.get("att_n"))
        out[f"fatalities_{key}"] = _ratio(c.get("fat_ok"), c.get("fat_n"))
    return out


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 4) if a is not None and b else None
