"""What fusion adds to an event: its mentions, per-source values, claims over time, why it merged, and the
analyst's review. Kept in one record so that an unfused event (from `extract`) simply has none of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Stance = Literal["witnesses", "states", "claims", "reports", "denies"]
ReviewStatus = Literal["machine", "confirmed", "corrected"]


@dataclass(frozen=True, slots=True)
class SourceValue:
    """One source's figure where sources may disagree (fatalities 3 by one, 5 by another)."""

    field: str
    value: int
    article_id: str
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """Who asserts (or denies) the event, when, and in which words."""

    stance: Stance
    by: str | None
    article_id: str
    published: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class FusionLink:
    """Why a mention joined its event: the pair it was scored against, the score and the features."""

    mention: str
    to: str
    score: float
    features: tuple[tuple[str, float], ...]
    by: Literal["model", "analyst"] = "model"

    def to_dict(self) -> dict[str, Any]:
        return {"mention": self.mention, "to": self.to, "score": round(self.score, 3),
                "features": dict(self.features), "by": self.by}


@dataclass(frozen=True, slots=True)
class FusionInfo:
    mentions: tuple[str, ...]
    values: tuple[SourceValue, ...] = ()
    claims: tuple[Claim, ...] = ()
    links: tuple[FusionLink, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "mentions": list(self.mentions),
            "values": [_plain(v) for v in self.values],
            "claims": [_plain(c) for c in self.claims],
            "links": [link.to_dict() for link in self.links],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FusionInfo:
        return cls(
            mentions=tuple(d["mentions"]),
            values=tuple(SourceValue(**v) for v in d.get("values", ())),
            claims=tuple(Claim(**c) for c in d.get("claims", ())),
            links=tuple(FusionLink(mention=x["mention"], to=x["to"], score=float(x["score"]),
                                   features=tuple(sorted(x["features"].items())), by=x.get("by", "model"))
                        for x in d.get("links", ())),
        )


@dataclass(frozen=True, slots=True)
class Review:
    """The analyst's mark on a stored event: untouched, confirmed, or corrected (see the revisions)."""

    status: ReviewStatus
    by: str | None = None
    at: str | None = None
    corrected: tuple[str, ...] = ()  # the fields an analyst changed

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "by": self.by, "at": self.at, "corrected": list(self.corrected)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Review:
        return cls(status=d["status"], by=d.get("by"), at=d.get("at"), corrected=tuple(d.get("corrected", ())))


def _plain(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__slots__}


_STANCE_WORDS: dict[str, str] = {
    "witnesses": "witnessed by", "states": "stated by", "claims": "claimed by", "reports": "reported by",
    "denies": "denied by",
}


def claim_status(claims: tuple[Claim, ...]) -> str | None:
    """'claimed by Moscow, denied by Kyiv': who stands where, strongest first; None when nobody is named."""
    parts: list[str] = []
    for stance, words in _STANCE_WORDS.items():
        names = list(dict.fromkeys(c.by for c in claims if c.stance == stance and c.by))
        if names:
            parts.append(f"{words} {' and '.join(names)}")
    return ", ".join(parts) or None
