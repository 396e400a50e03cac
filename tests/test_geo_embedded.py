"""Place names inside organisations' and events' names: a country's initials ("the U.S. Federal Trade
Commission", "US Special Forces"), a well-known place ("the Munich Security Conference"), a town of any size
before its own civic body ("Grand Ledge Police", "the DeKalb City Council"), and a large place spaCy tagged
as a nationality ("authorities in Tunis"). Real gazetteer, real spaCy pipeline; sentences written for these
tests."""

from __future__ import annotations

from eventwire.geo import Gazetteer, places_for_doc
from eventwire.nlp import parse_one
from tests.conftest import place_mentions as _mentions


def test_a_countrys_dotted_initials_inside_an_agencys_name(gazetteer: Gazetteer) -> None:
    found = _mentions("The company now faces a probe by the U.S. Federal Trade Commission.", gazetteer)
    assert found["U.S."].place is not None and found["U.S."].place.country == "US"
    assert found["U.S."].kind == "metonym"


def test_us_in_capitals_is_the_country_not_the_pronoun(gazetteer: Gazetteer) -> None:
    found = _mentions("The soldier had been serving with US Special Forces for two years.", gazetteer)
    assert found["US"].place is not None and found["US"].place.feature == "country"


def test_a_small_town_before_its_police_or_council_is_a_place(gazetteer: Gazetteer) -> None:
    text = "Grand Ledge Police Officers responded to the fire, and the Edwardsville City Council met later."
    found = _mentions(text, gazetteer)
    assert found["Grand Ledge"].place is not None and found["Grand Ledge"].place.admin1 == "Michigan"
    assert found["Edwardsville"].place is not None and found["Edwardsville"].place.country == "US"


def test_initials_that_only_match_an_iso_code_are_no_country(gazetteer: Gazetteer) -> None:
    found = _mentions("The IT Department of the bank said the outage was fixed by Monday.", gazetteer)
    assert "IT" not in found


def test_a_capital_tagged_as_a_nationality_is_the_place_not_a_peoples_plural(gazetteer: Gazetteer) -> None:
    # spaCy tags "Tunis" here as a nationality; read as a plural, it would be the people of "Tuni".
    found = _mentions("The report deeply embarrassed the authorities in Tunis, and officials denied it.", gazetteer)
    assert found["Tunis"].kind == "toponym"
    assert found["Tunis"].place is not None and found["Tunis"].place.country == "TN"


def test_a_peoples_plural_stays_no_place(gazetteer: Gazetteer) -> None:
    found = _mentions("Thousands of Venezuelans crossed the border on foot last week.", gazetteer)
    assert "Venezuelans" not in found or found["Venezuelans"].kind == "demonym"


def test_a_demonym_of_a_continent_or_a_two_word_country_is_a_mention(gazetteer: Gazetteer) -> None:
    text = ("The European Commission fined the firm on Monday, and a South Korean court upheld "
            "the ruling the same week.")
    found = _mentions(text, gazetteer)
    assert found["European"].kind == "demonym" and found["European"].place is not None
    assert found["European"].place.feature == "continent"
    assert found["South Korean"].place is not None and found["South Korean"].place.country == "KR"


def test_a_town_before_its_schools_or_police_initials_is_a_place(gazetteer: Gazetteer) -> None:
    text = "Superintendents of the Owensboro Public Schools met the Slidell PD chief in Louisiana."
    found = _mentions(text, gazetteer)
    assert found["Owensboro"].place is not None and found["Owensboro"].place.admin1 == "Kentucky"


def test_a_name_before_based_is_a_place(gazetteer: Gazetteer) -> None:
    # spaCy tags Northbrook an organisation and Kent a person here
    found = _mentions("Officials for Northbrook-based Crate & Barrel and the Kent-based team could not be reached.",
                      gazetteer)
    assert found["Northbrook"].place is not None and found["Northbrook"].place.country == "US"
    assert "Kent" in found


def test_a_well_known_place_inside_an_events_name(gazetteer: Gazetteer) -> None:
    found = _mentions("Delegates gathered for the Munich Security Conference on Friday.", gazetteer)
    assert found["Munich"].kind == "metonym"
    assert found["Munich"].place is not None and found["Munich"].place.country == "DE"


def test_a_club_named_after_a_park_is_no_metonym_of_the_city(gazetteer: Gazetteer) -> None:
    """"Queens Park Rangers" is named after a park in London, not after Queens, New York, whose reading
    would also pull "Sheffield" to Massachusetts."""
    found = _mentions("Queens Park Rangers beat Sheffield Wednesday 2-1 on Saturday.", gazetteer)
    assert "Queens" not in found
    assert found["Sheffield"].place is not None and found["Sheffield"].place.country == "GB"


def test_a_small_town_the_article_names_is_a_place_inside_a_clubs_name_too(gazetteer: Gazetteer) -> None:
    text = ("Volunteers from the Chesterton Garden Club planted trees along the river on Saturday. "
            "The club has met in Chesterton, Indiana, since 1952.")
    found = places_for_doc(parse_one(text), "t", gazetteer)
    in_club = [m for m in found if m.start == text.index("Chesterton")]
    assert in_club and in_club[0].kind == "metonym"
    assert in_club[0].place is not None and in_club[0].place.admin1 == "Indiana"


def test_a_small_town_only_inside_a_clubs_name_is_no_place(gazetteer: Gazetteer) -> None:
    # Without the article naming it elsewhere, a small town's name inside an organisation's is as likely a
    # founder's surname.
    found = _mentions("Volunteers from the Chesterton Garden Club planted trees along the river on Saturday.",
                      gazetteer)
    assert "Chesterton" not in found
