"""One name, one place through an article: what the text once says of where a name lies, or which town it
means, holds for the name's other forms in the same article."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.geo.lists import Resolved
from eventwire.geo.names import name_key

if TYPE_CHECKING:
    from eventwire.geo.gazetteer import Candidate

_CITY_OF = re.compile(r"^(?:(?P<before>.+?)\s+City|City\s+of\s+(?P<after>.+))$", re.IGNORECASE)


def as_placed(resolved: list[Resolved]) -> list[Resolved]:
    """A town the text once puts in its region ("Springfield, Ohio") is the town its bare name means in
    the rest of the article ("Springfield schools"), whatever larger namesake the bare name alone suggests."""
    placed = {name_key(f.lookup): c for f, c, _ in resolved
              if f.container and c is not None and not c.is_region and f.kind == "toponym"}
    if not placed:
        return resolved
    return [(f, placed[key], f"{placed[key].feature} '{placed[key].name}', as the article places it elsewhere")
            if not f.container and f.level in ("any", "settlement") and f.kind != "demonym"
            and (key := name_key(f.lookup)) in placed and (c is None or c.id != placed[key].id) else (f, c, why)
            for f, c, why in resolved]


def city_of_town(resolved: list[Resolved]) -> list[Resolved]:
    """"Dublin City Council" and "the City of Dublin" in a story whose "Dublin" is Dublin, Ohio, are that
    town, not a namesake the gazetteer happens to list as "Dublin City" (Dublin, Ireland). A place officially
    so called ("Iowa City", "Carson City") keeps its own reading, and so does a name whose bare form the
    article reads as a region or as two different towns."""
    towns: dict[str, dict[int, Candidate]] = {}  # a bare name's readings in the article, by id
    for f, c, _ in resolved:
        if c is not None and c.is_settlement and f.kind != "demonym" and not _CITY_OF.match(f.lookup):
            towns.setdefault(name_key(f.lookup), {})[c.id] = c
    out: list[Resolved] = []
    for f, c, why in resolved:
        bare = _bare_name(f.lookup)
        readings = towns.get(bare, {}) if bare else {}
        official = c is not None and c.quality == 0 and name_key(c.name) == name_key(f.lookup)
        if len(readings) == 1 and f.kind != "demonym" and not official and (c is None or c.id not in readings):
            town = next(iter(readings.values()))
            out.append((f, town, f"{town.feature} '{town.name}', the town the article calls {f.lookup}"))
        else:
            out.append((f, c, why))
    return out


def _bare_name(lookup: str) -> str | None:
    match = _CITY_OF.match(lookup)
    if match is None:
        return None
    return name_key(match.group("before") or match.group("after"))
