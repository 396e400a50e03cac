"""Live sources against a real HTTP server on 127.0.0.1: the HTML reader, the polite fetcher (timeouts, retries,
robots.txt, rate limit, conditional GET), feeds, `watch` polls into a real SQLite store, and the CLI."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.errors import (
    REJECT_ENCODING,
    REJECT_FETCH,
    REJECT_NO_ARTICLE,
    REJECT_NOT_FEED,
    REJECT_ROBOTS,
    REJECT_UNSUPPORTED,
)
from eventwire.ingest import read_inputs
from eventwire.ingest.fetch import HTML_TYPES, Fetched, Fetcher, FetchFailure, FetchPolicy
from eventwire.ingest.html import read_html
from eventwire.live.feeds import parse_feed
from eventwire.live.watch import parse_interval, poll, watch
from eventwire.records import Article, Rejection
from eventwire.records.article import content_id
from eventwire.store import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "live"
SLOW_S = 1.5  # the slow page's silence; the tests' read timeout is well under it
_TYPES = {".html": "text/html; charset=utf-8", ".rss": "application/rss+xml", ".atom": "application/atom+xml",
          ".txt": "text/plain"}


@dataclass
class Site:
    """What the test server serves, and what it saw: hits per path and every request's headers."""

    base: str = ""
    hits: Counter[str] = field(default_factory=Counter)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    flaky_failures: int = 2  # /flaky/... answers 500 this many times, then the page

    def reset(self) -> None:
        self.hits.clear()
        self.requests.clear()
        self.flaky_failures = 2

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = self.path.split("?")[0]
            site.hits[path] += 1
            site.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeouts)
                self._answer(path)

        def _answer(self, path: str) -> None:
            if path == "/slow.html":
                time.sleep(SLOW_S)
                return self._file("beni.html")
            if path == "/down.html":
                return self._status(503, {"Retry-After": "1"})
            if path.startswith("/flaky/"):
                if site.hits[path] <= site.flaky_failures:
                    return self._status(500)
                return self._file(path.removeprefix("/flaky/"))
            if path == "/image.png":
                return self._send(b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
            if path == "/big.html":
                return self._send(b"<html><body><p>" + b"word " * 40_000 + b"</p></body></html>", _TYPES[".html"])
            return self._file(path.lstrip("/"))

        def _file(self, name: str) -> None:
            file = (FIXTURES / name).resolve()
            if FIXTURES.resolve() not in file.parents or not file.is_file():
                return self._status(404)
            body = file.read_bytes().replace(b"{BASE}", site.base.encode())
            self._send(body, _TYPES.get(file.suffix, "application/octet-stream"))

        def _send(self, body: bytes, content_type: str) -> None:
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def _status(self, status: int, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


@pytest.fixture(scope="module")
def server() -> Iterator[Site]:
    site = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    httpd.daemon_threads = True
    httpd.block_on_close = False  # the slow handler may still be asleep at the end
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def site(server: Site) -> Site:
    server.reset()
    return server


class FakeTime:
    """Real time plus what the fetcher asked to sleep: backoffs and rate limits are recorded, not waited."""

    def __init__(self) -> None:
        self.offset = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return time.monotonic() + self.offset

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.offset += seconds


def make_fetcher(fake: FakeTime, **policy: object) -> Fetcher:
    settings: dict[str, object] = {"connect_timeout": 0.5, "read_timeout": 0.5, "retries": 2, "backoff": 0.25,
                                   "min_interval": 0.2}
    settings.update(policy)
    return Fetcher(FetchPolicy(**settings), clock=fake.clock, sleep=fake.sleep)  # type: ignore[arg-type]


# -- the HTML reader -------------------------------------------------------------------------------------------

def test_html_file_becomes_an_article_with_its_metadata() -> None:
    [article] = read_inputs([str(FIXTURES / "beni.html")])
    assert isinstance(article, Article)
    assert article.title == "Rebels attack army base near Beni"
    assert article.published == date(2024, 2, 1)  # the page's own date, in its own time zone
    assert article.source == "Lakeside Courier"
    assert article.text.startswith("Rebels attacked an army base near Beni on Wednesday")
    for boilerplate in ("Home", "Most read", "All rights reserved", "Markets close"):
        assert boilerplate not in article.text
    assert article.id == content_id(article.text, article.title, article.published)


def test_html_page_metadata_canonical_url_and_fallback_date() -> None:
    goma = read_html((FIXTURES / "goma.html").read_bytes(), "goma", url="http://127.0.0.1:1/goma.html")
    assert isinstance(goma, Article)
    assert goma.url == "https://courier.example.org/2024/goma-arrests" and goma.published == date(2024, 2, 2)
    data = (FIXTURES / "bunia.html").read_bytes()
    undated = read_html(data, "bunia", url="http://127.0.0.1:1/bunia.html")
    dated = read_html(data, "bunia", url="http://127.0.0.1:1/bunia.html", fallback_published=date(2024, 2, 4))
    assert isinstance(undated, Article) and isinstance(dated, Article)
    assert undated.published is None and undated.url == "http://127.0.0.1:1/bunia.html"
    assert undated.source == "127.0.0.1:1"  # no site name on the page: its host
    assert dated.published == date(2024, 2, 4) and dated.id != undated.id


def test_html_without_an_article_is_rejected() -> None:
    [index] = read_inputs([str(FIXTURES / "index.html")])
    assert isinstance(index, Rejection) and index.code == REJECT_NO_ARTICLE
    assert "one article" in index.reason


def test_html_declared_charset_is_used_and_undeclared_bytes_are_rejected(tmp_path: Path) -> None:
    body = ("<p>Поліція затримала десятки протестувальників у Гомі в четвер після маршу проти цін на пальне, "
            "повідомили свідки.</p>")
    page = tmp_path / "uk.htm"
    page.write_bytes(f"<html><head><meta charset=windows-1251></head><body><article>{body}</article>"
                     "</body></html>".encode("cp1251"))
    [article] = read_inputs([str(page)])
    assert isinstance(article, Article) and "Поліція затримала" in article.text
    undeclared = read_html(f"<html><body><article>{body}</article></body></html>".encode("cp1251"), "x.html")
    assert isinstance(undeclared, Rejection) and undeclared.code == REJECT_ENCODING


# -- the fetcher -----------------------------------------------------------------------------------------------

def test_fetch_sends_user_agent_and_respects_the_per_host_rate(site: Site) -> None:
    fake = FakeTime()
    with make_fetcher(fake, min_interval=5.0, user_agent="eventwire-test/1 (+mailto:x@example.org)") as fetcher:
        first = fetcher.get(site.url("beni.html"), accept=HTML_TYPES)
        second = fetcher.get(site.url("goma.html"), accept=HTML_TYPES)
    assert isinstance(first, Fetched) and isinstance(second, Fetched)
    assert first.status == 200 and first.content_type == "text/html" and first.etag
    assert [path for path, _ in site.requests] == ["/robots.txt", "/beni.html", "/goma.html"]  # robots read once
    assert {headers["user-agent"] for _, headers in site.requests} == {"eventwire-test/1 (+mailto:x@example.org)"}
    assert len(fake.sleeps) == 2 and all(4.0 < s <= 5.0 for s in fake.sleeps)  # waited its turn before each


def test_fetch_retries_server_errors_with_backoff_then_succeeds(site: Site) -> None:
    fake = FakeTime()
    with make_fetcher(fake, min_interval=0.0) as fetcher:
        outcome = fetcher.get(site.url("flaky/kisangani.html"), accept=HTML_TYPES)
    assert isinstance(outcome, Fetched) and b"Kisangani" in outcome.content
    assert site.hits["/flaky/kisangani.html"] == 3
    assert fake.sleeps == [0.25, 0.5]  # exponential backoff


def test_fetch_that_always_fails_is_a_failure_with_a_reason(site: Site) -> None:
    fake = FakeTime()
    with make_fetcher(fake, min_interval=0.0) as fetcher:
        outcome = fetcher.get(site.url("down.html"))
        missing = fetcher.get(site.url("nowhere.html"))
    assert isinstance(outcome, FetchFailure) and outcome.code == REJECT_FETCH and outcome.transient
    assert "503" in outcome.reason and "tried 3 times" in outcome.reason
    assert fake.sleeps == [1.0, 1.0]  # Retry-After: 1, honoured
    assert isinstance(missing, FetchFailure) and "404" in missing.reason and not missing.transient
    assert site.hits["/nowhere.html"] == 1  # a 404 is not retried
    rejection = outcome.rejection()
    assert rejection.stage == "fetch" and rejection.input == site.url("down.html")


def test_long_retry_after_is_not_waited_for(site: Site) -> None:
    fake = FakeTime()
    with make_fetcher(fake, min_interval=0.0, max_retry_after=0.5) as fetcher:
        outcome = fetcher.get(site.url("down.html"))
    assert isinstance(outcome, FetchFailure) and "come back in 1 s" in outcome.reason
    assert site.hits["/down.html"] == 1 and fake.sleeps == []


def test_slow_page_times_out(site: Site) -> None:
    fake = FakeTime()
    started = time.monotonic()
    with make_fetcher(fake, retries=1, min_interval=0.0) as fetcher:
        outcome = fetcher.get(site.url("slow.html"))
    assert time.monotonic() - started < 2 * SLOW_S
    assert isinstance(outcome, FetchFailure) and outcome.code == REJECT_FETCH
    assert "timed out after 0.5 s" in outcome.reason and site.hits["/slow.html"] == 2


def test_robots_txt_disallows_a_path_without_fetching_it(site: Site) -> None:
    with make_fetcher(FakeTime()) as fetcher:
        outcome = fetcher.get(site.url("private/memo.html"))
    assert isinstance(outcome, FetchFailure) and outcome.code == REJECT_ROBOTS and "robots.txt" in outcome.reason
    assert site.hits["/private/memo.html"] == 0 and site.hits["/robots.txt"] == 1


def test_conditional_get_size_cap_and_content_type(site: Site) -> None:
    with make_fetcher(FakeTime(), max_bytes=50_000) as fetcher:
        first = fetcher.get(site.url("news.atom"))
        assert isinstance(first, Fetched)
        again = fetcher.get(site.url("news.atom"), etag=first.etag)
        big = fetcher.get(site.url("big.html"), accept=HTML_TYPES)
        image = fetcher.get(site.url("image.png"), accept=HTML_TYPES)
    assert isinstance(again, Fetched) and again.not_modified and again.content == b""
    assert site.requests[-3][1]["if-none-match"] == first.etag
    assert isinstance(big, FetchFailure) and "larger than" in big.reason and not big.transient
    assert isinstance(image, FetchFailure) and image.code == REJECT_UNSUPPORTED and "image/png" in image.reason


def test_unreachable_host_is_a_failure_not_an_exception() -> None:
    with make_fetcher(FakeTime(), retries=0) as fetcher:
        outcome = fetcher.get("http://127.0.0.1:9/nothing-listens-here.html")
        not_http = fetcher.get("ftp://127.0.0.1/file.html")
    assert isinstance(outcome, FetchFailure) and outcome.code == REJECT_FETCH and "cannot" in outcome.reason
    assert isinstance(not_http, FetchFailure) and "http" in not_http.reason


# -- feeds -----------------------------------------------------------------------------------------------------

def test_rss_and_atom_entries() -> None:
    base = "http://127.0.0.1:1"
    rss = parse_feed((FIXTURES / "news.rss").read_bytes().replace(b"{BASE}", base.encode()), f"{base}/news.rss")
    atom = parse_feed((FIXTURES / "news.atom").read_bytes().replace(b"{BASE}", base.encode()), f"{base}/news.atom")
    assert not isinstance(rss, Rejection) and not isinstance(atom, Rejection)
    assert rss[0].link == f"{base}/beni.html" and rss[0].published == date(2024, 2, 1)
    assert rss[0].title == "Rebels attack army base near Beni"
    assert len(rss) == 8 and rss[4].published is None
    assert [(e.link, e.published) for e in atom] == [(f"{base}/bunia.html", date(2024, 2, 4)),
                                                     (f"{base}/goma.html", date(2024, 2, 2))]
    broken = parse_feed((FIXTURES / "index.html").read_bytes(), f"{base}/index.html")
    assert isinstance(broken, Rejection) and broken.code == REJECT_NOT_FEED


def test_parse_interval() -> None:
    assert [parse_interval(x) for x in ("15m", "30s", "1h", "1h30m", " 2 m ")] == [900, 30, 3600, 5400, 120]
    for bad in ("15", "soon", "0s", "5x", "m15"):
        with pytest.raises(ValueError):
            parse_interval(bad)


# -- watch: polls into a real store ----------------------------------------------------------------------------

def _event_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(row[0] for row in conn.execute("SELECT id FROM events WHERE deleted = 0"))


def test_poll_stores_new_articles_once_and_reports_broken_pages(site: Site, pipeline, tmp_path: Path) -> None:
    db = tmp_path / "watch.db"
    feeds = [site.url("news.rss"), site.url("news.atom"), site.url("missing.rss")]
    with open_store(str(db)) as store, make_fetcher(FakeTime(), retries=1, backoff=0.1) as fetcher:
        site.flaky_failures = 1  # recovers on the retry
        first = poll(feeds, fetcher, pipeline, store)
        articles = {a: store.article(a) for a in _article_ids(db)}
        events = _event_ids(db)
        site.reset()
        second = poll(feeds, fetcher, pipeline, store)
        beni = store.fetch_record(site.url("beni.html"))
        down = store.fetch_record(site.url("down.html"))
    # beni, goma, bunia (dated by its Atom entry), kisangani (after a 500); the mirrored copy of beni is not stored
    assert first.feeds == 3 and first.feeds_failed == 1 and first.entries == 9
    assert first.duplicates == 1 and first.run is not None and first.run.articles == 4
    assert {a.title for a in articles.values() if a} == {
        "Rebels attack army base near Beni", "Police arrest protesters in Goma",
        "Militia fighters clash with soldiers near Bunia", "Gunmen kill three villagers near Kisangani"}
    bunia = next(a for a in articles.values() if a and "Bunia" in (a.title or ""))
    assert bunia.published == date(2024, 2, 4) and bunia.url == site.url("bunia.html")
    assert events and first.run.events >= 3
    codes = {r.input.removeprefix(site.base): r.code for r in first.rejections}
    assert codes == {"/missing.rss": REJECT_FETCH, "/slow.html": REJECT_FETCH, "/down.html": REJECT_FETCH,
                     "/index.html": REJECT_NO_ARTICLE, "/private/memo.html": REJECT_ROBOTS}
    assert first.exit_code == 1
    assert beni is not None and beni.article_id is not None and beni.status == 200
    assert down is not None and down.article_id is None and down.error and "503" in down.error

    # Second poll: the Atom feed is unchanged (304); the RSS feed, with entries still failing, is read again,
    # and only the pages that failed for a passing reason are asked for; nothing new is stored.
    assert second.feeds_unchanged == 1 and second.entries == 8 and second.fetched == 3 and second.already == 5
    assert site.hits["/beni.html"] == site.hits["/goma.html"] == site.hits["/index.html"] == 0
    assert site.hits["/slow.html"] == 2 and site.hits["/private/memo.html"] == 0
    atom_request = next(h for p, h in site.requests if p == "/news.atom")
    assert "if-none-match" in atom_request
    assert second.run is not None and second.run.articles == 0 and _event_ids(db) == events


def test_watch_polls_every_interval_until_interrupted(site: Site, pipeline, tmp_path: Path) -> None:
    waits: list[float] = []
    reports: list[str] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            raise KeyboardInterrupt

    with open_store(str(tmp_path / "loop.db")) as store, make_fetcher(FakeTime()) as fetcher, \
            pytest.raises(KeyboardInterrupt):
        watch([site.url("calm.rss")], fetcher, pipeline, store, every=60.0, sleep=sleep,
              report=lambda summary: reports.append(summary.line()))
    assert len(reports) == 2 and all(50 < w <= 60 for w in waits)
    assert "2 pages fetched" in reports[0] and "1 unchanged" in reports[1] and "0 pages fetched" in reports[1]


def _article_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM articles")]


# -- the command line ------------------------------------------------------------------------------------------

def test_urls_among_files_a_failing_one_is_a_rejection(site: Site) -> None:
    with make_fetcher(FakeTime(), retries=0) as fetcher:
        items = list(read_inputs([str(FIXTURES / "goma.html"), site.url("down.html"), site.url("beni.html"),
                                  site.url("image.png")], fetcher=fetcher))
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Article", "Rejection"]
    beni = items[2]
    assert isinstance(beni, Article) and beni.url == beni.origin == site.url("beni.html")
    [down, image] = [r for r in items if isinstance(r, Rejection)]
    assert (down.code, down.stage) == (REJECT_FETCH, "fetch") and "503" in down.reason
    assert image.code == REJECT_UNSUPPORTED


def test_cli_run_takes_html_files_and_urls(cli, site: Site, tmp_path: Path) -> None:
    db = tmp_path / "run.db"
    result = cli("run", str(FIXTURES / "goma.html"), site.url("down.html"), site.url("beni.html"), "--db", str(db))
    assert result.returncode == 1, result.stderr
    assert f"rejected {site.url('down.html')} [{REJECT_FETCH}, fetch]" in result.stderr
    assert "3 inputs: 2 articles" in result.stderr, result.stderr
    with sqlite3.connect(db) as conn:
        urls = {row[0] for row in conn.execute("SELECT url FROM articles")}
    assert urls == {"https://courier.example.org/2024/goma-arrests", site.url("beni.html")}
    assert site.hits["/beni.html"] == 1 and "eventwire/" in site.requests[-1][1]["user-agent"]


def test_cli_watch_once_twice_fetches_nothing_new_the_second_time(cli, site: Site, tmp_path: Path) -> None:
    db = tmp_path / "watch.db"
    args = ("watch", site.url("calm.rss"), "--once", "--db", str(db), "--rate", "0", "--timeout", "1")
    first = cli(*args)
    assert first.returncode == 0, first.stderr
    assert "1 feeds (0 unchanged, 0 failed), 2 entries: 2 pages fetched" in first.stderr
    events = _event_ids(db)
    assert events
    hits = dict(site.hits)
    second = cli(*args)
    assert second.returncode == 0, second.stderr
    assert "1 feeds (1 unchanged, 0 failed), 0 entries: 0 pages fetched" in second.stderr
    assert site.hits["/beni.html"] == hits["/beni.html"] == 1 and site.hits["/calm.rss"] == 2
    assert _event_ids(db) == events
    bad = cli("watch", site.url("index.html"), "--once", "--db", str(db), "--rate", "0")
    assert bad.returncode == 2 and f"[{REJECT_NOT_FEED}, ingest]: not an RSS or Atom feed" in bad.stderr
