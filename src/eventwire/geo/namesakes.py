"""Ranking the places that share a name.

Each candidate gets a score from its own weight (feature, population, how exactly the name matched) and
from the article: its focus country (the most mentioned), the regions it names, and how close the
candidate lies to the places already resolved. Rules for namesakes then keep a well-known city from being
outranked by a hamlet, a region or a town named after a state that shares its name; `decide` takes the
best, or none with a reason when nothing supports a choice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from eventwire.geo.demonyms import demonym_place
from eventwire.geo.found import Found
from eventwire.geo.gazetteer import SETTLEMENT_FEATURES, Candidate, Gazetteer
from eventwire.geo.names import name_key, nested
from eventwire.geo.raions import in_raion
from eventwire.geo.regions import in_container
from eventwire.geo.rows import haversine_km

_FEATURE_PRIOR = {"country": 4.0, "continent": 3.0, "admin1": 1.0, "capital": 1.5, "city": 0.5,
                  "town": 0.0, "village": 0.0, "admin2": 0.0}
# A region's population is that of all its places; weigh it down so that a city is not outranked by a
# region of the same name merely for containing it (New York the city, not the state).
_POPULATION_SHARE = {"admin1": 0.1, "admin2": 0.1}
_QUALITY_PENALTY = (0.0, 0.5, 1.5)
# A city this large is known by its alternate names as well as by its official one ("New York" for New York
# City, "Zaporizhzhia" for Zaporizhzhya): they are no weaker evidence than an exact match.
_WELL_KNOWN_CITY = 100_000
_WELL_KNOWN_REGION = 1_000_000  # a county or province this populous is what its bare name means
_SPELLING_RATIO = 0.75
_POP_WEIGHT = 0.6
# What the article's context adds to a candidate's score (see `score`).
_BONUS = {"focus_country": 2.0, "named_country": 1.5, "region_in_sentence": 3.0, "region_in_article": 2.0,
          "county_in_article": 2.0, "near": 1.5, "close": 1.0, "nearish": 0.75, "war": 2.5, "container": 5.0,
          "colocated": 2.0}
# A country backed by much less than the focus country is mostly backed by names it was itself chosen for
# (Kent, Fife and Cheshire all read in the United States, in an article about Britain): no evidence.
_NAMED_SHARE = 0.5
_COLOCATED_CAP = 2.0  # support beyond this (two unambiguous names) adds nothing
SMALL = 5_000
_UNCOUNTED = 500
_TOWN_NAMING_REGION = 20_000  # a town this big can give its name to the region around it
_METROPOLIS = 1_000_000
_LARGE_CITY = 500_000
_DWARFED_PENALTY = 3.0
_ACRONYM_MIN_POPULATION = 100_000
_NEAR_KM = 200  # the article's other places within this distance back a candidate (see `score`)
_NEARISH_KM = 500  # ... and within this distance lean towards it, without backing it


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
    # name key -> a county the article names with its generic word ("DeKalb County"): news then shortens
    # it ("DeKalb schools"), and the bare name is that county, or a town of the name inside it
    counties: Mapping[str, Candidate] = field(default_factory=dict)
    # (name key, admin-1 code, county) of the counties (admin-2) the article's names resolved to
    admin2_named: frozenset[tuple[str, str, str]] = frozenset()
    # countries bordering those the article names, not named themselves: where a tie between namesakes
    # in two countries leans ("Israeli strikes ... in Gaza": Gaza beside Israel, not Gaza in Mozambique)
    neighbours: frozenset[str] = frozenset()
    # (name key, country) of the names resolved to a place, demonyms left out: where the article's places lie
    placed: frozenset[tuple[str, str]] = frozenset()

    def names_russian_region(self) -> bool:
        """The article names a region of Russia (the Kursk incursion, Belgorod shelling)."""
        return any(code.startswith("RU.") for _, code in self.admin1_codes)

    def backing(self, country: str | None, own_key: str) -> tuple[float, float]:
        """(weight of `country` in the article, weight of the focus country), leaving out the mention's
        own name, so that no name supports its own reading."""
        weights: dict[str, float] = {}
        for key, cc, weight in self.country_names:
            if _other_name(key, own_key):
                weights[cc] = weights.get(cc, 0.0) + weight
        top = max(weights.values(), default=0.0)
        return float(weights.get(country or "", 0.0)), float(top)


def _other_name(key: str, own_key: str) -> bool:
    """A name other than the mention's own, nor one inside it or around it: "London" (of "New London
    Police") is no evidence for reading "New London" as London, Ohio, nor "Montana" for Montana City."""
    return not nested(key, own_key)


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
    # GeoNames' cities500 holds places of 500 people or more and the seats of districts; a settlement
    # there without a population is not empty but uncounted (a town's quarter, a district's seat). In
    # Ukraine, whose registry villages (KATOTTG) carry no population at all, GeoNames' uncounted ones
    # keep their equal footing with them.
    uncounted = c.feature in SETTLEMENT_FEATURES and c.coord_source == "geonames" and c.country != "UA"
    counted = c.population or (_UNCOUNTED if uncounted else 0)
    pop = counted * _POPULATION_SHARE.get(c.feature, 1.0)
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
    regions = {code for key, code in ctx.admin1_codes if _other_name(key, own_key)}
    if c.admin1_code and c.feature not in ("admin1", "country", "continent") and c.admin1_code in regions:
        same_sentence = any(sent == found.sent and code == c.admin1_code and _other_name(key, own_key)
                            for sent, key, code in ctx.sentence_admin1)
        s += _BONUS["region_in_sentence"] if same_sentence else _BONUS["region_in_article"]
        support = True
    if c.feature == "admin1" and c.admin1_code in regions:
        # the state the article names another way ("Wash.", "WA"): its full name means it too
        s, support = s + _BONUS["region_in_article"], True
    if c.feature in SETTLEMENT_FEATURES and c.admin2 and any(
            _other_name(key, own_key) and code == c.admin1_code and county == c.admin2
            for key, code, county in ctx.admin2_named):
        # the county the article names holds it: "Alexandria" in a story on Douglas County, Minnesota
        s, support = s + _BONUS["county_in_article"], True
    if c.feature not in ("admin1", "country", "continent") and ctx.points:
        nearest = min((haversine_km(c.lat, c.lon, lat, lon) for key, lat, lon, _ in ctx.points
                       if _other_name(key, own_key)), default=1e9)
        if nearest < _NEAR_KM:
            s, support = s + _BONUS["near"] + (_BONUS["close"] if nearest < 50 else 0.0), True
        elif nearest < _NEARISH_KM:
            s += _BONUS["nearish"]
    elif c.feature == "admin1" and any(code == c.admin1_code and _other_name(key, own_key)
                                       for key, _, _, code in ctx.points):
        s, support = s + _BONUS["near"], True  # a region the article's other places lie in
    russian_regions = ctx.names_russian_region()
    if war and ctx.war and c.country == "UA" and not c.is_region and not russian_regions:
        # A war report's village is the Ukrainian one, not its Russian namesake, unless the text says Russia
        # (a container, or a Russian region named in the article: the Kursk incursion, Belgorod shelling);
        # an alternate spelling that happens to match gets half the weight.
        s += _BONUS["war"] / (1 + _quality(c, as_own))
        support = support or _quality(c, as_own) == 0  # its own name: a village of the war's country
    if (found.container and in_container(c.admin1_code, found.container)) or (found.raion and in_raion(c, found.raion)):
        s, support = s + _BONUS["container"], True
    if (backing := ctx.colocated.get((own_key, c.id), 0.0)) > 0:
        s, support = s + _BONUS["colocated"] * min(backing, _COLOCATED_CAP), True
    return Scored(c, s, support)


