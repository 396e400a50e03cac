"""Parts of a city: its districts ("the Kyivskyi district", "Saltivka neighbourhood") and landmarks
("Independence Square", "Central Station"). In an article that names a city, they are that city's,
whatever namesake a gazetteer has for their words abroad."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from eventwire.geo.found import Found
from eventwire.geo.gazetteer import Candidate
from eventwire.geo.rows import haversine_km

_DISTRICT_WORDS = {"district", "neighbourhood", "neighborhood", "microdistrict", "quarter", "borough"}
_LANDMARK_WORDS = {"square", "street", "avenue", "boulevard", "park", "market", "bridge", "station", "stadium",
                   "cathedral", "monastery", "embankment", "metro", "mall", "hospital", "prospekt", "maidan"}
_ADJECTIVAL = re.compile(r"(?:skyi|sky|skiy|tskyi|ska|skyy)$", re.IGNORECASE)
_CITY_MIN_POPULATION = 50_000  # an oblast centre can be listed small (GeoNames gives Kherson 66,000)
_CITY_PART_KM = 30.0


def _city_part_kind(f: Found) -> str | None:
    words = f.text.split()
    last = words[-1].lower() if words else ""
    if last in _DISTRICT_WORDS and len(words) > 1:
        return "district"
    if last in _LANDMARK_WORDS or (words and words[0].lower() in _LANDMARK_WORDS and len(words) > 1):
        return "landmark"
    return None


def city_parts(resolved: list[tuple[Found, Candidate | None, str]]) -> list[tuple[Found, Candidate | None, str]]:
    """Districts and landmarks moved to the city the article names (the latest named before them, else the
    first), when their own reading is not in or near it: precision 1 for a district, 2 for a landmark."""
    cities = [(f.sent, c) for f, c, _ in resolved if c is not None and f.kind in ("toponym", "metonym")
              and c.feature in ("city", "capital", "town") and c.population >= _CITY_MIN_POPULATION
              and f.source != "part" and _city_part_kind(f) is None]
    if not cities:
        return resolved
    # Only a city of a country the article is about or names: a carmaker's home town (Toyota) named in a
    # report on British racing is no city for its circuits to be in.
    counts = Counter(c.country for _, c, _ in resolved if c is not None and c.country)
    countries = {cc for cc, n in counts.items() if n == max(counts.values())} | {
        c.country for f, c, _ in resolved if c is not None and (c.feature == "country" or f.kind == "demonym")}
    out = []
    for f, c, why in resolved:
        kind = _city_part_kind(f)
        if kind is None or f.container or (c is not None and c.feature in ("country", "admin1", "continent")):
            out.append((f, c, why))
            continue
        near = c is not None and any(haversine_km(c.lat, c.lon, o.lat, o.lon) <= _CITY_PART_KM for _, o in cities)
        # "Pokrovsk district" is the raion named after the town Pokrovsk; "Kyivskyi district" is a city's.
        raion = kind == "district" and c is not None and not _ADJECTIVAL.search(f.lookup) and c.population > 0
        if near or raion:
            out.append((f, c, why))
            continue
        # The latest city named up to the mention's sentence; one named only after it is no evidence.
        around = [city for sent, city in cities if sent <= f.sent]
        if not around:
            out.append((f, c, why))
            continue
        city = around[-1]
        if city.country not in countries:
            out.append((f, c, why))
            continue
        prec = 1 if kind == "district" else 2
        out.append((replace(f, source="city-part"), replace(city, precision=max(city.precision, prec)),
                    f"a {kind} of {city.name}, the city the article names"))
    return out
