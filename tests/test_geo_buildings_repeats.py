"""Buildings and ways that no gazetteer lists belong to the town the article names; a name found once as a
place is a place each time it comes back; regions of the world get no pin. Real gazetteer, real spaCy
pipeline; sentences written for these tests."""

from __future__ import annotations

from eventwire.geo import Gazetteer, places_for_doc
from eventwire.geo.cityparts import is_building_name
from eventwire.nlp import parse_one
from eventwire.records.place import PlaceMention


def _mentions(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    return places_for_doc(parse_one(text), "t", gazetteer)


def _first(mentions: list[PlaceMention], text: str) -> PlaceMention:
    return next(m for m in mentions if m.text == text)


def test_a_county_named_with_its_word_is_a_place_whatever_spacy_made_of_it(gazetteer: Gazetteer) -> None:
    # an event's name, a person's title and a building: the county each time, told apart by the others
    text = ("Judge Thomas Hoover of New Kent County Circuit Court revoked bond. Show competitions are on slate "
            "at the 2009 Walker County Fair. Elections Coordinator Russ Towers of Richmond, Kentucky, said the "
            "suspect was lodged in the Madison County Detention Center.")
    found = {m.text: m for m in _mentions(text, gazetteer)}
    assert {"New Kent County", "Walker County", "Madison County"} <= set(found), list(found)
    madison = found["Madison County"].place
    assert madison is not None and madison.admin1 == "Kentucky", found["Madison County"].reason


def test_a_building_written_in_its_town_is_placed_there(gazetteer: Gazetteer) -> None:
    # spaCy calls these organisations, and no locative word comes before them
    found = _mentions("She has visited the complaints office of the Supreme People's Court in Beijing weekly.",
                      gazetteer)
    court = _first(found, "Supreme People's Court")
    assert court.place is not None and (court.place.name, court.place.precision) == ("Beijing", 2)
    found = _mentions("The state extended the contract to run Crossroads Correctional Center in Shelby.",
                      gazetteer)
    prison = _first(found, "Crossroads Correctional Center")
    assert prison.place is not None and prison.place.name == "Shelby"


def test_a_bare_county_name_is_the_county_the_article_names(gazetteer: Gazetteer) -> None:
    # England's Suffolk is a bigger county, and Suffolk, Virginia a town: neither is this story's
    text = ("Suffolk County police are searching for a woman missing since March. "
            "She closed her bank account, the Suffolk Times reports.")
    bare = next(m for m in _mentions(text, gazetteer) if m.text == "Suffolk")
    assert bare.place is not None and bare.place.name == "Suffolk County", bare.reason


def test_building_names_are_read_by_their_last_word_or_as_x_of_y() -> None:
    assert is_building_name("Karl Bremer Hospital")
    assert is_building_name("Barclays Center")
    assert is_building_name("University of Dhaka")
    assert is_building_name("14th St.")
    assert not is_building_name("Port Sudan")  # a town, though "port" can be a building's word
    assert not is_building_name("Hospital")  # the word alone names no building
    assert not is_building_name("Kramatorsk")


def test_a_building_spacy_calls_an_organisation_is_placed_in_the_town_the_article_names(
        gazetteer: Gazetteer) -> None:
    text = ("Flooding forced the evacuation of homes in Nenagh on Tuesday. "
            "Patients were moved to the Westbrook Memorial Hospital after water reached the ward.")
    found = _mentions(text, gazetteer)
    hospital = next((m for m in found if "Hospital" in m.text), None)
    assert hospital is not None, [m.text for m in found]
    assert hospital.place is not None and hospital.place.name == "Nenagh", hospital.reason
    assert hospital.place.precision == 2  # in or near the town, not a pin on the building


def test_a_building_written_before_its_town_takes_that_town(gazetteer: Gazetteer) -> None:
    # The article's most-named country is Britain, yet the text puts the hospital in Rome outright.
    text = ("British doctors met in London and Manchester on Monday. The boy was flown from Liverpool "
            "to the Little Flower Paediatric Hospital in Rome on Wednesday.")
    hospital = next(m for m in _mentions(text, gazetteer) if "Hospital" in m.text)
    assert hospital.place is not None and hospital.place.country == "IT", hospital.reason


def test_a_building_named_after_a_place_gives_way_to_that_place(gazetteer: Gazetteer) -> None:
    text = "Students marched on Friday from the Huntsville High School to the city hall in Huntsville, Alabama."
    found = _mentions(text, gazetteer)
    assert not any(m.text.endswith("High School") for m in found), [m.text for m in found]
    assert any(m.text == "Huntsville" and m.place is not None and m.place.admin1 == "Alabama" for m in found)


def test_a_name_found_once_is_a_place_each_time_it_comes_back(gazetteer: Gazetteer) -> None:
    text = ("A tornado damaged homes in Slidell, Louisiana, on Sunday. "
            "Slidell police said two people were hurt. Crews worked through the night to clear Slidell streets.")
    found = [m for m in _mentions(text, gazetteer) if m.text == "Slidell"]
    assert len(found) == 3, [(m.text, m.start) for m in found]
    assert all(m.place is not None and m.place.admin1 == "Louisiana" for m in found), [m.reason for m in found]


def test_a_repeated_name_inside_a_longer_name_or_a_title_is_not_repeated(gazetteer: Gazetteer) -> None:
    text = ("Protesters gathered in Kent on Saturday. Students at Kent State University joined them, "
            "and Mr Kent addressed the crowd.")
    found = _mentions(text, gazetteer)
    assert any(m.start == text.index("Kent") for m in found)
    # the university is a name of its own (reported, if at all, as the whole name or its embedded town)
    assert not any(m.text in ("Kent State", "State") for m in found), [(m.text, m.start) for m in found]
    assert not any(m.start == text.index("Mr Kent") + 3 for m in found), [(m.text, m.start) for m in found]


def test_a_region_of_the_world_gets_no_pin(gazetteer: Gazetteer) -> None:
    text = "Oil prices rose as tensions grew across the Middle East and the Gulf on Monday."
    for name in ("Middle East", "Gulf"):
        m = _first(_mentions(text, gazetteer), name)
        assert m.place is None and m.reason is not None and "region of the world" in m.reason, (name, m)


def test_an_institution_takes_only_a_town_named_close_by(gazetteer: Gazetteer) -> None:
    text = ("Officials in Beijing announced new export rules on Monday. The rules cover rare metals. "
            "Traders expect prices to rise. Buyers in Europe have stockpiled for months. "
            "\"It is a careful step,\" said an economist at Westfield University.")
    university = next(m for m in _mentions(text, gazetteer) if "University" in m.text)
    assert university.place is None or university.place.country != "CN", university.reason


def test_a_region_written_after_a_place_and_a_comma_is_a_place(gazetteer: Gazetteer) -> None:
    # spaCy tags the county a person; the "Town, County" shape says it is a place.
    text = "The season opens on 23 June at Croft, Yorkshire, and ends in September."
    found = {m.text: m for m in _mentions(text, gazetteer)}
    assert "Yorkshire" in found, found
    # a word after a comma that follows no place is not read as one
    found = {m.text: m for m in _mentions("Asked about it, Yorkshire said nothing on Monday.", gazetteer)}
    assert "Yorkshire" not in found, found


def test_a_building_named_after_a_county_of_the_article_is_that_county(gazetteer: Gazetteer) -> None:
    text = "Two deputies in Florence, Kentucky, moved the inmates to the Boone County Jail on Friday."
    jail = next(m for m in _mentions(text, gazetteer) if m.text.startswith("Boone County"))
    assert jail.place is not None and jail.place.feature == "admin2" and jail.place.admin1 == "Kentucky", jail


def test_new_england_is_a_region_not_a_village(gazetteer: Gazetteer) -> None:
    m = _first(_mentions("Snow closed schools across New England on Monday.", gazetteer), "New England")
    assert m.place is None, m


def test_a_russian_form_village_in_a_report_on_kursk_is_not_a_ukrainian_namesake(gazetteer: Gazetteer) -> None:
    text = ("Russian forces recaptured two villages in the Kursk region after Ukrainian troops crossed the "
            "border last month, the defence ministry said. The troops are now advancing on Sverdlikovo.")
    m = _first(_mentions(text, gazetteer), "Sverdlikovo")
    assert m.place is None or m.place.country == "RU", m


def test_the_place_a_mayor_governs_is_a_place(gazetteer: Gazetteer) -> None:
    found = {m.text for m in _mentions("Four candidates are competing to be mayor of Ozark in May.",
                                       gazetteer)}
    assert "Ozark" in found, found
    # a minister's portfolio is no place, whatever village shares its name
    assert "Agriculture" not in {m.text for m in _mentions("The Minister of Agriculture spoke on Monday.",
                                                            gazetteer)}


def test_a_tie_between_namesakes_leans_to_the_country_beside_the_one_named(gazetteer: Gazetteer) -> None:
    # Gaza (the Palestinian city) or Gaza (the province of Mozambique): Israel borders the one, not the other.
    m = _first(_mentions("Israeli strikes killed 20 people in Gaza on Monday.", gazetteer), "Gaza")
    assert m.place is not None and m.place.country == "PS", m
    assert gazetteer.neighbours("IL") >= {"PS", "LB", "JO", "EG", "SY"}
    assert "GB" not in gazetteer.neighbours("FR")  # land borders only


def test_a_known_city_spacy_calls_a_title_is_a_place_after_a_place_word(gazetteer: Gazetteer) -> None:
    # the English model (en_core_web_md) reads "Lashio in Shan State" as the title of a work
    found = {m.text: m for m in _mentions("Myanmar junta airstrikes hit villages near Lashio in Shan State, "
                                          "residents said.", gazetteer)}
    assert "Lashio" in found and found["Lashio"].place is not None and found["Lashio"].place.country == "MM"


def test_the_town_naming_what_was_struck_is_where_it_was_struck(gazetteer: Gazetteer) -> None:
    # spaCy calls the town a person or an organisation here; it is the modifier of the struck refinery
    found = {m.text: m for m in _mentions("Drones hit the Kremenchuk refinery on Sunday, officials said.", gazetteer)}
    assert "Kremenchuk" in found and found["Kremenchuk"].place is not None, found
    assert found["Kremenchuk"].place.country == "UA"


def test_a_name_opening_its_sentence_is_not_cut_into_a_place(gazetteer: Gazetteer) -> None:
    # "Police" is a town in Poland; here it is the middle of "Athens Police Department".
    text = ("Officers arrested a man in Athens, Texas, on Monday. "
            "Athens Police Department reports state two officers were dispatched.")
    found = _mentions(text, gazetteer)
    assert not any(m.text.startswith("Police") for m in found), [m.text for m in found]


def test_a_town_spacy_calls_a_product_is_placed_when_attacked(gazetteer: Gazetteer) -> None:
    found = {m.text: m for m in _mentions("Fighters attacked Djibo in the Soum province of Burkina Faso.", gazetteer)}
    assert "Djibo" in found and found["Djibo"].place is not None and found["Djibo"].place.country == "BF"


def test_a_towns_countryside_is_near_it(gazetteer: Gazetteer) -> None:
    found = _mentions("Turkish drones struck a village in the western Aleppo countryside on Monday.", gazetteer)
    rural = next(m for m in found if m.text.startswith("Aleppo"))
    assert rural.place is not None and rural.place.name == "Aleppo" and rural.place.precision == 2, rural.reason


def test_a_region_inside_a_longer_name_is_kept_a_foreign_town_is_not(gazetteer: Gazetteer) -> None:
    text = ("Athens Police arrested a man on Monday. He was held at the Henderson County Jail in Athens. "
            "Bandits killed five people in Gora Namaye village in Zamfara State.")
    found = {m.text: m for m in _mentions(text, gazetteer)}
    county = next(m for text, m in found.items() if text.startswith("Henderson County"))
    assert county.place is not None and county.place.country == "US", county.reason
    # "Gora" alone is a town in Poland
    assert not any(m.place is not None and m.place.country == "PL" for m in found.values()), list(found)


def test_a_county_after_a_venue_no_gazetteer_knows_is_the_county(gazetteer: Gazetteer) -> None:
    text = ("The 2019 calendar. 6 April: Brands Hatch Indy, Kent. 24 August: Knockhill, Fife. "
            "The season ends in October.")
    found = {m.text: m for m in _mentions(text, gazetteer)}
    for county in ("Kent", "Fife"):
        assert county in found, list(found)
        place = found[county].place
        assert place is not None and place.country == "GB" and place.feature == "admin2", found[county].reason


def test_two_neighbouring_villages_between_which_traffic_backs_up(gazetteer: Gazetteer) -> None:
    # spaCy reads both as people; the gazetteer has them 6 km apart.
    text = "The road was closed until 2pm, with congestion backing up between Coggeshall and Marks Tey."
    found = {m.text: m for m in _mentions(text, gazetteer)}
    for village in ("Coggeshall", "Marks Tey"):
        assert village in found and found[village].place is not None and found[village].place.country == "GB"
    assert not _mentions("The final between Johnson and Smith ended in a draw on Sunday.", gazetteer)
    text = "The closure will affect people travelling to Cirencester from Gloucester and Cheltenham."
    found = {m.text: m for m in _mentions(text, gazetteer)}
    assert "Cirencester" in found and found["Cirencester"].place is not None, list(found)


def test_a_place_opening_a_sentence_with_its_county_after_it(gazetteer: Gazetteer) -> None:
    # the splitter ends a sentence at the colon, so "Silverstone" opens one; the county after it says place
    text = "The 2019 calendar. 15/16 September: Silverstone, Northamptonshire. The season ends in October."
    m = _first(_mentions(text, gazetteer), "Silverstone")
    assert m.place is not None and (m.place.name, m.place.country) == ("Silverstone", "GB")


def test_a_name_a_city_owns_is_that_city_s_each_time(gazetteer: Gazetteer) -> None:
    # Heathrow is a town in Florida for the gazetteer; the airport is no row of it
    text = ("Flights were diverted on Saturday while Heathrow and Gatwick reported disruption. Crew members work "
            "out of London's Heathrow, one of the world's busiest hubs.")
    found = [m for m in _mentions(text, gazetteer) if m.text == "Heathrow"]
    assert len(found) == 2 and all(m.place is not None and m.place.name == "London" for m in found), found
    assert all(m.place is not None and m.place.precision == 2 for m in found)