def plausible(c: Candidate, found: Found) -> bool:
    """An acronym ("EU", "UN") is never a town that happens to share its letters (Eu, in Normandy): only
    regions and big cities ("LA", "NYC") are known by their initials. A river, sea or lake is no region or
    town that bears its name only as an alternate one."""
    return _allowed(c, found) and not (found.lookup.isupper() and len(found.lookup) <= 4
                                       and c.population < _ACRONYM_MIN_POPULATION and not c.is_region) \
        and not _water_named(found.lookup, c.name)


_WATER_WORDS = frozenset({"river", "sea", "lake", "bay", "gulf", "creek", "strait", "ocean", "lagoon"})


def _water_named(name: str, candidate: str) -> bool:
    """"the Red River" (not Red River County), "the Red Sea" (not Egypt's Red Sea governorate): a name
    ending (or, for lakes, beginning) with a water word, matched to a place whose own name does not."""
    words, own = name.lower().split(), candidate.lower().split()
    if len(words) < 2 or not own:
        return False
    if words[-1] in _WATER_WORDS:
        return own[-1] != words[-1]
    return words[0] == "lake" and own[0] != "lake"


def rank_candidates(found: Found, cands: list[Candidate], gazetteer: Gazetteer,
                    ctx: ArticleContext) -> list[Scored]:
    """The plausible ones of `cands`, best first."""
    cands = [c for c in cands if plausible(c, found)]
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
        cands = [c for c in cands if c.is_region or c.population >= SMALL]
    cands = _named_after_state(found, _named_after_centre(found, cands))
    war = not _foreign_region(found, cands)
    as_own = _spelled_as_own(found.lookup, cands)
    scored = [score(c, found, ctx, war, as_own) for c in cands]
    return sorted(_dwarfed(found, scored, ctx), key=lambda s: -s.score)



