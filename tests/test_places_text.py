"""Places read from the text as conflict reports write them: containers ("X, Y", "X (Y oblast)"), oblast
names in every form, Russian-language spellings, communities and districts, parts of a named city, and the
event's own place against the speaker's. Real gazetteer, real spaCy pipeline; sentences written for these
tests."""

from __future__ import annotations

import pytest

from eventwire.extract.locate import locate
from eventwire.geo import Gazetteer, places_for_doc
from eventwire.geo.regions import region_alias
from eventwire.geo.tolerant import skeleton
from eventwire.nlp import parse_one
from eventwire.records.place import PlaceMention
from tests.conftest import place_mentions as _mentions


def _place(found: dict[str, PlaceMention], text: str) -> tuple[str, str | None, str | None, int]:
    m = found[text]
    assert m.place is not None, m.reason
    return m.place.name, m.place.country, m.place.admin1, m.place.precision


@pytest.mark.parametrize(("name", "code"), [
    ("Donetsk", "UA.05"), ("Donetska", "UA.05"), ("Donetsk oblast", "UA.05"), ("Donetsk region", "UA.05"),
    ("Donetsk People's Republic", "UA.05"), ("DPR", "UA.05"), ("DNR", "UA.05"), ("LPR", "UA.14"),
    ("LNR", "UA.14"), ("Lugansk", "UA.14"), ("Zaporizhzhia", "UA.26"), ("Zaporizhia", "UA.26"),
    ("Zaporozhye region", "UA.26"), ("Crimea", "UA.11"), ("Sevastopol", "UA.20"), ("Kharkov", "UA.07"),
    ("Kyiv region", "UA.13"), ("Belgorod oblast", "RU.09"), ("Kursk", "RU.41"), ("Bryansk region", "RU.10"),
    ("Voronezh region", "RU.86"),
])
def test_oblast_names_in_every_form(gazetteer: Gazetteer, name: str, code: str) -> None:
    region = region_alias(gazetteer, name)
    assert region is not None and region.admin1_code == code


def test_kyiv_alone_is_the_city_not_the_oblast(gazetteer: Gazetteer) -> None:
    assert region_alias(gazetteer, "Kyiv") is None
    assert region_alias(gazetteer, "Kyiv oblast") is not None


def test_village_comma_oblast_reads_the_oblast_as_container(gazetteer: Gazetteer) -> None:
    found = _mentions("Russian forces shelled Bakhmut, Donetsk.", gazetteer)
    assert _place(found, "Bakhmut")[:3] == ("Bakhmut", "UA", "Donetska oblast")
    # the container is the oblast, never the town of Donetsk in Rostov oblast
    assert found["Donetsk"].place is not None and found["Donetsk"].place.feature == "admin1"
    assert found["Donetsk"].place.country == "UA"


@pytest.mark.parametrize(("text", "mention", "admin1"), [
    ("Russian forces shelled Novomykhailivka, Donetsk.", "Novomykhailivka", "Donetska oblast"),
    ("Russian forces shelled Velyka Pysarivka, Sumy, with mortars.", "Velyka Pysarivka", "Sumska oblast"),
    ("Two civilians were wounded in Kupiansk (Kharkiv oblast) on Monday.", "Kupiansk", "Kharkivska oblast"),
    ("Fighting continued near Krasnohorivka in the Donetsk region.", "Krasnohorivka", "Donetska oblast"),
])
def test_container_forms_decide_the_region(gazetteer: Gazetteer, text: str, mention: str, admin1: str) -> None:
    assert _place(_mentions(text, gazetteer), mention)[1:3] == ("UA", admin1)


def test_no_place_of_that_name_in_the_container_is_refused(gazetteer: Gazetteer) -> None:
    found = _mentions("Shelling was reported in Kharkiv, Lviv oblast, officials said.", gazetteer)
    assert found["Kharkiv"].place is None and "region" in (found["Kharkiv"].reason or "")


