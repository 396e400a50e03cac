"""The API under hostile requests: every bad write a 400 (or 413) naming the field and the reason, nothing
bad stored, no 500, nothing echoed at length; the Host header checked; nosniff and a CSP on /docs."""

from __future__ import annotations

import json
import random
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.errors import StoreError
from eventwire.web import create_app
from tests.hostile import webdb


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return webdb.build(tmp_path / "web.db")


@pytest.fixture()
def client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)), raise_server_exceptions=False)


@pytest.fixture()
def auth(db: Path) -> dict[str, str]:
    return {"Authorization": f"Bearer {webdb.token(db)}"}


def _first_id(client: TestClient) -> str:
    return client.get("/api/events", params={"limit": 1}).json()["events"][0]["id"]


BAD_VALUES = [
    ({"fatalities": "three"}, "fatalities"), ({"fatalities": -5}, "fatalities"), ({"fatalities": 2.5}, "fatalities"),
    ({"fatalities": True}, "fatalities"), ({"fatalities": [1]}, "fatalities"), ({"fatalities": 10**30}, "fatalities"),
    ({"modality": "maybe"}, "modality"), ({"attribution": {"status": "bogus"}}, "attribution.status"),
    ({"event_type": 5}, "event_type"), ({"event_type": "Riots"}, "event_type"),
    ({"date": {"start": "2024-11-09", "end": "2024-11-08", "precision": "day"}}, "date"),
    ({"date": {"start": "2024-02-30", "end": "2024-03-01", "precision": "day"}}, "date.start"),
    ({"location": {"name": "X", "lat": 91, "lon": 0, "country": "UA", "precision": 1}}, "location.lat"),
    ({"location": {"name": "X", "lat": 1, "lon": 0, "country": "UA", "precision": 1, "evil": 1}}, "location"),
    ({"plover": {"type": "DANCE"}}, "plover.type"), ({"actor1": {"name": ""}}, "actor1.name"),
    ({"summary": "x" * 5000}, "summary"), ({"colour": "red"}, "colour"),
    ({"sub_event_type": None, "plover": None}, "sub_event_type"),
]


@pytest.mark.parametrize(("changes", "field"), BAD_VALUES)
def test_a_correction_the_schema_refuses_is_a_400_naming_the_field(client: TestClient, auth: dict[str, str],
                                                                    changes: dict[str, Any], field: str) -> None:
    event_id = _first_id(client)
    before = client.get(f"/api/events/{event_id}").json()
    response = client.patch(f"/api/events/{event_id}", json={"changes": changes}, headers=auth)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "bad_correction" and error.get("field", field) == field and field in error["message"]
    assert client.get(f"/api/events/{event_id}").json() == before  # nothing stored


def test_a_good_correction_still_exports_valid_against_the_schema(client: TestClient, auth: dict[str, str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parents[2] / "src/eventwire/data/event.schema.json").read_text())
    event_id = _first_id(client)
    changes = {"fatalities": 4, "modality": "denied", "attribution": {"status": "official", "source": "Kyiv"},
               "date": {"start": "2024-11-07", "end": "2024-11-08", "precision": "days"}}
    response = client.patch(f"/api/events/{event_id}", json={"changes": changes}, headers=auth)
    assert response.status_code == 200, response.text
    for line in client.get("/api/events.jsonl").text.splitlines():
        jsonschema.validate(json.loads(line), schema)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "1" * 5000])
