"""The future-dates suite: events dated after their article's publication, through the real pipeline."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventwire.evaluate.future_dates import evaluate_future_dates, violation_of
from eventwire.pipeline import ArticleResult
from eventwire.records import Article
from tests.conftest import SHARED_DATA, need_shared

PUB = "1987-03-02"  # a Monday
ARTICLES = [
    ("t-1", "Rebels attacked the town of Jalalabad on Sunday, killing four soldiers, officials said."),
    ("t-2", "Rebel commanders threatened to attack the town of Jalalabad next week."),
    ("t-3", "Students plan to protest in Manila next Monday against the new law."),
]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": i, "title": i, "published": PUB, "text": t}) + "\n"
                            for i, t in ARTICLES), encoding="utf-8")
    return path


def test_forward_events_are_counted_but_not_violations(tmp_path: Path, gazetteer_path: Path) -> None:
    report = evaluate_future_dates(_write(tmp_path), gazetteer_path=gazetteer_path)
    assert (report.articles, report.dated_articles) == (3, 3)
    assert report.events >= 3
    assert dict(report.after_by_modality) == {"planned": 1, "threatened": 1}
    assert report.violations == ()
    summary = report.to_dict()
    assert summary["violation_count"] == 0 and summary["after_publication"] == 2
    assert "violations (not planned" in report.table()


def test_an_asserted_event_after_publication_is_a_violation(tmp_path: Path, pipeline) -> None:
    article = Article(id="t-1", text=ARTICLES[0][1], title="t-1", published=date(1987, 3, 2))
    [result] = [r for r in pipeline.process([article]) if isinstance(r, ArticleResult)]
    event = result.events[0]
    assert event.date is not None and event.modality == "asserted"
    assert event.date.start == date(1987, 3, 1)  # "on Sunday": the day before a Monday's article
    assert violation_of(event, article, article.published) is None
    late = replace(event, date=replace(event.date, start=date(1987, 3, 3), end=date(1987, 3, 3)))
    found = violation_of(late, article, article.published)
    assert found is not None and (found.article_id, found.start, found.modality) == ("t-1", "1987-03-03",
                                                                                       "asserted")
    assert "Jalalabad" in found.evidence
    assert violation_of(replace(late, modality="planned"), article, article.published) is None
    assert violation_of(late, article, article.published + timedelta(days=1)) is None


def test_cli_lists_the_suite_figures(tmp_path: Path, cli) -> None:
    proc = cli("eval", "future-dates", "--data", str(_write(tmp_path)), "--limit", "2", "--json")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert (summary["articles"], summary["violation_count"]) == (2, 0)


# Measured on the first 3,000 Reuters-21578 articles (1987): 241 events, 5 dated after publication (4
# planned), 1 violation: "the five are likely to begin talks tomorrow" (reuters-219), rightly dated
# tomorrow but given modality "asserted" by extraction. Since the detector's article gate (2026-11-30):
# 101 events, 1 after publication (planned), 0 violations; the gate drops PLOVER-only political records in
# articles with no conflict content (0 ACLED-typed events lost on the first 800). A ceiling: fewer is
# better. On all 19,043
# articles: 2,014 events, 39 after publication (25 planned, 2 hypothetical), 12 violations, each a
# scheduled meeting, summit or strike ("next week's Venice summit") rightly dated but coded "asserted".
REUTERS_LIMIT = 3000
REUTERS_MAX_VIOLATIONS = 1


@pytest.mark.slow
def test_reuters_events_are_not_dated_after_publication(gazetteer_path: Path) -> None:
    data = need_shared(SHARED_DATA / "bench" / "reuters-21578.jsonl")
    report = evaluate_future_dates(data, limit=REUTERS_LIMIT, gazetteer_path=gazetteer_path)
    print(report.table())
    assert report.articles == REUTERS_LIMIT and report.events > 60
    assert len(report.violations) <= REUTERS_MAX_VIOLATIONS, report.table()
