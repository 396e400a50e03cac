"""Finding place names in a parsed article: spaCy's GPE/LOC/FAC entities, gazetteer names in capitalised
spans that spaCy missed or mislabelled (small villages often come out as ORG or PERSON), region and
proximity patterns, demonyms, and governments named by their capital ("Moscow said")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.geo import tolerant
from eventwire.geo.cityparts import is_building_name
from eventwire.geo.country_spans import country_spans
from eventwire.geo.cues import (
    CAP_WORD,
    COMPASS,
    REGION_WORDS,
    SETTLEMENT_WORDS,
    has_cue,
    heads_entry,
    is_government_use,
    is_name_word,
    level_and_bounds,
    locative_before,
    shelled_subject,
    trim_tokens,
)
from eventwire.geo.demonyms import demonym_country, demonym_place
from eventwire.geo.embedded import county_mentions, embedded_mentions, well_known
from eventwire.geo.found import Found, Level
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.hromadas import hromada_centres, looks_adjectival
from eventwire.geo.localnews import local_news_mentions
from eventwire.geo.mistagged import (
    county_of_venue,
    district_of,
    not_a_person,
    org_ok,
    product_place,
    region_after_place,
)
from eventwire.geo.names import name_key
from eventwire.geo.notplaces import not_places
from eventwire.geo.renamed import renamed
from eventwire.geo.repeats import acronym, repeated_mentions
from eventwire.records.place import MentionKind, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Buildings that stand for governments; they are resolved to the capital they are in.
SEATS_OF_GOVERNMENT = {"kremlin": "Moscow", "white house": "Washington", "downing street": "London",
                       "elysee": "Paris", "élysée": "Paris", "pentagon": "Washington"}


# What a polity owns: "Chechnya's forces", "Russia's army"; with a proper name after "'s" ("Chechnya's
# Akhmat unit"), the owner is as likely a polity.
_OWNED = {"forces", "force", "troops", "army", "units", "unit", "battalion", "brigade", "regiment", "division",
          "militia", "fighters", "special", "government", "authorities", "leader", "ruler", "governor"}


# A list of names ending in "counties" ("Cooke, Grayson and Love counties"): each is a county, looked up
# with the singular word it is named with ("Grayson County").
# "the Kursk and Bryansk regions": each is a first-level region, looked up by its name alone.
# "the Bilopilska, Krasnopilska and Esmanska communities": each is a community, coded to its centre.
_LIST_REGION_WORDS: dict[str, tuple[Level, str]] = {
    "counties": ("region", " County"), "parishes": ("region", " Parish"), "regions": ("region", ""),
    "oblasts": ("region", ""), "provinces": ("region", ""), "governorates": ("region", ""),
    "communities": ("centre", ""), "hromadas": ("centre", "")}
_LIST_JOINERS = {",", "and", "or", "&"}
_LIST_SPAN = 12


def _list_region(doc: Doc, end: int) -> tuple[Level, str] | None:
    """The level and the suffix to look a list member up with, when a plural region word closes the list
    it is in."""
    i = end
    while i < len(doc) and i - end < _LIST_SPAN and not doc[i].is_sent_start:
        tok = doc[i]
        if tok.lower_ in _LIST_REGION_WORDS:
            return _LIST_REGION_WORDS[tok.lower_]
        if tok.lower_ not in _LIST_JOINERS and not CAP_WORD.match(tok.text):
            return None
        i += 1
    return None


def _listed_regions(doc: Doc, sent_of: list[int]) -> list[Found]:
    """"Cooke, Grayson and Love counties", "Anderson and Cherokee counties": names listed before a plural
    region word are regions, whatever the entity finder made of them (an organisation, a person, a work of
    art). Two names at least: "Love counties" alone is no list."""
    out: list[Found] = []
    for tok in doc:
        if tok.lower_ not in _LIST_REGION_WORDS or tok.i == 0:
            continue
        names: list[tuple[int, int]] = []
        i, end = tok.i - 1, tok.i
        while i >= 0 and tok.i - i <= _LIST_SPAN:
            t = doc[i]
            if t.lower_ in _LIST_JOINERS:
                if end > i + 1:
                    names.append((i + 1, end))
                end = i
            elif not CAP_WORD.match(t.text) or t.is_stop:  # "the Kursk and Bryansk regions"
                break
            i -= 1
            if t.is_sent_start:
                break
        if end > i + 1:
            names.append((i + 1, end))
        if len(names) >= 2:
            out += [f for s, e in names if (f := _found(doc, s, e, "list", "toponym", sent_of[s])) is not None]
    return out


def _found(doc: Doc, start: int, end: int, source: str, kind: MentionKind = "toponym",
           sent: int = 0) -> Found | None:
    level, s0, s1, l0, l1 = level_and_bounds(doc, start, end)
    if l1 <= l0:
        return None
    span, look = doc[s0:s1], doc[l0:l1]
    lookup = look.text
    if level == "any" and (listed := _list_region(doc, l1)) is not None \
            and (listed[0] != "centre" or looks_adjectival(lookup)):  # "Washington communities": the state's
        level, lookup = listed[0], lookup + listed[1]
    possessive = s1 + 1 < len(doc) and doc[s1].text in ("'s", "’s") and (
        doc[s1 + 1].text[:1].isupper() or doc[s1 + 1].lower_ in _OWNED)
    return Found(span.start_char, span.end_char, span.text, lookup, kind, level, sent, source,
                 possessive=possessive)


def sentence_index(doc: Doc) -> list[int]:
    out = [0] * len(doc)
    for i, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            out[t] = i
    return out


def _entity_mentions(doc: Doc, gazetteer: Gazetteer, sent_of: list[int]) -> list[Found]:
    out: list[Found] = []
    for ent in doc.ents:
        start, end = trim_tokens(ent)
        if end <= start:
            continue
        text = doc[start:end].text
        words = [t for t in doc[start:end] if any(ch.isalpha() for ch in t.text)]
        if not any(t.text[0].isupper() for t in words) or all(t.lower_ in COMPASS for t in words):
            continue  # "the West", "Western countries", "north-east of", "midtown": directions, not places
        if ent.label_ == "NORP" and end - start <= _NORP_WORDS:
            if (norp := _norp_mention(doc, gazetteer, start, end, sent_of[start])) is not None:
                out.append(norp)
            continue
        seat = SEATS_OF_GOVERNMENT.get(text.lower())
        if seat is not None:
            out.append(Found(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), text, seat, "metonym",
                             "settlement", sent_of[start], "seat"))
            continue
        # Facilities (streets, stadiums, airports) are places even when no gazetteer knows them; they are
        # reported, and left unresolved or placed by a town in their name or the article's town. spaCy
        # tags many buildings as organisations: "at the Central Mental Hospital" is a place all the same.
        building = ent.label_ == "ORG" and is_building_name(text) and _building_cue(doc, start, end)
        if ent.label_ not in ("GPE", "LOC", "FAC") and not building:
            continue
        kind: MentionKind = "metonym" if is_government_use(ent) else "toponym"
        found = _found(doc, start, end, "building" if building else "ner", kind, sent_of[start])
        if found is not None:
            out.append(found)
    return out


def _building_cue(doc: Doc, start: int, end: int) -> bool:
    """"at the Central Mental Hospital", "moved to the Westbrook Hospital", "Brooklyn's Barclays Center",
    "the Supreme People's Court in Beijing": a building's name used for where something is or goes, or
    put in a town."""
    if start > 1 and doc[start - 1].text in ("'s", "’s") and doc[start - 2].ent_type_ == "GPE":
        return True
    if end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].ent_iob_ == "B" \
            and doc[end + 1].ent_type_ == "GPE":
        return True
    i = start - 1
    while i >= 0 and doc[i].lower_ in ("the", "a"):
        i -= 1
    return locative_before(doc, start) or (i >= 0 and doc[i].lower_ in ("to", "from", "into", "outside"))


_NORP_PLACE = 100_000  # a place this large, named exactly, is what a "nationality" tag on its name means
_NORP_WORDS = 2  # "South Korean", "Sri Lankan": a country's two-word name made an adjective


def _norp_mention(doc: Doc, gazetteer: Gazetteer, i: int, end: int, sent: int) -> Found | None:
    """A nationality entity of one or two words: a demonym (Russian; European; South Korean), or a place
    spaCy took for one."""
    text = doc[i:end].text
    if gazetteer.demonym(text) is None and any(
            c.quality == 0 and c.feature in ("country", "admin1", "capital", "city") and c.population >= _NORP_PLACE
            for c in gazetteer.candidates(text)):
        # "authorities in Tunis" tagged as a nationality: a large place by its own name, which the plural
        # rule below would read as the people of "Tuni"
        return _found(doc, i, end, "ner", "toponym", sent)
    # "Venezuelans", "the Armenians": the people, not the place (GeoWebNews agrees).
    if text.endswith("s") and (demonym_country(text[:-1], gazetteer) is not None
                               or demonym_place(text[:-1], gazetteer) is not None):
        return None
    cc = demonym_country(text, gazetteer)
    if cc or demonym_place(text, gazetteer) is not None:
        return Found(doc[i].idx, doc[i].idx + len(text), text, text, "demonym", "any", sent, "demonym", cc)
    if end - i == 1 and well_known(text, gazetteer):
        return _found(doc, i, end, "ner", "toponym", sent)  # "Tunis" tagged as a nationality
    return None


def _inner_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside a name, between capitalised words ("Ust-Kamenogorsk", "Rhineland-Palatinate")."""
    return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and i + 1 < len(doc) and bool(CAP_WORD.match(doc[i + 1].text))


