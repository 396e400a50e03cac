"""`eventwire eval negatives`: conflict events found in news that has none (BBC News by topic).

For each topic, the share of articles yielding any ACLED-typed event at or above the classifier's
threshold (events kept but flagged low-confidence do not count), beside the share yielding any
ACLED-typed event at all (what the rules alone would print). Sport, business, entertainment and
tech stories should yield almost none; politics may hold real ones.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from typing import Any

from eventwire.errors import UsageError
from eventwire.pipeline import ArticleResult, open_pipeline
from eventwire.records import Article

QUIET_TOPICS = ("sport", "business", "entertainment", "tech")


@dataclass(frozen=True, slots=True)
class TopicCount:
    articles: int
    confident: int  # articles with a conflict event above the threshold
    any_event: int  # articles with a conflict event, flagged or not

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "confident": self.confident, "any_event": self.any_event,
                "confident_share": round(self.confident / (self.articles or 1), 4),
                "any_event_share": round(self.any_event / (self.articles or 1), 4)}


@dataclass(frozen=True, slots=True)
class NegativesReport:
    topics: dict[str, TopicCount]
    classifier: bool
    threshold: float | None

    def quiet_share(self) -> float:
        quiet = [self.topics[t] for t in QUIET_TOPICS if t in self.topics]
        return sum(c.confident for c in quiet) / (sum(c.articles for c in quiet) or 1)

    def table(self) -> str:
        how = f"classifier threshold {self.threshold:.2f}" if self.classifier else "rules only (no classifier)"
        lines = [f"BBC News: articles yielding a conflict event ({how})",
                 f"  {'topic':<14} {'articles':>8} {'above threshold':>16} {'any event':>10}"]
        for topic, c in sorted(self.topics.items()):
            lines.append(f"  {topic:<14} {c.articles:8d} {c.confident / (c.articles or 1):16.1%} "
                         f"{c.any_event / (c.articles or 1):10.1%}")
        lines.append(f"  sport+business+entertainment+tech above threshold: {self.quiet_share():.1%}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"classifier": self.classifier, "threshold": self.threshold,
                "quiet_topics_share": round(self.quiet_share(), 4),
                "topics": {t: c.to_dict() for t, c in self.topics.items()}}


def evaluate_negatives(data: Path, limit: int | None = None, gazetteer_path: Path | None = None) -> NegativesReport:
    from eventwire.ingest import read_file

    topic_of = _topics(data)
    if not topic_of:
        raise UsageError(f"no article with a 'topic' in {data}; point --data at bbc-news.jsonl")
    keep = _balanced(topic_of, limit)
    articles = [a for a in read_file(str(data)) if isinstance(a, Article) and a.id in keep]
    pipeline = open_pipeline(gazetteer_path)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for result in pipeline.process(articles):
        if not isinstance(result, ArticleResult):
            continue
        conflict = [e for e in result.events if e.event_type is not None]
        row = counts[topic_of[result.article.id]]
        row[0] += 1
        row[1] += any(not e.low_confidence for e in conflict)
        row[2] += bool(conflict)
    reader = pipeline.detector or pipeline.classifier  # the detector's threshold when it reads the sentences
    return NegativesReport({t: TopicCount(*c) for t, c in counts.items()}, reader is not None,
                           reader.threshold if reader else None)


def _topics(data: Path) -> dict[str, str]:
    out = {}
    with data.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line) if line.strip() else {}
            if rec.get("id") and rec.get("topic"):
                out[str(rec["id"])] = str(rec["topic"])
    return out


def _balanced(topic_of: dict[str, str], limit: int | None) -> set[str]:
    """With --limit, the first articles of each topic in turn, so every topic is measured."""
    if not limit:
        return set(topic_of)
    by_topic: dict[str, list[str]] = defaultdict(list)
    for article_id, topic in topic_of.items():
        by_topic[topic].append(article_id)
    order = [i for group in zip_longest(*by_topic.values()) for i in group if i is not None]
    return set(order[:limit])
