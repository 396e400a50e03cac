"""event_date: which expression governs an event, and honest fallbacks (sentences written for the tests)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.records.time import DateSpan
from eventwire.timex import event_date, tag_times
from eventwire.timex.narrative import sentence_of, sentences

PUB = date(2024, 11, 8)


def _date_of(text: str, trigger: str, published: date | None = PUB,
             clause: str | None = None) -> DateSpan | None:
    """Date the event whose trigger word is `trigger`; the clause is `clause` if given, else the sentence."""
    at = text.index(trigger)
    sent = sentence_of(sentences(text), at)
    cl = (text.index(clause), text.index(clause) + len(clause)) if clause else sent
    return event_date(tag_times(text, published), trigger=(at, at + len(trigger)), clause=cl, sentence=sent,
                      published=published, text=text)


@pytest.mark.parametrize(("text", "trigger", "start", "end", "precision"), [
    ("Rebels seized the airport on Tuesday.", "seized", "2024-11-05", "2024-11-05", "day"),
    ("Shelling killed three people yesterday.", "killed", "2024-11-07", "2024-11-07", "day"),
    ("Drones struck the port overnight.", "struck", "2024-11-08", "2024-11-08", "day"),
    ("Fighting raged last week near the river.", "Fighting", "2024-10-28", "2024-11-03", "week"),
    ("Talks ran between 5 and 7 November in Doha.", "Talks", "2024-11-05", "2024-11-07", "days"),
    ("The town was bombed in March.", "bombed", "2024-03-01", "2024-03-31", "month"),
    # A span counted back from publication dates what happened in it (daily war reports).
    ("Forces repelled assaults over the past day.", "repelled", "2024-11-07", "2024-11-08", "days"),
    ("Shelling killed nine people in the past three days.", "killed", "2024-11-05", "2024-11-08", "days"),
])
def test_same_sentence(text: str, trigger: str, start: str, end: str, precision: str) -> None:
    span = _date_of(text, trigger)
    assert span is not None
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == (start, end, precision)
    assert span.rule


def test_no_time_expression_is_the_publication_window_not_the_publication_day() -> None:
    span = _date_of("Police arrested two men in the port city.", "arrested")
    assert span is not None
    assert (span.start, span.end, span.precision, span.text) == (date(2024, 11, 7), PUB, "days", None)
    assert span.rule and "2024-11-08" in span.rule and "no time expression" in span.rule


def test_narrative_day_of_the_lead() -> None:
    text = ("The army yesterday stormed the village. Officials confirmed the raid yesterday.\n\n"
            "Police later arrested two men in the port city.")
    span = _date_of(text, "arrested")
    assert span is not None and span.start == span.end == date(2024, 11, 7)


def test_historic_year_in_another_clause_does_not_date_the_event() -> None:
    text = "Authorities are evacuating villages that the Kremlin claimed in 2022 were Russian."
    span = _date_of(text, "evacuating")
    assert span is not None and span.start.year == 2024
    claim = _date_of(text, "claimed")
    assert claim is not None
    assert (claim.start, claim.end, claim.precision) == (date(2022, 1, 1), date(2022, 12, 31), "year")


def test_past_event_never_after_publication() -> None:
    # "Nov. 20" resolves to this year's (after publication); a past-tense event must not take it.
    span = _date_of("The convoy was attacked on Nov. 20.", "attacked", published=date(2024, 11, 8))
    assert span is not None and span.end <= date(2024, 11, 8)


def test_planned_event_may_be_after_publication() -> None:
    span = _date_of("The parties will sign the accord on Monday.", "sign")
    assert span is not None and span.start == date(2024, 11, 11)


def test_clause_beats_sentence() -> None:
    text = "Troops withdrew on Monday, and on Wednesday the rebels attacked."
    span = _date_of(text, "attacked", clause="on Wednesday the rebels attacked")
    assert span is not None and span.start == date(2024, 11, 6)


def test_no_publication_date() -> None:
    assert _date_of("Police arrested two men.", "arrested", published=None) is None
    span = _date_of("Police arrested two men on 3 March 2023.", "arrested", published=None)
    assert span is not None and span.start == date(2023, 3, 3)


def test_past_event_in_this_week_is_clipped_at_publication() -> None:
    span = _date_of("Shares fell this week on the news.", "fell", published=date(2024, 11, 6))
    assert span is not None and span.end == date(2024, 11, 6) and span.rule and "clipped" in span.rule


def test_sentences_skip_abbreviations() -> None:
    text = "Gen. Smith left on Nov. 7 at 3 p.m. local time. Troops followed.\n\nA new paragraph."
    assert [text[s:e] for s, e in sentences(text)] == [
        "Gen. Smith left on Nov. 7 at 3 p.m. local time.", "Troops followed.", "A new paragraph."]


def test_undated_event_after_a_clock_time_is_the_story_day_not_the_reporting_day() -> None:
    text = ("Shells hit a school on Wednesday evening, the governor said on Friday. "
            "Rescuers pulled two bodies from the rubble after 9 pm.")
    span = _date_of(text, "pulled")
    assert span is not None and span.start == span.end == date(2024, 11, 6), span.rule


def test_a_period_named_by_its_end_does_not_date_the_event() -> None:
    # "the fiscal year ending March 31 1988" names a budget's year, not when the committee meets.
    text = ("The parties agreed to reopen talks on the budget for the fiscal year ending March 31 1988 "
            "when the committee meets next Tuesday.")
    span = _date_of(text, "meets", published=date(1987, 2, 26),
                    clause="March 31 1988 when the committee meets next")
    assert span is not None and span.start == date(1987, 3, 3), span.rule
