"""The country an article's website is registered in, from the country-code ending of its address
("thisisoxfordshire.co.uk", "dailystar.com.lb"): a local paper's bare "Lancaster" or "Richmond" is the one
of its own country. Generic endings (.com, .org) and country codes sold as generic ones (.tv, .io, .co)
say nothing."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Country codes marketed worldwide for their letters rather than their country.
_VANITY = {"am", "fm", "tv", "io", "co", "me", "ly", "ai", "ws", "cc", "to", "nu", "tk", "gg", "la", "eu", "su",
           "vc", "sh", "ac", "so"}
_UK = "uk"  # the only country-code ending that is not the country's ISO code
_HOST = re.compile(r"^[a-z0-9.-]+$")


def site_country(url: str | None) -> str | None:
    """ISO alpha-2 code of the country the address's ending names, or None."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().rstrip(".")
    if not _HOST.match(host) or "." not in host:
        return None
    tld = host.rsplit(".", 1)[1]
    if tld == _UK:
        return "GB"
    if len(tld) != 2 or tld in _VANITY:
        return None
    return tld.upper()
