"""Choosing the place each mention refers to.

Each candidate gets a score from its own weight (feature, population, how exactly the name matched) and
from the article: its focus country (the most mentioned), the regions it names, and how close the
candidate lies to the places already resolved. Two passes: the first resolves on priors alone and gives
the context; the second re-scores with it. When nothing supports a choice the mention stays unresolved
with a reason, rather than pinned confidently to the wrong place.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from eventwire.geo import colocation, tolerant
from eventwire.geo.containers import add_containers, world_region
from eventwire.geo.gazetteer import Candidate, Gazetteer
from eventwire.geo.hromadas import district_centres, hromada_centres, looks_adjectival
from eventwire.geo.names import name_key, romanize_cyrillic
from eventwire.geo.raions import in_raion
from eventwire.geo.regions import region_alias
from eventwire.geo.renamed import renamed
from eventwire.geo.rows import haversine_km
from eventwire.geo.toponyms import COMPASS, UNIONS, Found, demonym_place, find_mentions, sentence_index
from eventwire.records.place import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

_FEATURE_PRIOR = {"country": 4.0, "continent": 3.0, "admin1": 1.0, "capital": 1.5, "city": 0.5,
                  "town": 0.0, "village": 0.0, "admin2": 0.0}
# A region's population is that of all its places; weigh it down so that a city is not outranked by a
# region of the same name merely for containing it (New York the city, not the state).
_POPULATION_SHARE = {"admin1": 0.1, "admin2": 0.1}
_QUALITY_PENALTY = (0.0, 0.5, 1.5)
# A city this large is known by its alternate names as well as by its official one ("New York" for New York
# City, "Zaporizhzhia" for Zaporizhzhya): they are no weaker evidence than an exact match.
_WELL_KNOWN_CITY = 100_000
_SPELLING_RATIO = 0.75
_POP_WEIGHT = 0.6
# What the article's context adds to a candidate's score (see `score`).
_BONUS = {"focus_country": 2.0, "named_country": 1.5, "region_in_sentence": 3.0, "region_in_article": 2.0,
          "near": 1.5, "close": 1.0, "nearish": 0.75, "war": 2.5, "container": 5.0, "colocated": 2.0}
# A country backed by much less than the focus country is mostly backed by names it was itself chosen for
# (Kent, Fife and Cheshire all read in the United States, in an article about Britain): no evidence.
_NAMED_SHARE = 0.5
_COLOCATED_CAP = 2.0  # support beyond this (two unambiguous names) adds nothing
_COLOCATION_CANDIDATES = 60  # per name, by prior: enough for every Springfield
_SMALL = 5_000
_TOWN_NAMING_REGION = 20_000  # a town this big can give its name to the region around it
_METROPOLIS = 1_000_000
_SETTLEMENT_FEATURES = ("capital", "city", "town", "village")
_DWARFED_PENALTY = 3.0
_ACRONYM_MIN_POPULATION = 100_000
_PART_MIN_POPULATION = 10_000
# Words that name no place on their own, even where a gazetteer has a village so called.
_NOT_PARTS = {"north", "south", "east", "west", "central", "new", "old", "great", "upper", "lower", "saint",
              "st", "the", "city", "county", "university", "state", "national", "royal"}
_NEAR_UNCERTAINTY_KM = 10.0
_CYRILLIC = re.compile(r"[а-яіїєґё]", re.IGNORECASE)
_STRONG = 2.0  # weight of a name whose country is not in doubt
_PASSES = 2  # re-resolutions with the context of the previous one


@dataclass(frozen=True, slots=True)
class ArticleContext:
    # (name key, country) for each distinct name the article resolves to a country: a name repeated ten
    # times ("Dublin Arts Council ... Dublin schools") is one piece of evidence, not ten.
    country_names: tuple[tuple[str, str, float], ...]  # (name key, country, weight)
    admin1_codes: frozenset[tuple[str, str]]  # (name key, admin-1 code) of the regions named
    sentence_admin1: frozenset[tuple[int, str, str]]  # (sentence, name key, admin-1 code)
    points: tuple[tuple[str, float, float, str], ...]  # resolved settlements: (name key, lat, lon, admin-1)
    war: bool = False  # an article about the war in Ukraine: its Ukrainian namesakes come first
    # (name key, candidate id) -> support from the article's other names lying in the same place
    colocated: Mapping[tuple[str, int], float] = field(default_factory=dict)
    named_countries: frozenset[str] = frozenset()  # countries the article names, or names by a demonym

    def backing(self, country: str | None, own_key: str) -> tuple[float, float]:
        """(weight of `country` in the article, weight of the focus country), leaving out the mention's
        own name, so that no name supports its own reading."""
        weights: dict[str, float] = {}
        for key, cc, weight in self.country_names:
            if key != own_key:
                weights[cc] = weights.get(cc, 0.0) + weight
        top = max(weights.values(), default=0.0)
        return float(weights.get(country or "", 0.0)), float(top)


_EMPTY = ArticleContext((), frozenset(), frozenset(), ())


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: Candidate
    score: float
    supported: bool  # the article's context (country, region, neighbours) backs this candidate


def _allowed(c: Candidate, found: Found) -> bool:
    if found.level == "region":
        return c.feature in ("admin1", "admin2", "country")
    if found.level in ("settlement", "near"):
        return not c.is_region
    if found.level == "centre":
        return c.feature not in ("country", "admin1", "continent")
    return True


def _quality(c: Candidate, as_own: frozenset[int] = frozenset()) -> int:
    return 0 if c.id in as_own else min(c.quality, 2)


def _spelled_as_own(name: str, cands: list[Candidate]) -> frozenset[int]:
    """Well-known cities whose alternate name here is a spelling of their own ("Zaporizhzhia" for
    Zaporizhzhya, "New York" for New York City): as good as an exact match. Not an unrelated or former name
    (Berea, an old name of Aleppo), nor where another well-known city bears the name officially (Cancún,
    not Changchun, for "Cancun")."""
    if any(c.quality == 0 and not c.is_region and c.population >= _WELL_KNOWN_CITY for c in cands):
        return frozenset()
    key = name_key(name)
    return frozenset(c.id for c in cands if c.quality == 1 and not c.is_region
                     and c.population >= _WELL_KNOWN_CITY and _same_spelling(key, name_key(c.name)))


def _same_spelling(a: str, b: str) -> bool:
    import difflib

    return a[:3] == b[:3] and (a in b or difflib.SequenceMatcher(None, a, b).ratio() >= _SPELLING_RATIO)


def prior(c: Candidate, as_own: frozenset[int] = frozenset()) -> float:
    pop = c.population * _POPULATION_SHARE.get(c.feature, 1.0)
    return (_FEATURE_PRIOR.get(c.feature, 0.0) + _POP_WEIGHT * math.log10(pop + 1)
            - _QUALITY_PENALTY[_quality(c, as_own)])


def score(c: Candidate, found: Found, ctx: ArticleContext, war: bool = True,
          as_own: frozenset[int] = frozenset()) -> Scored:
    s = prior(c, as_own)
    support = False
    own_key = name_key(found.lookup)
    weight, top = ctx.backing(c.country, own_key)
    if weight > 0 and weight >= top:
        s, support = s + _BONUS["focus_country"], True
    elif weight > 0 and (weight >= _NAMED_SHARE * top or c.country in ctx.named_countries):
        s, support = s + _BONUS["named_country"], True
    # The region must be named by another name: "Montana" is not evidence for Montana City.
    regions = {code for key, code in ctx.admin1_codes if key != own_key}
    if c.admin1_code and c.feature not in ("admin1", "country", "continent") and c.admin1_code in regions:
        same_sentence = any(sent == found.sent and code == c.admin1_code and key != own_key
                            for sent, key, code in ctx.sentence_admin1)
        s += _BONUS["region_in_sentence"] if same_sentence else _BONUS["region_in_article"]
        support = True
    if c.feature not in ("admin1", "country", "continent") and ctx.points:
        nearest = min((haversine_km(c.lat, c.lon, lat, lon) for key, lat, lon, _ in ctx.points
                       if key != own_key), default=1e9)
        if nearest < 200:
            s, support = s + _BONUS["near"] + (_BONUS["close"] if nearest < 50 else 0.0), True
        elif nearest < 500:
            s += _BONUS["nearish"]
    elif c.feature == "admin1" and any(code == c.admin1_code and key != own_key for key, _, _, code in ctx.points):
        s, support = s + _BONUS["near"], True  # a region the article's other places lie in
    russian_regions = any(code.startswith("RU.") for _, code in ctx.admin1_codes)
    if war and ctx.war and c.country == "UA" and not c.is_region and not russian_regions:
        # A war report's village is the Ukrainian one, not its Russian namesake, unless the text says Russia
        # (a container, or a Russian region named in the article: the Kursk incursion, Belgorod shelling);
        # an alternate spelling that happens to match gets half the weight.
        s += _BONUS["war"] / (1 + _quality(c, as_own))
    if (found.container and c.admin1_code == found.container) or (found.raion and in_raion(c, found.raion)):
        s, support = s + _BONUS["container"], True
    if (backing := ctx.colocated.get((own_key, c.id), 0.0)) > 0:
        s, support = s + _BONUS["colocated"] * min(backing, _COLOCATED_CAP), True
    return Scored(c, s, support)


def _plausible(c: Candidate, found: Found) -> bool:
    """An acronym ("EU", "UN") is never a town that happens to share its letters (Eu, in Normandy): only
    regions and big cities ("LA", "NYC") are known by their initials."""
    return _allowed(c, found) and not (found.lookup.isupper() and len(found.lookup) <= 4
                                       and c.population < _ACRONYM_MIN_POPULATION and not c.is_region)


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
        world = world_region(gazetteer, found.text)
        return world if world is not None and world.admin1_code == found.container else None
    return region


def _candidates(found: Found, gazetteer: Gazetteer, ctx: ArticleContext) -> list[Candidate]:
    """Every place the mention may name: its names, a region's other forms, and for a settlement that the
    text puts in a region, only those inside it (spelled exactly, or tolerantly when none is)."""
    if found.level == "region" and found.container:
        region = _region_row(found, gazetteer)
        return [region] if region is not None else []
    if found.level == "centre" and looks_adjectival(found.lookup) \
            and (centres := hromada_centres(gazetteer, found.lookup)):
        # "the Bilopilska hromada": the settlement it is named after, inside the region the text names
        return [c for c in centres if c.admin1_code == found.container] or centres if found.container else centres
    if found.level == "centre" and (towns := district_centres(gazetteer, found.lookup)):
        # "the Shebekinsky city district": the town it is named after (Shebekino), inside the region named
        return [c for c in towns if c.admin1_code == found.container] if found.container else towns
    seen: dict[int, Candidate] = {}
    for name in _names_to_look_up(found):
        for c in gazetteer.candidates(name):
            seen.setdefault(c.id, c)
    for c in renamed(gazetteer, found.lookup):
        seen[c.id] = c  # a former name of a Ukrainian town: as firm as its own
    if not seen and (base := _FACILITY_TAIL.sub("", found.lookup)) != found.lookup:
        seen = {c.id: c for c in gazetteer.candidates(base) if not c.is_region}
    if (continent := UNIONS.get(name_key(found.lookup))) is not None:
        seen.update({c.id: c for c in gazetteer.candidates(continent) if c.feature == "continent"})
    if (region := _region_row(found, gazetteer)) is not None:
        seen.setdefault(region.id, region)
    if found.container:
        inside = [c for c in seen.values() if c.admin1_code == found.container and not c.is_region]
        return inside or tolerant.in_region(gazetteer, found.lookup, found.container)
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
        return more or (tolerant.in_ukraine(gazetteer, found.lookup) if ctx.war else [])
    return list(seen.values())


def rank(found: Found, gazetteer: Gazetteer, ctx: ArticleContext) -> list[Scored]:
    cands = [c for c in _candidates(found, gazetteer, ctx) if _plausible(c, found)]
    if found.raion is not None:
        # "X village, Chuhuiv district": the namesake in that district, when the gazetteer has one
        cands = [c for c in cands if in_raion(c, found.raion)] or cands
    if found.level == "any" and (named := demonym_place(found.lookup, gazetteer)) is not None \
            and all(c.id != named.id for c in cands):
        # an adjective used as a toponym: "Russian forces", "the European market"; the village of
        # Canadian, Texas, is not what "Canadian" means
        cands.append(named)
    # "Chechnya's Akhmat forces": what owns forces is a region, a country or a city, not a hamlet that
    # shares its name
    if found.possessive and any(c.is_region or c.population >= _WELL_KNOWN_CITY for c in cands):
        cands = [c for c in cands if c.is_region or c.population >= _SMALL]
    cands = _named_after_state(found, _named_after_centre(found, cands))
    war = not _foreign_region(found, cands)
    as_own = _spelled_as_own(found.lookup, cands)
    scored = [score(c, found, ctx, war, as_own) for c in cands]
    return sorted(_dwarfed(found, scored), key=lambda s: -s.score)


def _named_after_centre(found: Found, cands: list[Candidate]) -> list[Candidate]:
    """A bare name that is exactly a town's and only another name of the region around it is the town:
    "in Kherson" is the city, not Kherson oblast, which is named after it ("Kherson region" is the oblast)."""
    if found.level != "any":
        return cands
    centres = {c.admin1_code for c in cands if c.feature in _SETTLEMENT_FEATURES and c.quality == 0
               and c.population >= _TOWN_NAMING_REGION and c.admin1_code}
    # A city of millions is what its bare name means even where the region around it officially bears the
    # same name ("New York", "Istanbul", "Sao Paulo"): news names the state as "New York state". Ukraine's
    # and Russia's regions keep the readings of `regions.region_alias` ("over Voronezh" in a governor's
    # report is his oblast).
    key = name_key(found.lookup)
    metropolises = {c.admin1_code for c in cands if c.feature in _SETTLEMENT_FEATURES and c.admin1_code
                    and c.population >= _METROPOLIS and c.country not in ("UA", "RU")
                    and (c.quality == 0 or _same_spelling(key, name_key(c.name)))}
    return [c for c in cands if not (c.feature == "admin1" and (c.quality >= 1 and c.admin1_code in centres
                                                                or c.admin1_code in metropolises))]


def _foreign_region(found: Found, cands: list[Candidate]) -> bool:
    """A bare name that is also a sizeable region or country outside Ukraine ("Chechnya", "Poland"): in a
    war report, Ukraine's village of that name gets no preference over it."""
    return found.level == "any" and any(
        c.feature in ("admin1", "country") and c.country != "UA" and c.quality <= 1
        and c.population >= _WELL_KNOWN_CITY for c in cands)


