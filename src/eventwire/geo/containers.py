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
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.regions import region_alias
from eventwire.geo.toponyms import Found

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
_CAP = re.compile(r"^[A-Z][\w’'\-]*$")
_WINDOW = 80


def _container_after(text: str, end: int, gazetteer: Gazetteer) -> tuple[int, int, str, str] | None:
    """(start, end, region text, admin-1 code) of a region named right after a place ending at `end`."""
    tail = text[end:end + _WINDOW]
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
        full = candidate + (suffix.group(0) if suffix else "")
        region = region_alias(gazetteer, full) or region_alias(gazetteer, candidate)
        if region is not None and region.admin1_code:
            start = end + lead.end()
            return start, start + len(full), full, region.admin1_code
    return None


def _extra_settlements(doc: Doc, gazetteer: Gazetteer, found: list[Found], sent_of: list[int],
                       text: str) -> list[Found]:
    """Capitalised runs that no finder took but that a container or a community word follows."""
    taken = {i for f in found if (span := doc.char_span(f.start, f.end, alignment_mode="expand")) is not None
             for i in range(span.start, span.end)}
    texts = [t.text for t in doc]
    caps = [bool(_CAP.match(t)) and i not in taken for i, t in enumerate(texts)]
    out: list[Found] = []
    i = 0
    while i < len(doc):
        if not caps[i] or doc[i].is_sent_start:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and caps[j]:
            j += 1
        span = doc[i:j]
        nxt = doc[j].lower_ if j < len(doc) else ""
        after_word = doc[j].idx + len(doc[j]) if j < len(doc) else span.end_char
        landmark = nxt in FACILITY_WORDS and gazetteer.has_name(span.text)
        centre = nxt in CENTRE_WORDS and (gazetteer.has_name(span.text)
                                          or _container_after(text, after_word, gazetteer) is not None)
        if landmark or centre:
            end_tok = doc[j]
            out.append(Found(span.start_char, end_tok.idx + len(end_tok), f"{span.text} {end_tok.text}",
                             span.text, "toponym", "centre", sent_of[i], "pattern"))
        elif (hit := _container_after(text, span.end_char, gazetteer)) is not None \
                and region_alias(gazetteer, span.text) is None and not span.text.isupper() \
                and (any(c.admin1_code == hit[3] for c in gazetteer.candidates(span.text))
                     or tolerant.in_region(gazetteer, span.text, hit[3])):
            out.append(Found(span.start_char, span.end_char, span.text, span.text, "toponym", "settlement",
                             sent_of[i], "pattern"))
        i = j
    return out


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


def _split(text: str, f: Found, gazetteer: Gazetteer) -> list[Found]:
    """spaCy often takes "Kostiantynivka, Donetsk" for one entity: the part after the comma that names a
    region is its container."""
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
    found = [_centre_level(text, f) for f in found]
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
        if f.kind in ("toponym", "metonym") and f.level != "region" and not any(ch.isdigit() for ch in f.text):
            hit = _container_after(text, f.end, gazetteer)
            if hit is not None:
                start, end, region_text, code = hit
                level = "settlement" if f.level == "any" else f.level
                # A place the text locates in a region is a place, whatever the parse made of its clause.
                f = replace(f, container=code, level=level, kind="toponym")
                regions[start] = (end, region_text, code)
                if not any(g.start == start for g in found):
                    out.append(f)
                    out.append(Found(start, end, region_text, region_text, "toponym", "region", f.sent,
                                     "pattern", container=code))
                    continue
        out.append(f)
    out.sort(key=lambda f: f.start)
    return out
