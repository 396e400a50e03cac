"""Where an event happened: the place mention that the trigger's clause points at.

Places come from the geoparser (PlaceMention records with offsets); this module only chooses
among them using the parse, preferring places attached to the trigger ("in Kyiv", "of Odesa")
over places that belong to an actor ("Kyiv's allies") or to a relative clause about something else.
Of the places attached to the event, the most specific one that lies inside the others wins:
"in the village of X, Y district of Z region" is X, not the region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.records import Location, Place, PlaceMention

LOCATIVE_PREPS = frozenset({"in", "at", "near", "on", "outside", "across", "around", "from", "of", "into",
                            "over", "inside", "to", "towards", "toward", "along", "throughout", "within"})
NEARBY_PREPS = frozenset({"near", "outside", "around", "beyond", "off"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "outskirts", "vicinity", "edge"})
NEARBY_KM = 25.0
CITY_DIVISION_KM = 90.0  # a city of its own division lies in the division whose centre is this near
FOCUS_DEGREES = 0.4  # about 40 km: an article's places closer than this are one area
PARTNER_PREPS = frozenset({"with", "between", "against", "for", "by"})  # "talks with Moscow": a party, not a place
WIDE_FEATURES = frozenset({"country", "admin1", "admin2", "region", "continent"})
SPECIFIC_MARGIN = 3.5  # a place inside the best one wins when its attachment scores at most this much lower
# Nouns that make a possessive country or capital an actor: "Moscow's forces", "Russia's FSB".
ACTOR_NOUNS = frozenset({
    "force", "troop", "army", "military", "government", "ministry", "authority", "service", "agency",
    "official", "leadership", "president", "regime", "intelligence", "agent", "soldier", "unit", "command",
    "navy", "defence", "defense", "fsb", "sbu", "gru", "kremlin", "parliament", "leader", "spokesman",
    "spokeswoman", "spokesperson", "diplomat", "ambassador", "envoy", "offensive", "aim", "ally", "partner",
    "rada", "duma", "senate", "congress", "cabinet", "embassy", "minister", "administration",
})
# Verbs whose subject, a country or a capital, is still a place ("Kyiv came under fire", "Odesa woke to blasts");
# the subject of any other active verb is a government acting: "Moscow continues to advance", "Kyiv staged".
ARMED_NOUNS = frozenset({"force", "forces", "troop", "troops", "army", "unit", "units", "battalion", "brigade",
                         "regiment", "militia", "fighter", "fighters", "commander", "guard"})
# "Sumy RMA", "the Kharkiv regional administration", "Odesa police": bodies named after their place
BODY_NOUNS = frozenset({"administration", "ministry", "authority", "authorities", "government", "police", "council",
                        "court", "prosecutor", "prosecutors", "governor", "mayor", "office", "directorate",
                        "rma", "ova", "mva", "oda", "rda", "cma"})
PLACE_SUBJECT_VERBS = frozenset({
    "be", "come", "remain", "suffer", "face", "see", "wake", "hear", "experience", "endure", "survive",
    "witness", "sustain", "shake", "tremble", "burn", "lose", "fall", "go", "plunge", "sink", "stay",
})
DEFENSIVE_LEMMAS = frozenset({"shoot", "intercept", "destroy", "down", "repel", "repulse", "neutralize",
                              "neutralise", "thwart", "foil"})
PLACE_NOUNS = frozenset({
    "district", "region", "oblast", "raion", "rayon", "village", "town", "city", "community", "hromada",
    "settlement", "area", "province", "state", "county", "municipality", "township", "krai", "republic",
})
AREA_NOUNS = frozenset({"district", "raion", "rayon", "community", "communities", "hromada", "municipality",
                        "township", "county", "area", "region", "oblast", "province", "state", "governorate"})
# "MOSCOW (Reuters) -", "KYIV, Ukraine (AP) —", "Kyiv — ...", "MOSCOW:": where the story was filed.
_DATELINE_TAIL = re.compile(r"(,\s*[A-Z][\w .'’-]{1,30})?\s*(\([^)\n]{1,40}\))?\s*([:\-–—])")


def locate(trigger: Token, places: Sequence[PlaceMention], verbal: bool = False) -> Location | None:
    """The best-attached resolved place in the trigger's sentence, or None (never a guess).

    For verbal events (a demand, a threat) only a place attached to the trigger itself counts
    ("said in Moscow"): places inside what was demanded are not where the demand was made."""
    doc = trigger.doc
    sent = trigger.sent
    scored: list[tuple[float, PlaceMention, Token]] = []
    for mention in places:
        if mention.place is None or mention.kind != "toponym":
            continue
        if (not (sent.start_char <= mention.start < sent.end_char) or is_dateline(doc.text, mention)
                or names_body(mention.text)):
            continue
        head = _head_token(doc, mention)
        if head is None or head.head.lower_ in PARTNER_PREPS or is_actor(head, mention.place):
            continue
        if _origin(trigger, head) or _launch_site(doc.text, mention.start):
            continue
        foreign = _in_foreign_relcl(trigger, head)
        if foreign and not (_about_argument(trigger, head) and mention.place.feature != "country"):
            continue
        if head.dep_ == "amod" and mention.place.feature == "country":
            continue  # "Ukrainian attacks": a nationality, not where
        if verbal and not (head.head.head.i == trigger.i and head.head.lower_ in LOCATIVE_PREPS):
            continue
        scored.append((_score(trigger, head, mention) - (3.0 if foreign else 0.0), mention, head))
    if not scored:
        # The country speaking is the last resort: an article whose places lie in one area says more.
        return None if verbal or focus_location(places) is not None else _country_speaking(trigger, places)
    best = max(scored, key=lambda s: s[0])
    within = [s for s in scored if s[0] >= best[0] - SPECIFIC_MARGIN and more_specific(s[1], best[1])]
    if within:
        best = max(within, key=lambda s: s[0])
    return location_of(best[1], best[2])


def location_of(mention: PlaceMention, head: Token | None) -> Location:
    """The mention's place as an event location; 'near X' is ACLED's precision 2."""
    place = mention.place
    assert place is not None
    if place.precision == 1 and _is_nearby(head):
        place = replace(place, precision=2, uncertainty_km=max(place.uncertainty_km or 0.0, NEARBY_KM))
    return Location(place=place, text=mention.text)


def inside(inner: Place, outer: Place) -> bool:
    """`inner` lies within `outer` (a country, an oblast, a district): same country and same first-level
    division, or within the outer place's reach when the gazetteer gives no division."""
    if inner.country != outer.country or outer.country is None:
        return False
    if outer.feature == "country":
        return True
    if outer.admin1 and inner.admin1 and not (inner.admin1 == inner.name and outer.feature == "admin1"):
        # (a city that is a division of its own, Sevastopol or Kyiv, is measured against the one around it)
        return inner.admin1 == outer.admin1 and (outer.feature == "admin1" or not outer.admin2
                                                 or same_division(inner.admin2, outer.admin2))
    reach = max(outer.uncertainty_km or 0.0, 60.0) if inner.admin1 != inner.name else CITY_DIVISION_KM
    return abs(inner.lat - outer.lat) * 111.0 < reach and abs(inner.lon - outer.lon) * 70.0 < reach


