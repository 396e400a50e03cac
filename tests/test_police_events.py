"""Police as actors, and the IndiaPoliceEvents labels an article's events amount to (sentences written for these
tests, through the real pipeline)."""

from __future__ import annotations

from eventwire.evaluate.india_police import police_labels, prf
from tests.test_extract_rules import events_for


def test_police_with_no_country_in_the_text_take_the_place_country(pipeline) -> None:
    events = events_for(pipeline, "Police arrested 40 people in Vadodara on Monday after clashes between two "
                                  "groups.", published="2002-03-05")
    [arrest] = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrest.actor1 is not None and arrest.actor1.name == "Police Forces of India"
    assert police_labels(events) == {"ARREST"}


def test_killed_in_police_firing_names_the_police_as_the_doer(pipeline) -> None:
    events = events_for(pipeline, "Two people were killed in police firing in Vadodara on Monday.",
                        published="2002-03-05")
    assert any(e.actor1 is not None and e.actor1.kind == "police" and e.fatalities == 2 for e in events), [
        (e.sub_event_type, e.actor1, e.fatalities) for e in events]
    assert police_labels(events) == {"FORCE", "KILL"}


def test_wounded_in_a_country_s_strikes_names_its_forces(pipeline) -> None:
    events = events_for(pipeline, "Five civilians were killed in Israeli strikes on Khan Younis on Tuesday.")
    assert any(e.actor1 is not None and e.actor1.country == "ISR" for e in events)


def test_a_statement_about_the_police_is_no_police_action(pipeline) -> None:
    events = events_for(pipeline, "The chief minister said on Saturday that the situation in the state had "
                                  "improved and praised the police.", published="2002-03-05")
    assert police_labels(events) == set()


def test_precision_recall_f1_of_document_labels() -> None:
    assert prf([True, True, False, False], [True, False, True, False]) == (0.5, 0.5, 0.5, 2)
    assert prf([False, False], [False, False]) == (0.0, 0.0, 0.0, 0)
