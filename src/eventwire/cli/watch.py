"""watch: poll RSS/Atom feeds and store the events of new articles."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import click

from eventwire.cli.common import (
    EXIT_FAILED,
    db_option,
    fail,
    gazetteer_option,
    open_pipeline,
    report_rejections,
    user_errors,
)


def _interval(ctx: click.Context, param: click.Parameter, value: str) -> float:
    from eventwire.live.watch import parse_interval

    try:
        return parse_interval(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@click.argument("feeds", nargs=-1, required=True, metavar="FEED_URL...")
@db_option
@gazetteer_option
@click.option("--every", default="15m", show_default=True, callback=_interval, metavar="INTERVAL",
              help="Time between polls: 30s, 15m, 1h, 1h30m.")
@click.option("--once", is_flag=True, help="Poll a single time and exit.")
@click.option("--user-agent", default=None, metavar="TEXT",
              help="User-Agent header (default: eventwire/VERSION with the project URL); add a contact address.")
@click.option("--rate", type=click.FloatRange(min=0), default=1.0, show_default=True, metavar="SECONDS",
              help="Least time between two requests to the same host (robots.txt Crawl-delay can raise it).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True, metavar="SECONDS",
              help="Give up on a request that is silent this long (it is tried again, then on the next poll).")
def watch(feeds: tuple[str, ...], db: str | None, gazetteer_path: str | None, every: float, once: bool,
          user_agent: str | None, rate: float, timeout: float) -> None:
    """Poll RSS/Atom feeds and run new articles' pages into the database, until interrupted (Ctrl-C).

    Pages are fetched politely: robots.txt is respected, one host is asked at most once per
    --rate seconds, failures are retried with backoff. A page is fetched once; a feed is asked
    for conditionally. A one-line summary per poll goes to stderr.

    \b
    Example:
      eventwire watch https://example.org/world/rss.xml --every 15m --db events.db
      eventwire watch https://example.org/atom.xml --once   # a single poll (e.g. from cron)
    """
    try:
        from eventwire.ingest.fetch import DEFAULT_USER_AGENT, Fetcher, FetchPolicy
        from eventwire.live.watch import PollSummary
        from eventwire.live.watch import watch as run_watch
    except ImportError as exc:
        fail(f"watch needs the live extra ({exc.name} is missing); pip install 'eventwire[live]'")
    from eventwire.store import open_store, store_location

    bad = [f for f in feeds if not f.lower().startswith(("http://", "https://"))]
    if bad:
        fail(f"{bad[0]!r} is not a feed URL; give http(s) addresses of RSS or Atom feeds")

    def report(summary: PollSummary) -> None:
        report_rejections(summary.rejections)
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ")
        click.echo(f"{stamp} poll: {summary.line()}; stored in {store_location(db)}", err=True)

    policy = FetchPolicy(user_agent=user_agent or DEFAULT_USER_AGENT, min_interval=rate, read_timeout=timeout,
                         connect_timeout=min(timeout, 10.0), total_timeout=max(3 * timeout, 60.0))
    last: PollSummary | None = None

    def remember(summary: PollSummary) -> None:
        nonlocal last
        last = summary
        report(summary)

    with user_errors():
        pipeline = open_pipeline(gazetteer_path)
        with open_store(db) as store, Fetcher(policy) as fetcher:
            try:
                run_watch(list(feeds), fetcher, pipeline, store, every=every, once=once, report=remember)
            except KeyboardInterrupt:
                click.echo("stopped", err=True)
    sys.exit(last.exit_code if last is not None else EXIT_FAILED)


COMMANDS = [watch]
