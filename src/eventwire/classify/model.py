"""The trained classifier: heads + manifest, saved as `heads.npz` + `manifest.json`.

`Classifier.predict` turns sentences into per-head label probabilities. Loading is explicit
(`load_classifier`) and done once by the pipeline; nothing happens at import time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from eventwire.classify.embed import Embedder, load_embedder
from eventwire.classify.features import EmbeddingCache, features
from eventwire.classify.heads import Head
from eventwire.classify.labels import NONE

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "classifier"


@dataclass(frozen=True, slots=True)
class Prediction:
    """One sentence's reading by every head: label -> probability."""

    scores: dict[str, dict[str, float]]
    said: dict[str, frozenset[str]]  # sigmoid heads: the labels past their cut


    def top(self, head: str, some_event: bool = False) -> tuple[str, float]:
        """The most likely label; with `some_event`, the most likely type given that there is an event."""
        scores = {k: v for k, v in self.scores[head].items() if not (some_event and k == NONE)}
        label = max(scores, key=scores.__getitem__)
        return label, scores[label]

    def event_probability(self, head: str) -> float:
        """How likely the sentence reports any event of this taxonomy (1 - P(none))."""
        return 1.0 - self.scores[head].get(NONE, 0.0)


class SentenceReader(Protocol):
    """What event extraction needs of a classifier: predictions for sentences, and the threshold."""

    @property
    def threshold(self) -> float: ...

    def predict(self, texts: Sequence[str]) -> list[Prediction]: ...


@dataclass(frozen=True)
class Classifier:
    embedder: Embedder
    heads: dict[str, Head]
    manifest: dict[str, Any]

    @property
    def threshold(self) -> float:
        """Event confidence below this is flagged low-confidence (chosen by cross-validation)."""
        return float(self.manifest.get("threshold", 0.5))

    def predict(self, texts: Sequence[str], cache: EmbeddingCache | None = None) -> list[Prediction]:
        if not texts:
            return []
        return predict_rows(self.heads, features(self.embedder, texts, cache))


class Prefetched:
    """A classifier that answers from sentences read ahead in one batch: the pipeline embeds every
    trigger sentence of a batch of articles in one call, which is much cheaper than one call per article."""

    def __init__(self, classifier: Classifier) -> None:
        self.classifier = classifier
        self._known: dict[str, Prediction] = {}

    @property
    def threshold(self) -> float:
        return self.classifier.threshold

    def prefetch(self, texts: Sequence[str]) -> None:
        todo = list(dict.fromkeys(t for t in texts if t not in self._known))
        self._known.update(zip(todo, self.classifier.predict(todo), strict=True))

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        self.prefetch(texts)
        return [self._known[t] for t in texts]

    def clear(self) -> None:
        self._known.clear()


def predict_rows(heads: dict[str, Head], x: np.ndarray) -> list[Prediction]:
    probs = {name: head.proba(x) for name, head in heads.items()}
    said = {name: heads[name].says(p) for name, p in probs.items() if heads[name].kind == "sigmoid"}
    return [Prediction({name: dict(zip(heads[name].labels, map(float, p[row]), strict=True))
                        for name, p in probs.items()},
                       {name: frozenset(lb for lb, yes in zip(heads[name].labels, s[row], strict=True) if yes)
                        for name, s in said.items()})
            for row in range(x.shape[0])]


def save_heads(folder: Path, heads: dict[str, Head], manifest: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {}
    for name, head in heads.items():
        arrays[f"{name}.weights"] = head.weights.astype(np.float16)  # halves the file; no change in the labels
        arrays[f"{name}.bias"] = head.bias.astype(np.float32)
    np.savez_compressed(folder / "heads.npz", **arrays)  # type: ignore[arg-type]
    manifest = {**manifest, "heads": {n: {"labels": list(h.labels), "kind": h.kind, "cuts": list(h.cuts)}
                                      for n, h in heads.items()}}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def load_heads(folder: Path) -> tuple[dict[str, Head], dict[str, Any]]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    heads = {}
    with np.load(folder / "heads.npz") as npz:
        for name, spec in manifest["heads"].items():
            heads[name] = Head(name, tuple(spec["labels"]), spec["kind"],
                               npz[f"{name}.weights"].astype(np.float32), npz[f"{name}.bias"],
                               tuple(spec.get("cuts", ())))
    return heads, manifest


def load_classifier(folder: Path | None = None) -> Classifier | None:
    """The shipped classifier, or None when the `[model]` extra or the weights are missing
    (the rules then work alone)."""
    folder = folder or MODEL_DIR
    if not (folder / "manifest.json").exists():
        return None
    embedder = load_embedder()
    if embedder is None:
        return None
    heads, manifest = load_heads(folder)
    return Classifier(embedder, heads, manifest)
