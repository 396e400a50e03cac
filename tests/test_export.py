"""Exports: JSONL against the schema, flat CSV, ACLED CSV conventions, GeoJSON; and through the store."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import UsageError
from eventwire.export import (
    ACLED_COLUMNS,
    CSV_COLUMNS,
    EXPORT_FORMATS,
    acled_country,
    export_events,
    interaction,
    write_export,
)
from eventwire.records import (
    Actor,
    Article,
    Attribution,
    DateSpan,
    Event,
    Evidence,
    Location,
    Place,
    Plover,
    SourceRef,
)
from eventwire.store import open_store

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "design" / "event.schema.json"
TEXT = "Drones struck a warehouse in Kyiv overnight, AFP heard; \u00ab\u0442\u0438\u0448\u0430\u00bb"


def make_event(event_id: str = "e-1", located: bool = True, acled: bool = True, **changes: Any) -> Event:
    place = Place(name="Kyiv", lat=50.45466, lon=30.5238, country="UA", precision=1, geonameid=703448,
                  admin1="Kyiv City", uncertainty_km=10.0)
    event = Event(
        id=event_id,
        event_type="Explosions/Remote violence" if acled else None,
        sub_event_type="Air/drone strike" if acled else None,
        plover=Plover("ASSAULT", "drone") if acled else Plover("REQUEST", None),
        modality="asserted" if acled else "demanded",
        date=DateSpan(date(2024, 11, 7), date(2024, 11, 7), "day", "overnight", "night before"),
        actor1=Actor("Military Forces of Russia", "RUS", "state forces", "Russian"),
        location=Location(place, "Kyiv") if located else None,
        attribution=Attribution("witnessed", "AFP journalists", "AFP journalists heard"),
        summary="Russian drones struck a warehouse in Kyiv \u2014 \u00abquiet\u00bb after.",
        evidence=(Evidence("a-1", 0, 33, TEXT[0:33]), Evidence("a-2", 34, 43, TEXT[34:43])),
        sources=(SourceRef("a-1", "Drones", "2024-11-08", "https://example.org/1", "AFP"),
                 SourceRef("a-2", "Kyiv night", "2024-11-09", None, "Kyiv Independent")),
        confidence=0.8234,
    )
    return replace(event, **changes)


def export(events: list[Event], fmt: str) -> tuple[str, int]:
    out = io.StringIO()
    count = export_events(events, fmt, out)
    return out.getvalue(), count


def test_registry_and_unknown_format() -> None:
    assert set(EXPORT_FORMATS) == {"jsonl", "csv", "acled-csv", "geojson", "parquet"}
    with pytest.raises(UsageError, match="unknown export format 'xlsx'; use one of jsonl"):
        export([make_event()], "xlsx")


def test_jsonl_is_exactly_to_dict_and_valid() -> None:
    events = [make_event(), make_event("e-2", located=False, acled=False, date=None)]
    text, count = export(events, "jsonl")
    lines = text.splitlines()
    assert count == 2 and len(lines) == 2
    assert [json.loads(line) for line in lines] == [e.to_dict() for e in events]
    assert "\u00abquiet\u00bb" in text  # UTF-8 as is, not \\u escapes
    if not SCHEMA.exists():
        pytest.skip(f"schema not found at {SCHEMA} (../shared is absent)")
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for line in lines:
        validator.validate(json.loads(line))


def test_jsonl_round_trips_through_from_dict() -> None:
    event = make_event()
    text, _ = export([event], "jsonl")
    assert Event.from_dict(json.loads(text)) == replace(event, confidence=0.823)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_flat_csv() -> None:
    text, count = export([make_event(), make_event("e-2", located=False, acled=False)], "csv")
    assert count == 2
    assert text.splitlines()[0].split(",") == list(CSV_COLUMNS)
    first, second = rows(text)
    assert first["id"] == "e-1" and first["plover_type"] == "ASSAULT" and first["plover_mode"] == "drone"
    assert (first["date_start"], first["date_precision"], first["lat"], first["country"]) == (
        "2024-11-07", "day", "50.45466", "UA")
    assert first["evidence"] == f"{TEXT[0:33]} | {TEXT[34:43]}"
    assert first["article_ids"] == "a-1 | a-2" and first["source_urls"] == "https://example.org/1"
    assert first["confidence"] == "0.823" and first["fatalities"] == ""
    assert second["location"] == "" and second["event_type"] == "" and second["plover_type"] == "REQUEST"


def test_acled_csv_columns_and_conventions() -> None:
    civilians = Actor("Civilians (Ukraine)", "UKR", "civilians")
    events = [
        make_event(),
        make_event("e-2", acled=False),
        make_event("e-3", actor2=civilians, fatalities=2, event_type="Violence against civilians",
                   sub_event_type="Attack",
                   date=DateSpan(date(2024, 11, 4), date(2024, 11, 10), "week", "last week", "week")),
        make_event("e-4", date=None),
    ]
    out = io.StringIO()
    result = write_export(events, "acled-csv", out)
    assert result.written == 2
    assert dict(result.left_out) == {"no ACLED event type (PLOVER only)": 1, "no date": 1}
    assert result.note() == ("2 events written; "
                             "left out 1 with no ACLED event type (PLOVER only), 1 with no date")
    assert out.getvalue().splitlines()[0].split(",") == list(ACLED_COLUMNS)
    strike, attack = rows(out.getvalue())
    assert strike["event_id_cnty"] == "e-1"
    assert (strike["event_date"], strike["year"], strike["time_precision"]) == ("2024-11-07", "2024", "1")
    assert (strike["disorder_type"], strike["inter1"], strike["inter2"], strike["interaction"]) == (
        "Political violence", "1", "", "10")
    assert (strike["iso"], strike["region"], strike["country"]) == ("804", "Europe", "Ukraine")
    assert (strike["location"], strike["latitude"], strike["longitude"], strike["geo_precision"]) == (
        "Kyiv", "50.4547", "30.5238", "1")
    assert strike["fatalities"] == "0"  # unknown is 0, as ACLED writes it
    assert strike["source"] == "AFP; Kyiv Independent" and strike["civilian_targeting"] == ""
    assert strike["timestamp"] == "1731110400"  # 2024-11-09T00:00:00Z, the newest source's day
    assert (attack["event_date"], attack["time_precision"]) == ("2024-11-07", "2")  # middle of the week
    assert (attack["inter2"], attack["interaction"], attack["fatalities"]) == ("7", "17", "2")
    assert attack["civilian_targeting"] == "Civilian targeting"


def test_acled_helpers() -> None:
    assert interaction(None, None) == "" and interaction(7, 1) == "17" and interaction(None, 6) == "60"
    russia = acled_country("RU")
    assert russia is not None and (russia.name, russia.iso, russia.region) == ("Russia", 643, "Europe")
    congo = acled_country("cd")
    assert congo is not None
    assert (congo.name, congo.region) == ("Democratic Republic of Congo", "Middle Africa")
    assert acled_country(None) is None


def test_geojson() -> None:
    out = io.StringIO()
    result = write_export([make_event(), make_event("e-2", located=False)], "geojson", out)
    assert result.written == 1 and dict(result.left_out) == {"no location": 1}
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    assert collection["eventwire_left_out"] == {"no location": 1}
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [30.5238, 50.45466]}
    props = feature["properties"]
    assert props["id"] == "e-1" and props["location"]["name"] == "Kyiv"
    assert "lat" not in props["location"] and "lon" not in props["location"]


def test_geojson_empty_is_still_valid() -> None:
    text, count = export([], "geojson")
    assert count == 0 and json.loads(text)["features"] == []


def test_export_from_the_store(tmp_path: Path) -> None:
    from eventwire.records import Article

    events = [make_event("e-2"), make_event("e-1", acled=False)]
    with open_store(str(tmp_path / "x.db")) as store:
        store.save_article(Article(id="a-1", text=TEXT, origin="a.txt"), events)
        out = io.StringIO()
        assert export_events(store.events(), "jsonl", out) == 2
    ids = [json.loads(line)["id"] for line in out.getvalue().splitlines()]
    assert ids == ["e-1", "e-2"]


# --- formula cells and Parquet ----------------------------------------------------------------------------

HOSTILE_CELLS = ("=HYPERLINK(\"http://evil.example\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd")


@pytest.mark.parametrize("fmt", ["csv", "acled-csv"])
def test_no_csv_cell_reads_as_a_formula(fmt: str) -> None:
    events = [make_event(f"e-{n}", summary=bad, attribution=Attribution("reported", bad, None),
                         sources=(SourceRef("a-1", bad, "2024-11-08", None, bad),),
                         evidence=(Evidence("a-1", 0, len(bad), bad),), fatalities=2)
              for n, bad in enumerate(HOSTILE_CELLS)]
    text, count = export(events, fmt)
    assert count == len(HOSTILE_CELLS)
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not _number(c))]
    assert sum(c.startswith("'") for c in cells) >= len(HOSTILE_CELLS) * 2  # text kept, behind the apostrophe


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_negative_numbers_stay_numbers() -> None:
    place = Place(name="Lima", lat=-12.05, lon=-77.04, country="PE", precision=1)
    text, _ = export([make_event(location=Location(place, "Lima"))], "csv")
    (row,) = rows(text)
    assert (row["lat"], row["lon"]) == ("-12.05", "-77.04")


def _parquet_rows(path: Path) -> list[dict[str, Any]]:
    pq = pytest.importorskip("pyarrow.parquet")
    rows_back = pq.read_table(path).to_pylist()
    for row in rows_back:  # Parquet's dates and maps back to the JSON export's spelling
        if row["date"]:
            row["date"] = {**row["date"], "start": row["date"]["start"].isoformat(),
                           "end": row["date"]["end"].isoformat()}
        if row["fusion"]:
            row["fusion"]["links"] = [{**link, "features": dict(link["features"])} for link in row["fusion"]["links"]]
    return rows_back


def test_parquet_has_typed_columns_and_equals_the_jsonl_export(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from eventwire.records.fusion import FusionInfo, FusionLink, Review, SourceValue

    fused = make_event("e-3", fatalities=3, injuries=0, fusion=FusionInfo(
        mentions=("m-1", "m-2"), values=(SourceValue("fatalities", 3, "a-1", "AFP"),),
        links=(FusionLink("m-2", "m-1", 0.8, (("dates", 1.0), ("words", 0.4))),)),
        review=Review("corrected", "analyst", "2024-11-09T10:00:00Z", ("fatalities",)))
    events = [make_event(), make_event("e-2", located=False, acled=False, date=None), fused]
    path = tmp_path / "events.parquet"
    with open(path, "w", encoding="utf-8", newline="") as out:  # as the CLI opens -o
        assert export_events(events, "parquet", out) == 3
    schema = pq.read_schema(path)
    assert schema.field("date").type.field("start").type == pa.date32()
    assert schema.field("fatalities").type == pa.int64()
    assert schema.field("location").type.field("lat").type == pa.float64()
    assert pa.types.is_struct(schema.field("actor1").type) and pa.types.is_list(schema.field("evidence").type)
    jsonl, _ = export(events, "jsonl")
    assert _parquet_rows(path) == [json.loads(line) for line in jsonl.splitlines()]


def test_parquet_of_a_store_through_the_cli_equals_its_jsonl(cli: Any, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    db = tmp_path / "x.db"
    with open_store(str(db)) as store:
        store.save_article(Article(id="a-1", text=TEXT, published=date(2024, 11, 8)), [make_event()])
        store.fuse()
    result = cli("export", "--db", str(db), "--format", "parquet", "-o", str(tmp_path / "x.parquet"))
    assert result.returncode == 0, result.stderr
    jsonl = cli("export", "--db", str(db), "--format", "jsonl").stdout
    assert _parquet_rows(tmp_path / "x.parquet") == [json.loads(line) for line in jsonl.splitlines()]
