"""Places settled over the whole article, after its events are assembled (extract.events).

A sentence is read alone by `locate`; a report is not written that way:
- "A drone attack in the Bryansk region injured one person. ... The governor said the incident occurred in
  the town of Trubchevsk.": the event told at the region is placed by the sentences that continue it, so
  a place inside the event's region, in its own sentences or in the next ones that tell no other event,
  makes it more specific.
- "Two of the victims died on the spot.", "A village in the region was shelled.": an event whose sentences
  name no place continues the story told just before it, so it takes the place of the event before it.
- Only when neither gives a place does an article whose places all lie in one area locate it
  (`focus_location`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventwire.extract.locate import (
    PARTNER_PREPS,
    RESIDENCE_LEMMAS,
    WIDE_FEATURES,
    focus_location,
    inside,
    is_actor,
    is_dateline,
    locate,
    location_of,
    names_area,
    np_head,
)
from eventwire.records import Event, Location, Place, PlaceMention

FOLLOW_SENTENCES = 3  # sentences after an event that may still continue it
CARRY_SENTENCES = 3  # an event with no place takes the place of an event this few sentences before it


@dataclass(frozen=True, slots=True)
class _Told:
    """Where in the article an event is told: its sentences (indexes into the doc's sentence list)."""

    sentences: frozenset[int]
    first: int
    last: int


def settle_places(doc: Doc, events: Sequence[Event], places: Sequence[PlaceMention]) -> list[Location | None]:
    """Each event's location, settled with the article around it (same order as `events`)."""
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    told = [_told(e, starts) for e in events]
    taken = set().union(*(t.sentences for t in told)) if told else set()
    out: list[Location | None] = [e.location for e in events]
    for n, event in enumerate(events):
        if out[n] is None and event.event_type is not None:
            out[n] = (_own(sents, [told[n].first], places) or _carried(n, told, out)
                      or _own(sents, sorted(told[n].sentences), places))
    for n, where in enumerate(out):
        if where is not None and (_wide(where.place) or names_area(where.text or "")):
            out[n] = _refined(doc, sents, told[n], taken, where, places) or where
    for n, event in enumerate(events):
        if out[n] is None and event.event_type is not None:
            out[n] = focus_location(places)
    return out


def echoes(text: str, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """A specific place the geoparser resolved somewhere in the article, named again where it did not see it
    ("Ukraine announces capture of Robotyne village" in a headline): one name, one place, in one article."""
    names: dict[str, PlaceMention] = {}
    for m in places:
        p = m.place
        if m.kind == "toponym" and p is not None and not _wide(p) and m.text[:1].isupper():
            names.setdefault(m.text, m)
            if len(p.name) > 3 and p.name != m.text:
                names.setdefault(p.name, m)  # "Novhorod" found, "Novhorod-Siverskyi" named
    out: list[PlaceMention] = []
    for name, first in names.items():
        for found in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(m.start < found.end() and found.start() < m.end for m in places):
                out.append(replace(first, start=found.start(), end=found.end(), text=found.group(),
                                   reason="named again: the place this name has elsewhere in the article"))
                places = [*places, out[-1]]  # a longer name found first is not found again inside
    return out


def _wide(place: Place) -> bool:
    """A region, a country or any area coded to its centre (precision 3), not a settlement."""
    return place.precision == 3 or place.feature in WIDE_FEATURES


def _own(sents: list[Span], which: list[int], places: Sequence[PlaceMention]) -> Location | None:
    """A place attached to the main verb of one of the event's own sentences (sentences joined to it)."""
    for k in which:
        where = locate(sents[k].root, places)
        if where is not None:
            return where
    return None


def _told(event: Event, starts: list[int]) -> _Told:
    idx = frozenset(max(0, bisect.bisect_right(starts, ev.start) - 1) for ev in event.evidence)
    return _Told(idx, min(idx), max(idx))


def _refined(doc: Doc, sents: list[Span], told: _Told, taken: set[int], where: Location,
             places: Sequence[PlaceMention]) -> Location | None:
    """The first specific place inside the event's region told in its own sentences or the sentences that
    follow it and tell no other event."""
    scope = set(told.sentences)
    # the sentences that continue it: after its first one ("... in Gora Namaye village in Zamfara State.
    # The incident occurred in Maradun Local Government Area."), up to one that tells another event
    for k in range(told.first + 1, min(len(sents), told.last + 1 + FOLLOW_SENTENCES)):
        if k in told.sentences:
            continue
        if k in taken:
            break
        scope.add(k)
    for k in sorted(scope):
        sent = sents[k]
        for mention in places:
            p = mention.place
            if (p is None or mention.kind != "toponym" or not (sent.start_char <= mention.start < sent.end_char)
                    or _wide(p) or p == where.place or not inside(p, where.place)
                    or (names_area(mention.text) and names_area(where.text or "") and not _wide(where.place))):
                continue
            head = _head(doc, mention)
            if head is None or is_dateline(doc.text, mention) or is_actor(head, p) or _aside(head):
                continue
            return location_of(mention, head)
    return None


def _aside(tok: Token) -> bool:
    """A place that is not where anything happened: a residence, a relative clause, a party to talks."""
    if tok.head.lower_ in PARTNER_PREPS or tok.dep_ in ("poss",):
        return True
    return any(a.dep_ == "relcl" or (a.dep_ == "acl" and a.lemma_.lower() in RESIDENCE_LEMMAS)
               for a in tok.ancestors)


def _carried(n: int, told: list[_Told], out: list[Location | None]) -> Location | None:
    """The place of the event told last before this one, when it was told a few sentences before."""
    first = told[n].first
    best: tuple[int, Location] | None = None
    for k, other in enumerate(told):
        where = out[k]
        before = [i for i in other.sentences if i <= first]
        if k == n or where is None or where.text is None or not before:
            continue
        if first - max(before) <= CARRY_SENTENCES and (best is None or max(before) > best[0]):
            best = (max(before), where)
    return best[1] if best else None


def _head(doc: Doc, mention: PlaceMention) -> Token | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return np_head(span.root) if span is not None and len(span) else None


def shot_over(doc: Doc, event: Event, places: Sequence[PlaceMention]) -> list[Location]:
    """"Two drones were downed over the Bryansk region and one more over the Kaluga region": ACLED codes a
    shoot-down once per region, so each other region the event's sentence names after "over" is a place of
    its own, whether or not the sentence lists them as a coordination."""
    where = event.location
    if event.sub_event_type != "Disrupted weapons use" or where is None or where.text is None:
        return []
    out: list[Location] = []
    for ev in event.evidence:
        in_sent = [m for m in places if ev.start <= m.start < ev.end and m.place is not None and m.kind == "toponym"]
        if not any(m.text == where.text for m in in_sent):
            continue
        for m in in_sent:
            p = m.place
            head = _head(doc, m)
            if (p is None or head is None or head.head.lower_ != "over" or p.feature == "country"
                    or not _wide(p) or p == where.place
                    or inside(where.place, p) or any(p == o.place for o in out)):
                continue
            out.append(Location(place=p, text=m.text))
    return out
