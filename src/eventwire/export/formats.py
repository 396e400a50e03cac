"""Exports of stored events: JSONL (the record itself), a flat CSV, ACLED's CSV layout, GeoJSON and Parquet.

`EXPORT_FORMATS` is the registry the CLI and the web API read; `write_export` says how many events each
format had to leave out and why, `export_events` returns just the rows written. The text formats are also
generators of chunks (`stream_export`), so a server can send a download as it reads it.

Every CSV cell that a spreadsheet would take for a formula (it begins with =, +, -, @, a tab or a carriage
return) is written with a leading apostrophe, the usual neutralisation: article text is untrusted.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import IO, Any

import pycountry

from eventwire.errors import StoreError, UsageError
from eventwire.records import Actor, DateSpan, Event, Place


@dataclass(frozen=True, slots=True)
class ExportResult:
    written: int
    left_out: tuple[tuple[str, int], ...] = ()  # (reason, count), e.g. ("no location", 3)

    @property
    def left_out_total(self) -> int:
        return sum(count for _, count in self.left_out)

    def note(self) -> str:
        """One line for stderr: what was written and what was left out."""
        parts = ", ".join(f"{count} with {reason}" for reason, count in self.left_out)
        return f"{self.written} events written" + (f"; left out {parts}" if parts else "")


Writer = Callable[[Iterable[Event], IO[str]], ExportResult]


@dataclass(slots=True)
class Tally:
    """What a streamed export wrote and left out, filled in as its chunks are taken."""

    written: int = 0
    left_out: Counter[str] = field(default_factory=Counter)

    def result(self) -> ExportResult:
        return ExportResult(self.written, tuple(sorted(self.left_out.items())))


Chunks = Callable[[Iterable[Event], Tally], Iterator[str]]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    media_type: str
    description: str
    write: Writer
    chunks: Chunks | None = None  # None: a binary format, written whole (parquet)


def _writer(chunks: Chunks) -> Writer:
    def write(events: Iterable[Event], out: IO[str]) -> ExportResult:
        tally = Tally()
        for chunk in chunks(events, tally):
            out.write(chunk)
        return tally.result()
    return write


def stream_export(events: Iterable[Event], fmt: str, tally: Tally | None = None) -> Iterator[str]:
    """The export as text chunks (about one event each), for a response that streams."""
    chunks = EXPORT_FORMATS[fmt].chunks
    if chunks is None:
        raise UsageError(f"{fmt} is a binary format; write it with write_export to a file")
    return chunks(events, tally if tally is not None else Tally())


def write_export(events: Iterable[Event], fmt: str, out: IO[str]) -> ExportResult:
    try:
        export_format = EXPORT_FORMATS[fmt]
    except KeyError:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}") from None
    try:
        return export_format.write(events, out)
    except sqlite3.DatabaseError as exc:  # pages overwritten on disk: the events cannot be read back
        if isinstance(exc, sqlite3.OperationalError) and "malformed" not in str(exc):
            raise
        raise StoreError(f"the database file is damaged ({exc}); restore it from a backup, or run the inputs "
                         "again into a new database with `eventwire run PATH --db NEW.db`") from None


def export_events(events: Iterable[Event], fmt: str, out: IO[str]) -> int:
    """Write `events` to `out` in format `fmt`; returns the number of rows (or features) written."""
    return write_export(events, fmt, out).written


def _json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def jsonl_chunks(events: Iterable[Event], tally: Tally) -> Iterator[str]:
    """Exactly the `eventwire.event/1` records, one per line, as `eventwire extract` prints them."""
    for event in events:
        yield _json(event.to_dict()) + "\n"
        tally.written += 1


write_jsonl = _writer(jsonl_chunks)


# --- flat CSV -------------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "id", "event_type", "sub_event_type", "plover_type", "plover_mode", "modality", "date_start", "date_end",
    "date_precision", "actor1", "actor1_country", "actor2", "actor2_country", "location", "lat", "lon",
    "country", "admin1", "admin2", "geo_precision", "fatalities", "injuries", "attribution_status",
    "attribution_source", "summary", "evidence", "article_ids", "source_urls", "confidence",
)
_MULTI = " | "  # joins several values in one cell; "|" is rare in evidence text, unlike ";" and ","


def _flat_row(event: Event) -> Mapping[str, object]:
    place = event.location.place if event.location else None
    return {
        "id": event.id, "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "plover_type": event.plover.type if event.plover else None,
        "plover_mode": event.plover.mode if event.plover else None, "modality": event.modality,
        "date_start": event.date.start.isoformat() if event.date else None,
        "date_end": event.date.end.isoformat() if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "actor1": _name(event.actor1), "actor1_country": event.actor1.country if event.actor1 else None,
        "actor2": _name(event.actor2), "actor2_country": event.actor2.country if event.actor2 else None,
        "location": place.name if place else None, "lat": place.lat if place else None,
        "lon": place.lon if place else None, "country": place.country if place else None,
        "admin1": place.admin1 if place else None, "admin2": place.admin2 if place else None,
        "geo_precision": place.precision if place else None, "fatalities": event.fatalities,
        "injuries": event.injuries, "attribution_status": event.attribution.status,
        "attribution_source": event.attribution.source, "summary": event.summary,
        "evidence": _MULTI.join(e.text for e in event.evidence),
        "article_ids": _MULTI.join(_unique(s.article_id for s in event.sources)),
        "source_urls": _MULTI.join(_unique(s.url for s in event.sources if s.url)),
        "confidence": round(event.confidence, 3),
    }


def _name(actor: Actor | None) -> str | None:
    return actor.name if actor else None


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _csv_chunks(rows: Iterator[Mapping[str, object]], columns: tuple[str, ...], tally: Tally) -> Iterator[str]:
    # Empty cells for None, as spreadsheets and pandas expect; "\n" line ends so stdout stays clean.
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else safe_cell(row[k]) for k in columns})
        tally.written += 1
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()  # the header, when there were no rows


def csv_chunks(events: Iterable[Event], tally: Tally) -> Iterator[str]:
    """One row per event, nested fields flattened; several evidence texts or sources joined by " | "."""
    return _csv_chunks((_flat_row(e) for e in events), CSV_COLUMNS, tally)


write_csv = _writer(csv_chunks)


# --- GeoJSON --------------------------------------------------------------------------------------------

def _feature(event: Event) -> dict[str, Any] | None:
    if event.location is None:
        return None
    props = event.to_dict()
    # The coordinates live in the geometry; keeping them in the properties too invites them to disagree.
    props["location"] = {k: v for k, v in props["location"].items() if k not in ("lat", "lon")}
    point = [event.location.place.lon, event.location.place.lat]
    return {"type": "Feature", "id": event.id, "geometry": {"type": "Point", "coordinates": point},
            "properties": props}


def geojson_chunks(events: Iterable[Event], tally: Tally) -> Iterator[str]:
    """A FeatureCollection of Points, one feature per line, streamed. Events without a location are left
    out; their count is also written as the foreign member `eventwire_left_out` (RFC 7946 section 6.1)."""
    yield '{"type": "FeatureCollection", "features": [\n'
    for event in events:
        feature = _feature(event)
        if feature is None:
            tally.left_out["no location"] += 1
            continue
        yield (",\n" if tally.written else "") + _json(feature)
        tally.written += 1
    yield f'\n], "eventwire_left_out": {_json({"no location": tally.left_out["no location"]})}}}\n'


write_geojson = _writer(geojson_chunks)


# --- ACLED CSV ------------------------------------------------------------------------------------------

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
# ACLED's inter codes (codebook, "Actors"): the actor type, read from Actor.kind.
ACLED_INTER: Mapping[str, int] = {
    "state forces": 1, "government": 1, "military": 1, "police": 1,
    "rebel group": 2, "rebels": 2, "political militia": 3, "identity militia": 4, "communal militia": 4,
    "ethnic militia": 4, "rioters": 5, "protesters": 6, "civilians": 7,
    "external/other forces": 8, "external forces": 8, "other forces": 8,
}
_TIME_PRECISION: Mapping[str, int] = {"day": 1, "days": 2, "week": 2, "month": 3, "year": 3}
_POLITICAL_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def disorder_type(event_type: str, sub_event_type: str | None) -> str:
    """ACLED's disorder_type, which follows from the sub-event type."""
    if event_type in _POLITICAL_VIOLENCE or sub_event_type == "Mob violence":
        return "Political violence"
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    return "Strategic developments"


