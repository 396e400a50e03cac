"""serve and token: the HTTP API and the web page (issue 7)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
