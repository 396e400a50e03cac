"""The seed's text format: `date YYYY-MM-DD Title`, a blank line, then the body."""

from __future__ import annotations

import re
from datetime import date

from eventwire.errors import REJECT_BAD_DATE, REJECT_EMPTY, REJECT_NO_DATE
from eventwire.ingest.chrome import cut_page_chrome
from eventwire.ingest.decode import Decoded, read_checked, reject
from eventwire.ingest.fields import FieldError, check_published
from eventwire.records import Article, Rejection
from eventwire.records.article import content_id

# Leading whitespace is tolerated because real files have it (the seed's first line starts with a space).
_HEADER = re.compile(r"[ \t]*date[ \t]+(\S+)[ \t]*(.*?)[ \t]*(?:\r\n|\n|\r|$)")
_BLANK_LINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")


def parse_seed_text(text: str, origin: str) -> Article | Rejection:
    """One article from seed-format text. `Article.text` is the body exactly as in the file after the
    header line and the blank line, so evidence offsets point into the file's own characters."""
    header = _HEADER.match(text)
    if header is None:
        return reject(origin, REJECT_NO_DATE,
                      "no `date YYYY-MM-DD Title` first line; start a .txt article with e.g. "
                      "`date 2024-11-08 Title`, a blank line, then the text (or give it as JSONL)")
    try:
        published = date.fromisoformat(header.group(1))
    except ValueError:
        return reject(origin, REJECT_BAD_DATE,
                      f"the header date {header.group(1)!r} is not a real YYYY-MM-DD date; correct it")
    try:
        check_published(published)
    except FieldError as exc:
        return reject(origin, exc.code, exc.reason)
    body_start = header.end()
    blank = _BLANK_LINE.match(text, body_start)
    if blank is not None:
        body_start = blank.end()
    body = text[body_start:]
    if not body.strip():
        return reject(origin, REJECT_EMPTY,
                      "the article has a header but no text; add the text after a blank line")
    title = header.group(2) or None
    return Article(id=content_id(body, title, published), text=cut_page_chrome(body), title=title,
                   published=published, origin=origin)


def read_seed_file(data: bytes, origin: str) -> Article | Rejection:
    decoded = read_checked(data, origin)
    if not isinstance(decoded, Decoded):
        return decoded
    return parse_seed_text(decoded.text, origin)
