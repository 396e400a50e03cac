"""The store on SQLite and on PostgreSQL: migrations, idempotence, round trips (real database files in tmp
dirs, real databases on the test server: see the store_url fixture)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import StoreError
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
    Rejection,
    SourceRef,
)
from eventwire.store import (
    EventFilter,
    RunStats,
    Store,
    StoreCounts,
    is_postgres,
    open_store,
    sqlite_path,
    store_location,
)
from eventwire.store.migrations import MIGRATIONS

TEXT = "Drones struck a warehouse in Kyiv overnight, AFP journalists heard. Moscow demanded talks."


def make_article(article_id: str = "a-1", text: str = TEXT) -> Article:
    return Article(id=article_id, text=text, title="Drones over Kyiv", published=date(2024, 11, 8),
                   url="https://example.org/a-1", source="Example Wire", language="en",
                   origin=f"{article_id}.txt")


def make_event(event_id: str = "e-1", article_id: str = "a-1", day: int = 7, located: bool = True,
               acled: bool = True) -> Event:
    place = Place(name="Kyiv", lat=50.4547, lon=30.5238, country="UA", precision=1, geonameid=703448,
                  admin1="Kyiv City", uncertainty_km=10.0)
    return Event(
        id=event_id,
        event_type="Explosions/Remote violence" if acled else None,
        sub_event_type="Air/drone strike" if acled else None,
        plover=Plover("ASSAULT", "drone") if acled else Plover("REQUEST", None),
        modality="asserted",
        date=DateSpan(date(2024, 11, day), date(2024, 11, day), "day", "overnight", "night before"),
        actor1=Actor("Military Forces of Russia", "RUS", "state forces", "Russian"),
        location=Location(place, "Kyiv") if located else None,
        attribution=Attribution("witnessed", "AFP journalists", "AFP journalists heard"),
        summary="Russian drones struck a warehouse in Kyiv.",
        evidence=(Evidence(article_id, 0, 33, TEXT[0:33]),),
        sources=(SourceRef(article_id, "Drones over Kyiv", "2024-11-08", None, "Example Wire"),),
        confidence=0.82,
    )


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


def query(url: str, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Rows straight from the database, past the store; `sql` with `?` placeholders."""
    if is_postgres(url):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            cursor = conn.execute(sql.replace("?", "%s"), params)  # type: ignore[arg-type]
            return cursor.fetchall() if cursor.description else []
    with sqlite3.connect(url) as conn:
        return conn.execute(sql, params).fetchall()


