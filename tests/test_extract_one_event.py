"""One record per real event: an event told again in other words joins the first telling (sentences written
for these tests, through the real pipeline)."""

from __future__ import annotations

from tests.test_extract_rules import events_for


def _acled(events):
    return [e for e in events if e.sub_event_type]


def test_an_assault_with_infantry_and_its_repulse_are_one_armed_clash(pipeline) -> None:
    text = ("Separatist forces launched an assault with tanks, artillery and infantry on the village of Hranitne on "
            "Tuesday. Government marines repelled the attack after several hours.")
    events = _acled(events_for(pipeline, text))
    assert [e.sub_event_type for e in events] == ["Armed clash"], [e.summary for e in events]
    assert len(events[0].evidence) == 2


def test_artillery_alone_is_still_a_shelling(pipeline) -> None:
    text = "Separatist forces shelled the village of Hranitne with heavy artillery on Tuesday, the governor said."
    subs = [e.sub_event_type for e in _acled(events_for(pipeline, text))]
    assert subs == ["Shelling/artillery/missile attack"]


def test_a_witness_retelling_a_strike_in_a_quote_tells_no_second_strike(pipeline) -> None:
    text = ("An air strike hit a school used as a shelter in the city of Idlib, killing four people, medics "
            "said.\n"
            "\u201cThe building was bombed while we slept, two rockets one after the other,\u201d said a woman "
            "who lives nearby.")
    events = _acled(events_for(pipeline, text))
    assert [e.sub_event_type for e in events] == ["Air/drone strike"], [e.summary for e in events]
    assert len(events[0].evidence) == 2


def test_the_second_attack_in_a_week_is_the_attack_told(pipeline) -> None:
    text = ("Four policemen were killed when rebels attacked a police station with drones and explosives in the "
            "town of Jamundi on Friday, the police said. The guerrillas carried out the second deadly attack on "
            "the security forces in a week.")
    events = _acled(events_for(pipeline, text))
    assert len(events) == 1, [e.summary for e in events]


def _snippet(pipeline, text: str):
    """A snippet with no publication day, as CASE gives them: nothing dates a background seizure as old."""
    from eventwire.pipeline import ArticleResult
    from eventwire.records import Article

    [result] = list(pipeline.process([Article(id="snippet", text=text, published=None)]))
    assert isinstance(result, ArticleResult)
    return _acled(list(result.events))


def _most_confident(events) -> str | None:
    return max(events, key=lambda e: e.confidence).sub_event_type if events else None


def test_a_seizure_told_as_background_does_not_outrank_the_retaking(pipeline) -> None:
    events = _snippet(pipeline, "Government troops retook the town of Menaka on Sunday. Jihadists had seized the "
                                "town after heavy fighting.")
    assert _most_confident(events) == "Government regains territory", [(e.summary, e.confidence) for e in events]
    background = [e for e in events if e.sub_event_type == "Non-state actor overtakes territory"]
    assert all(e.confidence <= 0.6 for e in background), [(e.summary, e.confidence) for e in events]


def test_who_retreats_lost_the_ground(pipeline) -> None:
    events = _snippet(pipeline, "Government forces have regained control of the town of Leer, state radio said on "
                                "Monday. Most of the rebels had retreated from the town after troops stormed it.")
    assert "Non-state actor overtakes territory" not in {e.sub_event_type for e in events}, [
        e.summary for e in events]
    assert _most_confident(events) == "Government regains territory"


def test_forces_loyal_to_the_government_are_the_state_side(pipeline) -> None:
    events = _snippet(pipeline, "Officials say forces loyal to the internationally recognised government have "
                                "wrested control of an army camp from a separatist militia near the port.")
    assert _most_confident(events) == "Government regains territory", [e.summary for e in events]


def test_killing_and_abducting_in_one_sentence_are_two_acts(pipeline) -> None:
    text = ("Gunmen killed six villagers and abducted over 30 others in the village of Dansadau in Zamfara State on "
            "Sunday, police said.")
    subs = sorted(e.sub_event_type for e in _acled(events_for(pipeline, text)))
    assert subs == ["Abduction/forced disappearance", "Attack"], subs


def test_victims_told_as_kidnapped_are_no_new_abduction(pipeline) -> None:
    text = "Soldiers rescued twelve kidnapped travellers near the town of Kaduna on Tuesday, the army said."
    subs = [e.sub_event_type for e in _acled(events_for(pipeline, text))]
    assert "Abduction/forced disappearance" not in subs, subs


def test_the_shootout_told_later_places_the_clash(pipeline) -> None:
    text = ("Soldiers killed nine gunmen in a clash in Sinaloa state on Monday, the defence ministry said.\n"
            "The shootout took place in the municipality of Culiacan, the ministry added.")
    events = _acled(events_for(pipeline, text))
    assert len(events) == 1, [e.summary for e in events]
    assert events[0].location is not None and events[0].location.place.name.startswith("Culiac")


def test_a_protest_with_deaths_counted_met_excessive_force(pipeline) -> None:
    text = ("Police fired tear gas and water cannon at crowds protesting a new tax law in the capital Lusaka on "
            "Tuesday, resulting in three deaths and 20 injuries, rights groups said.")
    subs = [e.sub_event_type for e in _acled(events_for(pipeline, text))]
    assert subs == ["Excessive force against protesters"], subs


def test_as_reported_by_names_the_source(pipeline) -> None:
    text = ("Gunmen killed four farmers near the town of Bama on Saturday, as reported by local rights groups.")
    events = _acled(events_for(pipeline, text))
    assert [e.attribution.status for e in events] == ["reported"], [(e.summary, e.attribution) for e in events]


def test_gunmen_shot_dead_by_soldiers_are_a_battle(pipeline) -> None:
    text = "Soldiers shot dead seven gunmen near the town of Zurmi on Thursday, the army said."
    subs = [e.sub_event_type for e in _acled(events_for(pipeline, text))]
    assert subs == ["Armed clash"], subs