def same_division(a: str | None, b: str | None) -> bool:
    """One district under two spellings the gazetteer's sources mix: 'Izyum Raion' and 'Iziumskyi raion'."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    x, y = _division_stem(a), _division_stem(b)
    return len(min(x, y, key=len)) >= 4 and (x.startswith(y) or y.startswith(x))


def _division_stem(name: str) -> str:
    stem = re.sub(r"\s+(raion|rayon|district|city council|municipality)$", "", name.lower().strip())
    stem = re.sub(r"[^a-z]", "", stem.replace("y", "i"))
    return re.sub(r"(skii|skoi|skaia|ska|skiy|ckii)$", "", stem)


def compatible(a: Place, b: Place) -> bool:
    """Two places one event may have: one inside the other (a town in its oblast, anything in its country),
    or within about 25 km of each other. An oblast does not hold a town of another oblast."""
    if a.precision == 3 or b.precision == 3 or a.feature in WIDE_FEATURES or b.feature in WIDE_FEATURES:
        if a.feature == "country" or b.feature == "country" or not (a.admin1 and b.admin1):
            return a.country == b.country
        return inside(a, b) or inside(b, a)
    return abs(a.lat - b.lat) < 0.25 and abs(a.lon - b.lon) < 0.35


def more_specific(inner: PlaceMention, outer: PlaceMention) -> bool:
    """`inner` names a place within the area `outer` names: a village of its district ("Rubizhne village,
    Chuhuiv district"), a town of its oblast or country. A namesake elsewhere is not within it."""
    a, b = inner.place, outer.place
    if a is None or b is None or a is b or a.feature in WIDE_FEATURES or names_area(inner.text):
        return False
    wide = b.feature in WIDE_FEATURES or b.precision == 3 or names_area(outer.text)
    return wide and a.precision < 3 and inside(a, b)


def names_area(text: str) -> bool:
    """'Chuhuiv district', 'Zolochiv hromada': the words name an area coded to its centre."""
    words = text.lower().split()
    return len(words) > 1 and words[-1] in AREA_NOUNS


def names_body(text: str) -> bool:
    """'Sumy RMA', 'Kharkiv regional administration', 'Odesa police': a body named after its place speaks or
    acts; it is not where the event was."""
    words = text.split()
    if len(words) < 2:
        return False
    return words[-1].lower().strip(".,'’") in BODY_NOUNS


def is_dateline(text: str, mention: PlaceMention) -> bool:
    """A place at the start of a line followed by an agency, a colon or a dash ("MOSCOW (Reuters) -")."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if text[line_start:mention.start].strip():
        return False
    tail = _DATELINE_TAIL.match(text, mention.end)
    if tail is None:
        return False
    shouting = mention.text.isupper() and len(mention.text) > 2
    spaced_dash = tail.group(3) in "-–—" and text[tail.start(3) - 1:tail.start(3)].isspace()
    return shouting or tail.group(2) is not None or spaced_dash


def is_actor(tok: Token, place: Place) -> bool:
    """A country or a capital standing for its government: "Moscow's forces", "Russia's FSB", "the Kyiv regime",
    "the ministry of defence of Russia" (it qualifies an actor), "Kyiv says", "Moscow continues to advance"
    (the subject of what a government does). Any place owning forces is theirs, not where: "Chechnya's Akhmat
    forces", "Kharkiv's territorial defence units"."""
    if place.feature not in ("country", "capital"):
        top = np_head(tok)
        return top.dep_ == "poss" and top.head.lemma_.lower() in ARMED_NOUNS
    tok = np_head(tok)
    head = tok.head
    if tok.dep_ in ("poss", "compound", "amod", "nmod"):
        return _actor_noun(head)
    if tok.dep_ == "pobj" and head.lower_ == "of":
        return _actor_noun(head.head)
    return (tok.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX")
            and head.lemma_.lower() not in PLACE_SUBJECT_VERBS)


# "US and British warplanes struck ...": the country qualifying a weapon is whose it is, not where it struck
OWNED_WEAPONS = frozenset({"warplane", "jet", "aircraft", "plane", "bomber", "fighter", "helicopter", "drone",
                           "missile", "rocket", "warship", "ship", "submarine", "tank", "artillery", "gunboat"})


def _actor_noun(tok: Token) -> bool:
    # (the lemmatiser leaves some plurals as they are: "defences", "forces")
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("NOUN", "PROPN") and (lemma in ACTOR_NOUNS or lemma in OWNED_WEAPONS
                                              or tok.ent_type_ == "ORG"
                                              or tok.lower_.removesuffix("s") in ACTOR_NOUNS
                                              or (tok.is_upper and len(tok.text) > 1))


def _country_speaking(trigger: Token, places: Sequence[PlaceMention]) -> Location | None:
    """"Ukraine says it shot down 30 drones overnight", "Ukraine's SBU says it detained a spy", "Ukraine shot
    down 30 drones": with no place in the sentence, a country that reports (or whose agency reports) what
    happened on its own ground, or that defends its own sky, locates it, as a whole (precision 3). "Russia
    hits a hospital" does not: the attacker is not where the attack was. A city that speaks ("Moscow said") is
    a government, not where the event was."""
    sent = trigger.sent
    for mention in places:
        p = mention.place
        if p is None or p.feature != "country" or mention.kind not in ("metonym", "toponym"):
            continue
        if not (sent.start_char <= mention.start < sent.end_char):
            continue
        head = _head_token(trigger.doc, mention)
        if head is not None and head.dep_ == "poss" and head.head.dep_ in ("nsubj", "nsubjpass"):
            head = head.head  # "Ukraine's SBU says ...": the agency of the country speaks
        if head is None or head.dep_ not in ("nsubj", "nsubjpass") or trigger not in head.head.subtree:
            continue
        verb = head.head.lemma_.lower()
        if verb in SPEECH_LEMMAS or (head.head.i == trigger.i and verb in DEFENSIVE_LEMMAS):
            return Location(place=replace(p, precision=3), text=mention.text)
    return None


def _is_nearby(tok: Token | None) -> bool:
    """'near Pokrovsk', 'east of Kupiansk', 'outside Kyiv': ACLED's precision 2, somewhere around the place."""
    if tok is None:
        return False
    prep = tok.head
    if prep.lower_ in NEARBY_PREPS:
        return True
    return prep.lower_ == "of" and prep.head.lower_ in DIRECTIONS


def _head_token(doc: Doc, mention: PlaceMention) -> Token | None:
    """The head of the noun phrase the mention names ("Novhorod" in "Novhorod-Siversky district" is the
    district's): compounds and flat names hang on it."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return np_head(span.root) if span is not None and len(span) else None


def np_head(tok: Token) -> Token:
    """Climb a name's compounds to the place noun they name ("Novhorod" -> "district" in "Novhorod-Siversky
    district"), but not into what the place qualifies ("Donetsk region authorities" stays "region")."""
    while (tok.dep_ in ("compound", "flat") and tok.head.i != tok.i
           and (tok.head.pos_ == "PROPN" or tok.head.lemma_.lower() in PLACE_NOUNS)):
        tok = tok.head
    return tok


def _score(trigger: Token, place: Token, mention: PlaceMention) -> float:
    score = -float(_distance(trigger, place))
    if place.head.dep_ == "prep" or place.head.lower_ in LOCATIVE_PREPS:
        score += 1.5  # "in Kyiv", "near Pokrovsk": a locative phrase
    if place.dep_ in ("poss", "nsubj", "nsubjpass") and place.head.pos_ != "ADP":
        score -= 4.0  # "Kyiv's allies", "Moscow said": the place names an actor
    assert mention.place is not None
    score += {1: 1.0, 2: 0.6, 3: 0.0}.get(mention.place.precision, 0.0)
    if mention.place.feature == "country":
        score -= 1.0  # "attack on Ukraine ... in Odesa": the city, not the country
    if _speaker_place(trigger, place):
        score -= 3.0  # "the ministry said in Moscow that drones were downed over Kursk": not Moscow
    return score


SPEECH_LEMMAS = frozenset({"say", "tell", "announce", "report", "claim", "state", "add", "write", "declare",
                           "brief", "speak", "confirm"})
RESIDENCE_LEMMAS = frozenset({"live", "reside", "base", "bear", "stay", "work", "study", "register", "hail"})


def _speaker_place(trigger: Token, place: Token) -> bool:
    """A place attached to a verb of speaking that is not the event's own trigger: where it was said."""
    prep = place.head
    verb = prep.head if prep.dep_ == "prep" else None
    return verb is not None and verb.i != trigger.i and verb.lemma_.lower() in SPEECH_LEMMAS


def _distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of one sentence."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, tok in enumerate(up_a):
        if tok.i in ids_b:
            return n + ids_b[tok.i]
    return len(up_a) + len(up_b)


def _relcl_of(place: Token) -> Token | None:
    for anc in place.ancestors:
        # "a relative living in Moscow", "a man born in Kharkiv": a person's residence, not the event's place
        if anc.dep_ == "relcl" or (anc.dep_ == "acl" and anc.lemma_.lower() in RESIDENCE_LEMMAS):
            return anc
    return None


# Verbs of carrying: "meals brought there from Russia", "arms smuggled from Iran" tell where things came from,
# however the parser hangs the clause.
CARRY_LEMMAS = frozenset({"bring", "import", "send", "ship", "smuggle", "supply", "deliver", "transport",
                          "transfer", "originate", "export"})
ORIGIN_NOUNS = frozenset({"origin", "make", "manufacture", "production"})


def _origin(trigger: Token, place: Token) -> bool:
    """'drones launched from Yeysk', 'meals brought there from Russia', 'landmines of Russian origin': where
    something came from, told in a clause about it, is not where the event was."""
    prep = place.head
    verb = prep.head
    if place.head.lemma_.lower() in ORIGIN_NOUNS and place.dep_ in ("amod", "compound", "nmod"):
        return True  # "of the Russian origin", "Iranian manufacture"
    if prep.lower_ != "from" or verb.i == trigger.i or verb.left_edge.i <= trigger.i <= verb.right_edge.i:
        return False
    return verb.dep_ in ("acl", "relcl", "advcl") or verb.lemma_.lower() in CARRY_LEMMAS


# "(launch areas: Yeysk and Kursk)": a list of names after the label, up to the place
_LAUNCH_SITE = re.compile(r"\blaunch(?:ing)?\s+(?:areas?|sites?|positions?|points?)\s*:\s*"
                          r"(?:[A-Z][\w'’-]*(?:\s*,\s*|\s+and\s+|\s+))*$", re.IGNORECASE)


def _launch_site(text: str, start: int) -> bool:
    """'16 Shahed drones (launch areas: Yeysk and Kursk)': where the weapons took off, named beside the
    attack in the words of a list, is not where they struck."""
    return bool(_LAUNCH_SITE.search(text, max(0, start - 80), start))


def _in_foreign_relcl(trigger: Token, place: Token) -> bool:
    """A place inside a relative clause that does not contain the trigger talks about something else."""
    clause = _relcl_of(place)
    return clause is not None and not (clause.left_edge.i <= trigger.i <= clause.right_edge.i)


def _about_argument(trigger: Token, place: Token) -> bool:
    """"detained an agent who was spying in the Odesa region": a relative clause on the trigger's own object
    (not a residence) tells where the act was, a weak clue when nothing better is attached."""
    clause = _relcl_of(place)
    if clause is None or clause.dep_ != "relcl" or clause.lemma_.lower() in RESIDENCE_LEMMAS:
        return False
    noun = clause.head
    return noun.head.i == trigger.i and noun.dep_ in ("dobj", "nsubjpass", "obj")


def focus_location(places: Sequence[PlaceMention]) -> Location | None:
    """When an article's specific places all lie in one small area (a Tbilisi protest story), an event whose
    sentence names no place is coded to that area with precision 2; otherwise there is no fallback."""
    specific = [m for m in places if m.kind == "toponym" and m.place is not None and m.place.precision < 3
                and m.place.feature not in WIDE_FEATURES]
    if not specific:
        return None
    first = specific[0].place
    assert first is not None
    for m in specific[1:]:
        p = m.place
        assert p is not None
        if abs(p.lat - first.lat) > FOCUS_DEGREES or abs(p.lon - first.lon) > FOCUS_DEGREES:
            return None
    place = replace(first, precision=2, uncertainty_km=max(first.uncertainty_km or 0.0, NEARBY_KM))
    return Location(place=place, text=None)
