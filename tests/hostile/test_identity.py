"""Article identity across runs (issue 17, finding 1): a changed text under a stored id is an update that keeps
the earlier text and every analyst's correction; the same text again changes nothing. Real database files
(SQLite here; PostgreSQL too where the test server runs: see the store_url fixture)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from eventwire.records import Evidence, Place
from eventwire.store import Store, open_store
from tests.test_store import make_article, make_event, query

CHANGED = "UPDATE: " + make_article().text + " Two people were hurt."


def _reviewed(store: Store) -> str:
    """A stored article with one event that an analyst corrected and confirmed; returns the event's id."""
    assert store.save_article(make_article(), [make_event("m-old")]).status == "new"
    store.fuse()
    event_id = store.resolve_id("m-old")
    assert event_id is not None
    store.update_event(event_id, {"fatalities": 3, "summary": "Checked by phone."}, by="ana")
    store.confirm_event(event_id, by="ana")
    return event_id


def _analyst_rows(url: str) -> tuple[int, int]:
    return (int(query(url, "SELECT COUNT(*) FROM corrections")[0][0]),
            int(query(url, "SELECT COUNT(*) FROM revisions")[0][0]))


def test_same_text_again_is_a_no_op(store_url: str) -> None:
    with open_store(store_url) as store:
        _reviewed(store)
        before = _analyst_rows(store_url)
        assert store.save_article(make_article(), [make_event("m-old")]).status == "same"
        store.fuse()
        assert store.article_versions("a-1") == []
    assert _analyst_rows(store_url) == before


def test_a_changed_text_is_an_update_and_corrections_follow_the_report(store_url: str) -> None:
    with open_store(store_url) as store:
        old_id = _reviewed(store)
        before = _analyst_rows(store_url)
        # The new text moved the report (new offsets, so a new mention id): same kind of event, same place.
        moved = replace(make_event("m-new"), evidence=(Evidence("a-1", 8, 41, CHANGED[8:41]),))
        saved = store.save_article(make_article(text=CHANGED), [moved])
        assert (saved.status, saved.reattached, saved.orphaned) == ("updated", 1, ())
        store.fuse()
        [version] = store.article_versions("a-1")
        assert version.text == make_article().text
        stored = store.article("a-1")
        assert stored is not None and stored.text == CHANGED
        current = store.resolve_id(old_id)
        assert current is not None
        event = store.event(current)
        assert event is not None and event.fatalities == 3 and event.summary == "Checked by phone."
        assert event.review is not None and event.review.status == "corrected"
        assert [e.id for e in store.events()] == [current]
    assert _analyst_rows(store_url) == before  # no correction, no revision deleted


def test_an_unmatched_reviewed_event_keeps_its_corrections_and_is_reported(store_url: str) -> None:
    with open_store(store_url) as store:
        old_id = _reviewed(store)
        before = _analyst_rows(store_url)
        # The new text reports something else somewhere else, in other words.
        elsewhere = Place(name="Lviv", lat=49.84, lon=24.03, country="UA", precision=1, geonameid=702550)
        other = replace(make_event("m-other", acled=False), evidence=(Evidence("a-1", 200, 230, "x" * 30),),
                        location=replace(make_event().location, place=elsewhere))  # type: ignore[type-var]
        saved = store.save_article(make_article(text=CHANGED + " " * 200 + "x" * 40), [other])
        assert (saved.status, saved.reattached, saved.orphaned) == ("updated", 0, (old_id,))
        store.fuse()
        assert len(store.article_versions("a-1")) == 1
    assert _analyst_rows(store_url) == before
    rows = query(store_url, "SELECT field FROM corrections WHERE event_id = ? ORDER BY field", (old_id,))
    assert [r[0] for r in rows] == ["_confirmed", "fatalities", "summary"]


def test_run_reports_updated_articles_and_keeps_every_correction(cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "ew.db"
    text = ("Russian drones struck a warehouse in Kyiv overnight on 7 November 2024, AFP journalists heard. "
            "Officials said three people were killed.")
    article = {"id": "kyiv-1", "published": "2024-11-08", "title": "Kyiv", "text": text}
    (tmp_path / "a.jsonl").write_text(json.dumps(article) + "\n")
    assert cli("run", str(tmp_path / "a.jsonl"), "--db", str(db)).returncode == 0
    with open_store(str(db)) as store:
        [event] = list(store.events())
        store.update_event(event.id, {"fatalities": 4}, by="ana")
        store.confirm_event(event.id, by="ana")
    before = _analyst_rows(str(db))
    article["text"] = "UPDATE (adds the toll). " + text + " Rescue work went on into the morning."
    (tmp_path / "a.jsonl").write_text(json.dumps(article) + "\n")
    result = cli("run", str(tmp_path / "a.jsonl"), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "1 updated" in result.stderr and "Traceback" not in result.stderr
    assert _analyst_rows(str(db)) == before
    with open_store(str(db)) as store:
        assert len(store.article_versions("kyiv-1")) == 1
        events = list(store.events())
        assert any(e.fatalities == 4 and e.review is not None and e.review.status == "corrected" for e in events)
    # The same text once more: nothing changes, nothing is reported as updated.
    again = cli("run", str(tmp_path / "a.jsonl"), "--db", str(db))
    assert again.returncode == 0 and " updated," not in again.stderr


def test_delete_and_restore_revisions_record_the_change(store_url: str) -> None:
    with open_store(store_url) as store:
        event_id = _reviewed(store)
        store.delete_event(event_id, by="ana")
        store.delete_event(event_id, by="ana", restore=True)
        changes = [(r.action, r.old, r.new) for r in store.revisions(event_id) if r.action in ("delete", "restore")]
    assert changes == [("delete", False, True), ("restore", True, False)]
