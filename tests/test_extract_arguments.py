"""Which events an article yields and their arguments, for causes found on real reporting (issue 14, 13):
strikes named by 'air', counted explosions, bodies named after a place, place lists told after the lead,
tolls told apart from their event, district names spelled two ways. Real spaCy pipeline and gazetteer;
every sentence written for these tests."""

from __future__ import annotations

from datetime import date

from eventwire.extract.detect import find_triggers
from eventwire.extract.locate import names_body, same_division
from eventwire.nlp import parse_one
from eventwire.pipeline import ArticleResult
from eventwire.records import Article, Event


def _events(pipeline, text: str) -> list[Event]:
    [result] = list(pipeline.process([Article(id="t", text=text, published=date(2024, 6, 12))]))
    assert isinstance(result, ArticleResult)
    return [e for e in result.events if e.event_type is not None]


def _subs(text: str) -> dict[str, str | None]:
    doc = parse_one(text)
    return {doc[t.i].text: t.coding.sub_event_type for t in find_triggers(doc)}


def test_air_strikes_name_their_weapon() -> None:
    subs = _subs("The gunmen who raided the market were later targeted by air strikes that killed nine of them.")
    assert subs.get("strikes") == "Air/drone strike"
    subs = _subs("Sirens sounded as an air raid alert was declared over the city, but no strike was reported.")
    assert "Air/drone strike" not in subs.values()  # 'air' of an alert names no weapon


def test_a_strike_that_kills_civilians_is_remote_violence_not_an_attack() -> None:
    subs = _subs("Four residents were killed and two wounded in the morning strikes on the town, the mayor said.")
    assert subs.get("strikes") == "Shelling/artillery/missile attack"
    assert "Attack" not in subs.values()


def test_counted_explosions_are_the_hits_of_the_attacks_told_with_them() -> None:
    subs = _subs("The army carried out 4 attacks on border villages overnight, and 23 explosions were recorded.")
    assert "explosions" not in subs  # folded into the attacks: not a second event, not an IED


def test_a_body_named_after_its_place_is_not_where_things_happened() -> None:
    assert names_body("Sumy RMA") and names_body("Kherson regional administration") and names_body("Odesa police")
    assert not names_body("Sumy") and not names_body("Kherson region") and not names_body("Zaporizhzhia NPP")


def test_one_district_spelled_two_ways_is_one_district() -> None:
    assert same_division("Izyum Raion", "Iziumskyi raion")
    assert same_division("Kupiansk Raion", "Kupianskyi raion")
    assert not same_division("Chuhuiv Raion", "Kupianskyi raion")
    assert not same_division("Lozivskyi raion", None)


def test_towns_listed_after_the_lead_give_one_event_each(pipeline) -> None:
    events = _events(pipeline, "Russian troops carried out five attacks on the Sumy region overnight, the regional "
                               "administration said. The enemy launched a drone strike on energy facilities in the "
                               "towns of Shostka and Konotop.")
    towns = {e.location.place.name for e in events if e.sub_event_type == "Air/drone strike" and e.location}
    assert {"Shostka", "Konotop"} <= towns, [e.summary for e in events]


def test_a_region_list_after_the_lead_stays_one_event(pipeline) -> None:
    events = _events(pipeline, "Ukraine downs 9 drones overnight - air force\nUkraine shot down all nine drones "
                               "launched by Russia overnight, the air force said. The drones were shot down over "
                               "the Mykolaiv, Kherson and Poltava regions, it said.")
    assert len([e for e in events if e.sub_event_type == "Disrupted weapons use"]) == 1, [e.summary for e in events]


def test_protests_in_listed_cities_are_one_event_each(pipeline) -> None:
    events = _events(pipeline, "On Sunday, thousands of people rallied against the new tax law in several cities: "
                               "Lviv, Odesa and Dnipro.")
    cities = {e.location.place.name for e in events if e.event_type == "Protests" and e.location}
    assert {"Lviv", "Odesa", "Dnipro"} <= cities, [e.summary for e in events]


def test_its_points_back_to_the_speaker_not_to_the_nearest_country(pipeline) -> None:
    events = _events(pipeline, "The Russian Defence Ministry said its air defence units destroyed 30 Ukrainian drones "
                               "over the Belgorod region on Tuesday. According to the ministry statement, its units "
                               "destroyed 20 of the drones over the Belgorod region in two hours.")
    stops = [e for e in events if e.sub_event_type == "Disrupted weapons use"]
    assert len(stops) == 1, [e.summary for e in events]  # one event: both sentences tell Russia's units
    assert stops[0].actor1 is not None and stops[0].actor1.country == "RUS"


