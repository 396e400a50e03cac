"""Raions (districts) named as containers: "Rubizhne village, Chuhuiv district", "Andriivka (Izium raion)",
"Kamianka in the Izium district".

A raion is named after its centre town; the centre's KATOTTG code gives the raion's code (its first six
characters, "UA6314"), and a namesake village whose own code starts with it lies in that raion. Rows
without a KATOTTG code (GeoNames-only) count as inside when they lie near the centre.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.geo.gazetteer import Candidate, Gazetteer
from eventwire.geo.regions import region_alias
from eventwire.geo.rows import haversine_km

_AFTER = re.compile(
    r"^(?:\s+(?:village|town|settlement|urban-type\s+settlement))?"
    r"(?:\s*,\s*|\s*\(\s*|\s+(?:in|of)\s+(?:the\s+)?)"
    r"([A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)?)\s+(?:district|raion|rayon)\b")
# ACLED's own form: "Kurdiumivka (Bakhmut, Donetsk)", the raion by its centre, then the oblast
_NAME = r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)?"
PAIR = re.compile(rf"^\s*\(\s*({_NAME})(?:\s+(?:raion|rayon|district))?\s*,\s*({_NAME})"
                  r"(?:\s+(?:oblast|region|province))?\s*\)")
_PREFIX = "katottg:"
_RAION_CODE_LEN = 6  # "UA" + oblast (2) + raion (2)
# A raion since the 2020 reform spans up to ~60-80 km from its centre.
_NEAR_CENTRE_KM = 70.0
_CENTRE_FEATURES = ("city", "town", "capital", "admin1_capital", "settlement")


@dataclass(frozen=True, slots=True)
class Raion:
    code: str  # KATOTTG raion prefix, "UA6314"
    lat: float  # the centre town
    lon: float


def _code(c: Candidate) -> str | None:
    gid = c.gazetteer_id or ""
    if not gid.startswith(_PREFIX):
        return None
    return gid[len(_PREFIX):len(_PREFIX) + _RAION_CODE_LEN]


def raion_after(text: str, end: int, gazetteer: Gazetteer) -> Raion | None:
    """The raion named right after a place ending at `end`, by its centre town, if the gazetteer has it."""
    m = _AFTER.match(text[end:end + 60])
    oblast = None
    if m is None:
        m = PAIR.match(text[end:end + 80])
        oblast = pair_oblast(gazetteer, m.group(2)) if m is not None else None
        if m is None or oblast is None:
            return None
    centres = [c for c in gazetteer.candidates(m.group(1)) if c.country == "UA" and _code(c) is not None
               and not c.is_region and (oblast is None or c.admin1_code == oblast.admin1_code)]
    if not centres:
        return None
    centre = max(centres, key=lambda c: (c.feature in _CENTRE_FEATURES, c.population, -c.quality))
    code = _code(centre)
    assert code is not None
    return Raion(code, centre.lat, centre.lon)


def pair_oblast(gazetteer: Gazetteer, name: str) -> Candidate | None:
    """The oblast of "(Bakhmut, Donetsk)": the second name is always the oblast, even one named like its
    capital city ("Kherson", "Kharkiv"), which alone would be the city."""
    return region_alias(gazetteer, name) or region_alias(gazetteer, f"{name} oblast")


def in_raion(c: Candidate, raion: Raion) -> bool:
    code = _code(c)
    if code is not None:
        return code == raion.code
    return c.country == "UA" and haversine_km(c.lat, c.lon, raion.lat, raion.lon) <= _NEAR_CENTRE_KM