def _inter(actor: Actor | None) -> int | None:
    return ACLED_INTER.get((actor.kind or "").strip().lower()) if actor else None


def interaction(inter1: int | None, inter2: int | None) -> str:
    """Two inter codes joined lowest first ("17"); a lone actor type gets a 0 ("10")."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return ""
    return f"{codes[0]}{codes[1]}" if len(codes) == 2 else f"{codes[0]}0"


def _event_date(span: DateSpan) -> date:
    # ACLED codes an event known only to a period to a day within it; we take the middle of the interval.
    return span.start + timedelta(days=(span.end - span.start).days // 2)


def _timestamp(event: Event) -> int | None:
    """Unix time of the newest source's publication day, so the same events give the same file
    (ACLED's own timestamp is when its row last changed; ours is when the newest report came out)."""
    days = [date.fromisoformat(s.published[:10]) for s in event.sources if s.published]
    if not days:
        return None
    return int(datetime.combine(max(days), datetime.min.time(), UTC).timestamp())


# ACLED's regions (codebook, "Event geography"), by ISO 3166-1 alpha-2 code.
_ACLED_REGIONS: Mapping[str, str] = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
    "Southern Africa": "BW LS NA ZA SZ",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK MO JP KP KR MN TW",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Europe": "AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK LV LI LT LU MT "
              "MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH UA GB VA AX SJ",
    "North America": "BM CA GL PM US",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "Oceania": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF",
    "Antarctica": "AQ BV TF HM GS",
}
# Where ACLED's country names differ from ISO's short names.
_ACLED_COUNTRY_NAMES: Mapping[str, str] = {
    "RU": "Russia", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "TR": "Turkey",
    "CZ": "Czech Republic", "PS": "Palestine", "SZ": "eSwatini", "CI": "Ivory Coast", "CV": "Cape Verde",
    "BN": "Brunei", "FM": "Micronesia", "VA": "Vatican City", "TL": "East Timor", "XK": "Kosovo",
    "FK": "Falkland Islands", "VG": "British Virgin Islands", "VI": "Virgin Islands, U.S.",
}


