"""Merge a GeoNames dump into a built gazetteer: `eventwire gazetteer add FILE|URL`.

Takes the main dump format (allCountries.txt or a country file such as UA.txt, 19 tab-separated columns,
plain or zipped) and the alternate-names format (alternateNames.txt / alternateNamesV2.txt). A place the
gazetteer already has (same geonameid) gains the dump's names, and, where the gazetteer only had an
estimated point for it (a region placed at the middle of its towns, a territory such as Greenland at an
atlas centre), the dump's own coordinates. Other places are added. The merge writes a copy and swaps it
in, so a failed merge leaves the gazetteer as it was.
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import tempfile
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import GazetteerError, InputError
from eventwire.geo.names import name_key
from eventwire.geo.rows import ALTERNATE, OFFICIAL, city_uncertainty_km, settlement_feature
from eventwire.geo.world import is_latin_name

MAIN_COLUMNS = 19
# Coordinate sources that a GeoNames point replaces: estimates, not the place's own coordinates (a
# territory's atlas centre, alone or moved onto its main landmass; a region's middle of its towns).
_ESTIMATED = ("cities-extent", "countryinfo", "countryinfo+naturalearth", "naturalearth")
# alternateNames "languages" that are codes or links, not names.
_NOT_NAMES = {"link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc", "tcid"}
_DOWNLOAD_TIMEOUT_S = 60


@dataclass(frozen=True, slots=True)
class AddStats:
    source: str
    kind: str  # "geonames" or "alternate names"
    rows: int
    added: int
    updated: int
    names: int
    seconds: float


def _feature(fclass: str, fcode: str, population: int) -> tuple[str, int, float]:
    """(feature, ACLED precision, uncertainty km) for a GeoNames feature class and code."""
    if fcode.startswith("PCL"):
        return "country", 3, 500.0
    if fcode == "ADM1":
        return "admin1", 3, 100.0
    if fclass == "A":
        return "admin2", 2, 25.0
    if fclass == "P":
        return ("capital" if fcode == "PPLC" else settlement_feature(population), 1,
                city_uncertainty_km(population))
    # Rivers, mountains, parks, buildings, roads: located, but not a settlement an event is coded to.
    return "landmark", 2, 5.0


def _lines(path: Path) -> Iterator[str]:
    """Lines of a dump, reading the .txt inside a zip (GeoNames serves UA.zip with UA.txt in it)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not members:
                raise InputError(f"{path} holds no .txt dump; pass a GeoNames dump or its zip")
            with zf.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as fh:
        yield from fh


def _kind(path: Path) -> str:
    for line in _lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) == MAIN_COLUMNS:
            return "geonames"
        if len(cols) in (8, 10) and cols[0].isdigit() and cols[1].isdigit():
            return "alternate names"
        raise InputError(f"{path} is neither a GeoNames dump (19 columns) nor an alternateNames file "
                         f"({len(cols)} columns in its first line); pass allCountries.txt, XX.txt "
                         "or alternateNames.txt")
    raise InputError(f"{path} is empty; pass a GeoNames dump")


def download(url: str, folder: Path) -> Path:
    """Fetch a dump into `folder` (next to the gazetteer, so the swap stays on one file system)."""
    name = Path(url.split("?")[0]).name or "geonames.txt"
    target = folder / f".download-{os.getpid()}-{name}"
    try:
        with urllib.request.urlopen(url, timeout=_DOWNLOAD_TIMEOUT_S) as resp, target.open("wb") as out:
            shutil.copyfileobj(resp, out)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise GazetteerError(f"cannot download {url} ({exc}); check the address or pass a local file") from exc
    return target


