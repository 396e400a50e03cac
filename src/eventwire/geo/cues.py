"""What the words around a capitalised span say about it: the subject of a speech verb ("Moscow said"),
the level a generic word gives it ("Donetsk region", "the village of X", "near X"), a locative or an attack
verb before it, the region that follows it ("Mykolaiv, Mykolaiv region"), a country's possessive ("Syria's
Sweida"), and the monitor entry it heads ("Nikopol: drones hit a bus station")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.geo.found import Level

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from eventwire.geo.gazetteer import Gazetteer

REGION_WORDS = {"region", "oblast", "province", "state", "district", "raion", "county", "governorate",
                "prefecture", "territory", "department", "regions", "oblasts", "provinces"}
# "the department of César", "the province of Idlib": a region named after its generic word and "of".
DISTRICT_KINDS = {"city", "urban", "municipal"}
_REGION_OF = {"region", "oblast", "province", "department", "governorate", "prefecture", "state"}
SETTLEMENT_WORDS = {"village", "town", "city", "settlement", "hamlet", "capital", "port", "suburb"}
LOCATIVE = {"in", "near", "at", "outside", "from", "to", "into", "around", "towards", "toward", "across",
            "of", "on", "via", "between", "and", "nearby", "inside", "through", "off", "captured", "took"}
SPEECH_VERBS = {"say", "demand", "claim", "urge", "announce", "deny", "warn", "accuse", "insist", "call",
                "want", "threaten", "reject", "respond", "agree", "refuse", "seek", "tell", "condemn",
                "argue", "believe", "blame", "confirm", "vow", "pledge", "propose", "offer", "order",
                "impose", "sanction", "recognise", "recognize", "declare", "expect", "hope"}
# "the West", "the North": directions used as political or loose regions, not places in a gazetteer.
COMPASS = {"west", "east", "north", "south", "midwest", "northwest", "northeast", "southwest", "southeast",
           "western", "eastern", "northern", "southern"}
CAP_WORD = re.compile(r"^[A-Z][\w’'\-]*$")
# Abbreviated words that open place names ("St. Louis", "Sault Ste. Marie", "Ft. Worth"): part of a run of
# capitalised words, full stop and all.
NAME_ABBREVIATIONS = frozenset({"St.", "Mt.", "Ste.", "Ft.", "Pt.", "Pte.", "Sta.", "ST.", "STE.", "MT.", "FT."})
STRONG_LOCATIVE = {"in", "near", "outside", "around", "across", "into"}
ATTACK_VERBS = frozenset({"strike", "hit", "shell", "bomb", "attack", "target", "pound", "storm", "capture",
                          "seize", "take", "liberate", "raid", "besiege", "encircle", "recapture", "bombard"})
ATTACK_NOUNS = frozenset({"strike", "airstrike", "attack", "raid", "assault", "offensive", "bombardment", "bombing",
                          "shelling", "barrage", "incursion"})
FIRING_VERBS = frozenset({"fire", "launch", "lob", "shoot", "aim", "drop"})
_TRAILING_SETTLEMENT = {"village", "town", "settlement", "hamlet"}
_GOVERNOR = {"Gov.", "Governor", "governor", "Lt."}


def is_compass(word: str) -> bool:
    """"North", "north-western", "Northeastern": a direction, written any way."""
    return all(p in COMPASS or p.removesuffix("ern") in COMPASS for p in word.lower().replace("–", "-").split("-"))


def is_name_word(text: str) -> bool:
    """A word that can stand in a place's name: capitalised, or an abbreviation such names open with."""
    return bool(CAP_WORD.match(text)) or text in NAME_ABBREVIATIONS


