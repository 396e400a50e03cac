"""A web page's URL -> its article (or a Rejection), through the polite fetcher and the HTML reader."""

from __future__ import annotations

from datetime import date

from eventwire.ingest.fetch import HTML_TYPES, Fetched, Fetcher, FetchFailure
from eventwire.ingest.html import read_html
from eventwire.records import Article, Rejection


def read_page(url: str, fetcher: Fetcher, *, etag: str | None = None, last_modified: str | None = None,
              fallback_published: date | None = None) -> tuple[Article | Rejection | None, Fetched | FetchFailure]:
    """The article on the page at `url`, and the fetch's outcome (for the caller's FetchRecord). The article is
    None only when a conditional request (etag/last_modified) found the page unchanged."""
    fetched = fetcher.get(url, etag=etag, last_modified=last_modified, accept=HTML_TYPES)
    if isinstance(fetched, FetchFailure):
        return fetched.rejection(), fetched
    if fetched.not_modified:
        return None, fetched
    return read_html(fetched.content, url, url=fetched.final_url, charset=fetched.charset,
                     fallback_published=fallback_published), fetched
