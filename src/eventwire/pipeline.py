"""The per-article pipeline: Article in, events (plus place and time mentions) out.

Everything heavy (the spaCy pipeline, the gazetteer) is opened once by `Pipeline` and passed in;
`process` never raises for one bad article: it yields a Rejection for it and goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc

from eventwire.classify.detector import Detector
from eventwire.classify.model import Classifier, Prefetched
from eventwire.errors import REJECT_EXTRACT
from eventwire.extract.detect import find_triggers
from eventwire.extract.events import extract_events
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.resolve import places_for_doc
from eventwire.nlp import parse
from eventwire.records import Article, Rejection
from eventwire.records.result import ArticleResult
from eventwire.timex.tagger import tag_times


class Pipeline:
    """Holds the loaded resources; `process` maps articles to results in input order."""

    def __init__(self, gazetteer: Gazetteer, batch_size: int = 16, classifier: Classifier | None = None,
                 detector: Detector | None = None) -> None:
        self.gazetteer = gazetteer
        self.batch_size = batch_size
        self.classifier = classifier  # None: the rules type events alone
        self.detector = detector  # reads every sentence; when set, the classifier is not used

    def process(self, items: Iterable[Article | Rejection]) -> Iterator[ArticleResult | Rejection]:
        """Articles become results; Rejections from ingest pass straight through, so each input is
        accounted for exactly once downstream."""
        it = iter(items)
        while chunk := list(islice(it, self.batch_size)):
            yield from (item for item in chunk if isinstance(item, Rejection))
            articles = [item for item in chunk if isinstance(item, Article)]
            if articles:
                yield from self._process_batch(articles)

    def _process_batch(self, batch: list[Article]) -> Iterator[ArticleResult | Rejection]:
        from eventwire.lang.route import route  # Ukrainian/Russian go to the lang layer, others are rejected
        routed = [route(a, self.gazetteer, self.detector) for a in batch]
        english = self._english([a for a, r in zip(batch, routed, strict=True) if r is None])
        for result in routed:  # in input order
            yield result if result is not None else next(english)

    def _english(self, batch: list[Article]) -> Iterator[ArticleResult | Rejection]:
        docs = list(parse((a.text for a in batch), batch_size=self.batch_size))
        reader = self._read_ahead(docs)
        for article, doc in zip(batch, docs, strict=True):
            try:
                places = places_for_doc(doc, article.id, self.gazetteer, article.url)
                times = tag_times(article.text, article.published, article.id)
                events = extract_events(doc, article, places, times, reader, self.detector)
            except Exception as exc:  # noqa: BLE001 - one article's bug must not end the batch
                yield Rejection(article.origin or article.id, "extract", REJECT_EXTRACT,
                                f"extraction failed ({type(exc).__name__}: {exc}); please report this article")
                continue
            yield ArticleResult(article, tuple(events), tuple(places), tuple(times))


    def _read_ahead(self, docs: list[Doc]) -> Prefetched | None:
        """Every trigger sentence of the batch, classified in one call (None without a classifier).
        With a detector, its screened sentences of the whole batch are embedded in one call instead."""
        if self.detector is not None:
            self._read_ahead_detector(docs)
            return None
        if self.classifier is None:
            return None
        reader = Prefetched(self.classifier)
        try:
            reader.prefetch([d[t.i].sent.text.strip() for d in docs for t in find_triggers(d)])
        except Exception:  # noqa: BLE001 - a failure here is retried per article, where it is reported
            reader.clear()
        return reader


    def _read_ahead_detector(self, docs: list[Doc]) -> None:
        assert self.detector is not None
        self.detector.clear()  # the cache holds one batch: memory stays flat on long runs
        docs = [d for d in docs if self.detector.reads_article([s.text for s in d.sents])]
        triggered = {(n, d[t.i].sent.start) for n, d in enumerate(docs) for t in find_triggers(d)}
        chosen = [s.text for n, d in enumerate(docs) for s in d.sents if (n, s.start) in triggered]
        others = [s.text for n, d in enumerate(docs) for s in d.sents if (n, s.start) not in triggered]
        try:
            self.detector.predict(chosen, screen=False)
            self.detector.predict(others)
        except Exception:  # noqa: BLE001 - a failure here is retried per article, where it is reported
            self.detector.clear()


def open_pipeline(gazetteer_path: Path | None = None) -> Pipeline:
    """Load the gazetteer (building it on first use) and the event classifier, and return a Pipeline;
    the spaCy model loads lazily on the first article, once per process. EVENTWIRE_CLASSIFIER=off
    (or a missing `[model]` extra) leaves typing to the rules; =classifier uses the older MiniLM
    classifier on trigger sentences instead of the sentence detector."""
    from eventwire.classify.detector import load_detector
    from eventwire.classify.model import load_classifier
    from eventwire.geo.build import ensure_gazetteer

    mode = os.environ.get("EVENTWIRE_CLASSIFIER", "").lower()
    detector = None if mode in ("off", "0", "rules", "classifier") else load_detector()
    classifier = None if mode in ("off", "0", "rules") or detector is not None else load_classifier()
    return Pipeline(Gazetteer.open(ensure_gazetteer(gazetteer_path)), classifier=classifier, detector=detector)
