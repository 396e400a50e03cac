"""A place-name span found in an article, before resolution."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from eventwire.records.place import MentionKind

if TYPE_CHECKING:
    from eventwire.geo.raions import Raion

Level = Literal["any", "region", "settlement", "near", "centre"]


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

