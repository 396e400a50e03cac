"""Whether two mentions (events as one article reports them) may be the same real event, and how likely.

Hard rules first: same match class (violent types together, demonstrations together, else the sub-event or
PLOVER type; not extract's trigger families), compatible modality, dates that overlap or touch (never two
different days both known to the day, never a date looser than a month), places within a distance that grows with
their uncertainty, never two mentions from one article (the extractor already decided those are distinct).
Then a score in [0, 1] from the evidence's word overlap and how well type, date, place and actors agree
(actors only weigh: outlets on either side name the other as the attacker)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from eventwire.geo.rows import haversine_km
from eventwire.records import Event

# How far a place may be from where it was said to be, by ACLED precision, when the gazetteer gives none.
_DEFAULT_UNCERTAINTY_KM = {1: 5.0, 2: 25.0, 3: 150.0}
_SLACK_KM = 10.0
_MODALITY_GROUP = {"asserted": "fact", "denied": "fact", "planned": "planned", "demanded": "demanded",
                   "threatened": "threatened", "hypothetical": "hypothetical"}
_COARSE = frozenset({"month", "year"})
MAX_SPAN_DAYS = 31  # a mention dated more loosely than this never fuses by itself
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_STOPWORDS = frozenset("""a an the of in on at to for from by with and or but as is are was were be been has have had
it its this that these those he she they them his her their who which what when where said says say after before
over into near during than then there here not no also about up out more most some any all one two three""".split())
THRESHOLD = 0.55
# The weights of the agreement features in the pair score (they sum to 1).
# Chosen on the UCDP dev half (`eventwire eval fusion`): agreeing dates weigh most, because reports
# of one event mostly share its day while their wording and place names vary.
WEIGHTS = {"words": 0.3, "type": 0.1, "dates": 0.4, "place": 0.15, "actors": 0.05}
_WEAK_PLACE = 0.3


@dataclass(frozen=True, slots=True)
class MentionKey:
    """What fusion compares: a mention's type, time, place, actors and words, without the article text."""

    id: str
    article_id: str
    published: str | None
    match_class: str
    sub_type: str | None
    start: date | None
    end: date | None
    precision: str | None
    lat: float | None
    lon: float | None
    uncertainty_km: float | None
    place_precision: int
    actors: tuple[str, ...]
    modality: str
    words: frozenset[str]


@dataclass(frozen=True, slots=True)
class PairScore:
    score: float
    features: tuple[tuple[str, float], ...]


def match_class_of(event: Event) -> str:
    """Which reports may be compared at all. Reports of one event may type it differently (a strike, a
    clash), so violent types share one class. Stored in the `mentions.family` column (its name predates
    this one; trigger families in extract are a different thing)."""
    if event.event_type in _VIOLENT:
        return "violence"
    if event.event_type in ("Protests", "Riots"):
        return "demonstration"
    if event.sub_event_type:
        return event.sub_event_type
    return f"plover:{event.plover.type}" if event.plover else "other"


