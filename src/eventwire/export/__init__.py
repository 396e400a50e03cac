"""Exports of stored events: JSONL, CSV, ACLED CSV, GeoJSON (`formats`) and Parquet (`parquet`, pyarrow)."""

from eventwire.export.formats import (
    ACLED_COLUMNS,
    CSV_COLUMNS,
    EXPORT_FORMATS,
    acled_country,
    export_events,
    interaction,
    stream_export,
    write_export,
)

__all__ = ["ACLED_COLUMNS", "CSV_COLUMNS", "EXPORT_FORMATS", "acled_country", "export_events", "interaction",
           "stream_export", "write_export"]
