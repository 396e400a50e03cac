"""Containers read from the text: "Bakhmut, Donetsk", "Robotyne (Zaporizhzhia oblast)", "Orikhiv in the
Zaporizhzhia region", "Shebekino of Belgorod oblast", "in Russia's Voronezh region".

A settlement followed by one of these gets the region's admin-1 code as its container, which then decides
between namesakes (and refuses a place of that name outside it); the region's own words become a region
mention, so that "Donetsk" after a settlement is never the town of Donetsk. Settlements that the entity
finder missed are found here too when a container or a community word ("the X hromada") follows them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.geo import tolerant
from eventwire.geo.cues import is_name_word
from eventwire.geo.demonyms import demonym_country
from eventwire.geo.found import Found
from eventwire.geo.gazetteer import Candidate, Gazetteer
from eventwire.geo.hromadas import hromada_centres, looks_adjectival
from eventwire.geo.postal import is_postal, postal_regions
from eventwire.geo.raions import PAIR, pair_oblast, raion_after
from eventwire.geo.regions import region_alias
from eventwire.geo.toponyms import dateline_in_capitals
from eventwire.records.place import MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Words after a name that make it a community, district or front-line axis coded to its centre town.
CENTRE_WORDS = {"community", "hromada", "raion", "rayon", "district", "municipality", "direction", "axis",
                "sector", "front", "communities", "hromadas", "districts"}
_LEAD = re.compile(
    r"^(?:\s*,\s*|\s*\(\s*|\s+(?:in|of)\s+)(?:the\s+)?"
    r"(?:(?:Russia[’']s|Ukraine[’']s|Russian|Ukrainian|southern|northern|eastern|western|south-eastern|"
    r"north-eastern|border|frontline|front-line|occupied|neighbouring|neighboring)\s+)*"
    r"(?:(?:region|oblast|province)\s+of\s+)?")
_NAME = re.compile(r"[A-Z][\w’'\-]*(?:\s+(?:People[’']s|[A-Z][\w’'\-]*))*")
_SUFFIX = re.compile(r"^\s+(?:region|oblast|province|regional|oblasti|People[’']s\s+Republic)\b", re.IGNORECASE)
# Landmarks written after their town's name ("Kramatorsk airfield", "Kherson bridge"): the town, at
# precision 2.
FACILITY_WORDS = {"airfield", "airport", "airbase", "bridge", "checkpoint", "station", "port", "railway",
                  "refinery", "depot", "plant", "dam", "outskirts", "suburbs", "suburb"}
_NAMED_AFTER_CENTRE = {"raion", "rayon", "district", "community", "hromada", "municipality"}
_WINDOW = 80
# A list goes on after "X, Y" ("Kyiv, Lviv, Odesa and Dnipro") with another name that ends there, before
# punctuation or a lower-case word ("Kharkiv, Poltava and Sumy overnight").
_LIST_NEXT = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)([A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)"
                        r"(?=\s*(?:[,.;:)]|$|[a-z]))")
_LIST_PREV = re.compile(r"([A-Z][\w’'\-]*)\s*,\s*$")
_NOT_LISTED = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
               "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "meanwhile", "however", "overnight", "earlier", "later", "today"}


def _list_member(name: str, gazetteer: Gazetteer) -> bool:
    """A name that can stand in a list of towns: a place name, not a country (a container of its own),
    a nationality ("..., Russian forces") or a day of the week."""
    return name.lower() not in _NOT_LISTED and gazetteer.has_name(name) and gazetteer.country(name) is None \
        and demonym_country(name.split()[0], gazetteer) is None


def _listed(text: str, start: int | None, after: int, gazetteer: Gazetteer) -> bool:
    """"detained in Kyiv, Lviv, Odesa, Dnipro": three or more names in a row are a list of places, not a
    place and its region ("Bakhmut, Donetsk"); `start` is where the first of the pair starts, `after` where
    the second ends."""
    nxt = _LIST_NEXT.match(text[after:after + _WINDOW])
    if nxt is not None and _list_member(nxt.group(1), gazetteer):
        return True
    if start is None:
        return False
    prev = _LIST_PREV.search(text[max(0, start - 40):start])
    return prev is not None and _list_member(prev.group(1), gazetteer)


_JOINED = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def _in_list_of(text: str, start: int, end: int, found: list[Found], gazetteer: Gazetteer, name: str) -> bool:
    """"in Lviv, Rivne, Lutsk and Ternopil": a town name that the entity finder took for a person, joined
    by a comma or "and" to a place already found in a list of three or more, is a place too."""
    if not _list_member(name, gazetteer):
        return False
    places = [f for f in found if f.kind == "toponym"]
    before = [f for f in places if f.end <= start and _JOINED.match(text[f.end:start])]
    after = [f for f in places if f.start >= end and _JOINED.match(text[end:f.start])]
    return bool(before or after) and _listed(text, start, end, gazetteer)


def _container_after(text: str, end: int, gazetteer: Gazetteer,
                     start: int | None = None) -> tuple[int, int, str, str] | None:
    """(start, end, region text, admin-1 code) of a region named right after a place ending at `end` (and
    starting at `start`, where known, to tell a list of towns from a town and its region)."""
    tail = text[end:end + _WINDOW]
    if _BARE_POSTAL.match(tail):
        return _world_container(text, end, gazetteer, start)
    pair = PAIR.match(tail)
    region = pair_oblast(gazetteer, pair.group(2)) if pair is not None else None
    if pair is not None and region is not None and region.admin1_code:
        # "X (Bakhmut, Donetsk)": the district's centre and the oblast, read together as X's container
        return end + pair.start(1), end + pair.end(2), pair.group(2), region.admin1_code
    lead = _LEAD.match(tail)
    if lead is None:
        return None
    comma = tail[:lead.end()].lstrip()[:1] in (",", "(")
    rest = tail[lead.end():]
    name = _NAME.match(rest)
    if name is None:
        return None
    words = name.group(0).split()
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        after = rest[len(candidate):]
        suffix = _SUFFIX.match(after)
        # "X in Donetsk" may be two places; "X in the Donetsk region" and "X, Donetsk" are a container.
        if suffix is None and not comma:
            continue
        if suffix is None and _listed(text, start, end + lead.end() + len(candidate), gazetteer):
            return None
        full = candidate + (suffix.group(0) if suffix else "")
        region = region_alias(gazetteer, full) or region_alias(gazetteer, candidate)
        if region is not None and region.admin1_code:
            at = end + lead.end()
            return at, at + len(full), full, region.admin1_code
    return _world_container(text, end, gazetteer, start) if comma else None


# A state or province after a comma, by name or by its abbreviation: "Fresno, Calif.", "Grand Forks, N.D.",
# "Columbus, Ohio", "London, Ontario", "Trenton, NJ".
_WORLD_REGION = re.compile(r"^\s*,\s*((?:[A-Z]\.){2,4}|(?:[A-Z]\.\s?)?[A-Z][a-z]{1,4}\.|[A-Z]{2,3}\b"
                           r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
                           r"(?=\s*(?:[,.;:)(\-–—]|$|\s[a-z]|\s[A-Z]))")
# Without the comma only a postal code in capitals: "Sydney NSW", "Washington DC".
_BARE_POSTAL = re.compile(r"^\s([A-Z]{2,3})(?=\s*(?:[,.;:)(\-–—]|$|\s[a-z]|\s[A-Z]))")


def world_region(gazetteer: Gazetteer, text: str) -> Candidate | None:
    """The one first-level region outside Ukraine and Russia that this is the name ("Texas", "Ontario") or
    the abbreviation ("Calif.", "N.D.", "NJ", "B.C.") of; None where it names none or several."""
    regions = world_regions(gazetteer, text)
    return regions[0] if len(regions) == 1 else None


def world_regions(gazetteer: Gazetteer, text: str) -> list[Candidate]:
    """Every first-level region this names or abbreviates ("WA": Washington and Western Australia)."""
    if is_postal(text) and (postal := postal_regions(gazetteer, text)):
        return postal
    abbreviated = "." in text  # "Calif.", and "W.Va" whose last full stop ended the sentence
    cands = gazetteer.candidates(text)
    if not cands and abbreviated and not text.endswith("."):
        cands = gazetteer.candidates(text + ".")
    return [c for c in cands if c.feature == "admin1" and c.admin1_code and (c.quality == 0 or abbreviated)]


def _world_container(text: str, end: int, gazetteer: Gazetteer,
                     start: int | None) -> tuple[int, int, str, str] | None:
    """"Fresno, Calif.", "California, Pa.", "Trenton, NJ", "Sydney NSW", "Silverstone, Northamptonshire": a
    state, province or county after the place is its container, when a place of that name lies in it, or
    none in its country does, and the pair is not part of a list ("Ohio, Indiana and Illinois"). Of two
    regions one code stands for ("Perth, WA"), the one holding the largest place of that name."""
    tail = text[end:end + _WINDOW]
    m = _WORLD_REGION.match(tail)
    if m is None and (m := _BARE_POSTAL.match(tail)) is not None and not is_postal(m.group(1)):
        m = None
    if m is None or start is None:
        return None
    written, at = m.group(1), end + m.start(1)
    if written.endswith(".") and not is_postal(written) and world_region(gazetteer, written[:-1]) is not None:
        written = written[:-1]  # "Paris, Texas.": the full stop ends the sentence
    name, regions = text[start:end], world_regions(gazetteer, written) or county_regions(gazetteer, written)
    if not regions or _listed(text, start, at + len(written), gazetteer):
        return None
    cands = gazetteer.candidates(name)
    if any(c.feature == "country" and c.quality == 0 for c in cands):
        return None
    code = _holding(name, cands, regions)
    if code is None and _missing_from(cands, gazetteer.candidates(f"{name} County"), regions) \
            and not _LIST_NEXT.match(text[at + len(written):at + len(written) + _WINDOW]):
        # "Smallbury, Ohio": a place too small for the gazetteer, in Ohio; unless the pair goes on as a list
        # of names the gazetteer may lack ("Copenhagen, Hamburg, Brasoc and Mannheim"), or the name is a
        # county's ("Vanderburgh, Ind., County prosecutors")
        code = regions[0].admin1_code
    return (at, at + len(written), written, code) if code is not None else None


def _holding(name: str, cands: list[Candidate], regions: list[Candidate]) -> str | None:
    """The admin-1 code of the region holding the largest place of the name, if one holds any; a county
    only where the name says county ("Jefferson County, Colo.", not "Norfolk, England")."""
    county = bool(COUNTY_WORD.search(name))
    inside = [c for c in cands if (not c.is_region or county and c.feature == "admin2") and any(
        c.admin1_code == r.admin1_code and (r.feature == "admin1" or c.admin2 == r.name and not c.is_region)
        for r in regions)]
    return max(inside, key=lambda c: c.population).admin1_code if inside else None


COUNTY_WORD = re.compile(r"\s+(?:County|Parish|Borough)$", re.IGNORECASE)
_COUNTY_TOWN = 10_000  # a county named like a town this big ("Norfolk", "Kent") is not read as a container


def county_regions(gazetteer: Gazetteer, written: str) -> list[Candidate]:
    """The county named after a place ("Knockhill, Fife", "Springfield, Sangamon County"), or the counties
    it was split into ("Northamptonshire"), when they lie in one first-level region and no sizeable town
    bears the name."""
    cands = gazetteer.candidates(written)
    counties = [c for c in cands if c.feature == "admin2" and c.admin1_code]
    if len({c.admin1_code for c in counties}) != 1 or any(
            c.quality == 0 and not c.is_region and c.population >= _COUNTY_TOWN for c in cands):
        return []
    return counties


def _missing_from(cands: list[Candidate], counties: list[Candidate], regions: list[Candidate]) -> bool:
    """Whether a name written before a region ("Rockingham, Northamptonshire", "Smallbury, Ohio") is a
    place the gazetteer lacks: no place of the name, nor a county named after it, lies in the region's
    country, and none is a state or a country (a state before a state is a list: "New York, California")."""
    if len({(r.country, r.admin1_code) for r in regions}) != 1:
        return False
    return not any(c.country == regions[0].country for c in cands + counties) \
        and not any(c.feature in ("admin1", "country") and c.quality == 0 for c in cands)


def _extra_settlements(doc: Doc, gazetteer: Gazetteer, found: list[Found], sent_of: list[int],
                       text: str) -> list[Found]:
    """Capitalised runs that no finder took but that a container or a community word follows."""
    taken = {i for f in found if (span := doc.char_span(f.start, f.end, alignment_mode="expand")) is not None
             for i in range(span.start, span.end)}
    texts = [t.text for t in doc]
    caps = [is_name_word(t) and i not in taken for i, t in enumerate(texts)]
    out: list[Found] = []
    i = 0
    while i < len(doc):
        if not caps[i]:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and caps[j]:
            j += 1
        if (lga := _local_government(doc, i, j)) is not None:
            name, end_tok = lga
            if gazetteer.has_name(name.text):
                out.append(Found(name.start_char, end_tok.idx + len(end_tok), doc[i:end_tok.i + 1].text,
                                 name.text, "toponym", "centre", sent_of[i], "pattern"))
            i = max(j, end_tok.i + 1)
            continue
        span = doc[i:j]
        nxt = doc[j].lower_ if j < len(doc) else ""
        # "Bilopilska hromada: ..." opens a line of an official list, "Silverstone, Northamptonshire." an item
        # of a calendar; other sentence openers are any word
        hromada = nxt in CENTRE_WORDS and looks_adjectival(span.text) and bool(hromada_centres(gazetteer, span.text))
        if doc[i].is_sent_start and not hromada \
                and not _contained(text, span.start_char, span.end_char, span.text, gazetteer):
            i = j
            continue
        after_word = doc[j].idx + len(doc[j]) if j < len(doc) else span.end_char
        landmark = nxt in FACILITY_WORDS and gazetteer.has_name(span.text)
        centre = hromada or nxt in CENTRE_WORDS and (gazetteer.has_name(span.text)
                                                     or _container_after(text, after_word, gazetteer) is not None)
        if landmark or centre:
            end_tok = doc[j]
            out.append(Found(span.start_char, end_tok.idx + len(end_tok), f"{span.text} {end_tok.text}",
                             span.text, "toponym", "centre", sent_of[i], "pattern"))
        elif _in_list_of(text, span.start_char, span.end_char, found + out, gazetteer, span.text) \
                or _contained(text, span.start_char, span.end_char, span.text, gazetteer):
            found_here = Found(span.start_char, span.end_char, span.text, span.text, "toponym", "settlement",
                               sent_of[i], "pattern")
            dateline = dateline_in_capitals(text, found_here)
            out.append(replace(found_here, kind="metonym") if dateline else found_here)
        i = j
    return out


def _local_government(doc: Doc, i: int, j: int) -> tuple[Span, Token] | None:
    """Nigeria's local government areas, named after their seat: "Maradun Local Government Area", "Maradun
    LGA", "Bukkuyum local government": the name, and the last token of the phrase."""
    words = [t.lower_ for t in doc[i:j]]
    for tail in (["local", "government", "area"], ["local", "government"], ["lga"]):
        if len(words) > len(tail) and words[-len(tail):] == tail:
            return doc[i:j - len(tail)], doc[j - 1]
    after = [t.lower_ for t in doc[j:j + 3]]
    if after[:2] == ["local", "government"]:
        return doc[i:j], doc[j + 2] if after[2:] == ["area"] else doc[j + 1]
    return None


