"""How long fusion takes on many articles' events: real events from the UCDP source headlines, each report
repeated as if several outlets had filed it (new article and event ids, same words, dates and places), stored
in a fresh SQLite file, then one timed `fuse()`. The repeats make candidate groups denser than real news,
so the figure errs on the slow side."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from eventwire.evaluate.fusion import load_headlines
from eventwire.records import Article, Event


@dataclass(frozen=True, slots=True)
class FusionBench:
    articles: int
    mentions: int
    events: int
    seconds: float

    def to_dict(self) -> dict[str, float | int]:
        return {"fusion_articles": self.articles, "fusion_mentions": self.mentions, "fusion_events": self.events,
                "fusion_s": round(self.seconds, 2)}


def bench_fusion(ucdp_csv: Path, articles: int, gazetteer_path: Path | None = None) -> FusionBench:
    from eventwire.pipeline import ArticleResult, open_pipeline

    originals = load_headlines(ucdp_csv).articles
    pipeline = open_pipeline(gazetteer_path)
    extracted = [(r.article, r.events) for r in pipeline.process(originals)
                 if isinstance(r, ArticleResult)]
    return time_fusion(extracted, articles)


def time_fusion(extracted: Sequence[tuple[Article, Sequence[Event]]], articles: int) -> FusionBench:
    """Store `articles` articles' events (cycling through `extracted`, each round as if from another outlet)
    in a fresh SQLite database, then time their fusion."""
    from eventwire.store import open_store

    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "bench.db")) as store:
        with store.batch():
            for n in range(articles):
                article, events = extracted[n % len(extracted)]
                copy = n // len(extracted)
                store.save_article(*_repeat(article, events, copy))
        started = time.perf_counter()
        summary = store.fuse()
        seconds = time.perf_counter() - started
    return FusionBench(articles=articles, mentions=summary.mentions, events=summary.events, seconds=seconds)


def _repeat(article: Article, events: Sequence[Event], copy: int) -> tuple[Article, Sequence[Event]]:
    if copy == 0:
        return article, events
    article_id = f"{article.id}-r{copy}"
    again = replace(article, id=article_id, source=f"outlet {copy}")
    return again, [replace(e, id=f"{e.id}-r{copy}",
                           sources=tuple(replace(s, article_id=article_id) for s in e.sources),
                           evidence=tuple(replace(x, article_id=article_id) for x in e.evidence)) for e in events]
