"""Finding place names in a parsed article: spaCy's GPE/LOC/FAC entities, gazetteer names in capitalised
spans that spaCy missed or mislabelled (small villages often come out as ORG or PERSON), region and
proximity patterns, demonyms, and governments named by their capital ("Moscow said")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from eventwire.geo import tolerant
from eventwire.geo.country_spans import country_spans
from eventwire.geo.gazetteer import Candidate, Gazetteer
from eventwire.geo.hromadas import district_centres
from eventwire.geo.names import name_key
from eventwire.geo.notplaces import not_places
from eventwire.geo.renamed import renamed
from eventwire.records.place import MentionKind, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from eventwire.geo.raions import Raion

Level = Literal["any", "region", "settlement", "near", "centre"]

REGION_WORDS = {"region", "oblast", "province", "state", "district", "raion", "county", "governorate",
                "prefecture", "territory", "department", "regions", "oblasts", "provinces"}
# "the department of César", "the province of Idlib": a region named after its generic word and "of".
_DISTRICT_KINDS = {"city", "urban", "municipal"}
_REGION_OF = {"region", "oblast", "province", "department", "governorate", "prefecture", "state"}
SETTLEMENT_WORDS = {"village", "town", "city", "settlement", "hamlet", "capital", "port", "suburb"}
LOCATIVE = {"in", "near", "at", "outside", "from", "to", "into", "around", "towards", "toward", "across",
            "of", "on", "via", "between", "and", "nearby", "inside", "through", "off", "captured", "took"}
SPEECH_VERBS = {"say", "demand", "claim", "urge", "announce", "deny", "warn", "accuse", "insist", "call",
                "want", "threaten", "reject", "respond", "agree", "refuse", "seek", "tell", "condemn",
                "argue", "believe", "blame", "confirm", "vow", "pledge", "propose", "offer", "order",
                "impose", "sanction", "recognise", "recognize", "declare", "expect", "hope"}
# Buildings that stand for governments; they are resolved to the capital they are in.
SEATS_OF_GOVERNMENT = {"kremlin": "Moscow", "white house": "Washington", "downing street": "London",
                       "elysee": "Paris", "élysée": "Paris", "pentagon": "Washington"}
_DEMONYM_RULES = (("ian", "ia"), ("ian", "e"), ("ian", ""), ("an", "a"), ("an", "y"), ("n", ""), ("ese", "a"),
                  ("ese", ""), ("i", ""), ("ish", "ey"), ("ish", "ain"), ("ish", "and"), ("ish", "en"),
                  ("ic", "ia"), ("ean", "ea"), ("ite", ""), ("er", ""), ("an", ""), ("ish", "eland"),
                  ("", "s"))
# Demonyms of first-level regions ("Texan", "Kansan", "Ohioan", "Californian"), beyond the country rules;
# only regions of some size have one in use.
_REGION_DEMONYM_RULES = (("an", "as"), ("n", ""), ("an", ""))
_REGION_DEMONYM_POP = 1_000_000
# "the West", "the North": directions used as political or loose regions, not places in a gazetteer.
COMPASS = {"west", "east", "north", "south", "midwest", "northwest", "northeast", "southwest", "southeast",
           "western", "eastern", "northern", "southern"}
_CAP_WORD = re.compile(r"^[A-Z][\w’'\-]*$")


@dataclass(frozen=True, slots=True)
class Found:
    """A place-name span before resolution; `lookup` is the name to look up (without "the", "region")."""

    start: int
    end: int
    text: str
    lookup: str
    kind: MentionKind
    level: Level
    sent: int
    source: str  # ner, gazetteer, embedded, demonym, seat, given; "part" when resolved by a part of it
    country_hint: str | None = None  # the country a demonym names
    container: str | None = None  # admin-1 code of the region the text puts this place in ("X, Donetsk")
    raion: Raion | None = None  # the district the text puts it in ("X village, Chuhuiv district")
    possessive: bool = False  # written "X's" ("Chechnya's Akhmat forces"): a polity or a city owns something


def demonym_country(word: str, gazetteer: Gazetteer) -> str | None:
    """Russian -> RU, Ukrainian -> UA, Chinese -> CN, by reversing the usual English suffixes."""
    if not word[:1].isupper():
        return None
    if (known := gazetteer.demonym(word)) is not None:
        return known
    for suffix, repl in _DEMONYM_RULES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            country = gazetteer.country(word[: len(word) - len(suffix)] + repl)
            if country is not None:
                return country.country
    return None


def demonym_place(word: str, gazetteer: Gazetteer) -> Candidate | None:
    """The country, continent or first-level region a demonym names: Russian -> Russia, European -> Europe,
    Palestinians -> the Palestinian territories, Texan -> Texas, Ohioans -> Ohio."""
    for form in (word, word[:-1]) if word.endswith("s") and len(word) > 4 else (word,):
        cc = demonym_country(form, gazetteer)
        if cc is not None:
            return gazetteer.countries().get(cc)
        for suffix, repl in (*_DEMONYM_RULES, *_REGION_DEMONYM_RULES):
            if form[:1].isupper() and form.endswith(suffix) and len(form) > len(suffix) + 2:
                base = form[: len(form) - len(suffix)] + repl
                found = next((c for c in gazetteer.candidates(base) if c.quality == 0 and (
                    c.feature == "continent" or c.feature == "admin1" and c.population >= _REGION_DEMONYM_POP)),
                    None)
                if found is not None:
                    return found
    return None


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


_TRAILING_SETTLEMENT = {"village", "town", "settlement", "hamlet"}
# What a polity owns: "Chechnya's forces", "Russia's army"; with a proper name after "'s" ("Chechnya's
# Akhmat unit"), the owner is as likely a polity.
_OWNED = {"forces", "force", "troops", "army", "units", "unit", "battalion", "brigade", "regiment", "division",
          "militia", "fighters", "special", "government", "authorities", "leader", "ruler", "governor"}


def _level_and_bounds(doc: Doc, start: int, end: int) -> tuple[Level, int, int, int, int]:
    """Level from the words around tokens [start, end), and the token bounds of the span to report and
    of the name to look up (which excludes a trailing "region"/"oblast")."""
    level: Level = "any"
    look_end, span_end = end, end
    if end - start > 1 and doc[end - 1].lower_ in REGION_WORDS:
        level, look_end = "region", end - 1
    elif end < len(doc) and doc[end].lower_ in REGION_WORDS:
        level, span_end = "region", end + 1
    elif end + 1 < len(doc) and doc[end].lower_ in _DISTRICT_KINDS and doc[end + 1].lower_ in ("district", "okrug"):
        level, span_end = "region", end + 2  # "the Shebekinsky city district", a Russian municipal unit
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


def _has_cue(doc: Doc, start: int, end: int) -> bool:
    """Locative context for a capitalised span that spaCy did not call a place."""
    level, *_ = _level_and_bounds(doc, start, end)
    if level != "any" or (start >= 2 and doc[start - 1].text in ("'s", "’s")) or _heads_entry(doc, start):
        return True
    if _contained(doc, end):
        return True
    return (start > 0 and doc[start - 1].lower_ in LOCATIVE) or _attacked(doc, start, end) \
        or _locative_before(doc, start)


def _contained(doc: Doc, end: int) -> bool:
    """Followed by the region it lies in: "Mykolaiv, Mykolaiv region", "Kamianka (Donetsk oblast)"."""
    if end + 2 >= len(doc) or doc[end].text not in (",", "("):
        return False
    i = end + 1
    while i < len(doc) and i - end <= 3 and _CAP_WORD.match(doc[i].text):
        i += 1
    return i > end + 1 and i < len(doc) and doc[i].lower_ in ("region", "oblast", "raion", "province",
                                                              "governorate")


_SKIPPABLE = {"the", "western", "eastern", "northern", "southern", "central", "frontline", "front-line", "border"}


def _locative_before(doc: Doc, start: int) -> bool:
    """"in the western Kursk area": a strong locative word before the name, over a few modifiers."""
    i = start - 1
    while i >= 0 and start - i <= 3 and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    return i >= 0 and doc[i].lower_ in _STRONG_LOCATIVE | {"within", "over", "on", "at"}


def country_possessive(doc: Doc, start: int, gazetteer: Gazetteer) -> str | None:
    """"Syria's Sweida", "Russia's Voronezh region": the country whose part the name is, if any."""
    if start < 2 or doc[start - 1].text not in ("'s", "’s"):
        return None
    country = gazetteer.country(doc[start - 2].text)
    return country.country if country is not None else None


def _attacked(doc: Doc, start: int, end: int) -> bool:
    """'Russian drones struck Kharkiv', 'shelled Sumy': the object of a verb of attack or capture is a place
    (spaCy often tags such a city as a person or an organisation)."""
    root = doc[start:end].root
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "against") and root.head.head.pos_ == "NOUN":
        root = root.head  # "Israeli strikes on Khan Younis", "an attack against Beni": the object of the noun
        return root.head.lemma_.lower() in _ATTACK_NOUNS
    return root.dep_ == "dobj" and root.head.lemma_.lower() in _ATTACK_VERBS


def _trim_tokens(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (span.doc[end - 1].text in ("'s", "’s", "'", "’") or span.doc[end - 1].is_punct):
        end -= 1
    return start, end


# A list of names ending in "counties" ("Cooke, Grayson and Love counties"): each is a county, looked up
# with the singular word it is named with ("Grayson County").
# "the Kursk and Bryansk regions": each is a first-level region, looked up by its name alone.
_LIST_REGION_WORDS = {"counties": " County", "parishes": " Parish", "regions": "", "oblasts": "",
                      "provinces": "", "governorates": ""}
_LIST_JOINERS = {",", "and", "or", "&"}
_LIST_SPAN = 12


def _list_region(doc: Doc, end: int) -> str | None:
    """The suffix to look a list member up with, when a plural region word closes the list it is in."""
    i = end
    while i < len(doc) and i - end < _LIST_SPAN and not doc[i].is_sent_start:
        tok = doc[i]
        if tok.lower_ in _LIST_REGION_WORDS:
            return _LIST_REGION_WORDS[tok.lower_]
        if tok.lower_ not in _LIST_JOINERS and not _CAP_WORD.match(tok.text):
            return None
        i += 1
    return None


def _found(doc: Doc, start: int, end: int, source: str, kind: MentionKind = "toponym",
           sent: int = 0) -> Found | None:
    level, s0, s1, l0, l1 = _level_and_bounds(doc, start, end)
    if l1 <= l0:
        return None
    span, look = doc[s0:s1], doc[l0:l1]
    lookup = look.text
    if level == "any" and (suffix := _list_region(doc, l1)) is not None:
        level, lookup = "region", lookup + suffix
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
        start, end = _trim_tokens(ent)
        if end <= start:
            continue
        text = doc[start:end].text
        words = [t for t in doc[start:end] if any(ch.isalpha() for ch in t.text)]
        if not any(t.text[0].isupper() for t in words) or all(t.lower_ in COMPASS for t in words):
            continue  # "the West", "Western countries", "north-east of", "midtown": directions, not places
        if ent.label_ == "NORP" and end - start == 1:
            if (norp := _norp_mention(doc, gazetteer, start, sent_of[start])) is not None:
                out.append(norp)
            continue
        seat = SEATS_OF_GOVERNMENT.get(text.lower())
        if seat is not None:
            out.append(Found(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), text, seat, "metonym",
                             "settlement", sent_of[start], "seat"))
            continue
        # Facilities (streets, stadiums, airports) are places even when no gazetteer knows them; they are
        # reported, and left unresolved or placed by a town in their name.
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        kind: MentionKind = "metonym" if is_government_use(ent) else "toponym"
        found = _found(doc, start, end, "ner", kind, sent_of[start])
        if found is not None:
            out.append(found)
    return out


def _norp_mention(doc: Doc, gazetteer: Gazetteer, i: int, sent: int) -> Found | None:
    """A one-word nationality entity: a demonym (Russian; European), or a place spaCy took for one."""
    text = doc[i].text
    # "Venezuelans", "the Armenians": the people, not the place (GeoWebNews agrees).
    if text.endswith("s") and (demonym_country(text[:-1], gazetteer) is not None
                               or demonym_place(text[:-1], gazetteer) is not None):
        return None
    cc = demonym_country(text, gazetteer)
    if cc or demonym_place(text, gazetteer) is not None:
        return Found(doc[i].idx, doc[i].idx + len(text), text, text, "demonym", "any", sent, "demonym", cc)
    if _well_known(text, gazetteer):
        return _found(doc, i, i + 1, "ner", "toponym", sent)  # "Tunis" tagged as a nationality
    return None


def _capitalised_runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capitalised words; a sentence's first word (capitalised anyway) only where the run heads an
    entry ("Nikopol: drones hit a bus station")."""
    runs, start = [], None
    for tok in doc:
        if _CAP_WORD.match(tok.text) and (not tok.is_sent_start or _heads_entry(doc, tok.i)):
            start = tok.i if start is None else start
            continue
        if start is not None:
            runs.append((start, tok.i))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    return runs


