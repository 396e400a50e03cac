"""Cutting a stream of inputs into numbered partitions, each with a fingerprint of what it holds."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from eventwire.records import Article, Rejection

Item = Article | Rejection
DEFAULT_SIZE = 32  # inputs per partition: small enough to spread work evenly, big enough for spaCy's batches


@dataclass(frozen=True, slots=True)
class Partition:
    index: int  # position in the run's inputs; the same inputs always give the same partitions
    key: str  # changes when any item of the partition changes, so a resumed run redoes only changed ones
    items: tuple[Item, ...]


def partition(items: Iterable[Item], size: int = DEFAULT_SIZE) -> Iterator[Partition]:
    """Consecutive partitions of `size` items, lazily (inputs larger than memory stream through)."""
    if size < 1:
        raise ValueError("a partition holds at least one item")
    it = iter(items)
    index = 0
    while chunk := tuple(islice(it, size)):
        yield Partition(index, fingerprint(chunk), chunk)
        index += 1


def fingerprint(items: Iterable[Item]) -> str:
    digest = hashlib.sha256()
    for item in items:
        if isinstance(item, Article):
            parts = [item.id, item.origin, item.title or "", item.published.isoformat() if item.published else "",
                     item.url or "", item.source or "", item.text]
        else:
            parts = ["rejected", item.input, item.code, item.reason]
        digest.update("\x1f".join(parts).encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()[:32]
