"""Article CSV: a header row naming the columns (id, title, published, text, url, source, language)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from eventwire.errors import REJECT_BAD_RECORD, REJECT_EMPTY
from eventwire.ingest.decode import Decoded, read_checked, reject
from eventwire.ingest.fields import COLUMNS, record_to_article
from eventwire.records import Article, Rejection

# Python's csv refuses fields over 128 KiB by default; a long article is a legitimate field.
_FIELD_LIMIT = 2**31 - 1


def parse_csv_text(text: str, name: str) -> Iterator[Article | Rejection]:
    """Articles from CSV text; `input` of a row's rejection is `name:LINE`, the line the row starts on."""
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [column.strip().lower() for column in next(reader, [])]
    if "text" not in header:
        yield reject(name, REJECT_BAD_RECORD,
                     f"no `text` column in the header row; name the columns, e.g. {','.join(COLUMNS)}")
        return
    rows = 0
    line = reader.line_num
    try:
        for row in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # a blank line between rows holds no record
            rows += 1
            yield _row_to_article(header, row, f"{name}:{start}")
    except csv.Error as exc:
        yield reject(f"{name}:{line + 1}", REJECT_BAD_RECORD,
                     f"the CSV breaks here ({exc}); check the quoting, the rest of the file was not read")
        return
    if rows == 0:
        yield reject(name, REJECT_EMPTY, "a header row but no articles; add one row per article")


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