def _heads_entry(doc: Doc, start: int) -> bool:
    """A sentence that opens with a place and a colon, as monitor entries and captions do ("Nikopol: ...",
    "Vuhledar, Donetsk region: ..."): the place is where the entry's event is. An agency's dateline
    ("MOSCOW (Reuters) -") ends in a bracket or a dash, not a colon."""
    if not doc[start].is_sent_start:
        return False
    i = start
    while i < len(doc) and _CAP_WORD.match(doc[i].text):
        if doc[i].pos_ != "PROPN" and not doc[i].ent_type_:
            return False  # "Police: two men held" is a word, whatever Polish town shares it
        i += 1
    if i < len(doc) and doc[i].text == ",":  # a container: "Vuhledar, Donetsk (region):"
        i += 1
        j = i
        while i < len(doc) and _CAP_WORD.match(doc[i].text):
            i += 1
        if i == j:
            return False
        if i < len(doc) and doc[i].lower_ in REGION_WORDS:
            i += 1
    return i > start and i < len(doc) and doc[i].text == ":"


# Entity types whose words are never a place (dates: "in March"; languages: "in English"; people are
# handled by `_not_a_person`, organisations by `_org_ok`).
_NOT_PLACE_ENTS = {"DATE", "TIME", "NORP", "LANGUAGE", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL",
                   "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
# A place named inside an organisation's name ("Toronto Police Service") is a toponym used for the
# organisation; only well-known places count there, as small ones are mostly surnames or words.
_EMBEDDED_MIN_POPULATION = 100_000
_EMBEDDED_FEATURES = {"country", "admin1", "capital", "continent"}
_STRONG_LOCATIVE = {"in", "near", "outside", "around", "across", "into"}
_ATTACK_VERBS = frozenset({"strike", "hit", "shell", "bomb", "attack", "target", "pound", "storm", "capture",
                           "seize", "take", "liberate", "raid", "besiege", "encircle", "recapture", "bombard"})
_ATTACK_NOUNS = frozenset({"strike", "airstrike", "attack", "raid", "assault", "offensive", "bombardment", "bombing",
                           "shelling", "barrage", "incursion"})
_PERSON_MIN_POPULATION = 10_000


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
        if any(t in taken or (doc[t].ent_type_ in _NOT_PLACE_ENTS and not _product_place(doc, r0, r1, gazetteer))
               for t in range(r0, r1)):
            continue
        while r0 < r1 and doc[r0].lower_ in ("the", "a", "an"):
            r0 += 1
        end = r1 - 1 if r1 - r0 > 1 and doc[r1 - 1].lower_ in REGION_WORDS | SETTLEMENT_WORDS else r1
        text = doc[r0:end].text
        # Russian-form spellings of Ukrainian villages are looked for only in reports on the war.
        if (len(text) >= 3 and _has_cue(doc, r0, end)
                and (gazetteer.has_name(text) or bool(renamed(gazetteer, text))
                     or (war and tolerant.known_spelling(gazetteer, text)) or _district_of(doc, r0, end, gazetteer))
                and _not_a_person(doc, r0, end, gazetteer, war) and _org_ok(doc, r0, end, ents)
                and not _common_word(doc, r0, end, words)):
            found = _found(doc, r0, end, "gazetteer", "toponym", sent_of[r0])
            if found is not None:
                out.append(found)
    return out


def _district_of(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """"the Grayvoronsky district": a district's adjective before a district word, named after a town."""
    if start > 0 and doc[start - 1].text in ("-", "–") and not doc[start - 1].whitespace_:
        return False  # "Novhorod-Siversky district": the end of a compound town name, not an adjective
    first = doc[end].lower_ if end < len(doc) else ""
    second = doc[end + 1].lower_ if end + 1 < len(doc) else ""
    district = first in ("district", "raion", "okrug") or (first in _DISTRICT_KINDS and second in ("district", "okrug"))
    return district and bool(district_centres(gazetteer, doc[start:end].text))


def _product_place(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """spaCy tags some cities as products ("attacked Kursk"): a well-known place after a locative word or
    as the object of an attack is the place."""
    if any(doc[t].ent_type_ != "PRODUCT" for t in range(start, end)):
        return False
    cue = _locative_before(doc, start) or _attacked(doc, start, end)
    return cue and _well_known(doc[start:end].text, gazetteer)


def _not_a_person(doc: Doc, start: int, end: int, gazetteer: Gazetteer, war: bool = True) -> bool:
    """A span spaCy calls a person is a place only with an explicit settlement cue, or when it is a
    sizable place right after "in", "near" or "outside" ("in Kent"; "according to Davis" is a person)."""
    if all(doc[t].ent_type_ != "PERSON" for t in range(start, end)):
        return True
    level, *_ = _level_and_bounds(doc, start, end)
    if level == "settlement" or _heads_entry(doc, start) or _contained(doc, end):
        return True
    if level == "region" and (any(c.is_region for c in gazetteer.candidates(doc[start:end].text))
                              or _district_of(doc, start, end, gazetteer)):
        return True  # "the department of César", "the Grayvoronsky district"
    text = doc[start:end].text
    if (cc := country_possessive(doc, start, gazetteer)) is not None:
        return any(c.country == cc for c in gazetteer.candidates(text))  # "Syria's Sweida"
    if war and start > 0 and doc[start - 1].lower_ in LOCATIVE and not gazetteer.has_name(text) \
            and tolerant.known_spelling(gazetteer, text):
        return True  # "directions of Rabotino": a Russian-form village name, not a person's
    strong = ((start > 0 and doc[start - 1].lower_ in _STRONG_LOCATIVE) or _attacked(doc, start, end)
              or _part_of(doc, start))
    return strong and any(c.is_region or c.population >= _PERSON_MIN_POPULATION
                          for c in [*gazetteer.candidates(text), *renamed(gazetteer, text)])


_AREA_PARTS = frozenset({"outskirts", "suburbs", "suburb", "centre", "center", "heart", "edge", "streets",
                         "periphery", "environs", "vicinity"})


def _part_of(doc: Doc, start: int) -> bool:
    """"the outskirts of Goma", "the centre of Bamako": the name after a part of a town is the town."""
    return start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _AREA_PARTS


def _well_known(text: str, gazetteer: Gazetteer) -> bool:
    return any(c.feature in _EMBEDDED_FEATURES or (c.quality == 0 and c.population >= _EMBEDDED_MIN_POPULATION)
               for c in gazetteer.candidates(text))


_COUNTY_WORDS = ("County", "Parish")
# Unions of countries named as places ("tariffs on goods from the EU", "the EU said"): the continent they
# cover is the point there is, at precision 3; no gazetteer row has them. Keyed by `name_key`.
UNIONS = {"eu": "Europe", "european union": "Europe"}


def _county(text: str, gazetteer: Gazetteer) -> bool:
    """"Laurel County" in "the Laurel County Sheriff's Office": a county named with its generic word is a
    place whatever its size; the word makes it no surname."""
    return " " in text and text.endswith(_COUNTY_WORDS) and any(
        c.feature == "admin2" for c in gazetteer.candidates(text))


def _org_ok(doc: Doc, start: int, end: int, ents: list[Span]) -> bool:
    """A span spaCy calls an organisation is a place only when it is the whole entity and not an acronym
    (villages are often tagged ORG; "NATO" and "UConn" are not villages)."""
    if all(doc[t].ent_type_ != "ORG" for t in range(start, end)):
        return True
    ent = next(e for e in ents if e.start <= start < e.end)
    whole = ent.start >= start - 1 and ent.end <= end + 1
    text = doc[start:end].text
    # "UConn" has a capital inside a word; "Pereiaslav-Khmelnytskyi" only after a hyphen
    inner = any(c.isupper() and text[i] != "-" for i, c in enumerate(text[1:]) if c.isalpha())
    return whole and not (text.isupper() or inner and " " not in text)


def _common_word(doc: Doc, start: int, end: int, words: set[str]) -> bool:
    """One capitalised word that the same article also uses in lower case ("Market", "Police") is a
    word, not a place, whatever village shares its name."""
    if end - start != 1:
        return False
    return doc[start].lower_ in words


def _embedded_mentions(doc: Doc, gazetteer: Gazetteer, sent_of: list[int]) -> list[Found]:
    """Well-known place names and demonyms inside organisations' names, as metonyms: "Toronto" in
    "Toronto Police Service", "Canadian" in "Canadian Medical Association"."""
    out: list[Found] = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        i = ent.start
        while i < ent.end:
            hit = _embedded_at(doc, gazetteer, i, ent.end)
            if hit is None:
                i += 1
                continue
            j, kind, hint = hit
            span = doc[i:j]
            if kind == "metonym" and (i, j) == _trim_tokens(ent) and name_key(span.text) not in UNIONS:
                kind = "toponym"  # the whole "organisation" is the place name: spaCy mislabelled it
            out.append(Found(span.start_char, span.end_char, span.text, span.text, kind, "any", sent_of[i],
                             "embedded", hint))
            i = j
    return out


def _embedded_at(doc: Doc, gazetteer: Gazetteer, i: int, limit: int) -> tuple[int, MentionKind, str | None] | None:
    """The place name or demonym that starts at token i of an organisation's name, if any."""
    tok = doc[i]
    if not _CAP_WORD.match(tok.text) or tok.is_stop or tok.lower_ in COMPASS | {"central"}:
        return None
    for j in range(min(limit, i + 4), i, -1):
        if not all(_CAP_WORD.match(t.text) for t in doc[i:j]):
            continue
        text = doc[i:j].text
        if text.isupper() and len(text) <= 4 and gazetteer.country(text) is None and name_key(text) not in UNIONS:
            continue  # "NC Dinos", "CIS": initials
        if _well_known(text, gazetteer) or _county(text, gazetteer) or name_key(text) in UNIONS:
            return j, "metonym", None
    if (cc := demonym_country(tok.text, gazetteer)) is not None:
        return i + 1, "demonym", cc
    return None


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
    found += _embedded_mentions(doc, gazetteer, sent_of)
    found = not_places(doc, found, gazetteer)
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Found] = []
    text = doc.text if text is None else text
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(replace(f, kind="metonym") if _dateline(text, f) else f)
    return out


_DATELINE_TAIL = re.compile(r"^(?:,\s*[A-Z][A-Za-z .]+)?\s*(?:\(|[-–—]\s)")


def _dateline(text: str, f: Found) -> bool:
    """"MOSCOW (Reuters) -", "KYIV, Ukraine —": where the report was filed, not where anything happened."""
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