_ACRONYM_CHARS = 4


def _contained(text: str, start: int, end: int, name: str, gazetteer: Gazetteer) -> bool:
    """A name the text puts in a region ("X, Donetsk") that has a place so called there."""
    hit = _container_after(text, end, gazetteer, start)
    # not initials ("UN, Donetsk"), but a dateline's town in capitals ("RUSSELLVILLE, Ark. (AP) -")
    acronym = name.isupper() and len(name) <= _ACRONYM_CHARS
    return hit is not None and region_alias(gazetteer, name) is None and not acronym \
        and (any(c.admin1_code == hit[3] for c in gazetteer.candidates(name))
             or bool(tolerant.in_region(gazetteer, name, hit[3])))


def _centre_level(doc_text: str, f: Found) -> Found:
    """"the Orikhiv community", "the Kurakhove direction": the mention is coded to the town, at precision 2."""
    if f.level not in ("any", "settlement", "region"):
        return f
    m = re.match(r"\s+(?:territorial\s+|urban\s+|rural\s+|village\s+)?([a-z]+)", doc_text[f.end:f.end + 30])
    word = m.group(1) if m else ""
    if f.level == "region":
        # "Grayvoron district", "Bakhmut raion": named after its centre town, which locates it.
        return replace(f, level="centre") if f.text.split()[-1].lower() in _NAMED_AFTER_CENTRE else f
    if word in CENTRE_WORDS:
        assert m is not None
        return replace(f, end=f.end + m.end(), text=doc_text[f.start:f.end + m.end()], level="centre")
    return f


