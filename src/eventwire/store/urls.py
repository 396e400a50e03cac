"""PostgreSQL URLs: what libpq is given, and what messages show (never the password)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit


def display_url(url: str) -> str:
    """The URL with its password (in the address or as ?password=) replaced by ***, for messages."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password is not None:
        netloc = netloc.replace(f":{parts.password}@", ":***@", 1)
    query = urlencode([(k, "***" if k == "password" else v) for k, v in parse_qsl(parts.query)], safe="*/")
    # Built by hand: urlunsplit drops the "//" of a URL without a host (postgresql:///db, the local socket).
    return (f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "")
            + (f"#{parts.fragment}" if parts.fragment else ""))


def libpq_url(url: str) -> str:
    """libpq reads postgresql:// and postgres://; SQLAlchemy-style postgresql+psycopg:// names a driver."""
    scheme, rest = url.split("://", 1)
    return f"postgresql://{rest}" if scheme.startswith("postgresql+") else url
