"""Cyrillic place names resolved through the gazetteer: cases, Russian spellings of Ukrainian names,
oblasts by adjective and by colloquial name, hromadas, and Russian regions; romanised official names out."""

from __future__ import annotations

import pytest

from eventwire.geo.gazetteer import Gazetteer
from eventwire.lang.places import find_places
from eventwire.lang.text import sentences


def _places(text: str, gazetteer: Gazetteer) -> list[tuple[str, str]]:
    found = find_places(text, sentences(text), gazetteer, "a1")
    for m in found:
        assert text[m.start:m.end] == m.text  # offsets point into the original text
    return [(m.text, m.place.name) for m in found if m.place is not None]


@pytest.mark.parametrize(("text", "mention", "name"), [
    ("Російські дрони атакували Одесу.", "Одесу", "Odesa"),
    ("Вибух пролунав у Харкові.", "Харкові", "Kharkiv"),
    ("Ворог обстріляв Ківшарівку вночі.", "Ківшарівку", "Kivsharivka"),
    ("ВСУ обстреляли Горловку.", "Горловку", "Horlivka"),
    ("Бои идут у Кременной.", "Кременной", "Kreminna"),
    ("Противник обстрелял Никополь.", "Никополь", "Nikopol"),
    ("Войска вошли в Часов Яр.", "Часов Яр", "Chasiv Yar"),
    ("Под Часовым Яром идут бои.", "Часовым Яром", "Chasiv Yar"),
    ("Над Миколаєвом сили ППО збили три ракети.", "Миколаєвом", "Mykolayiv"),
    ("У Дніпрі затримали чоловіка.", "Дніпрі", "Dnipro"),
    ("Вночі Одесу атакували ударні дрони.", "Одесу", "Odesa"),
    ("Мешканці Одеси вийшли на мітинг.", "Одеси", "Odesa"),
    ("Шебекино снова подверглось обстрелу.", "Шебекино", "Shebekino"),
    ("Войска освободили населенный пункт Дзержинск в ДНР.", "Дзержинск", "Toretsk"),  # its former name
    # what suffered an attack: villages named after "зазнали", "потрапили під", "попали под"
    ("Ворожих обстрілів зазнали, зокрема, Новоосинове та Куп'янськ.", "Новоосинове", "Novoosynove"),
    ("Під удар потрапили Червоногригорівка та Нікополь.", "Червоногригорівка", "Chervonohryhorivka"),
    ("Под обстрел попали Новая Таволжанка и Шебекино.", "Новая Таволжанка", "Novaya Tavolzhanka"),
    ("Поблизу Балаклії трактор підірвався на міні.", "Балаклії", "Balakliya"),
])

def test_settlement_in_any_case_and_either_spelling(text: str, mention: str, name: str,
                                                     gazetteer: Gazetteer) -> None:
    assert (mention, name) in _places(text, gazetteer)


def test_a_name_after_suffering_losses_is_no_village(gazetteer: Gazetteer) -> None:
    """"зазнали втрат" is no attack: the name after it is only a place if it is a town in its own right."""
    assert _places("Бригада зазнала втрат Сирський сказав.", gazetteer) == []


@pytest.mark.parametrize(("text", "admin1"), [
    ("Удар по Харківській області.", "Kharkivska oblast"),
    ("Атака на Сумщині.", "Sumska oblast"),
    ("Обстріл на Донеччині.", "Donetska oblast"),
    ("Удар по Запорожской области.", "Zaporizka oblast"),
    ("Над Смоленской областью сбиты дроны.", "Smolenskaya oblast'"),
    ("Дрон атакував Брянську область.", "Bryanskaya oblast'"),
])
def test_oblasts_by_adjective_and_colloquial_name(text: str, admin1: str, gazetteer: Gazetteer) -> None:
    names = [name for _, name in _places(text, gazetteer)]
    assert admin1 in names


def test_a_village_is_resolved_inside_the_oblast_the_article_names(gazetteer: Gazetteer) -> None:
    # "Тернувате" is a village in several oblasts
    text = "Запорізька область під обстрілом. У Тернуватому загинули двоє людей."
    found = find_places(text, sentences(text), gazetteer, "a1")
    village = next(m for m in found if m.text == "Тернуватому")
    assert village.place is not None and village.place.admin1 == "Zaporizka oblast"


def test_hromada_is_its_centre_and_a_person_is_no_place(gazetteer: Gazetteer) -> None:
    text = ("На Дніпропетровщині ворог атакував Межівську громаду, повідомив очільник ОВА "
            "Сергій Лисак.")
    names = [name for _, name in _places(text, gazetteer)]
    assert "Mezhova" in names and "Dnipropetrovska oblast" in names
    assert not any(text_ in ("Сергій", "Лисак") for text_, _ in _places(text, gazetteer))


def test_on_zaporizhzhia_is_the_oblast_in_zaporizhzhia_the_city(gazetteer: Gazetteer) -> None:
    assert ("Запоріжжі", "Zaporizka oblast") in _places("Бої тривають на Запоріжжі.", gazetteer)
    assert ("Запоріжжі", "Zaporizhzhya") in _places("Вибух пролунав у Запоріжжі.", gazetteer)


def test_a_list_of_hromadas_in_mixed_spelling(gazetteer: Gazetteer) -> None:
    # a Russian stem with a Ukrainian ending ("-скій") is still the hromada's adjective
    text = "На Полтавщині вночі ворог завдав удари по Машівській та Решетилівскій громадах."
    names = [name for _, name in _places(text, gazetteer)]
    assert "Mashivka" in names and "Reshetylivka" in names


def test_words_that_are_not_places(gazetteer: Gazetteer) -> None:
    text = 'Війська угруповання "Восток" наступають на Південному напрямку. Україна і Росія.'
    assert _places(text, gazetteer) == []


def test_a_front_sector_is_near_its_town_and_no_sector_of_no_town_is_a_place(gazetteer: Gazetteer) -> None:
    found = find_places("На Покровському напрямку тривають бої. На Південному напрямку тихо.", sentences(
        "На Покровському напрямку тривають бої. На Південному напрямку тихо."), gazetteer, "a1")
    sectors = [(m.text, m.place.name, m.place.precision) for m in found if m.place is not None]
    assert sectors == [("Покровському напрямку", "Pokrovsk", 2)]


def test_a_list_of_oblast_adjectives_closed_by_a_plural_is_oblasts(gazetteer: Gazetteer) -> None:
    text = "Сили ППО збили 62 дрони над Сумською, Харківською та Київською областями."
    names = [name for _, name in _places(text, gazetteer)]
    assert names == ["Sumska oblast", "Kharkivska oblast", "Kyivska oblast"]


@pytest.mark.parametrize("text", [
    "Вечером россияне нанесли пять ударов КАБами по громаде в Запорожском районе Запорожской области.",
    "Росіяни обстріляли громаду в Запорізькому районі Запорізької області.",
])
def test_a_raion_is_its_centre_at_precision_2_in_either_language(text: str, gazetteer: Gazetteer) -> None:
    found = [m for m in find_places(text, sentences(text), gazetteer, "a1") if m.place is not None]
    raion = [m for m in found if m.place is not None and m.place.precision == 2]
    assert [m.place.name[:8] for m in raion if m.place is not None] == ["Zaporizh"]
