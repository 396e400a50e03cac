"""Label vocabularies of the classifier heads and the mappings from each data set's own labels.

CASE 2021 spells ACLED sub-types as short codes; the heads speak ACLED's codebook names (as
`records.taxonomy` does). PLOVER gold uses the 2021 names (DEMAND, DISAPPROVE, FIGHT, ...); the
head keeps them and `plover_for_schema` maps them onto the event schema's older vocabulary.
"""

from __future__ import annotations

from eventwire.records.taxonomy import ACLED_SUB_TO_TYPE

NONE = "none"

CASE_TO_ACLED: dict[str, str] = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
CASE_NON_ACLED = frozenset({"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"})

ACLED_LABELS: tuple[str, ...] = (*ACLED_SUB_TO_TYPE, NONE)

PLOVER_LABELS: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND", "DISAPPROVE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "INVESTIGATE",
    NONE,
)

# PLOVER 2021 names -> the names the event schema (eventwire.event/1) allows; INVESTIGATE has none.
_SCHEMA_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}

POLICE_LABELS: tuple[str, ...] = ("KILL", "ARREST", "FORCE")


def plover_for_schema(label: str) -> str | None:
    """The schema's PLOVER type for a head label, or None where the schema has no such type."""
    if label in (NONE, "INVESTIGATE"):
        return None
    return _SCHEMA_PLOVER.get(label, label)
