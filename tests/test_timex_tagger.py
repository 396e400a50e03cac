"""The time tagger on sentences written for these tests (publication date given per case)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.timex import tag_times

PUB = date(2024, 11, 8)  # a Friday

# (text, expression, expected TIMEX3 type, expected value)
CASES = [
    ("The talks took place on Nov. 7.", "Nov. 7", "DATE", "2024-11-07"),
    ("Fighting resumed on 7 November 2024 near the border.", "7 November 2024", "DATE", "2024-11-07"),
    ("The vote was held on November 7, 2024.", "November 7, 2024", "DATE", "2024-11-07"),
    ("The report is dated 2024-11-07.", "2024-11-07", "DATE", "2024-11-07"),
    ("Police said the raid happened 11/07/2024.", "11/07/2024", "DATE", "2024-11-07"),
    ("Troops withdrew on Thursday, 7 November.", "Thursday, 7 November", "DATE", "2024-11-07"),
    ("Officials met yesterday in Geneva.", "yesterday", "DATE", "2024-11-07"),
    ("The ministry said today that it would respond.", "today", "DATE", "2024-11-08"),
    ("The envoy arrives tomorrow.", "tomorrow", "DATE", "2024-11-09"),
    ("Two soldiers were killed two days ago.", "two days ago", "DATE", "2024-11-06"),
    ("Protesters gathered on Monday outside parliament.", "Monday", "DATE", "2024-11-04"),
    ("The summit will open on Monday.", "Monday", "DATE", "2024-11-11"),
    ("Leaders meet again next Wednesday.", "next Wednesday", "DATE", "2024-11-13"),
    ("Shelling intensified last week.", "last week", "DATE", "2024-W44"),
    ("The mayor spoke this morning.", "this morning", "TIME", "2024-11-08TMO"),
    ("Sirens sounded last night across the city.", "last night", "TIME", "2024-11-07TNI"),
    ("The attack came late on Tuesday.", "late on Tuesday", "DATE", "2024-11-05"),
    ("Explosions were heard Tuesday night.", "Tuesday night", "TIME", "2024-11-05TNI"),
    ("Floods hit the region in March.", "March", "DATE", "2024-03"),
    ("Elections will be held in March.", "March", "DATE", "2025-03"),
    ("Crops failed last summer.", "last summer", "DATE", "2024-SU"),
    ("The ceasefire collapsed earlier this week.", "earlier this week", "DATE", "2024-W45"),
    ("The region was annexed in 2022.", "2022", "DATE", "2022"),
    ("Unrest marked the 1990s.", "the 1990s", "DATE", "199"),
    ("The siege lasted three days.", "three days", "DURATION", "P3D"),
    ("Fighting has gone on for 24 hours.", "24 hours", "DURATION", "PT24H"),
    ("Rebels held the town for several weeks.", "several weeks", "DURATION", "PXW"),
    ("Now the army is regrouping.", "Now", "DATE", "PRESENT_REF"),
    ("Patrols run daily along the line.", "daily", "SET", "P1D"),
    ("The shelling began at 3 p.m. on Tuesday.", "3 p.m. on Tuesday", "TIME", "2024-11-05T15:00"),
    ("Profit fell in the third quarter.", "the third quarter", "DATE", "2024-Q3"),
    ("A truce is planned for this weekend.", "this weekend", "DATE", "2024-W45-WE"),
    ("Aid arrived on Christmas Day 2023.", "Christmas Day 2023", "DATE", "2023-12-25"),
    ("Prices rose last month.", "last month", "DATE", "2024-10"),
    ("The law passed last year.", "last year", "DATE", "2023"),
    ("The dam was built a decade ago.", "a decade ago", "DATE", "2014"),
]


@pytest.mark.parametrize(("text", "words", "type_", "value"), CASES)
def test_expression_value(text: str, words: str, type_: str, value: str) -> None:
    mentions = tag_times(text, PUB, "t")
    found = [m for m in mentions if m.text == words]
    assert found, f"{words!r} not found; got {[m.text for m in mentions]}"
    assert (found[0].type, found[0].value) == (type_, value)
    assert text[found[0].start:found[0].end] == words


def test_range_is_one_interval() -> None:
    [m] = tag_times("Talks ran between 5 and 7 November.", PUB)
    assert m.text == "between 5 and 7 November"
    assert (m.start_date, m.end_date) == (date(2024, 11, 5), date(2024, 11, 7))


def test_day_first_convention() -> None:
    [m] = tag_times("Signed on 07/11/2024.", PUB, day_first=True)
    assert m.value == "2024-11-07"


@pytest.mark.parametrize(("text", "words", "value"), [
    ("The army entered the town on Monday. The next day it withdrew.", "The next day", "2024-11-05"),
    ("Troops arrived on 3 November. A day later they left.", "A day later", "2024-11-04"),
    ("Talks began on Monday. Two days later they failed.", "Two days later", "2024-11-06"),
    ("The plant closed in 2019. That year, prices fell.", "That year", "2019"),
])
def test_anchored_on_previous_expression(text: str, words: str, value: str) -> None:
    found = [m for m in tag_times(text, PUB) if m.text == words]
    assert found and found[0].value == value


def test_overnight_before_publication_without_other_anchor() -> None:
    [m] = tag_times("Drones struck the port overnight, officials said.", PUB)
    assert m.value == "2024-11-07TNI"
    assert (m.start_date, m.end_date) == (date(2024, 11, 7), date(2024, 11, 8))


def test_overnight_before_the_narrative_yesterday() -> None:
    text = ("The army yesterday announced new drafts. Officials met yesterday in the capital.\n\n"
            "Air defence units fired throughout the night.")
    night = [m for m in tag_times(text, PUB) if m.text == "the night"][0]
    assert night.end_date == date(2024, 11, 7) and night.start_date == date(2024, 11, 6)
    assert night.rule and "2024-11-07" in night.rule


def test_overnight_anchored_in_same_sentence() -> None:
    [_, night] = tag_times("On Tuesday the city was hit overnight.", PUB)
    assert night.end_date == date(2024, 11, 5)


@pytest.mark.parametrize("text", [
    "Yesterday the 6-year-old boy was found.", "He may resign.", "The march drew thousands.",
    "About 2000 people fled.", "They fall back.",
])
def test_no_false_expressions(text: str) -> None:
    assert [m.text for m in tag_times(text, PUB) if m.text not in ("Yesterday",)] == []


def test_without_publication_date_relative_stays_unresolved() -> None:
    text = "Yesterday troops left; on 7 November 2024 they returned."
    mentions = {m.text: m for m in tag_times(text, None)}
    assert mentions["Yesterday"].value == "XXXX-XX-XX" and mentions["Yesterday"].start_date is None
    assert mentions["7 November 2024"].value == "2024-11-07"


def test_offsets_and_article_id() -> None:
    text = "Rockets fell on Sunday."
    [m] = tag_times(text, PUB, "a1")
    assert (m.article_id, text[m.start:m.end], m.rule) == ("a1", "Sunday", m.rule) and m.rule


@pytest.mark.parametrize(("text", "published", "words", "value"), [
    # Same weekday as publication: the day itself; "last" means the week before.
    ("The strike happened on Friday.", date(2024, 11, 8), "Friday", "2024-11-08"),
    ("The strike happened last Friday.", date(2024, 11, 8), "last Friday", "2024-11-01"),
    # A month after publication with no forward cue is last year's; with one, this year's.
    ("Fighting broke out in December.", date(2024, 3, 2), "December", "2023-12"),
    ("A vote is scheduled for December.", date(2024, 3, 2), "December", "2024-12"),
    # Year-less dates: the closest year, then the clause's tense.
    ("The accord takes effect Jan. 5.", date(2024, 12, 20), "Jan. 5", "2025-01-05"),
    ("The fiscal year ended March 31.", date(2024, 11, 1), "March 31", "2024-03-31"),
    ("Winter arrived early.", date(2024, 1, 15), "Winter", "2023-WI"),
    ("The last Thanksgiving was quiet.", date(2024, 11, 8), "last Thanksgiving", "2023-11-23"),
])
def test_resolution_conventions(text: str, published: date, words: str, value: str) -> None:
    found = [m for m in tag_times(text, published) if m.text == words]
    assert found and found[0].value == value, [(m.text, m.value) for m in tag_times(text, published)]


@pytest.mark.parametrize(("text", "words", "value"), [
    # The day named before it, not the day the news was told ("said on Friday").
    ("Artillery shelled the district on Wednesday evening, the governor said on Friday. The shells "
     "struck a school shortly after 7 pm.", "7 pm", "2024-11-06T19:00"),
    # No day before it: the article's narrative day ("yesterday" in the lead), not publication.
    ("At 3 p.m. gunmen opened fire on a bus. Police yesterday arrested two men.", "3 p.m.",
     "2024-11-07T15:00"),
    # A day of its own wins over both.
    ("Troops withdrew on Wednesday. The convoy left at 10 a.m. Thursday.", "10 a.m. Thursday",
     "2024-11-07T10:00"),
    # Only a speech act dates the story: that day is still the best there is.
    ("The minister said on Wednesday that talks began at noon.", "noon", "2024-11-06T12:00"),
])
def test_bare_clock_time_takes_the_story_day(text: str, words: str, value: str) -> None:
    found = {m.text: m for m in tag_times(text, PUB)}
    assert found[words].value == value, found[words].rule


def test_night_after_an_evening_is_that_night() -> None:
    text = ("Shells hit the district on Wednesday evening, officials said on Friday. "
            "Rescuers worked through the night.")
    night = next(m for m in tag_times(text, PUB) if m.text == "the night")
    assert (night.start_date, night.end_date) == (date(2024, 11, 6), date(2024, 11, 7)), night.rule
