"""Articles without a publication date: a day named with its weekday gives the article's year.

The sentences are written for these tests. `today` is fixed so that the expected years do not move.
"""

from datetime import date

from eventwire.timex.tagger import tag_times
from eventwire.timex.weekday_year import year_reference

TODAY = date(2026, 11, 30)


def test_weekday_and_date_give_the_most_recent_matching_year() -> None:
    # 18 June fell on a Saturday in 2022 (and in 2016): the most recent one is taken.
    assert year_reference("On Saturday, June 18, rockets hit the port.", today=TODAY) == date(2022, 6, 18)
    assert year_reference("On Tuesday 4 March the convoy was ambushed.", today=TODAY) == date(2025, 3, 4)


def test_a_day_after_the_reading_day_is_not_taken() -> None:
    # 30 November 2026 is a Monday; a Monday 30 December has not come yet in 2026, so 2024's is taken.
    assert year_reference("On Monday, December 30, the talks resumed.", today=TODAY) == date(2024, 12, 30)


def test_several_named_days_agree_on_one_year() -> None:
    text = "Shelling began on Friday, 6 June. By Sunday, 8 June, the village was empty."
    assert year_reference(text, today=TODAY) == date(2025, 6, 6)


def test_no_weekday_or_a_written_year_gives_no_reference() -> None:
    assert year_reference("On June 18 rockets hit the port.", today=TODAY) is None
    assert year_reference("On Saturday, June 18, 2016, rockets hit the port.", today=TODAY) is None
    # a weekday that cannot fall on that date in the last twelve years' calendar still gives nothing wrong
    assert year_reference("On Funday, June 18, nothing.", today=TODAY) is None


def test_ukrainian_and_russian_weekday_dates() -> None:
    assert year_reference("Ворог увечері в суботу, 21 червня, обстріляв місто.", "uk", TODAY) == date(2025, 6, 21)
    assert year_reference("Во вторник, 4 марта, прогремели взрывы.", "ru", TODAY) == date(2025, 3, 4)


def test_the_tagger_dates_the_articles_other_days_with_that_year() -> None:
    text = ("On Saturday, June 18, missiles struck the city. On the night of June 15 the district was "
            "shelled. Yesterday the mayor spoke.")
    values = {m.text: m.value for m in tag_times(text, None)}
    assert values["Saturday, June 18"].startswith("2022-06-18")
    assert values["June 15"] == "2022-06-15"
    assert "Yesterday" not in values or not values["Yesterday"].startswith("20")


def test_a_publication_date_still_rules() -> None:
    values = {m.text: m.value for m in tag_times("On Saturday, June 18, missiles struck.", date(2016, 6, 20))}
    assert values["Saturday, June 18"] == "2016-06-18"


def test_ukrainian_tagger_uses_the_reference() -> None:
    text = "Російські військові в суботу, 21 червня, обстріляли Краматорськ."
    mentions = tag_times(text, None, language="uk")
    assert any(m.value == "2025-06-21" and m.start_date == date(2025, 6, 21) for m in mentions)
