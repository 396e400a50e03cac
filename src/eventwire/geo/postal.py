"""Postal and news-style abbreviations of states, provinces and territories, as local news and datelines
write them after a town: "Trenton, NJ", "Vancouver, B.C.", "Sydney NSW", "Perth, WA".

GeoNames codes the US states by their postal codes already ("US.NJ"); Canada's and Australia's regions
have numeric codes, mapped here. A code may stand for regions of two countries ("WA": Washington and
Western Australia; "NT"): the town written before it decides (`containers`). The AP Stylebook's dotted
forms of the US states ("Calif.") are names in the gazetteer itself (`world.US_STATE_ABBREVIATIONS`).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventwire.geo.gazetteer import Candidate, Gazetteer

# Canada Post's codes and the Canadian Press's abbreviations, by GeoNames admin-1 code.
_CANADA = {"CA.01": "AB|Alta.", "CA.02": "BC|B.C.", "CA.03": "MB|Man.", "CA.04": "NB|N.B.",
           "CA.05": "NL|Nfld.|N.L.", "CA.07": "NS|N.S.", "CA.08": "ON|Ont.", "CA.09": "PE|PEI|P.E.I.",
           "CA.10": "QC|Que.|Qc", "CA.11": "SK|Sask.", "CA.12": "YT|Y.T.", "CA.13": "NT|NWT|N.W.T.", "CA.14": "NU"}
# Australia Post's state codes and their usual written forms.
_AUSTRALIA = {"AU.01": "ACT|A.C.T.", "AU.02": "NSW|N.S.W.", "AU.03": "NT|N.T.", "AU.04": "QLD|Qld|Qld.",
              "AU.05": "SA|S.A.", "AU.06": "TAS|Tas|Tas.", "AU.07": "VIC|Vic|Vic.", "AU.08": "WA|W.A."}
_US_COUNTRY = "US"
_US_CODE_LENGTH = 2


@cache
def _forms() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for codes in (_CANADA, _AUSTRALIA):
        for admin1, forms in codes.items():
            for form in forms.split("|"):
                out.setdefault(form, []).append(admin1)
    return {form: tuple(codes) for form, codes in out.items()}



def is_postal(written: str) -> bool:
    """A form this module reads: a US postal code or a Canadian or Australian abbreviation."""
    return written in _forms() or (len(written) == _US_CODE_LENGTH and written.isalpha() and written.isupper())


def postal_regions(gazetteer: Gazetteer, written: str) -> list[Candidate]:
    """The first-level regions this abbreviation stands for, as written (case matters: "WA", not "Wa")."""
    codes = list(_forms().get(written, ()))
    if len(written) == _US_CODE_LENGTH and written.isalpha() and written.isupper():
        codes.append(f"{_US_COUNTRY}.{written}")
    if not codes:
        return []
    countries = tuple(sorted({code.split(".")[0] for code in codes}))
    return [c for c in gazetteer.admin1_rows(countries) if c.admin1_code in codes]
