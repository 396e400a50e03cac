"""An HTML page (bytes, and the URL it came from if any) -> an Article or a Rejection.

trafilatura finds the article's text among the navigation and footers, and its metadata: title, site name,
canonical URL and publication date (through htmldate, from the page's metadata and markup only: no guessing from
the text). The id is a hash of the content, so the same article under two URLs becomes one article.
"""

from __future__ import annotations

import codecs
import logging
import re
from datetime import date
from urllib.parse import urlsplit

from eventwire.errors import REJECT_ENCODING, REJECT_NO_ARTICLE, REJECT_UNSUPPORTED
from eventwire.ingest.chrome import cut_page_chrome
from eventwire.ingest.decode import Decoded, check_bytes, decode_utf8, reject
from eventwire.ingest.fields import FieldError, check_published, parse_published
from eventwire.records import Article, Rejection
from eventwire.records.article import content_id

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096
# Only what the page itself says: its metadata and date markup first, then a date in its URL; never a date found
# in the running text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "deferred_url_extractor": True}
_MIN_TEXT = 50  # characters: less is a menu or a caption, not an article
LIVE_HINT = "install the live extra: pip install 'eventwire[live]'"


def decode_html(data: bytes, origin: str, charset: str | None = None) -> Decoded | Rejection:
    """Text of an HTML page: the encoding the server or the page declares, else UTF-8 (as for files)."""
    problem = check_bytes(data, origin)
    if problem is not None:
        return problem
    declared = charset or _meta_charset(data[:_SNIFF_BYTES])
    codec = _codec(declared) if declared else None
    if codec is None or codec == "utf-8":
        return decode_utf8(data, origin)
    try:
        return Decoded(data.decode(codec))
    except UnicodeDecodeError as exc:
        return reject(origin, REJECT_ENCODING, f"the page declares {declared} but byte 0x{data[exc.start]:02x} at "
                      f"offset {exc.start} is not {declared}; save it as UTF-8")


def read_html(data: bytes, origin: str, url: str | None = None, charset: str | None = None,
              fallback_published: date | None = None) -> Article | Rejection:
    """The article on an HTML page. `url` is where it was fetched (None for a file); the page's canonical link
    replaces it when it gives one. `fallback_published` (e.g. a feed entry's date) serves when the page has
    no date of its own; with neither, `published` is null, as for a JSONL record without one."""
    decoded = decode_html(data, origin, charset)
    if not isinstance(decoded, Decoded):
        return decoded
    try:
        import trafilatura
    except ImportError:
        return reject(origin, REJECT_UNSUPPORTED, f"reading HTML needs trafilatura; {LIVE_HINT}")
    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its per-page warnings are not the user's business
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    try:
        document = trafilatura.bare_extraction(decoded.text, url=url, with_metadata=True, include_comments=False,
                                               include_tables=False, date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # a hostile or mangled page must not stop the batch (or a long-running watch)
        return reject(origin, REJECT_NO_ARTICLE, f"the HTML could not be parsed ({type(exc).__name__}); "
                      "save the page again from a browser, or leave it out")
    text = getattr(document, "text", None) or ""
    title = _clean(getattr(document, "title", None))
    text = _drop_title_line(text, title)
    if len(text.strip()) < _MIN_TEXT:
        found = f" (only {len(text.strip())} characters)" if text.strip() else ""
        return reject(origin, REJECT_NO_ARTICLE, f"no article text found in the HTML{found}; give eventwire the "
                      "page of one article, not an index, a login wall or a page that needs JavaScript")
    published = _plausible(_parse_date(getattr(document, "date", None))) or fallback_published
    source = _clean(getattr(document, "sitename", None)) or _clean(getattr(document, "hostname", None))
    canonical = _clean(getattr(document, "url", None))
    if canonical is None or urlsplit(canonical).scheme not in ("http", "https"):
        canonical = url
    language = _clean(getattr(document, "language", None))
    return Article(id=content_id(text, title, published), text=cut_page_chrome(text), title=title,
                   published=published, url=canonical, source=source or (urlsplit(url).hostname if url else None),
                   language=language, origin=origin)


def _plausible(published: date | None) -> date | None:
    """A page's date as its markup gives it, or None when no news report carries it (before 1900, after
    tomorrow): a date guessed from markup is dropped, not held against the article, which still has its text."""
    try:
        check_published(published)
    except FieldError:
        return None
    return published


def _meta_charset(head: bytes) -> str | None:
    found = _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def _codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers read "iso-8859-1" and "ascii" as windows-1252 (WHATWG Encoding), and so do pages' authors.
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _drop_title_line(text: str, title: str | None) -> str:
    """trafilatura repeats the headline as the first line of the text; the title field already has it."""
    first, newline, rest = text.partition("\n")
    if title and newline and " ".join(first.split()) == title:
        return rest
    return text


def _parse_date(value: object) -> date | None:
    """htmldate's YYYY-MM-DD, read as JSONL's `published` is; None for anything else."""
    try:
        return parse_published(value) if isinstance(value, str) else None
    except FieldError:
        return None
