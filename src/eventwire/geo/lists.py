"""Names listed together are of one kind.

"Missouri, New York, North Carolina and Virginia" lists states, so "New York" there is the state, not the
city its bare name means elsewhere; "Oregon, Washington and Idaho" is Washington state, not the capital;
"Georgia, Oklahoma, Pennsylvania" the state, not the country.
Only a region officially bearing the very name is taken (a former or alternate name of a region is no
such evidence), and only where a neighbour in the list is another region of that country: the region
holding the place is its address ("Washington, D.C."), not a list.
"""

from __future__ import annotations

import re

from eventwire.geo.found import Found
from eventwire.geo.gazetteer import Candidate, Gazetteer

Resolved = tuple[Found, Candidate | None, str]

# What stands between two items of a list: ", ", " and ", ", and ", " or ", " & ", "/".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or|&)\s+)?|(?:and|or|&)\s+|/\s*)", re.IGNORECASE)


def as_listed(resolved: list[Resolved], text: str, gazetteer: Gazetteer) -> list[Resolved]:
    """`resolved` with each name listed beside another region of some country read as that country's
    region of the same official name, where there is one: "Georgia, Oklahoma, Pennsylvania" are states,
    "Victoria and New South Wales" Australian states."""
    if not text:
        return resolved
    order = sorted(range(len(resolved)), key=lambda i: resolved[i][0].start)
    out = list(resolved)
    for pos, i in enumerate(order):
        f, c, why = resolved[i]
        if c is None or c.feature in ("admin1", "admin2", "continent") or f.container or f.level != "any" \
                or f.kind != "toponym":
            continue
        beside = [resolved[order[p]] for p in (pos - 1, pos + 1) if 0 <= p < len(order)]
        # the region that holds the place is its address, not a list ("Washington, D.C.")
        listed_with = [r for g, r, _ in beside if r is not None and r.feature == "admin1" and _listed(f, g, text)
                       and r.admin1_code != c.admin1_code]
        if not listed_with:
            continue
        region = next((o for r in listed_with if (o := gazetteer.admin1(f.lookup, r.country)) is not None
                       and o.quality == 0 and o.id != r.id), None)
        if region is not None:
            out[i] = (f, region, f"admin1 '{region.name}', listed with other regions of its country "
                                 f"(not the {c.feature} '{c.name}')")
    return out


def _listed(a: Found, b: Found, text: str) -> bool:
    """`a` and `b` are neighbouring items of one list in one sentence."""
    if a.sent != b.sent or b.kind != "toponym" or b.level != "any":
        return False
    first, second = (a, b) if a.start < b.start else (b, a)
    return first.end <= second.start and _LIST_GAP.fullmatch(text[first.end:second.start]) is not None
