"""extract, run, export, times and demo."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from eventwire.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    db_option,
    emit,
    fail,
    gazetteer_option,
    language_rejection,
    open_pipeline,
    paths_argument,
    progress,
    progress_bar,
    read,
    report_rejections,
    user_errors,
)
from eventwire.errors import StoreError
from eventwire.records import Rejection

if TYPE_CHECKING:
    from eventwire.engine.run import Engine


@click.command()
@paths_argument
@gazetteer_option
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out events below this confidence.")
def extract(paths: tuple[str, ...], gazetteer_path: str | None, min_confidence: float) -> None:
    """Print events (eventwire.event/1 JSONL) for articles; no database.

    PATH is a file (.txt in the seed format, .jsonl, .csv, .html), an http(s) URL of an article page,
    a directory (read recursively) or - for article JSONL on stdin.

    \b
    Example:
      eventwire extract examples/ | jq -r '.sub_event_type'
      cat articles.jsonl | eventwire extract - > events.jsonl
    """
    rejected: list[Rejection] = []
    with user_errors():
        pipeline = open_pipeline(gazetteer_path)
        for result in progress(pipeline.process(read(paths)), "extract"):
            if isinstance(result, Rejection):
                rejected.append(result)
                continue
            for event in result.events:
                if event.confidence >= min_confidence:
                    emit(event.to_dict())
    report_rejections(rejected)
    sys.exit(EXIT_REJECTED if rejected else EXIT_OK)


@click.command()
@paths_argument
@db_option
@gazetteer_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: in this process; dask: on a Dask cluster (a local one unless --scheduler).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="A running Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --engine dask).")
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True,
              help="Worker processes of the local Dask cluster.")
@click.option("--partition-size", type=click.IntRange(1), default=32, show_default=True,
              help="Inputs per partition: the unit of work, of retry and of resuming.")
def run(paths: tuple[str, ...], db: str | None, gazetteer_path: str | None, engine: str, scheduler: str | None,
        workers: int, partition_size: int) -> None:
    """Ingest, extract and store events (SQLite by default); safe to run again on the same input.

    PATH is as for `extract`: files (.txt, .jsonl, .csv, .html), article URLs, directories, or -.
    A run that is stopped part-way resumes where it stopped when the same command is run again.

    \b
    Example:
      eventwire run examples/ --db events.db
      eventwire run archive/ --engine dask --workers 4 --db postgresql://localhost/events
      eventwire export --db events.db --format geojson > events.geojson
    """
    from eventwire.engine.run import run_partitions
    from eventwire.store import open_store, store_location

    engine = "dask" if scheduler else engine
    with user_errors(), open_store(db) as store, _open_engine(engine, gazetteer_path, scheduler, workers) as runner:
        bar = progress_bar("run")
        try:
            summary = run_partitions(read(paths), runner, store, run_inputs(paths), partition_size, bar.update)
        except KeyboardInterrupt:
            bar.close()
            fail("interrupted; what was stored stays stored: run the same command again to resume")
        bar.close()
    report_rejections(summary.rejections)
    fused = summary.fusion
    resumed = (f"resumed an unfinished run: {summary.resumed_partitions} partitions were already stored; "
               if summary.resumed_partitions else "")
    fusion_note = (f"; fusion: {fused.mentions} mentions into {fused.events} events "
                   f"({fused.merged} merged with another report)" if fused and fused.mentions else "")
    updated = f"{summary.updated} updated, " if summary.updated else ""
    click.echo(f"{resumed}{summary.inputs} inputs: {summary.articles} articles ({updated}{summary.events} events, "
               f"{summary.no_event_articles} articles without events), {summary.rejected} rejected"
               f"{fusion_note}; stored in {store_location(db)}", err=True)
    if summary.reattached:
        click.echo(f"eventwire: analysts' corrections of {summary.reattached} event(s) moved to the updated "
                   "articles' reports of the same events", err=True)
    if summary.orphaned:
        shown = ", ".join(summary.orphaned[:5]) + (", ..." if len(summary.orphaned) > 5 else "")
        click.echo(f"eventwire: {len(summary.orphaned)} corrected event(s) no longer reported by their updated "
                   f"article ({shown}); their corrections and revisions stay in the database under those ids",
                   err=True)
    for failure in summary.failed_partitions:
        click.echo(f"eventwire: {failure}; run the same command again to retry", err=True)
    sys.exit(EXIT_REJECTED if summary.rejected else EXIT_OK)


@contextmanager
def _open_engine(name: str, gazetteer_path: str | None, scheduler: str | None, workers: int) -> Iterator[Engine]:
    """The pipeline is loaded where it runs: here for the local engine, on each worker for Dask."""
    from eventwire.geo.build import ensure_gazetteer

    if name == "local":
        from eventwire.engine.local import LocalEngine

        yield LocalEngine(open_pipeline(gazetteer_path))
        return
    from eventwire.engine.cluster import DaskEngine

    gazetteer = str(ensure_gazetteer(Path(gazetteer_path) if gazetteer_path else None).resolve())
    engine = DaskEngine(gazetteer, scheduler, workers)
    try:
        yield engine
    finally:
        engine.close()


def run_inputs(paths: Sequence[str]) -> list[str]:
    """The inputs as a run records them: files by absolute path, so that the same command resumes from
    another directory too; URLs and `-` as given."""
    return [p if p == "-" or "://" in p else _absolute(p) for p in paths]


def _absolute(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13): ingest rejects it
        return os.path.abspath(path)


@click.command()
@db_option
@click.option("--format", "fmt", required=True, help="jsonl, csv, acled-csv or geojson.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of stdout.")
def export(db: str | None, fmt: str, output: str | None) -> None:
    """Export stored events: jsonl (eventwire.event/1), csv, acled-csv (ACLED's columns) or geojson.

    \b
    Example:
      eventwire export --db events.db --format acled-csv -o events.csv
    """
    from eventwire.export import export_events
    from eventwire.store import open_store

    with user_errors():
        if db is not None and "://" not in db and not Path(db).exists():
            raise StoreError(f"no database at {db}; create one with `eventwire run PATH --db {db}`")
        with open_store(db, read_only=True) as store, ExitStack() as stack:  # it only reads
            out = stack.enter_context(open(output, "w", encoding="utf-8", newline="")) if output else sys.stdout
            n = export_events(store.events(), fmt, out)
    click.echo(f"exported {n} events as {fmt}" + (f" to {output}" if output else ""), err=True)


@click.command()
@paths_argument
def times(paths: tuple[str, ...]) -> None:
    """Print every time expression (TIMEX3 type and value, with its date interval) as JSONL.

    \b
    Example:
      eventwire times examples/ | jq -c '[.text, .value]'
    """
    from eventwire.lang.identify import SUPPORTED, identify
    from eventwire.timex.tagger import tag_times

    rejected: list[Rejection] = []
    with user_errors():
        for item in read(paths):
            if isinstance(item, Rejection):
                rejected.append(item)
                continue
            language = identify(item.text, item.language)
            if language != "en" and language not in SUPPORTED:
                rejected.append(language_rejection(item, language))
                continue
            for mention in tag_times(item.text, item.published, item.id, language=language):
                emit(mention.to_dict())
    report_rejections(rejected)
    sys.exit(EXIT_REJECTED if rejected else EXIT_OK)


COMMANDS = [extract, run, export, times]
