"""The HTTP API over a real SQLite database filled by the real pipeline (FastAPI's TestClient drives the
real app in process; one test starts the real server with uvicorn on a loopback port). Tests marked
BOTH_STORES run on a real PostgreSQL database as well."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.engine.run import run_local
from eventwire.ingest import read_inputs
from eventwire.store import EventFilter, open_store
from eventwire.web import create_app
from tests.web_fixtures import EXAMPLES, HOSTILE_ID, HOSTILE_TITLE, build_web_db, hostile_article

BOTH_STORES = pytest.mark.parametrize(
    "store_db", ["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)], indirect=True)


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    return build_web_db(tmp_path_factory.mktemp("web"), pipeline, with_seed=False)


@pytest.fixture()
def db(web_db: Path, tmp_path: Path) -> Path:
    """A copy per test, so that corrections in one test do not leak into another."""
    copy = tmp_path / "web.db"
    with sqlite3.connect(web_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


@pytest.fixture()
def store_db(request: pytest.FixtureRequest, tmp_path: Path, pipeline: Any) -> str:
    """The --db of the API under test: the SQLite copy, or (BOTH_STORES) a PostgreSQL database that the
    pipeline fills from the same inputs."""
    if getattr(request, "param", "sqlite") == "sqlite":
        return str(request.getfixturevalue("db"))
    url = str(request.getfixturevalue("postgres_url"))
    with open_store(url) as store:
        inputs = [str(EXAMPLES), str(hostile_article(tmp_path))]
        run_local(read_inputs(inputs), pipeline, store, inputs)
    return url


@pytest.fixture()
def client(store_db: str) -> TestClient:
    return TestClient(create_app(store_db), raise_server_exceptions=False)


@pytest.fixture()
def token(store_db: str) -> str:
    with open_store(store_db) as store:
        return store.create_token("analyst-1")


def events(client: TestClient, **params: object) -> dict[str, Any]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


@BOTH_STORES
def test_list_pages_through_every_stored_event(client: TestClient, store_db: str) -> None:
    with open_store(store_db) as store:
        stored = store.count_events()
    first, second = events(client, limit=4), events(client, limit=4, offset=4)
    assert first["total"] == stored >= 8
    assert len(first["events"]) == 4 and len(second["events"]) == 4
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}
    assert all(e["schema"] == "eventwire.event/1" for e in first["events"])
    everything = events(client, limit=1000)["events"]
    starts = [e["date"]["start"] for e in everything if e["date"]]
    assert starts == sorted(starts)


@BOTH_STORES
def test_filters_select_what_they_name(client: TestClient) -> None:
    every = events(client, limit=1000)["events"]
    kind = next(e["event_type"] for e in every if e["event_type"])
    typed = events(client, event_type=kind, limit=1000)
    assert typed["total"] == sum(e["event_type"] == kind for e in every) > 0
    assert all(e["event_type"] == kind for e in typed["events"])

    located = [e for e in every if e["location"]]
    ukraine = events(client, bbox="22,44,41,53", limit=1000)["events"]
    inside = [e for e in located if 22 <= e["location"]["lon"] <= 41 and 44 <= e["location"]["lat"] <= 53]
    assert {e["id"] for e in ukraine} == {e["id"] for e in inside} and inside
    assert events(client, country="ua")["total"] == sum(e["location"]["country"] == "UA" for e in located)

    dated = sorted((e for e in every if e["date"]), key=lambda e: e["date"]["start"])
    day = dated[0]["date"]["start"]
    same_day = events(client, since=day, until=day, limit=1000)["events"]
    assert same_day and all(e["date"]["start"] <= day <= e["date"]["end"] for e in same_day)

    status = every[0]["attribution"]["status"]
    assert all(e["attribution"]["status"] == status for e in events(client, attribution=status)["events"])
    assert all(e["confidence"] >= 0.9 for e in events(client, min_confidence=0.9)["events"])
    assert events(client, modality="asserted")["total"] == sum(e["modality"] == "asserted" for e in every)


@BOTH_STORES
def test_search_finds_words_in_evidence_titles_and_actor_names(client: TestClient) -> None:
    shelled = events(client, q="shelled")["events"]
    assert shelled and all("shell" in json.dumps(e["evidence"]).lower() or
                           "shell" in json.dumps(e["sources"]).lower() for e in shelled)
    titled = events(client, q="Mykolaiv artillery")["events"]  # words of the hostile article's title
    assert any(s["article_id"] == HOSTILE_ID for e in titled for s in e["sources"])
    russia = events(client, actor="Russia")["events"]
    assert russia and all("Russia" in ((e["actor1"] or {}).get("name", "") + (e["actor2"] or {}).get("name", ""))
                          for e in russia)
    assert events(client, q="zzzxqqq")["total"] == 0


@BOTH_STORES
@pytest.mark.parametrize("q", ['" OR *', "NEAR(a b", "'; DROP TABLE events; --", "body:x", "*", "()"])
def test_search_syntax_in_the_query_is_just_text(client: TestClient, q: str) -> None:
    response = client.get("/api/events", params={"q": q})
    assert response.status_code == 200, response.text
    assert events(client)["total"] > 0  # nothing was dropped


@pytest.mark.parametrize(("params", "reason"), [
    ({"bbox": "1,2,3"}, "bbox"), ({"bbox": "a,b,c,d"}, "bbox"), ({"bbox": "0,60,10,50"}, "latitudes"),
    ({"since": "2024-05-01", "until": "2024-01-01"}, "swap"), ({"since": "yesterday"}, "since"),
    ({"limit": 0}, "limit"), ({"limit": 100000}, "limit"), ({"offset": -1}, "offset"),
    ({"modality": "maybe"}, "modality"), ({"country": "UKR"}, "country"), ({"min_confidence": 2}, "min_confidence"),
    ({"attribution": "rumour"}, "attribution"),
])
def test_bad_parameters_get_400_with_the_reason(client: TestClient, params: dict[str, object], reason: str) -> None:
    for path in ("/api/events", "/api/events.geojson", "/api/events.csv", "/api/timeline"):
        if path != "/api/events" and set(params) & {"limit", "offset"}:
            continue
        response = client.get(path, params=params)
        assert response.status_code == 400, (path, response.text)
        error = response.json()["error"]
        assert error["code"] == "bad_parameter" and reason in error["message"]


def test_unknown_things_get_404_in_the_same_shape(client: TestClient) -> None:
    for path in ("/api/events/ev-nope", "/api/articles/nope", "/api/events/ev-nope/mentions",
                 "/api/events/ev-nope/revisions", "/api/nothing-here"):
        response = client.get(path)
        assert response.status_code == 404
        assert set(response.json()) == {"error"} and response.json()["error"]["code"] == "not_found"


def test_one_event_its_mentions_and_its_article(client: TestClient) -> None:
    listed = events(client, q="Mykolaiv")["events"][0]
    event = client.get(f"/api/events/{listed['id']}").json()
    assert event == listed
    mentions = client.get(f"/api/events/{listed['id']}/mentions").json()["mentions"]
    assert {m["id"] for m in mentions} == set(event["fusion"]["mentions"])
    evidence = event["evidence"][0]
    article = client.get(f"/api/articles/{evidence['article_id']}").json()
    assert article["title"] == HOSTILE_TITLE
    assert article["text"][evidence["start"]:evidence["end"]] == evidence["text"]


def test_downloads_carry_the_filtered_view(client: TestClient) -> None:
    every = events(client, limit=1000)
    geo = client.get("/api/events.geojson")
    assert geo.status_code == 200 and geo.headers["content-type"].startswith("application/geo+json")
    features = geo.json()["features"]
    assert len(features) == sum(1 for e in every["events"] if e["location"])
    kind = next(f["properties"]["event_type"] for f in features if f["properties"]["event_type"])
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv").text)))
    assert len(rows) == every["total"]
    only = client.get("/api/events.geojson", params={"event_type": kind}).json()["features"]
    assert only and all(f["properties"]["event_type"] == kind for f in only)


@BOTH_STORES
def test_timeline_counts_the_dated_events_by_day_and_type(client: TestClient) -> None:
    every = events(client, limit=1000)["events"]
    bins = client.get("/api/timeline").json()["bins"]
    assert sum(b["count"] for b in bins) == sum(1 for e in every if e["date"])
    some = bins[0]
    expected = sum(1 for e in every if e["date"] and e["date"]["start"] == some["day"] and
                   (e["event_type"] or (e["plover"] or {}).get("type") or "other") == some["kind"])
    assert some["count"] == expected
    facets = client.get("/api/facets").json()
    assert sum(f["count"] for f in facets["modality"]) == len(every)


def test_writes_need_a_known_token(client: TestClient, token: str) -> None:
    event_id = events(client)["events"][0]["id"]
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": f"Basic {token}"}):
        response = client.patch(f"/api/events/{event_id}", json={"changes": {"fatalities": 1}}, headers=headers)
        assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
    assert client.get("/api/token", headers={"Authorization": f"Bearer {token}"}).json() == {"name": "analyst-1"}
    assert client.get(f"/api/events/{event_id}/revisions").json()["revisions"] == []


@BOTH_STORES
def test_a_correction_is_a_revision_and_reaches_the_exports(client: TestClient, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    event = events(client, q="Mykolaiv")["events"][0]
    response = client.patch(f"/api/events/{event['id']}", headers=auth,
                            json={"changes": {"fatalities": 4, "summary": "Shelling of Mykolaiv, verified"},
                                  "note": "hospital figures"})
    assert response.status_code == 200, response.text
    corrected = response.json()
    assert corrected["fatalities"] == 4 and corrected["review"]["status"] == "corrected"
    assert corrected["review"]["by"] == "analyst-1"
    revisions = client.get(f"/api/events/{event['id']}/revisions").json()["revisions"]
    assert {(r["field"], r["new"], r["by"], r["note"]) for r in revisions} >= {
        ("fatalities", 4, "analyst-1", "hospital figures")}
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(client.get("/api/events.csv").text))}
    assert rows[event["id"]]["fatalities"] == "4"
    assert events(client, q="verified")["events"][0]["id"] == event["id"]  # the search index followed

    bad = client.patch(f"/api/events/{event['id']}", headers=auth, json={"changes": {"id": "x"}})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_correction"
    shape = client.patch(f"/api/events/{event['id']}", headers=auth, json={"changes": {"date": "soon"}})
    assert shape.status_code == 400
    assert client.patch(f"/api/events/{event['id']}", headers=auth, json={"fatalities": 3}).status_code == 400


@BOTH_STORES
def test_confirm_delete_restore(client: TestClient, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    before = events(client)["total"]
    event_id = events(client)["events"][0]["id"]
    assert client.post(f"/api/events/{event_id}/confirm", headers=auth).json()["review"]["status"] == "confirmed"
    word = max(events(client)["events"][0]["evidence"][0]["text"].split(), key=len).strip(".,;:\"'")
    found = events(client, q=word)
    assert event_id in {e["id"] for e in found["events"]}
    assert client.delete(f"/api/events/{event_id}", headers=auth).status_code == 200
    assert events(client)["total"] == before - 1
    after = events(client, q=word)  # searches leave deleted events out, in the list and the total
    assert after["total"] == found["total"] - 1 and event_id not in {e["id"] for e in after["events"]}
    assert client.get(f"/api/events/{event_id}").status_code == 404
    assert event_id not in client.get("/api/events.csv").text
    assert client.post(f"/api/events/{event_id}/restore", headers=auth).status_code == 200
    assert events(client)["total"] == before
    actions = [r["action"] for r in client.get(f"/api/events/{event_id}/revisions").json()["revisions"]]
    assert actions == ["confirm", "delete", "restore"]


@BOTH_STORES
def test_merge_then_split(client: TestClient, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    before = events(client)["total"]
    a, b = (e["id"] for e in events(client, limit=2)["events"])
    merged = client.post("/api/events/merge", headers=auth, json={"ids": [a, b], "note": "same strike"})
    assert merged.status_code == 200, merged.text
    event = merged.json()
    assert events(client)["total"] == before - 1
    mentions = [m["id"] for m in client.get(f"/api/events/{event['id']}/mentions").json()["mentions"]]
    assert len(mentions) == 2
    split = client.post(f"/api/events/{event['id']}/split", headers=auth,
                        json={"groups": [[mentions[0]], [mentions[1]]]})
    assert split.status_code == 200, split.text
    assert len(split.json()["events"]) == 2 and events(client)["total"] == before
    assert client.post("/api/events/merge", headers=auth, json={"ids": [a]}).status_code == 400


def test_search_index_is_built_for_databases_from_before_it(tmp_path: Path, web_db: Path) -> None:
    """Migrations 3 and 4 bring a version 2 database up: the full-text index filled from its events."""
    copy = tmp_path / "old.db"
    with sqlite3.connect(web_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
        for trigger in ("events_fts_replace", "events_fts_insert", "events_fts_delete", "events_fts_update"):
            target.execute(f"DROP TRIGGER {trigger}")
        target.execute("DROP TABLE events_fts")
        target.execute("DROP INDEX events_filter")
        target.execute("DROP INDEX events_span")
        target.execute("DROP INDEX events_admin1")
        target.execute("DROP TABLE run_partitions")  # migration 5's
        target.execute("DROP TABLE fetches")
        target.execute("DROP TABLE article_versions")  # migration 6's
        target.execute("ALTER TABLE tokens DROP COLUMN expires_at")  # migration 7's
        target.execute("ALTER TABLE tokens DROP COLUMN revoked_at")
        target.execute("DELETE FROM migrations WHERE id >= 3")
    with open_store(str(copy)) as store:
        assert store.count_events(EventFilter(text="Mykolaiv")) >= 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_real_server_on_loopback(db: Path) -> None:
    port = _free_port()
    exe = Path(sys.executable).with_name("eventwire")
    server = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?limit=3", timeout=2) as response:
                    body = json.loads(response.read())
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert len(body["events"]) == 3 and body["total"] >= 3
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            page = response.read().decode()
            assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        assert '<div id="map"' in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=5) as response:
            assert "/api/events/{event_id}" in json.loads(response.read())["paths"]
        # Bound to 127.0.0.1 only: another loopback address (Linux routes all of 127/8 locally) is refused.
        with pytest.raises(OSError), socket.create_connection(("127.0.0.2", port), timeout=2):
            pass
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_refuses_a_database_it_cannot_open(cli: Any, tmp_path: Path) -> None:
    result = cli("serve", "--db", str(tmp_path / "missing" / "x.db"), "--port", str(_free_port()))
    assert result.returncode == 2 and "eventwire:" in result.stderr and "Traceback" not in result.stderr


def test_token_create_prints_a_token_that_writes(cli: Any, db: Path) -> None:
    result = cli("token", "create", "reviewer", "--db", str(db))
    assert result.returncode == 0, result.stderr
    secret = result.stdout.strip()
    with open_store(str(db)) as store:
        assert store.token_name(secret) == "reviewer"


def _inside(point: tuple[float, float], ring: list[list[float]]) -> bool:
    """Ray casting: is (lon, lat) inside the ring?"""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def test_the_offline_basemap_draws_crimea_in_ukraine() -> None:
    from eventwire.web.app import STATIC

    borders = json.loads((STATIC / "countries.geojson").read_text(encoding="utf-8"))
    by_code = {f["properties"]["iso_a2"]: f for f in borders["features"]}

    def holds(code: str, lon: float, lat: float) -> bool:
        return any(_inside((lon, lat), polygon[0]) for polygon in by_code[code]["geometry"]["coordinates"])

    simferopol, sevastopol, kyiv, moscow = (34.10, 44.95), (33.52, 44.60), (30.52, 50.45), (37.62, 55.75)
    assert holds("UA", *simferopol) and holds("UA", *sevastopol) and holds("UA", *kyiv)
    assert not holds("RU", *simferopol) and not holds("RU", *sevastopol) and holds("RU", *moscow)
    assert len(borders["features"]) > 150
