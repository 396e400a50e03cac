"""token create|list|revoke: API tokens for the write endpoints (corrections), with optional expiry."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import click

from eventwire.cli.common import db_option, user_errors

_UNITS = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def parse_expiry(value: str, at: datetime | None = None) -> datetime:
    """'30d', '12h', '90m', '2w' from now, or a date (YYYY-MM-DD, the end of that day UTC) or an ISO time."""
    at = at or datetime.now(UTC)
    match = re.fullmatch(r"\s*(\d{1,6})\s*([mhdw])\s*", value.lower())
    if match:
        moment = at + int(match.group(1)) * _UNITS[match.group(2)]
    else:
        try:
            moment = (datetime.combine(date.fromisoformat(value.strip()) + timedelta(days=1), datetime.min.time(),
                                       UTC) if len(value.strip()) == 10 else datetime.fromisoformat(value.strip()))
        except ValueError:
            raise click.BadParameter(f"{value!r} is not a duration or a date; write e.g. 30d, 12h, 2w or "
                                     "2026-12-31", param_hint="--expires") from None
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if moment <= at:
        raise click.BadParameter(f"{value!r} is already past; give a time to come", param_hint="--expires")
    return moment


@click.group()
def token() -> None:
    """API tokens for the write endpoints (corrections): create, list, revoke."""


@token.command("create")
@click.argument("name")
@click.option("--expires", default=None, metavar="WHEN",
              help="When it stops working: 30d, 12h, 90m, 2w from now, or a date (2026-12-31). Default: never.")
@db_option
def token_create(name: str, expires: str | None, db: str | None) -> None:
    """Create a token for NAME (recorded as who made each change); it is shown once.

    \b
    Example:
      eventwire token create ana --expires 30d --db events.db
    """
    from eventwire.store import open_store

    if not name.strip():
        raise click.BadParameter("give a name, e.g. your initials", param_hint="NAME")
    until = parse_expiry(expires) if expires else None
    with user_errors(), open_store(db) as store:
        secret = store.create_token(name.strip(), until)
    click.echo(secret)
    lasts = f" until {until.isoformat(timespec='minutes')}" if until else ""
    click.echo(f"token for {name.strip()!r} created{lasts}; it is shown only this once. Send it as the header "
               "Authorization: Bearer TOKEN, or paste it into the page's token box.", err=True)


@token.command("list")
@db_option
def token_list(db: str | None) -> None:
    """List tokens (id, name, created, expires, state); the secrets are never stored, so never shown.

    \b
    Example:
      eventwire token list --db events.db
    """
    from eventwire.store import open_store
    from eventwire.store.migrations import now

    with user_errors(), open_store(db) as store:
        tokens = store.list_tokens()
    stamp = now()
    click.echo("id\tname\tcreated\texpires\tstate")
    for t in tokens:
        click.echo(f"{t.id}\t{t.name}\t{t.created_at}\t{t.expires_at or 'never'}\t{t.state(stamp)}")
    if not tokens:
        click.echo("no tokens; create one with `eventwire token create NAME`", err=True)


@token.command("revoke")
@click.argument("which", metavar="ID_OR_NAME")
@db_option
def token_revoke(which: str, db: str | None) -> None:
    """Revoke a token by its id (from `token list`), or every active token of a name; the API then answers 401.

    \b
    Example:
      eventwire token revoke ana --db events.db
    """
    from eventwire.store import open_store

    with user_errors(), open_store(db) as store:
        revoked = store.revoke_token(which.strip())
    for t in revoked:
        click.echo(f"revoked token {t.id} of {t.name!r}", err=True)


COMMANDS: list[click.Command] = [token]
