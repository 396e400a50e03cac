"""Clustering a large group (hundreds of reports of one place and day) by summaries, in near-linear time.

Exact average linkage (fusion.cluster) is cubic in the group's size; a big city on a heavy night gives
groups of thousands. Here each report, in anchor order (earliest publication first), is compared with a
summary of every event formed so far: a few of its mentions, the first ones (what named the event) and the
latest ones (where it has drifted). It joins the event whose summary links best at or above the threshold,
by average score (by best score where an analyst vouched for either side), or starts a new one. The cost is
reports x events x sample size, so it stays near-linear while a dense block holds few distinct events.
The result depends only on the set of mentions (the order is the anchor order), never on arrival order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from eventwire.fusion.cluster import Pair, must_groups, pair
from eventwire.fusion.features import MentionKey, PairScore, score_pair

SAMPLE = 8  # mentions of an event its summary scores against (half first, half latest)


def cluster_large(ids: Sequence[str], keys: Mapping[str, MentionKey], threshold: float,
                  must: Iterable[Pair] = (), cannot: Iterable[Pair] = ()
                  ) -> tuple[list[tuple[str, ...]], dict[Pair, PairScore]]:
    """Groups of mention ids (each sorted, sorted by first id) and every pair score computed on the way."""
    forbidden: dict[str, set[str]] = {}
    for a, b in cannot:
        forbidden.setdefault(a, set()).add(b)
        forbidden.setdefault(b, set()).add(a)
    units = sorted(must_groups(sorted(set(ids)), must), key=lambda u: min(_anchor(keys[m]) for m in u))
    events: list[list[str]] = []
    vouched: list[bool] = []
    scores: dict[Pair, PairScore] = {}
    for unit in units:
        members = sorted(unit, key=lambda m: _anchor(keys[m]))
        best: tuple[float, int] | None = None
        for index, event in enumerate(events):
            if _forbids(members, event, forbidden):
                continue
            link = _linkage(members[:SAMPLE], _summary(event), keys, scores, vouched[index] or len(members) > 1)
            if link >= threshold and (best is None or link > best[0]):
                best = (link, index)
        if best is None:
            events.append(members)
            vouched.append(len(members) > 1)
        else:
            events[best[1]].extend(members)
            vouched[best[1]] = vouched[best[1]] or len(members) > 1
    return sorted((tuple(sorted(e)) for e in events), key=lambda g: g[0]), scores


def _anchor(key: MentionKey) -> tuple[str, str]:
    """As fusion.record.anchor_order, from the key: earliest publication first, then id."""
    return (key.published or "9999", key.id)


def _summary(event: list[str]) -> list[str]:
    if len(event) <= SAMPLE:
        return event
    return event[: SAMPLE // 2] + event[-(SAMPLE // 2):]


def _linkage(unit: Sequence[str], summary: Sequence[str], keys: Mapping[str, MentionKey],
             scores: dict[Pair, PairScore], vouched: bool) -> float:
    values = []
    for x in unit:
        for y in summary:
            key = pair(x, y)
            scored = scores.get(key) or score_pair(keys[x], keys[y])
            if scored is not None:
                scores[key] = scored
            values.append(scored.score if scored is not None else 0.0)
    return max(values) if vouched else sum(values) / len(values)


def _forbids(unit: Sequence[str], event: Sequence[str], forbidden: Mapping[str, set[str]]) -> bool:
    if not forbidden:
        return False
    barred = set().union(*(forbidden.get(m, set()) for m in unit))
    return bool(barred) and any(m in barred for m in event)
