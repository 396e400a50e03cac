"""The event record, schema `eventwire.event/1` (see shared/design/ARCHITECTURE.md)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from eventwire.records.fusion import Claim, FusionInfo, Review, Stance, claim_status
from eventwire.records.place import Place
from eventwire.records.time import DateSpan

EVENT_SCHEMA = "eventwire.event/1"
Modality = Literal["asserted", "planned", "demanded", "threatened", "denied", "hypothetical"]
AttributionStatus = Literal["witnessed", "official", "claimed", "reported", "unattributed"]


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    country: str | None = None  # ISO 3166-1 alpha-3, as ACLED and CAMEO write it
    kind: str | None = None  # "state forces", "government", "rebel group", "civilians", "protesters", ...
    text: str | None = None  # the words in the article


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    status: AttributionStatus
    source: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SourceRef:
    article_id: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: a gazetteer place plus the words that named it."""

    place: Place
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "country": p.country,
            "admin1": p.admin1, "admin2": p.admin2, "precision": p.precision,
            "uncertainty_km": p.uncertainty_km, "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    modality: Modality
    attribution: Attribution
    evidence: tuple[Evidence, ...]
    sources: tuple[SourceRef, ...]
    confidence: float
    event_type: str | None = None
    sub_event_type: str | None = None
    plover: Plover | None = None
    date: DateSpan | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location | None = None
    fatalities: int | None = None
    injuries: int | None = None
    summary: str | None = None
    fusion: FusionInfo | None = None  # set on stored events: mentions, per-source values, claims, links
    review: Review | None = None
    # confidence fell below the classifier's threshold: kept for review, never presented as certain
    low_confidence: bool = False

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Who asserts or denies it: the fused claims, or this article's own attribution."""
        if self.fusion is not None:
            return self.fusion.claims
        source = self.sources[0] if self.sources else None
        return (Claim(stance=stance_of(self), by=self.attribution.source,
                      article_id=source.article_id if source else "",
                      published=source.published if source else None, text=self.attribution.text),)

    def with_id(self, new_id: str) -> Event:
        return replace(self, id=new_id)

    def to_dict(self) -> dict[str, Any]:
        """The `eventwire.event/1` JSON object, fields in the documented order."""
        return {
            "schema": EVENT_SCHEMA,
            "id": self.id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "plover": _plain(self.plover),
            "modality": self.modality,
            "date": self.date.to_dict() if self.date else None,
            "actor1": _plain(self.actor1),
            "actor2": _plain(self.actor2),
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "attribution": _plain(self.attribution),
            "summary": self.summary,
            "evidence": [_plain(e) for e in self.evidence],
            "sources": [_plain(s) for s in self.sources],
            "confidence": round(self.confidence, 3),
            "claim_status": claim_status(self.claims),
            "fusion": self.fusion.to_dict() if self.fusion else None,
            "review": self.review.to_dict() if self.review else None,
            "low_confidence": self.low_confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """Inverse of to_dict (used by the store and by tools that read exported JSONL)."""
        loc = d.get("location")
        dt = d.get("date")
        return cls(
            id=d["id"],
            event_type=d.get("event_type"),
            sub_event_type=d.get("sub_event_type"),
            plover=Plover(**d["plover"]) if d.get("plover") else None,
            modality=d["modality"],
            date=DateSpan(
                start=date.fromisoformat(dt["start"]), end=date.fromisoformat(dt["end"]),
                precision=dt["precision"], text=dt.get("text"), rule=dt.get("rule"),
            ) if dt else None,
            actor1=Actor(**d["actor1"]) if d.get("actor1") else None,
            actor2=Actor(**d["actor2"]) if d.get("actor2") else None,
            location=Location(
                place=Place(
                    name=loc["name"], lat=loc["lat"], lon=loc["lon"], country=loc.get("country"),
                    precision=loc["precision"], geonameid=loc.get("geonameid"), admin1=loc.get("admin1"),
                    admin2=loc.get("admin2"), uncertainty_km=loc.get("uncertainty_km"),
                ),
                text=loc.get("text"),
            ) if loc else None,
            fatalities=d.get("fatalities"),
            injuries=d.get("injuries"),
            attribution=Attribution(**d["attribution"]),
            summary=d.get("summary"),
            evidence=tuple(Evidence(**e) for e in d["evidence"]),
            sources=tuple(SourceRef(**s) for s in d["sources"]),
            confidence=float(d["confidence"]),
            fusion=FusionInfo.from_dict(d["fusion"]) if d.get("fusion") else None,
            review=Review.from_dict(d["review"]) if d.get("review") else None,
            low_confidence=bool(d.get("low_confidence", False)),
        )


_STANCES: dict[str, Stance] = {"witnessed": "witnesses", "official": "states", "claimed": "claims",
                               "reported": "reports", "unattributed": "reports"}


def stance_of(event: Event) -> Stance:
    """How this article's source stands on the event: a denial, or its attribution status as a stance."""
    return "denies" if event.modality == "denied" else _STANCES[event.attribution.status]


def _plain(obj: Any) -> dict[str, Any] | None:
    if obj is None:
        return None
    return {name: getattr(obj, name) for name in obj.__slots__}
