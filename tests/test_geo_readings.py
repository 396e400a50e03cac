"""Readings of a name that the words around it or the rest of the article settle: a county shortened to
its bare name, a level no place of the name has, and GeoNames settlements stored without a population.
Real gazetteer, real spaCy pipeline; sentences written for these tests."""

from __future__ import annotations

from eventwire.geo import Gazetteer
from eventwire.records.place import PlaceMention
from tests.conftest import place_mentions


def _mention(text: str, words: str, gazetteer: Gazetteer) -> PlaceMention:
    found = place_mentions(text, gazetteer)
    assert words in found, sorted(found)
    return found[words]


def test_a_county_named_in_full_is_what_its_bare_name_means_later(gazetteer: Gazetteer) -> None:
    # DeKalb is also a town in Illinois; the article names the county in Georgia first.
    text = ("Commissioners in DeKalb County, Georgia, approved the school budget on Tuesday. "
            "Parents in DeKalb said the vote came too late, officials in Decatur said.")
    m = _mention(text, "DeKalb", gazetteer)
    assert m.place is not None, m.reason
    assert m.place.feature == "admin2" and m.place.admin1 == "Georgia", m.place


def test_a_state_or_capital_is_not_read_as_the_county_of_its_name(gazetteer: Gazetteer) -> None:
    text = ("Deputies in Washington County arrested two men on Friday. "
            "Lawmakers in Washington debated the farm bill the same day.")
    m = _mention(text, "Washington", gazetteer)
    assert m.place is None or m.place.feature != "admin2", m.place


def test_a_district_no_region_is_called_after_is_the_area_of_its_town(gazetteer: Gazetteer) -> None:
    text = ("Applications for housing support rose sharply in the Nenagh district, "
            "the Tipperary County Council in Ireland said.")
    m = next(v for k, v in place_mentions(text, gazetteer).items() if k.startswith("Nenagh"))
    assert m.place is not None, m.reason
    assert m.place.country == "IE" and m.place.precision >= 2, m.place
    assert m.reason is not None and "centre" in m.reason


def test_around_a_state_is_the_state_where_no_town_has_its_name(gazetteer: Gazetteer) -> None:
    m = _mention("The retired driver once took the senator around Ohio in a school bus.", "Ohio", gazetteer)
    assert m.place is not None, m.reason
    assert m.place.feature == "admin1" and m.place.country == "US"


def test_a_settlement_without_a_counted_population_is_not_empty(gazetteer: Gazetteer) -> None:
    # GeoNames stores Twickenham (London) without a population, and "Twickenham" is also a former name
    # of Huntsville, Alabama; the article is British.
    text = "British fans packed the trains to Twickenham for the rugby final, UK police said."
    m = _mention(text, "Twickenham", gazetteer)
    assert m.place is not None, m.reason
    assert m.place.country == "GB", m.place


def test_a_village_named_after_a_country_is_not_the_country_among_its_neighbours(gazetteer: Gazetteer) -> None:
    # Italy, Texas, lies near Dallas; the article names Texas towns and then the country.
    text = ("The choir from Waxahachie and Dallas, Texas, flew to Italy in June to sing in Rome and Florence.")
    m = _mention(text, "Italy", gazetteer)
    assert m.place is not None, m.reason
    assert m.place.feature == "country" and m.place.country == "IT", m.place


def test_a_small_town_is_dwarfed_by_a_large_city_of_its_name_in_its_country(gazetteer: Gazetteer) -> None:
    # Louisville, Mississippi, has some 6,000 people; Louisville, Kentucky, over half a million.
    # The article names Mississippi elsewhere; nothing puts the town there.
    text = ("The coach grew up in Mississippi and North Carolina. "
            "On Saturday his team beat the hosts in Louisville before a crowd of 20,000.")
    m = _mention(text, "Louisville", gazetteer)
    assert m.place is not None, m.reason
    assert m.place.country == "US" and (m.place.population or 0) > 500_000, m.place


def test_a_province_by_its_abbreviation_alone(gazetteer: Gazetteer) -> None:
    text = "Wildfires forced thousands from their homes in B.C. this week, Canadian officials said."
    m = _mention(text, "B.C.", gazetteer)
    assert m.place is not None, m.reason
    assert m.place.name == "British Columbia" and m.place.feature == "admin1"


