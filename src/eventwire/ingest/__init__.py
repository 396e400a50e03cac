"""Ingest: files, directories and stdin in; Article records (or Rejections saying why not) out.

Every input is either read or rejected with a reason; nothing is skipped silently, and one bad file or
record never stops the others.
"""

from __future__ import annotations

from eventwire.ingest.reader import SUPPORTED_SUFFIXES, read_file, read_inputs, read_stdin

__all__ = ["SUPPORTED_SUFFIXES", "read_file", "read_inputs", "read_stdin"]
