"""Linear heads over the features: softmax for a taxonomy, sigmoid per label for multi-label sets.

Inference is numpy only. Fitting uses scikit-learn's L-BFGS logistic regression (part of the
`[model]` extra), seeded, with balanced class weights because the rare ACLED sub-types (Other,
Protest with intervention) would otherwise never win.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Head:
    name: str
    labels: tuple[str, ...]
    kind: str  # "softmax" (one label of many) or "sigmoid" (each label yes/no)
    weights: np.ndarray  # (labels, features)
    bias: np.ndarray  # (labels,)

    def proba(self, x: np.ndarray) -> np.ndarray:
        logits = x @ self.weights.T + self.bias
        if self.kind == "sigmoid":
            return 1.0 / (1.0 + np.exp(-logits))
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
                seed: int) -> Head:
    from sklearn.linear_model import LogisticRegression

    weights = np.zeros((len(labels), x.shape[1]), dtype=np.float32)
    bias = np.zeros(len(labels), dtype=np.float32)
    for n, lb in enumerate(labels):
        target = np.array([lb in row for row in y], dtype=int)
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=seed)
        model.fit(x, target)
        weights[n], bias[n] = model.coef_[0], model.intercept_[0]
    return Head(name, tuple(labels), "sigmoid", weights, bias)
