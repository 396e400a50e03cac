"""End to end in a real browser: Debian's chromium driven by Playwright against the real server on a loopback
port, over a database the real pipeline filled (the examples, the seed article when ../shared is there, and an
article whose title and text carry script payloads). Saves screenshots under tests/output/."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.store import open_store
from tests.web_fixtures import build_web_db

OUTPUT = Path(__file__).resolve().parent / "output"
pytestmark = pytest.mark.integration  # a browser: run by `make test-integration` and CI, not the default suite


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("chromium is not installed: run `apt-get install -y chromium` (Debian) to run the browser test")
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[tuple[str, str]]:
    db = build_web_db(tmp_path_factory.mktemp("web-browser"), pipeline)
    with open_store(str(db)) as store:
        token = store.create_token("browser-analyst")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("eventwire")
    process = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/facets", timeout=2).close()
            break
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.3)
    yield url, token
    process.terminate()
    process.wait(timeout=10)


def api(url: str, path: str, **params: object) -> Any:
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{url}{path}?{query}", timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture()
def page(server: tuple[str, str]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1366, "height": 820})
        page.errors = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))  # type: ignore[attr-defined]
        yield page
        browser.close()


def test_the_page_end_to_end(page: Any, server: tuple[str, str]) -> None:
    from playwright.sync_api import expect

    url, token = server
    total = api(url, "/api/events", limit=1)["total"]
    page.goto(url + "/")
    expect(page.locator("#status")).to_contain_text(f"{total} events")
    expect(page.locator("#timeline rect").first).to_be_visible()
    page.wait_for_timeout(800)  # the borders and markers settle
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "web-page.png"))
    print(f"screenshot: {OUTPUT / 'web-page.png'}")

    # Filter by type: the list and the markers hold only that type.
    kind = api(url, "/api/facets")["event_type"][0]["value"]
    n_kind = api(url, "/api/events", event_type=kind)["total"]
    page.select_option("#f-type", kind)
    expect(page.locator("#status")).to_contain_text(f"{n_kind} event")
    expect(page.locator("#list li")).to_have_count(n_kind)
    # The map redraws its markers after the list; wait until no marker of another type is left.
    page.wait_for_function("kind => { const m = [...document.querySelectorAll('.ew-marker')];"
                           " return m.length > 0 && m.every(n => n.dataset.kind === kind); }", arg=kind)
    kinds = page.locator(".ew-marker").evaluate_all("nodes => nodes.map(n => n.dataset.kind)")
    assert kinds and set(kinds) == {kind}

    # Brush the first half of the timeline: the range becomes the filter.
    page.click("#f-reset")
    expect(page.locator("#status")).to_contain_text(f"{total} events")
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    expect(page.locator("#range")).not_to_have_text("all dates")
    since, until = page.locator("#range").inner_text().split(" – ")
    n_range = api(url, "/api/events", since=since, until=until)["total"]
    assert 0 < n_range < total
    expect(page.locator("#status")).to_contain_text(f"{n_range} event")
    assert "since=" in page.locator("#dl-csv").get_attribute("href")
    page.click("#range-clear")
    expect(page.locator("#status")).to_contain_text(f"{total} events")

    # Click a marker: the panel shows the event with its evidence highlighted in the article.
    marker = page.locator(".ew-marker").first
    event_id = marker.get_attribute("data-id")
    marker.click()
    event = api(url, f"/api/events/{event_id}")
    expect(page.locator("#detail h2")).to_be_visible()
    expect(page.locator("#detail dl")).to_contain_text(event_id)
    marks = page.locator("mark.evidence")
    expect(marks.first).to_be_visible()
    assert marks.first.inner_text().strip() == event["evidence"][0]["text"].strip()
    page.screenshot(path=str(OUTPUT / "web-event.png"))

    # Make a correction with a token: it shows in the history and in the CSV export.
    page.click("#token-state")
    page.fill("#token", token)
    page.click("#token-save")
    expect(page.locator("#token-state")).to_contain_text("browser-analyst")
    page.fill("#edit-form input[name=fatalities]", "42")
    page.fill("#edit-form input[name=note]", "checked against the morgue list")
    page.click("#edit-form button[type=submit]")
    expect(page.locator("#detail .history")).to_contain_text("fatalities", timeout=10000)
    expect(page.locator("#detail .history")).to_contain_text("browser-analyst")
    with urllib.request.urlopen(f"{url}/api/events.csv", timeout=10) as response:
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(response.read().decode()))}
    assert rows[event_id]["fatalities"] == "42"
    assert page.errors == []


def test_script_in_an_article_and_a_title_shows_as_text_and_never_runs(page: Any, server: tuple[str, str]) -> None:
    from playwright.sync_api import expect

    url, _ = server
    page.goto(url + "/")
    page.fill("#f-q", "Mykolaiv")
    page.click("#filters button[type=submit]")
    # the filtered list, not the unfiltered one still on screen while the search runs
    expect(page.locator("#list li").first).to_contain_text("Mykola")
    page.locator("#list li").first.click()
    title = page.locator("#detail .article-title").first
    expect(title).to_contain_text("<script>")
    expect(title).to_contain_text("onerror=")
    expect(page.locator("#detail .article-text").first).to_contain_text('<img src=x onerror="window.__xss = 2">')
    expect(page.locator("#detail dl")).to_contain_text("<script>")  # the sources' titles
    page.wait_for_timeout(500)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#detail script, #detail img").count() == 0
    assert page.errors == []


def test_phone_width(page: Any, server: tuple[str, str]) -> None:
    from playwright.sync_api import expect

    url, _ = server
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url + "/")
    expect(page.locator("#list li").first).to_be_visible()
    map_box, panel_box = page.locator("#map").bounding_box(), page.locator("#panel").bounding_box()
    assert map_box["width"] <= 390 and panel_box["y"] >= map_box["y"] + map_box["height"] - 1  # stacked
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # no sideways scrolling
    page.wait_for_timeout(1000)  # the map's zoom animation ends
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "web-phone.png"))


def test_api_docs_work_offline(page: Any, server: tuple[str, str]) -> None:
    from playwright.sync_api import expect

    url, _ = server
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url + "/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    assert all(r.startswith(url) or r.startswith("data:") for r in requested), requested
