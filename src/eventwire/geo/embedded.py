"""Place names inside organisations' and events' names, as metonyms: "Toronto" in "Toronto Police Service",
"U.S." in "the U.S. Federal Trade Commission", "Grand Ledge" in "Grand Ledge Police", "Munich" in "the Munich
Security Conference", and demonyms ("Canadian" in "Canadian Medical Association"); counties named
with their word, inside any name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.geo.cues import CAP_WORD, COMPASS, NAME_ABBREVIATIONS, is_name_word, trim_tokens
from eventwire.geo.demonyms import demonym_country, demonym_place
from eventwire.geo.found import Found
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.names import name_key
from eventwire.records.place import MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A place named inside an organisation's name ("Toronto Police Service") is a toponym used for the
# organisation; only well-known places count there, as small ones are mostly surnames or words.
_EMBEDDED_MIN_POPULATION = 100_000
_EMBEDDED_FEATURES = {"country", "admin1", "capital", "continent"}


def well_known(text: str, gazetteer: Gazetteer) -> bool:
    # "St. Paul" is Saint Paul's own name abbreviated, not an alternate one
    spelled = 1 if text.split()[:1] and text.split()[0] in NAME_ABBREVIATIONS else 0
    return any(c.feature in _EMBEDDED_FEATURES or (c.quality <= spelled and c.population >= _EMBEDDED_MIN_POPULATION)
               for c in gazetteer.candidates(text))


_COUNTY_WORDS = ("County", "Parish")
_NAMED_BODIES = ("ORG", "EVENT")  # the entity labels whose names hold places
# Unions of countries named as places ("tariffs on goods from the EU", "the EU said"): the continent they
# cover is the point there is, at precision 3; no gazetteer row has them. Keyed by `name_key`.
UNIONS = {"eu": "Europe", "european union": "Europe"}


def _county(text: str, gazetteer: Gazetteer) -> bool:
    """"Laurel County" in "the Laurel County Sheriff's Office": a county named with its generic word is a
    place whatever its size; the word makes it no surname."""
    return " " in text and text.endswith(_COUNTY_WORDS) and any(
        c.feature == "admin2" for c in gazetteer.candidates(text))


_COUNTY_NAME_WORDS = 3  # "New Kent County", "St. Lucie County"


def county_mentions(doc: Doc, gazetteer: Gazetteer, sent_of: list[int]) -> list[Found]:
    """Counties named with their word wherever they stand, whatever the entity finder made of them: "at
    the Anderson County Courthouse", "the 2009 Walker County Fair", "Lamar County Elections Coordinator
    Russ Towers" (tagged a person). The word makes the name a county's."""
    out: list[Found] = []
    for tok in doc:
        if tok.text not in _COUNTY_WORDS or tok.i == 0:
            continue
        for i in range(max(0, tok.i - _COUNTY_NAME_WORDS), tok.i):
            if all(_name_word(t.text) and not t.is_stop for t in doc[i:tok.i]) \
                    and _county(text := doc[i:tok.i + 1].text, gazetteer):
                span = doc[i:tok.i + 1]
                out.append(Found(span.start_char, span.end_char, text, text, "toponym", "any", sent_of[i], "county"))
                break
    return out


