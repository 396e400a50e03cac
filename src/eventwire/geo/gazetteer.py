"""Read access to a built gazetteer: indexed name lookups, memoised per process."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from eventwire.errors import GazetteerError
from eventwire.geo.build import FORMAT_VERSION
from eventwire.geo.names import abbreviation_key, name_key
from eventwire.records.place import GeoPrecision, Place

_COLUMNS = ("p.id, p.name, p.feature, p.country, p.lat, p.lon, p.precision, p.uncertainty_km, p.population, "
            "p.geonameid, p.gazetteer_id, p.admin1_code, p.admin1, p.admin2, p.coord_source")
REGION_FEATURES = ("country", "admin1", "admin2", "continent")
SETTLEMENT_FEATURES = ("capital", "city", "town", "village")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer place that a name may refer to, with how well the name matched (0 official name,
    1 alternate name, 2 systematic spelling variant)."""

    id: int
    name: str
    feature: str
    country: str | None
    lat: float
    lon: float
    precision: int
    uncertainty_km: float
    population: int
    geonameid: int | None
    gazetteer_id: str | None
    admin1_code: str | None
    admin1: str | None
    admin2: str | None
    coord_source: str
    quality: int

    @property
    def is_region(self) -> bool:
        return self.feature in REGION_FEATURES

    @property
    def is_settlement(self) -> bool:
        return self.feature in SETTLEMENT_FEATURES

    def to_place(self, precision: int | None = None, uncertainty_km: float | None = None) -> Place:
        prec = cast(GeoPrecision, max(self.precision, precision or 1))
        unc = max(self.uncertainty_km, uncertainty_km or 0.0)
        return Place(name=self.name, lat=self.lat, lon=self.lon, country=self.country, precision=prec,
                     geonameid=self.geonameid, gazetteer_id=self.gazetteer_id or (
                         f"geonames:{self.geonameid}" if self.geonameid else None),
                     admin1=self.admin1, admin2=self.admin2, feature=self.feature,
                     population=self.population or None, uncertainty_km=unc)


