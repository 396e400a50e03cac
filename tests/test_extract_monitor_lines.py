"""Monitor one-liners and headlines in the present tense, written for these tests, through the real spaCy
pipeline: the parser often reads a headline's verb ("kills", "hits") as a plural noun."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.records import Article, Event


def _events(pipeline, text: str) -> list[Event]:
    [result] = list(pipeline.process([Article(id="t", text=text, published=date(2024, 6, 12))]))
    return [e for e in result.events if e.event_type is not None]


@pytest.mark.parametrize(("text", "sub", "place"), [
    ("Russian sniper kills man in Beryslav", "Attack", "Beryslav"),
    ("Drone hits car near Kupiansk, driver wounded", "Air/drone strike", "Kupyansk"),
])
def test_a_headline_verb_read_as_a_noun_still_tells_the_event(pipeline, text: str, sub: str, place: str) -> None:
    events = _events(pipeline, text)
    top = max(events, key=lambda e: e.confidence)
    assert top.sub_event_type == sub
    assert top.location is not None and top.location.place.name == place


@pytest.mark.parametrize("text", ["Company profits rise in Kyiv", "Bakery sells bread in Odesa"])
def test_a_verbless_business_line_tells_no_event(pipeline, text: str) -> None:
    assert _events(pipeline, text) == []


@pytest.mark.parametrize(("text", "sub"), [
    ("Guided bomb hits Sumy suburbs, 2 killed", "Air/drone strike"),  # a bomb dropped by aircraft, by its kind
    ("Russian aircraft dropped three glide bombs on Vovchansk on Monday.", "Air/drone strike"),
    ("A guided missile hit the port of Odesa on Monday.", "Shelling/artillery/missile attack"),
    ("Kostiantynivka: Russian MLRS strike on a residential area", "Shelling/artillery/missile attack"),
])
def test_the_weapon_decides_the_remote_sub_type(pipeline, text: str, sub: str) -> None:
    events = _events(pipeline, text)
    assert max(events, key=lambda e: e.confidence).sub_event_type == sub


def test_a_rally_at_a_named_place_is_a_protest_and_a_market_rally_is_not(pipeline) -> None:
    events = _events(pipeline, "Rally in Lviv for prisoners of war, hundreds attend")
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]
    assert _events(pipeline, "Rally in Tokyo stocks lifts the Nikkei") == []


def test_the_country_owning_the_weapons_is_not_where_they_struck(pipeline) -> None:
    [event] = _events(pipeline, "US and British warplanes struck militia targets near Taiz, Yemen, on Saturday.")
    assert event.location is not None and event.location.place.country == "YE"


def test_a_rally_held_for_a_cause_is_a_protest(pipeline) -> None:
    text = "On 4 October 2023, residents of Lviv held a rally demanding more funding for the army."
    assert [e.sub_event_type for e in _events(pipeline, text)] == ["Peaceful protest"]


def test_a_claimed_control_of_a_town_is_a_capture_and_other_claims_are_not(pipeline) -> None:
    events = _events(pipeline, "On 25 December 2023, Russian forces claimed full control of Marinka, Donetsk.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]
    assert _events(pipeline, "The company claimed control of the market in Kyiv.") == []


def test_events_going_on_at_a_named_place_are_no_habitual_talk(pipeline) -> None:
    events = _events(pipeline, "Protests continue in Tbilisi for a third night.")
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]
    assert _events(pipeline, "The protests continue, the minister complained.") == []


def test_a_rally_that_only_dates_something_else_is_no_trigger_of_its_own() -> None:
    from eventwire.extract.detect import find_triggers
    from eventwire.nlp import parse_one

    doc = parse_one("Lawyers spoke about students detained during the rally in Minsk.")
    assert all(doc[t.i].lower_ != "rally" for t in find_triggers(doc))
    doc = parse_one("Thousands joined the rally in Minsk on Sunday.")
    assert any(doc[t.i].lower_ == "rally" for t in find_triggers(doc))
