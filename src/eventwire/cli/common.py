"""What the commands share: exit codes, options, error handling, opening the pipeline, reading inputs and
progress on stderr. Light at import: the pipeline (spaCy, torch) is imported only when a command opens it."""

from __future__ import annotations

import errno
import functools
import json
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from eventwire.errors import DiskFull, EventwireError, InputError, ReadOnlyStore

if TYPE_CHECKING:
    from tqdm.std import tqdm

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article, Rejection

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])
EXIT_OK, EXIT_REJECTED, EXIT_FAILED = 0, 1, 2


def emit(record: dict[str, Any]) -> None:
    """One JSON object per line on stdout, UTF-8, as the contract says."""
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def fail(message: str) -> None:
    click.echo(f"eventwire: {message}", err=True)
    sys.exit(EXIT_FAILED)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the project's named errors into one line on stderr and exit code 2."""
    try:
        yield
    except EventwireError as exc:
        fail(str(exc))
    except BrokenPipeError:  # `eventwire extract … | head`: the reader left; that is not an error
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except UnicodeDecodeError as exc:  # a data file (gold standard, results) that is not text
        fail(str(InputError(f"a file it reads is not UTF-8 text ({exc.reason} at byte {exc.start}); check that "
                            "the path points to the right file")))
    except (OSError, sqlite3.OperationalError) as exc:
        known = environment_error(exc)
        if known is None:
            raise
        fail(str(known))
    except Exception as exc:
        if getattr(exc, "sqlstate", None) != "53100":  # PostgreSQL's disk_full
            raise
        fail(str(DiskFull(f"the database server's disk is full ({exc}); free space there and run the same "
                          "command again: what was stored stays stored")))


def environment_error(exc: BaseException) -> EventwireError | None:
    """The named error for a machine's condition a user can meet (a full disk, a read-only database, a symlink
    loop), or None for anything else (a bug, which keeps its traceback)."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc)
        if "disk is full" in text:
            return DiskFull(f"the disk is full ({text}); free some space and run the same command again: "
                            "what was stored stays stored, and a run resumes where it stopped")
        if "readonly database" in text:
            return ReadOnlyStore(f"the database is read-only ({text}); reading commands (export, serve) work on "
                                 "it, writing needs a --db on a writable disk")
        return None
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return DiskFull(f"no space left on the disk ({exc.filename or exc}); free some space and run the same "
                        "command again: what was stored stays stored, and a run resumes where it stopped")
    if isinstance(exc, OSError) and exc.errno == errno.ELOOP:
        return EventwireError(f"{exc.filename or exc} is a symbolic link loop (it points back to itself); "
                              "give the file it should point to")
    return None


def paths_argument(func: F) -> F:
    return click.argument("paths", nargs=-1, required=True, metavar="PATH...")(func)


def db_option(func: F) -> F:
    return click.option("--db", "db", default=None, metavar="URL",
                        help="Database: a SQLite path, sqlite:///path or postgresql://user:password@host/dbname "
                        "(default ./eventwire.db).")(func)


def gazetteer_option(func: F) -> F:
    return click.option("--gazetteer", "gazetteer_path", default=None, metavar="PATH", envvar="EVENTWIRE_GAZETTEER",
                        help="Gazetteer SQLite file (default: built on first use in ~/.cache/eventwire).")(func)


def open_pipeline(gazetteer_path: str | None) -> Pipeline:
    """The pipeline for a command (gazetteer built on first use). Opened once per process and gazetteer: commands
    run in one process (the tests' CliRunner) share it instead of loading spaCy and the classifier again."""
    return _open_pipeline(gazetteer_path)


@functools.cache
def _open_pipeline(gazetteer_path: str | None) -> Pipeline:
    from eventwire.pipeline import open_pipeline as _open

    return _open(Path(gazetteer_path) if gazetteer_path else None)


def read(paths: Sequence[str]) -> Iterator[Article | Rejection]:
    from eventwire.ingest import read_inputs

    return read_inputs(paths)


def language_rejection(article: Article, language: str) -> Rejection:
    """The same rejection `extract` gives an article in a language eventwire does not read (E114)."""
    from eventwire.errors import REJECT_LANGUAGE
    from eventwire.lang.identify import unsupported_reason
    from eventwire.records import Rejection

    return Rejection(article.origin or article.id, "ingest", REJECT_LANGUAGE, unsupported_reason(language))


def progress(items: Iterable[T], label: str) -> Iterable[T]:
    """A progress bar on stderr when stderr is a terminal; nothing otherwise (stdout stays data only)."""
    from tqdm.std import tqdm

    return tqdm(items, desc=label, unit=" article", file=sys.stderr, disable=not sys.stderr.isatty(), leave=False)


def progress_bar(label: str) -> tqdm:
    """A bar to advance by hand (`update(n)`), shown only when stderr is a terminal."""
    from tqdm.std import tqdm

    return tqdm(desc=label, unit=" input", file=sys.stderr, disable=not sys.stderr.isatty(), leave=False)


def report_rejections(rejections: Sequence[Rejection]) -> None:
    for r in rejections:
        click.echo(f"rejected {r.input} [{r.code}, {r.stage}]: {r.reason}", err=True)
