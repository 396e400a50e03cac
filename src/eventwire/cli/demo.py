"""demo: the main job on the bundled examples, with a readable summary."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from eventwire.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    db_option,
    gazetteer_option,
    open_pipeline,
    report_rejections,
    user_errors,
)
from eventwire.records import Event

SEED = Path("../shared/data/seed/2024-11-08-russia-urges-west.txt")


@click.command()
@db_option
@gazetteer_option
@click.option("--examples", type=click.Path(exists=True, file_okay=False), default="examples", show_default=True)
def demo(db: str | None, gazetteer_path: str | None, examples: str) -> None:
    """Run the whole job on the bundled examples (and the seed article when ../shared is beside the
    repo), store the events in SQLite and print a summary."""
    from eventwire.engine.run import run_local
    from eventwire.ingest import read_inputs
    from eventwire.store import is_postgres, open_store, store_location

    inputs = [examples] + ([str(SEED)] if SEED.is_file() else [])
    with user_errors():
        pipeline = open_pipeline(gazetteer_path)
        with open_store(db) as store:
            # A fresh run each time (not a resumed one), so the summary counts every example.
            summary = run_local(read_inputs(inputs), pipeline, store, inputs, resume=False)
            events = list(store.events())
    click.echo(summary_table(events))
    report_rejections(summary.rejections)
    # The next commands need the URL as given (a PostgreSQL password included); messages hide the password.
    where = db if db and is_postgres(db) else store_location(db)
    click.echo(f"\n{summary.articles} articles read from {', '.join(inputs)}: {summary.events} events; "
               f"articles without events: {summary.no_event_articles}; rejected inputs: {len(summary.rejections)}.")
    if not SEED.is_file():
        click.echo(f"(The seed article was not found at {SEED}: put the shared data folder beside the repo "
                   "to include it.)")
    click.echo(f"Stored in {store_location(db)}. Next:\n"
               f"  .venv/bin/eventwire export --db {where} --format jsonl      # every field, with evidence\n"
               f"  .venv/bin/eventwire export --db {where} --format acled-csv  # for ACLED tooling\n"
               f"  .venv/bin/eventwire extract YOUR_ARTICLES/                   # events as JSONL, no database\n"
               "See the events on a map:\n"
               f"  .venv/bin/eventwire serve --db {where}\n"
               "  then open http://127.0.0.1:8000/ (API docs at http://127.0.0.1:8000/docs)")
    sys.exit(EXIT_REJECTED if summary.rejections else EXIT_OK)


def summary_table(events: list[Event]) -> str:
    rows = [("type", "date", "place", "attribution", "modality")]
    for e in events:
        # an event with no ACLED type (a demand, a threat) is shown by its PLOVER type, marked as such
        kind = e.sub_event_type or (f"{e.plover.type} (PLOVER only)" if e.plover else "?")
        when = f"{e.date.start}" + (f"..{e.date.end}" if e.date and e.date.end != e.date.start else "") \
            if e.date else "-"
        place = f"{e.location.place.name} (p{e.location.place.precision})" if e.location else "-"
        who = e.attribution.status + (f": {e.attribution.source}" if e.attribution.source else "")
        rows.append((kind, when, place, who, e.modality))
    widths = [min(36, max(len(r[i]) for r in rows)) for i in range(5)]
    return "\n".join("  ".join(cell[:w].ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows)


COMMANDS = [demo]
