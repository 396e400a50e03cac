"""A small real SQLite database of fused events for the hostile API tests, written through the store (no NLP:
these tests are about the API's edges, not extraction)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from eventwire.records import Actor, Article, Attribution, DateSpan, Event, Evidence, Location, Place, Plover
from eventwire.records.event import SourceRef
from eventwire.store import open_store

KYIV = Place("Kyiv", 50.4547, 30.5238, "UA", 1, geonameid=703448, admin1="Kyiv City", uncertainty_km=10.0)
TEXTS = ("=HYPERLINK(\"http://evil.example\",\"x\") Russian drones struck a warehouse in Kyiv overnight.",
         "+1 Russian drones hit a warehouse in Kyiv overnight, officials said.",
         "@SUM(A1) Protesters gathered in Kyiv on Friday.")


def _event(n: int, text: str) -> Event:
    article_id = f"a-{n}"
    protest = "Protesters" in text
    return Event(
        id=f"e-{n}", modality="asserted", attribution=Attribution("reported", "-2+3 wire\tservice", None),
        evidence=(Evidence(article_id, 0, len(text), text),),
        sources=(SourceRef(article_id, f"Report {n}", "2024-11-08", None, "=cmd|' /C calc'!A0"),),
        confidence=0.8, event_type="Protests" if protest else "Explosions/Remote violence",
        sub_event_type="Peaceful protest" if protest else "Air/drone strike",
        plover=Plover("PROTEST" if protest else "ASSAULT", None),
        date=DateSpan(date(2024, 11, 8), date(2024, 11, 8), "day", "overnight", "test"),
        actor1=Actor("Military Forces of Russia", "RUS", "state forces", "Russian"),
        location=Location(KYIV, "Kyiv"), fatalities=n, summary=text)


def build(path: Path) -> Path:
    with open_store(str(path)) as store:
        for n, text in enumerate(TEXTS):
            event = _event(n, text)
            store.save_article(Article(id=f"a-{n}", text=text, title=f"Report {n}", published=date(2024, 11, 8)),
                               [event])
        # One more, undated and unlocated, so filters have something to leave out.
        lone = replace(_event(9, "Officials demanded talks."), id="e-9", date=None, location=None,
                       event_type=None, sub_event_type=None, plover=Plover("REQUEST", None))
        store.save_article(Article(id="a-9", text="Officials demanded talks.", published=date(2024, 11, 8)), [lone])
        store.fuse()
        store.create_token("hostile")
    return path


def token(path: Path) -> str:
    with open_store(str(path)) as store:
        return store.create_token("analyst")
