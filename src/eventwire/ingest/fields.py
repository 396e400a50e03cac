"""Turning one JSONL/CSV record (already parsed) into an Article, with a Rejection for each kind of fault."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta

from eventwire.errors import REJECT_BAD_DATE, REJECT_BAD_RECORD, REJECT_DATE_RANGE, REJECT_EMPTY, REJECT_REUSED_ID
from eventwire.ingest.chrome import cut_page_chrome
from eventwire.ingest.decode import reject
from eventwire.records import Article, Rejection
from eventwire.records.article import content_id

COLUMNS = ("id", "title", "published", "text", "url", "source", "language")
EARLIEST_PUBLISHED = date(1900, 1, 1)
MAX_ID = 200  # characters: ids are keys in URLs, filters and exports (the API's article_id filter takes as many)
# Characters no store can keep: lone UTF-16 surrogates (JSON's "\ud800" escapes) cannot be encoded as UTF-8,
# and PostgreSQL refuses NUL in text. Each becomes U+FFFD, one character for one, so offsets stay right.
_UNENCODABLE = re.compile("[\ud800-\udfff\x00]")


class FieldError(ValueError):
    """A record field is wrong; carries the rejection code so one except clause serves all fields."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def parse_published(value: object) -> date | None:
    """"YYYY-MM-DD" or an ISO datetime, or null. A datetime keeps its own calendar date (no conversion to
    UTC), because "yesterday" in the article means the day before the date its writer saw."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text) if len(text) <= 10 else datetime.fromisoformat(text).date()
        except ValueError:
            pass
    raise FieldError(REJECT_BAD_DATE,
                     f"`published` {value!r} is not a date; write it as YYYY-MM-DD or an ISO datetime "
                     "(2024-11-08T09:30:00Z), or null if unknown")


def check_published(published: date | None, today: date | None = None) -> None:
    """Raise a FieldError for a date no news report carries: before 1900, or after tomorrow (a time zone
    ahead may already be on tomorrow). Such dates are typos or placeholders, and every relative date in
    the text would be resolved against them."""
    if published is None:
        return
    latest = (today or date.today()) + timedelta(days=1)
    if not EARLIEST_PUBLISHED <= published <= latest:
        raise FieldError(REJECT_DATE_RANGE,
                         f"`published` {published.isoformat()} is before 1900 or after tomorrow; "
                         "correct the date, or give null if it is unknown")


def repair_text(value: str) -> str:
    """The text with characters that cannot be stored (lone surrogates, NUL) replaced by U+FFFD."""
    return _UNENCODABLE.sub("\ufffd", value)


def _optional_str(record: Mapping[str, object], name: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise FieldError(REJECT_BAD_RECORD, f"`{name}` must be a string, not {type(value).__name__}")
    return repair_text(value)


def _article_id(record: Mapping[str, object]) -> str | None:
    value = record.get("id")
    if value is None or value == "":
        return None
    # Integer ids are common in exported datasets; their decimal form is the id.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        if len(value.strip()) > MAX_ID:
            raise FieldError(REJECT_BAD_RECORD, f"`id` is {len(value.strip())} characters long; at most {MAX_ID}")
        return repair_text(value.strip())
    raise FieldError(REJECT_BAD_RECORD, f"`id` must be a string or an integer, not {type(value).__name__}")


def _text(record: Mapping[str, object]) -> str:
    text = record.get("text")
    if text is None:
        raise FieldError(REJECT_BAD_RECORD, "the record has no `text`; every article needs its text")
    if not isinstance(text, str):
        raise FieldError(REJECT_BAD_RECORD, f"`text` must be a string, not {type(text).__name__}")
    if not text.strip():
        raise FieldError(REJECT_EMPTY, "`text` is empty; give the article's text or leave the record out")
    return repair_text(text)


def record_to_article(record: Mapping[str, object], origin: str) -> Article | Rejection:
    try:
        text = _text(record)
        published = parse_published(record.get("published"))
        check_published(published)
        title = _optional_str(record, "title")
        url, source, language = (_optional_str(record, name) for name in ("url", "source", "language"))
        article_id = _article_id(record) or content_id(text, title, published)
    except FieldError as exc:
        return reject(origin, exc.code, exc.reason)
    # The id is the uncut text's, so that ids stay what they were before the cut was made or improved.
    return Article(id=article_id, text=cut_page_chrome(text), title=title, published=published, url=url,
                   source=source, language=language, origin=origin)


def reject_reused_ids(items: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
    """Items as they come, but an article whose id an earlier article of the same batch had, with a
    different text, becomes a rejection: storing it would silently replace the first. The same article
    given twice passes (storing it again changes nothing). Readers apply this per file; the batch reader
    should wrap all its inputs in it, so ids are checked across files too."""
    texts: dict[str, bytes] = {}
    for item in items:
        if isinstance(item, Article):
            digest = hashlib.blake2b(item.text.encode("utf-8"), digest_size=16).digest()
            first = texts.setdefault(item.id, digest)
            if first != digest:
                yield reject(item.origin or item.id, REJECT_REUSED_ID,
                             f"the id {_short(item.id)} was already used by another article with a different "
                             "text in this batch; give each article its own id (or leave `id` out)")
                continue
        yield item


def _short(article_id: str) -> str:
    return repr(article_id if len(article_id) <= 80 else article_id[:77] + "...")