def _dwarfed(found: Found, scored: list[Scored]) -> list[Scored]:
    """A hamlet that bears the name of a well-known city of its own country is not what the name means
    because the article's region happens to hold it: the country's support cannot tell the two apart, and
    only the text putting the hamlet there (a container, a district) says so."""
    if found.container or found.raion is not None:
        return scored
    big = {s.candidate.country for s in scored if s.candidate.feature in _SETTLEMENT_FEATURES
           and s.candidate.population >= _WELL_KNOWN_CITY and s.candidate.quality <= 1}
    return [replace(s, score=s.score - _DWARFED_PENALTY)
            if s.candidate.feature in _SETTLEMENT_FEATURES and s.candidate.population < _SMALL
            and s.candidate.country in big else s
            for s in scored]


def _named_after_state(found: Found, cands: list[Candidate]) -> list[Candidate]:
    """A town named after a state or province of its own country (California and Washington,
    Pennsylvania) is what the name means only where the text puts it there ("California, Pa."): lying
    among the article's places is no evidence that "California" means it rather than the state."""
    if found.container or found.raion is not None or found.level in ("settlement", "near"):
        return cands
    states = {c.country for c in cands if c.feature == "admin1" and c.quality == 0}
    return [c for c in cands if not (c.feature in _SETTLEMENT_FEATURES and c.country in states
                                     and c.population < _WELL_KNOWN_CITY)]


