"""Ukrainian place resolution against UCDP GED (events.csv): for events located to the place itself
(`where_prec == 1`), resolve the place name (its "village"/"town" suffix stripped) within Ukraine and the
event's oblast, and measure the distance to UCDP's coordinates."""

from __future__ import annotations

import csv
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import InputError

WITHIN_KM = 25.0
# UCDP writes "Pisky village", "Lyman town", "Novoazovsk international border checkpoint": the name is
# the capitalised head, the lowercase words after it say what kind of place it is.
_TRAILING_LOWER = re.compile(r"(?:\s+[a-z][\w\-]*)+$")
_DISTRICT_WORDS = re.compile(r"\s+(?:raion|rayon|city municipality|municipality|district)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class UkrainePlacesReport:
    rows: int
    resolved: int
    within_25km: float  # share of all rows
    median_km: float | None  # over resolved rows
    seconds: float

    def to_dict(self) -> dict[str, object]:
        return {"rows": self.rows, "resolved": self.resolved, "within_25km": round(self.within_25km, 4),
                "median_km": None if self.median_km is None else round(self.median_km, 2),
                "seconds": round(self.seconds, 1)}

    def table(self) -> str:
        median = "n/a" if self.median_km is None else f"{self.median_km:.2f}"
        return (f"ukraine places (UCDP GED, where_prec 1): {self.rows} rows, {self.resolved} resolved\n"
                f"  within 25 km {self.within_25km:.3f}  median {median} km")


def place_name(where: str) -> str:
    return _TRAILING_LOWER.sub("", where.strip()).strip()


def district_centre(adm_2: str) -> str | None:
    """The town a district is named after: UCDP's "Yasynuvata raion" and "Horlivka City municipality" are
    the (pre-2020) districts of Yasynuvata and Horlivka, so same-named villages are told apart by which
    lies nearer that town."""
    name = _DISTRICT_WORDS.sub("", adm_2).strip()
    return name or None


def evaluate_ukraine_places(path: Path, limit: int | None = None,
                            gazetteer_path: Path | None = None) -> UkrainePlacesReport:
    from eventwire.geo.build import ensure_gazetteer
    from eventwire.geo.gazetteer import Gazetteer
    from eventwire.geo.resolve import resolve_name
    from eventwire.geo.rows import haversine_km

    started = time.monotonic()
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if r.get("where_prec") == "1"]
    except (OSError, csv.Error) as exc:
        raise InputError(f"cannot read {path} as UCDP GED CSV ({exc})") from exc
    rows = rows[:limit] if limit is not None else rows
    errors: list[float] = []
    with Gazetteer.open(ensure_gazetteer(gazetteer_path)) as gaz:
        for row in rows:
            c = resolve_name(place_name(row["where_coordinates"]), gaz, "UA", row.get("adm_1") or None,
                             district_centre(row.get("adm_2") or ""))
            if c is not None:
                errors.append(haversine_km(float(row["latitude"]), float(row["longitude"]), c.lat, c.lon))
    return UkrainePlacesReport(len(rows), len(errors),
                               sum(1 for e in errors if e <= WITHIN_KM) / len(rows) if rows else 0.0,
                               statistics.median(errors) if errors else None, time.monotonic() - started)
