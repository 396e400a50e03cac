"""Whether a capitalised name that spaCy tagged as a person, a product or an organisation, or did not tag,
is a place after all: the words around it ("attacked Djibo", "between Coggeshall and Marks Tey", "Knockhill,
Fife."), its size, its neighbours in the gazetteer, and the spellings it may be under ("Qamishli" for Al
Qamishli)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.geo import tolerant
from eventwire.geo.cues import (
    CAP_WORD,
    DISTRICT_KINDS,
    LOCATIVE,
    attacked,
    based_in,
    contained,
    country_possessive,
    heads_entry,
    level_and_bounds,
    locative_before,
    military_site,
    part_of,
    strongly_placed,
)
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.hromadas import district_centres
from eventwire.geo.renamed import renamed
from eventwire.geo.rows import haversine_km

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

def district_of(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """"the Grayvoronsky district": a district's adjective before a district word, named after a town."""
    if start > 0 and doc[start - 1].text in ("-", "–") and not doc[start - 1].whitespace_:
        return False  # "Novhorod-Siversky district": the end of a compound town name, not an adjective
    first = doc[end].lower_ if end < len(doc) else ""
    second = doc[end + 1].lower_ if end + 1 < len(doc) else ""
    district = first in ("district", "raion", "okrug") or (first in DISTRICT_KINDS and second in ("district", "okrug"))
    return district and bool(district_centres(gazetteer, doc[start:end].text))


# A name spaCy calls a person is a place of this size with a strong cue ("in", an attack), and of the larger
# one after a weaker word ("from", "to").
_PERSON_MIN_POPULATION = 10_000
_PERSON_CITY_POPULATION = 100_000
_MISTAGGED_ENTS = {"PRODUCT", "WORK_OF_ART"}


