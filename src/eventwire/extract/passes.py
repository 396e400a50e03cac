"""Article-wide passes over the events `extract.events` assembled: a toll told in the sentences after its
event, a region's summary that its own places' events already tell, and one event told twice from one
sentence."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span

from eventwire.extract.casualties import Casualties, casualties_in
from eventwire.extract.grouping import SUMMARY_WORDS, is_violent
from eventwire.records import Event

_COUNTED_ATTACKS = re.compile(r"\b\d+\s+(?:\w+\s+)?(?:attacks|strikes|explosions|shellings|assaults)\b",
                              re.IGNORECASE)


def without_region_summaries(events: list[Event]) -> list[Event]:
    """'Russian troops carried out 6 attacks on the Sumy region, 31 explosions were recorded', then the
    communities hit: ACLED codes the places, so a strike or battle placed only at a region whose own places
    carry events of the same sub-type is the region's summary, not one more event; so is one that counts the
    attacks ("9 attacks", "27 explosions"), whatever kinds its places' events are. ('A drone hit the town of
    X; a village in the region was shelled': the shelling is an event of its own.)"""
    out = []
    for event in events:
        place = event.location.place if event.location else None
        regional = (place is not None and place.feature == "admin1" and place.admin1
                    and event.event_type in ("Explosions/Remote violence", "Battles"))
        counted = any(_COUNTED_ATTACKS.search(e.text) for e in event.evidence)
        inside = regional and any(
            other is not event and (counted or other.sub_event_type == event.sub_event_type)
            and other.event_type in ("Explosions/Remote violence", "Battles") and other.location is not None
            and other.location.place.precision < 3 and other.location.place.admin1 == place.admin1  # type: ignore[union-attr]
            for other in events)
        if not inside:
            out.append(event)
    return out


def later_tolls(doc: Doc, events: list[Event]) -> list[Event]:
    """'Russia attacked Kharkiv. … Currently, it is known that three people have died.': a toll told in one of
    the next two sentences, which report no event of their own, is the latest violent event's toll."""
    told = {e.start for event in events for e in event.evidence}
    sents = list(doc.sents)
    out = []
    for event in events:
        if is_violent(event) and event.fatalities is None:
            toll = _toll_after(sents, told, [e.end for e in event.evidence])
            if toll is not None:
                event = replace(event, fatalities=toll.fatalities,
                                injuries=event.injuries if event.injuries is not None else toll.injuries)
        out.append(event)
    return out


def _toll_after(sents: list[Span], told: set[int], ends: list[int]) -> Casualties | None:
    for end in sorted(ends):
        for sent in [s for s in sents if s.start_char >= end][:2]:
            if sent.start_char in told or _words_of(sent) & SUMMARY_WORDS:
                break
            toll = casualties_in(sent)
            if toll.fatalities is not None:
                return toll
    return None


def _words_of(sent: Span) -> set[str]:
    return {t.lower_ for t in sent}


def one_per_sentence(events: list[Event], merge: Callable[[Event, Event], Event],
                     compatible: Callable[[Event, Event], bool]) -> list[Event]:
    """Two events of one sub-type whose evidence shares a sentence, at places that agree (a town and the
    district around it), are one event told twice: they merge. Events of a list of places ("X, Y and Z were
    shelled") lie apart, so they stay apart."""
    out: list[Event] = []
    for event in events:
        starts = {e.start for e in event.evidence}
        n = next((k for k, kept in enumerate(out) if kept.sub_event_type == event.sub_event_type
                  and starts & {e.start for e in kept.evidence} and compatible(kept, event)), None)
        if n is None:
            out.append(event)
        else:
            out[n] = merge(out[n], event)
    return out
