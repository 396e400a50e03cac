"""One event told in several mentions: when two mentions of one article are the same event, and how they
merge into one record (the most specific value of each field, all the evidence)."""

from __future__ import annotations

from dataclasses import replace

from eventwire.extract.grouping import summary_toll
from eventwire.extract.locate import compatible
from eventwire.records import Attribution, DateSpan, Event, Location

CLAIMED_SUBS = frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"})
# A protest's sub-types by the force met: one protest told in several sentences takes the strongest.
PROTEST_FORCE = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}
ATTRIBUTION_RANK = {"witnessed": 4, "official": 3, "claimed": 2, "reported": 1, "unattributed": 0}


def same_event(a: Event, b: Event, ignore_dates: bool = False) -> bool:
    """Two mentions in one article describe one event: same type, compatible date, place and actor. A
    protest and the police's intervention in it are one protest (ACLED: Protest with intervention)."""
    protests = a.event_type == b.event_type == "Protests"
    if not protests and (a.sub_event_type, _plover_type(a)) != (b.sub_event_type, _plover_type(b)):
        return False
    if a.modality != b.modality:
        return False
    if (not ignore_dates and a.date and b.date and _told(a.date) and _told(b.date)
            and (a.date.end < b.date.start or b.date.end < a.date.start)):
        return False  # (a date nothing in the text says, e.g. the publication day, rules nothing out)
    # a battle has two sides, told from either ('Ukrainian attacks thwarted', 'Russian troops repelled the
    # attacks'); any other act has one doer
    if (a.actor1 and b.actor1 and a.actor1.country and b.actor1.country and a.actor1.country != b.actor1.country
            and a.event_type != "Battles"):
        return False
    return places_compatible(a.location, b.location)


def _told(when: DateSpan) -> bool:
    """The sentence itself dates the event (not the publication day, nor the article's narrative day)."""
    return when.text is not None and not (when.rule or "").startswith("no time expression")


def places_compatible(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    return compatible(a.place, b.place)  # one inside the other (a town in its oblast), or about 25 km apart


def merge(a: Event, b: Event) -> Event:
    """Keep the most specific value of each field and all the evidence. A running total told in `b` ('the
    conflict has left 1,700 dead') is no one event's toll."""
    if summary_toll(b):
        b = replace(b, fatalities=None, injuries=None)
    if PROTEST_FORCE.get(b.sub_event_type or "", -1) > PROTEST_FORCE.get(a.sub_event_type or "", 99):
        a = replace(a, sub_event_type=b.sub_event_type)  # the protest as its most forceful mention tells it
    location = _more_specific(a.location, b.location)
    attribution = _merged_attribution(a, b)
    date_ = _narrower(a.date, b.date)
    merged = replace(
        a, location=location, attribution=attribution, date=date_,
        actor1=a.actor1 or b.actor1, actor2=a.actor2 or b.actor2,
        fatalities=_max_known(a.fatalities, b.fatalities), injuries=_max_known(a.injuries, b.injuries),
        evidence=a.evidence + tuple(e for e in b.evidence if e not in a.evidence),
        confidence=min(0.95, max(a.confidence, b.confidence) + 0.05),
        low_confidence=a.low_confidence and b.low_confidence,  # one sure mention makes the event sure
    )
    return replace(merged, summary=summarize(merged))


def _merged_attribution(a: Event, b: Event) -> Attribution:
    """The strongest status; but a capture or a battle that one side claims stays claimed, whoever else
    speaks of it (ACLED: a party's battlefield gains are its claims)."""
    if a.sub_event_type in CLAIMED_SUBS and "claimed" in (a.attribution.status, b.attribution.status):
        return a.attribution if a.attribution.status == "claimed" else b.attribution
    return a.attribution if ATTRIBUTION_RANK[a.attribution.status] >= ATTRIBUTION_RANK[
        b.attribution.status] else b.attribution


def summarize(event: Event) -> str:
    what = event.sub_event_type or (event.plover.type.capitalize() if event.plover else "Event")
    parts = [what]
    if event.actor1:
        parts.append(f"by {event.actor1.name}")
    if event.location:
        parts.append(f"in {event.location.place.name}")
    if event.date:
        parts.append(f"on {event.date.start.isoformat()}" if event.date.precision == "day"
                     else f"around {event.date.start.isoformat()}")
    if event.modality != "asserted":
        parts.append(f"({event.modality})")
    return " ".join(parts) + "."


def _more_specific(a: Location | None, b: Location | None) -> Location | None:
    if a is None or b is None:
        return a or b
    return b if b.place.precision < a.place.precision or (
        b.place.feature != "country" and a.place.feature == "country") else a


def _narrower(a: DateSpan | None, b: DateSpan | None) -> DateSpan | None:
    if a is None or b is None:
        return a or b
    explicit_a, explicit_b = _told(a), _told(b)
    if explicit_a != explicit_b:
        return a if explicit_a else b
    return a if (a.end - a.start) <= (b.end - b.start) else b


def _max_known(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _plover_type(event: Event) -> str | None:
    return event.plover.type if event.plover else None