def test_a_village_shelled_in_the_region_is_not_a_summary_of_a_drone_strike_in_a_town(pipeline) -> None:
    events = _events(pipeline, "A Ukrainian drone attack on Sunday injured two people in the town of Sevsk in the "
                               "Bryansk region, the governor, Ivan Petrov, said. Petrov earlier reported that a "
                               "village in the region had been shelled by Ukrainian forces, damaging two homes.")
    subs = {e.sub_event_type for e in events}
    assert {"Air/drone strike", "Shelling/artillery/missile attack"} <= subs, [e.summary for e in events]
    shelling = next(e for e in events if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling.attribution.status == "official"  # 'Petrov' was named with his title before


def test_an_explosion_heard_where_a_strike_was_told_is_that_strike(pipeline) -> None:
    events = _events(pipeline, "Ukrainian naval drones attacked the port of Sevastopol on Tuesday morning, the "
                               "Russian-installed governor said. In Sevastopol, Crimea, a loud explosion rang out on "
                               "Tuesday morning.")
    assert [e.sub_event_type for e in events] == ["Air/drone strike"], [e.summary for e in events]
    assert events[0].location is not None and events[0].location.place.name == "Sevastopol"


def test_an_event_said_not_to_exist_or_to_have_failed_is_no_event(pipeline) -> None:
    events = _events(pipeline, "Rebels attacked an army base near the town on Monday, with no sign of the ceasefire "
                               "agreed last month. The next day soldiers searched the villages but did not succeed in "
                               "arresting any of the rebels.")
    subs = [e.sub_event_type for e in events]
    assert "Armed clash" in subs and "Arrests" not in subs and "Agreement" not in subs, subs


def test_an_armed_group_detaining_people_abducts_them(pipeline) -> None:
    events = _events(pipeline, "Local militia fighters detained six bus passengers at a checkpoint outside the city of "
                               "Sweida on Friday, residents said.")
    subs = [e.sub_event_type for e in events]
    assert "Abduction/forced disappearance" in subs and "Arrests" not in subs, subs


def test_the_detector_gives_no_bomb_and_no_protest_the_sentence_does_not_name() -> None:
    from eventwire.extract.detect import find_triggers as triggers_of
    from eventwire.extract.sentences import _weapon_allows

    doc = parse_one("Eleven traders returning from a market were murdered by gunmen on the road to the town.")
    rules = next(t.coding for t in triggers_of(doc) if doc[t.i].text == "murdered")
    sent = next(iter(doc.sents))
    assert not _weapon_allows(rules, "Remote explosive/landmine/IED", sent)
    assert not _weapon_allows(rules, "Violent demonstration", sent)
    doc = parse_one("A roadside bomb killed eleven traders returning from a market on the road to the town.")
    sent = next(iter(doc.sents))
    rules = next(t.coding for t in triggers_of(doc))
    assert _weapon_allows(rules, "Remote explosive/landmine/IED", sent)


def test_another_weapon_told_after_an_event_is_an_event_of_its_own(pipeline) -> None:
    events = _events(pipeline, "Russian troops shelled the town of Kupiansk with artillery on Monday morning, killing "
                               "two people, the governor said. In addition, the enemy dropped two aerial bombs on "
                               "Kupiansk in the afternoon.")
    subs = [e.sub_event_type for e in events]
    assert "Shelling/artillery/missile attack" in subs and "Air/drone strike" in subs, subs


def test_an_army_firing_at_a_village_is_shelling() -> None:
    subs = _subs("Two women were killed when the armed forces fired at a road in the village of Kozynka.")
    assert subs.get("fired") == "Shelling/artillery/missile attack"
    subs = _subs("The company fired the manager at the start of the year.")
    assert "fired" not in subs


def test_where_things_came_from_and_whose_forces_are_not_where_it_happened(pipeline) -> None:
    from eventwire.extract.locate import locate
    from eventwire.geo import places_for_doc

    gazetteer = pipeline.gazetteer
    doc = parse_one("Air defence units shot down nine drones launched from Kursk over the Sumy region overnight.")
    where = locate(next(t for t in doc if t.text == "shot"), places_for_doc(doc, "t", gazetteer))
    assert where is not None and where.place.admin1 == "Sumska oblast"
    doc = parse_one("Kharkiv's territorial defence units captured the village of Tsyrkuny in heavy fighting.")
    where = locate(next(t for t in doc if t.text == "captured"), places_for_doc(doc, "t", gazetteer))
    assert where is None or where.place.name != "Kharkiv"


def test_an_event_named_as_someone_s_aim_has_not_happened(pipeline) -> None:
    events = _events(pipeline, "Police detained a man in Odesa on Monday. He had photographed a power plant to help "
                               "the enemy prepare its bombardment of the city's energy grid, police said.")
    assert [e.sub_event_type for e in events] == ["Arrests"], [e.summary for e in events]


def test_a_headline_under_the_site_name_is_still_the_headline(pipeline) -> None:
    events = _events(pipeline, "Daily Wire News\nTroops kill 9 gunmen in northern Mali\nSoldiers killed nine gunmen "
                               "who attacked an army post near the town of Goundam on Sunday, the army said.")
    assert len([e for e in events if e.event_type == "Battles"]) == 1, [e.summary for e in events]


def test_a_battle_told_from_both_sides_is_one_battle(pipeline) -> None:
    events = _events(pipeline, "Two Ukrainian attacks repelled near Robotyne - Russian ministry\nRussian troops "
                               "repelled two attacks of the Ukrainian army near Robotyne in the Zaporizhzhia region on "
                               "Sunday, the Russian Defence Ministry said.")
    assert len([e for e in events if e.sub_event_type == "Armed clash"]) == 1, [e.summary for e in events]


def test_during_an_attack_tells_the_attack_and_following_the_attack_points_back() -> None:
    from eventwire.extract.grouping import refers_back

    doc = parse_one("During a massive air attack on the capital overnight, debris fell on a school.")
    assert not refers_back(next(t for t in doc if t.text == "attack"))
    doc = parse_one("Rescuers inspect the damage following an attack on the port.")
    assert refers_back(next(t for t in doc if t.text == "attack"))


def test_taking_a_city_while_advancing_is_a_capture() -> None:
    subs = _subs("Moscow has been advancing in the east and took the city of Toretsk on Tuesday.")
    assert subs.get("took") == "Non-state actor overtakes territory"
    subs = _subs("The buyer took the city bus to the market on Tuesday.")
    assert "took" not in subs
