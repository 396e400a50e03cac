"""Townships and towns as civil divisions ("Jackson Township", "West Chester Twp.", "the Town of Groton"): the
gazetteer rarely holds them, and the settlement they are named after is a local place, one of many of its
name. It is their point only where the article's own area backs it (its region named, or another of its
places near); a namesake in another state would be a confident wrong pin, so none is given."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.geo.names import name_key
from eventwire.geo.namesakes import ArticleContext, locally_backed, rank_candidates

if TYPE_CHECKING:
    from eventwire.geo.found import Found
    from eventwire.geo.gazetteer import Candidate, Gazetteer

_TOWNSHIP = re.compile(r"^(?:(?:Town|Township)\s+of\s+(?P<of>[A-Z].+)|(?P<name>[A-Z].+?)\s+(?:Charter\s+)?"
                       r"(?:Township|Twp\.?))$")


def township_name(lookup: str) -> str | None:
    """"Jackson Township" -> "Jackson"; None for a name that is no township."""
    m = _TOWNSHIP.match(lookup)
    return (m.group("of") or m.group("name")) if m else None


def township_place(f: Found, name: str, gazetteer: Gazetteer,
                   ctx: ArticleContext) -> tuple[Candidate, str] | None:
    """The settlement a township is named after, where the article's area backs it, with why."""
    key = name_key(f.lookup)
    towns = [c for c in gazetteer.candidates(name) if c.quality == 0 and not c.is_region]
    ranked = [s for s in rank_candidates(replace(f, lookup=name, level="settlement"), towns, gazetteer, ctx)
              if len(towns) == 1 or locally_backed(s.candidate, ctx, key)]
    if not ranked:
        return None
    c = ranked[0].candidate
    return c, f"{c.feature} '{c.name}', the place the township is named after, in the article's area"