def _named_after_centre(found: Found, cands: list[Candidate]) -> list[Candidate]:
    """A bare name that is exactly a town's and only another name of the region around it is the town:
    "in Kherson" is the city, not Kherson oblast, which is named after it ("Kherson region" is the oblast)."""
    if found.level != "any":
        return cands
    centres = {c.admin1_code for c in cands if c.feature in SETTLEMENT_FEATURES and c.quality == 0
               and c.population >= _TOWN_NAMING_REGION and c.admin1_code}
    # A city of millions is what its bare name means even where the region around it officially bears the
    # same name ("New York", "Istanbul", "Sao Paulo"): news names the state as "New York state". Ukraine's
    # and Russia's regions keep the readings of `regions.region_alias` ("over Voronezh" in a governor's
    # report is his oblast).
    key = name_key(found.lookup)
    metropolises = {c.admin1_code for c in cands if c.feature in SETTLEMENT_FEATURES and c.admin1_code
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


def _dwarfed(found: Found, scored: list[Scored], ctx: ArticleContext) -> list[Scored]:
    """A hamlet that bears the name of a well-known city of its own country is not what the name means
    because the article's region happens to hold it: the country's support cannot tell the two apart, and
    only the text putting the hamlet there (a container, a district) says so."""
    if found.container or found.raion is not None:
        return scored
    big = {s.candidate.country for s in scored if s.candidate.feature in SETTLEMENT_FEATURES
           and s.candidate.population >= _WELL_KNOWN_CITY and s.candidate.quality <= 1}
    # A city of millions known by this very name ("London") dwarfs its hamlets in every country.
    world_city = any(s.candidate.feature in SETTLEMENT_FEATURES and s.candidate.population >= _METROPOLIS
                     and s.candidate.quality == 0 for s in scored)
    # A town of a few thousand beside a city of half a million of its own country is as dwarfed.
    large = {s.candidate.country for s in scored if s.candidate.feature in SETTLEMENT_FEATURES
             and s.candidate.population >= _LARGE_CITY and s.candidate.quality == 0}
    # A village beside a well-known city elsewhere is dwarfed less, and not at all in a region the article
    # names or near its other places: only support from the country alone is in doubt.
    known = any(s.candidate.feature in SETTLEMENT_FEATURES and s.candidate.population >= _WELL_KNOWN_CITY
                and s.candidate.quality == 0 for s in scored)
    return [replace(s, score=s.score - _DWARFED_PENALTY)
            if s.candidate.feature in SETTLEMENT_FEATURES and (
                s.candidate.population < SMALL and (s.candidate.country in big or world_city)
                or s.candidate.population < _TOWN_NAMING_REGION and s.candidate.country in large) else
            replace(s, score=s.score - _DWARFED_PENALTY / 2)
            if s.candidate.feature in SETTLEMENT_FEATURES and s.candidate.population < SMALL and known
            and not locally_backed(s.candidate, ctx, name_key(found.lookup)) else s
            for s in scored]


def locally_backed(c: Candidate, ctx: ArticleContext, own_key: str) -> bool:
    """The article names the region `c` lies in, or another of its places lies near it."""
    return any(code == c.admin1_code and _other_name(key, own_key) for key, code in ctx.admin1_codes) or any(
        _other_name(key, own_key) and haversine_km(c.lat, c.lon, lat, lon) < _NEAR_KM
        for key, lat, lon, _ in ctx.points)


def _named_after_state(found: Found, cands: list[Candidate]) -> list[Candidate]:
    """A town named after a state or province of its own country (California and Washington,
    Pennsylvania), or a village named after a country (Italy, Texas), is what the name means only where
    the text puts it there ("California, Pa."): lying among the article's places is no evidence that
    "California" or "Italy" means it rather than the state or the country. So for a populous province
    or county ("Bulacan", three million people, and a village of Davao del Sur)."""
    if found.container or found.raion is not None or found.level in ("settlement", "near"):
        return cands
    states = {c.country for c in cands if c.quality == 0 and (
        c.feature == "admin1" or c.feature == "admin2" and c.population >= _WELL_KNOWN_REGION)}
    country = any(c.feature == "country" and c.quality == 0 for c in cands)
    return [c for c in cands if not (c.feature in SETTLEMENT_FEATURES and (
        c.country in states and c.population < _WELL_KNOWN_CITY or country and c.population < SMALL))]


def decide(found: Found, ranked: list[Scored], ctx: ArticleContext | None = None) -> tuple[Candidate | None, str]:
    """The chosen candidate and why, or None and why not. With the article's context, a small place that is
    the only one of its name is taken only in a country the article is about or names ("Kokang" in a report
    on Myanmar is no village of that name in Indonesia)."""
    if not ranked:
        if found.container:
            return None, f"no place called '{found.lookup}' in the region the text names ({found.container})"
        return None, "no gazetteer entry for this name"
    best = ranked[0]
    c = best.candidate
    if _foreign_town(best, found, ctx):
        return None, _only_small(found, c)
    # A region is known beyond its borders, unless it is as small as a village: "North Side", a district of
    # the Cayman Islands with 1,500 people, is not what a story on Pittsburgh means
    known_region = c.is_region and not 0 < c.population < SMALL
    if known_region or c.population >= SMALL or best.supported or found.level in ("settlement", "near") \
            or (len(ranked) == 1 and c.quality == 0 and fits_article(c, found, ctx)):
        # the only place in the world officially so called ("New Concord"): no namesake to mistake it for
        also = ""
        # A rival known by this name only as an alternate (Changchun for "Cancun") does not make it ambiguous.
        if len(ranked) > 1 and ranked[1].score > best.score - 0.5 and not best.supported \
                and ranked[1].candidate.quality <= c.quality:
            other = ranked[1].candidate
            km = haversine_km(c.lat, c.lon, other.lat, other.lon)
            if km > 161 and not c.is_region or other.country != c.country and _beside(other, c, ctx):
                if other.country != c.country and not _world_city_over(c, other, found, ctx):
                    return _by_neighbour(c, other, len(ranked), ctx)
                # Namesakes of one country (Arlington, Texas, or Arlington, Virginia): no wrong country is
                # possible, and the larger is the one news means more often; the reason keeps the doubt.
                also = f"; also a {other.feature} of this name in {other.admin1 or other.country}, {km:.0f} km away"
        return c, f"{c.feature} '{c.name}', {_why(best, len(ranked))}{also}"
    return None, _only_small(found, c)


def _only_small(found: Found, c: Candidate) -> str:
    return f"only small places called '{found.lookup}' ({c.name}, {c.country}), none in the article's country or region"


def _foreign_town(best: Scored, found: Found, ctx: ArticleContext | None) -> bool:
    """A town of a few thousand that nothing in the article backs, in a country none of its place names lie
    in, when they lie in others: the name is more likely a place the gazetteer lacks there (an airport, a
    suburb) than this namesake abroad. Countries named only by a demonym ("Russian forces") name actors,
    not where things are. A name the text itself calls a settlement ("Chiefland Police", "near X"), a village
    of no counted population (Ukraine's registry) and war reports keep their readings."""
    c = best.candidate
    if ctx is None or ctx.war or best.supported or found.container or found.level != "any" \
            or c.feature not in SETTLEMENT_FEATURES or not 0 < c.population < _TOWN_NAMING_REGION:
        return False
    own = name_key(found.lookup)
    countries = {cc for key, cc in ctx.placed if key != own}
    return bool(countries) and c.country not in countries


def _world_city_over(c: Candidate, other: Candidate, found: Found, ctx: ArticleContext | None) -> bool:
    """A city of millions known by this very name ("London") is what the name means over a town of it in a
    country the article names, unless the article's other places lie in that town's region or within a few
    hundred km of it: naming Canada is no evidence for London, Ontario, but a story whose other towns lie in
    Kentucky keeps London, Kentucky in play."""
    if ctx is None or not (c.feature in SETTLEMENT_FEATURES and c.quality == 0 and c.population >= _METROPOLIS
                           and other.population < c.population / 10):
        return False
    own_key = name_key(found.lookup)
    return not locally_backed(other, ctx, own_key) and not any(
        _other_name(key, own_key) and haversine_km(other.lat, other.lon, lat, lon) < _NEARISH_KM
        for key, lat, lon, _ in ctx.points)


def _beside(a: Candidate, b: Candidate, ctx: ArticleContext | None) -> bool:
    """`a` lies in a country next to one the article names, and `b` does not."""
    return ctx is not None and a.country in ctx.neighbours and b.country not in ctx.neighbours


def _by_neighbour(c: Candidate, other: Candidate, n: int, ctx: ArticleContext | None) -> tuple[Candidate | None, str]:
    """Of two namesakes in two countries, the one in a country next to a country the article names; else
    neither."""
    for pick, rival in ((c, other), (other, c)):
        if _beside(pick, rival, ctx):
            return pick, (f"{pick.feature} '{pick.name}', next to a country the article names, best of {n} "
                          f"candidates; also {rival.name} ({rival.country})")
    return None, f"ambiguous: {c.name} ({c.country}) or {other.name} ({other.country})"


def fits_article(c: Candidate, found: Found, ctx: ArticleContext | None) -> bool:
    """The article's other names (not this one's own earlier reading) leave room for the candidate's country."""
    if ctx is None:
        return True
    own = name_key(found.lookup)
    countries = {cc for key, cc, _ in ctx.country_names if key != own} | set(ctx.named_countries)
    return not countries or c.country in countries


def _why(best: Scored, n: int) -> str:
    parts = ["supported by the article's places" if best.supported
             else "the only place of its name" if n == 1 else "largest of its name"]
    if n > 1:
        parts.append(f"best of {n} candidates")
    return ", ".join(parts)
