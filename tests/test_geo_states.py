"""States and provinces: a town followed by its state ("Fresno, Calif."), a state's name against towns named
after it, a city of millions against the region of its name, and demonyms scored where a geoparsing set
annotates them. Real gazetteer, real spaCy pipeline; sentences and XML written for these tests."""

from __future__ import annotations

from pathlib import Path

from eventwire.evaluate.geoparsing import evaluate_geoparsing
from eventwire.geo import Gazetteer
from eventwire.records.place import Place
from tests.conftest import place_mentions as _mentions


def _place(text: str, mention: str, gazetteer: Gazetteer) -> Place:
    m = _mentions(text, gazetteer)[mention]
    assert m.place is not None, m.reason
    return m.place


def test_a_state_abbreviation_after_a_comma_is_the_towns_container(gazetteer: Gazetteer) -> None:
    # Fresno is also a town in Texas, and the sentence names Texas first.
    text = "The sergeant, who trained in Texas, now lives in Fresno, Calif., with his family."
    place = _place(text, "Fresno", gazetteer)
    assert place.country == "US" and place.admin1 == "California"
    state = _place(text, "Calif.", gazetteer)
    assert state.feature == "admin1" and state.admin1 == "California"


def test_a_state_named_in_full_after_a_comma_picks_the_namesake_inside_it(gazetteer: Gazetteer) -> None:
    text = "Flooding closed two schools in Paris, Texas, on Monday, county officials said."
    place = _place(text, "Paris", gazetteer)
    assert place.country == "US" and place.admin1 == "Texas"


def test_a_list_of_states_is_no_town_and_container(gazetteer: Gazetteer) -> None:
    text = "Volunteers came from Missouri, Ohio, Indiana and Illinois to help after the storm."
    found = _mentions(text, gazetteer)
    for name in ("Missouri", "Ohio", "Indiana"):
        place = found[name].place
        assert place is not None and place.feature == "admin1", found[name].reason


def test_a_states_name_is_the_state_not_a_town_named_after_it_near_the_articles_places(
        gazetteer: Gazetteer) -> None:
    # California and Washington are also small towns just south of Pittsburgh, Pennsylvania.
    text = ("Engineers in Pittsburgh, Pa., tested the parts before they were shipped to a base in California, "
            "a spokesman said in Washington.")
    found = _mentions(text, gazetteer)
    state = found["California"].place
    assert state is not None and state.feature == "admin1" and state.admin1 == "California", found["California"].reason
    capital = found["Washington"].place
    assert capital is not None and capital.admin1 == "District of Columbia", found["Washington"].reason
    # ... unless the text puts the town there
    town = _place("The mayor of California, Pa., said the bridge would reopen.", "California", gazetteer)
    assert town.admin1 == "Pennsylvania" and town.feature == "town"


def test_a_city_of_millions_is_what_its_bare_name_means(gazetteer: Gazetteer) -> None:
    text = "The airline plans daily flights between New York and Chicago from next spring."
    place = _place(text, "New York", gazetteer)
    assert place.feature in ("city", "capital") and (place.population or 0) > 5_000_000
    region = _place("Lawmakers in New York state passed the budget on Friday.", "New York state", gazetteer)
    assert region.feature == "admin1"


_LGL_XML = """<articles>
<article docid="1"><text>{text}</text><toponyms>
<toponym><start>{start}</start><end>{end}</end><phrase>Russian</phrase>
<gaztag geonameid="2017370"><lat>60.0</lat><lon>100.0</lon></gaztag></toponym>
</toponyms></article>
</articles>"""


def test_lgl_format_scores_demonym_predictions_as_its_gold_marks_them(gazetteer_path: Path, tmp_path: Path) -> None:
    text = "Russian officials said the border crossing would reopen on Monday."
    path = tmp_path / "lgl-mini.xml"
    path.write_text(_LGL_XML.format(text=text, start=0, end=len("Russian")), encoding="utf-8")
    report = evaluate_geoparsing(path, gazetteer_path=gazetteer_path)
    assert report.gold_with_coordinates == 1
    assert report.end_to_end_within_161 == 1.0


def test_a_russian_districts_adjective_is_coded_to_the_town_it_is_named_after(gazetteer: Gazetteer) -> None:
    text = ("Shelling hit the Shebekinsky city district and the Grayvoronsky district of Belgorod region, "
            "the governor said.")
    found = _mentions(text, gazetteer)
    shebekino = found["Shebekinsky city district"].place
    assert shebekino is not None and shebekino.name == "Shebekino" and shebekino.precision == 2
    grayvoron = found["Grayvoronsky district"].place
    assert grayvoron is not None and grayvoron.name == "Grayvoron" and grayvoron.country == "RU"


def test_the_end_of_a_compound_town_name_is_no_district_adjective(gazetteer: Gazetteer) -> None:
    # "Siversky" alone would be read as the district of Siversk, a town of Donetsk oblast.
    found = _mentions("In Novhorod-Siversky district of Chernihiv region, Russians fired at a car.", gazetteer)
    for m in found.values():
        assert m.place is None or m.place.admin1 != "Donetska oblast", m.reason


def test_a_region_named_after_its_generic_word_and_of(gazetteer: Gazetteer) -> None:
    text = "The blast hit a battalion base in a rural village in the department of César, the army said."
    place = _place(text, "César", gazetteer)
    assert place.country == "CO" and place.feature == "admin1"
    assert "Justice" not in _mentions("The Department of Justice said it would appeal.", gazetteer)


def test_a_split_english_county_is_known_by_its_old_name(gazetteer: Gazetteer) -> None:
    from eventwire.geo.world import shire_of

    assert shire_of("West Northamptonshire") == ["Northamptonshire"] and shire_of("Cheshire East") == ["Cheshire"]
    assert shire_of("Hampshire") == [] and shire_of("North Somerset") == []
    text = ("The British series visits Snetterton in Norfolk, then Rockingham in Northamptonshire, "
            "the UK organisers said.")
    place = _place(text, "Northamptonshire", gazetteer)
    assert place.country == "GB" and place.feature == "admin2"


def test_a_landmark_is_not_moved_to_a_city_of_a_country_the_article_is_not_about(gazetteer: Gazetteer) -> None:
    text = ("Toyota said its new car will race in the British Touring Car Championship. The season opens at "
            "Oulton Park next month, the UK organisers said.")
    circuit = _mentions(text, gazetteer)["Oulton Park"]
    assert circuit.place is None or circuit.place.country == "GB", circuit.reason