def test_non_finite_numbers_are_refused_not_a_500(client: TestClient, auth: dict[str, str], number: str) -> None:
    event_id = _first_id(client)
    body = '{"changes": {"fatalities": NUMBER}}'.replace("NUMBER", number)
    response = client.patch(f"/api/events/{event_id}", content=body,
                            headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert client.get(f"/api/events/{event_id}").status_code == 200


def test_unknown_body_keys_are_refused(client: TestClient, auth: dict[str, str]) -> None:
    event_id = _first_id(client)
    response = client.patch(f"/api/events/{event_id}", json={"changes": {"fatalities": 1}, "notes": "typo"},
                            headers=auth)
    assert response.status_code == 400 and "notes" in response.json()["error"]["message"]


def test_a_body_over_the_limit_is_413(client: TestClient, auth: dict[str, str]) -> None:
    event_id = _first_id(client)
    big = json.dumps({"changes": {"summary": "x"}, "note": "y" * 2_000_000})
    response = client.patch(f"/api/events/{event_id}", content=big,
                            headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"changes": {"summary": "'
        for _ in range(30):
            yield b"z" * 100_000
        yield b'"}}'

    response = client.patch(f"/api/events/{event_id}", content=chunks(),
                            headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 413


def test_a_split_with_one_mention_in_both_groups_is_refused(client: TestClient, auth: dict[str, str]) -> None:
    fused = next(e for e in client.get("/api/events").json()["events"] if len(e["fusion"]["mentions"]) > 1)
    mentions = fused["fusion"]["mentions"]
    response = client.post(f"/api/events/{fused['id']}/split", headers=auth,
                           json={"groups": [[mentions[0], mentions[1]], [mentions[1]]]})
    assert response.status_code == 400 and "two groups" in response.json()["error"]["message"]
    assert client.get(f"/api/events/{fused['id']}").json()["fusion"]["mentions"] == mentions


def test_a_404_does_not_echo_a_huge_id(client: TestClient) -> None:
    for path in (f"/api/events/{'x' * 60_000}", f"/api/articles/{'y' * 60_000}", f"/nowhere/{'z' * 60_000}"):
        response = client.get(path)
        assert response.status_code == 404 and len(response.text) < 1000


@pytest.mark.parametrize(("bbox", "status", "count"), [
    ("22,44,40,53", 200, 2), ("40,44,22,53", 400, 0), ("170,-50,-170,50", 200, 0), ("10,44,-10,53", 400, 0)])
def test_bbox_west_of_east_is_an_error_unless_across_the_antimeridian(client: TestClient, bbox: str, status: int,
                                                                       count: int) -> None:
    response = client.get("/api/events", params={"bbox": bbox})
    assert response.status_code == status, response.text
    if status == 200:
        assert len(response.json()["events"]) == count


def test_api_says_nosniff_and_docs_have_a_csp(client: TestClient) -> None:
    for path in ("/api/events", "/api/events.csv", "/api/events/nothing", "/docs"):
        assert client.get(path).headers.get("x-content-type-options") == "nosniff"
    policy = client.get("/docs").headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "object-src 'none'" in policy


def test_a_foreign_host_name_is_refused(client: TestClient) -> None:
    assert client.get("/api/events", headers={"Host": "attacker.example"}).status_code == 421
    assert client.get("/api/events").status_code == 200  # the test client's own name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_real_server_checks_the_host_header(db: Path) -> None:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(db), host="127.0.0.1"), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)

        def status(host: str) -> int:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/events", headers={"Host": host})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return int(response.status)
            except urllib.error.HTTPError as exc:
                return exc.code

        assert status(f"127.0.0.1:{port}") == 200 and status(f"localhost:{port}") == 200
        assert status(f"rebind.attacker.example:{port}") == 421
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _corrupt(path: Path, share: float = 1.0) -> None:
    """Overwrite the last `share` of the pages after the first with random bytes (the header page stays, as
    after a bad disk)."""
    data = bytearray(path.read_bytes())
    rng = random.Random(5)
    pages = range(4096, len(data), 4096)
    for start in pages[int(len(pages) * (1 - share)):]:
        data[start:start + 4096] = rng.randbytes(min(4096, len(data) - start))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("share", [1.0, 0.5, 0.25])
def test_a_corrupted_database_is_a_clean_error_not_a_500(db: Path, share: float) -> None:
    client = TestClient(create_app(str(db)), raise_server_exceptions=False)
    paths = ("/api/events", "/api/events.csv", "/api/events.geojson", "/api/timeline", "/api/events/e-0",
             "/api/articles/a-0")
    for path in paths:  # connections open before the damage, as in a running server
        assert client.get(path).status_code == 200
    _corrupt(db, share)
    for path in paths:
        response = client.get(path)
        assert response.status_code != 500, (path, response.text)
        if response.status_code >= 400:
            assert response.json()["error"]["code"] in ("database_damaged", "not_found", "store_error")
    if share == 1.0:
        with pytest.raises(StoreError, match="malformed"):
            create_app(str(db))


def test_downloads_without_a_limit_are_capped_with_a_link_to_the_rest(client: TestClient,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.web import api_read

    monkeypatch.setattr(api_read, "DEFAULT_DOWNLOAD", 2)
    total = client.get("/api/events").json()["total"]
    assert total == 3
    seen: list[str] = []
    url: str | None = "/api/events.jsonl?modality=asserted"
    while url:
        response = client.get(url)
        assert response.status_code == 200 and int(response.headers["x-eventwire-total"]) == total
        part = [json.loads(line)["id"] for line in response.text.splitlines()]
        assert 0 < len(part) <= 2
        seen += part
        link = response.headers.get("link")
        url = link[1:link.index(">")] if link else None
        assert url is None or "modality=asserted" in url  # the filters go on
    assert len(seen) == len(set(seen)) == total


def test_api_csv_has_no_formula_cells(client: TestClient) -> None:
    import csv
    import io

    text = client.get("/api/events.csv").text
    cells = [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]
    assert any(c.startswith("'=") for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]


def test_unknown_query_parameters_are_a_400(client: TestClient) -> None:
    response = client.get("/api/events", params={"evnt_type": "Battles"})
    assert response.status_code == 400 and "evnt_type" in response.json()["error"]["message"]
    assert client.get("/api/events/e-0", params={"x": "1"}).status_code == 400
    assert client.get("/api/events", params={"event_type": "Battles", "limit": 5}).status_code == 200
