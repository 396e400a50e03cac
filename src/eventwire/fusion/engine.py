"""Incremental fusion: for each mention not yet fused, find the connected group of mentions it may belong
with (an indexed search by match class, dates and place, repeated from every mention reached), cluster that
group, and hand the resulting events to the store. Only groups that new mentions touch are rebuilt.

No group is ever cut short: every mention reached is clustered and written. Groups up to EXACT_LIMIT are
clustered exactly (average linkage, cubic); larger ones (a big city on a heavy night) by summaries
(fusion.large, near-linear). The search is made once per distinct (class, dates, place), not once per
mention, so a dense block costs one query."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Protocol

from eventwire.fusion.cluster import Pair, cluster, pair
from eventwire.fusion.features import MAX_SPAN_DAYS, THRESHOLD, MentionKey, PairScore, mention_key, score_pair
from eventwire.fusion.large import cluster_large
from eventwire.fusion.record import anchor_order, fuse_mentions
from eventwire.records import Event
from eventwire.records.fusion import FusionLink

EXACT_LIMIT = 150
# Candidate searches reach this far around a mention's dates; nearer the ends of the calendar the arithmetic
# would overflow (a report dated 0001-01-01), so such a mention is searched for as if undated.
_SEARCH_MARGIN = timedelta(days=MAX_SPAN_DAYS + 2)


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


@dataclass(slots=True)
class _Reads:
    """What one fusion pass has read and worked out, shared by its components (mentions do not change during
    a pass; only their events do). Emptied past CACHE_LIMIT mentions, so memory stays bounded."""

    seen: dict[str, Event] = field(default_factory=dict)
    keys: dict[str, MentionKey] = field(default_factory=dict)
    searches: dict[tuple[object, ...], list[str]] = field(default_factory=dict)  # candidate ids by block
    refused: set[tuple[tuple[object, ...], str]] = field(default_factory=set)  # (a profile, one it never reaches)

    def read(self, backend: FusionBackend, ids: Sequence[str]) -> None:
        for m in backend.mention_records([i for i in ids if i not in self.seen]):
            self.seen[m.id] = m
            self.keys[m.id] = mention_key(m)

    def add(self, event: Event) -> None:
        if event.id not in self.keys:
            self.seen[event.id] = event
            self.keys[event.id] = mention_key(event)

    def trim(self) -> None:
        if len(self.seen) > CACHE_LIMIT:
            self.seen.clear()
            self.keys.clear()
            self.searches.clear()
            self.refused.clear()


CACHE_LIMIT = 50_000


def fuse_pending(backend: FusionBackend, on_group: Callable[[int], None] | None = None) -> FusionSummary:
    done: set[str] = set()
    home: dict[str, str] = {}  # mention -> the event it ended in, so the summary counts each mention once
    reads = _Reads()
    for start in backend.pending_mentions():
        if start.id in done:
            continue
        reads.trim()
        members, keys, must = _component(backend, start, reads)
        done.update(members)
        ids = sorted(members)
        clusters, scores = _cluster(ids, keys, [p for p in must if p[0] in members and p[1] in members],
                                    backend.cannot_pairs(ids))
        fused = [fuse_mentions([members[i] for i in group], _links(group, scores)) for group in clusters]
        backend.write_component(ids, fused)
        home.update((m, event.id) for event, group in zip(fused, clusters, strict=True) for m in group)
        if on_group is not None:
            on_group(len(members))
    sizes = Counter(home.values())
    return FusionSummary(mentions=len(home), events=len(sizes), merged=sum(n for n in sizes.values() if n > 1))


def _cluster(ids: list[str], keys: dict[str, MentionKey], must: list[Pair],
             cannot: list[Pair]) -> tuple[list[tuple[str, ...]], dict[Pair, PairScore]]:
    if len(ids) > EXACT_LIMIT:
        return cluster_large(ids, keys, THRESHOLD, must=must, cannot=cannot)
    scores: dict[Pair, PairScore] = {}
    for n, a in enumerate(ids):
        for b in ids[n + 1:]:
            scored = score_pair(keys[a], keys[b])
            if scored is not None:
                scores[pair(a, b)] = scored
    return cluster(ids, {p: s.score for p, s in scores.items()}, THRESHOLD, must=must, cannot=cannot), scores


def _component(backend: FusionBackend, start: Event,
               reads: _Reads) -> tuple[dict[str, Event], dict[str, MentionKey], set[Pair]]:
    """Every mention reachable from `start` through pairs scored at or above the threshold (or linked by an
    analyst), their keys, and the analysts' must-link pairs among them."""
    reads.add(start)
    members: dict[str, Event] = {start.id: start}
    keys = reads.keys
    outside: dict[tuple[object, ...], list[str]] = {}  # per (block, profile), the candidates still to try
    must: set[Pair] = set()
    queue = [start.id]
    while queue:
        current = keys[queue.pop()]
        block = _search_block(current)
        if block not in reads.searches:
            # One search for the whole block: no id or article excluded, so any member may reuse it.
            reads.searches[block] = backend.candidate_ids(replace(current, id="", article_id="")) if _searchable(
                current) else []
            reads.read(backend, reads.searches[block])
        # Only candidates not yet members and not refused to this profile: the list shrinks as they join or
        # are refused, so a dense block is walked a few times, not once per member.
        profile = _profile(current)
        todo = (block, profile)
        outside[todo] = [o for o in outside.get(todo, reads.searches[block])
                         if o not in members and (profile, o) not in reads.refused]
        reached = []
        for other in outside[todo]:
            if other not in keys:
                continue
            scored = score_pair(current, keys[other])
            if scored is not None and scored.score >= THRESHOLD:
                reached.append(other)
            elif scored is None and _refusal_is_general(current, keys[other]):
                reads.refused.add((profile, other))
        analyst = backend.must_links(current.id)
        must.update(pair(current.id, other) for other in analyst)
        reads.read(backend, analyst)
        for other_id in reached + [i for i in analyst if i not in members and i in reads.seen]:
            if other_id not in members:
                members[other_id] = reads.seen[other_id]
                queue.append(other_id)
    return members, keys, must