def product_place(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """spaCy tags some cities as products or titles ("attacked Kursk", "near Lashio in Shan State",
    "attacked Djibo"): a town of some size after a locative word or as the object of an attack is the place."""
    if any(doc[t].ent_type_ not in _MISTAGGED_ENTS for t in range(start, end)):
        return False
    cue = locative_before(doc, start) or attacked(doc, start, end)
    return cue and any(c.is_region or c.population >= _PERSON_MIN_POPULATION
                       for c in gazetteer.candidates(doc[start:end].text))


def not_a_person(doc: Doc, start: int, end: int, gazetteer: Gazetteer, war: bool = True) -> bool:
    """A span spaCy calls a person is a place only with an explicit settlement cue, or when it is a
    sizable place right after "in", "near" or "outside" ("in Kent"; "according to Davis" is a person)."""
    if all(doc[t].ent_type_ != "PERSON" for t in range(start, end)):
        return True
    level, *_ = level_and_bounds(doc, start, end)
    if level == "settlement" or heads_entry(doc, start) or contained(doc, end) or based_in(doc, end):
        return True
    if region_after_place(doc, start, end, gazetteer):
        return True
    if level == "region" and (any(c.is_region for c in gazetteer.candidates(doc[start:end].text))
                              or district_of(doc, start, end, gazetteer)):
        return True  # "the department of César", "the Grayvoronsky district"
    text = doc[start:end].text
    if (cc := country_possessive(doc, start, gazetteer)) is not None:
        return any(c.country == cc for c in gazetteer.candidates(text))  # "Syria's Sweida"
    if military_site(doc, start, end):
        return True  # "the Niafounke camp"
    if war and start > 0 and doc[start - 1].lower_ in LOCATIVE and not gazetteer.has_name(text) \
            and tolerant.known_spelling(gazetteer, text):
        return True  # "directions of Rabotino": a Russian-form village name, not a person's
    if _between_neighbours(doc, start, end, gazetteer) or (
            start > 0 and doc[start - 1].lower_ in LOCATIVE and _beside_sentence_place(doc, start, end, gazetteer)):
        # "between Coggeshall and Marks Tey", "to Cirencester from Gloucester": a place a few km from another
        # place of its sentence, not a person
        return True
    strong = strongly_placed(doc, start) or attacked(doc, start, end) or part_of(doc, start)
    # "militias from Misrata", "between Kharkiv and Izium": a city this large after a weaker place word
    weak = start > 0 and doc[start - 1].lower_ in ("from", "between", "to", "towards")
    if not (strong or weak):
        return False
    cands = [*gazetteer.candidates(text), *renamed(gazetteer, text)] or tolerant.by_arabic_form(gazetteer, text)
    if strong and any(c.is_region or c.population >= _PERSON_MIN_POPULATION for c in cands):
        return True
    return weak and any(c.population >= _PERSON_CITY_POPULATION for c in cands)


_BETWEEN_KM = 50.0


def _between_neighbours(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """"between X and Y" where the gazetteer has an X and a Y that lie within 50 km of each other."""
    def run_after(i: int) -> str:
        j = i
        while j < len(doc) and CAP_WORD.match(doc[j].text):
            j += 1
        return doc[i:j].text

    def run_before(i: int) -> tuple[int, str]:
        j = i
        while j > 0 and CAP_WORD.match(doc[j - 1].text):
            j -= 1
        return j, doc[j:i].text

    other = ""
    if start > 0 and doc[start - 1].lower_ == "between" and end < len(doc) and doc[end].lower_ == "and":
        other = run_after(end + 1)
    elif start > 1 and doc[start - 1].lower_ == "and":
        first, text = run_before(start - 1)
        other = text if first > 0 and doc[first - 1].lower_ == "between" else ""
    if not other:
        return False
    return _settlements_close(gazetteer, doc[start:end].text, [other])


def _beside_sentence_place(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """The gazetteer has a settlement of this name within 50 km of one named by a place entity of its
    sentence."""
    others = [e.text for e in doc[start].sent.ents
              if e.label_ in ("GPE", "LOC", "FAC") and not (e.start < end and start < e.end)]
    return bool(others) and _settlements_close(gazetteer, doc[start:end].text, others)


def _settlements_close(gazetteer: Gazetteer, name: str, others: list[str]) -> bool:
    """A settlement of `name` lies within 50 km of a settlement of one of `others`."""
    mine = [c for c in gazetteer.candidates(name) if not c.is_region]
    theirs = [c for o in others for c in gazetteer.candidates(o) if not c.is_region]
    return any(haversine_km(a.lat, a.lon, b.lat, b.lon) < _BETWEEN_KM for a in mine for b in theirs)


def region_after_place(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """"Croft, Yorkshire", "Knockhill, Fife": a region written after a place and a comma is where it is."""
    before = _before_comma(doc, start)
    if before is None:
        return False
    if _placed(before, gazetteer):
        return any(c.is_region for c in gazetteer.candidates(doc[start:end].text))
    return county_of_venue(doc, start, end, gazetteer)


def county_of_venue(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """"Brands Hatch Indy, Kent.", "Knockhill, Fife.": a venue no gazetteer knows, a comma, then a region
    by its own name closing the item of a list or the sentence: the region, not a town named like it."""
    before = _before_comma(doc, start)
    if before is None or _placed(before, gazetteer):
        return False
    closes = end == len(doc) or doc[end].text in (".", ",", ";", ")")
    return closes and any(c.is_region and c.quality == 0 for c in gazetteer.candidates(doc[start:end].text))


def _before_comma(doc: Doc, start: int) -> Token | None:
    """The capitalised word before a comma right before `start`, if so written ("Knockhill, Fife")."""
    if start < 2 or doc[start - 1].text != "," or not CAP_WORD.match(doc[start - 2].text):
        return None
    return doc[start - 2]


def _placed(tok: Token, gazetteer: Gazetteer) -> bool:
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or gazetteer.has_name(tok.text)


# Place names with a capital inside from a family-name prefix ("DeKalb", "McAllen", "LaGrange", "DuPage").
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Du|La|Le|Di|Van)[A-Z][a-z]{2,}$")


def org_ok(doc: Doc, start: int, end: int, ents: list[Span]) -> bool:
    """A span spaCy calls an organisation is a place only when it is the whole entity and not an acronym
    (villages are often tagged ORG; "NATO" and "UConn" are not villages)."""
    if all(doc[t].ent_type_ != "ORG" for t in range(start, end)):
        return True
    ent = next(e for e in ents if e.start <= start < e.end)
    whole = ent.start >= start - 1 and ent.end <= end + 1
    text = doc[start:end].text
    # "UConn" has a capital inside a word; "Pereiaslav-Khmelnytskyi" only after a hyphen
    inner = any(c.isupper() and text[i] != "-" for i, c in enumerate(text[1:]) if c.isalpha()) \
        and not _NAME_PREFIX.match(text)
    return whole and not (text.isupper() or inner and " " not in text)