def decide(found: Found, ranked: list[Scored]) -> tuple[Candidate | None, str]:
    """The chosen candidate and why, or None and why not."""
    if not ranked:
        if found.container:
            return None, f"no place called '{found.lookup}' in the region the text names ({found.container})"
        return None, "no gazetteer entry for this name"
    best = ranked[0]
    c = best.candidate
    if c.is_region or c.population >= _SMALL or best.supported or found.level in ("settlement", "near"):
        also = ""
        # A rival known by this name only as an alternate (Changchun for "Cancun") does not make it ambiguous.
        if len(ranked) > 1 and ranked[1].score > best.score - 0.5 and not best.supported \
                and ranked[1].candidate.quality <= c.quality:
            other = ranked[1].candidate
            km = haversine_km(c.lat, c.lon, other.lat, other.lon)
            if km > 161 and not c.is_region:
                if other.country != c.country:
                    return None, f"ambiguous: {c.name} ({c.country}) or {other.name} ({other.country})"
                # Namesakes of one country (Arlington, Texas, or Arlington, Virginia): no wrong country is
                # possible, and the larger is the one news means more often; the reason keeps the doubt.
                also = f"; also a {other.feature} of this name in {other.admin1 or other.country}, {km:.0f} km away"
        return c, f"{c.feature} '{c.name}', {_why(best, len(ranked))}{also}"
    return None, (f"only small places called '{found.lookup}' ({c.name}, {c.country}), "
                  "none in the article's country or region")