def mention_key(event: Event) -> MentionKey:
    place = event.location.place if event.location else None
    source = event.sources[0] if event.sources else None
    return MentionKey(
        id=event.id, article_id=source.article_id if source else "", published=source.published if source else None,
        match_class=match_class_of(event),
        sub_type=event.sub_event_type or (event.plover.type if event.plover else None),
        start=event.date.start if event.date else None, end=event.date.end if event.date else None,
        precision=event.date.precision if event.date else None,
        lat=place.lat if place else None, lon=place.lon if place else None,
        uncertainty_km=_uncertainty(place.precision, place.uncertainty_km) if place else None,
        place_precision=place.precision if place else 3,
        actors=tuple(a.name for a in (event.actor1, event.actor2) if a is not None),
        modality=event.modality, words=content_words(" ".join(e.text for e in event.evidence)),
    )


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words without stop words, crudely stemmed so 'strikes' meets 'strike'."""
    words = (w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+|\d+", text))
    return frozenset(_stem(w) for w in words if w not in _STOPWORDS)


def score_pair(a: MentionKey, b: MentionKey) -> PairScore | None:
    """None when the two cannot be one event; otherwise the score and the features behind it."""
    if a.article_id == b.article_id or a.match_class != b.match_class:
        return None
    if _MODALITY_GROUP.get(a.modality) != _MODALITY_GROUP.get(b.modality):
        return None
    gap = _date_gap(a, b)
    if gap is None:
        return None
    distance = _distance(a, b)
    if distance is not None and distance[0] > distance[1]:
        return None
    actors = _actor_agreement(a.actors, b.actors)
    words = _jaccard(a.words, b.words)
    if (a.precision in _COARSE or b.precision in _COARSE or a.start is None or b.start is None) and words < 0.5:
        return None  # a month-wide or undated report merges only when it says much the same thing
    same_type = 1.0 if a.sub_type == b.sub_type else 0.0
    dates = _date_agreement(a, b, gap)
    place = _place_agreement(a, b, distance)
    score = (WEIGHTS["words"] * min(1.0, words * 2) + WEIGHTS["type"] * same_type + WEIGHTS["dates"] * dates
             + WEIGHTS["place"] * place + WEIGHTS["actors"] * actors)
    features = (("words", words), ("same_type", same_type), ("dates", dates), ("date_gap_days", float(gap)),
                ("distance_km", -1.0 if distance is None else distance[0]), ("place", place), ("actors", actors))
    return PairScore(round(score, 4), tuple((k, round(v, 3)) for k, v in features))


def _date_agreement(a: MentionKey, b: MentionKey, gap: int) -> float:
    """1 for the same interval, less for overlapping ones, 0 for neighbouring days."""
    if gap > 0:
        return 0.0
    return 1.0 if (a.start, a.end) == (b.start, b.end) else 0.6


def _place_agreement(a: MentionKey, b: MentionKey, distance: tuple[float, float] | None) -> float:
    """How much the places say it is one event: close named towns a lot, a shared region or country little,
    an unknown place a little (silence is not disagreement)."""
    if distance is None:
        return _WEAK_PLACE
    closeness = 1.0 - distance[0] / distance[1]
    specificity = {1: 1.0, 2: 0.8}.get(max(a.place_precision, b.place_precision), _WEAK_PLACE)
    return closeness * specificity


def _date_gap(a: MentionKey, b: MentionKey) -> int | None:
    """Days between the two intervals (0 when they overlap); None when they cannot be one event."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return 0
    if (a.end - a.start).days > MAX_SPAN_DAYS or (b.end - b.start).days > MAX_SPAN_DAYS:
        return None  # "this year": too vague to say which event it is; an analyst may still merge it
    gap = max((b.start - a.end).days, (a.start - b.end).days, 0)
    if a.precision == "day" and b.precision == "day":
        return gap if gap == 0 else None  # two reports each sure of a different day are two events
    return gap if gap <= 1 else None


def _distance(a: MentionKey, b: MentionKey) -> tuple[float, float] | None:
    """(distance, allowed distance) in km, or None when either place is unknown."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    allowed = (a.uncertainty_km or 0.0) + (b.uncertainty_km or 0.0) + _SLACK_KM
    return haversine_km(a.lat, a.lon, b.lat, b.lon), allowed


def _actor_agreement(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """1 when they share an actor, 0.5 when either names none, less when they name different ones (outlets on
    either side name the other side as the attacker, so this lowers the score but never forbids a merge)."""
    if not a or not b:
        return 0.5
    if set(a) & set(b):
        return 1.0
    countries_a = {_actor_country(x) for x in a} - {None}
    countries_b = {_actor_country(x) for x in b} - {None}
    return 0.25 if countries_a & countries_b or not countries_a or not countries_b else 0.0


def _actor_country(name: str) -> str | None:
    """'Military Forces of Russia (2000-)' -> 'Russia'; 'Protesters (Georgia)' -> 'Georgia'."""
    match = re.search(r"(?:of|\() ?([A-Z][A-Za-z ]+?)(?: \(|\)|$)", name)
    return match.group(1) if match else None


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _uncertainty(precision: int, given: float | None) -> float:
    return given if given is not None and math.isfinite(given) else _DEFAULT_UNCERTAINTY_KM.get(precision, 150.0)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word
