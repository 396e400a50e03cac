"""The jobs behind the CLI commands, as library functions: the CLI only parses options and prints."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eventwire.fusion.engine import FusionSummary
from eventwire.pipeline import ArticleResult, Pipeline
from eventwire.records import Article, Rejection
from eventwire.store.base import RunStats, Store


@dataclass(frozen=True, slots=True)
class RunSummary:
    """Every input ends in exactly one of these: articles with events, articles without, rejections."""

    articles: int
    events: int  # events the articles report (mentions), before fusion
    no_event_articles: int
    rejections: tuple[Rejection, ...]  # those met by this process (a resumed run met only some)
    fusion: FusionSummary | None = None
    earlier_rejections: int = 0  # rejections in partitions stored before a resumed run
    resumed_partitions: int = 0  # partitions stored before, skipped by a resumed run
    failed_partitions: tuple[str, ...] = ()  # partitions that failed on every try: what happened

    @property
    def rejected(self) -> int:
        return len(self.rejections) + self.earlier_rejections

    @property
    def inputs(self) -> int:
        return self.articles + self.rejected

    def stats(self) -> RunStats:
        return RunStats(articles=self.articles, events=self.events,
                        no_event_articles=self.no_event_articles, rejections=self.rejected)


def run_into_store(items: Iterable[Article | Rejection], pipeline: Pipeline, store: Store,
                   on_result: Callable[[ArticleResult | Rejection], None] | None = None) -> RunSummary:
    """Ingest -> extract -> store -> fuse, idempotently (an article saved again replaces its own mentions;
    unchanged ones keep their events)."""
    articles = events = empty = 0
    rejections: list[Rejection] = []
    for result in pipeline.process(items):
        if isinstance(result, Rejection):
            store.save_rejection(result)
            rejections.append(result)
        else:
            store.save_article(result.article, result.events)
            articles += 1
            events += len(result.events)
            empty += not result.events
        if on_result is not None:
            on_result(result)
    # Fusion runs over stored mentions, so a run that stopped part-way is completed by the next one.
    fusion = store.fuse()
    return RunSummary(articles, events, empty, tuple(rejections), fusion)

