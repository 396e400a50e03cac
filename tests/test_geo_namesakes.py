"""Choosing between places of one name: a well-known city against a hamlet or a region that shares it, a
polity named as the owner of forces, a cluster of foreign namesakes against the country the article names,
and namesakes inside one country. Real gazetteer, real spaCy pipeline; sentences written for these tests."""

from __future__ import annotations

from eventwire.geo import Gazetteer, places_for_doc
from eventwire.geo.namesakes import _same_spelling
from eventwire.nlp import parse_one
from eventwire.records.place import Place
from tests.conftest import place_mentions as _mentions


def _place(text: str, mention: str, gazetteer: Gazetteer) -> Place:
    m = _mentions(text, gazetteer)[mention]
    assert m.place is not None, m.reason
    return m.place


def test_a_city_known_by_a_variant_spelling_beats_hamlets_of_the_exact_name(gazetteer: Gazetteer) -> None:
    # Villages spelled exactly "Zaporizhzhia" lie in Donetsk oblast, which the sentence names; the city is
    # stored as "Zaporizhzhya" and matches through an alternate name.
    text = "Ukraine's army said Russian drones hit Zaporizhzhia overnight, while fighting went on in Donetsk oblast."
    place = _place(text, "Zaporizhzhia", gazetteer)
    assert place.country == "UA" and place.feature == "city" and (place.population or 0) > 500_000


def test_a_possessive_owner_of_forces_is_the_region_not_a_village(gazetteer: Gazetteer) -> None:
    text = "Fighters of Chechnya's Akhmat unit attacked Ukrainian positions near Toretsk, Ukraine's army said."
    place = _place(text, "Chechnya", gazetteer)
    assert place.country == "RU" and place.feature == "admin1"


def test_foreign_namesakes_that_support_each_other_do_not_outvote_the_named_country(gazetteer: Gazetteer) -> None:
    # Kent and Fife are also neighbouring towns in Washington state; the article names the UK twice.
    text = ("The British touring car series opens in Kent this weekend, then visits Fife, Norfolk and Hampshire, "
            "the UK organisers said.")
    found = _mentions(text, gazetteer)
    for name in ("Kent", "Fife"):
        place = found[name].place
        assert place is not None and place.country == "GB", found[name].reason


def test_namesakes_in_one_country_give_the_larger_with_the_doubt_in_the_reason(gazetteer: Gazetteer) -> None:
    m = _mentions("Police in Arlington said the suspect was arrested on Tuesday.", gazetteer)["Arlington"]
    assert m.place is not None and m.place.country == "US" and (m.place.population or 0) > 300_000
    assert m.reason is not None and "also a" in m.reason


def test_a_rival_known_by_the_name_only_as_an_alternate_makes_no_tie(gazetteer: Gazetteer) -> None:
    place = _place("Tourists flew home from Cancun on Friday after the storm.", "Cancun", gazetteer)
    assert place.country == "MX"


def test_an_unrelated_alternate_name_of_a_big_city_is_no_confident_pin(gazetteer: Gazetteer) -> None:
    # "Berea" is an old name of Aleppo and the name of towns in the US, Lesotho and South Africa.
    m = _mentions("Residents of Berea gathered at the library on Monday evening.", gazetteer)["Berea"]
    assert m.place is None or m.place.country != "SY"


def test_spellings_of_one_name_and_unrelated_names() -> None:
    assert _same_spelling("zaporizhzhia", "zaporizhzhya")
    assert _same_spelling("new york", "new york city")
    assert not _same_spelling("berea", "aleppo")
    assert not _same_spelling("cancun", "changchun")


def test_the_eu_named_as_a_place_is_europe(gazetteer: Gazetteer) -> None:
    from eventwire.geo.resolve import resolve_mentions
    from eventwire.geo.toponyms import found_for_span
    from eventwire.nlp import parse_one

    text = "Exports to the EU fell by a third after the new border checks."
    start = text.index("EU")
    found = found_for_span(parse_one(text), start, start + 2)
    assert found is not None
    m = resolve_mentions([found], "t", gazetteer)[0]
    assert m.place is not None and m.place.feature == "continent" and m.place.name == "Europe", m.reason


