"""Language identification: the declared language is honoured, an absent one is detected, and only
English, Ukrainian and Russian are read."""

from __future__ import annotations

import pytest

from eventwire.lang.identify import identify, normalise, unsupported_reason


@pytest.mark.parametrize(("declared", "code"), [("uk", "uk"), ("uk-UA", "uk"), ("UKR", "uk"), ("Russian", "ru"),
                                                ("ru_RU", "ru"), ("en-GB", "en"), ("zh-Hans", "zh"), ("", None),
                                                (None, None)])
def test_declared_language_is_normalised(declared: str | None, code: str | None) -> None:
    assert normalise(declared) == code


def test_declared_language_wins_over_the_text() -> None:
    assert identify("Russian drones attacked Odesa overnight.", "uk") == "uk"


@pytest.mark.parametrize(("text", "code"), [
    ("У ніч на 7 листопада російські війська атакували Одесу ударними дронами.", "uk"),
    ("В ночь на 7 ноября российские войска атаковали Одессу ударными дронами, сообщили в ОВА.", "ru"),
    ("Russian drones attacked Odesa overnight, damaging residential buildings, the governor said.", "en"),
    ("俄罗斯无人机周四凌晨袭击了乌克兰南部城市敖德萨。", "zh"),
    ("Des drones russes ont frappé Odessa dans la nuit, a indiqué le gouverneur de la région, ajoutant que "
     "plusieurs maisons avaient été endommagées et que les secours travaillaient encore sur place ce matin.", "fr"),
    ("Rosyjskie drony zaatakowały w nocy Odessę, poinformował gubernator obwodu, dodając, że uszkodzone "
     "zostały budynki mieszkalne w centrum miasta, a ratownicy nadal pracują na miejscu od samego rana.", "pl"),
])
def test_language_is_detected_when_absent(text: str, code: str) -> None:
    assert identify(text) == code


@pytest.mark.parametrize("text", [
    "Shr 2.31 dlrs vs 1.96 dlrs\n    Net 119.0 mln vs 101.0 mln\n    Revs 10.03 billion vs 9.1 billion\n"
    "    Avg shrs 51.6 mln vs 51.4 mln\n    Nine mths\n    Shr 6.80 dlrs vs 5.71 dlrs",
    "Kyiv • УНН",
    "12345 67890",
])
def test_tables_and_scraps_are_not_taken_for_a_foreign_language(text: str) -> None:
    assert identify(text) in ("en", "uk")


def test_unsupported_reason_names_the_language_and_what_is_read() -> None:
    assert unsupported_reason("zh") == "language zh is not read; supported: en, uk, ru"
