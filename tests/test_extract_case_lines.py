"""ACLED codebook lines that the CASE 2021 sub-types turn on, on sentences written for these tests, through the
real spaCy pipeline and shipped detector: weapons disrupted, road blockades, suicide attacks, a chemical agent
told in the next sentence, armed men against villages, who retook ground."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.records import Article, Event


def _events(pipeline, text: str) -> list[Event]:
    [result] = list(pipeline.process([Article(id="t", text=text, published=date(2024, 6, 12))]))
    return [e for e in result.events if e.event_type is not None]


def _top(pipeline, text: str) -> str | None:
    events = _events(pipeline, text)
    return max(events, key=lambda e: e.confidence).sub_event_type if events else None


@pytest.mark.parametrize(("text", "sub"), [
    # weapons found, seized with no arrest, an IED destroyed by those who found it
    ("Soldiers discovered a large quantity of ammunition hidden in a cave near Lodwar on Friday.",
     "Disrupted weapons use"),
    ("Army engineers destroyed an improvised explosive device planted beside the road to Gao.",
     "Disrupted weapons use"),
    # demonstrators blocking roads: a violent demonstration in the CASE coding of ACLED
    ("Hundreds of striking truckers blocked the main highways into Lagos on Monday to protest a fuel tax.",
     "Violent demonstration"),
    # the attacker carried the bomb
    ("A suicide bomber detonated an explosive vest at a checkpoint in Mogadishu, killing seven people.",
     "Suicide bomb"),
    # the agent told of the same munitions in the next sentence
    ("Insurgents fired rockets into the eastern districts of Idlib on Monday. Doctors said the rockets "
     "carried chlorine gas.", "Chemical weapon"),
    # an armed group against villages (no fight told): an Attack, not a battle
    ("Gunmen attacked two villages in Zamfara state overnight, leaving 14 people dead.", "Attack"),
    # a withdrawal with no one taking the ground over changes the group's activity; under a deal, ground changes hands
    ("French troops pulled out of their base near Menaka on Wednesday, the army said.", "Change to group/activity"),
    ("Government troops withdrew from the town of Kidal under a deal that handed it to the rebels.",
     "Non-violent transfer of territory"),
    # self-immolation: a protest with no violence against others
    ("A street vendor set himself on fire outside the governor's office in Kasserine on Monday in protest "
     "against police harassment.", "Peaceful protest"),
    # ACLED's Agreement includes surrenders
    ("Forty militia fighters surrendered to the army in the town of Beni on Saturday.", "Agreement"),
    # demonstrators staging a sit-in
    ("Teachers' union demonstrators staged a sit-in outside the education ministry in Nairobi on Tuesday.",
     "Peaceful protest"),
    # a toll of protesters killed told in the sentence before the march
    ("Four die as police fire on protesters in Conakry. Thousands of demonstrators marched through the city on "
     "Thursday.", "Excessive force against protesters"),
    # the speaker who claims the gain is the taker
    ("The Iraqi army said it recaptured the town of Baiji from Islamic State militants on Tuesday.",
     "Government regains territory"),
])
def test_the_codebooks_line(pipeline, text: str, sub: str) -> None:
    assert _top(pipeline, text) == sub


@pytest.mark.parametrize("text", [
    "Police blocked the road leading to the parliament as protesters gathered peacefully outside.",
    "Ukrainian air defence shot down two suicide drones over Kharkiv overnight.",
])
def test_no_blockade_by_the_police_and_no_suicide_bomb_of_drones(pipeline, text: str) -> None:
    assert all(e.sub_event_type not in ("Violent demonstration", "Suicide bomb") for e in _events(pipeline, text))