def level_and_bounds(doc: Doc, start: int, end: int) -> tuple[Level, int, int, int, int]:
    """Level from the words around tokens [start, end), and the token bounds of the span to report and
    of the name to look up (which excludes a trailing "region"/"oblast")."""
    level: Level = "any"
    look_end, span_end = end, end
    if end - start > 1 and doc[end - 1].lower_ in REGION_WORDS:
        level, look_end = "region", end - 1
    elif end < len(doc) and doc[end].lower_ in REGION_WORDS:
        level, span_end = "region", end + 1
    elif end < len(doc) and doc[end].lower_ in ("countryside", "outskirts", "suburbs"):
        level, span_end = "near", end + 1  # "the western Aleppo countryside": around the town, not in it
    elif end + 1 < len(doc) and doc[end].lower_ in DISTRICT_KINDS and doc[end + 1].lower_ in ("district", "okrug"):
        level, span_end = "region", end + 2  # "the Shebekinsky city district", a Russian municipal unit
    elif end < len(doc) and doc[end].text in _GOVERNOR and level == "any":
        level = "region"  # "New York Gov. Andrew Cuomo", "Kharkiv Governor Oleh Syniehubov": the state's
    elif end - start > 1 and doc[end - 1].text in _TRAILING_SETTLEMENT:
        # "Rubizhne village": the village named Rubizhne; "Cape Town" (capitalised) is a name of its own
        level, look_end = "settlement", end - 1
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.lower_ == "of" and start > 1 and doc[start - 2].lower_ in SETTLEMENT_WORDS:
        level = "settlement"
        # "near the village of X" is near X, not in it
        before = [t.lower_ for t in doc[max(0, start - 5):start - 2] if t.lower_ not in ("the", "a", "small")]
        if before and before[-1] in ("near", "outside", "around", "nearby"):
            level = "near"
    elif (prev is not None and prev.lower_ == "of" and start > 1 and doc[start - 2].text in _REGION_OF
          and level == "any"):
        level = "region"  # lower case only: "the Department of Justice" is no region
    elif prev is not None and prev.lower_ in ("near", "outside", "nearby", "around") and level == "any":
        level = "near"
    elif (end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "an", "the")
          and any(t.lower_ in SETTLEMENT_WORDS for t in doc[end + 2:end + 5])):
        level = "settlement"  # "X, a (small frontline) village"
    return level, start, span_end, start, look_end


def has_cue(doc: Doc, start: int, end: int) -> bool:
    """Locative context for a capitalised span that spaCy did not call a place."""
    level, *_ = level_and_bounds(doc, start, end)
    if level != "any" or (start >= 2 and doc[start - 1].text in ("'s", "’s")) or heads_entry(doc, start):
        return True
    if contained(doc, end) or based_in(doc, end):
        return True
    return (start > 0 and doc[start - 1].lower_ in LOCATIVE) or attacked(doc, start, end) \
        or locative_before(doc, start) or military_site(doc, start, end)


# Military sites named after their town: "the Niafounke camp", "the Boulkessi military base".
_SITE_NOUNS = {"camp", "base", "airbase", "airfield", "garrison", "barracks", "checkpoint", "outpost"}
_SITE_KINDS = {"military", "army", "air", "naval", "navy", "police", "gendarmerie"}


def military_site(doc: Doc, start: int, end: int) -> bool:
    """"took control of the Niafounke camp": a name between "the" and a military site's noun is the town
    the site is named after (spaCy often tags such a town as a person). A camp that speaks or acts ("the
    Clinton camp said") is a candidate's people, as is one named like a person of the article."""
    i = end
    if i < len(doc) and doc[i].lower_ in _SITE_KINDS:
        i += 1
    site = start > 0 and doc[start - 1].lower_ == "the" and i < len(doc) and doc[i].lower_ in _SITE_NOUNS \
        and doc[i].pos_ == "NOUN" and doc[i].dep_ != "nsubj"
    return site and not _surname(doc, start, end)


def _surname(doc: Doc, start: int, end: int) -> bool:
    """The name ends a longer person's name of the article ("Clinton" of "Hillary Clinton")."""
    words = [t.text for t in doc[start:end]]
    return any(ent.label_ == "PERSON" and len(ent) > len(words) and [t.text for t in ent[-len(words):]] == words
               for ent in doc.ents)


_BASED_WORDS = {"based", "born", "headquartered", "registered"}


def based_in(doc: Doc, end: int) -> bool:
    """"the Kent-based outfit", "Northbrook-based Crate & Barrel": a name joined by a hyphen to "based" (or
    "born", "headquartered") is where something is."""
    return end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
        and doc[end + 1].lower_ in _BASED_WORDS


def contained(doc: Doc, end: int) -> bool:
    """Followed by the region it lies in: "Mykolaiv, Mykolaiv region", "Kamianka (Donetsk oblast)"."""
    if end + 2 >= len(doc) or doc[end].text not in (",", "("):
        return False
    i = end + 1
    while i < len(doc) and i - end <= 3 and CAP_WORD.match(doc[i].text):
        i += 1
    return i > end + 1 and i < len(doc) and doc[i].lower_ in ("region", "oblast", "raion", "province",
                                                              "governorate")


_SKIPPABLE = {"the", "western", "eastern", "northern", "southern", "central", "frontline", "front-line", "border",
              "occupied", "russian-occupied", "temporarily", "besieged", "liberated", "embattled", "war-torn"}