class Gazetteer:
    """One open gazetteer. Lookups are indexed queries, memoised by name key, behind a lock so that
    threads of one process may share it."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self._con = con
        self.path = path
        self._lock = threading.Lock()
        self._memo: dict[str, tuple[Candidate, ...]] = {}
        self._countries: dict[str, Candidate] | None = None
        self._demonyms: dict[str, str] | None = None
        self._neighbours: dict[str, frozenset[str]] | None = None
        self._region_aliases: dict[str, Candidate] | None = None
        self._country_keys: frozenset[str] | None = None
        self._admin1_rows: dict[tuple[str, ...], list[Candidate]] = {}
        self._places_in: dict[tuple[str, tuple[str, ...]], list[Candidate]] = {}
        # Indexes other geo modules derive from this gazetteer (name skeletons), built on first use.
        self.derived: dict[str, object] = {}

    @classmethod
    def open(cls, path: Path) -> Gazetteer:
        if not Path(path).is_file():
            raise GazetteerError(f"no gazetteer at {path}; run `eventwire gazetteer build`")
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:
            row = con.execute("SELECT version FROM meta WHERE source='format'").fetchone()
        except sqlite3.DatabaseError as exc:
            con.close()
            raise GazetteerError(f"{path} is not an eventwire gazetteer ({exc}); rebuild it") from exc
        if row is None or row[0] != str(FORMAT_VERSION):
            con.close()
            raise GazetteerError(f"{path} has format {row and row[0]}, expected {FORMAT_VERSION}; rebuild it")
        return cls(con, Path(path))

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def candidates_for_key(self, key: str) -> tuple[Candidate, ...]:
        found = self._memo.get(key)
        if found is not None:
            return found
        with self._lock:
            rows = self._con.execute(
                f"SELECT {_COLUMNS}, MIN(n.quality) FROM names n JOIN places p ON p.id = n.place_id "
                "WHERE n.name_key = ? GROUP BY p.id", (key,)).fetchall()
        found = tuple(Candidate(*r) for r in rows)
        self._memo[key] = found
        return found

    def candidates(self, name: str) -> list[Candidate]:
        """Every place this name may refer to (exact key match on any of its names, or on a dotted
        abbreviation such as "Tenn.")."""
        # A dotted abbreviation that is a known one ("D.C.") means only that, not what its letters spell.
        if (abbr := abbreviation_key(name)) is not None and (known := self.candidates_for_key(abbr)):
            return list(known)
        return list(self.candidates_for_key(name_key(name)))

    def has_name(self, name: str) -> bool:
        return bool(self.candidates(name))

    def names_settlement(self, name: str, min_population: int = 0) -> bool:
        """A settlement of at least `min_population` people bears `name` as its own name (not an alternate
        one): "Chesterton" is a town's name, not only a surname."""
        return any(c.quality == 0 and not c.is_region and c.population >= min_population
                   for c in self.candidates(name))

    def countries(self) -> dict[str, Candidate]:
        """ISO alpha-2 -> the country's row."""
        if self._countries is None:
            with self._lock:
                rows = self._con.execute(f"SELECT {_COLUMNS}, 0 FROM places p WHERE feature='country'").fetchall()
            self._countries = {r[3]: Candidate(*r) for r in rows}
        return self._countries

    def country_name_keys(self) -> frozenset[str]:
        """The name key of every name a country has here ("burkina faso", "dr congo", "ivory coast")."""
        if self._country_keys is None:
            self._country_keys = _cached_country_keys(self)
        return self._country_keys

    def _query_country_keys(self) -> frozenset[str]:
        with self._lock:
            rows = self._con.execute("SELECT DISTINCT n.name_key FROM names n JOIN places p ON p.id = n.place_id "
                                     "WHERE p.feature = 'country'").fetchall()
        return frozenset(r[0] for r in rows)

    def country(self, name: str) -> Candidate | None:
        """The country this name (or ISO code) stands for, if any."""
        if len(name) == 2 and name.isupper() and name in self.countries():
            return self.countries()[name]
        found = [c for c in self.candidates(name) if c.feature == "country"]
        return min(found, key=lambda c: (c.quality, -c.population), default=None)

    def demonym(self, word: str) -> str | None:
        """The alpha-2 code of the country a demonym names ("Greek", "Russians"), from the table of known
        demonyms; `toponyms.demonym_country` adds rules for the regular ones the table lacks."""
        if self._demonyms is None:
            with self._lock:
                self._demonyms = dict(self._con.execute("SELECT name_key, country FROM demonyms").fetchall())
        return self._demonyms.get(name_key(word))

    def neighbours(self, country: str) -> frozenset[str]:
        """The alpha-2 codes of the countries sharing a land border with `country`."""
        if self._neighbours is None:
            with self._lock:
                pairs = self._con.execute("SELECT country, neighbour FROM neighbours").fetchall()
            found: dict[str, set[str]] = {}
            for a, b in pairs:
                found.setdefault(a, set()).add(b)
            self._neighbours = {cc: frozenset(ns) for cc, ns in found.items()}
        return self._neighbours.get(country, frozenset())

    def admin1(self, name: str, country: str | None = None) -> Candidate | None:
        """The first-level region ("Donetsk", "Donetsk Oblast", "Texas") in `country` if given."""
        found = [c for c in self.candidates(name) if c.feature == "admin1" and (country is None or
                                                                                  c.country == country)]
        return max(found, key=lambda c: (-c.quality, c.population), default=None)

    def place(self, place_id: int) -> Candidate | None:
        """One place by its gazetteer id."""
        with self._lock:
            row = self._con.execute(f"SELECT {_COLUMNS}, 0 FROM places p WHERE id = ?", (place_id,)).fetchone()
        return Candidate(*row) if row else None

    def admin1_rows(self, countries: tuple[str, ...]) -> list[Candidate]:
        """Every first-level region of these countries."""
        memo = self._admin1_rows.get(countries)
        if memo is None:
            marks = ",".join("?" * len(countries))
            with self._lock:
                rows = self._con.execute(f"SELECT {_COLUMNS}, 0 FROM places p WHERE feature='admin1' "
                                         f"AND country IN ({marks})", countries).fetchall()
            memo = self._admin1_rows[countries] = [Candidate(*r) for r in rows]
        return list(memo)

    def places_in(self, admin1_code: str, features: tuple[str, ...] = SETTLEMENT_FEATURES
                  ) -> list[Candidate]:
        """The places of these features inside one first-level region, largest first (memoised)."""
        memo_key = (admin1_code, features)
        found = self._places_in.get(memo_key)
        if found is None:
            marks = ",".join("?" * len(features))
            with self._lock:
                rows = self._con.execute(f"SELECT {_COLUMNS}, 0 FROM places p WHERE admin1_code = ? "
                                         f"AND feature IN ({marks}) ORDER BY population DESC",
                                         (admin1_code, *features)).fetchall()
            found = [Candidate(*r) for r in rows]
            self._places_in[memo_key] = found
        return found

    def region_aliases(self) -> dict[str, Candidate]:
        """Name key -> UA or RU first-level region, for every form reports write ("Donetsk region",
        "DPR", "Zaporozhye", "Belgorod oblast"); see `geo.regions`."""
        if self._region_aliases is None:
            from eventwire.geo.regions import build_aliases

            self._region_aliases = build_aliases(self)
        return self._region_aliases

    def meta(self) -> list[tuple[str, str, str, int, str]]:
        """The sources that went in: (source, version, licence, rows, note), to credit them."""
        with self._lock:
            return self._con.execute("SELECT source, version, licence, rows, note FROM meta").fetchall()


def kept_beside(gazetteer: Gazetteer, name: str, stamp: str, build: Callable[[], Any]) -> Any:
    """A value derived from the gazetteer that is slow to build (a full scan, a codifier read), kept as JSON
    in a file beside the gazetteer (`<gazetteer>.<name>.json`) and believed only under the same `stamp`; a
    read-only folder only costs the build next time. Tuples come back as lists."""
    path = gazetteer.path.with_name(f"{gazetteer.path.name}.{name}.json")
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(cached, dict) and cached.get("stamp") == stamp and "index" in cached:
            return cached["index"]
    except (OSError, ValueError):
        pass
    value = build()
    with contextlib.suppress(OSError):
        path.write_text(json.dumps({"stamp": stamp, "index": value}), encoding="utf-8")
    return value


def file_stamp(path: Path) -> str:
    """The gazetteer file's size and time: a rebuilt gazetteer has another."""
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _cached_country_keys(gazetteer: Gazetteer) -> frozenset[str]:
    """The query scans every name (about 0.7 s), so its answer is kept beside the gazetteer."""
    keys = kept_beside(gazetteer, "countries-v1", file_stamp(gazetteer.path),
                       lambda: sorted(gazetteer._query_country_keys()))
    return frozenset(keys)