def test_a_place_the_gazetteer_lacks_is_placed_at_the_region_the_text_puts_it_in(gazetteer: Gazetteer) -> None:
    # no Smallbury in the United States; Rockingham is in Australia, Canada and New Hampshire, not England
    found = _mentions("The fire broke out in Smallbury, Ohio, on Sunday.", gazetteer)
    assert _place(found, "Smallbury") == ("Ohio", "US", "Ohio", 3)
    assert "region the text puts it in" in (found["Smallbury"].reason or "")
    found = _mentions("The next round is at Rockingham, Northamptonshire, in August.", gazetteer)
    name, country, _, precision = _place(found, "Rockingham")
    assert (country, precision) == ("GB", 2) and "Northamptonshire" in name


def test_a_list_of_towns_is_no_place_and_its_region(gazetteer: Gazetteer) -> None:
    # Hamburg is a German state too; "Brasoc" is in no gazetteer, so the list check cannot lean on it
    found = _mentions("The band was due to play in Copenhagen, Hamburg, Brasoc and Mannheim this month.",
                      gazetteer)
    assert _place(found, "Copenhagen")[:2] == ("Copenhagen", "DK")
    assert _place(found, "Hamburg")[:2] == ("Hamburg", "DE")


def test_a_county_after_a_place_is_its_container(gazetteer: Gazetteer) -> None:
    found = _mentions("The plant in Springfield, Sangamon County, closed on Friday.", gazetteer)
    assert _place(found, "Springfield")[1:3] == ("US", "Illinois")
    found = _mentions("The plant in Smallbury, Sangamon County, closed on Friday.", gazetteer)
    assert _place(found, "Smallbury") == ("Sangamon County", "US", "Illinois", 2)


def test_a_county_in_a_state_is_that_state_s(gazetteer: Gazetteer) -> None:
    # Kane County and the Illinois of the same sentence back Illinois' Jefferson County; "Colo." decides
    found = _mentions("The labs include Fermilab in Kane County, Ill., and NERI in Jefferson County, Colo.",
                      gazetteer)
    assert _place(found, "Jefferson County")[:3] == ("Jefferson County", "US", "Colorado")


def test_two_names_spacy_split_that_make_one_region(gazetteer: Gazetteer) -> None:
    # spaCy tags "Baja" (a town in Hungary) and "California" apart
    found = _mentions("Work on the Tijuana River in Baja California will start in ten days.", gazetteer)
    assert _place(found, "Baja California")[:2] == ("Baja California", "MX")


def test_a_hyphenated_name_is_one_name(gazetteer: Gazetteer) -> None:
    found = _mentions("The company will install the process at its plant in Ust-Kamenogorsk, Kazakhstan.", gazetteer)
    assert _place(found, "Ust-Kamenogorsk")[1] == "KZ"
    found = _mentions("Police stopped a bomb in Ludwigshafen, in the state of Rhineland-Palatinate.", gazetteer)
    assert _place(found, "Rhineland-Palatinate")[1:] == ("DE", "Rheinland-Pfalz", 3)


def test_a_region_written_with_its_word_resolves(gazetteer: Gazetteer) -> None:
    found = _mentions("Soldiers were killed near Sbeitla, Kasserine governorate, on Monday.", gazetteer)
    assert _place(found, "Sbeitla")[:2] == ("Sbeitla", "TN")
    region = next(m for text, m in found.items() if text.startswith("Kasserine"))
    assert region.place is not None and region.place.country == "TN" and region.place.precision == 3


def test_russian_form_of_a_village_name(gazetteer: Gazetteer) -> None:
    found = _mentions("Russian forces attacked near Rabotino, Zaporozhye, but were repelled.", gazetteer)
    assert _place(found, "Rabotino")[:2] == ("Robotyne", "UA")
    found = _mentions("Moscow claimed to have captured Umanskoye in the Donetsk region.", gazetteer)
    assert _place(found, "Umanskoye")[:2] == ("Umanske", "UA")


def test_skeletons_join_spellings_and_keep_different_names_apart() -> None:
    assert skeleton("rabotino") == skeleton("robotyne")
    assert skeleton("avdeevka") == skeleton("avdiivka")
    assert skeleton("karachun") != skeleton("kurytsyne")


