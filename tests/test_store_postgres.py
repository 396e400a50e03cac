"""What is PostgreSQL's own in the store: its schema, PostGIS or plain columns giving the same answers as
SQLite, concurrent opens, its error messages, and `eventwire run`/`export` on a real server (see the
postgres_server fixture for how the tests find one)."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import StoreError
from eventwire.records import Actor, Location
from eventwire.store import EventFilter, Store, open_store
from eventwire.store.migrations import MIGRATIONS
from tests.conftest import EXAMPLES
from tests.test_store import make_article, make_event, query


def _placed(event_id: str, lat: float, lon: float, day: int = 7, actor: str = "Military Forces of Russia") -> Any:
    event = make_event(event_id, day=day)
    assert event.location is not None
    place = replace(event.location.place, name=f"P{event_id}", lat=lat, lon=lon)
    return replace(event, location=Location(place, place.name), actor1=Actor(actor, None, "state forces", actor))


# Points inside, outside and on the edges of the boxes below, on both sides of the antimeridian.
EVENTS = [
    _placed("e-kyiv", 50.4547, 30.5238), _placed("e-edge", 50.0, 30.0, day=8), _placed("e-corner", 52.0, 32.0),
    _placed("e-east", 10.0, 179.5, day=9, actor="Fiji Police"), _placed("e-west", 10.0, -179.5, day=9),
    _placed("e-far", -33.9, 18.4, day=10, actor="Police Forces of South Africa"),
    replace(make_event("e-nowhere", day=11, located=False), summary="Evacuations are planned."),
    replace(make_event("e-undated", located=False), date=None),
]
BOXES = [(30.0, 50.0, 32.0, 52.0), (29.0, 49.0, 31.0, 51.0), (179.0, 0.0, -179.0, 20.0), (170.0, 0.0, 180.0, 20.0),
         (-180.0, -90.0, 180.0, 90.0), (0.0, 0.0, 1.0, 1.0)]
FILTERS = [EventFilter(bbox=box) for box in BOXES] + [
    EventFilter(text="warehouse"), EventFilter(text="ware kyiv"), EventFilter(text="evacuation"),
    EventFilter(actor="police"), EventFilter(actor="pol"), EventFilter(actor="Russia", text="drones"),
    EventFilter(since=date(2024, 11, 8), until=date(2024, 11, 9)), EventFilter(country="UA", bbox=BOXES[2]),
    EventFilter(min_confidence=0.82, until=date(2024, 11, 8)), EventFilter(article_id="a-1", text="struck"),
]


def _fill(store: Store) -> Store:
    store.save_article(make_article(), EVENTS)
    store.fuse()
    store.delete_event("e-corner", by="analyst")
    return store


def _answers(store: Store) -> list[Any]:
    return [(store.events_json(f), store.count_events(f), store.timeline(f)) for f in [None, *FILTERS]] + [
        store.facets(), store.counts()]


def test_postgis_and_plain_columns_answer_as_sqlite_does(tmp_path: Path,
                                                          postgres_databases: Callable[[], str]) -> None:
    from eventwire.store.postgres import PostgresStore

    with open_store(str(tmp_path / "x.db")) as sqlite:
        expected = _answers(_fill(sqlite))
    assert [len(json.loads(f"[{','.join(texts)}]")) for texts, _, _ in expected[1:7]] == [2, 2, 2, 1, 5, 0]
    with PostgresStore(postgres_databases(), postgis=False) as plain:
        assert plain.places == "columns"
        assert _answers(_fill(plain)) == expected
    with PostgresStore(postgres_databases()) as spatial:
        assert _answers(_fill(spatial)) == expected
        if _postgis_available(spatial.url):  # CI installs it; .ci/run
            assert spatial.places == "postgis"
            assert query(spatial.url, "SELECT COUNT(*) FROM events WHERE place IS NOT NULL") == [(6,)]


def _postgis_available(url: str) -> bool:
    return bool(query(url, "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'"))


def test_schema_has_the_same_migrations_and_postgresql_indexes(postgres_url: str) -> None:
    open_store(postgres_url).close()
    assert [row[:2] for row in query(postgres_url, "SELECT id, name FROM migrations ORDER BY id")] == [
        (m.version, m.name) for m in MIGRATIONS]
    indexes = {row[0] for row in query(postgres_url, "SELECT indexname FROM pg_indexes WHERE tablename = 'events'")}
    assert {"events_filter", "events_body_words", "events_actor_words", "events_place"} <= indexes
    [(places,)] = query(postgres_url, "SELECT value FROM store_settings WHERE name = 'places'")
    assert places in ("postgis", "columns") and ("events_place_gist" in indexes) == (places == "postgis")


def test_concurrent_opens_migrate_once(postgres_url: str) -> None:
    """A web server's threads open the store at once: each migration is applied once, none fails."""
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def open_one() -> None:
        try:
            start.wait()
            open_store(postgres_url).close()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert query(postgres_url, "SELECT COUNT(*) FROM migrations") == [(len(MIGRATIONS),)]


def test_unreachable_server_is_one_line_without_the_password() -> None:
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as info:
        open_store("postgresql://ana:s3cret@127.0.0.1:1/events")
    message = str(info.value)
    assert "s3cret" not in message and "ana:***@127.0.0.1:1" in message and "\n" not in message


def test_without_psycopg_the_message_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "eventwire.store.postgres", raising=False)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # what `import psycopg` meets where it is not installed
    with pytest.raises(StoreError, match=r"pip install 'eventwire\[postgres\]'"):
        open_store("postgresql://localhost/events")


def test_run_and_export_give_the_same_events_as_sqlite(cli: Any, tmp_path: Path, postgres_url: str) -> None:
    exports = []
    for db in (str(tmp_path / "events.db"), postgres_url):
        result = cli("run", str(EXAMPLES), "--db", db)
        assert result.returncode == 0, result.stderr
        exported = cli("export", "--db", db, "--format", "jsonl")
        assert exported.returncode == 0, exported.stderr
        exports.append(exported.stdout)
    assert exports[0] == exports[1] and len(exports[0].splitlines()) >= 5
