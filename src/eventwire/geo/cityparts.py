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
# Buildings and ways named by their last word ("Barclays Center", "Karl Bremer Hospital", "14th St.") or
# as "X of Y" ("University of Dhaka"). Only the last word counts for these: "Port Sudan" and "Hall Green"
# are towns.
_BUILDING_WORDS = {
    "centre", "center", "arena", "church", "chapel", "mosque", "temple", "synagogue", "basilica", "court",
    "courthouse", "university", "college", "school", "academy", "hall", "theatre", "theater", "palace",
    "embassy", "consulate", "library", "museum", "airport", "prison", "jail", "penitentiary", "cemetery",
    "graveyard", "road", "lane", "drive", "highway", "canal", "hotel", "inn", "restaurant", "office",
    "building", "tower", "plaza", "compound", "barracks", "clinic", "zoo", "gardens", "racecourse",
    "circuit", "refinery", "harbour", "harbor", "pier", "st.", "st", "ave", "ave.", "rd", "rd.", "blvd"}
_PART_WORDS = _BUILDING_WORDS | _LANDMARK_WORDS
_OF_WORDS = {"university", "palace", "museum", "church", "embassy", "cathedral", "basilica", "college"}
_ADJECTIVAL = re.compile(r"(?:skyi|sky|skiy|tskyi|ska|skyy)$", re.IGNORECASE)
_CITY_MIN_POPULATION = 50_000  # an oblast centre can be listed small (GeoNames gives Kherson 66,000)
_CITY_PART_KM = 30.0
_INSTITUTION_SENTENCES = 1  # an institution with no reading of its own: a town of its sentence or the one before
_INSTITUTION_WORDS = {"university", "college", "academy", "school", "embassy", "consulate", "office"}


def is_building_name(text: str) -> bool:
    """"Barclays Center", "Karl Bremer Hospital", "University of Dhaka": a building or way by its name."""
    words = text.split()
    if len(words) < 2:
        return False
    return words[-1].lower() in _PART_WORDS or (
        words[0].lower() in _OF_WORDS and words[1] == "of")


