"""Capitalised words that a gazetteer knows but that name no place in their sentence: titles ("a former
Commissioner of Agriculture"), weapons named after places or words ("Grad rockets", "BM-21 Grad") and
surnames of people the article names in full ("Viacheslav Chaus ... According to Chaus"); and regions of
the world that no one point stands for ("the Middle East", "the Sahel")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.geo.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventwire.geo.found import Found

# Titles and ranks, capitalised before a name or an office; a village of that name is a coincidence.
TITLES = {"commissioner", "governor", "mayor", "president", "minister", "senator", "general", "colonel",
          "commander", "chief", "director", "secretary", "chairman", "chairwoman", "chairperson", "speaker",
          "prosecutor", "judge", "sheriff", "inspector", "ambassador", "prince", "princess", "king", "queen",
          "bishop", "deputy", "captain", "major", "lieutenant", "sergeant", "marshal", "admiral", "premier",
          "chancellor", "councillor", "councilor", "superintendent", "spokesman", "spokeswoman", "spokesperson",
          "emir", "governors", "commissioners", "ministers", "senators", "generals", "mayors", "officer",
          "representative", "envoy", "attorney", "lawmaker", "legislator", "commandant", "administrator"}
# Words after a name that make it a weapon ("Grad rockets", "Grad multiple rocket launchers").
WEAPON_WORDS = {"rocket", "rockets", "missile", "missiles", "launcher", "launchers", "mlrs", "howitzer",
                "howitzers", "multiple", "multiple-launch", "multiple-rocket", "salvo", "drone", "drones",
                "munition", "munitions", "warhead", "warheads", "system", "systems", "shells", "launch"}


# Regions of the world with no one point: a gazetteer's village called "Middle East" or a province called
# "Gulf" in Papua New Guinea is never what a report means by them. Continents are GeoNames features and
# stay places.
MACRO_REGIONS = frozenset({
    "middle east", "near east", "far east", "north africa", "west africa", "east africa", "central africa",
    "southern africa", "sub-saharan africa", "horn of africa", "sahel", "maghreb", "levant", "gulf",
    "persian gulf", "arabian gulf", "balkans", "western balkans", "caucasus", "south caucasus",
    "central asia", "south asia", "southeast asia", "south-east asia", "east asia", "latin america",
    "caribbean", "scandinavia", "baltics", "eastern europe", "western europe", "mediterranean", "pacific",
    "atlantic", "indian ocean", "arctic", "sahara", "asia-pacific", "asia pacific", "global south",
    "new england", "midwest", "pacific northwest", "deep south", "great plains"})


def macro_region(lookup: str) -> bool:
    return lookup.lower().removeprefix("the ") in MACRO_REGIONS


def _weapon(doc: Doc, start: int, end: int, gazetteer: Gazetteer, text: str) -> bool:
    """A name before a weapon word, or after a model designation ("BM-21 Grad", "BM -21 Grad"), that is no
    country ("US missiles" are the country's)."""
    nxt = doc[end].lower_ if end < len(doc) else ""
    prev = doc[start - 1].text if start > 0 else ""
    model = any(ch.isdigit() for ch in prev) and ("-" in prev or (start > 1 and doc[start - 2].text.isupper()))
    return (nxt in WEAPON_WORDS or model) and gazetteer.country(text) is None


_OFFICES = {"ministry", "department", "office", "secretary", "minister", "commissioner", "ministries",
            "ministers", "secretariat", "bureau", "council", "committee", "commission"}


# Titles whose "of" names the territory they govern: "the mayor of Ozark" is Ozark's mayor.
_TERRITORIAL_TITLES = {"mayor", "mayors", "governor", "governors", "sheriff", "premier", "prefect"}


def _office(doc: Doc, start: int) -> bool:
    """"Minister of Justice", "Ministry of Defence": the portfolio of an office, not a town so called."""
    return start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _OFFICES | TITLES \
        and not (doc[start - 2].lower_ in _TERRITORIAL_TITLES and doc[start].ent_type_ in ("GPE", "LOC"))


def _surnames(doc: Doc) -> set[str]:
    """Last words of people named with a first name: the same word alone later is the person."""
    return {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2
            and ent[-1].text[:1].isupper()}


def not_places(doc: Doc, found: list[Found], gazetteer: Gazetteer) -> list[Found]:
    """`found` without titles, weapons and surnames; settlements the text names as such ("the village of
    X") and big places stay."""
    surnames = _surnames(doc)
    out: list[Found] = []
    for f in found:
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is None or f.kind == "demonym" or f.level == "settlement":
            out.append(f)
            continue
        one_word = len(f.lookup.split()) == 1
        if one_word and f.lookup.lower() in TITLES:
            continue
        if _office(doc, span.start) and not _big(f.lookup, gazetteer):
            continue
        if _weapon(doc, span.start, span.end, gazetteer, f.lookup):
            continue
        if one_word and f.lookup in surnames and not _big(f.lookup, gazetteer):
            continue
        out.append(f)
    return out


def _big(name: str, gazetteer: Gazetteer) -> bool:
    return any(c.is_region or c.feature in ("capital", "country") or c.population >= 100_000
               for c in gazetteer.candidates(name))
