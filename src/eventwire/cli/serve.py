"""serve and loadtest: the HTTP API and the web page (issue 7); tokens are in tokens.py."""

from __future__ import annotations

import click

from eventwire.cli.common import db_option, user_errors


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 127.0.0.1 keeps the server to this machine.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the HTTP API (docs at /docs) and the map-and-timeline page at /."""
    import uvicorn

    from eventwire.web import create_app

    with user_errors():
        app = create_app(db, host=host)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"eventwire: serving the page at http://{shown}:{port}/ and the API docs at "
               f"http://{shown}:{port}/docs (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command()
@click.option("--events", "n_events", default=100_000, show_default=True, type=click.IntRange(1, 2_000_000),
              help="How many synthetic events the database holds.")
@click.option("--db", "db", default=None, metavar="URL",
              help="The load-test database, a SQLite path or postgresql://… (reused when it already holds enough "
                   "events; default a SQLite file in /tmp).")
@click.option("--requests", "n_requests", default=3000, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--concurrency", default=8, show_default=True, type=click.IntRange(1, 256))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def loadtest(n_events: int, db: str | None, n_requests: int, concurrency: int, as_json: bool) -> None:
    """Fill a database with synthetic events, serve it on loopback and time list/filter requests."""
    from eventwire.bench.loadtest import run_loadtest

    with user_errors():
        run_loadtest(n_events=n_events, db=db, n_requests=n_requests, concurrency=concurrency, as_json=as_json)


COMMANDS: list[click.Command] = [serve, loadtest]