def _why(best: Scored, n: int) -> str:
    parts = ["supported by the article's places" if best.supported else "largest of its name"]
    if n > 1:
        parts.append(f"best of {n} candidates")
    return ", ".join(parts)


def context_of(resolved: list[tuple[Found, Candidate | None]], gazetteer: Gazetteer) -> ArticleContext:
    """What the article's resolved names say about where it is. A name counts once however often it is
    repeated; a country, a demonym, or a name that every candidate places in the same country counts
    double, as it is evidence that does not depend on how its own ambiguity was settled."""
    names: dict[tuple[str, str], float] = {}
    admin1: set[tuple[str, str]] = set()
    sentence_admin1: set[tuple[int, str, str]] = set()
    points = []
    named: set[str] = set()
    for found, c in resolved:
        key = name_key(found.lookup)
        if found.kind == "demonym" and found.country_hint:
            names[(key, found.country_hint)] = _STRONG
            named.add(found.country_hint)
            continue
        if c is None:
            continue
        if c.feature == "country" and c.country:
            named.add(c.country)
        if c.country:
            countries = {o.country for o in gazetteer.candidates(found.lookup) if _plausible(o, found)}
            weight = _STRONG if c.feature == "country" or countries == {c.country} else 1.0
            names[(key, c.country)] = max(weight, names.get((key, c.country), 0.0))
        if c.feature == "admin1" and c.admin1_code:
            admin1.add((key, c.admin1_code))
            sentence_admin1.add((found.sent, key, c.admin1_code))
        elif not c.is_region and c.population >= _SMALL:
            points.append((key, c.lat, c.lon, c.admin1_code or ""))
    return ArticleContext(tuple(sorted((k, cc, w) for (k, cc), w in names.items())), frozenset(admin1),
                          frozenset(sentence_admin1), tuple(points), named_countries=frozenset(named))


