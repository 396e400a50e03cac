"""Features for the heads: a MiniLM sentence vector beside hashed word uni- and bigrams.

The embedding carries meaning ("troops took the town" ~ "forces captured the village"); the hashed
words keep the exact terms codebooks hinge on (grenade, chlorine, landmine) that a 384-d vector
blurs. Embeddings of training texts are cached on disk by text hash, so retraining and
cross-validation embed each text once.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from eventwire.classify.embed import Embedder

HASH_DIM = 1 << 12
WORD = re.compile(r"[a-z][a-z'-]*|\d+")


def hashed_words(texts: Sequence[str], dim: int = HASH_DIM, word: re.Pattern[str] = WORD) -> np.ndarray:
    """L2-normalised counts of lowercased words and word pairs (as `word` finds them), hashed into `dim`
    buckets. The classifier's weights were fitted with the defaults; the detector passes its own."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for row, text in enumerate(texts):
        words = word.findall(text.lower())
        grams = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        for g in grams:
            out[row, _bucket(g, dim)] += 1.0
        norm = float(np.linalg.norm(out[row]))
        if norm:
            out[row] /= norm
    return out


def _bucket(gram: str, dim: int) -> int:
    # a stable hash (Python's hash() is salted per process, which would break saved weights)
    return int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "little") % dim


def features(embedder: Embedder, texts: Sequence[str], cache: EmbeddingCache | None = None) -> np.ndarray:
    vecs = cache.embed(embedder, texts) if cache else embedder.embed(texts)
    return np.hstack([vecs, hashed_words(texts)])


class EmbeddingCache:
    """text sha1 -> vector, one .npz per embedder under `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def embed(self, embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
        path = self.folder / f"{embedder.name}.npz"
        known = self._load(path)
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in known))
        if missing:
            todo = {k: t for k, t in zip(keys, texts, strict=True) if k in set(missing)}
            vecs = embedder.embed([todo[k] for k in missing])
            known = {**self._load(path), **known, **dict(zip(missing, vecs, strict=True))}  # another run may have added
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.npz")
            np.savez(tmp, keys=np.array(list(known)), vecs=np.stack(list(known.values())))
            os.replace(tmp, path)
        return np.stack([known[k] for k in keys]) if keys else np.zeros((0, embedder.dim), np.float32)


    @staticmethod
    def _load(path: Path) -> dict[str, np.ndarray]:
        if not path.exists():
            return {}
        with np.load(path) as npz:
            return dict(zip(npz["keys"].tolist(), npz["vecs"], strict=True))


def default_cache() -> EmbeddingCache:
    root = os.environ.get("EVENTWIRE_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "eventwire")
    return EmbeddingCache(Path(root))
