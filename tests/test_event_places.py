"""Which place an event gets: the most specific place attached to it, not a dateline, not a government named by
its capital or country, and the article around it when its own sentence is vague or silent. Real gazetteer,
real spaCy pipeline (and the real extraction pipeline for whole articles); sentences written for these tests."""

from __future__ import annotations

from datetime import date

from eventwire.extract.locate import inside, locate
from eventwire.extract.settle import echoes
from eventwire.geo import Gazetteer, places_for_doc
from eventwire.nlp import parse_one
from eventwire.pipeline import ArticleResult
from eventwire.records import Article, Event, Location, Place, PlaceMention


def _locate(text: str, trigger: str, gazetteer: Gazetteer) -> Location | None:
    doc = parse_one(text)
    places = places_for_doc(doc, "t", gazetteer)
    return locate(next(t for t in doc if t.text == trigger), places)


def _events(pipeline, text: str) -> list[Event]:
    [result] = list(pipeline.process([Article(id="t", text=text, published=date(2024, 6, 12))]))
    assert isinstance(result, ArticleResult)
    return [e for e in result.events if e.event_type is not None]


def test_the_town_inside_the_region_wins(gazetteer: Gazetteer) -> None:
    where = _locate("In the Kharkiv region, Russian troops fired at a civilian car near Balakliia, the governor said.",
                    "fired", gazetteer)
    assert where is not None and where.place.admin1 == "Kharkivska oblast" and where.place.precision == 2  # near it
    where = _locate("An explosion in the Zaporizhzhia region damaged houses in the village of Malokaterynivka.",
                    "damaged", gazetteer)
    assert where is not None and where.place.name == "Malokaterynivka" and where.place.precision == 1
    where = _locate("In Kupiansk district, Russian troops shelled the village of Kivsharivka on Sunday.", "shelled",
                    gazetteer)
    assert where is not None and where.place.name == "Kivsharivka"  # a village of the district it names


def test_a_capital_standing_for_its_government_is_not_the_place(gazetteer: Gazetteer) -> None:
    where = _locate("Moscow's forces captured a village in the Donetsk region, the ministry said.", "captured",
                    gazetteer)
    assert where is not None and where.place.country == "UA" and where.place.precision == 3
    where = _locate("Moscow's troops have pushed forward this year, officials said.", "pushed", gazetteer)
    assert where is None or where.place.name != "Moscow"


def test_a_dateline_is_where_the_story_was_filed(gazetteer: Gazetteer) -> None:
    where = _locate("KYIV (Reuters) - Russian drones struck the port of Odesa overnight, officials said.", "struck",
                    gazetteer)
    assert where is not None and where.place.name.startswith("Odes")
    where = _locate("MOSCOW: Russian troops captured a village in the Luhansk region.", "captured", gazetteer)
    assert where is not None and where.place.country == "UA"


def test_the_country_of_an_agency_named_in_the_object_is_not_the_place(gazetteer: Gazetteer) -> None:
    where = _locate("Ukraine said on Tuesday it had detained two agents of Russia's intelligence service.",
                    "detained", gazetteer)
    assert where is None or where.place.country == "UA"


def test_where_the_arrested_man_was_spying_places_the_arrest(gazetteer: Gazetteer) -> None:
    where = _locate("Security officers detained a man who was photographing military sites in the Poltava region.",
                    "detained", gazetteer)
    assert where is not None and where.place.admin1 == "Poltavska oblast"
    where = _locate("Police detained a man who had fought in Syria.", "detained", gazetteer)
    assert where is None  # a country in a clause about the person is no place of the arrest


def test_a_continuing_sentence_makes_the_region_specific(pipeline) -> None:
    events = _events(pipeline, "A Ukrainian drone attack on Sunday in the Belgorod region injured two people, the "
                               "governor said.\nHe said the incident happened in the town of Shebekino.")
    assert events and events[0].location is not None and events[0].location.place.name == "Shebekino"


def test_an_event_told_without_a_place_continues_the_one_before(pipeline) -> None:
    events = _events(pipeline, "Russian artillery shelled Nikopol on Sunday morning, the governor said. "
                               "In the afternoon, a drone dropped explosives on a car, killing its driver.")
    assert len(events) >= 1
    assert all(e.location is not None and e.location.place.name == "Nikopol" for e in events)


def _place(name: str, feature: str, admin1: str | None, country: str = "UA", precision: int = 1) -> Place:
    return Place(name, 48.0, 37.0, country, precision, admin1=admin1, feature=feature)  # type: ignore[arg-type]


def test_inside_reads_countries_and_first_level_divisions() -> None:
    town = _place("Kostiantynivka", "town", "Donetska oblast")
    assert inside(town, _place("Donetska oblast", "admin1", "Donetska oblast", precision=3))
    assert inside(town, _place("Ukraine", "country", None, precision=3))
    assert not inside(town, _place("Kharkivska oblast", "admin1", "Kharkivska oblast", precision=3))
    assert not inside(town, _place("Russia", "country", None, country="RU", precision=3))


def test_a_resolved_name_counts_where_the_geoparser_missed_it() -> None:
    text = "Ukraine retakes Robotyne\nUkrainian troops recaptured Robotyne, officials said."
    found = PlaceMention("t", text.rindex("Robotyne"), text.rindex("Robotyne") + 8, "Robotyne",
                         place=_place("Robotyne", "village", "Zaporizka oblast"))
    again = echoes(text, [found])
    assert [(m.start, m.text) for m in again] == [(text.index("Robotyne"), "Robotyne")]
    assert again[0].place == found.place
    assert echoes("Robotyne-based units", [found]) == []  # a different word, not the name


