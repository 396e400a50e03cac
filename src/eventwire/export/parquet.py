"""The Parquet export: one row per event, typed columns (dates as dates, counts as integers, coordinates as
doubles), nested fields as structs and lists of structs, so `pyarrow`, pandas, DuckDB or Spark read the
record without parsing JSON. Column names and nesting are those of `eventwire.event/1`.

pyarrow is an optional extra (`pip install eventwire[parquet]`); it is imported only here, only when
Parquet is asked for."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from eventwire.errors import UsageError
from eventwire.records import Event

if TYPE_CHECKING:
    import pyarrow as pa

BATCH = 5000  # events per row group: bounded memory on large databases


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401 - loads the submodule
    except ImportError:
        raise UsageError("parquet export needs pyarrow; install it with `pip install 'eventwire[parquet]'`") from None
    return pyarrow


def event_schema() -> pa.Schema:
    pa = _pyarrow()
    text = pa.string()

    def struct(**fields: Any) -> Any:
        return pa.struct([pa.field(name, kind) for name, kind in fields.items()])

    actor = struct(name=text, country=text, kind=text, text=text)
    return pa.schema([
        ("schema", text), ("id", text), ("event_type", text), ("sub_event_type", text),
        ("plover", struct(type=text, mode=text)), ("modality", text),
        ("date", struct(start=pa.date32(), end=pa.date32(), precision=text, text=text, rule=text)),
        ("actor1", actor), ("actor2", actor),
        ("location", struct(name=text, geonameid=pa.int64(), lat=pa.float64(), lon=pa.float64(), country=text,
                            admin1=text, admin2=text, precision=pa.int8(), uncertainty_km=pa.float64(), text=text)),
        ("fatalities", pa.int64()), ("injuries", pa.int64()),
        ("attribution", struct(status=text, source=text, text=text)), ("summary", text),
        ("evidence", pa.list_(struct(article_id=text, start=pa.int64(), end=pa.int64(), text=text))),
        ("sources", pa.list_(struct(article_id=text, title=text, published=text, url=text, source=text))),
        ("confidence", pa.float64()), ("claim_status", text),
        ("fusion", struct(
            mentions=pa.list_(text),
            values=pa.list_(struct(field=text, value=pa.int64(), article_id=text, source=text)),
            claims=pa.list_(struct(stance=text, by=text, article_id=text, published=text, text=text)),
            links=pa.list_(struct(mention=text, to=text, score=pa.float64(),
                                  features=pa.map_(text, pa.float64()), by=text)))),
        ("review", struct(status=text, by=text, at=text, corrected=pa.list_(text))),
        ("low_confidence", pa.bool_()),
    ])


def event_row(event: Event) -> dict[str, Any]:
    """The event's JSON object with the values Parquet types differently: dates as dates, maps as pairs."""
    row = event.to_dict()
    if row["date"]:
        row["date"] = {**row["date"], "start": date.fromisoformat(row["date"]["start"]),
                       "end": date.fromisoformat(row["date"]["end"])}
    if row["fusion"]:
        row["fusion"] = {**row["fusion"], "links": [{**link, "features": list(link["features"].items())}
                                                    for link in row["fusion"]["links"]]}
    return row


def write_parquet_binary(events: Iterable[Event], out: IO[bytes]) -> int:
    pa = _pyarrow()
    schema = event_schema()
    written = 0
    with pa.parquet.ParquetWriter(out, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for event in events:
            batch.append(event_row(event))
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                written += len(batch)
                batch = []
        if batch or not written:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            written += len(batch)
    return written
