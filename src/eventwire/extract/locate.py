"""Where an event happened: the place mention that the trigger's clause points at.

Places come from the geoparser (PlaceMention records with offsets); this module only chooses
among them using the parse, preferring places attached to the trigger ("in Kyiv", "of Odesa")
over places that belong to an actor ("Kyiv's allies") or to a relative clause about something else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.records import Location, PlaceMention

LOCATIVE_PREPS = frozenset({"in", "at", "near", "on", "outside", "across", "around", "from", "of", "into",
                            "over", "inside", "to", "towards", "toward", "along", "throughout"})
NEARBY_PREPS = frozenset({"near", "outside", "around", "beyond", "off"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "outskirts", "vicinity", "edge"})
NEARBY_KM = 25.0
FOCUS_DEGREES = 0.4  # about 40 km: an article's places closer than this are one area
PARTNER_PREPS = frozenset({"with", "between", "against", "for", "by"})  # "talks with Moscow": a party, not a place


def locate(trigger: Token, places: Sequence[PlaceMention], verbal: bool = False) -> Location | None:
    """The best-attached resolved place in the trigger's sentence, or None (never a guess).

    For verbal events (a demand, a threat) only a place attached to the trigger itself counts
    ("said in Moscow"): places inside what was demanded are not where the demand was made."""
    doc = trigger.doc
    sent = trigger.sent
    best: tuple[float, PlaceMention] | None = None
    for mention in places:
        if mention.place is None or mention.kind != "toponym":
            continue
        if not (sent.start_char <= mention.start < sent.end_char):
            continue
        head = _head_token(doc, mention)
        if head is None or _in_foreign_relcl(trigger, head) or head.head.lower_ in PARTNER_PREPS:
            continue
        if head.dep_ == "amod" and mention.place.feature == "country":
            continue  # "Ukrainian attacks": a nationality, not where
        if verbal and not (head.head.head.i == trigger.i and head.head.lower_ in LOCATIVE_PREPS):
            continue
        score = _score(trigger, head, mention)
        if best is None or score > best[0]:
            best = (score, mention)
    if best is None:
        # The country speaking is the last resort: an article whose places lie in one area says more.
        return None if verbal or focus_location(places) is not None else _country_speaking(trigger, places)
    place = best[1].place
    assert place is not None
    if place.precision == 1 and _is_nearby(_head_token(doc, best[1])):
        place = replace(place, precision=2, uncertainty_km=max(place.uncertainty_km or 0.0, NEARBY_KM))
    return Location(place=place, text=best[1].text)


def _country_speaking(trigger: Token, places: Sequence[PlaceMention]) -> Location | None:
    """"Ukraine says it shot down 30 drones overnight": with no place in the sentence, a country that reports
    what happened on its own ground or in its own sky locates it, as a whole (precision 3). A city that
    speaks ("Moscow said") is a government, not where the event was."""
    sent = trigger.sent
    for mention in places:
        p = mention.place
        if p is None or p.feature != "country" or mention.kind not in ("metonym", "toponym"):
            continue
        if not (sent.start_char <= mention.start < sent.end_char):
            continue
        head = _head_token(trigger.doc, mention)
        if head is not None and head.dep_ in ("nsubj", "nsubjpass") and trigger in head.head.subtree:
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
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


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


def _in_foreign_relcl(trigger: Token, place: Token) -> bool:
    """A place inside a relative clause that does not contain the trigger talks about something else."""
    for anc in place.ancestors:
        # "a relative living in Moscow", "a man born in Kharkiv": a person's residence, not the event's place
        if anc.dep_ == "relcl" or (anc.dep_ == "acl" and anc.lemma_.lower() in RESIDENCE_LEMMAS):
            return not (anc.left_edge.i <= trigger.i <= anc.right_edge.i)
    return False


def focus_location(places: Sequence[PlaceMention]) -> Location | None:
    """When an article's specific places all lie in one small area (a Tbilisi protest story), an event whose
    sentence names no place is coded to that area with precision 2; otherwise there is no fallback."""
    specific = [m for m in places if m.kind == "toponym" and m.place is not None and m.place.precision < 3
                and m.place.feature not in ("country", "admin1", "admin2", "region", "continent")]
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
