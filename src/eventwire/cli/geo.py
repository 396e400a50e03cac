"""places and gazetteer."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from eventwire.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    emit,
    gazetteer_option,
    language_rejection,
    open_pipeline,
    paths_argument,
    progress,
    read,
    report_rejections,
    user_errors,
)
from eventwire.errors import GazetteerError
from eventwire.records import Rejection


@click.command()
@paths_argument
@gazetteer_option
def places(paths: tuple[str, ...], gazetteer_path: str | None) -> None:
    """Print every place mention with its resolved place (or null and a reason) as JSONL.

    \b
    Example:
      eventwire places examples/ | jq -c '[.text, .place.name, .place.precision]'
    """
    from eventwire.geo.resolve import places_for_doc
    from eventwire.lang.identify import SUPPORTED, identify
    from eventwire.lang.places import find_places
    from eventwire.lang.text import sentences
    from eventwire.nlp import parse

    rejected: list[Rejection] = []
    with user_errors():
        pipeline = open_pipeline(gazetteer_path)
        english = []
        for item in read(paths):
            if isinstance(item, Rejection):
                rejected.append(item)
                continue
            language = identify(item.text, item.language)
            if language == "en":
                english.append(item)
            elif language in SUPPORTED:  # Ukrainian and Russian: the places `extract` reads in them
                for mention in find_places(item.text, sentences(item.text), pipeline.gazetteer, item.id):
                    emit(mention.to_dict())
            else:
                rejected.append(language_rejection(item, language))
        docs = parse(a.text for a in english)
        for article, doc in progress(zip(english, docs, strict=True), "places"):
            for mention in places_for_doc(doc, article.id, pipeline.gazetteer, article.url):
                emit(mention.to_dict())
    report_rejections(rejected)
    sys.exit(EXIT_REJECTED if rejected else EXIT_OK)


@click.group()
def gazetteer() -> None:
    """Build and inspect the local gazetteer (GeoNames, KATOTTG, admin names)."""


@gazetteer.command("build")
@click.option("--path", "path", type=click.Path(dir_okay=False), default=None,
              help="Where to write it (default: ~/.cache/eventwire, or $EVENTWIRE_GAZETTEER).")
@click.option("--postal", type=click.Path(exists=True, dir_okay=False), default=None,
              help="GeoNames postal-code file for Ukraine (UA.txt) to locate villages.")
@click.option("--if-missing", is_flag=True, help="Do nothing when the gazetteer already exists.")
def gazetteer_build(path: str | None, postal: str | None, if_missing: bool) -> None:
    """Build the gazetteer from the installed data packages (offline; under a minute).

    \b
    Example:
      eventwire gazetteer build --postal ~/Downloads/UA.txt
    """
    from eventwire.geo.build import build_gazetteer, default_gazetteer_path, default_postal_file

    with user_errors():
        target = Path(path) if path else default_gazetteer_path()
        if if_missing and target.is_file():
            click.echo(f"gazetteer present at {target}", err=True)
            return
        postal_file = Path(postal) if postal else default_postal_file()
        stats = build_gazetteer(target, postal_file)
    click.echo(f"gazetteer built at {stats.path}: {stats.places} places, {stats.names} names, "
               f"{stats.size_bytes / 1e6:.0f} MB in {stats.seconds:.0f}s"
               + (f" (villages located with {stats.postal_file})" if stats.postal_file else
                  " (no postal file: villages located by their hromada or raion centre)"), err=True)


@gazetteer.command("add")
@click.argument("source")
@gazetteer_option
def gazetteer_add(source: str, gazetteer_path: str | None) -> None:
    """Merge a GeoNames dump (a file or an http(s) URL) into the gazetteer.

    SOURCE is allCountries.txt, a country file such as UA.txt (plain or zipped), or alternateNames.txt,
    as served by download.geonames.org/export/dump/. Places the gazetteer has gain names and, where it
    only had an estimate, GeoNames' coordinates; others are added.

    \b
    Example:
      eventwire gazetteer add https://download.geonames.org/export/dump/UA.zip
    """
    from eventwire.geo.add import add_to_gazetteer
    from eventwire.geo.build import default_gazetteer_path

    with user_errors():
        path = Path(gazetteer_path) if gazetteer_path else default_gazetteer_path()
        stats = add_to_gazetteer(path, source)
    click.echo(f"merged {stats.kind} from {stats.source} into {path}: {stats.rows} rows read, "
               f"{stats.added} places added, {stats.updated} given GeoNames coordinates, "
               f"{stats.names} names, in {stats.seconds:.0f}s", err=True)


@gazetteer.command("info")
@gazetteer_option
def gazetteer_info(gazetteer_path: str | None) -> None:
    """Show the gazetteer's sources, versions, licences and row counts."""
    from eventwire.geo.build import default_gazetteer_path
    from eventwire.geo.gazetteer import Gazetteer

    with user_errors():
        path = Path(gazetteer_path) if gazetteer_path else default_gazetteer_path()
        if not path.is_file():
            raise GazetteerError(f"no gazetteer at {path}; build it with `eventwire gazetteer build`")
        with Gazetteer.open(path) as gaz:
            click.echo(f"gazetteer: {path}")
            for source, version, licence, rows, note in gaz.meta():
                click.echo(f"  {source} {version or ''}: {rows or ''} rows; {licence or ''}; {note or ''}")


COMMANDS = [places, gazetteer]