def embedded_mentions(doc: Doc, gazetteer: Gazetteer, sent_of: list[int], named: frozenset[str] = frozenset()
                       ) -> list[Found]:
    """Well-known place names and demonyms inside organisations' and events' names, as metonyms: "Toronto"
    in "Toronto Police Service", "Canadian" in "Canadian Medical Association", "European" in "the European
    Commission", "Paris" in "the Paris Air Show". `named`: the `name_key`s of towns spaCy tags as places
    elsewhere in the article; those count whatever their size ("the Chesterton Garden Club" in a story
    from Chesterton)."""
    out: list[Found] = []
    for ent in doc.ents:
        if ent.label_ not in _NAMED_BODIES:
            continue
        i = ent.start
        while i < ent.end:
            hit = _embedded_at(doc, gazetteer, i, ent.end, named)
            if hit is None:
                i += 1
                continue
            j, kind, hint = hit
            if i > ent.start and kind == "metonym" and _name_word(doc[i - 1].text) \
                    and doc[i - 1].lower_ not in COMPASS and gazetteer.names_settlement(doc[i - 1:j].text):
                i -= 1  # "the New Concord Reservoir": New Concord, Ohio, not Concord, California
            span = doc[i:j]
            if kind == "metonym" and (i, j) == trim_tokens(ent) and name_key(span.text) not in UNIONS:
                kind = "toponym"  # the whole "organisation" is the place name: spaCy mislabelled it
            out.append(Found(span.start_char, span.end_char, span.text, span.text, kind, "any", sent_of[i],
                             "embedded", hint))
            i = j
    return out


def _embedded_at(doc: Doc, gazetteer: Gazetteer, i: int, limit: int, named: frozenset[str]
                 ) -> tuple[int, MentionKind, str | None] | None:
    """The place name or demonym that starts at token i of an organisation's name, if any."""
    tok = doc[i]
    if not _name_word(tok.text) or (tok.is_stop and not _country_initials(tok.text, gazetteer)) \
            or tok.lower_ in COMPASS | {"central"}:
        return None
    for j in range(min(limit, i + 4), i, -1):
        if not all(_name_word(t.text) for t in doc[i:j]):
            continue
        text = doc[i:j].text
        if text.isupper() and len(text) <= 4 and gazetteer.country(text) is None and name_key(text) not in UNIONS:
            continue  # "NC Dinos", "CIS": initials
        if j < limit and doc[j].text == "Park" and not _county(text, gazetteer):
            continue  # "Queens Park Rangers": a club named after a park, not after Queens
        if well_known(text, gazetteer) or _county(text, gazetteer) or name_key(text) in UNIONS \
                or name_key(text) in named:
            return j, "metonym", None
    if (end := _civic_body_at(doc, gazetteer, i, limit)) is not None:
        return end, "metonym", None
    if (cc := demonym_country(tok.text, gazetteer)) is not None:
        return i + 1, "demonym", cc
    if (region := demonym_place(tok.text, gazetteer)) is not None and region.feature == "continent":
        return i + 1, "demonym", None  # "the European Commission", "the African Union"
    return None


# A town's own bodies named after it: "the DeKalb City Council", "Grand Ledge Police", "Rock Hill City
# Manager", "Slidell PD", "Owensboro Public Schools", "the Ozark Chamber of Commerce". Before such a word a
# town of any size is the place, where elsewhere only well-known ones are.
_CIVIC_WORDS = {"city", "town", "township", "village", "borough", "council", "police", "sheriff", "fire",
                "mayor", "municipal", "pd", "public", "schools", "chamber"}
# Initials written with full stops ("U.S.", "U.K.").
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,4}$")


def _name_word(text: str) -> bool:
    return is_name_word(text) or bool(_DOTTED.match(text))


def _country_initials(text: str, gazetteer: Gazetteer) -> bool:
    """"US", "U.S.", "UK": initials that are one of a country's names (a stop word in lower case, "us");
    an ISO code that no one writes for its country ("IT") is not."""
    return text.replace(".", "").isupper() and any(c.feature == "country" for c in gazetteer.candidates(text))


def _civic_body_at(doc: Doc, gazetteer: Gazetteer, i: int, limit: int) -> int | None:
    """The end of a town's name starting at token i that a civic body's word follows inside the
    organisation's name."""
    for j in range(min(limit - 1, i + 3), i, -1):
        if doc[j].lower_ not in _CIVIC_WORDS or not all(CAP_WORD.match(t.text) for t in doc[i:j]):
            continue
        if gazetteer.names_settlement(doc[i:j].text):
            return j
    return None
