"""Walking PATH arguments and dispatching each file to the reader for its extension."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from eventwire.errors import REJECT_ENCODING, REJECT_UNSUPPORTED, InputError, UsageError
from eventwire.ingest.csvfile import read_csv_file
from eventwire.ingest.decode import reject
from eventwire.ingest.html import LIVE_HINT, read_html
from eventwire.ingest.jsonl import parse_jsonl_lines, read_jsonl_file
from eventwire.ingest.seed import read_seed_file
from eventwire.records import Article, Rejection

if TYPE_CHECKING:
    from eventwire.ingest.fetch import Fetcher

STDIN = "-"
STDIN_NAME = "<stdin>"
Item = Article | Rejection


def _read_seed(path: str) -> Iterator[Item]:
    yield read_seed_file(Path(path).read_bytes(), path)


def _read_csv(path: str) -> Iterator[Item]:
    yield from read_csv_file(Path(path).read_bytes(), path)


def _read_html(path: str) -> Iterator[Item]:
    yield read_html(Path(path).read_bytes(), path)


_READERS: dict[str, Callable[[str], Iterator[Item]]] = {
    ".txt": _read_seed,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".csv": _read_csv,
    ".html": _read_html,
    ".htm": _read_html,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)
URL_SCHEMES = ("http://", "https://")


def is_url(path: str) -> bool:
    return path.lower().startswith(URL_SCHEMES)


def read_inputs(paths: Sequence[str], stdin: TextIO | None = None, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Articles and Rejections from files, directories (recursively, in sorted order, hidden entries
    skipped), `-` (article JSONL on `stdin`, sys.stdin by default) and http(s) URLs of article pages (fetched
    politely through `fetcher`, one made with the default policy if None). A path that does not exist raises
    UsageError before anything is read, since that is a mistake in the command, not in the data; a URL that
    cannot be fetched is a Rejection like any bad file."""
    # lexists: a symlink that loops or dangles is there, and becomes a rejection with its reason below.
    missing = [p for p in paths if p != STDIN and not is_url(p) and not os.path.lexists(p)]
    if missing:
        raise UsageError(f"no such file or directory: {missing[0]}; check the path")
    pages = _Pages(fetcher)
    try:
        for path in paths:
            if path == STDIN:
                yield from read_stdin(stdin if stdin is not None else sys.stdin)
            elif is_url(path):
                yield pages.read(path)
            elif not os.path.exists(path):
                yield _broken_link(path)
            elif os.path.isdir(path):
                for file in _walk(Path(path)):
                    yield from read_file(str(file))
            else:
                yield from read_file(path)
    finally:
        pages.close()


def read_file(path: str) -> Iterator[Item]:
    """One file's articles; any failure to read it becomes a Rejection, never an exception."""
    reader = _READERS.get(Path(path).suffix.lower())
    if reader is None:
        yield _unsupported(path)
        return
    try:
        yield from reader(path)
    except OSError as exc:
        yield reject(path, InputError.code,
                     f"cannot read it ({exc.strerror or exc}); check that it exists and is readable")


def _broken_link(path: str) -> Rejection:
    try:
        os.stat(path)
        why = "it cannot be read"
    except OSError as exc:
        why = exc.strerror or str(exc)
    return reject(path, InputError.code, f"a symbolic link that cannot be followed ({why}: it loops or points to "
                  "nothing); give the file it should point to")


def read_stdin(stream: TextIO) -> Iterator[Item]:
    try:
        yield from parse_jsonl_lines(stream, STDIN_NAME)
    except UnicodeDecodeError as exc:
        # The terminal's decoder failed mid-stream; what was read stands, the rest cannot be trusted.
        yield reject(STDIN_NAME, REJECT_ENCODING,
                     f"stdin is not UTF-8 ({exc.reason}); pipe UTF-8 JSONL into it, e.g. through iconv")


class _Pages:
    """URL arguments: the fetcher is made on the first one (and closed at the end) only if none was given."""

    def __init__(self, fetcher: Fetcher | None) -> None:
        self._fetcher, self._owned = fetcher, False

    def read(self, url: str) -> Item:
        try:
            from eventwire.ingest.pages import read_page
        except ImportError:
            return reject(url, REJECT_UNSUPPORTED, f"reading web pages needs httpx and trafilatura; {LIVE_HINT}")
        if self._fetcher is None:
            from eventwire.ingest.fetch import Fetcher

            self._fetcher, self._owned = Fetcher(), True
        article, _outcome = read_page(url, self._fetcher)
        # An unconditional request is never answered "not modified"; a server that does so anyway sent no page.
        return article or reject(url, InputError.code, "the server answered 304 Not Modified to a plain request; "
                                 "try again later")

    def close(self) -> None:
        if self._owned and self._fetcher is not None:
            self._fetcher.close()


def _unsupported(path: str) -> Rejection:
    suffix = Path(path).suffix or "(no extension)"
    kinds = ", ".join(SUPPORTED_SUFFIXES)
    return reject(path, REJECT_UNSUPPORTED,
                  f"eventwire does not read {suffix} files; convert it to {kinds}, or leave it out")


def _walk(root: Path) -> Iterator[Path]:
    """Every non-hidden file under root, in an order that does not depend on the file system."""
    found: list[Path] = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        found.extend(Path(directory, name) for name in files if not name.startswith("."))
    yield from sorted(found, key=lambda p: p.relative_to(root).parts)