@dataclass(frozen=True, slots=True)
class AcledCountry:
    name: str
    iso: int | None  # ISO 3166-1 numeric, as ACLED's `iso` column holds it
    region: str


def acled_country(alpha2: str | None) -> AcledCountry | None:
    if not alpha2:
        return None
    code = alpha2.upper()
    record = pycountry.countries.get(alpha_2=code)
    name = _ACLED_COUNTRY_NAMES.get(code) or (
        getattr(record, "common_name", None) or record.name if record else code)
    region = next((r for r, codes in _ACLED_REGIONS.items() if code in codes.split()), "")
    return AcledCountry(name=name, iso=int(record.numeric) if record else None, region=region)


def _acled_geo(place: Place | None) -> Mapping[str, object]:
    country = acled_country(place.country if place else None)
    if place is None or country is None:
        return {}
    return {
        "iso": country.iso, "region": country.region, "country": country.name, "admin1": place.admin1,
        "admin2": place.admin2, "location": place.name, "latitude": round(place.lat, 4),
        "longitude": round(place.lon, 4), "geo_precision": place.precision,
    }


def _acled_row(event: Event, event_type: str, span: DateSpan) -> Mapping[str, object]:
    inter1, inter2 = _inter(event.actor1), _inter(event.actor2)
    disorder = disorder_type(event_type, event.sub_event_type)
    # ACLED marks political violence aimed at civilians; a protest with civilians present is not that.
    targeting = 7 in (inter1, inter2) and disorder.startswith("Political violence")
    day = _event_date(span)
    return {
        "event_id_cnty": event.id, "event_date": day.isoformat(), "year": day.year,
        "time_precision": _TIME_PRECISION.get(span.precision, 3), "disorder_type": disorder,
        "event_type": event_type, "sub_event_type": event.sub_event_type,
        "actor1": _name(event.actor1), "inter1": inter1, "actor2": _name(event.actor2), "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if targeting else None,
        **_acled_geo(event.location.place if event.location else None),
        "source": "; ".join(_unique(s.source for s in event.sources if s.source)),
        "notes": event.summary, "fatalities": event.fatalities or 0, "timestamp": _timestamp(event),
    }


def acled_chunks(events: Iterable[Event], tally: Tally) -> Iterator[str]:
    """ACLED's column names and conventions, so tools built for ACLED data read the file.

    Only events with an ACLED event_type are written: PLOVER-only events (a demand, a threat, an
    accusation) have no ACLED row and are left out and counted, as are events without a date, since
    ACLED rows always carry one. Unknown fatalities are written as 0, as ACLED does; inter codes come
    from the actors' kinds and are empty when the kind is not one of ACLED's actor types. `event_id_cnty`
    is the eventwire event id, so rows can be joined back to the JSONL export."""
    def rows() -> Iterator[Mapping[str, object]]:
        for event in events:
            if event.event_type is None:
                tally.left_out["no ACLED event type (PLOVER only)"] += 1
            elif event.date is None:
                tally.left_out["no date"] += 1
            else:
                yield _acled_row(event, event.event_type, event.date)

    return _csv_chunks(rows(), ACLED_COLUMNS, tally)


write_acled_csv = _writer(acled_chunks)


def write_parquet(events: Iterable[Event], out: IO[str]) -> ExportResult:
    """Parquet needs bytes: it goes to the binary stream under `out` (a file, or stdout when redirected)."""
    from eventwire.export.parquet import write_parquet_binary

    binary = getattr(out, "buffer", None)
    if binary is None or (hasattr(out, "isatty") and out.isatty()):
        raise UsageError("parquet is binary; write it to a file with -o events.parquet")
    out.flush()
    written = write_parquet_binary(events, binary)
    binary.flush()
    return ExportResult(written)


EXPORT_FORMATS: Mapping[str, ExportFormat] = {
    f.name: f for f in (
        ExportFormat("jsonl", "application/x-ndjson", "eventwire.event/1 records, one per line", write_jsonl,
                     jsonl_chunks),
        ExportFormat("csv", "text/csv", "one flat row per event", write_csv, csv_chunks),
        ExportFormat("acled-csv", "text/csv", "ACLED's columns; ACLED-typed events only", write_acled_csv,
                     acled_chunks),
        ExportFormat("geojson", "application/geo+json", "a FeatureCollection of located events",
                     write_geojson, geojson_chunks),
        ExportFormat("parquet", "application/vnd.apache.parquet",
                     "typed columns, nested fields as structs (needs pyarrow)", write_parquet),
    )
}