def dump(url: str | Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the data tables, for comparing a database before and after."""
    return {table: sorted(query(str(url), f"SELECT * FROM {table}"), key=repr)
            for table in ("articles", "events", "migrations")}


def test_fresh_database_has_schema_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    with open_store(str(path)) as s:
        assert s.counts() == StoreCounts(0, 0, 0)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        rows = conn.execute("SELECT id, name FROM migrations").fetchall()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert rows == [(m.version, m.name) for m in MIGRATIONS]
    assert {"articles", "events", "rejections", "runs", "migrations"} <= tables
    assert {"events_date", "events_type", "mentions_article", "mentions_candidates"} <= indexes


def test_reopen_keeps_data_and_does_not_reapply(store_url: str) -> None:
    with open_store(store_url) as s:
        s.save_article(make_article(), [make_event()])
    before = dump(store_url)
    with open_store(store_url if is_postgres(store_url) else f"sqlite:///{store_url}") as s:
        assert s.counts() == StoreCounts(1, 1, 0, mentions=1)
    assert dump(store_url) == before
    assert [row[:2] for row in query(store_url, "SELECT id, name FROM migrations ORDER BY id")] == [
        (m.version, m.name) for m in MIGRATIONS]


def test_future_schema_version_is_refused(store_url: str) -> None:
    open_store(store_url).close()
    query(store_url, "INSERT INTO migrations VALUES (999, 'from the future', '2099-01-01T00:00:00+00:00')")
    with pytest.raises(StoreError, match="newer than this eventwire knows") as info:
        open_store(store_url)
    assert "upgrade eventwire" in str(info.value)


def test_older_database_is_migrated(store_url: str) -> None:
    # A database from before any migration ran: only the ledger.
    query(store_url, "CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT)")
    with open_store(store_url) as s:
        s.save_article(make_article(), [make_event()])
        assert s.counts().events == 1


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable eventwire database"):
        open_store(str(path))


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        open_store(str(tmp_path / "no" / "such" / "dir" / "x.db"))


def test_urls() -> None:
    assert sqlite_path("sqlite:///data/x.db") == "data/x.db"
    assert sqlite_path("sqlite:////abs/x.db") == "/abs/x.db"
    assert sqlite_path("plain.db") == "plain.db"
    assert sqlite_path(None).endswith("eventwire.db")
    # For a PostgreSQL URL, what "stored in …" messages print: never the password.
    assert sqlite_path("postgresql://ana:s3cret@db:5432/events") == "postgresql://ana:***@db:5432/events"
    assert store_location("postgres://db/events?password=s3cret&sslmode=require") == (
        "postgres://db/events?password=***&sslmode=require")
    assert store_location("x.db") == "x.db"
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://localhost/events")


def test_default_path_is_eventwire_db_in_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    open_store(None).close()
    assert (tmp_path / "eventwire.db").exists()


def test_save_twice_changes_nothing(store_url: str) -> None:
    path = store_url
    article, events = make_article(), [make_event("e-1"), make_event("e-2", day=8)]
    with open_store(store_url) as s:
        s.save_article(article, events)
        s.save_rejection(Rejection("bad.txt", "ingest", "E104", "no date"))
        first = dump(path), s.counts()
        s.save_article(article, events)
        s.save_rejection(Rejection("bad.txt", "ingest", "E104", "no date"))
        assert (dump(path), s.counts()) == first
    assert first[1] == StoreCounts(articles=1, events=2, rejections=1, mentions=2)


def test_resave_replaces_the_articles_events(store: Store) -> None:
    store.save_article(make_article(), [make_event("e-1"), make_event("e-2")])
    store.save_article(make_article(), [make_event("e-3")])
    assert [e.id for e in store.events()] == ["e-3"]
    store.save_article(make_article(), [])
    assert store.counts() == StoreCounts(1, 0, 0)


def test_event_round_trip(store: Store) -> None:
    events = [make_event("e-1"), make_event("e-2", located=False, acled=False)]
    store.save_article(make_article(), events)
    assert list(store.events()) == events
    assert store.event("e-2") == events[1]
    assert store.event("nope") is None
    assert [e.to_dict() for e in store.events()] == [e.to_dict() for e in events]


def test_article_round_trip(store: Store) -> None:
    article = make_article()
    store.save_article(article, [])
    assert store.article(article.id) == article
    bare = Article(id="a-2", text="Only text.", origin="x.jsonl:2")
    store.save_article(bare, [])
    assert store.article("a-2") == bare
    assert store.article("missing") is None


def test_events_order_and_filters(store: Store) -> None:
    undated = replace(make_event("e-0", "a-2"), date=None)
    store.save_article(make_article("a-2"), [undated, make_event("e-9", "a-2", day=5)])
    store.save_article(make_article("a-1"), [make_event("e-2", day=7), make_event("e-1", day=7),
                                             make_event("e-5", day=9, acled=False)])
    assert [e.id for e in store.events()] == ["e-9", "e-1", "e-2", "e-5", "e-0"]
    assert [e.id for e in store.events(limit=2, offset=1)] == ["e-1", "e-2"]
    assert [e.id for e in store.events(EventFilter(since=date(2024, 11, 6), until=date(2024, 11, 7)))] == [
        "e-1", "e-2"]
    acled = EventFilter(event_type="Explosions/Remote violence")
    assert store.count_events(acled) == 4
    assert [e.id for e in store.events(EventFilter(plover_type="REQUEST"))] == ["e-5"]
    assert store.count_events(EventFilter(article_id="a-2", country="UA")) == 2
    assert store.count_events(EventFilter(country="'; DROP TABLE events; --")) == 0
    assert store.count_events() == 5


def test_rejections_are_unique_and_cleared_when_the_input_reads(store: Store) -> None:
    store.save_rejection(Rejection("a-1.txt", "ingest", "E102", "not UTF-8"))
    store.save_rejection(Rejection("a-1.txt", "ingest", "E102", "not UTF-8, still"))
    store.save_rejection(Rejection("b.jsonl:3", "ingest", "E105", "bad JSON"))
    assert [r.reason for r in store.rejections()] == ["not UTF-8, still", "bad JSON"]
    store.save_article(make_article("a-1"), [])  # the file was fixed and now reads
    assert [r.input for r in store.rejections()] == ["b.jsonl:3"]


def test_runs_are_recorded(store_url: str) -> None:
    with open_store(store_url) as s:
        run_id = s.start_run(["data/", "-"])
        s.finish_run(run_id, RunStats(articles=3, events=5, no_event_articles=1, rejections=2))
    [row] = query(store_url, "SELECT inputs, articles, events, no_event_articles, rejections, finished_at "
                  "FROM runs WHERE id = ?", (run_id,))
    assert row[:5] == ('["data/", "-"]', 3, 5, 1, 2) and row[5]


def test_batch_is_one_transaction(store: Store) -> None:
    with pytest.raises(RuntimeError), store.batch():
        store.save_article(make_article("a-1"), [make_event("e-1")])
        raise RuntimeError("stop")
    assert store.counts() == StoreCounts(0, 0, 0)
    with store.batch():
        for n in range(50):
            store.save_article(make_article(f"a-{n}"), [make_event(f"e-{n}", f"a-{n}")])
    assert store.counts() == StoreCounts(50, 50, 0, mentions=50)


def test_a_failed_save_leaves_nothing_half_written(store: Store) -> None:
    store.save_article(make_article(), [make_event("e-1")])
    broken = replace(make_event("e-2"), confidence=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.save_article(make_article(), [make_event("e-3"), broken])
    assert [e.id for e in store.events()] == ["e-1"]


def test_runs_resume_only_when_the_last_run_on_the_same_inputs_never_finished(store_url: str) -> None:
    from eventwire.records.progress import PartitionDone
    from eventwire.store.base import RunStats

    with open_store(store_url) as store:
        assert store.resumable_run(["a.jsonl"]) is None
        killed = store.start_run(["a.jsonl"])
        with store.batch():
            store.mark_partition_done(killed, PartitionDone(0, "k0", 3, 5, 1, 0))
        assert store.resumable_run(["a.jsonl"]) == killed
        assert store.resumable_run(["b.jsonl"]) is None
        assert store.done_partitions(killed) == {0: PartitionDone(0, "k0", 3, 5, 1, 0)}
        store.finish_run(killed, RunStats())
        assert store.resumable_run(["a.jsonl"]) is None


def test_fetch_records_are_replaced_per_url(store_url: str) -> None:
    from eventwire.records.progress import FetchRecord

    with open_store(store_url) as store:
        assert store.fetch_record("http://x/feed") is None
        store.save_fetch(FetchRecord("http://x/feed", "2026-11-25T00:00:00+00:00", 200, etag='"v1"'))
        store.save_fetch(FetchRecord("http://x/feed", "2026-11-25T00:15:00+00:00", 304, etag='"v1"'))
        record = store.fetch_record("http://x/feed")
        assert record is not None and record.status == 304 and record.etag == '"v1"'


def test_postgresql_urls_are_shown_without_their_password() -> None:
    from eventwire.store.urls import display_url

    assert display_url("postgresql:///events") == "postgresql:///events"  # the local socket keeps its "//"
    assert display_url("postgresql://ana:s3cret@db:5432/ev?sslmode=require") == \
        "postgresql://ana:***@db:5432/ev?sslmode=require"
    assert "s3cret" not in display_url("postgresql:///ev?port=5433&password=s3cret")


def test_corrections_are_typed_records_applied_to_the_event() -> None:
    """A stored correction reads back as its field's record (an Actor, a DateSpan, a Location), and applying it
    replaces that field alone and says who reviewed the event."""
    from eventwire.store.corrections import CONFIRMED, DELETED, Correction, apply

    event = make_event()
    actor = Correction.from_json("actor1", {"name": "Police", "country": "UKR"}, "ana", "2024-11-09T10:00:00+00:00")
    when = Correction.from_json("date", {"start": "2024-11-06", "end": "2024-11-06", "precision": "day"}, "bo", "t2")
    assert actor.value == Actor("Police", "UKR") and when.value == DateSpan(date(2024, 11, 6), date(2024, 11, 6), "day")
    corrected, deleted = apply(event, [actor, when])
    assert corrected.actor1 == Actor("Police", "UKR") and corrected.date == when.value and not deleted
    assert corrected.location == event.location and corrected.fatalities == event.fatalities
    assert corrected.review is not None and (corrected.review.status, corrected.review.by) == ("corrected", "bo")
    assert corrected.review.corrected == ("actor1", "date")
    confirmed, _ = apply(event, [Correction.from_json(CONFIRMED, True, "ana", "t")])
    assert confirmed.review is not None and confirmed.review.status == "confirmed" and confirmed.actor1 == event.actor1
    assert apply(event, [Correction.from_json(DELETED, True, "ana", "t")])[1] is True
    assert apply(event, []) == (event, False)
    with pytest.raises(TypeError):
        Correction.from_json("actor1", {"nom": "Police"}, "ana", "t")
