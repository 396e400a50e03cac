"""`eventwire loadtest`: a database of synthetic events, the real server on loopback, a few thousand
list/filter requests with bounded concurrency, and the latency figures per endpoint. Prints; asserts nothing."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click

from eventwire.bench.synthetic import fill
from eventwire.errors import UsageError
from eventwire.store import open_store, store_location

# (name, path): what an analyst's page asks for; "list" and "filter" rows carry the 200 ms p95 target, with
# unbounded-looking downloads in the mix as a busy server sees them.
REQUESTS = (
    ("list", "/api/events"),
    ("list page 50", "/api/events?offset=4900"),
    ("filter type", "/api/events?event_type=Battles"),
    ("filter dates", "/api/events?since=2023-03-01&until=2023-03-31"),
    ("filter bbox", "/api/events?bbox=35,48,39,51"),
    ("filter country+attribution", "/api/events?country=UA&attribution=claimed&min_confidence=0.5"),
    ("filter actor", "/api/events?actor=Rapid%20Support"),
    ("filter text", "/api/events?q=shelled%20Kharkiv"),
    ("timeline", "/api/timeline?event_type=Protests"),
    ("one event", "/api/events/ev-synthetic-0000100-0"),
    # downloads with no limit: streamed, capped (10,000 events a response, then a Link to the next part)
    ("download csv", "/api/events.csv"),
    ("download geojson", "/api/events.geojson?country=UA"),
)


def run_loadtest(n_events: int, db: str | None, n_requests: int, concurrency: int, as_json: bool) -> None:
    # A SQLite path or a store URL (postgresql://…), passed on as given.
    db_url = db or str(Path(tempfile.gettempdir()) / f"eventwire-loadtest-{n_events}.db")
    where = store_location(db_url)
    prepare(db_url, n_events)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", "import sys; from eventwire.cli import main; sys.exit(main())",
                               "serve", "--db", db_url, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_until_up(port, server)
        figures = fire(port, n_requests, concurrency)
    finally:
        server.terminate()
        server.wait(timeout=10)
    figures["events"] = n_events
    figures["database"] = where
    click.echo(json.dumps(figures, indent=1) if as_json else table(figures))


def prepare(db_url: str, n_events: int) -> None:
    where = store_location(db_url)
    with open_store(db_url) as store:
        have = store.counts().mentions
        if have == n_events:
            click.echo(f"reusing {where} ({have} synthetic events)", err=True)
            return
        if have:
            raise UsageError(f"{where} holds {have} events, not {n_events}; delete it or give another --db")
        started = time.perf_counter()
        fill(store, n_events, lambda note: click.echo(f"  {note}", err=True))
        click.echo(f"wrote {n_events} synthetic events to {where} in {time.perf_counter() - started:.0f} s", err=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(port: int, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise UsageError(f"the server stopped: {(server.stderr.read() if server.stderr else '').strip()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise UsageError("the server did not start within 60 s")


def fire(port: int, n_requests: int, concurrency: int) -> dict[str, object]:
    """Round-robin over REQUESTS; each worker keeps one keep-alive connection."""
    timings: dict[str, list[float]] = defaultdict(list)
    failures: dict[str, int] = defaultdict(int)

    def worker(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for i in range(offset, n_requests, concurrency):
            name, path = REQUESTS[i % len(REQUESTS)]
            started = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            timings[name].append(time.perf_counter() - started)
            if response.status != 200:
                failures[name] += 1
        conn.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, range(concurrency)))
    elapsed = time.perf_counter() - started
    endpoints = {name: _stats(timings[name], elapsed) | {"failed": failures[name]} for name, _ in REQUESTS}
    listing = [t for name, _ in REQUESTS if name.startswith(("list", "filter")) for t in timings[name]]
    return {"requests": n_requests, "concurrency": concurrency, "seconds": round(elapsed, 2),
            "requests_per_s": round(n_requests / elapsed, 1), "endpoints": endpoints,
            "list_and_filter": _stats(listing, elapsed), "cpus": os.cpu_count()}


def _stats(samples: list[float], elapsed: float) -> dict[str, float]:
    if not samples:
        return {"n": 0}
    ordered = sorted(samples)

    def pct(p: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1)

    return {"n": len(ordered), "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "requests_per_s": round(len(ordered) / elapsed, 1)}


def table(figures: dict[str, object]) -> str:
    rows = [f"{figures['requests']} requests, {figures['concurrency']} at a time, in {figures['seconds']} s "
            f"({figures['requests_per_s']} requests/s) on {figures['events']} events ({figures['database']})",
            f"{'endpoint':28} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>7} {'failed':>6}"]
    endpoints: dict[str, dict[str, float]] = figures["endpoints"]  # type: ignore[assignment]
    both: dict[str, float] = figures["list_and_filter"]  # type: ignore[assignment]
    for name, s in [*endpoints.items(), ("ALL list and filter", {**both, "failed": 0})]:
        rows.append(f"{name:28} {s.get('n', 0):>5} {s.get('p50_ms', 0):>8} {s.get('p95_ms', 0):>8} "
                    f"{s.get('p99_ms', 0):>8} {s.get('requests_per_s', 0):>7} {s.get('failed', 0):>6}")
    rows.append("target: list and filter requests p95 under 200 ms")
    return "\n".join(rows)
