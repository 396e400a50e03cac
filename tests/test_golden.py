"""Golden tests on real articles: the project's own examples (expected events in tests/golden/) and
the seed article against its hand-coded gold reading in ../shared/data.

When extraction changes on purpose, regenerate with `UPDATE_GOLDEN=1 pytest tests/test_golden.py`: the file is
rewritten and the test fails, printing the diff to review; the next run (without UPDATE_GOLDEN) passes.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

from eventwire.evaluate.gold import check_gold, load_gold
from eventwire.ingest import read_inputs
from eventwire.pipeline import ArticleResult
from eventwire.records import Article, Event
from tests.conftest import EXAMPLES, SEED, need_shared

GOLDEN = Path(__file__).parent / "golden" / "examples.jsonl"


def projection(event: Event, title: str | None) -> dict[str, object]:
    """The fields a reviewer checks, in a stable, readable order."""
    loc = event.location.place if event.location else None
    return {
        "article": title,
        "type": event.sub_event_type or (event.plover.type if event.plover else None),
        "plover": event.plover.type if event.plover else None,
        "modality": event.modality,
        "date": [event.date.start.isoformat(), event.date.end.isoformat(), event.date.precision]
        if event.date else None,
        "place": [loc.name, loc.country, loc.precision] if loc else None,
        "actor1": event.actor1.name if event.actor1 else None,
        "attribution": [event.attribution.status, event.attribution.source],
        "fatalities": event.fatalities,
        "injuries": event.injuries,
        "evidence": event.evidence[0].text[:80],
    }


def test_examples_match_golden_events(pipeline) -> None:
    articles = [a for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)]
    lines = []
    for result in pipeline.process(articles):
        assert isinstance(result, ArticleResult)
        lines += [json.dumps(projection(e, result.article.title), ensure_ascii=False) for e in result.events]
    expected = GOLDEN.read_text(encoding="utf-8").splitlines() if GOLDEN.is_file() else []
    diff = "\n".join(difflib.unified_diff(expected, lines, "golden", "now", lineterm=""))
    if os.environ.get("UPDATE_GOLDEN"):
        # Writing the file never passes the test: a rewrite is a change someone must look at.
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
        raise AssertionError(f"UPDATE_GOLDEN: rewrote {GOLDEN.name}; review this diff, then run without "
                             f"UPDATE_GOLDEN:\n{diff or '(no change)'}")
    assert lines == expected, f"events changed (UPDATE_GOLDEN=1 to accept):\n{diff}"


def test_seed_article_yields_every_gold_event(pipeline) -> None:
    gold = load_gold(need_shared(SEED.with_suffix("").with_suffix(".gold.json")))
    articles = [a for a in read_inputs([str(SEED)]) if isinstance(a, Article)]
    events = [e for r in pipeline.process(articles) if isinstance(r, ArticleResult) for e in r.events]
    report = check_gold(gold, events)
    assert report.passed, report.table()