def _capitalised_runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capitalised words; a sentence's first word (capitalised anyway) only where the run heads an
    entry ("Nikopol: drones hit a bus station") or a list of regions ("Bilopilska, Myropilska and Shostka
    communities were shelled")."""
    runs, start = [], None
    name_at_start = False  # inside a name that opens its sentence ("Athens Police Department reports ...")
    for tok in doc:
        capital = is_name_word(tok.text)
        if capital and (not tok.is_sent_start or heads_entry(doc, tok.i) or shelled_subject(tok)
                        or _list_region(doc, tok.i + 1) is not None):
            if not name_at_start:
                start = tok.i if start is None else start
            continue
        name_at_start = capital and bool(tok.is_sent_start) and tok.pos_ == "PROPN"
        if start is not None:
            runs.append((start, tok.i))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    # and two runs a hyphen joins, as one more: "Ust-Kamenogorsk" (but "Pokrovsk" of "the Pokrovsk-Myrnohrad
    # road" stays a run of its own)
    return runs + [(a, d) for (a, b), (c, d) in zip(runs, runs[1:], strict=False)
                   if c == b + 1 and _inner_hyphen(doc, b)]


# Entity types whose words are never a place (dates: "in March"; languages: "in English"; people are
# handled by `not_a_person`, organisations by `org_ok`).
_NOT_PLACE_ENTS = {"DATE", "TIME", "NORP", "LANGUAGE", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL",
                   "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}


def _gazetteer_mentions(doc: Doc, gazetteer: Gazetteer, sent_of: list[int], taken: set[int],
                        war: bool = True) -> list[Found]:
    """Capitalised runs that spaCy did not tag as places, accepted when the whole run (without a generic
    word such as "region" or "village") is a gazetteer name in a locative context: "control of Kreminna
    Balka, a village", "near Pokrovsk". A name inside a longer capitalised run ("Park" in "Olivia Park
    Road") is not a place on its own."""
    out: list[Found] = []
    words = {t.text for t in doc}
    ents = list(doc.ents)
    for r0, r1 in _capitalised_runs(doc):
        if any(t in taken or (doc[t].ent_type_ in _NOT_PLACE_ENTS and not product_place(doc, r0, r1, gazetteer))
               for t in range(r0, r1)):
            continue
        while r0 < r1 and doc[r0].lower_ in ("the", "a", "an"):
            r0 += 1
        end = r1 - 1 if r1 - r0 > 1 and doc[r1 - 1].lower_ in REGION_WORDS | SETTLEMENT_WORDS else r1
        text = doc[r0:end].text
        # Russian-form spellings of Ukrainian villages are looked for only in reports on the war.
        if _listed_community(doc, r0, end, gazetteer):
            found = _found(doc, r0, end, "gazetteer", "toponym", sent_of[r0])
            out += [found] if found is not None else []
            continue
        if (len(text) >= 3 and (has_cue(doc, r0, end) or region_after_place(doc, r0, end, gazetteer))
                and (gazetteer.has_name(text) or bool(renamed(gazetteer, text))
                     or bool(tolerant.by_arabic_form(gazetteer, text))
                     or (war and tolerant.known_spelling(gazetteer, text)) or district_of(doc, r0, end, gazetteer))
                and not_a_person(doc, r0, end, gazetteer, war) and org_ok(doc, r0, end, ents)
                and not _common_word(doc, r0, end, words)):
            found = _found(doc, r0, end, "gazetteer", "toponym", sent_of[r0])
            if found is not None and found.level == "any" and county_of_venue(doc, r0, end, gazetteer):
                found = replace(found, level="region")  # "Knockhill, Fife": the county, not Fife, Washington
            if found is not None:
                out.append(found)
    return out


def _listed_community(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """"the Myropilska and Esmanska communities were shelled": a hromada's adjective in a list of them."""
    text = doc[start:end].text
    return _list_region(doc, end) == ("centre", "") and looks_adjectival(text) \
        and bool(hromada_centres(gazetteer, text))


def _common_word(doc: Doc, start: int, end: int, words: set[str]) -> bool:
    """One capitalised word that the same article also uses in lower case ("Market", "Police") is a
    word, not a place, whatever village shares its name."""
    if end - start != 1:
        return False
    return doc[start].lower_ in words


def find_mentions(doc: Doc, gazetteer: Gazetteer, war: bool = True, text: str | None = None) -> list[Found]:
    """Every place-name, metonym and demonym span, without overlaps, in text order (`war`: the article
    reports the war in Ukraine, so Russian-form spellings of its villages are looked for)."""
    sent_of = sentence_index(doc)
    found = _entity_mentions(doc, gazetteer, sent_of)
    countries = country_spans(doc, gazetteer)  # kept over spaCy's pieces of them: longest first below
    found += [f for s, e in countries if (f := _found(doc, s, e, "country", "toponym", sent_of[s])) is not None]
    taken = {t.i for ent in doc.ents if ent.label_ in ("GPE", "LOC", "FAC", "NORP") for t in ent}
    taken |= {t for s, e in countries for t in range(s, e)}
    found += _gazetteer_mentions(doc, gazetteer, sent_of, taken, war)
    found += repeated_mentions(doc, found, lambda s, e: _found(doc, s, e, "repeat", "toponym", sent_of[s]))
    found += embedded_mentions(doc, gazetteer, sent_of, _named_places(doc, found, gazetteer))
    found += county_mentions(doc, gazetteer, sent_of)
    found += _listed_regions(doc, sent_of)
    found += local_news_mentions(doc, gazetteer, sent_of)
    text = doc.text if text is None else text  # spaCy builds doc.text anew on every access
    found = _joined(not_places(doc, found, gazetteer), text, gazetteer)
    # A building named after a place ("University of Georgia", "Huntsville High School", "the Madison County
    # Detention Center") gives way to the place in its name, which says more about where things are than
    # the article's town would, and which the other names of the article can then tell apart.
    found = [f for f in found if not any(o is not f and o.start < f.end and f.start < o.end and (
        f.source == "building" or o.source == "county" and is_building_name(f.text)) for o in found)]
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Found] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(replace(f, kind="metonym") if dateline_in_capitals(text, f) else f)
    return out


def _named_places(doc: Doc, found: list[Found], gazetteer: Gazetteer) -> frozenset[str]:
    """The towns spaCy itself tagged as places in this article, by their own names: a town named so once is
    that town inside an organisation's name too, however small ("the Chesterton Garden Club"). Names of no
    town (a company's, "Newmont", tagged a place once) and initials stay out."""
    return frozenset(name_key(f.text) for f in found
                     if f.source == "ner" and f.kind == "toponym" and not acronym(f.text)
                     and (span := doc.char_span(f.start, f.end)) is not None and span[0].ent_type_ == "GPE"
                     and gazetteer.names_settlement(f.text))


_JOINED_MIN_POPULATION = 10_000


def _joined(found: list[Found], text: str, gazetteer: Gazetteer) -> list[Found]:
    """Two names spaCy split that together are one ("Baja" and "California": Baja California, not a town in
    Hungary and a US state), when the whole is a region or a town of some size by its own name."""
    found = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind != "demonym" and f.kind != "demonym" and text[prev.end:f.start] == " ":
            whole = f"{prev.text} {f.text}"
            if any(c.quality == 0 and (c.is_region or c.population >= _JOINED_MIN_POPULATION)
                   for c in gazetteer.candidates(whole)):
                out[-1] = replace(prev, end=f.end, text=whole, lookup=whole, level="any")
                continue
        out.append(f)
    return out


_DATELINE_TAIL = re.compile(r"^(?:,\s*[A-Z][A-Za-z .]+)?\s*(?:\(|(?:--|[-–—])\s)")


def dateline_in_capitals(text: str, f: Found) -> bool:
    """"MOSCOW (Reuters) -", "KYIV, Ukraine —": where the report was filed, not where anything happened.
    (The event stage's `extract.locate.is_dateline` reads datelines of resolved mentions, in any case.)"""
    line_start = text.rfind("\n", 0, f.start) + 1
    return (not text[line_start:f.start].strip() and f.text.isupper() and len(f.text) > 2
            and bool(_DATELINE_TAIL.match(text[f.end:f.end + 40])))


def find_place_mentions(doc: Doc, article_id: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Place mentions without resolution (place=None); `places_for_doc` resolves them."""
    return [PlaceMention(article_id, f.start, f.end, f.text, f.kind, None, "not resolved")
            for f in find_mentions(doc, gazetteer)]


def with_level(found: Found, level: Level) -> Found:
    return replace(found, level=level)


def found_for_span(doc: Doc, start_char: int, end_char: int, sent_of: list[int] | None = None) -> Found | None:
    """A mention for a span given from outside (gold annotations), with the level its context implies."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sent = (sent_of or sentence_index(doc))[span.start]
    text = doc.text[start_char:end_char]
    found = _found(doc, span.start, span.end, "given", "toponym", sent)
    seat = SEATS_OF_GOVERNMENT.get(text.lower().removeprefix("the "))
    lookup = seat or (found.lookup if found else text)
    level: Level = found.level if found else "any"
    if len(span) == 1 and span[0].lower_ in REGION_WORDS:
        level = "any"
    return Found(start_char, end_char, text, lookup.removeprefix("the ").removeprefix("The "), "toponym",
                 level, sent, "given", possessive=bool(found and found.possessive))
