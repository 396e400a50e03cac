"""Choosing the place each mention refers to.

Each mention's candidates are looked up (its names, a region's other forms, former names, tolerant
spellings, the centres of communities and districts) and ranked by `namesakes` with the article's
context: the focus country, the regions it names, the places already resolved. Two passes: the first
resolves on priors alone and gives the context; the second re-scores with it. When nothing supports a
choice the mention stays unresolved with a reason, rather than pinned confidently to the wrong place.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.geo import colocation, tolerant
from eventwire.geo.cityparts import city_parts
from eventwire.geo.containers import COUNTY_WORD, add_containers, county_regions, world_regions
from eventwire.geo.cues import COMPASS, is_compass
from eventwire.geo.embedded import UNIONS
from eventwire.geo.found import Found
from eventwire.geo.gazetteer import Candidate, Gazetteer
from eventwire.geo.hromadas import district_centres, hromada_centres, looks_adjectival
from eventwire.geo.lists import as_listed
from eventwire.geo.names import name_key, romanize_cyrillic
from eventwire.geo.namesakes import (
    SMALL,
    ArticleContext,
    Scored,
    decide,
    fits_article,
    plausible,
    prior,
    rank_candidates,
)
from eventwire.geo.notplaces import macro_region
from eventwire.geo.onesense import as_placed, city_of_town
from eventwire.geo.regions import in_container, region_alias
from eventwire.geo.renamed import renamed
from eventwire.geo.rows import haversine_km
from eventwire.geo.shortnames import short_form_regions
from eventwire.geo.site import site_country
from eventwire.geo.toponyms import find_mentions, sentence_index
from eventwire.geo.townships import township_name, township_place
from eventwire.geo.war import is_war_report
from eventwire.records.place import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

_COLOCATION_CANDIDATES = 60  # per name, by prior: enough for every Springfield
_PART_MIN_POPULATION = 10_000
# Words that name no place on their own, even where a gazetteer has a village so called.
_NOT_PARTS = {"north", "south", "east", "west", "central", "new", "old", "great", "upper", "lower", "saint",
              "st", "the", "city", "county", "university", "state", "national", "royal"}
# The last word of a settlement's name that says it is one: "Tennessee Colony" is a town of Texas.
_SETTLEMENT_WORDS = frozenset({"city", "town", "village", "colony", "springs", "falls", "beach", "heights",
                               "junction", "harbor", "harbour", "township"})
_NEAR_UNCERTAINTY_KM = 10.0
_SAINT = re.compile(r"(St|Ste)\.?\s+", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яіїєґё]", re.IGNORECASE)
_STRONG = 2.0  # weight of a name whose country is not in doubt
_PASSES = 2  # re-resolutions with the context of the previous one
_SITE_WEIGHT = 2.0

_EMPTY = ArticleContext((), frozenset(), frozenset(), ())
_BIG_OUTSIDE_COUNTY = 100_000
_NAMES_ITS_AREA = 20_000  # a town this big gives its name to the district around it
_WHOLE_COUNTRY = 0.9  # a region holding this share of its country's people is, near enough, the country


# Facilities named after their town ("Donetsk International Airport"): when the whole name is not in
# the gazetteer, the town is the best point there is, with the facility's uncertainty.
_FACILITY_TAIL = re.compile(r"\s+(?:International|Airport|Airfield|Air Base|Railway Station|Station|"
                            r"Bus Station|Seaport|Port)(?:\s+(?:Airport|Station))?$", re.IGNORECASE)


def _names_to_look_up(found: Found) -> list[str]:
    """The lookup name, and for "Laurel County" or "Donetsk Oblast" also the whole span: many regions are
    named with their generic word, and without it "Laurel" is only a village."""
    full = found.text.removeprefix("the ").removeprefix("The ")
    return [found.lookup, full] if found.level == "region" and full != found.lookup else [found.lookup]


def _region_row(found: Found, gazetteer: Gazetteer) -> Candidate | None:
    if found.level in ("settlement", "near", "centre"):
        return None
    region = region_alias(gazetteer, found.text) or region_alias(gazetteer, found.lookup)
    if region is None and found.level == "region" and found.container:
        # "Perth, WA": of the regions the abbreviation stands for, the one the container reading chose
        # ("Sbeitla, Kasserine governorate": the region's own name, without its word); "Rockingham,
        # Northamptonshire": the county
        return next((r for text in (found.text, found.lookup)
                     for r in world_regions(gazetteer, text) + county_regions(gazetteer, text)
                     if r.admin1_code == found.container), None)
    return region


def _candidates(found: Found, gazetteer: Gazetteer, ctx: ArticleContext) -> list[Candidate]:
    """Every place the mention may name: its names, a region's other forms, and for a settlement that the
    text puts in a region, only those inside it (spelled exactly, or tolerantly when none is)."""
    if found.level == "region" and found.container and not COUNTY_WORD.search(found.text):
        region = _region_row(found, gazetteer)
        return [region] if region is not None else []
    if found.level == "centre" and looks_adjectival(found.lookup) \
            and (centres := hromada_centres(gazetteer, found.lookup)):
        # "the Bilopilska hromada": the settlement it is named after, inside the region the text names
        return [c for c in centres if c.admin1_code == found.container] or centres if found.container else centres
    if found.level == "centre" and (towns := district_centres(gazetteer, found.lookup)):
        # "the Shebekinsky city district": the town it is named after (Shebekino), inside the region named
        return [c for c in towns if c.admin1_code == found.container] if found.container else towns
    if found.level == "any" and not found.container and (county := ctx.counties.get(name_key(found.lookup))) \
            and (in_county := _in_county(county, gazetteer.candidates(found.lookup))):
        return in_county
    seen: dict[int, Candidate] = {}
    for name in _names_to_look_up(found):
        for c in gazetteer.candidates(name):
            seen.setdefault(c.id, c)
    for c in renamed(gazetteer, found.lookup):
        seen[c.id] = c  # a former name of a Ukrainian town: as firm as its own
    if not seen and (saint := _SAINT.match(found.lookup)):
        # "St. Kitts and Nevis": a name the gazetteer knows only spelled out. Only then: spelled out, "St.
        # Paul" would also be Saint-Paul on Réunion, a namesake its short form never meant.
        word = "Sainte" if saint.group(1).lower() == "ste" else "Saint"
        seen = {c.id: c for c in gazetteer.candidates(f"{word} {found.lookup[saint.end():]}")}
    if not seen and (base := _FACILITY_TAIL.sub("", found.lookup)) != found.lookup:
        seen = {c.id: c for c in gazetteer.candidates(base) if not c.is_region}
    if not seen and found.level in ("any", "region") and (found.lookup.endswith(".") or len(found.lookup) > 1):
        # a state or province by its abbreviation alone ("B.C.", "NSW", "Ont."), as in a container; a bare
        # two-letter code ("NJ") only where the article's other places lie in that region ("LA" is mostly
        # Los Angeles, not Louisiana)
        seen = {c.id: c for c in world_regions(gazetteer, found.lookup)
                if len(found.lookup) > 2 or c.admin1_code in _regions_of_places(ctx)}
        seen = seen or {c.id: c for c in short_form_regions(gazetteer, found.lookup)}
    if (continent := UNIONS.get(name_key(found.lookup))) is not None:
        seen.update({c.id: c for c in gazetteer.candidates(continent) if c.feature == "continent"})
    if (region := _region_row(found, gazetteer)) is not None:
        # a region reached only through its capital's name ("in Belgorod") is that name's other reading, as
        # "Kharkiv" is of Kharkiv oblast: the city comes first (namesakes._named_after_centre)
        other = found.level == "any" and any(c.feature in ("city", "capital") for c in seen.values())
        seen.setdefault(region.id, replace(region, quality=max(region.quality, 1)) if other else region)
    if found.container:
        inside = [c for c in seen.values() if in_container(c.admin1_code, found.container)
                  and (not c.is_region or c.feature == "admin2" and found.level == "region")]
        return inside or tolerant.in_region(gazetteer, found.lookup, found.container)
    if not seen and found.lookup[:1].isupper() and not found.lookup.isupper():
        # another romanisation of an Arabic name ("Hodeidah", GeoNames' Hodeida): a spelling variant
        seen = {c.id: c for c in tolerant.by_arabic_form(gazetteer, found.lookup)}
    if not seen and _CYRILLIC.search(found.lookup):
        # a Russian-language name in Cyrillic ("Работино"): its romanisation, matched as Latin spellings are
        for latin in romanize_cyrillic(found.lookup):
            seen = {c.id: c for c in gazetteer.candidates(latin)}
            more = list(seen.values()) or tolerant.by_russian_form(gazetteer, latin) or (
                tolerant.in_ukraine(gazetteer, latin) if ctx.war else [])
            if more:
                return more
    if not seen and found.lookup[:1].isupper() and not found.lookup.isupper():
        more = tolerant.by_russian_form(gazetteer, found.lookup)
        return more or (tolerant.in_ukraine(gazetteer, found.lookup) if ctx.war and not _in_russia(ctx) else [])
    return list(seen.values())


def _in_russia(ctx: ArticleContext) -> bool:
    """A report whose regions are all Russia's ("the Kursk area"): a village name it gives in a Russian
    form is a Russian village the gazetteer lacks, not a Ukrainian one spelled alike ("Sverdlikovo" in
    Kursk oblast is not Sverdlykove in Kirovohrad oblast)."""
    return ctx.names_russian_region() and not any(code.startswith("UA.") for _, code in ctx.admin1_codes)


def _regions_of_places(ctx: ArticleContext) -> set[str]:
    return {code for _, _, _, code in ctx.points if code} | {code for _, code in ctx.admin1_codes}


def _in_county(county: Candidate, cands: list[Candidate]) -> list[Candidate]:
    """A bare name of a county the article names in full ("DeKalb" after "DeKalb County"): the county, or
    a town of the name inside a county so called ("Lancaster" in Lancaster County), not a namesake
    elsewhere; the article's other places choose among them. Not where the name is also a state, a
    country, a capital or a big city elsewhere ("Washington" beside "Washington County"): news rarely
    shortens a county to such a name. A county of the name abroad, however populous, does not count: in a
    story on Suffolk County, New York, "Suffolk" is that county, not the English one."""
    inside = [c for c in cands if not c.is_region and c.admin2 == county.name]
    if any(c.quality == 0 and c not in inside and c.id != county.id
           and (c.feature in ("country", "admin1", "capital")
                or c.population >= _BIG_OUTSIDE_COUNTY and c.feature != "admin2")
           for c in cands):
        return []
    return [*inside, county]


def rank(found: Found, gazetteer: Gazetteer, ctx: ArticleContext) -> list[Scored]:
    return rank_candidates(found, _candidates(found, gazetteer, ctx), gazetteer, ctx)


def context_of(resolved: list[tuple[Found, Candidate | None]], gazetteer: Gazetteer) -> ArticleContext:
    """What the article's resolved names say about where it is. A name counts once however often it is
    repeated; a country, a demonym, or a name that every candidate places in the same country counts
    double, as it is evidence that does not depend on how its own ambiguity was settled."""
    names: dict[tuple[str, str], float] = {}
    admin1: set[tuple[str, str]] = set()
    sentence_admin1: set[tuple[int, str, str]] = set()
    points = []
    named: set[str] = set()
    counties: dict[str, Candidate] = {}
    admin2: set[tuple[str, str, str]] = set()
    placed: set[tuple[str, str]] = set()
    for found, c in resolved:
        key = name_key(found.lookup)
        if found.kind == "demonym" and found.country_hint:
            names[(key, found.country_hint)] = _STRONG
            named.add(found.country_hint)
            continue
        if c is None:
            continue
        if c.country:
            placed.add((key, c.country))
        if c.feature == "country" and c.country:
            named.add(c.country)
        others = [o for o in gazetteer.candidates(found.lookup) if plausible(o, found)]
        if c.country:
            countries = {o.country for o in others}
            weight = _STRONG if c.feature == "country" or countries == {c.country} else 1.0
            names[(key, c.country)] = max(weight, names.get((key, c.country), 0.0))
        if c.feature == "admin2" and COUNTY_WORD.search(found.text):
            counties.setdefault(name_key(COUNTY_WORD.sub("", found.lookup)), c)
        if c.feature == "admin2" and c.admin1_code:
            admin2.add((key, c.admin1_code, c.name))
        if c.feature == "admin1" and c.admin1_code and not _country_wide(c, gazetteer):
            admin1.add((key, c.admin1_code))
            sentence_admin1.add((found.sent, key, c.admin1_code))
        elif not c.is_region and (c.population >= SMALL or [o.id for o in others] == [c.id]):
            points.append((key, c.lat, c.lon, c.admin1_code or ""))
    beside = frozenset(n for cc in named for n in gazetteer.neighbours(cc)) - named
    return ArticleContext(tuple(sorted((k, cc, w) for (k, cc), w in names.items())), frozenset(admin1),
                          frozenset(sentence_admin1), tuple(points), named_countries=frozenset(named),
                          counties=counties, admin2_named=frozenset(admin2), neighbours=beside,
                          placed=frozenset(placed))


def _resolve_all(found: list[Found], gazetteer: Gazetteer, ctx: ArticleContext,
                 text: str = "") -> list[tuple[Found, Candidate | None, str]]:
    out: list[tuple[Found, Candidate | None, str]] = []
    for f in found:
        if f.kind == "demonym" and f.country_hint:
            country = gazetteer.countries().get(f.country_hint)
            out.append((f, country, "demonym of the country"))
            continue
        if macro_region(f.lookup) and not f.container:
            out.append((f, None, f"'{f.lookup}' is a region of the world that no one point stands for"))
            continue
        ranked = rank(f, gazetteer, ctx)
        # "around Australia": no unbacked town of the name (Australia, Cuba) when a region bears it
        if not f.container and (not ranked or f.level in ("region", "near") and not ranked[0].supported) \
                and (wider := _wider_reading(f, gazetteer, ctx, ranked[0].candidate if ranked else None)):
            f, ranked = wider
        if not ranked and (part := _known_part(f, gazetteer, ctx)) is not None:
            out.append(part)
            continue
        c, why = decide(f, ranked, ctx)
        if c is not None and f.container:
            c, why = _one_of_namesakes(c, why, ranked)
        out.append((f, c, why))
    return as_listed(city_of_town(as_placed(_at_container(out, gazetteer))), text, gazetteer)


_BEFORE_CONTAINER_CHARS = 3  # "X, Ohio", "X (Ohio)": the region written right after the place


def _at_container(resolved: list[tuple[Found, Candidate | None, str]],
                  gazetteer: Gazetteer) -> list[tuple[Found, Candidate | None, str]]:
    """A place the text puts in a region ("Rockingham, Northamptonshire", "Smallbury, Ohio") that the
    gazetteer has nowhere in the region's country is placed at the region, at the region's precision: what
    the text says of where it is, with a reason that says so, rather than nothing. A place the country has
    elsewhere ("Kharkiv, Lviv oblast") stays unplaced: the text contradicts the gazetteer."""
    out = list(resolved)
    for i, (f, c, why) in enumerate(resolved):
        if c is not None or not f.container or f.kind != "toponym" or f.level == "region":
            continue
        region = next((r for g, r, _ in resolved[i + 1:i + 2] if r is not None and g.level == "region"
                       and g.container == f.container and 0 <= g.start - f.end <= _BEFORE_CONTAINER_CHARS), None)
        if region is not None and all(o.country != region.country for o in gazetteer.candidates(f.lookup)):
            out[i] = (f, region, f"{why}; placed at {region.name}, the region the text puts it in")
    return out


def _wider_reading(f: Found, gazetteer: Gazetteer, ctx: ArticleContext,
                   unsupported: Candidate | None = None) -> tuple[Found, list[Scored]] | None:
    """A level that the words around a name implied but that no place of the name has: "the Nenagh
    district" where no region is so called is the area around the town it is named after (coded to that
    town, as a centre), if the article supports it or the town is big enough to give its name to an area;
    "around Ohio" where no settlement is so called is the state. Where the only regions of the name are
    ones nothing in the article supports and smaller than a town of the name that the article supports (a
    parish of St Vincent for "the Charlotte region" in a story on North Carolina), the town is the better
    reading; not so for a large region ("the Donetsk region" is the oblast, not Donetsk in Rostov oblast)."""
    if f.level == "region":
        centre = replace(f, level="centre")
        ranked = [s for s in rank(centre, gazetteer, ctx) if not s.candidate.is_region
                  and (s.supported or s.candidate.population >= _NAMES_ITS_AREA and unsupported is None)]
        if unsupported is not None:
            ranked = [s for s in ranked if s.candidate.population >= max(_NAMES_ITS_AREA, unsupported.population)]
        return (centre, ranked) if ranked else None
    if f.level == "near":
        wide = replace(f, level="any")
        ranked = [s for s in rank(wide, gazetteer, ctx) if s.candidate.is_region]
        return (wide, ranked) if ranked else None
    return None


def _one_of_namesakes(c: Candidate, why: str, ranked: list[Scored]) -> tuple[Candidate, str]:
    """Namesakes inside the region the text names, that nothing else in the article tells apart: the best
    is kept but only as "one of these", at precision 2 with their spread as the uncertainty."""
    tied = [s.candidate for s in ranked[1:] if s.score > ranked[0].score - 0.5]
    if not tied:
        return c, why
    spread = max(haversine_km(c.lat, c.lon, o.lat, o.lon) for o in tied)
    if spread <= _NEAR_UNCERTAINTY_KM:
        return c, why
    return (replace(c, precision=max(c.precision, 2), uncertainty_km=max(c.uncertainty_km, round(spread))),
            f"{why}; one of {len(tied) + 1} places of this name in the region, {spread:.0f} km apart")


def _known_part(f: Found, gazetteer: Gazetteer, ctx: ArticleContext) -> tuple[Found, Candidate | None, str] | None:
    """For a name the gazetteer lacks that begins with one it has ("Arizona State University", "Birmingham
    City", "Liverpool Academy"), or that is a direction and one ("West Surrey"), the known part, if it is
    officially so called and a region or a town of some size: the mention is in or by it, so it is located
    no finer than precision 2. The last word of a longer name is its kind ("Royal Street", "Eva's
    Village"), never a place, unless it is a country after one word ("Rebuilding Ireland", a scheme)."""
    if (township := township_name(f.lookup)) is not None:
        placed = township_place(f, township, gazetteer, ctx)
        return (replace(f, source="part"), *placed) if placed is not None else (
            f, None, f"a township named after '{township}', and no place of that name in the article's area")
    words = f.lookup.split()
    if "of" in words[1:-1]:
        # "Gulf of Aden", "outskirts of Kherson": the head before "of" is a kind of place, the name after it
        # is where; "Bank of England" is in England. Never the head alone ("Gulf", a province of PNG).
        tail = " ".join(words[words.index("of", 1) + 1:])
        parts = [tail] if tail[:1].isupper() else []
    else:
        parts = [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
        # "North West England", "North-Western Sydney": the place after the directions, never the directions
        # alone (North West, a province of South Africa)
        lead = next((i for i, w in enumerate(words) if not is_compass(w)), len(words))
        if 0 < lead < len(words):
            parts = [" ".join(words[lead:])] + [p for p in parts if len(p.split()) > lead]
        elif len(words) == 2 and gazetteer.country(words[1]) is not None:
            parts.append(words[1])  # "Rebuilding Ireland", "Invest India": a scheme named after its country
    # "Tennessee Colony", "Florida City": a settlement named after a region lies anywhere, not in it
    named_after_region = len(words) > 1 and words[-1].istitle() and words[-1].casefold() in _SETTLEMENT_WORDS
    for part in parts:
        if not part[:1].isupper() or part.casefold() in _NOT_PARTS or part.casefold() in COMPASS:
            continue
        # Only places the part names itself: "Indian" in "Indian Orchard" is no reason to go to India.
        named = {c.id for c in gazetteer.candidates(part)}
        # ... and a town only in a country the article is about: "Gora" of "Gora Namaye village in Zamfara
        # State" is no town in Poland.
        ranked = [s for s in rank(replace(f, lookup=part, level="any"), gazetteer, ctx)
                  if s.candidate.id in named and s.candidate.quality == 0 and s.candidate.feature != "continent"
                  and not (s.candidate.is_region and named_after_region)
                  and (s.candidate.is_region or s.candidate.population >= _PART_MIN_POPULATION
                       and (s.supported or fits_article(s.candidate, f, ctx)))]
        c, why = decide(f, ranked)
        if c is not None:
            return replace(f, source="part"), c, f"{why}; '{part}' named within '{f.lookup}'"
    return None


def to_mention(article_id: str, f: Found, c: Candidate | None, why: str) -> PlaceMention:
    if c is None:
        return PlaceMention(article_id, f.start, f.end, f.text, f.kind, None, why)
    if f.source == "city-part":
        place = c.to_place()
    elif f.source == "part":
        place = c.to_place(precision=2, uncertainty_km=c.uncertainty_km + _NEAR_UNCERTAINTY_KM)
    elif f.level == "near" and not c.is_region:
        place = c.to_place(precision=2, uncertainty_km=c.uncertainty_km + _NEAR_UNCERTAINTY_KM)
        why += "; near it, not in it"
    elif f.level == "centre" and c.feature != "admin2":
        place = c.to_place(precision=2, uncertainty_km=c.uncertainty_km + _NEAR_UNCERTAINTY_KM)
        why += "; a community, district or axis coded to its centre"
    else:
        place = c.to_place()
    return PlaceMention(article_id, f.start, f.end, f.text, f.kind, place, why)


def _candidate_sets(found: list[Found], gazetteer: Gazetteer, ctx: ArticleContext) -> dict[str, list[Candidate]]:
    """Each distinct name's plausible candidates (the likeliest few dozen), for `colocation.support`."""
    out: dict[str, dict[int, Candidate]] = {}
    for f in found:
        if f.kind == "demonym":
            continue
        seen = out.setdefault(name_key(f.lookup), {})
        for c in _candidates(f, gazetteer, ctx):
            if plausible(c, f) and not _country_wide(c, gazetteer):
                seen.setdefault(c.id, c)
    return {key: sorted(_officially_named(list(cands.values())), key=prior, reverse=True)[:_COLOCATION_CANDIDATES]
            for key, cands in out.items()}


def _country_wide(c: Candidate, gazetteer: Gazetteer) -> bool:
    """A region that is nearly all of its country (England, of the United Kingdom): naming it says which
    country, as "Britain" does, not which part. Counted as a region too, it would back every English town
    twice over: Washington, Tyne and Wear, for "Washington" in a story on the United States that mentions
    London, England."""
    if c.feature != "admin1":
        return False
    country = gazetteer.countries().get(c.country or "")
    return country is not None and c.population >= _WHOLE_COUNTRY * country.population


def _officially_named(cands: list[Candidate]) -> list[Candidate]:
    """A name that is officially a country's or a region's ("Mexico", "Montana") lends no co-location
    support to the towns that bear it only as an alternate name (Mexico City, Montana City): their
    neighbours would otherwise outvote the country, which co-location does not score."""
    if any(c.quality == 0 and c.feature in ("country", "admin1") for c in cands):
        return [c for c in cands if c.quality == 0]
    return cands


def resolve_mentions(found: list[Found], article_id: str, gazetteer: Gazetteer, war: bool = False,
                     site: str | None = None, text: str = "") -> list[PlaceMention]:
    """`site`: the country the article's website is registered in (`geo.site.site_country`), counted as
    one more name of that country. `text`: the article's text, for what stands between names (lists)."""
    home = (("", site, _SITE_WEIGHT),) if site else ()
    first = replace(_EMPTY, war=war, country_names=home)
    colocated = colocation.support(_candidate_sets(found, gazetteer, first))
    first = replace(first, colocated=colocated)
    resolved = _resolve_all(found, gazetteer, first, text)
    for _ in range(_PASSES):
        ctx = context_of([(f, c) for f, c, _ in resolved], gazetteer)
        ctx = replace(ctx, war=war, colocated=colocated, country_names=ctx.country_names + home)
        resolved = _resolve_all(found, gazetteer, ctx, text)
    return [to_mention(article_id, f, c, why) for f, c, why in city_parts(resolved)]


_OVER = re.compile(r"\bover\s+$")


def _skies_over_region(text: str, f: Found, gazetteer: Gazetteer) -> Found:
    """"destroyed in the skies over Voronezh": a Russian governor's or ministry's "over X" is the region, as
    "in Belgorod" is the city."""
    if f.level != "any" or not _OVER.search(text[max(0, f.start - 8):f.start]):
        return f
    region = region_alias(gazetteer, f.lookup)
    return replace(f, level="region") if region is not None and region.country == "RU" else f


def places_for_doc(doc: Doc, article_id: str, gazetteer: Gazetteer, url: str | None = None) -> list[PlaceMention]:
    """Find and resolve every place mention in a parsed article (published at `url`, where known)."""
    text = doc.text  # spaCy builds it anew on every access
    war = is_war_report(text)
    found = add_containers(doc, gazetteer, find_mentions(doc, gazetteer, war, text), sentence_index(doc), text)
    found = [_skies_over_region(text, f, gazetteer) for f in found]
    war = war or any((f.container or "").startswith("UA.") for f in found)
    return resolve_mentions(found, article_id, gazetteer, war=war, site=site_country(url), text=text)


def resolve_name(name: str, gazetteer: Gazetteer, country: str | None = None, admin1: str | None = None,
                 near: str | None = None) -> Candidate | None:
    """Resolve a bare name, optionally inside a country and a first-level region, and near another named
    place (for tables of places such as UCDP's, where the region and district are columns rather than
    words of an article). A place of that name inside the region is preferred to any larger one outside
    it, and none outside it is ever chosen."""
    region = gazetteer.admin1(admin1, country) if admin1 else None
    code = region.admin1_code if region else None
    anchor = resolve_name(near, gazetteer, country, admin1) if near else None
    points = ((name_key(near or ""), anchor.lat, anchor.lon, anchor.admin1_code or ""),) if anchor else ()
    ctx = ArticleContext((("", country, 1.0),) if country else (), frozenset([("", code)] if code else []),
                         frozenset([(0, "", code)] if code else []), points)
    found = Found(0, len(name), name, name, "toponym", "settlement", 0, "table")
    ranked = rank(found, gazetteer, ctx)
    if code:
        # Only places of that name elsewhere: one of them would be a confident wrong pin.
        ranked = [s for s in ranked if s.candidate.admin1_code == code]
    c, _ = decide(found, ranked)
    return c
