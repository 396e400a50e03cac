"""Postal abbreviations of states and provinces after a town ("Columbus, GA", "Vancouver, B.C.", "Sydney
NSW"): the town's container, and a region mention of their own. Real gazetteer, real spaCy pipeline;
sentences written for these tests."""

from __future__ import annotations

from eventwire.geo import Gazetteer
from eventwire.records.place import Place
from tests.conftest import place_mentions as _mentions


def _place(text: str, mention: str, gazetteer: Gazetteer) -> Place:
    m = _mentions(text, gazetteer)[mention]
    assert m.place is not None, m.reason
    return m.place


def test_a_us_postal_code_picks_the_namesake_in_that_state(gazetteer: Gazetteer) -> None:
    # The largest Columbus is in Ohio; the code puts this one in Georgia.
    text = "Two people were hurt in a shooting in Columbus, GA late on Saturday, police said."
    place = _place(text, "Columbus", gazetteer)
    assert place.country == "US" and place.admin1 == "Georgia"
    state = _place(text, "GA", gazetteer)
    assert state.feature == "admin1" and state.admin1 == "Georgia"


def test_a_canadian_abbreviation_settles_a_namesake_across_the_border(gazetteer: Gazetteer) -> None:
    text = "A fire broke out in a warehouse in Vancouver, B.C., early on Monday."
    place = _place(text, "Vancouver", gazetteer)
    assert place.country == "CA" and place.admin1 == "British Columbia"
    assert _place(text, "B.C.", gazetteer).feature == "admin1"


def test_a_code_of_two_countries_is_the_region_holding_the_town(gazetteer: Gazetteer) -> None:
    # "WA" is Washington and Western Australia; "NT" the Northern Territory and the Northwest Territories.
    text = "Roads were closed near Perth, WA and in Yellowknife, NT after the storms."
    assert _place(text, "WA", gazetteer).admin1 == "Western Australia"
    assert _place(text, "NT", gazetteer).admin1 == "Northwest Territories"


def test_an_australian_state_code_without_a_comma(gazetteer: Gazetteer) -> None:
    text = "The festival in Sydney NSW drew large crowds on Saturday."
    assert _place(text, "NSW", gazetteer).admin1 == "New South Wales"


def test_capitals_after_a_town_that_are_no_region_are_left_alone(gazetteer: Gazetteer) -> None:
    text = "Police in Paris, AFP reported, detained two men on Friday."
    found = _mentions(text, gazetteer)
    assert found["Paris"].place is not None and found["Paris"].place.country == "FR"
    assert "AFP" not in found or found["AFP"].place is None or found["AFP"].place.feature != "admin1"
