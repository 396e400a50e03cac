"""Bytes to text: UTF-8 (with or without a BOM) or a Rejection that says how to fix the file."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.errors import REJECT_BINARY, REJECT_EMPTY, REJECT_ENCODING
from eventwire.records import Rejection

# Bytes that occur in text: printable ASCII, tab, newlines, form feed, and everything >= 0x80
# (UTF-8 sequences, or legacy 8-bit encodings, which get their own, more helpful, rejection).
_TEXT_BYTES = bytes(range(0x20, 0x7F)) + b"\t\n\r\f\x1b" + bytes(range(0x80, 0x100))
_MAX_CONTROL_SHARE = 0.05  # random binary data has ~11% control bytes; text has next to none
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str


def reject(origin: str, code: str, reason: str) -> Rejection:
    return Rejection(input=origin, stage="ingest", code=code, reason=reason)


def check_bytes(data: bytes, origin: str) -> Rejection | None:
    """Why `data` cannot be text at all (empty, UTF-16, binary), or None. Cheap on large inputs."""
    if not data.strip():
        return reject(origin, REJECT_EMPTY, "the file is empty; give it an article's text or leave it out")
    if data.startswith(_UTF16_BOMS):
        return reject(origin, REJECT_ENCODING,
                      "the file is UTF-16, not UTF-8; re-save it as UTF-8, e.g. iconv -f utf-16 -t utf-8")
    controls = len(data.translate(None, _TEXT_BYTES))
    if b"\x00" in data or controls > _MAX_CONTROL_SHARE * len(data):
        return reject(origin, REJECT_BINARY,
                      "the file is binary, not text; give eventwire text articles (.txt, .jsonl, .csv)")
    return None


def decode_utf8(data: bytes, origin: str) -> Decoded | Rejection:
    """Decode UTF-8, dropping a leading BOM; anything else is rejected with an iconv hint."""
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        guess = _guess_legacy(data)
        return reject(origin, REJECT_ENCODING,
                      f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}), probably {guess}; "
                      f"re-save it as UTF-8, e.g. iconv -f {guess} -t utf-8")


def _guess_legacy(data: bytes) -> str:
    # cp1252 leaves five bytes undefined; text that uses them can only be latin-1 (or something rarer).
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin1"
    return "cp1252"


def read_checked(data: bytes, origin: str) -> Decoded | Rejection:
    """check_bytes then decode_utf8: the whole-file path used by the seed and CSV readers."""
    return check_bytes(data, origin) or decode_utf8(data, origin)
