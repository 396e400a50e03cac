"""ACLED's lines between crowd events, territory changes and battles, drawn on the real spaCy parse of
sentences written for these tests (extract.crowds, extract.actors, extract.commentary, extract.modality)."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from eventwire.extract.actors import actor1_for, territory_parties, territory_sub
from eventwire.extract.commentary import is_since_clause
from eventwire.extract.crowds import armed_victims, crowd_sub
from eventwire.extract.modality import modality_of
from eventwire.nlp import parse_one


def word(text: str, target: str) -> Token:
    doc = parse_one(text)
    return next(t for t in doc if t.text == target)


@pytest.mark.parametrize(("text", "trigger", "read_as", "expected"), [
    # demonstrators who damage, throw, clash or barricade roads: a violent demonstration
    ("Hundreds of protesters threw stones at the police and smashed shop windows in the capital.", "threw",
     "Peaceful protest", "Violent demonstration"),
    ("Protesters blocked roads with burning tyres across the country to protest the new law.", "protest",
     "Peaceful protest", "Violent demonstration"),
    # CASE 2021's coders count the blockade itself (ACLED: road-blocking using "other material")
    ("Farmers blocked roads with tractors across the country to protest the new law.", "protest",
     "Peaceful protest", "Violent demonstration"),
    ("Farmers rallied with tractors across the country to protest the new law.", "protest",
     "Peaceful protest", "Peaceful protest"),
    ("Demonstrators clashed with security forces during an opposition rally in the city.", "clashed",
     "Armed clash", "Violent demonstration"),
    # a crowd the state's forces kill: excessive force
    ("Police opened fire on a peaceful march, killing two protesters, witnesses said.", "march",
     "Peaceful protest", "Excessive force against protesters"),
    ("Five protesters were killed when soldiers broke up a sit-in outside the ministry.", "killed",
     "Attack", "Excessive force against protesters"),
    # dispersed or arrested: intervention
    ("Police fired tear gas to disperse a rally of opposition supporters on Sunday.", "rally",
     "Peaceful protest", "Protest with intervention"),
    ("Twelve activists were detained by police while trying to hold a demonstration.", "detained",
     "Arrests", "Protest with intervention"),
    # nothing done by or to the crowd: as read
    ("Thousands of people marched through the city centre on Saturday.", "marched",
     "Peaceful protest", "Peaceful protest"),
    # riot police are the police's kind, not a riot; a murder at an election rally is no protest
    ("Thousands of students rallied in the capital, facing riot police outside parliament.", "rallied",
     "Peaceful protest", "Peaceful protest"),
    ("Police detained three suspects in the murder of the mayor during a rally.", "detained",
     "Arrests", "Arrests"),
    # mobs and vigilantes: mob violence
    ("A man was killed as villagers clashed with sticks and iron rods over a field.", "clashed",
     "Armed clash", "Mob violence"),
    ("A vigilante group repelled an attack by bandits on the village, killing nine of them.", "repelled",
     "Armed clash", "Mob violence"),
    # battles stay battles
    ("Soldiers clashed with militants near the border on Monday.", "clashed", "Armed clash", "Armed clash"),
])
def test_crowd_sub_types_follow_who_did_what(text: str, trigger: str, read_as: str, expected: str) -> None:
    assert crowd_sub(read_as, word(text, trigger)) == expected


def test_killing_armed_men_is_a_battle_and_killing_villagers_an_attack() -> None:
    assert armed_victims("Attack", word("The army killed scores of militants in the province.", "killed")) \
        == "Armed clash"
    assert armed_victims("Attack", word("Gunmen killed six villagers in the province.", "killed")) == "Attack"


@pytest.mark.parametrize(("text", "trigger", "country", "expected"), [
    # the taker decides: rebels take, the state's forces regain
    ("Rebel fighters recaptured the village from the army on Sunday.", "recaptured", None,
     "Non-state actor overtakes territory"),
    ("The army recaptured the town from the militants after two days of fighting.", "recaptured", None,
     "Government regains territory"),
    ("Syrian rebels have recaptured a village in the west of the country.", "recaptured", "SY",
     "Non-state actor overtakes territory"),
    # the taker unnamed: from whom it was taken decides
    ("The town was recaptured from the insurgents on Friday.", "recaptured", None,
     "Government regains territory"),
    # a foreign army taking ground is no government there
    ("Russian forces captured the village in the Donetsk region.", "captured", "UA",
     "Non-state actor overtakes territory"),
])
def test_territory_sub_type_follows_the_taker(text: str, trigger: str, country: str | None, expected: str) -> None:
    tok = word(text, trigger)
    actor = actor1_for(tok, "territory", [])
    for read_as in ("Non-state actor overtakes territory", "Government regains territory"):
        assert territory_sub(read_as, actor, country, *territory_parties(tok)) == expected


def test_an_event_in_a_since_clause_is_background() -> None:
    text = ("Hezbollah has been trading fire with Israeli forces since Hamas attacked Israel on October 7, "
            "sparking the war.")
    assert is_since_clause(word(text, "attacked"))
    assert not is_since_clause(word("Hamas attacked the border post on Monday.", "attacked"))


def test_the_means_of_a_prevented_act_was_done() -> None:
    text = "The security service prevented a sabotage on the railway by detaining an agent in the city."
    assert modality_of(word(text, "detaining"), "arrest") == "asserted"
    assert modality_of(word("Air defence prevented the strike on the city.", "strike"), "strike") == "hypothetical"


def test_a_blast_with_no_aircraft_named_is_no_air_strike() -> None:
    from eventwire.extract.weapons import weapon_sub

    bomb = word("Guerrillas blew up a transformer substation with TNT blocks in the city.", "blew")
    assert weapon_sub("Air/drone strike", bomb) == "Remote explosive/landmine/IED"
    drone = word("A drone blew up a fuel depot in the city.", "blew")
    assert weapon_sub("Air/drone strike", drone) == "Air/drone strike"


def test_what_was_repelled_is_told_in_its_own_clause() -> None:
    from eventwire.extract.detect import find_triggers

    def repelled(text: str) -> str | None:
        doc = parse_one(text)
        return next(t.coding.sub_event_type for t in find_triggers(doc) if doc[t.i].lower_ == "repelled")

    assert repelled("Troops launched an assault on the bridge with artillery support; the assault was "
                    "repelled.") != "Disrupted weapons use"
    assert repelled("Air defence repelled a massive drone attack on the city overnight.") == "Disrupted weapons use"


def test_weapons_that_only_back_a_ground_assault_do_not_make_it_remote() -> None:
    from eventwire.extract.detect import find_triggers

    def subs(text: str) -> set[str | None]:
        return {t.coding.sub_event_type for t in find_triggers(parse_one(text))}

    assert subs("Troops launched an assault on enemy positions near the bridge with tank and artillery "
                "support.") == {"Armed clash"}
    assert subs("Troops attacked enemy positions near the bridge with artillery.") == {
        "Shelling/artillery/missile attack"}


def test_a_civil_body_named_after_the_army_is_no_armed_side() -> None:
    from eventwire.extract.detect import find_triggers

    doc = parse_one("The Regional Military Administration reported another attack targeting the private sector "
                    "in the town.")
    assert all(t.coding.sub_event_type != "Armed clash" for t in find_triggers(doc))
    doc = parse_one("Soldiers came under attack near the town.")
    assert any(t.coding.sub_event_type == "Armed clash" for t in find_triggers(doc))


@pytest.mark.parametrize(("text", "trigger", "read_as", "expected"), [
    ("Rebels fired shells into the city, and residents suspect the shells contained poisonous gas.", "fired",
     "Shelling/artillery/missile attack", "Chemical weapon"),
    ("Warplanes launched air missiles targeting three chemical weapons facilities on Tuesday.", "launched",
     "Chemical weapon", "Air/drone strike"),
    ("Twin car-bomb attacks killed at least ten people in the port city.", "killed", "Attack",
     "Remote explosive/landmine/IED"),
    ("Gunmen attacked the office with hand grenades, injuring an editor.", "attacked", "Armed clash", "Grenade"),
    ("In the community, ammunition was dropped from UAVs (2 explosions).", "dropped", "Disrupted weapons use",
     "Air/drone strike"),
    ("Air defence shot down 14 drones that attacked the region.", "shot", "Disrupted weapons use",
     "Disrupted weapons use"),
    ("Two fighters attacked the village six times and dropped at least 17 bombs on Sunday.", "attacked",
     "Armed clash", "Air/drone strike"),
    ("Soldiers fired on a civilian minibus with small arms outside the town, killing two passengers.", "fired",
     "Shelling/artillery/missile attack", "Attack"),
    ("Troops fired on enemy positions with machine guns and rifles across the river.", "fired",
     "Shelling/artillery/missile attack", "Armed clash"),
    ("Troops fired mortars and rifles at the village, wounding a farmer.", "fired",
     "Shelling/artillery/missile attack", "Shelling/artillery/missile attack"),
])
def test_remote_violence_sub_types_follow_the_weapon(text: str, trigger: str, read_as: str, expected: str) -> None:
    from eventwire.extract.weapons import weapon_sub

    assert weapon_sub(read_as, word(text, trigger)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian forces have set up a new military base in the village on Monday.", "Headquarters or base established"),
    ("The army's engineering units found several weapons caches in the villages.", "Disrupted weapons use"),
    ("Protesters gathered outside the court on Monday evening.", "Peaceful protest"),
    ("About 160 soldiers have defected from the breakaway region amid tension in the town.",
     "Change to group/activity"),
    ("The army is reportedly moving troops to a desert region near the border.", "Change to group/activity"),
    ("The company moved its headquarters to the capital.", None),
    ("The city opened a new shelter for displaced people.", None),
    ("Investigators found fragments of a missile at the site.", None),
    ("Police found the body of a man in the village.", None),
])
def test_strategic_developments_told_by_a_verb_and_its_object(text: str, expected: str | None) -> None:
    from eventwire.extract.detect import find_triggers

    subs = [t.coding.sub_event_type for t in find_triggers(parse_one(text))]
    assert subs == ([expected] if expected else [])


def test_launch_sites_and_origins_are_not_where_the_event_was() -> None:
    from eventwire.extract.locate import _launch_site, _origin

    text = "Russia attacked with 16 Shahed drones (launch areas: Yeysk and Kursk) overnight."
    assert _launch_site(text, text.index("Yeysk")) and not _launch_site(text, text.index("Russia"))
    found = word("The fighters found there landmines and combat meals brought there from Russia.", "found")
    russia = next(t for t in found.doc if t.text == "Russia")
    assert _origin(found, russia)


def test_ground_taken_after_the_other_side_left_is_a_non_violent_transfer() -> None:
    from eventwire.extract.actors import handed_over

    left = word("Rebel fighters entered the town on Sunday and have taken control of it after government forces "
                "pulled out.", "taken")
    assert handed_over("Non-state actor overtakes territory", left) == "Non-violent transfer of territory"
    fought = word("Russian forces captured the village after heavy fighting, and Ukrainian troops withdrew.",
                  "captured")
    assert handed_over("Non-state actor overtakes territory", fought) == "Non-state actor overtakes territory"


@pytest.mark.parametrize("text", [
    "Government forces pushed the militants out of several villages in the region.",
    "Army units established control over an area in the countryside after eliminating the last fighters.",
])
def test_fighters_driven_out_is_ground_taken(text: str) -> None:
    from eventwire.extract.detect import find_triggers

    codings = [t.coding for t in find_triggers(parse_one(text))]
    assert any(c.family == "territory" for c in codings)
