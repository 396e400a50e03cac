"""The pipeline's hook: English articles go on to the spaCy path (None), Ukrainian and Russian ones
are read here, anything else becomes a Rejection that says which language it is."""

from __future__ import annotations

import os

from eventwire.errors import REJECT_EXTRACT, REJECT_LANGUAGE
from eventwire.geo.gazetteer import Gazetteer
from eventwire.lang.identify import SUPPORTED, identify, unsupported_reason
from eventwire.lang.typing_rules import Detections, DetectorTyper, SentenceTyper
from eventwire.records import Article, Rejection
from eventwire.records.result import ArticleResult


def route(article: Article, gazetteer: Gazetteer, detector: Detections | None = None
          ) -> ArticleResult | Rejection | None:
    """None for English; an ArticleResult for Ukrainian and Russian; a Rejection for other languages."""
    language = identify(article.text, article.language)
    if language == "en":
        return None
    if language not in SUPPORTED:
        return Rejection(article.origin or article.id, "ingest", REJECT_LANGUAGE, unsupported_reason(language))
    from eventwire.lang.layer import read_article
    try:
        events, places, times = read_article(article, language, gazetteer, shared_typer(detector))
    except Exception as exc:  # noqa: BLE001 - one article's bug must not end the batch
        return Rejection(article.origin or article.id, "extract", REJECT_EXTRACT,
                         f"extraction failed ({type(exc).__name__}: {exc}); please report this article")
    return ArticleResult(article, tuple(events), tuple(places), tuple(times))


def shared_typer(detector: Detections | None) -> SentenceTyper | None:
    """The shared multilingual detector behind the SentenceTyper interface, when the pipeline has one;
    None leaves the rules to type Ukrainian and Russian sentences alone. EVENTWIRE_LANG_DETECTOR=off
    keeps the rules alone even then (to measure what the detector adds)."""
    if detector is None or os.environ.get("EVENTWIRE_LANG_DETECTOR", "").lower() in ("off", "0", "rules"):
        return None
    return DetectorTyper(detector)
