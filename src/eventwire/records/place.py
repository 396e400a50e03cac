"""Gazetteer places and the place mentions found in an article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

GeoPrecision = Literal[1, 2, 3]
MentionKind = Literal["toponym", "metonym", "demonym"]


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. `precision` is ACLED's geo_precision: 1 the place itself, 2 near it or part
    of a region coded to a place, 3 a larger region coded to its centre."""

    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166-1 alpha-2
    precision: GeoPrecision
    geonameid: int | None = None
    gazetteer_id: str | None = None  # id in another gazetteer (e.g. "katottg:UA14..."), when not GeoNames
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None  # "country", "admin1", "admin2", "city", "village", "region", ...
    population: int | None = None
    uncertainty_km: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name, "geonameid": self.geonameid, "gazetteer_id": self.gazetteer_id,
            "lat": self.lat, "lon": self.lon, "country": self.country, "admin1": self.admin1,
            "admin2": self.admin2, "feature": self.feature, "population": self.population,
            "precision": self.precision, "uncertainty_km": self.uncertainty_km,
        }


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name (or a demonym, or a metonymic use) in an article, resolved or not."""

    article_id: str
    start: int
    end: int
    text: str
    kind: MentionKind = "toponym"
    place: Place | None = None
    reason: str | None = None  # why `place` is None, or why it was resolved as it was

    def to_dict(self) -> dict[str, object]:
        return {
            "article_id": self.article_id, "start": self.start, "end": self.end, "text": self.text,
            "kind": self.kind, "place": self.place.to_dict() if self.place else None, "reason": self.reason,
        }
