"""Article JSONL: one JSON object per line. A bad line is rejected; the lines after it are still read. A line
that reuses an earlier line's id with another text is rejected too (it would replace the first)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from eventwire.errors import REJECT_BAD_RECORD, REJECT_EMPTY
from eventwire.ingest.decode import Decoded, check_bytes, decode_utf8, reject
from eventwire.ingest.fields import record_to_article, reject_reused_ids
from eventwire.records import Article, Rejection

_SNIFF_BYTES = 64 * 1024  # enough to tell a binary file from text without reading a large file twice


def parse_jsonl_line(line: str, origin: str) -> Article | Rejection:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return reject(origin, REJECT_BAD_RECORD,
                      f"not valid JSON ({exc.msg} at column {exc.colno}); fix the line or remove it")
    if not isinstance(record, dict):
        return reject(origin, REJECT_BAD_RECORD,
                      f"a JSON {type(record).__name__}, not an object; each line must be one article object")
    return record_to_article(record, origin)


def parse_jsonl_lines(lines: Iterable[str | Rejection], name: str) -> Iterator[Article | Rejection]:
    """Articles from lines numbered from 1. A line may already be a Rejection (it could not be decoded),
    which passes through so that numbering stays right. Blank lines are separators, not records."""
    return reject_reused_ids(_parse_lines(lines, name))


def _parse_lines(lines: Iterable[str | Rejection], name: str) -> Iterator[Article | Rejection]:
    seen = 0
    for number, line in enumerate(lines, start=1):
        if isinstance(line, Rejection):
            seen += 1
            yield line
        elif line.strip():
            seen += 1
            yield parse_jsonl_line(line, f"{name}:{number}")
    if seen == 0:
        yield reject(name, REJECT_EMPTY, "no articles in it; give one JSON article object per line")


def read_jsonl_file(path: str) -> Iterator[Article | Rejection]:
    """Streams the file line by line, so a large corpus is never held in memory at once."""
    with open(path, "rb") as handle:
        problem = check_bytes(handle.read(_SNIFF_BYTES), path)
        if problem is not None:
            yield problem
            return
        handle.seek(0)
        yield from parse_jsonl_lines(_decoded_lines(handle, path), path)


def _decoded_lines(raw_lines: Iterable[bytes], path: str) -> Iterator[str | Rejection]:
    # Decoding per line means one mis-encoded record costs that record, not the whole file.
    for number, raw in enumerate(raw_lines, start=1):
        decoded = decode_utf8(raw, f"{path}:{number}")
        yield decoded.text if isinstance(decoded, Decoded) else decoded