def test_community_and_district_go_to_their_centre_at_precision_2(gazetteer: Gazetteer) -> None:
    found = _mentions("A woman was killed in shelling of the Velykyi Burluk community, Kharkiv region.", gazetteer)
    assert _place(found, "Velykyi Burluk community")[::3] == ("Velykyi Burluk", 2)
    found = _mentions("Governor Gladkov reported a drone attack on the Grayvoron district at night.", gazetteer)
    assert _place(found, "Grayvoron district")[1::2] == ("RU", 2)
    found = _mentions("Ukrainian troops held their positions in the Kurakhove direction.", gazetteer)
    assert _place(found, "Kurakhove direction")[::3] == ("Kurakhove", 2)


def test_russian_region_named_with_possessive(gazetteer: Gazetteer) -> None:
    found = _mentions("A Ukrainian drone attack in Russia's Voronezh region injured four people.", gazetteer)
    m = found["Voronezh region"]
    assert m.place is not None and m.place.country == "RU" and m.place.feature == "admin1"


def test_parts_of_a_named_city_belong_to_it(gazetteer: Gazetteer) -> None:
    text = ("Russian bombs hit Kharkiv on Sunday. The regional governor said a high-rise in the Kyivskyi district "
            "was damaged.")
    assert _place(_mentions(text, gazetteer), "Kyivskyi district")[::3] == ("Kharkiv", 1)
    text = "Police dispersed protesters in Kyiv. Crowds gathered again on Independence Square on Sunday."
    place = _place(_mentions(text, gazetteer), "Independence Square")
    assert place[1] == "UA" and place[3] == 2


def test_a_street_named_after_a_foreign_region_is_a_street_of_the_article_city(gazetteer: Gazetteer) -> None:
    """"Falcon Street" is no part of Falcón, a state of Venezuela, in a report from London."""
    found = _mentions("A man was stabbed at a banquet hall on Falcon Street, London police said.", gazetteer)
    assert _place(found, "Falcon Street")[:2] == ("London", "GB")


def test_a_park_named_after_a_small_town_stays_in_that_town(gazetteer: Gazetteer) -> None:
    """The town within "Westerville Veterans Park" is named elsewhere in the story, too small to count as a
    city for its parts: the park is still Westerville's, not Toronto's, the last city named before it."""
    found = _mentions("Westerville residents packed the council chamber on Monday. A firm from Toronto built the "
                      "memorial. The dedication in Westerville Veterans Park is set for May, Westerville Mayor Ann "
                      "Roe said.", gazetteer)
    assert _place(found, "Westerville Veterans Park") == ("Westerville", "US", "Ohio", 2)


def test_the_speakers_place_is_not_the_events(gazetteer: Gazetteer) -> None:
    doc = parse_one("The ministry said in Moscow that drones attacked Kursk overnight.")
    places = places_for_doc(doc, "t", gazetteer)
    trigger = next(t for t in doc if t.text == "attacked")
    location = locate(trigger, places)
    assert location is not None and location.place.name == "Kursk"


def test_a_country_reporting_its_own_shoot_downs_is_the_place(gazetteer: Gazetteer) -> None:
    doc = parse_one("Ukraine says it shot down 30 Russian drones overnight.")
    places = places_for_doc(doc, "t", gazetteer)
    trigger = next(t for t in doc if t.text == "shot")
    location = locate(trigger, places)
    assert location is not None and location.place.country == "UA" and location.place.precision == 3


@pytest.mark.parametrize(("former", "current", "admin1"), [
    ("Dzerzhinsk", "Toretsk", "Donetska oblast"), ("Kirovsk", "Holubivka", "Luhanska oblast"),
    ("Krasnoarmeysk", "Pokrovsk", "Donetska oblast"), ("Tsiurupynsk", "Oleshky", "Khersonska oblast"),
    ("Artemivsk", "Bakhmut", "Donetska oblast"),
])
def test_former_names_reach_the_renamed_town(gazetteer: Gazetteer, former: str, current: str, admin1: str) -> None:
    text = f"Ukrainian officials said Russian troops shelled {former} overnight, killing two civilians."
    assert _place(_mentions(text, gazetteer), former)[::2] == (current, admin1)


