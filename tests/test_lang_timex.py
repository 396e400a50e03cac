"""Ukrainian and Russian time expressions get the same TIMEX3 values and intervals as English ones."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.timex.tagger import tag_times

PUBLISHED = date(2024, 11, 8)  # a Friday


@pytest.mark.parametrize(("text", "language", "value", "start", "end"), [
    ("Удар стався 7 листопада.", "uk", "2024-11-07", "2024-11-07", "2024-11-07"),
    ("Це сталося у ніч на 7 листопада.", "uk", "2024-11-06TNI", "2024-11-06", "2024-11-07"),
    ("Вчора ворог обстріляв місто.", "uk", "2024-11-07", "2024-11-07", "2024-11-07"),
    ("Минулої доби ворог атакував громаду.", "uk", "P1D", "2024-11-07", "2024-11-08"),
    ("Сьогодні вночі над областю збили дрони.", "uk", "2024-11-07TNI", "2024-11-07", "2024-11-08"),
    ("У середу росіяни обстріляли село.", "uk", "2024-11-06", "2024-11-06", "2024-11-06"),
    ("Взрыв произошел 7 ноября 2023 года.", "ru", "2023-11-07", "2023-11-07", "2023-11-07"),
    ("В ночь на 7 ноября беспилотники атаковали регион.", "ru", "2024-11-06TNI", "2024-11-06", "2024-11-07"),
    ("За прошедшие сутки сбиты 20 беспилотников.", "ru", "P1D", "2024-11-07", "2024-11-08"),
    ("Вчера вечером противник обстрелял город.", "ru", "2024-11-07", "2024-11-07", "2024-11-07"),
    ("В понедельник в городе прогремел взрыв.", "ru", "2024-11-04", "2024-11-04", "2024-11-04"),
])
def test_value_and_interval(text: str, language: str, value: str, start: str, end: str) -> None:
    found = tag_times(text, PUBLISHED, "a1", language=language)
    assert len(found) == 1, found
    m = found[0]
    assert (m.value, str(m.start_date), str(m.end_date)) == (value, start, end)
    assert text[m.start:m.end] == m.text


def test_a_day_without_a_year_late_in_the_year_read_in_january_is_last_year() -> None:
    m = tag_times("Атака сталася 30 грудня.", date(2025, 1, 3), language="uk")[0]
    assert m.value == "2024-12-30"


def test_english_is_unchanged_by_the_language_argument() -> None:
    assert tag_times("Drones struck Kyiv overnight.", PUBLISHED, language="en") == tag_times(
        "Drones struck Kyiv overnight.", PUBLISHED)


@pytest.mark.parametrize(("text", "language"), [("Удар стався 21 червня.", "uk"),
                                                ("Drones struck the city on June 21.", "en")])
def test_without_a_publication_date_a_day_keeps_its_month_and_day(text: str, language: str) -> None:
    """Both taggers give the day an unknown year rather than dropping it."""
    values = {m.value for m in tag_times(text, None, language=language)}
    assert "XXXX-06-21" in values, values