def add_to_gazetteer(gazetteer_path: Path, source: str) -> AddStats:
    """Merge the GeoNames dump at `source` (a path or an http(s) URL) into the gazetteer."""
    if not gazetteer_path.is_file():
        raise GazetteerError(f"no gazetteer at {gazetteer_path}; run `eventwire gazetteer build` first")
    started = time.monotonic()
    fetched: Path | None = None
    if source.startswith(("http://", "https://")):
        fetched = path = download(source, gazetteer_path.parent)
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{source} not found; pass a GeoNames dump file or an http(s) URL")
    fd, tmp_name = tempfile.mkstemp(prefix=".merge-", suffix=".sqlite", dir=gazetteer_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        shutil.copyfile(gazetteer_path, tmp)
        kind = _kind(path)
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            counts = _merge_main(con, path) if kind == "geonames" else _merge_alternates(con, path)
            _dedupe_names(con)
            con.execute("INSERT OR REPLACE INTO meta VALUES (?,?,?,?,?)",
                        (f"geonames add: {Path(source).name}", time.strftime("%Y-%m-%d"),
                         "CC BY 4.0 (GeoNames, geonames.org)", counts[0], f"merged {kind}"))
            con.commit()
        finally:
            con.close()
        os.replace(tmp, gazetteer_path)
    except (sqlite3.DatabaseError, UnicodeDecodeError, ValueError) as exc:
        raise GazetteerError(f"cannot merge {source} ({exc}); is it a GeoNames dump?") from exc
    finally:
        tmp.unlink(missing_ok=True)
        if fetched is not None:
            fetched.unlink(missing_ok=True)
    rows, added, updated, names = counts
    return AddStats(source, kind, rows, added, updated, names, time.monotonic() - started)


def _known(con: sqlite3.Connection) -> dict[int, tuple[int, str]]:
    """geonameid -> (place id, coordinate source) of the places the gazetteer has."""
    return {gid: (pid, src) for pid, gid, src in
            con.execute("SELECT id, geonameid, coord_source FROM places WHERE geonameid IS NOT NULL")}


def _merge_main(con: sqlite3.Connection, path: Path) -> tuple[int, int, int, int]:
    known = _known(con)
    admin1_names = dict(con.execute("SELECT admin1_code, name FROM places WHERE feature='admin1'"))
    rows = added = updated = names = 0
    for line in _lines(path):
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) != MAIN_COLUMNS or not cols[0].isdigit():
            continue
        rows += 1
        gid, name, ascii_name, alternates = int(cols[0]), cols[1], cols[2], cols[3]
        lat, lon, fclass, fcode, cc = float(cols[4]), float(cols[5]), cols[6], cols[7], cols[8]
        population = int(cols[14] or 0)
        if gid in known:
            pid, src = known[gid]
            if src in _ESTIMATED:
                con.execute("UPDATE places SET lat=?, lon=?, coord_source='geonames' WHERE id=?", (lat, lon, pid))
                updated += 1
        else:
            pid = gid
            feature, precision, unc = _feature(fclass, fcode, population)
            a1code = f"{cc}.{cols[10]}" if cols[10] else None
            con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (pid, name, feature, cc or None, lat, lon, precision, unc, population, gid, None,
                         a1code, admin1_names.get(a1code), None, "geonames"))
            known[gid] = (pid, "geonames")
            added += 1
        names += _insert_names(con, pid, [(name, OFFICIAL), (ascii_name, OFFICIAL)] +
                               [(a, ALTERNATE) for a in alternates.split(",") if a])
    return rows, added, updated, names


def _merge_alternates(con: sqlite3.Connection, path: Path) -> tuple[int, int, int, int]:
    """alternateNames rows for places the gazetteer has; Latin-script names, and Ukrainian ones."""
    known = _known(con)
    rows = names = 0
    for line in _lines(path):
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 8 or not cols[1].isdigit():
            continue
        rows += 1
        place = known.get(int(cols[1]))
        lang, name, historic = cols[2], cols[3], cols[7] == "1"
        if place is None or lang in _NOT_NAMES or historic:
            continue
        names += _insert_names(con, place[0], [(name, ALTERNATE)], keep_cyrillic=lang == "uk")
    return rows, 0, 0, names


def _insert_names(con: sqlite3.Connection, place_id: int, names: list[tuple[str, int]],
                  keep_cyrillic: bool = False) -> int:
    out = 0
    for name, quality in names:
        if len(name) < 2 or not (is_latin_name(name) or keep_cyrillic) or (name.isupper() and len(name) <= 4):
            continue  # airport codes and fragments are not names people write
        key = name_key(name)
        if key:
            con.execute("INSERT INTO names VALUES (?,?,?)", (key, place_id, quality))
            out += 1
    return out


def _dedupe_names(con: sqlite3.Connection) -> None:
    con.execute("DELETE FROM names WHERE rowid NOT IN "
                "(SELECT MIN(rowid) FROM names GROUP BY name_key, place_id, quality)")
