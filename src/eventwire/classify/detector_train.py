"""Fit the detector: the screen (hashed words) and the heads (e5 vector + hashed words).

Data: every `data/training/*.jsonl` (the project's own sentences, any language), the CASE 2021 and
PLOVER dev halves, and plain sentences of Reuters-21578 business news as negatives (kept only when
no conflict word occurs in them, so that the 1987 Gulf war reports do not pass as "none"). Folds are
drawn by group with a fixed seed; the screen's cut and the event threshold come from out-of-fold
scores, so neither is fitted on the rows it is chosen by.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.classify.data import DataFile, Example, file_record, own_files, read_source, shared_sources
from eventwire.classify.detector import Detector, detections, features, hashed_words
from eventwire.classify.features import EmbeddingCache
from eventwire.classify.heads import Head, fit_softmax
from eventwire.classify.labels import ACLED_LABELS, NONE, PLOVER_LABELS
from eventwire.classify.train import fold_of

SEED = 20241
FOLDS = 5
C_HEADS = 4.0
C_SCREEN = 4.0
SCREEN_RECALL = 0.985  # the share of event sentences the screen must pass (out of fold)
REUTERS_NEGATIVES = 1500
CONFLICT = re.compile(
    r"\b(kill|dead|death|die|attack|war|troop|army|military|bomb|shell|missile|rocket|fight|clash|soldier|"
    r"rebel|guerr|strike|protest|police|arrest|gun|shot|shoot|fire|explo|wound|injur|iran|iraq|gulf|"
    r"raid|hostage|riot|terror|forces|navy|ship|tanker|violen|demonstr|march|seiz|captur)", re.I)


def own_examples() -> tuple[list[Example], list[DataFile]]:
    examples: list[Example] = []
    files: list[DataFile] = []
    for path in own_files():
        rows = read_source(path.stem, path)
        examples += rows
        files.append(file_record(path, len(rows)))
    return examples, files


def reuters_negatives(path: Path, limit: int = REUTERS_NEGATIVES) -> list[Example]:
    """Sentences of 1987 business wires with no conflict word: ordinary 'no event' news."""
    out: list[Example] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            text = json.loads(line).get("text") or ""
            for k, sent in enumerate(re.split(r"(?<=[.!?])\s+", " ".join(text.split()))):
                words = len(sent.split())
                if 6 <= words <= 60 and not CONFLICT.search(sent) and k < 4:
                    out.append(Example(sent, "reuters", f"reuters:{n}", acled=NONE, plover=NONE))
            if len(out) >= limit:
                return out[:limit]
    return out


def detector_data(shared: Path | None) -> tuple[list[Example], list[DataFile]]:
    examples, files = own_examples()
    for name, path in (shared_sources(shared) if shared else {}).items():
        if name == "india-police":  # police labels say nothing about ACLED or PLOVER types
            continue
        rows = read_source(name, path)
        examples += rows
        files.append(file_record(path, len(rows)))
    reuters = shared / "bench" / "reuters-21578.jsonl" if shared else None
    if reuters is not None and reuters.exists():
        rows = reuters_negatives(reuters)
        examples += rows
        files.append(DataFile(f"{reuters.name} (negatives)", len(rows), file_record(reuters, 0).sha256))
    return examples, files


def is_event(e: Example) -> bool:
    return (e.acled not in (None, NONE)) or (e.plover not in (None, NONE))


def fit_all(x: np.ndarray, examples: Sequence[Example], seed: int = SEED) -> tuple[Head, dict[str, Head]]:
    hashed = x[:, -hashed_words([""]).shape[1]:]
    screen = fit_softmax("screen", hashed, ["yes" if is_event(e) else "no" for e in examples], ("no", "yes"),
                         C_SCREEN, seed)
    heads: dict[str, Head] = {}
    acled = [n for n, e in enumerate(examples) if e.acled is not None]
    heads["acled"] = fit_softmax("acled", x[acled], [examples[n].acled or NONE for n in acled], ACLED_LABELS,
                                 C_HEADS, seed)
    plover = [n for n, e in enumerate(examples) if e.plover is not None]
    if plover:
        heads["plover"] = fit_softmax("plover", x[plover], [examples[n].plover or NONE for n in plover],
                                      PLOVER_LABELS, C_HEADS, seed)
    return screen, heads


def out_of_fold(x: np.ndarray, examples: Sequence[Example], seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold screen scores and P(event) per row."""
    fold = np.array([fold_of(e.group, FOLDS, seed) for e in examples])
    screen_p = np.zeros(len(examples))
    event_p = np.zeros(len(examples))
    for k in range(FOLDS):
        train, test = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        screen, heads = fit_all(x[train], [examples[int(n)] for n in train], seed)
        screen_p[test] = screen.proba(x[test][:, -screen.weights.shape[1]:])[:, 1]
        event_p[test] = [d.probability for d in detections(heads, x[test], 0.5)]
    return screen_p, event_p


def choose_cuts(examples: Sequence[Example], screen_p: np.ndarray, event_p: np.ndarray) -> tuple[float, float]:
    gold = np.array([is_event(e) for e in examples])
    ranked = np.sort(screen_p[gold])
    screen_cut = float(ranked[int((1 - SCREEN_RECALL) * len(ranked))]) if len(ranked) else 0.0
    best, best_f = 0.5, -1.0
    for cut in np.arange(0.1, 0.91, 0.02):
        said = (event_p >= cut) & (screen_p >= screen_cut)
        tp = int(np.sum(said & gold))
        f = 2 * tp / (int(np.sum(said)) + int(np.sum(gold))) if tp else 0.0
        if f > best_f:
            best, best_f = float(round(cut, 2)), f
    return round(screen_cut, 4), best


def train_detector(encoder: Any, examples: Sequence[Example], files: Sequence[DataFile],
                   cache: EmbeddingCache | None) -> tuple[Detector, dict[str, Any]]:
    texts = [e.text for e in examples]
    vecs = cache.embed(encoder, texts) if cache else encoder.embed(texts)
    x = features(vecs, texts)
    screen_p, event_p = out_of_fold(x, examples)
    screen_cut, threshold = choose_cuts(examples, screen_p, event_p)
    screen, heads = fit_all(x, examples)
    gold = np.array([is_event(e) for e in examples])
    said = event_p >= threshold
    report = {"rows": len(examples), "event_rows": int(gold.sum()),
              "screen_recall_oof": float(np.mean(screen_p[gold] >= screen_cut)),
              "screen_pass_none_oof": float(np.mean(screen_p[~gold] >= screen_cut)),
              "detect_recall_oof": float(np.mean(event_p[gold] >= threshold)),
              "detect_precision_oof": float(np.sum(gold & said)) / max(1, int(np.sum(said)))}
    manifest: dict[str, Any] = {"format": "eventwire.detector/1", "encoder": encoder.name, "seed": SEED,
                                "folds": FOLDS, "c_heads": C_HEADS, "c_screen": C_SCREEN,
                                "screen_cut": screen_cut, "threshold": threshold,
                                "out_of_fold": {k: round(v, 4) for k, v in report.items()},
                                "data": [asdict(f) for f in files]}
    return Detector(encoder, screen, heads, manifest), report
