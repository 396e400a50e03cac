"""train: fit the event classifier from labelled data (issue 5)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