def _profile(key: MentionKey) -> tuple[object, ...]:
    """Everything the hard rules of score_pair read, but the article and the words."""
    return (key.match_class, key.modality, key.start, key.end, key.precision, key.lat, key.lon,
            key.uncertainty_km, key.place_precision)


def _refusal_is_general(a: MentionKey, b: MentionKey) -> bool:
    """Whether score_pair's None for (a, b) holds for every mention of a's profile: not when it came from
    the shared article or, for loosely dated reports, from their words."""
    return a.article_id != b.article_id and a.start is not None and b.start is not None and (
        a.precision not in ("month", "year") and b.precision not in ("month", "year"))


def _search_block(key: MentionKey) -> tuple[object, ...]:
    return (key.match_class, key.start, key.end, key.lat, key.lon, key.uncertainty_km)


def _searchable(key: MentionKey) -> bool:
    """Dated within the calendar's reach: the store's search does day arithmetic around the dates."""
    if key.start is None or key.end is None:
        return True  # the store itself returns nothing for undated reports
    return date.min + _SEARCH_MARGIN <= key.start and key.end <= date.max - _SEARCH_MARGIN


def _links(group: Sequence[str], scores: dict[Pair, PairScore]) -> list[FusionLink]:
    """For each mention, its best-scoring partner in the group: why it is here (analyst links score 1)."""
    if len(group) < 2:
        return []
    members = set(group)
    best: dict[str, tuple[float, str, PairScore]] = {}
    for (a, b), scored in scores.items():
        if a in members and b in members:
            for mention, other in ((a, b), (b, a)):
                if mention not in best or (scored.score, other) > best[mention][:2]:
                    best[mention] = (scored.score, other, scored)
    links = []
    for mention in group:
        if mention in best:
            _, other, scored = best[mention]
            links.append(FusionLink(mention=mention, to=other, score=scored.score, features=scored.features))
        else:
            links.append(FusionLink(mention=mention, to=group[0], score=1.0, features=(), by="analyst"))
    return links


__all__ = ["EXACT_LIMIT", "FusionBackend", "FusionSummary", "anchor_order", "fuse_pending"]