def test_a_list_of_cities_ending_before_a_lower_case_word_is_no_town_and_its_region(gazetteer: Gazetteer) -> None:
    found = _mentions("Russian drones attacked Kharkiv, Poltava and Sumy overnight, Ukraine's air force said.",
                      gazetteer)
    for name, oblast in (("Kharkiv", "Kharkivska oblast"), ("Poltava", "Poltavska oblast")):
        place = found[name].place
        assert place is not None and place.admin1 == oblast and place.precision == 1, found[name].reason


def test_a_county_inside_an_organisations_name_is_a_place(gazetteer: Gazetteer) -> None:
    found = _mentions("A spokesman for the Laurel County Sheriff's Office said two men were charged.", gazetteer)
    m = found["Laurel County"]
    assert m.kind == "metonym" and m.place is not None and m.place.feature == "admin2", m.reason
    assert m.place.country == "US"


def test_the_eu_in_running_text_is_a_metonym_for_europe(gazetteer: Gazetteer) -> None:
    m = _mentions("The EU said it would answer the new tariffs within a week.", gazetteer)["EU"]
    assert m.kind == "metonym" and m.place is not None and m.place.name == "Europe", m.reason


def test_a_hromada_named_by_its_adjective_is_its_centre_in_either_language(gazetteer: Gazetteer) -> None:
    text = ("Russian troops carried out six attacks on the Sumy region at night.\n\n"
            "Belopolskaya hromada: mortar shells were dropped from drones.\n\n"
            "Shelling hit the Krasnopilska hromada and the Velykoburlutska hromada of Kharkiv region.")
    found = _mentions(text, gazetteer)
    for mention, admin1 in (("Belopolskaya hromada", "Sumska oblast"), ("Krasnopilska hromada", "Sumska oblast"),
                            ("Velykoburlutska hromada", "Kharkivska oblast")):
        place = found[mention].place
        assert place is not None and place.admin1 == admin1 and place.precision == 2, found[mention].reason
    assert found["Belopolskaya hromada"].place is not None
    assert found["Belopolskaya hromada"].place.name == "Bilopillia"


def test_a_hamlet_named_like_a_city_of_millions_abroad_is_no_confident_pin(gazetteer: Gazetteer) -> None:
    # A village called London lies in California, which the sentence names; the article is not about the
    # United States, and the London everyone means is a city of millions.
    text = ("The Swedish band, whose manager is based in London, will play in Madrid and Barcelona before a show "
            "in California.")
    place = _mentions(text, gazetteer)["London"].place
    assert place is None or place.country == "GB"


def test_a_name_inside_the_mentions_own_name_is_no_evidence_for_it(gazetteer: Gazetteer) -> None:
    # "London" of "New London Police" once backed London, Ohio for every "New London" of an Iowa story.
    text = "New London Police Chief Dana Moore said crime in New London has fallen. Residents of Winfield agreed."
    found = [m for m in places_for_doc(parse_one(text), "t", gazetteer) if m.text == "New London"]
    assert found and all(m.place is not None and m.place.name == "New London" and m.place.admin1 == "Iowa"
                         for m in found), [(m.place.name if m.place else None, m.reason) for m in found]


def test_a_river_is_no_county_that_bears_its_name(gazetteer: Gazetteer) -> None:
    found = _mentions("The Red River will crest at 39 feet in Fargo on Friday, forecasters said.", gazetteer)
    assert found["Red River"].place is None, found["Red River"].place  # not Red River County, Texas
    found = _mentions("Fall River police arrested a man on Monday.", gazetteer)
    assert found["Fall River"].place is not None and found["Fall River"].place.country == "US"


def test_a_region_as_small_as_a_village_abroad_is_refused(gazetteer: Gazetteer) -> None:
    # North Side is a district of the Cayman Islands with some 1,500 people
    text = ("Developers were granted a delay for North Side projects between the stadiums, John Canning of the "
            "Central North Side said.")
    place = _mentions(text, gazetteer)["North Side"].place
    assert place is None or place.country == "US", place


def test_a_village_named_like_a_populous_province_is_not_what_the_name_means(gazetteer: Gazetteer) -> None:
    # Bulacan is a province of three million and a village of Davao del Sur, a province the article names
    text = ("Pigs died in eight barangays of Santa Maria, Davao del Sur. Tests later confirmed the virus on hog "
            "farms in Nueva Ecija and Bulacan.")
    place = _mentions(text, gazetteer)["Bulacan"].place
    assert place is not None and place.admin1 == "Central Luzon", place
