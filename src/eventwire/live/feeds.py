"""RSS and Atom feeds (bytes, already fetched) -> their entries: link, title, publication date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from eventwire.errors import REJECT_NOT_FEED
from eventwire.records import Rejection


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str
    title: str | None = None
    published: date | None = None


def parse_feed(data: bytes, url: str) -> list[FeedEntry] | Rejection:
    """The feed's entries in feed order, one per distinct http(s) link (relative links resolved against the
    feed's URL). Content that is not a feed is a Rejection; a feed with no entries is an empty list."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url})
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(problem).split())[:160]})" if problem else ""
        return Rejection(input=url, stage="ingest", code=REJECT_NOT_FEED,
                         reason=f"not an RSS or Atom feed{detail}; give `watch` the feed's address (often linked "
                                "as RSS on the site), and article pages to `run`")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = _link(entry, url)
        if link is None or link in seen:
            continue
        seen.add(link)
        title = " ".join(str(entry.get("title", "")).split()) or None
        entries.append(FeedEntry(link, title, _published(entry)))
    return entries


def _link(entry: dict, base: str) -> str | None:
    raw = entry.get("link")
    if not raw:
        alternates = [x.get("href") for x in entry.get("links", []) if x.get("rel", "alternate") == "alternate"]
        raw = next((href for href in alternates if href), None)
    if not raw:
        return None
    link = urljoin(base, str(raw).strip())
    return link if urlsplit(link).scheme in ("http", "https") else None


def _published(entry: dict) -> date | None:
    """The entry's own calendar date, as written (a datetime keeps its local date, as for JSONL's `published`)."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        text = str(raw).strip()
        try:
            return parsedate_to_datetime(text).date()  # RSS: RFC 822 dates
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()  # Atom: RFC 3339
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")  # feedparser's reading of rarer formats, in UTC
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None