def test_a_town_inside_the_county_the_article_names(gazetteer: Gazetteer) -> None:
    # Alexandria, Virginia, is far larger than Alexandria, Minnesota, the seat of Douglas County there, and
    # has a Kensington (Maryland) near it.
    text = ("The Douglas County public works director said three county roads were closed after the thaw. "
            "County Road 35, north of Alexandria, is closed because of water on the road, "
            "and a culvert washed out on a road northeast of Kensington.")
    m = _mention(text, "Alexandria", gazetteer)
    assert m.place is not None, m.reason
    assert m.place.admin1 == "Minnesota", m.place


def test_a_metro_region_is_its_city_where_no_supported_region_has_the_name(gazetteer: Gazetteer) -> None:
    # The only first-level region called Charlotte is a parish of St Vincent and the Grenadines.
    text = ("Developers in Huntersville, N.C., plan one of the biggest industrial parks in the Charlotte region, "
            "county officials in North Carolina said.")
    m = next(v for k, v in place_mentions(text, gazetteer).items() if k.startswith("Charlotte"))
    assert m.place is not None, m.reason
    assert m.place.country == "US" and (m.place.population or 0) > 500_000, m.place


def test_a_legislators_party_and_home_name_a_place(gazetteer: Gazetteer) -> None:
    text = ("State Sen. Robert Ford, D-Charleston, said he was optimistic about the budget, and "
            "Rep. Jim Clyburn, D-S.C., backed the bill.")
    found = place_mentions(text, gazetteer)
    assert "Charleston" in found and "S.C." in found, sorted(found)
    sc = found["S.C."].place
    assert sc is not None and sc.name == "South Carolina", found["S.C."].reason


def test_a_town_name_with_a_capital_inside_is_no_acronym() -> None:
    # In a long local story spaCy may tag "DeKalb" as an organisation; such a name with a family-name
    # prefix is a place's, where "UConn" is an organisation's.
    from spacy.tokens import Span

    from eventwire.geo.mistagged import org_ok as _org_ok
    from eventwire.nlp import parse_one

    for text, name, ok in (("Police said the man was found in DeKalb on Sunday.", "DeKalb", True),
                           ("Fans said the game was played in UConn on Sunday.", "UConn", False)):
        doc = parse_one(text)
        i = next(t.i for t in doc if t.text == name)
        doc.ents = [Span(doc, i, i + 1, label="ORG")]
        assert _org_ok(doc, i, i + 1, list(doc.ents)) is ok, name


def test_a_town_placed_once_is_what_its_bare_name_means_later(gazetteer: Gazetteer) -> None:
    # "Springfield, Ohio" early in a story, a bare "Springfield" later that the rest of the article pulled
    # towards the larger Springfield in Missouri: the bare one is the town the text placed.
    from eventwire.geo.found import Found
    from eventwire.geo.onesense import as_placed

    ohio = next(c for c in gazetteer.candidates("Springfield") if c.admin1 == "Ohio" and c.population > 50_000)
    missouri = next(c for c in gazetteer.candidates("Springfield") if c.admin1 == "Missouri")
    placed = Found(0, 11, "Springfield", "Springfield", "toponym", "any", 0, "ner", container="US.OH")
    bare = Found(90, 101, "Springfield", "Springfield", "toponym", "any", 3, "ner")
    out = as_placed([(placed, ohio, "in the region the text names"), (bare, missouri, "largest of its name")])
    assert out[1][1] is not None and out[1][1].id == ohio.id and "places it" in out[1][2]


def test_a_governor_s_place_is_the_state(gazetteer: Gazetteer) -> None:
    m = _mention("Former New York Gov. Mario Cuomo spoke at the dinner on Friday.", "New York", gazetteer)
    assert m.place is not None, m.reason
    assert m.place.feature == "admin1" and m.place.name == "New York", m.place


def test_a_bare_two_letter_state_code_needs_the_article_s_places_in_that_state(gazetteer: Gazetteer) -> None:
    text = "Officials in Camden and Newark said flooding in NJ closed roads."
    m = _mention(text, "NJ", gazetteer)
    assert m.place is not None and m.place.name == "New Jersey", m.reason
    m = _mention("Fans in LA cheered the parade on Sunday.", "LA", gazetteer)
    assert m.place is None or m.place.name != "Louisiana", m.place
