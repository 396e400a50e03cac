"""Events dated after their article's publication: the full pipeline over dated articles (Reuters 1987).

A news article reports what has happened; an event it asserts cannot have happened after it was
published. Dates after publication are only right for what the text says is to come (planned,
demanded, threatened, hypothetical). Each other one is a violation: a time expression read wrongly
("next week" taken for a past event, a fiscal year, a forecast's year) or a forecast coded as an
event. The suite counts them and lists them so that they can be read.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from eventwire.errors import UsageError
from eventwire.records import Article, Event

FORWARD_MODALITIES = frozenset({"planned", "demanded", "threatened", "hypothetical"})
SHOWN = 40  # violations printed by table(); to_dict() keeps them all


@dataclass(frozen=True, slots=True)
class Violation:
    """An event not marked as yet to come, dated after the article that reports it."""

    article_id: str
    published: str
    event_type: str | None
    modality: str
    start: str
    end: str
    date_text: str | None
    rule: str | None
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class FutureDatesReport:
    articles: int
    dated_articles: int
    events: int
    after_publication: int  # any modality
    after_by_modality: tuple[tuple[str, int], ...]
    violations: tuple[Violation, ...]
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {"suite": "future-dates", "articles": self.articles, "dated_articles": self.dated_articles,
                "events": self.events, "after_publication": self.after_publication,
                "after_by_modality": dict(self.after_by_modality),
                "violation_count": len(self.violations), "seconds": round(self.seconds, 1),
                "articles_per_second": round(self.articles / self.seconds, 1) if self.seconds else 0.0,
                "violations": [v.to_dict() for v in self.violations]}

    def table(self) -> str:
        by_modality = ", ".join(f"{m} {n}" for m, n in self.after_by_modality) or "none"
        rate = self.articles / self.seconds if self.seconds else 0.0
        lines = [f"future dates: {self.articles} articles ({self.dated_articles} with a publication date), "
                 f"{self.events} events, {self.seconds:.1f} s ({rate:.1f} articles/s)",
                 f"  dated after publication: {self.after_publication} ({by_modality})",
                 f"  violations (not planned/demanded/threatened/hypothetical): {len(self.violations)}"]
        for v in self.violations[:SHOWN]:
            lines.append(f"  - {v.article_id} (published {v.published}) {v.event_type or '(verbal)'} "
                         f"[{v.modality}] dated {v.start}..{v.end} from {v.date_text!r}")
            lines.append(f"      rule: {v.rule}")
            lines.append(f"      evidence: {v.evidence[:200]}")
        if len(self.violations) > SHOWN:
            lines.append(f"  … {len(self.violations) - SHOWN} more (--json lists them all)")
        return "\n".join(lines)


def after_publication(event: Event, published: date) -> bool:
    return event.date is not None and event.date.start > published


def violation_of(event: Event, article: Article, published: date) -> Violation | None:
    """The event as a violation when it is dated after publication without looking forward."""
    if event.date is None or not after_publication(event, published) or event.modality in FORWARD_MODALITIES:
        return None
    evidence = event.evidence[0].text if event.evidence else ""
    return Violation(article.id, published.isoformat(), event.event_type, event.modality,
                     event.date.start.isoformat(), event.date.end.isoformat(), event.date.text,
                     event.date.rule, " ".join(evidence.split()))


def _published(article: Article) -> date | None:
    day = article.published
    return day.date() if isinstance(day, datetime) else day


def _articles(path: Path, limit: int | None) -> Iterator[Article]:
    from eventwire.ingest import read_file

    items: Iterable[object] = read_file(str(path))
    articles = (item for item in items if isinstance(item, Article))
    return islice(articles, limit) if limit is not None else articles


def evaluate_future_dates(data: Path, limit: int | None = None,
                          gazetteer_path: Path | None = None) -> FutureDatesReport:
    """Run the full pipeline on the articles in `data` (JSONL with published dates) and count events dated
    after their article's publication, by modality, listing the ones not marked as yet to come."""
    from eventwire.pipeline import ArticleResult, open_pipeline

    if not Path(data).is_file():
        raise UsageError(f"{data} is not a file; point --data at an article JSONL such as reuters-21578.jsonl")
    if limit is not None and limit <= 0:
        raise UsageError("--limit must be a positive number of articles")
    pipeline = open_pipeline(gazetteer_path)
    started = time.monotonic()
    articles = dated = events = after = 0
    modalities: Counter[str] = Counter()
    violations: list[Violation] = []
    for result in pipeline.process(_articles(Path(data), limit)):
        if not isinstance(result, ArticleResult):
            continue
        articles += 1
        published = _published(result.article)
        if published is None:
            events += len(result.events)
            continue
        dated += 1
        for event in result.events:
            events += 1
            if after_publication(event, published):
                after += 1
                modalities[event.modality] += 1
            found = violation_of(event, result.article, published)
            if found is not None:
                violations.append(found)
    return FutureDatesReport(articles, dated, events, after, tuple(sorted(modalities.items())),
                             tuple(violations), time.monotonic() - started)
