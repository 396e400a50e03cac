"""Resources the commands share: opening the pipeline, reading inputs, progress on stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from eventwire.pipeline import Pipeline
from eventwire.records import Article, Rejection

if TYPE_CHECKING:
    from tqdm.std import tqdm

T = TypeVar("T")


def open_pipeline(gazetteer_path: str | None) -> Pipeline:
    """The pipeline for a command (gazetteer built on first use)."""
    from eventwire.pipeline import open_pipeline as _open

    return _open(Path(gazetteer_path) if gazetteer_path else None)


def read(paths: Sequence[str]) -> Iterator[Article | Rejection]:
    from eventwire.ingest import read_inputs

    return read_inputs(paths)


def progress(items: Iterable[T], label: str) -> Iterable[T]:
    """A progress bar on stderr when stderr is a terminal; nothing otherwise (stdout stays data only)."""
    from tqdm.std import tqdm

    return tqdm(items, desc=label, unit=" article", file=sys.stderr, disable=not sys.stderr.isatty(), leave=False)


def progress_bar(label: str) -> tqdm:
    """A bar to advance by hand (`update(n)`), shown only when stderr is a terminal."""
    from tqdm.std import tqdm

    return tqdm(desc=label, unit=" input", file=sys.stderr, disable=not sys.stderr.isatty(), leave=False)


def report_rejections(rejections: Sequence[Rejection]) -> None:
    for r in rejections:
        click.echo(f"rejected {r.input} [{r.code}, {r.stage}]: {r.reason}", err=True)
