"""Linear heads over the features: softmax for a taxonomy, sigmoid per label for multi-label sets.

Inference is numpy only. Fitting uses scikit-learn's L-BFGS logistic regression (part of the
`[model]` extra), seeded, with balanced class weights because the rare ACLED sub-types (Other,
Protest with intervention) would otherwise never win.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Head:
    name: str
    labels: tuple[str, ...]
    kind: str  # "softmax" (one label of many) or "sigmoid" (each label yes/no)
    weights: np.ndarray  # (labels, features)
    bias: np.ndarray  # (labels,)
    cuts: tuple[float, ...] = ()  # sigmoid heads: the probability at which each label says yes

    def says(self, probs: np.ndarray) -> np.ndarray:
        """Yes/no per label for sigmoid probabilities (rows x labels)."""
        return probs >= np.array(self.cuts or [0.5] * len(self.labels))

    def proba(self, x: np.ndarray) -> np.ndarray:
        logits = x @ self.weights.T + self.bias
        if self.kind == "sigmoid":
            return 1.0 / (1.0 + np.exp(-np.clip(logits, -50.0, 50.0)))
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(axis=1, keepdims=True)


def fit_softmax(name: str, x: np.ndarray, y: Sequence[str], labels: Sequence[str], c: float, seed: int) -> Head:
    from sklearn.linear_model import LogisticRegression

    present = [lb for lb in labels if lb in set(y)]
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=seed)
    model.fit(x, np.array(y))
    order = {lb: n for n, lb in enumerate(model.classes_)}
    # labels with no training row get a weight row that never wins, so the head keeps its full vocabulary
    weights = np.zeros((len(labels), x.shape[1]), dtype=np.float32)
    bias = np.full(len(labels), -1e4, dtype=np.float32)
    coef = model.coef_ if len(present) > 2 else np.vstack([-model.coef_, model.coef_]) / 2
    icpt = model.intercept_ if len(present) > 2 else np.concatenate([-model.intercept_, model.intercept_]) / 2
    for n, lb in enumerate(labels):
        if lb in order:
            weights[n], bias[n] = coef[order[lb]], icpt[order[lb]]
    return Head(name, tuple(labels), "softmax", weights, bias)


def fit_sigmoid(name: str, x: np.ndarray, y: Sequence[tuple[str, ...]], labels: Sequence[str], c: float,
                seed: int, groups: Sequence[int]) -> Head:
    """One yes/no model per label; each label's cut is chosen by an inner cross-validation over
    `groups` (fold numbers of the training rows), so the cut is never fitted on the scored rows."""
    weights = np.zeros((len(labels), x.shape[1]), dtype=np.float32)
    bias = np.zeros(len(labels), dtype=np.float32)
    cuts = []
    inner = np.asarray(groups)
    for n, lb in enumerate(labels):
        target = np.array([lb in row for row in y], dtype=int)
        if target.min() == target.max():  # nothing to learn: a constant answer
            bias[n] = 1e4 if target[0] else -1e4
            cuts.append(0.5)
            continue
        scores = np.zeros(len(target))
        for g in np.unique(inner):
            if np.ptp(target[inner != g]):
                scores[inner == g] = _logistic(x[inner != g], target[inner != g], c, seed).predict_proba(
                    x[inner == g])[:, 1]
        cuts.append(_best_cut(scores, target))
        model = _logistic(x, target, c, seed)
        weights[n], bias[n] = model.coef_[0], model.intercept_[0]
    return Head(name, tuple(labels), "sigmoid", weights, bias, tuple(cuts))


def _logistic(x: np.ndarray, target: np.ndarray, c: float, seed: int) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=seed).fit(x, target)


def _best_cut(scores: np.ndarray, target: np.ndarray) -> float:
    best, best_f = 0.5, -1.0
    for cut in np.arange(0.2, 0.951, 0.05):
        said = scores >= cut
        tp = int(np.sum(said & (target == 1)))
        f = 2 * tp / (int(np.sum(said)) + int(np.sum(target))) if tp else 0.0
        if f > best_f:
            best, best_f = float(round(cut, 2)), f
    return best
