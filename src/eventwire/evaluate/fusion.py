"""`eventwire eval fusion`: does fusion group the reports of one event the way UCDP's coders did?

Each UCDP GED event lists the headlines of the reports it was coded from. Every headline of 30 characters
or more becomes an article dated by its source date; the whole pipeline runs with fusion into a fresh
SQLite database; then headlines that produced an event are scored: pairwise precision/recall/F1 (a pair is
positive when UCDP puts both in one event), B-cubed over headlines of UCDP events with two or more
headlines, and how many UCDP events were found at all. A headline that UCDP lists under several events
(one report covering several days) belongs to all of them."""

from __future__ import annotations

import csv
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from eventwire.errors import UsageError
from eventwire.evaluate.ucdp import headline_article
from eventwire.records import Article

MIN_HEADLINE = 30


@dataclass(frozen=True, slots=True)
class FusionReport:
    headlines: int
    headlines_with_events: int
    mentions: int
    events: int
    pair_precision: float
    pair_recall: float
    pair_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    bcubed_headlines: int
    ucdp_events: int
    ucdp_events_found: int
    cross_day_merges: int
    pipeline_s: float
    fusion_s: float

    def table(self) -> str:
        rows = [
            ("headlines (>= 30 chars) / with events", f"{self.headlines} / {self.headlines_with_events}"),
            ("mentions -> fused events", f"{self.mentions} -> {self.events}"),
            ("pairwise P / R / F1", f"{self.pair_precision:.3f} / {self.pair_recall:.3f} / {self.pair_f1:.3f}"),
            ("B-cubed P / R / F1 (multi-headline)",
             f"{self.bcubed_precision:.3f} / {self.bcubed_recall:.3f} / {self.bcubed_f1:.3f} "
             f"over {self.bcubed_headlines} headlines"),
            ("UCDP events found", f"{self.ucdp_events_found} of {self.ucdp_events}"),
            ("merges across days (both day-precise)", str(self.cross_day_merges)),
            ("pipeline s / fusion s", f"{self.pipeline_s:.1f} / {self.fusion_s:.2f}"),
        ]
        width = max(len(k) for k, _ in rows)
        return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class Headlines:
    articles: tuple[Article, ...]
    gold: dict[str, frozenset[str]]  # article id -> UCDP event ids
    ucdp_events: int


def load_headlines(path: Path, limit: int | None = None) -> Headlines:
    """One article per distinct headline (>= 30 characters), with the UCDP events that cite it."""
    if not path.is_file():
        raise UsageError(f"{path} is not a file; point --data at ucdp-ged-ukraine/events.csv")
    articles: dict[str, Article] = {}
    gold: dict[str, set[str]] = defaultdict(set)
    events = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if limit is not None and events >= limit:
                break
            events += 1
            for i, head in enumerate(row["source_headline"].split(";")):
                article = headline_article(row, i) if len(head.strip()) >= MIN_HEADLINE else None
                if article is not None:
                    articles.setdefault(article.id, article)
                    gold[article.id].add(row["id"])
    return Headlines(tuple(articles.values()), {k: frozenset(v) for k, v in gold.items()}, events)


def evaluate_fusion(data: Path, limit: int | None = None, gazetteer_path: Path | None = None) -> FusionReport:
    from eventwire.pipeline import ArticleResult, open_pipeline
    from eventwire.store import open_store

    headlines = load_headlines(data, limit)
    pipeline = open_pipeline(gazetteer_path)
    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "fusion.db")) as store:
        started = time.perf_counter()
        with store.batch():
            for result in pipeline.process(headlines.articles):
                if isinstance(result, ArticleResult):
                    store.save_article(result.article, result.events)
        pipeline_s = time.perf_counter() - started
        started = time.perf_counter()
        summary = store.fuse()
        fusion_s = time.perf_counter() - started
        predicted = _predicted_groups(store)
        cross_day = _cross_day_merges(store)
    return _score(headlines, predicted, summary.mentions, summary.events, cross_day, pipeline_s, fusion_s)


def _predicted_groups(store: Any) -> dict[str, frozenset[str]]:
    """article id -> the fused events its mentions ended in."""
    groups: dict[str, set[str]] = defaultdict(set)
    for event in store.events():
        for source in event.sources:
            groups[source.article_id].add(event.id)
    return {k: frozenset(v) for k, v in groups.items()}


def _cross_day_merges(store: Any) -> int:
    """Fused events holding mentions that are each sure of a different day (the target is none)."""
    count = 0
    for event in store.events():
        if event.fusion is None or len(event.fusion.mentions) < 2:
            continue
        days = {(m.date.start, m.date.end) for m in store.mentions(event.id) if m.date and m.date.precision == "day"}
        count += len(days) > 1
    return count


def _score(headlines: Headlines, predicted: dict[str, frozenset[str]], mentions: int, events: int,
           cross_day: int, pipeline_s: float, fusion_s: float) -> FusionReport:
    found = sorted(a for a in predicted if a in headlines.gold)
    gold = headlines.gold
    tp = fp = fn = 0
    for a, b in combinations(found, 2):
        same_gold, same_pred = bool(gold[a] & gold[b]), bool(predicted[a] & predicted[b])
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    multi = _multi_headline(gold)
    precisions, recalls = [], []
    for a in found:
        if not gold[a] & multi:
            continue
        pred_group = {b for b in found if predicted[a] & predicted[b]}
        gold_group = {b for b in found if gold[a] & gold[b]}
        overlap = len(pred_group & gold_group)
        precisions.append(overlap / len(pred_group))
        recalls.append(overlap / len(gold_group))
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    bp, br = _mean(precisions), _mean(recalls)
    return FusionReport(
        headlines=len(headlines.articles), headlines_with_events=len(found), mentions=mentions, events=events,
        pair_precision=p, pair_recall=r, pair_f1=_f1(p, r), bcubed_precision=bp, bcubed_recall=br,
        bcubed_f1=_f1(bp, br), bcubed_headlines=len(precisions), ucdp_events=headlines.ucdp_events,
        ucdp_events_found=len({e for a in found for e in gold[a]}), cross_day_merges=cross_day,
        pipeline_s=round(pipeline_s, 2), fusion_s=round(fusion_s, 3))


def _multi_headline(gold: dict[str, frozenset[str]]) -> set[str]:
    counts: dict[str, int] = defaultdict(int)
    for events in gold.values():
        for e in events:
            counts[e] += 1
    return {e for e, n in counts.items() if n >= 2}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0
