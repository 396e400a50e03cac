"""Which readings of an article's names fit together: "Richmond" and "Madison County" in one local story
are Richmond, Kentucky and Madison County, Kentucky, because only those two lie together, although the
largest Richmond is in Virginia.

Each candidate of a name gets support from every other name of the article that has a candidate in the
same place: the first-level region it lies in (for "Ohio"), the county that holds it, or a settlement
nearby. A name that fits several readings of another (a Springfield near each of several Franklins) is
weak evidence for any one of them, so its support is divided by the square root of how many it fits.
A name is no support for itself ("Dublin City" lies wherever "Dublin" does), and a reading backs less when
the name more likely means a place abroad (see `_transplant_weight`). The support is computed on the
candidates, not on choices already made, so two ambiguous names can settle each other.
"""

from __future__ import annotations

import math
from collections import defaultdict

from eventwire.geo.gazetteer import SETTLEMENT_FEATURES, Candidate
from eventwire.geo.names import nested
from eventwire.geo.namesakes import prior
from eventwire.geo.rows import haversine_km

NEAR_KM = 40.0
_CELL = 0.5  # degrees; candidates within NEAR_KM lie in the same or a neighbouring cell (away from poles)


def _cell(c: Candidate) -> tuple[int, int]:
    return math.floor(c.lat / _CELL), math.floor(c.lon / _CELL)


def _fits(c: Candidate, other: Candidate) -> bool:
    """`c` and `other` lie in one place: one holds the other, or both are settlements close together."""
    if c.feature in SETTLEMENT_FEATURES and other.feature in SETTLEMENT_FEATURES:
        return haversine_km(c.lat, c.lon, other.lat, other.lon) <= NEAR_KM
    if c.feature == "admin2" and other.feature == "admin2":  # counties of one state, listed together
        return bool(c.admin1_code) and c.admin1_code == other.admin1_code and c.id != other.id
    for inner, outer in ((c, other), (other, c)):
        if inner.feature in SETTLEMENT_FEATURES and outer.feature == "admin1":
            return bool(inner.admin1_code) and inner.admin1_code == outer.admin1_code
        if inner.feature in (*SETTLEMENT_FEATURES, "admin2") and outer.feature == "admin2" and inner.id != outer.id:
            # a town in the county, or just across its line from the county's middle (Augusta, Georgia,
            # beside Columbia County)
            if inner.admin1_code != outer.admin1_code:
                return False
            return inner.admin2 == outer.admin2 or (
                inner.is_settlement and haversine_km(inner.lat, inner.lon, outer.lat, outer.lon) <= NEAR_KM)
        if inner.feature == "admin2" and outer.feature == "admin1":
            return inner.admin1_code == outer.admin1_code
    return False


_TRANSPLANT_FLOOR = 0.5


def _transplant_weight(o: Candidate, best: Candidate) -> float:
    """How much a reading `o` of another name backs what lies beside it: fully, unless the name's likeliest
    reading is in another country, as for the names settlers took with them (Manchester and Colchester,
    Connecticut, beside each other as their English originals are not). Then it backs as much as it is
    likely against that reading, down to a half: a transplanted pair is weaker evidence than two names
    that lie together only there. `best` is the likeliest town or region of the name: a country that bears
    it (Georgia) is no original that a state took its name from."""
    if best.country == o.country:
        return 1.0
    return max(_TRANSPLANT_FLOOR, math.exp(min(0.0, prior(o) - prior(best))))


def support(names: dict[str, list[Candidate]]) -> dict[tuple[str, int], float]:
    """(name key, candidate id) -> support from the article's other names (0 when none: left out)."""
    by_cell: dict[tuple[int, int], list[tuple[str, Candidate]]] = defaultdict(list)
    by_admin1: dict[str, list[tuple[str, Candidate]]] = defaultdict(list)
    for key, cands in names.items():
        for c in cands:
            if c.feature in ("country", "continent"):
                continue
            by_cell[_cell(c)].append((key, c))
            if c.admin1_code:
                by_admin1[c.admin1_code].append((key, c))
    best = {key: max(own, key=prior) for key, cands in names.items()
            if (own := [c for c in cands if c.feature not in ("country", "continent")])}
    weight = {(key, c.id): _transplant_weight(c, best[key]) for key, cands in names.items() if key in best
              for c in cands}
    backed: dict[tuple[str, int], dict[str, float]] = {}
    for key, cands in names.items():
        for c in cands:
            if c.feature in ("country", "continent"):
                continue
            row, col = _cell(c)
            near = [o for dr in (-1, 0, 1) for dc in (-1, 0, 1) for o in by_cell.get((row + dr, col + dc), [])]
            pool = near + (by_admin1.get(c.admin1_code, []) if c.admin1_code else [])
            # Not a name inside this one or around it: "Dublin City Council" lies wherever "Dublin" does,
            # so it is no evidence for which Dublin the article means.
            backers: dict[str, float] = {}
            for other_key, o in pool:
                if not nested(other_key, key) and _fits(c, o):
                    backers[other_key] = max(weight[(other_key, o.id)], backers.get(other_key, 0.0))
            if backers:
                backed[(key, c.id)] = backers
    # How many of a name's readings each other name backs: backing one of them is telling, backing many
    # (a Springfield near each of several Franklins) is not.
    spread: dict[tuple[str, str], int] = defaultdict(int)
    for (key, _), backers in backed.items():
        for other in backers:
            spread[(key, other)] += 1
    # "Kharkiv" is the city and the region around it: every place of the region backs the region, which says
    # nothing about which of the two the name means, so a region holding a settlement of its own name gets
    # no co-location support.
    held = {(key, c.admin1_code) for key, cands in names.items() for c in cands if c.feature in SETTLEMENT_FEATURES}
    regions = {(key, c.id) for key, cands in names.items() for c in cands
               if c.feature == "admin1" and (key, c.admin1_code) in held}
    return {(key, cid): sum(w / math.sqrt(spread[(key, other)]) for other, w in backers.items())
            for (key, cid), backers in backed.items() if (key, cid) not in regions}