def test_dateline_is_not_a_place_of_events_and_of_phrases_name_the_tail(gazetteer: Gazetteer) -> None:
    found = _mentions("MOSCOW (Reuters) - Russia says it has taken two villages in the western Kursk area.", gazetteer)
    assert found["MOSCOW"].kind == "metonym"
    assert _place(found, "Kursk")[1] == "RU"
    found = _mentions("Houthis fired missiles at a cargo ship in the Gulf of Aden, their spokesman said.", gazetteer)
    assert _place(found, "Gulf of Aden")[1::2] == ("YE", 2)


def test_a_place_named_with_its_country_possessive(gazetteer: Gazetteer) -> None:
    found = _mentions("Dozens were killed in continued clashes in Syria's Sweida, a war monitor said.", gazetteer)
    assert _place(found, "Sweida")[1] == "SY"


def test_cyrillic_names_through_the_romanisations(gazetteer: Gazetteer) -> None:
    from eventwire.geo.resolve import ArticleContext, rank
    from eventwire.geo.toponyms import Found

    for name in ("Донецкая область", "Донецька область", "Запорожье"):
        assert region_alias(gazetteer, name) is not None, name
    war = ArticleContext((), frozenset(), frozenset(), (), war=True)
    for name, expected in (("Работино", "Robotyne"), ("Бахмут", "Bakhmut")):
        ranked = rank(Found(0, len(name), name, name, "toponym", "any", 0, "given"), gazetteer, war)
        assert ranked and ranked[0].candidate.name == expected and ranked[0].candidate.country == "UA"


def test_a_comma_list_of_towns_is_no_town_and_its_region(gazetteer: Gazetteer) -> None:
    """"Lviv, Rivne, Lutsk, Ternopil": four cities, not Lviv in the Rivne oblast (which has none)."""
    found = _mentions("Students marched in Lviv, Rivne, Lutsk, Ternopil on Saturday.", gazetteer)
    for name, oblast in (("Lviv", "Lvivska oblast"), ("Rivne", "Rivnenska oblast"), ("Lutsk", "Volynska oblast")):
        place, _, admin1, precision = _place(found, name)
        assert admin1 == oblast and precision == 1, (name, place)
    # a town and its oblast, then a country, stay a container pair
    found = _mentions("Missiles struck Kostiantynivka, Donetsk, Ukraine, overnight.", gazetteer)
    assert _place(found, "Kostiantynivka")[2] == "Donetska oblast"
    assert _place(found, "Donetsk")[3] == 3


def test_names_before_a_plural_region_word_are_regions(gazetteer: Gazetteer) -> None:
    found = _mentions("Drones were downed over the Belgorod and Voronezh regions, the ministry said.", gazetteer)
    assert _place(found, "Belgorod")[0] == "Belgorodskaya oblast'"
    found = _mentions("Troops pushed into the northern Bryansk area overnight.", gazetteer)
    assert _place(found, "Bryansk")[3] == 3


def test_a_village_in_a_named_district_is_that_districts_namesake(gazetteer: Gazetteer) -> None:
    """Rubizhne in the Lozova district (KATOTTG UA6310), not the Luhansk town of Rubizhne."""
    found = _mentions("A tractor driver was hurt by a mine in Rubizhne village, Lozova district, on Friday.",
                      gazetteer)
    m = found["Rubizhne village"]
    assert m.place is not None and m.place.admin1 == "Kharkivska oblast", m.reason
    assert m.place.gazetteer_id is not None and m.place.gazetteer_id.startswith("katottg:UA6310")


