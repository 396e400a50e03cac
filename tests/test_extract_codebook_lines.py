"""ACLED codebook lines read from who did what to whom, on sentences written for these tests, through the
real spaCy pipeline and shipped detector: arson of property, killing fighters who surrendered, units moved."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.records import Article, Event


def _events(pipeline, text: str) -> list[Event]:
    [result] = list(pipeline.process([Article(id="t", text=text, published=date(2024, 6, 12))]))
    return [e for e in result.events if e.event_type is not None]


@pytest.mark.parametrize(("text", "sub"), [
    ("Unidentified persons set fire to a military enlistment office in the city on Sunday.",
     "Looting/property destruction"),
    ("Russian forces executed two surrendering Ukrainian soldiers near the village.", "Attack"),
    ("Russian forces relocated additional units to the area of Svatove.", "Change to group/activity"),
])
def test_the_codebooks_line(pipeline, text: str, sub: str) -> None:
    events = _events(pipeline, text)
    assert events and max(events, key=lambda e: e.confidence).sub_event_type == sub


def test_bodies_set_on_fire_are_no_property(pipeline) -> None:
    text = "Bodies were placed in a pile and set on fire, residents said."
    assert all(e.sub_event_type != "Looting/property destruction" for e in _events(pipeline, text))
