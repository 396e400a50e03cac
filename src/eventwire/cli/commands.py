"""extract, run, export, times and demo."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path

import click

from eventwire.cli import (
    EXIT_OK,
    EXIT_REJECTED,
    db_option,
    emit,
    gazetteer_option,
    paths_argument,
    user_errors,
)
from eventwire.cli.common import open_pipeline, progress, read, report_rejections
from eventwire.errors import StoreError
from eventwire.records import Rejection


@click.command()
@paths_argument
@gazetteer_option
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out events below this confidence.")
def extract(paths: tuple[str, ...], gazetteer_path: str | None, min_confidence: float) -> None:
    """Print events (eventwire.event/1 JSONL) for articles; no database.

    PATH is a file (.txt in the seed format, .jsonl, .csv), a directory (read recursively)
    or - for article JSONL on stdin.

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
def run(paths: tuple[str, ...], db: str | None, gazetteer_path: str | None) -> None:
    """Ingest, extract and store events (SQLite by default); safe to run again on the same input.

    \b
    Example:
      eventwire run examples/ --db events.db
      eventwire export --db events.db --format geojson > events.geojson
    """
    from eventwire.jobs import run_into_store
    from eventwire.store import open_store, sqlite_path

    with user_errors():
        pipeline = open_pipeline(gazetteer_path)
        with open_store(db) as store:
            run_id = store.start_run(list(paths))
            summary = run_into_store(progress(read(paths), "run"), pipeline, store)
            store.finish_run(run_id, summary.stats())
    report_rejections(summary.rejections)
    fused = summary.fusion
    fusion_note = (f"; fusion: {fused.mentions} mentions into {fused.events} events "
                   f"({fused.merged} merged with another report)" if fused and fused.mentions else "")
    click.echo(f"{summary.inputs} inputs: {summary.articles} articles ({summary.events} events, "
               f"{summary.no_event_articles} articles without events), {len(summary.rejections)} rejected"
               f"{fusion_note}; stored in {sqlite_path(db)}", err=True)
    sys.exit(EXIT_REJECTED if summary.rejections else EXIT_OK)


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
        with open_store(db) as store, ExitStack() as stack:
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
    from eventwire.timex.tagger import tag_times

    rejected: list[Rejection] = []
    with user_errors():
        for item in read(paths):
            if isinstance(item, Rejection):
                rejected.append(item)
                continue
            for mention in tag_times(item.text, item.published, item.id):
                emit(mention.to_dict())
    report_rejections(rejected)
    sys.exit(EXIT_REJECTED if rejected else EXIT_OK)


COMMANDS = [extract, run, export, times]
