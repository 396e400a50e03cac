"""One event from its mentions: the best-supported value of each field, every source's figures where they
differ, and who claims or denies it. Pure: mentions in, an Event out."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from eventwire.records import Event, Location, SourceRef
from eventwire.records.event import stance_of
from eventwire.records.fusion import Claim, FusionInfo, FusionLink, SourceValue

T = TypeVar("T")
_PRECISION_RANK = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4}
# Which single attribution a fused event shows: the strongest evidence any source gives.
_ATTRIBUTION_RANK = {"witnessed": 0, "official": 1, "reported": 2, "claimed": 3, "unattributed": 4}


def anchor_order(event: Event) -> tuple[str, str]:
    """The earliest report names the event (its id): by publication date, then mention id."""
    published = event.sources[0].published if event.sources and event.sources[0].published else "9999"
    return (published, event.id)


def fuse_mentions(mentions: Sequence[Event], links: Sequence[FusionLink] = ()) -> Event:
    """The fused event: id and summary of the earliest report, each field from the mentions that agree most."""
    ordered = sorted(mentions, key=anchor_order)
    anchor = ordered[0]
    if len(ordered) == 1:
        return _with_fusion(anchor, ordered, links)
    asserted = [m for m in ordered if m.modality == "asserted"] or ordered
    typed = _most_common(asserted, lambda m: (m.event_type, m.sub_event_type), weight=_confidence)
    plover = _most_common([m for m in asserted if m.plover], lambda m: m.plover)
    actor1 = _most_common([m for m in asserted if m.actor1], lambda m: m.actor1)
    actor2 = _most_common([m for m in asserted if m.actor2], lambda m: m.actor2)
    dated = sorted((m for m in asserted if m.date), key=_date_rank)
    located = [m.location for m in asserted if m.location]
    fused = Event(
        id=anchor.id, modality=asserted[0].modality,
        attribution=min((m.attribution for m in ordered), key=lambda a: _ATTRIBUTION_RANK[a.status]),
        evidence=tuple(e for m in ordered for e in m.evidence), sources=_sources(ordered),
        confidence=max(m.confidence for m in ordered),
        event_type=typed.event_type if typed else None, sub_event_type=typed.sub_event_type if typed else None,
        plover=plover.plover if plover else None, date=dated[0].date if dated else None,
        actor1=actor1.actor1 if actor1 else None, actor2=actor2.actor2 if actor2 else None,
        location=_best_location(located),
        fatalities=_lowest(m.fatalities for m in ordered), injuries=_lowest(m.injuries for m in ordered),
        summary=anchor.summary,
    )
    return _with_fusion(fused, ordered, links)


def _with_fusion(event: Event, ordered: Sequence[Event], links: Sequence[FusionLink]) -> Event:
    info = FusionInfo(mentions=tuple(m.id for m in ordered), values=_values(ordered), claims=_claims(ordered),
                      links=tuple(links))
    return replace(event, fusion=info)


def _claims(ordered: Sequence[Event]) -> tuple[Claim, ...]:
    claims = []
    for m in ordered:
        source = m.sources[0] if m.sources else None
        claims.append(Claim(stance=stance_of(m), by=m.attribution.source or (source.source if source else None),
                            article_id=source.article_id if source else "",
                            published=source.published if source else None, text=m.attribution.text))
    return tuple(claims)


def _values(ordered: Sequence[Event]) -> tuple[SourceValue, ...]:
    values = []
    for m in ordered:
        source = m.sources[0] if m.sources else None
        for field, value in (("fatalities", m.fatalities), ("injuries", m.injuries)):
            if value is not None:
                values.append(SourceValue(field=field, value=value, article_id=source.article_id if source else "",
                                          source=source.source if source else None))
    return tuple(values)


def _sources(ordered: Sequence[Event]) -> tuple[SourceRef, ...]:
    seen: dict[str, SourceRef] = {}
    for m in ordered:
        for s in m.sources:
            seen.setdefault(s.article_id, s)
    return tuple(seen.values())


def _best_location(located: Sequence[Location]) -> Location | None:
    """The most precise place; among equally precise ones, the one most sources name."""
    if not located:
        return None
    best = min(loc.place.precision for loc in located)
    return _most_common([loc for loc in located if loc.place.precision == best], lambda loc: loc.place.name)


def _most_common(items: Sequence[T], key: Callable[[T], Hashable],
                 weight: Callable[[T], float] | None = None) -> T | None:
    """The item whose key most items share (weighted); ties go to the earliest item."""
    if not items:
        return None
    totals: dict[Hashable, float] = {}
    for item in items:
        totals[key(item)] = totals.get(key(item), 0.0) + (weight(item) if weight else 1.0)
    top = max(totals.values())
    return next(item for item in items if totals[key(item)] == top)


def _confidence(event: Event) -> float:
    return event.confidence


def _date_rank(event: Event) -> tuple[int, tuple[str, str]]:
    """The most precise date wins; among equals, the earliest report's."""
    return (_PRECISION_RANK[event.date.precision] if event.date else 9, anchor_order(event))


def _lowest(values: Iterable[int | None]) -> int | None:
    """ACLED codes the most conservative figure when reports differ; every figure stays in `values`."""
    known = [v for v in values if v is not None]
    return min(known) if known else None
