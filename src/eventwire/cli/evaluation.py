"""eval and bench: quality and speed figures, printed (and with --json, one JSON object)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import click

from eventwire.cli import user_errors
from eventwire.errors import UsageError


class Report(Protocol):
    def table(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...


def _seed(data: Path, limit: int | None, gazetteer_path: str | None) -> Report:
    from eventwire.evaluate.seed import evaluate_seed

    return evaluate_seed(data, gazetteer_path)


def _geoparsing(data: Path, limit: int | None, gazetteer_path: str | None) -> Report:
    from eventwire.evaluate.geoparsing import evaluate_geoparsing

    return evaluate_geoparsing(data, limit=limit, gazetteer_path=_path(gazetteer_path))


def _ukraine_places(data: Path, limit: int | None, gazetteer_path: str | None) -> Report:
    from eventwire.evaluate.ukraine_places import evaluate_ukraine_places

    return evaluate_ukraine_places(data, limit=limit, gazetteer_path=_path(gazetteer_path))


def _tempeval(data: Path, limit: int | None, gazetteer_path: str | None) -> Report:
    from eventwire.evaluate.tempeval import evaluate_tempeval

    return evaluate_tempeval(data, limit=limit)


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


SUITES: dict[str, Callable[[Path, int | None, str | None], Report]] = {
    "seed": _seed,
    "geoparsing": _geoparsing,
    "ukraine-places": _ukraine_places,
    "tempeval": _tempeval,
}


@click.command("eval")
@click.argument("suite", type=click.Choice(sorted(SUITES)))
@click.option("--data", required=True, type=click.Path(exists=True), help="The suite's data file or folder.")
@click.option("--limit", type=int, default=None, help="Use only the first N documents.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option("--gazetteer", "gazetteer_path", default=None, envvar="EVENTWIRE_GAZETTEER", hidden=True)
def evaluate(suite: str, data: str, limit: int | None, as_json: bool, gazetteer_path: str | None) -> None:
    """Measure quality on an evaluation suite.

    \b
    Suites:
      seed            the seed article against its hand-coded .gold.json (--data the seed folder)
      geoparsing      GeoWebNews/LGL/TR-News/GeoVirus XML (--data GWN.xml)
      ukraine-places  UCDP GED Ukraine place names (--data events.csv)
      tempeval        TempEval-3 TimeML folder (--data TBAQ-cleaned)
    \b
    Example:
      eventwire eval seed --data ../shared/data/seed
    """
    with user_errors():
        report = SUITES[suite](Path(data), limit, gazetteer_path)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    else:
        click.echo(report.table())


@click.command()
@click.option("--data", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Article JSONL, e.g. ../shared/data/bench/reuters-21578.jsonl.")
@click.option("--limit", type=int, default=1000, show_default=True, help="Articles to use.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with the figures.")
@click.option("--gazetteer", "gazetteer_path", default=None, envvar="EVENTWIRE_GAZETTEER", hidden=True)
def bench(data: str, limit: int, as_json: bool, gazetteer_path: str | None) -> None:
    """Measure speed: the spaCy pass alone and the full per-article pipeline, in one run.

    \b
    Example:
      eventwire bench --data ../shared/data/bench/reuters-21578.jsonl --limit 2000
    """
    from eventwire.bench import run_bench

    with user_errors():
        if limit <= 0:
            raise UsageError("--limit must be a positive number of articles")
        result = run_bench(Path(data), limit, gazetteer_path)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict()) + "\n")
    else:
        click.echo(result.table())


COMMANDS = [evaluate, bench]
