"""Short forms news uses for regions the gazetteer holds only in full: a state's abbreviation without its
full stop ("Fresno, Calif"), and a county by its bare name ("Miami-Dade", "Cuyahoga") or as "Woodbury Co.",
where no place at all bears the short form."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventwire.geo.gazetteer import Candidate, Gazetteer

_ABBREVIATION = re.compile(r"^[A-Z][a-z]{2,4}$")  # "Calif", "Mass", "Conn"; not "NJ" (see resolve)
_COUNTY_WORDS = (" County", " Parish")
_CO = re.compile(r"^(.+?)\s+Co\.$", re.IGNORECASE)


def short_form_regions(gazetteer: Gazetteer, name: str) -> list[Candidate]:
    """Regions `name` is a short form of, for a name no place bears."""
    from eventwire.geo.containers import world_regions

    if _ABBREVIATION.match(name) and (regions := world_regions(gazetteer, name + ".")):
        return regions
    if (co := _CO.match(name)) is not None:  # "Plymouth Co.", "PLYMOUTH CO."
        name = co.group(1).title()
    return [c for word in _COUNTY_WORDS for c in gazetteer.candidates(name + word)
            if c.feature == "admin2" and c.quality == 0]
