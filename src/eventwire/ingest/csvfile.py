"""Article CSV: a header row naming the columns (id, title, published, text, url, source, language)."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator

from eventwire.errors import REJECT_BAD_RECORD, REJECT_EMPTY
from eventwire.ingest.decode import Decoded, read_checked, reject
from eventwire.ingest.fields import COLUMNS, record_to_article, reject_reused_ids
from eventwire.records import Article, Rejection

# Python's csv refuses fields over 128 KiB by default; a long article is a legitimate field.
_FIELD_LIMIT = 2**31 - 1


def parse_csv_text(text: str, name: str) -> Iterator[Article | Rejection]:
    """Articles from CSV text; `input` of a row's rejection is `name:LINE`, the line the row starts on."""
    return reject_reused_ids(_parse_rows(text, name))


def _parse_rows(text: str, name: str) -> Iterator[Article | Rejection]:
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    lines = list(io.StringIO(text, newline=""))  # physical lines, with their own line ends
    header_reader = csv.reader(lines[:1])
    header = [column.strip().lower() for column in next(header_reader, [])]
    if "text" not in header:
        yield reject(name, REJECT_BAD_RECORD,
                     f"no `text` column in the header row; name the columns, e.g. {','.join(COLUMNS)}")
        return
    rows = 0
    for start, row in _records(lines, 1):
        if isinstance(row, csv.Error):
            rows += 1
            yield reject(f"{name}:{start}", REJECT_BAD_RECORD,
                         f"the CSV breaks in the record starting here ({row}); check its quoting. "
                         "Reading went on at the next line")
        elif any(cell.strip() for cell in row):  # a blank line between rows holds no record
            rows += 1
            yield _row_to_article(header, row, f"{name}:{start}")
    if rows == 0:
        yield reject(name, REJECT_EMPTY, "a header row but no articles; add one row per article")


def _records(lines: list[str], first: int) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """(line number of its start, fields) for each record from line index `first` on. Quoting is strict: a
    quote left open fails its record (instead of swallowing the records after it, as a lenient reader does),
    and reading starts again on the line after that record's first line."""
    position = first
    while position < len(lines):
        reader = csv.reader(itertools.islice(lines, position, None), strict=True)
        consumed = 0
        try:
            for row in reader:
                yield position + consumed + 1, row
                consumed = reader.line_num
            return
        except csv.Error as exc:
            yield position + consumed + 1, exc
            position += consumed + 1


def _row_to_article(header: list[str], row: list[str], origin: str) -> Article | Rejection:
    if len(row) != len(header):
        return reject(origin, REJECT_BAD_RECORD,
                      f"{len(row)} fields but the header has {len(header)}; quote fields that contain commas")
    return record_to_article(dict(zip(header, row, strict=True)), origin)


def read_csv_file(data: bytes, path: str) -> Iterator[Article | Rejection]:
    decoded = read_checked(data, path)
    if isinstance(decoded, Decoded):
        yield from parse_csv_text(decoded.text, path)
    else:
        yield decoded