_AREA_BEFORE = re.compile(r"(?:western|eastern|northern|southern|central|north-eastern|north-western|"
                          r"south-eastern|south-western|border|frontier|wider)\s+$", re.IGNORECASE)
_AREA_AFTER = re.compile(r"^\s+(?:area|areas)\b", re.IGNORECASE)


def _area_region(text: str, f: Found, gazetteer: Gazetteer) -> Found:
    """"the western Kursk area", "the border Belgorod area": a region's name with a part-of-region word
    before it and "area" after it is the region, not its capital city."""
    if f.level != "any" or not _AREA_AFTER.match(text[f.end:f.end + 12]) \
            or not _AREA_BEFORE.search(text[max(0, f.start - 20):f.start]):
        return f
    region = region_alias(gazetteer, f.lookup)
    if region is None or not region.admin1_code:
        return f
    return replace(f, level="region", kind="toponym")


def _split(text: str, f: Found, gazetteer: Gazetteer) -> list[Found]:
    """spaCy often takes "Kostiantynivka, Donetsk" for one entity: the part after the comma that names a
    region is its container."""
    if " (" in f.text:  # "Berdiansk (Berdiansk": a name and the start of its district in brackets
        head = f.text.partition(" (")[0]
        return [replace(f, end=f.start + len(head), text=head, lookup=head)]
    if ", " not in f.text or f.level == "region":
        return [f]
    head, _, tail = f.text.partition(", ")
    if region_alias(gazetteer, tail) is None:
        return [f]
    return [replace(f, end=f.start + len(head), text=head, lookup=head)]


