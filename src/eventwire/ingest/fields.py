"""Turning one JSONL/CSV record (already parsed) into an Article, with a Rejection for each kind of fault."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from eventwire.errors import REJECT_BAD_DATE, REJECT_BAD_RECORD, REJECT_EMPTY
from eventwire.ingest.decode import reject
from eventwire.records import Article, Rejection
from eventwire.records.article import content_id

COLUMNS = ("id", "title", "published", "text", "url", "source", "language")


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


def _optional_str(record: Mapping[str, object], name: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise FieldError(REJECT_BAD_RECORD, f"`{name}` must be a string, not {type(value).__name__}")
    return value


def _article_id(record: Mapping[str, object]) -> str | None:
    value = record.get("id")
    if value is None or value == "":
        return None
    # Integer ids are common in exported datasets; their decimal form is the id.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    raise FieldError(REJECT_BAD_RECORD, f"`id` must be a string or an integer, not {type(value).__name__}")


def _text(record: Mapping[str, object]) -> str:
    text = record.get("text")
    if text is None:
        raise FieldError(REJECT_BAD_RECORD, "the record has no `text`; every article needs its text")
    if not isinstance(text, str):
        raise FieldError(REJECT_BAD_RECORD, f"`text` must be a string, not {type(text).__name__}")
    if not text.strip():
        raise FieldError(REJECT_EMPTY, "`text` is empty; give the article's text or leave the record out")
    return text


def record_to_article(record: Mapping[str, object], origin: str) -> Article | Rejection:
    try:
        text = _text(record)
        published = parse_published(record.get("published"))
        title = _optional_str(record, "title")
        url, source, language = (_optional_str(record, name) for name in ("url", "source", "language"))
        article_id = _article_id(record) or content_id(text, title, published)
    except FieldError as exc:
        return reject(origin, exc.code, exc.reason)
    return Article(id=article_id, text=text, title=title, published=published, url=url, source=source,
                   language=language, origin=origin)