def _resolve_all(found: list[Found], gazetteer: Gazetteer,
                 ctx: ArticleContext) -> list[tuple[Found, Candidate | None, str]]:
    out: list[tuple[Found, Candidate | None, str]] = []
    for f in found:
        if f.kind == "demonym" and f.country_hint:
            country = gazetteer.countries().get(f.country_hint)
            out.append((f, country, "demonym of the country"))
            continue
        ranked = rank(f, gazetteer, ctx)
        if not ranked and (part := _known_part(f, gazetteer, ctx)) is not None:
            out.append(part)
            continue
        c, why = decide(f, ranked)
        if c is not None and f.container:
            c, why = _namesakes(c, why, ranked)
        out.append((f, c, why))
    return out


def _namesakes(c: Candidate, why: str, ranked: list[Scored]) -> tuple[Candidate, str]:
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


def _known_part(f: Found, gazetteer: Gazetteer, ctx: ArticleContext) -> tuple[Found, Candidate, str] | None:
    """For a name the gazetteer lacks that begins with one it has ("Arizona State University", "Birmingham
    City", "Liverpool Academy"), or that is a direction and one ("West Surrey"), the known part, if it is
    officially so called and a region or a town of some size: the mention is in or by it, so it is located
    no finer than precision 2. The last word of a longer name is its kind ("Royal Street", "Eva's
    Village"), never a place."""
    words = f.lookup.split()
    if "of" in words[1:-1]:
        # "Gulf of Aden", "outskirts of Kherson": the head before "of" is a kind of place, the name after it
        # is where; "Bank of England" is in England. Never the head alone ("Gulf", a province of PNG).
        tail = " ".join(words[words.index("of", 1) + 1:])
        parts = [tail] if tail[:1].isupper() else []
    else:
        parts = [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    if len(words) > 1 and words[0].lower() in COMPASS:
        parts.append(" ".join(words[1:]))
    for part in parts:
        if not part[:1].isupper() or part.casefold() in _NOT_PARTS or part.casefold() in COMPASS:
            continue
        # Only places the part names itself: "Indian" in "Indian Orchard" is no reason to go to India.
        named = {c.id for c in gazetteer.candidates(part)}
        ranked = [s for s in rank(replace(f, lookup=part, level="any"), gazetteer, ctx)
                  if s.candidate.id in named and s.candidate.quality == 0 and s.candidate.feature != "continent"
                  and (s.candidate.is_region or s.candidate.population >= _PART_MIN_POPULATION)]
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
            if _plausible(c, f):
                seen.setdefault(c.id, c)
    return {key: sorted(_officially_named(list(cands.values())), key=prior, reverse=True)[:_COLOCATION_CANDIDATES]
            for key, cands in out.items()}


def _officially_named(cands: list[Candidate]) -> list[Candidate]:
    """A name that is officially a country's or a region's ("Mexico", "Montana") lends no co-location
    support to the towns that bear it only as an alternate name (Mexico City, Montana City): their
    neighbours would otherwise outvote the country, which co-location does not score."""
    if any(c.quality == 0 and c.feature in ("country", "admin1") for c in cands):
        return [c for c in cands if c.quality == 0]
    return cands


def resolve_mentions(found: list[Found], article_id: str, gazetteer: Gazetteer,
                     war: bool = False) -> list[PlaceMention]:
    first = replace(_EMPTY, war=war)
    colocated = colocation.support(_candidate_sets(found, gazetteer, first))
    first = replace(first, colocated=colocated)
    resolved = _resolve_all(found, gazetteer, first)
    for _ in range(_PASSES):
        ctx = replace(context_of([(f, c) for f, c, _ in resolved], gazetteer), war=war, colocated=colocated)
        resolved = _resolve_all(found, gazetteer, ctx)
    return [to_mention(article_id, f, c, why) for f, c, why in city_parts(resolved)]


# Parts of a city: its districts ("the Kyivskyi district", "Saltivka neighbourhood") and landmarks
# ("Independence Square", "Central Station"). In an article that names a city, they are that city's,
# whatever namesake a gazetteer has for their words abroad.
_DISTRICT_WORDS = {"district", "neighbourhood", "neighborhood", "microdistrict", "quarter", "borough"}
_LANDMARK_WORDS = {"square", "street", "avenue", "boulevard", "park", "market", "bridge", "station", "stadium",
                   "cathedral", "monastery", "embankment", "metro", "mall", "hospital", "prospekt", "maidan"}
_ADJECTIVAL = re.compile(r"(?:skyi|sky|skiy|tskyi|ska|skyy)$", re.IGNORECASE)
_CITY_MIN_POPULATION = 100_000
_CITY_PART_KM = 30.0


def _city_part_kind(f: Found) -> str | None:
    words = f.text.split()
    last = words[-1].lower() if words else ""
    if last in _DISTRICT_WORDS and len(words) > 1:
        return "district"
    if last in _LANDMARK_WORDS or (words and words[0].lower() in _LANDMARK_WORDS and len(words) > 1):
        return "landmark"
    return None


def city_parts(resolved: list[tuple[Found, Candidate | None, str]]) -> list[tuple[Found, Candidate | None, str]]:
    """Districts and landmarks moved to the city the article names (the latest named before them, else the
    first), when their own reading is not in or near it: precision 1 for a district, 2 for a landmark."""
    cities = [(f.sent, c) for f, c, _ in resolved if c is not None and f.kind in ("toponym", "metonym")
              and c.feature in ("city", "capital") and c.population >= _CITY_MIN_POPULATION
              and f.source != "part" and _city_part_kind(f) is None]
    if not cities:
        return resolved
    # Only a city of a country the article is about or names: a carmaker's home town (Toyota) named in a
    # report on British racing is no city for its circuits to be in.
    counts = Counter(c.country for _, c, _ in resolved if c is not None and c.country)
    countries = {cc for cc, n in counts.items() if n == max(counts.values())} | {
        c.country for f, c, _ in resolved if c is not None and (c.feature == "country" or f.kind == "demonym")}
    out = []
    for f, c, why in resolved:
        kind = _city_part_kind(f)
        if kind is None or f.container or (c is not None and c.feature in ("country", "admin1", "continent")):
            out.append((f, c, why))
            continue
        near = c is not None and any(haversine_km(c.lat, c.lon, o.lat, o.lon) <= _CITY_PART_KM for _, o in cities)
        # "Pokrovsk district" is the raion named after the town Pokrovsk; "Kyivskyi district" is a city's.
        raion = kind == "district" and c is not None and not _ADJECTIVAL.search(f.lookup) and c.population > 0
        if near or raion:
            out.append((f, c, why))
            continue
        # The latest city named up to the mention's sentence; one named only after it is no evidence.
        around = [city for sent, city in cities if sent <= f.sent]
        if not around:
            out.append((f, c, why))
            continue
        city = around[-1]
        if city.country not in countries:
            out.append((f, c, why))
            continue
        prec = 1 if kind == "district" else 2
        out.append((replace(f, source="city-part"), replace(city, precision=max(city.precision, prec)),
                    f"a {kind} of {city.name}, the city the article names"))
    return out


# Words of a report on the war in Ukraine; with Ukraine or Russia named, the article is one.
_WAR_WORDS = re.compile(r"\b(?:Ukrain\w*|Russia\w*|Kyiv|Kremlin|Donbas\w*|oblast|hromada|Zelensk\w*|Putin)\b")
_WAR_MIN_HITS = 2


def is_war_report(text: str) -> bool:
    return len(_WAR_WORDS.findall(text)) >= _WAR_MIN_HITS and bool(re.search(r"\bUkrain|\boblast|\bhromada", text))


def places_for_doc(doc: Doc, article_id: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Find and resolve every place mention in a parsed article."""
    text = doc.text  # spaCy builds it anew on every access
    war = is_war_report(text)
    found = add_containers(doc, gazetteer, find_mentions(doc, gazetteer, war, text), sentence_index(doc), text)
    war = war or any((f.container or "").startswith("UA.") for f in found)
    return resolve_mentions(found, article_id, gazetteer, war=war)


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
