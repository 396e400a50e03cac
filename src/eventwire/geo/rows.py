"""The rows a gazetteer build writes: one per place, one per (name key, place)."""

from __future__ import annotations

import math
from dataclasses import dataclass

# How a name reached a place; lower is more trustworthy, and resolution prefers it.
OFFICIAL, ALTERNATE, VARIANT = 0, 1, 2


@dataclass(frozen=True, slots=True)
class PlaceRow:
    id: int
    name: str
    feature: str  # country, admin1, admin2, continent, capital, city, town, village
    country: str | None
    lat: float
    lon: float
    precision: int
    uncertainty_km: float
    population: int = 0
    geonameid: int | None = None
    gazetteer_id: str | None = None
    admin1_code: str | None = None  # GeoNames style, "UA.05"
    admin1: str | None = None
    admin2: str | None = None
    coord_source: str = "geonames"  # geonames, postal, hromada-centre, raion-centre, cities-extent

    def as_tuple(self) -> tuple[object, ...]:
        return (self.id, self.name, self.feature, self.country, self.lat, self.lon, self.precision,
                self.uncertainty_km, self.population, self.geonameid, self.gazetteer_id, self.admin1_code,
                self.admin1, self.admin2, self.coord_source)


@dataclass(frozen=True, slots=True)
class NameRow:
    key: str
    place_id: int
    quality: int  # OFFICIAL, ALTERNATE or VARIANT


@dataclass(frozen=True, slots=True)
class Extent:
    """Where a region's settlements lie: the middle of their trimmed bounding box, and its half-diagonal.

    GeoNames gives regions and countries a point near their geographic middle; without that point we
    derive one from the settlements inside, trimming outliers so that overseas islands do not pull it."""

    lat: float
    lon: float
    radius_km: float


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def extent_of(points: list[tuple[float, float]], trim: float = 0.03) -> Extent | None:
    """Trimmed bounding box over the half-degree cells that hold settlements, not over the settlements:
    otherwise the densely settled part of a country (western Russia) pulls its middle far from the
    geographic one."""
    if not points:
        return None
    cells = {(round(lat * 2) / 2, round(lon * 2) / 2) for lat, lon in points}
    lats = sorted(c[0] for c in cells)
    lons = sorted(c[1] for c in cells)
    # At least one cell comes off each end once there are enough: a single mis-coded village
    # (GeoNames has a few) must not stretch a region across the country.
    cut = max(int(len(lats) * trim), 1 if len(lats) >= 10 else 0)
    lo, hi = cut, len(lats) - 1 - cut
    lat, lon = (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2
    radius = haversine_km(lats[lo], lons[lo], lats[hi], lons[hi]) / 2
    return Extent(round(lat, 5), round(lon, 5), round(radius, 1))


def city_uncertainty_km(population: int) -> float:
    """About the radius of a built-up area of that population at 2,000 people per km², at least 2 km."""
    return round(max(2.0, 0.5 * math.sqrt(max(population, 0) / 2000.0)), 1)


def settlement_feature(population: int) -> str:
    if population >= 100_000:
        return "city"
    return "town" if population >= 5_000 else "village"
