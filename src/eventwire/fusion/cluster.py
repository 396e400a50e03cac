"""Group mentions into events: average-linkage clustering over pair scores, with analysts' constraints.

The result depends only on the set of mentions and their scores, never on the order they arrived, so
fusing articles one by one gives what fusing them all at once gives. Mentions with no pair scored above
the threshold never meet, so clustering each connected component separately is the same as clustering
everything together; that is what makes incremental fusion cheap."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

Pair = tuple[str, str]


def pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def cluster(ids: Sequence[str], scores: Mapping[Pair, float], threshold: float,
            must: Iterable[Pair] = (), cannot: Iterable[Pair] = ()) -> list[tuple[str, ...]]:
    """Merge the two groups with the highest average pair score (unscored pairs count 0) until none reaches
    `threshold`. `must` pairs start in one group (and that group links by its best pair); groups holding a
    `cannot` pair never merge. Ties go to the alphabetically first groups, so the result is deterministic."""
    forbidden = {pair(a, b) for a, b in cannot}
    groups: list[frozenset[str]] = must_groups(sorted(set(ids)), must)
    vouched = [len(g) > 1 for g in groups]  # an analyst said these are one event
    # Linkage between live groups, updated after each merge (Lance-Williams) rather than recomputed.
    link = {(i, j): _linkage(groups[i], groups[j], scores, vouched[i] or vouched[j])
            for i in range(len(groups)) for j in range(i + 1, len(groups))}
    live = set(range(len(groups)))
    while True:
        mergeable = [(value, i, j) for (i, j), value in link.items()
                     if value >= threshold and not _forbidden(groups[i], groups[j], forbidden)]
        if not mergeable:
            break
        top = max(value for value, _, _ in mergeable)
        # The highest linkage; among equals, the alphabetically first groups (tie-break only among those).
        _, i, j = min(((_tie_break(groups[i], groups[j]), i, j) for value, i, j in mergeable if value == top))
        groups.append(groups[i] | groups[j])
        vouched.append(vouched[i] or vouched[j])
        new = len(groups) - 1
        live -= {i, j}
        for k in live:
            if vouched[new] or vouched[k]:
                link[(k, new)] = _linkage(groups[k], groups[new], scores, True)
            else:
                size_i, size_j = len(groups[i]), len(groups[j])
                link[(k, new)] = (link[_key(k, i)] * size_i + link[_key(k, j)] * size_j) / (size_i + size_j)
        live.add(new)
        link = {key: v for key, v in link.items() if key[0] in live and key[1] in live}
    return sorted((tuple(sorted(groups[k])) for k in live), key=lambda g: g[0])


def _key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _tie_break(a: frozenset[str], b: frozenset[str]) -> tuple[str, str]:
    return (min(a), min(b)) if min(a) < min(b) else (min(b), min(a))


def must_groups(ids: list[str], must: Iterable[Pair]) -> list[frozenset[str]]:
    parent = {i: i for i in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in must:
        if a in parent and b in parent:
            ra, rb = root(a), root(b)
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = {}
    for i in ids:
        groups.setdefault(root(i), set()).add(i)
    return sorted((frozenset(g) for g in groups.values()), key=min)


def _linkage(a: frozenset[str], b: frozenset[str], scores: Mapping[Pair, float], vouched: bool) -> float:
    """Average pair score; but a report that matches any mention of an analyst-merged event matches the
    event (the analyst vouched that its mentions are one), so there the best pair counts."""
    values = [scores.get(pair(x, y), 0.0) for x in a for y in b]
    if vouched:
        return max(values)
    return sum(values) / len(values)


def _forbidden(a: frozenset[str], b: frozenset[str], forbidden: set[Pair]) -> bool:
    return bool(forbidden) and any(pair(x, y) in forbidden for x in a for y in b)
