"""Fit the heads, cross-validate them, pick the abstention threshold, write the model folder.

Folds are drawn by `group` (a CASE snippet, an IndiaPoliceEvents document, one own example) with
a fixed seed, so a fold's model never saw any row of that fold, and reruns give the same folds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.classify.data import (
    DataFile,
    Example,
    file_record,
    own_files,
    read_source,
    shared_sources,
)
from eventwire.classify.embed import Embedder
from eventwire.classify.features import EmbeddingCache, features
from eventwire.classify.heads import Head, fit_sigmoid, fit_softmax
from eventwire.classify.labels import ACLED_LABELS, NONE, PLOVER_LABELS, POLICE_LABELS
from eventwire.classify.model import Classifier, Prediction, predict_rows

SEED = 20211
FOLDS = 5
C_SOFTMAX = 1.0  # chosen by 5-fold CV on CASE 2021 (1, 10, 100 tried)
C_SIGMOID = 10.0  # chosen by 5-fold CV on IndiaPoliceEvents (1, 10 tried)


@dataclass(frozen=True, slots=True)
class TrainingSet:
    examples: list[Example]
    files: list[DataFile]


def training_set(shared: Path | None) -> TrainingSet:
    """The project's own examples plus the shared dev halves that are present."""
    examples: list[Example] = []
    files: list[DataFile] = []
    sources = [(p.stem, p) for p in own_files()]  # *.jsonl only: the README is not data
    sources += list(shared_sources(shared).items()) if shared else []
    for name, path in sources:
        rows = read_source(name, path)
        examples += rows
        data_file = path / "sents.jsonl" if path.is_dir() else path
        files.append(file_record(data_file, len(rows)))
    return TrainingSet(examples, files)


ALL_HEADS = frozenset({"acled", "plover", "police"})


def fit_heads(x: np.ndarray, examples: Sequence[Example], seed: int = SEED,
              only: frozenset[str] = ALL_HEADS) -> dict[str, Head]:
    """The heads are independent given the features, so an evaluation may fit only the one it scores."""
    heads: dict[str, Head] = {}
    acled = [n for n, e in enumerate(examples) if e.acled is not None and "acled" in only]
    if acled:
        heads["acled"] = fit_softmax("acled", x[acled], [examples[n].acled or NONE for n in acled],
                                     ACLED_LABELS, C_SOFTMAX, seed)
    plover = [n for n, e in enumerate(examples) if e.plover is not None and "plover" in only]
    if plover:
        heads["plover"] = fit_softmax("plover", x[plover], [examples[n].plover or NONE for n in plover],
                                      PLOVER_LABELS, C_SOFTMAX, seed)
    police = [n for n, e in enumerate(examples) if e.police is not None and "police" in only]
    if police:
        inner = [fold_of(examples[n].group, 3, seed + 1) for n in police]
        heads["police"] = fit_sigmoid("police", x[police], [examples[n].police or () for n in police],
                                      POLICE_LABELS, C_SIGMOID, seed, inner)
    return heads


def fold_of(group: str, folds: int = FOLDS, seed: int = SEED) -> int:
    digest = hashlib.sha256(f"{seed}\x1f{group}".encode()).digest()
    return int.from_bytes(digest[:4], "little") % folds


def cross_validate(embedder: Embedder, examples: Sequence[Example], cache: EmbeddingCache | None = None,
                   folds: int = FOLDS, seed: int = SEED, only: frozenset[str] = ALL_HEADS) -> list[Prediction]:
    """Out-of-fold predictions: row n is scored by the model trained without n's fold."""
    x = features(embedder, [e.text for e in examples], cache)
    fold = np.array([fold_of(e.group, folds, seed) for e in examples])
    out: list[Prediction | None] = [None] * len(examples)
    for k in range(folds):
        train = np.flatnonzero(fold != k)
        heads = fit_heads(x[train], [examples[int(n)] for n in train], seed, only)
        test = np.flatnonzero(fold == k)
        for n, pred in zip(test, predict_rows(heads, x[test]), strict=True):
            out[n] = pred
    return [p for p in out if p is not None]


def choose_threshold(examples: Sequence[Example], predictions: Sequence[Prediction]) -> float:
    """The event-probability cut with the best F1 for 'an ACLED event' vs 'none' on out-of-fold scores."""
    pairs = [(p.event_probability("acled"), e.acled != NONE) for e, p in zip(examples, predictions, strict=True)
             if e.acled is not None]
    best, best_f = 0.5, -1.0
    for cut in np.arange(0.05, 0.96, 0.01):
        tp = sum(1 for s, g in pairs if s >= cut and g)
        fp = sum(1 for s, g in pairs if s >= cut and not g)
        fn = sum(1 for s, g in pairs if s < cut and g)
        f = 2 * tp / (2 * tp + fn + fp) if tp else 0.0
        if f > best_f + 1e-9:
            best, best_f = float(round(cut, 2)), f
    return best


def train(embedder: Embedder, data: TrainingSet, cache: EmbeddingCache | None = None,
          seed: int = SEED) -> tuple[Classifier, dict[str, Any]]:
    """Fit on everything; the threshold comes from the cross-validated scores."""
    oof = cross_validate(embedder, data.examples, cache, seed=seed, only=frozenset({"acled"}))
    threshold = choose_threshold(data.examples, oof)
    x = features(embedder, [e.text for e in data.examples], cache)
    heads = fit_heads(x, data.examples, seed)
    manifest: dict[str, Any] = {
        "format": "eventwire.classifier/1", "embedder": embedder.name, "seed": seed, "folds": FOLDS,
        "c_softmax": C_SOFTMAX, "c_sigmoid": C_SIGMOID, "threshold": threshold,
        "data": [asdict(f) for f in data.files],
    }
    return Classifier(embedder, heads, manifest), {"oof": oof}
