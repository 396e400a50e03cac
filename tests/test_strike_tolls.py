"""Who killed and who died: a strike whose subject is the weapon ("an airstrike killed 9 civilians") keeps
its ACLED sub-type and its toll, read through the real spaCy pipeline, gazetteer and shipped detector."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.casualties import casualties_in
from eventwire.nlp import parse_one
from eventwire.records import Article, Event


def _events(pipeline, text: str) -> list[Event]:
    [result] = list(pipeline.process([Article(id="t", text=text, published=date(2024, 6, 12))]))
    return [e for e in result.events if e.event_type is not None]


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("An airstrike killed 9 civilians in the village.", 9, None),  # the subject is the killer, the object died
    ("A drone attack on the region has injured four people, the governor said.", None, 4),
    ("Two soldiers died in the fighting.", 2, None),  # no object: the subject is the victim
    ("Three killed in blast at a market.", 3, None),
    ("A woman was killed and two men were wounded.", 1, 2),
])
def test_the_toll_counts_the_victims_not_the_killer(text: str, killed: int | None, injured: int | None) -> None:
    toll = casualties_in(parse_one(text)[:])
    assert (toll.fatalities, toll.injuries) == (killed, injured)


@pytest.mark.parametrize("text", [
    "An airstrike on a village in the Sagaing region killed at least 9 civilians, local residents said.",
    "An Israeli airstrike on a house in Rafah killed seven civilians overnight, health officials said.",
])
def test_a_strike_that_kills_civilians_is_still_the_strike(pipeline, text: str) -> None:
    # ACLED: remote violence keeps its sub-type whoever its victims are; it is no "Attack"
    [event] = _events(pipeline, text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.fatalities in (7, 9)


@pytest.mark.parametrize(("text", "sub", "killed"), [
    ("A roadside bomb killed four soldiers near the town, police said.", "Remote explosive/landmine/IED", 4),
    ("Shells fired by the rebels landed in a displacement camp, killing 12 people.",
     "Shelling/artillery/missile attack", 12),
])
def test_a_weapon_that_kills_makes_the_weapons_event(pipeline, text: str, sub: str, killed: int) -> None:
    # the killing verb's subject is a weapon: neither an Attack nor, for soldiers killed, a battle
    [event] = _events(pipeline, text)
    assert (event.sub_event_type, event.fatalities) == (sub, killed)


def test_gunmen_killing_civilians_stay_an_attack(pipeline) -> None:
    [event] = _events(pipeline, "Gunmen killed 12 villagers in an overnight raid on a farming community.")
    assert event.sub_event_type == "Attack" and event.fatalities == 12
