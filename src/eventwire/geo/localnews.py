"""Four ways local news names its town without a locative word, which the entity finder mostly tags as an
organisation or a person: the dateline in capitals at the start of a story ("XENIA — The city council..."),
a resident named by the town ("a 22-year-old Winona man", "Chicopee residents"), the town's services
("Winona police") and a legislator's party and home ("Sen. Robert Ford, D-Charleston", "Rep. Jim Clyburn,
D-S.C.")."""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING

from eventwire.geo.cues import CAP_WORD, NAME_ABBREVIATIONS, is_name_word
from eventwire.geo.found import Found

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventwire.geo.gazetteer import Gazetteer

_DASHES = {"—", "–", "--", "-", "("}
# Not "family" or "couple": "the Jones family" is a surname's.
_RESIDENT_WORDS = {"man", "woman", "men", "women", "resident", "residents", "teen", "teenager", "teens", "boy",
                   "girl", "native", "natives", "homeowner", "homeowners", "motorist"}
_BEFORE_RESIDENT = {"a", "an", "the", "two", "three", "several", "many", "some", "other", "old", "elderly",
                    "young", "local", "vulnerable", "former", "longtime"}
# A resident's town is a settlement of some size: "a Ford man" is no villager of Ford.
_RESIDENT_TOWN_POPULATION = 5_000
_DATELINE_TOWN_POPULATION = 1_000  # "UPDATE —" is no hamlet's dateline
_MAX_WORDS = 3


_MONTHS = frozenset(m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"))


def _region(name: str, gazetteer: Gazetteer) -> bool:
    """A region by any of its names ("North Waziristan" for the district)."""
    return any(c.is_region and c.quality <= 1 for c in gazetteer.candidates(name))


def _datelines(doc: Doc, gazetteer: Gazetteer, sent_of: list[int]) -> list[Found]:
    """"MIDDLETOWN — Police said...": a sentence that opens with a town's name in capitals and a dash, or
    a comma and a date ("NORTH WAZIRISTAN, June 3 (APP):"), is a story filed there, a metonym as an
    agency's dateline is."""
    out: list[Found] = []
    for sent in doc.sents:
        i = sent.start
        j = i
        while j < sent.end and j - i < _MAX_WORDS and doc[j].text.isupper() and len(doc[j].text) > 1 \
                and (doc[j].text.isalpha() or doc[j].text in NAME_ABBREVIATIONS):  # "ST. PAUL —"
            j += 1
        if j == i or j >= len(doc):
            continue
        # "XENIA — ", not "US-China talks"; a wire's "PESHAWAR, April 5 (APP):" may name a district
        dashed = doc[j].text in _DASHES and doc[j - 1].whitespace_
        dated = doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].lower_.rstrip(".") in _MONTHS
        name = " ".join(t.text.capitalize() for t in doc[i:j])
        if len(name) < 3 or not (dashed or dated):
            continue
        town = gazetteer.names_settlement(name, _DATELINE_TOWN_POPULATION)
        if town or dated and _region(name, gazetteer):
            span = doc[i:j]
            out.append(Found(span.start_char, span.end_char, span.text, name, "metonym",
                             "settlement" if town else "any", sent_of[i], "dateline"))
    return out


def _residents(doc: Doc, gazetteer: Gazetteer, sent_of: list[int]) -> list[Found]:
    """"a 22-year-old Winona man", "Chicopee residents": a capitalised town name before a word for the
    people who live there."""
    out: list[Found] = []
    for k, tok in enumerate(doc):
        if tok.lower_ not in _RESIDENT_WORDS or k == 0:
            continue
        i = k
        while i > 0 and k - i < _MAX_WORDS and is_name_word(doc[i - 1].text) and not doc[i - 1].is_stop:
            i -= 1
            if doc[i].is_sent_start:  # "Chicopee residents discuss ...": the town opens the sentence
                break
        if i == k:
            continue
        # At a sentence's start only a name the entity finder saw as one: "Young men ..." is no Young, Uruguay
        opening = doc[i].is_sent_start and doc[i].ent_type_ != ""
        before = doc[i - 1].lower_ if i > 0 else ""
        if before not in _BEFORE_RESIDENT and not before.endswith("old") and not opening:
            continue
        span = doc[i:k]
        if gazetteer.names_settlement(span.text, _RESIDENT_TOWN_POPULATION):
            out.append(Found(span.start_char, span.end_char, span.text, span.text, "toponym", "settlement",
                             sent_of[i], "resident"))
    return out


# A town's own services, written after its name: "Winona police", "Chiefland Police Chief Robert Douglas"
# (the town tagged a person), "Paris firefighters".
_SERVICE_WORDS = {"police", "sheriff", "firefighters", "fire", "mayor", "council", "pd"}


def _town_services(doc: Doc, gazetteer: Gazetteer, sent_of: list[int]) -> list[Found]:
    """A town named before one of its services, whatever the entity finder made of the name; a town as
    small as one that files a dateline, since even small towns keep a police force."""
    out: list[Found] = []
    for k, tok in enumerate(doc):
        if tok.lower_ not in _SERVICE_WORDS or k == 0:
            continue
        i = k
        while i > 0 and k - i < _MAX_WORDS and is_name_word(doc[i - 1].text):
            i -= 1
            if doc[i].is_sent_start:
                break
        if i == k or (i > 0 and doc[i - 1].text in ("'s", "’s")):
            continue  # "the governor's police": no town
        span = doc[i:k]
        if gazetteer.names_settlement(span.text, _DATELINE_TOWN_POPULATION):
            out.append(Found(span.start_char, span.end_char, span.text, span.text, "toponym", "settlement",
                             sent_of[i], "service"))
    return out


_PARTIES = {"D", "R", "I"}


def _party_homes(doc: Doc, gazetteer: Gazetteer, sent_of: list[int]) -> list[Found]:
    """"Sen. Robert Ford, D-Charleston,": after a comma, a party's initial, a hyphen and the legislator's
    town or state (spaCy splits it into three tokens: "D", "-", "Charleston")."""
    from eventwire.geo.containers import world_regions

    out: list[Found] = []
    for k in range(2, len(doc)):
        if doc[k - 1].text != "-" or doc[k - 2].text not in _PARTIES or doc[k - 2].whitespace_ \
                or doc[k - 1].whitespace_ or doc[k - 3].text != "," or not doc[k].text[:1].isupper():
            continue
        end = k + 1
        while end < len(doc) and end - k < _MAX_WORDS and CAP_WORD.match(doc[end].text):
            end += 1
        span = doc[k:end]
        if world_regions(gazetteer, span.text) or gazetteer.names_settlement(span.text, _DATELINE_TOWN_POPULATION):
            out.append(Found(span.start_char, span.end_char, span.text, span.text, "toponym", "any",
                             sent_of[k], "party-home"))
    return out


def local_news_mentions(doc: Doc, gazetteer: Gazetteer, sent_of: list[int]) -> list[Found]:
    return _datelines(doc, gazetteer, sent_of) + _residents(doc, gazetteer, sent_of) + \
        _town_services(doc, gazetteer, sent_of) + _party_homes(doc, gazetteer, sent_of)