def test_an_attacker_named_by_its_country_or_capital_is_not_where(gazetteer: Gazetteer) -> None:
    where = _locate("Russia hits a children's hospital with drones on New Year's Day.", "hits", gazetteer)
    assert where is None
    where = _locate("Russian troops shelled border villages months after Kyiv staged a cross-border raid.",
                    "shelled", gazetteer)
    assert where is None or where.place.name != "Kyiv"
    where = _locate("Kyiv came under a massive drone attack overnight.", "attack", gazetteer)
    assert where is not None and where.place.name == "Kyiv"  # a city that suffers is a place
    where = _locate("Ukraine shot down 30 Russian drones overnight.", "shot", gazetteer)
    assert where is not None and where.place.country == "UA" and where.place.precision == 3


def test_an_oblast_holds_its_own_towns_only() -> None:
    from eventwire.extract.locate import compatible

    kyiv_oblast = _place("Kyivska oblast", "admin1", "Kyivska oblast", precision=3)
    assert compatible(kyiv_oblast, _place("Bila Tserkva", "city", "Kyivska oblast"))
    assert not compatible(kyiv_oblast, _place("Mykolaiv", "city", "Mykolaivska oblast"))
    assert compatible(_place("Ukraine", "country", None, precision=3), _place("Mykolaiv", "city", "Mykolaivska oblast"))


def test_strikes_on_two_oblasts_stay_two_events(pipeline) -> None:
    events = _events(pipeline, "Russian drones struck Mykolaiv overnight, injuring one person, the governor said. "
                               "In the Kyiv region, a drone attack damaged several houses, officials said.")
    names = sorted(e.location.place.name for e in events if e.location is not None)
    assert len(names) == 2 and names[0].startswith("Kyiv") and names[1].startswith("Myko")


def test_the_full_name_of_a_place_found_in_part_is_read_too() -> None:
    text = "Drones attack Novhorod-Siverskyi\nIn Novhorod, a school was damaged."
    start = text.rindex("Novhorod")
    town = _place("Novhorod-Siverskyi", "town", "Chernihivska oblast")
    found = PlaceMention("t", start, start + 8, "Novhorod", place=town)
    again = echoes(text, [found])
    assert [m.text for m in again] == ["Novhorod-Siverskyi"]  # once, as the whole name


def test_a_shoot_down_is_one_event_per_region_named(pipeline) -> None:
    events = _events(pipeline, "Four drones were shot down over the Bryansk region, which borders Ukraine, and one "
                               "more over the Kaluga region, the defence ministry said.")
    regions = sorted(e.location.place.name for e in events
                     if e.sub_event_type == "Disrupted weapons use" and e.location is not None)
    assert regions == ["Bryanskaya oblast'", "Kaluzhskaya oblast'"]


def test_a_military_camp_named_after_its_town_places_the_battle(pipeline) -> None:
    # spaCy reads the town before "camp" as a person's name; the site's noun says it is the town.
    text = ("BAMAKO - Jihadists said on Friday they had taken the Niafounke camp in northern Mali after a "
            "suicide car bomb. Dozens of soldiers were killed in the fighting, the group claimed.")
    places = {e.location.place.name for e in _events(pipeline, text) if e.location is not None}
    assert "Niafunké" in places, places
    assert "Mali" not in places  # the town, not the country


def test_a_candidates_camp_is_no_place(gazetteer: Gazetteer) -> None:
    for text in ("Hillary Clinton spoke in Ohio on Monday, and the Clinton camp said turnout was strong.",
                 "The Clinton camp said on Monday that turnout in Iowa was strong."):
        found = places_for_doc(parse_one(text), "t", gazetteer)
        assert not any(m.text == "Clinton" and m.place is not None for m in found), [m.text for m in found]


def test_the_sentence_after_an_event_places_it_inside_its_state(pipeline) -> None:
    # The village is in no gazetteer; the next sentence names its local government area, whose seat is
    # known, and the event's own words come back two sentences later.
    text = ("Gunmen killed four farmers in Dan Kurmi village in Zamfara State on Sunday, police said. "
            "The attack happened in Maradun Local Government Area. "
            "The gunmen also killed two herders as they fled, the police spokesman added.")
    places = {(e.location.place.name, e.location.place.precision) for e in _events(pipeline, text)
              if e.location is not None}
    assert ("Maradun", 2) in places, places


def test_a_local_government_area_is_its_seat_and_a_foreign_part_of_a_name_is_no_place(
        gazetteer: Gazetteer) -> None:
    found = {m.text: m for m in places_for_doc(parse_one(
        "Bandits raided Dan Kurmi village in Zamfara State, near Maradun LGA, and Gora Dutse in the same state."),
        "t", gazetteer)}
    lga = found["Maradun LGA"].place
    assert lga is not None and lga.country == "NG" and lga.precision == 2, found["Maradun LGA"].reason
    # "Gora" alone is a town in Poland; in a story on Nigeria it is no reading of "Gora Dutse"
    assert all(m.place is None or m.place.country == "NG" for m in found.values()), \
        [(m.text, m.place.country if m.place else None) for m in found.values()]
