"""Sentences that tell a period or a front, not an event, and the events told beside them. Real spaCy
pipeline and detector; sentences written for these tests."""

from __future__ import annotations

from datetime import date

from eventwire.records import Article


def _sub_types(pipeline, text: str) -> list[str | None]:
    [result] = list(pipeline.process([Article(id="t", text=text, published=date(2025, 11, 4))]))
    return [e.sub_event_type for e in result.events if e.event_type is not None]


def test_an_event_in_a_clause_that_spans_a_period_is_not_one_event(pipeline) -> None:
    assert _sub_types(pipeline, "Culiacan has been shaken for more than a year by a war between two cartel "
                                "factions that has left at least 1,200 people killed.") == []
    # an event told on its day is one
    assert _sub_types(pipeline, "Gunmen killed three men at a car wash in Culiacan on Monday, police said.") \
        == ["Attack"]


def test_an_advance_told_in_another_clause_leaves_a_capture_an_event(pipeline) -> None:
    assert _sub_types(pipeline, "Russia has taken two villages in the western Kursk area, a commander said, as "
                                "Russian forces advance against Ukrainian troops.") == ["Government regains territory"]
    # an advance in the capture's own clause is the summary it was
    assert _sub_types(pipeline, "Russian forces have advanced and captured ground in all directions this "
                                "year, the commander said.") == []