def test_acled_district_and_oblast_in_brackets_are_containers(postal_gazetteer: Gazetteer) -> None:
    """ACLED's "X (Raion, Oblast)": the district's centre town is no second place, and it picks X's namesake."""
    text = ("Russian forces struck Andriivka (Bakhmut, Donetsk) with artillery; fighting went on in Krynky "
            "(Kherson, Kherson).")
    found = _mentions(text, postal_gazetteer)
    andriivka = found["Andriivka"]
    assert andriivka.place is not None and andriivka.place.admin1 == "Donetska oblast", andriivka.reason
    assert andriivka.place.gazetteer_id is not None and andriivka.place.gazetteer_id.startswith("katottg:UA1402")
    assert _place(found, "Krynky")[2] == "Khersonska oblast"
    towns = {m.place.name for m in found.values() if m.place is not None and m.place.precision < 3}
    assert "Bakhmut" not in towns and "Kherson" not in towns
    found = _mentions("Russian forces shelled Kurakhove (Pokrovsk raion, Donetsk region), killing one civilian.",
                      postal_gazetteer)
    assert [m.place.name for m in found.values() if m.place is not None and m.place.precision < 3] == ["Kurakhove"]


def test_a_russian_capitals_bare_name_is_the_city_and_the_skies_over_it_the_region(gazetteer: Gazetteer) -> None:
    found = _mentions("Explosions were heard in Belgorod and a fuel depot burned in Bryansk.", gazetteer)
    assert _place(found, "Belgorod")[0] == "Belgorod" and _place(found, "Bryansk")[0] == "Bryansk"
    found = _mentions("Drones were destroyed in the skies over Voronezh, the governor wrote.", gazetteer)
    assert _place(found, "Voronezh")[3] == 3


def test_sevastopol_in_crimea(gazetteer: Gazetteer) -> None:
    """Crimea holds Sevastopol, a first-level unit of its own: "Sevastopol, Crimea" is the city."""
    assert _place(_mentions("Drones struck a shipyard in Sevastopol, Crimea, overnight.", gazetteer), "Sevastopol")[0] \
        == "Sevastopol"


def test_each_community_of_a_list_goes_to_its_centre(gazetteer: Gazetteer) -> None:
    # The list opens the sentence, as regional administrations write it; Russian-language forms too.
    for text, names in (
            ("Bilopilska, Krasnopilska and Esmanska communities were shelled overnight, the Sumy RMA said.",
             ("Bilopilska", "Krasnopilska", "Esmanska")),
            ("The Belopolskaya and Miropolskaya communities in the Sumy region were shelled, officials said.",
             ("Belopolskaya", "Miropolskaya"))):
        found = _mentions(text, gazetteer)
        for name in names:
            assert name in found, list(found)
            place = found[name].place
            assert place is not None and place.admin1 == "Sumska oblast" and place.precision == 2, found[name].reason


def test_a_summary_list_and_its_detail_lines_are_one_event_per_place(pipeline) -> None:
    from datetime import date

    from eventwire.records import Article

    text = ("Russian troops shelled the Sumy region overnight, the regional administration said. "
            "Bilopilska, Krasnopilska and Esmanska communities were shelled.\n\n"
            "Krasnopilska hromada: Russians fired artillery (12 explosions).")
    [result] = list(pipeline.process([Article(id="t", text=text, published=date(2024, 5, 22))]))
    shelled = [e.location.place.name for e in result.events
               if e.sub_event_type == "Shelling/artillery/missile attack" and e.location is not None]
    assert {"Bilopillia", "Krasnopillya", "Esman"} <= set(shelled), shelled
    assert shelled.count("Krasnopillya") == 1, shelled


def test_arabic_names_under_another_romanisation(gazetteer: Gazetteer) -> None:
    from eventwire.geo.names import arabic_variants

    assert "hodeida" in arabic_variants("hodeidah") and "al qamishli" in arabic_variants("qamishli")
    assert "kabkabiyah" in arabic_variants("kabkabiya") and "hodeidah" not in arabic_variants("hodeidah")
    for text, name, country in (
            ("Houthi forces fired missiles from Hodeidah on Monday, Yemen's government said.", "Hodeidah", "YE"),
            ("Clashes erupted in Qamishli in northeastern Syria.", "Qamishli", "SY"),
            ("The RSF attacked Kabkabiya in North Darfur.", "Kabkabiya", "SD")):
        found = _mentions(text, gazetteer)
        assert name in found, list(found)
        place = found[name].place
        assert place is not None and place.country == country and place.precision == 1, found[name].reason