def strongly_placed(doc: Doc, start: int) -> bool:
    """"in Kent", "in occupied Melitopol", "near the besieged Avdiivka": "in", "near", ... before the name,
    over the words that qualify a place."""
    i = start - 1
    while i >= 0 and start - i <= 3 and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    return i >= 0 and doc[i].lower_ in STRONG_LOCATIVE


def locative_before(doc: Doc, start: int) -> bool:
    """"in the western Kursk area": a strong locative word before the name, over a few modifiers."""
    i = start - 1
    while i >= 0 and start - i <= 3 and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    return i >= 0 and doc[i].lower_ in STRONG_LOCATIVE | {"within", "over", "on", "at"}


def country_possessive(doc: Doc, start: int, gazetteer: Gazetteer) -> str | None:
    """"Syria's Sweida", "Russia's Voronezh region": the country whose part the name is, if any."""
    if start < 2 or doc[start - 1].text not in ("'s", "’s"):
        return None
    country = gazetteer.country(doc[start - 2].text)
    return country.country if country is not None else None


def shelled_subject(tok: Token) -> bool:
    """A headline's "Kherson shelled again overnight" (its "was" left out): the subject of an attack verb in
    the past with no object is the place that was hit, not who fired."""
    while tok.dep_ == "compound":
        tok = tok.head
    verb = tok.head
    return (tok.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in ATTACK_VERBS
            and verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "dobj" for c in verb.children))


def attacked(doc: Doc, start: int, end: int) -> bool:
    """'Russian drones struck Kharkiv', 'shelled Sumy': the object of a verb of attack or capture is a place
    (spaCy often tags such a city as a person or an organisation)."""
    root = doc[start:end].root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= end:
        # "struck the Novoshakhtinsk oil refinery": the town naming what was struck is where it was struck
        head = root.head
        return attacked(doc, head.i, head.i + 1)
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "against") and root.head.head.pos_ == "NOUN":
        # "Israeli strikes on Khan Younis", "an attack against Beni": the object of an attack noun
        return root.head.head.lemma_.lower() in ATTACK_NOUNS
    if shelled_subject(root):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("at", "on", "toward", "towards", "into"):
        # "Hezbollah fired rockets at Kiryat Shmona", "launched drones on Odesa": what the fire is aimed at
        return root.head.head.lemma_.lower() in FIRING_VERBS
    return root.dep_ == "dobj" and root.head.lemma_.lower() in ATTACK_VERBS


_AREA_PARTS = frozenset({"outskirts", "suburbs", "suburb", "centre", "center", "heart", "edge", "streets",
                         "periphery", "environs", "vicinity"})


def part_of(doc: Doc, start: int) -> bool:
    """"the outskirts of Goma", "the centre of Bamako": the name after a part of a town is the town."""
    return start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _AREA_PARTS


def heads_entry(doc: Doc, start: int) -> bool:
    """A sentence that opens with a place and a colon, as monitor entries and captions do ("Nikopol: ...",
    "Vuhledar, Donetsk region: ..."): the place is where the entry's event is. An agency's dateline
    ("MOSCOW (Reuters) -") ends in a bracket or a dash, not a colon."""
    if not doc[start].is_sent_start:
        return False
    i = start
    while i < len(doc) and CAP_WORD.match(doc[i].text):
        if doc[i].pos_ != "PROPN" and not doc[i].ent_type_:
            return False  # "Police: two men held" is a word, whatever Polish town shares it
        i += 1
    if i < len(doc) and doc[i].text == ",":  # a container: "Vuhledar, Donetsk (region):"
        i += 1
        j = i
        while i < len(doc) and CAP_WORD.match(doc[i].text):
            i += 1
        if i == j:
            return False
        if i < len(doc) and doc[i].lower_ in REGION_WORDS:
            i += 1
    return i > start and i < len(doc) and doc[i].text == ":"


def _base_forms(word: str) -> set[str]:
    w = word.lower()
    forms = {w, w[:-1], w[:-2], w[:-3], w[:-1] + "e" if w.endswith("ing") else w}
    if w.endswith("ied"):
        forms.add(w[:-3] + "y")
    return forms | ({"say"} if w in ("said", "says") else set()) | ({"tell"} if w == "told" else set())


def is_government_use(span: Span) -> bool:
    """"Moscow said", "Washington demanded": the place name is the subject of a speech or policy verb."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and bool(_base_forms(root.head.text) & SPEECH_VERBS)


def trim_tokens(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (span.doc[end - 1].text in ("'s", "’s", "'", "’") or span.doc[end - 1].is_punct):
        end -= 1
    return start, end
