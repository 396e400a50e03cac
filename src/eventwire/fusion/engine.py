"""Incremental fusion: for each mention not yet fused, find the connected group of mentions it may belong
with (an indexed search by type family, dates and place, repeated from every mention reached), cluster that
group, and hand the resulting events to the store. Only groups that new mentions touch are rebuilt."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from eventwire.fusion.cluster import Pair, cluster, pair
from eventwire.fusion.features import THRESHOLD, MentionKey, PairScore, mention_key, score_pair
from eventwire.fusion.record import anchor_order, fuse_mentions
from eventwire.records import Event
from eventwire.records.fusion import FusionLink

# A group stops growing at this size (average linkage is cubic in it); the mentions left out start groups
# of their own. It only happens when hundreds of reports share a day, place and type family.
_MAX_EXACT = 150


class FusionBackend(Protocol):
    """What fusion needs from a store; the SQL store (SQLite and PostgreSQL) implements it."""

    def pending_mentions(self) -> list[Event]: ...
    def candidate_ids(self, key: MentionKey) -> list[str]: ...
    def must_links(self, mention_id: str) -> list[str]: ...
    def mention_records(self, ids: Sequence[str]) -> list[Event]: ...
    def cannot_pairs(self, ids: Sequence[str]) -> list[Pair]: ...
    def write_component(self, mention_ids: Sequence[str], events: Sequence[Event]) -> None: ...


@dataclass(frozen=True, slots=True)
class FusionSummary:
    mentions: int  # mentions (re)fused in this pass
    events: int  # events written for them
    merged: int  # mentions that joined an event with another mention


def fuse_pending(backend: FusionBackend, on_group: Callable[[int], None] | None = None) -> FusionSummary:
    done: set[str] = set()
    mentions = events = merged = 0
    for start in backend.pending_mentions():
        if start.id in done:
            continue
        members, scores, must = _component(backend, start)
        done.update(members)
        clusters = cluster(sorted(members), {p: s.score for p, s in scores.items()}, THRESHOLD,
                           must=[p for p in must if p[0] in members and p[1] in members],
                           cannot=backend.cannot_pairs(sorted(members)))
        fused = [fuse_mentions([members[i] for i in group], _links(group, scores)) for group in clusters]
        backend.write_component(sorted(members), fused)
        mentions += len(members)
        events += len(fused)
        merged += sum(len(g) for g in clusters if len(g) > 1)
        if on_group is not None:
            on_group(len(members))
    return FusionSummary(mentions=mentions, events=events, merged=merged)


def _component(backend: FusionBackend,
               start: Event) -> tuple[dict[str, Event], dict[Pair, PairScore], set[Pair]]:
    """Every mention reachable from `start` through pairs scored at or above the threshold (or linked by an
    analyst), with the scores of all candidate pairs among them and the analysts' must-link pairs."""
    members: dict[str, Event] = {start.id: start}
    keys: dict[str, MentionKey] = {start.id: mention_key(start)}
    scores: dict[Pair, PairScore] = {}
    queue = [start.id]
    seen: dict[str, Event] = {start.id: start}  # every mention read so far, so each is parsed once
    must: set[Pair] = set()
    while queue:
        current = keys[queue.pop()]
        candidates = backend.candidate_ids(current)
        seen.update((m.id, m) for m in backend.mention_records([i for i in candidates if i not in seen]))
        reached: list[str] = []
        for other_id in candidates:
            if other_id not in keys:
                keys[other_id] = mention_key(seen[other_id])
            key = pair(current.id, other_id)
            scored = scores.get(key) or score_pair(current, keys[other_id])
            if scored is None:
                continue
            scores[key] = scored
            if scored.score >= THRESHOLD:
                reached.append(other_id)
        analyst = backend.must_links(current.id)
        must.update(pair(current.id, other) for other in analyst)
        linked = [i for i in analyst if i not in members]
        seen.update((m.id, m) for m in backend.mention_records([i for i in linked if i not in seen]))
        for other_id in reached + linked:
            if other_id not in members and other_id in seen and len(members) < _MAX_EXACT:
                members[other_id] = seen[other_id]
                keys.setdefault(other_id, mention_key(seen[other_id]))
                queue.append(other_id)
    return members, scores, must


def _links(group: Sequence[str], scores: dict[Pair, PairScore]) -> list[FusionLink]:
    """For each mention, its best-scoring partner in the group: why it is here (analyst links score 1)."""
    if len(group) < 2:
        return []
    links = []
    for mention in group:
        partners = [(scores[pair(mention, o)], o) for o in group if o != mention and pair(mention, o) in scores]
        if partners:
            best, other = max(partners, key=lambda p: (p[0].score, p[1]))
            links.append(FusionLink(mention=mention, to=other, score=best.score, features=best.features))
        else:
            links.append(FusionLink(mention=mention, to=group[0], score=1.0, features=(), by="analyst"))
    return links


__all__ = ["FusionBackend", "FusionSummary", "anchor_order", "fuse_pending"]