def add_containers(doc: Doc, gazetteer: Gazetteer, found: list[Found], sent_of: list[int],
                   text: str | None = None) -> list[Found]:
    """The mentions with their containers set, region words read as regions, and the settlements only a
    container or a community word revealed; without overlaps, in text order."""
    text = doc.text if text is None else text  # spaCy builds doc.text anew on every access
    found = [part for f in found for part in _split(text, f, gazetteer)]
    found = sorted(found + _extra_settlements(doc, gazetteer, found, sent_of, text), key=lambda f: f.start)
    found = [_area_region(text, _centre_level(text, f), gazetteer) for f in found]
    regions: dict[int, tuple[int, str, str]] = {}
    out: list[Found] = []
    for f in found:
        if f.start in regions:
            end, region_text, code = regions[f.start]
            out.append(replace(f, end=max(end, f.end), text=text[f.start:max(end, f.end)], lookup=region_text,
                               level="region", container=code, kind="toponym"))
            continue
        if out and f.start < out[-1].end:
            continue
        # A region is no settlement for another region to hold, but a county is: "Jefferson County, Colo."
        if f.kind in ("toponym", "metonym") and (f.level != "region" or COUNTY_WORD.search(f.text)) \
                and not any(ch.isdigit() for ch in f.text):
            hit = _container_after(text, f.end, gazetteer, f.start)
            if hit is not None:
                start, end, region_text, code = hit
                level = "settlement" if f.level == "any" else f.level
                # A place the text locates in a region is a place, whatever the parse made of its clause;
                # but a dateline in capitals ("CHARLESTON, W.Va. (AP) —") stays where the report was filed.
                kind: MentionKind = "metonym" if f.kind == "metonym" and f.text.isupper() else "toponym"
                f = replace(f, container=code, level=level, kind=kind)
                regions[start] = (end, region_text, code)
                if not any(g.start == start for g in found):
                    out.append(f)
                    out.append(Found(start, end, text[start:end], region_text, "toponym", "region", f.sent,
                                     "pattern", container=code))
                    continue
        out.append(f)
    out = [_with_raion(text, f, gazetteer) for f in out]
    out.sort(key=lambda f: f.start)
    return out


def _with_raion(text: str, f: Found, gazetteer: Gazetteer) -> Found:
    """A settlement the text puts in a district ("X village, Chuhuiv district") carries that district."""
    if f.kind != "toponym" or f.level not in ("any", "settlement", "near"):
        return f
    raion = raion_after(text, f.end, gazetteer)
    return f if raion is None else replace(f, raion=raion)
