"""How local news names its town without a locative word: the dateline in capitals ("XENIA — ..."), a
resident named by the town ("a 24-year-old Elkhart man") and the town's services ("Chiefland Police").
Real gazetteer, real spaCy pipeline; sentences written for these tests."""

from __future__ import annotations

from eventwire.geo import Gazetteer
from tests.conftest import place_mentions as _mentions


def test_a_dateline_in_capitals_is_the_town_the_story_was_filed_in(gazetteer: Gazetteer) -> None:
    text = "School board approves budget.\nXENIA — The school board approved next year's budget on Tuesday."
    found = _mentions(text, gazetteer)
    assert found["XENIA"].kind == "metonym"
    assert found["XENIA"].place is not None and found["XENIA"].place.admin1 == "Ohio"


def test_capitals_joined_by_a_hyphen_are_no_dateline(gazetteer: Gazetteer) -> None:
    found = _mentions("UK-EU talks resumed on Monday after a week's pause.", gazetteer)
    assert all(m.kind != "metonym" or m.text != "UK" for m in found.values())


def test_a_resident_named_by_the_town(gazetteer: Gazetteer) -> None:
    text = "A 24-year-old Elkhart man who fled from officers during a traffic stop was arrested on Friday."
    found = _mentions(text, gazetteer)
    assert found["Elkhart"].place is not None and found["Elkhart"].place.country == "US"


def test_residents_named_by_a_town_that_opens_the_sentence(gazetteer: Gazetteer) -> None:
    """"Chicopee residents discuss ..." (spaCy: an organisation). Before, a name at the very start of a
    sentence was never read, though the rule meant to take it. A capitalised word that is no name for the
    entity finder stays out there: "Young men" is no Young, Uruguay."""
    found = _mentions("Chicopee residents discuss a land purchase. Young men were seen leaving.", gazetteer)
    town = found["Chicopee"].place
    assert town is not None and (town.country, town.admin1) == ("US", "Massachusetts")
    assert "Young" not in found


def test_a_surname_before_family_is_no_town(gazetteer: Gazetteer) -> None:
    found = _mentions("The Jones family thanked the volunteers who searched the woods all night.", gazetteer)
    assert "Jones" not in found


def test_a_town_named_before_its_police_or_mayor(gazetteer: Gazetteer) -> None:
    # spaCy tags both towns as people here
    text = ("The fight involved as many as 200 people. Chiefland Police Chief Robert Douglas said his officers "
            "were outnumbered. Drugs are spreading outside the city. St. Thomas police confirmed an overdose.")
    found = _mentions(text, gazetteer)
    assert found["Chiefland"].place is not None and found["Chiefland"].place.admin1 == "Florida"
    # the abbreviation is part of the name: not Thomas, a town elsewhere
    assert found["St. Thomas"].place is not None and found["St. Thomas"].place.name == "St. Thomas"


def test_a_name_opened_by_an_abbreviation_is_one_name(gazetteer: Gazetteer) -> None:
    # spaCy splits "Ste." and the full stop ends a sentence inside the name
    found = _mentions("His roots extend to Canada - Sault Ste. Marie, Ontario, to be exact.", gazetteer)
    assert found["Sault Ste. Marie"].place is not None and found["Sault Ste. Marie"].place.country == "CA"
    found = _mentions("The plant in Ft. Worth closed last year.", gazetteer)
    assert found["Ft. Worth"].place is not None and found["Ft. Worth"].place.name == "Fort Worth"


def test_a_dateline_with_an_abbreviated_state(gazetteer: Gazetteer) -> None:
    text = "Lions Club member wins a prize.\nCHARLESTON, W.Va. -- Jim McMillon of the Charleston club won."
    found = _mentions(text, gazetteer)
    charleston = found["CHARLESTON"]
    assert charleston.kind == "metonym"  # where the story was filed
    assert charleston.place is not None and charleston.place.admin1 == "West Virginia"
    text = "Man accused of threatening a tax worker.\nST. PAUL -- Morris told the St. Paul Pioneer Press he had."
    found = _mentions(text, gazetteer)
    assert found["ST. PAUL"].place is not None and found["ST. PAUL"].place.name == "Saint Paul"
    # Paul, a region of Cape Verde, is no part of the newspaper's name
    assert found["St. Paul"].place is not None and found["St. Paul"].place.name == "Saint Paul"


def test_a_small_town_around_a_well_known_name_inside_an_organisation(gazetteer: Gazetteer) -> None:
    text = "Volunteers cleaned the reservoir during an event sponsored by the Friends of the New Concord Reservoir."
    found = _mentions(text, gazetteer)
    assert found["New Concord"].place is not None and found["New Concord"].place.admin1 == "Ohio"


def test_a_dateline_town_in_capitals_before_its_state(gazetteer: Gazetteer) -> None:
    found = _mentions("Man dies in crash.\nRUSSELLVILLE, Ark. (AP) - Authorities say one person died.", gazetteer)
    town = found["RUSSELLVILLE"]
    assert town.kind == "metonym" and town.place is not None and town.place.admin1 == "Arkansas"


def test_a_wire_dateline_with_its_date_names_a_town_or_a_district(gazetteer: Gazetteer) -> None:
    """Pakistani and Indian wires file as "PLACE, Month Day (AGENCY):"; the place may be a district, and the
    entity finder tags it as a person or not at all."""
    found = _mentions("NORTH WAZIRISTAN, June 3 (APP): Security forces killed four militants in Pakistan's "
                      "tribal belt, the army said.", gazetteer)
    district = found["NORTH WAZIRISTAN"].place
    assert district is not None and (district.country, district.precision) == ("PK", 2)
    town = _mentions("TANK, Jan 5 (APP): Police said two men were wounded in Pakistan.", gazetteer)["TANK"].place
    assert town is not None and (town.country, town.precision) == ("PK", 1)