def _institution(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and (words[-1] in _INSTITUTION_WORDS or words[0] in _INSTITUTION_WORDS)


def _city_part_kind(f: Found) -> str | None:
    words = f.text.split()
    last = words[-1].lower() if words else ""
    if last in _DISTRICT_WORDS and len(words) > 1:
        return "district"
    if last in _LANDMARK_WORDS or (words and words[0].lower() in _LANDMARK_WORDS and len(words) > 1):
        return "landmark"
    if is_building_name(f.text):
        return "landmark"
    return None


def city_parts(resolved: list[tuple[Found, Candidate | None, str]]) -> list[tuple[Found, Candidate | None, str]]:
    """Districts and landmarks moved to the city the article names (`_their_city`), when their own
    reading is not in or near it: precision 1 for a district, 2 for a landmark."""
    towns = [(f, c) for f, c, _ in resolved if c is not None and f.kind in ("toponym", "metonym")
             and c.is_settlement and f.source != "part"
             and _city_part_kind(f) is None]
    cities = [(f, c) for f, c in towns if c.feature != "village" and c.population >= _CITY_MIN_POPULATION]
    if not towns:
        return resolved
    # Only a city of a country the article is about or names: a carmaker's home town (Toyota) named in a
    # report on British racing is no city for its circuits to be in.
    counts = Counter(c.country for f, c, _ in resolved if c is not None and c.country and _city_part_kind(f) is None)
    countries = {cc for cc, n in counts.items() if n == max(counts.values())} | {
        c.country for f, c, _ in resolved if c is not None and (c.feature == "country" or f.kind == "demonym")}
    owned = _owned_by_city(resolved, cities)
    out: list[tuple[Found, Candidate | None, str]] = []
    for f, c, why in resolved:
        owner = owned.get(f.lookup)
        if owner is not None and (c is None or haversine_km(c.lat, c.lon, owner.lat, owner.lon) > _CITY_PART_KM):
            out.append((replace(f, source="city-part"), replace(owner, precision=max(owner.precision, 2)),
                        f"a part of {owner.name}, as the text writes it {owner.name}'s"))
            continue
        kind = _city_part_kind(f)
        # "Madison County Detention Center": a building named after a region of the article's country is
        # that region's; "Falcon Street" in a report from London is no part of Falcón, Venezuela
        if kind is None or f.container or (c is not None and (
                c.feature == "continent" or c.is_region and c.country in countries)):
            out.append((f, c, why))
            continue
        # A part named after a town ("Dublin Veterans Park") stays in that town when the article names it
        # elsewhere too, whatever its size.
        beside = towns if f.source == "part" else cities
        near = c is not None and any(haversine_km(c.lat, c.lon, o.lat, o.lon) <= _CITY_PART_KM for _, o in beside)
        # "Pokrovsk district" is the raion named after the town Pokrovsk; "Kyivskyi district" is a city's.
        raion = kind == "district" and c is not None and not _ADJECTIVAL.search(f.lookup) and c.population > 0
        if near or raion:
            out.append((f, c, why))
            continue
        # A building with no reading of its own ("Westbrook Memorial Hospital" in a report on Ireland, where
        # Westbrook, Maine is no reading) may be in a town of any size.
        unread = c is None or c.country not in countries
        pool = cities
        if kind == "landmark" and unread:
            # An institution takes only a town named close by: "a professor at Cornell University" in a
            # report from Beijing is no part of Beijing.
            near_by = f.sent - _INSTITUTION_SENTENCES if _institution(f.text) else -1
            pool = [(o, t) for o, t in towns if o.sent >= near_by or o.text in f.text]
        found = _their_city(f, pool)
        if found is None or (found[0].country not in countries and not found[1]):
            out.append((f, c, why))
            continue
        city = found[0]
        prec = 1 if kind == "district" else 2
        out.append((replace(f, source="city-part"), replace(city, precision=max(city.precision, prec)),
                    f"a {kind} of {city.name}, the city the article names"))
    return out


_POSSESSIVE_CHARS = (2, 3)  # "London's Heathrow": the owner's end, "'s" and a space, then the part


def _owned_by_city(resolved: list[tuple[Found, Candidate | None, str]],
                   cities: list[tuple[Found, Candidate]]) -> dict[str, Candidate]:
    """Names a city owns in the text ("London's Heathrow", "Damascus's Eastern Ghouta"), by their lookup, with
    the city: each time the name comes back bare, or as the head of a longer one ("London's Heathrow Animal
    Reception Center", then "Heathrow"), it is that city's too."""
    out: dict[str, Candidate] = {}
    for o, city in cities:
        if not o.possessive:
            continue
        for f, _, _ in resolved:
            if f.start - o.end in _POSSESSIVE_CHARS and f.kind == "toponym" and f.level in ("any", "settlement"):
                words = f.lookup.split()
                for n in range(len(words), 0, -1):
                    out.setdefault(" ".join(words[:n]), city)
    return out


_NEXT_TO_CHARS = 4  # "X in Y", "X, Y": the city written right after its part


def _their_city(f: Found, pool: list[tuple[Found, Candidate]]) -> tuple[Candidate, bool] | None:
    """The city a part belongs to, and whether the text puts it there outright: the city written right
    after it ("Bambino Gesu Hospital in Rome") or within its name, else the nearest in its sentence, else
    the latest named in the sentences before. A city named only in later sentences is no evidence."""
    after = [c for o, c in pool if 0 <= o.start - f.end <= _NEXT_TO_CHARS]
    if after:
        return after[0], True
    named = [c for o, c in pool if o.text in f.text]  # "East Bank Middle School", East Bank named elsewhere
    if named:
        return named[0], True
    same = sorted((abs(o.start - f.start), i) for i, (o, _) in enumerate(pool) if o.sent == f.sent)
    if same:
        return pool[same[0][1]][1], False
    before = [c for o, c in pool if o.sent < f.sent]
    return (before[-1], False) if before else None
