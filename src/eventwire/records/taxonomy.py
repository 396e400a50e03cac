"""ACLED and PLOVER vocabularies, spelled exactly as their codebooks spell them."""

from __future__ import annotations

from enum import StrEnum

# ACLED sub-event type -> event type (ACLED codebook, 2023 edition: 6 types, 25 sub-types).
ACLED_SUB_TO_TYPE: dict[str, str] = {
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Armed clash": "Battles",
    "Excessive force against protesters": "Protests",
    "Protest with intervention": "Protests",
    "Peaceful protest": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

ACLED_EVENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(ACLED_SUB_TO_TYPE.values()))

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# The PLOVER type an ACLED sub-event type implies (PLOVER manual, section on ASSAULT/COERCE/PROTEST).
PLOVER_FOR_ACLED: dict[str, tuple[str, str | None]] = {
    "Armed clash": ("ASSAULT", "firearms"),
    "Government regains territory": ("ASSAULT", "firearms"),
    "Non-state actor overtakes territory": ("ASSAULT", "firearms"),
    "Air/drone strike": ("ASSAULT", "aerial"),
    "Shelling/artillery/missile attack": ("ASSAULT", "explosives"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Suicide bomb": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Chemical weapon": ("ASSAULT", "cbrn"),
    "Attack": ("ASSAULT", "firearms"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
    "Excessive force against protesters": ("ASSAULT", None),
    "Peaceful protest": ("PROTEST", "demo"),
    "Protest with intervention": ("PROTEST", "demo"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("PROTEST", "riot"),
    "Arrests": ("COERCE", "arrest"),
    "Looting/property destruction": ("COERCE", "seize"),
    "Agreement": ("AGREE", None),
    "Non-violent transfer of territory": ("RETREAT", "withdraw"),
}


class Family(StrEnum):
    """What kind of event a trigger word can start (extract's trigger families). A StrEnum, so a family
    compares equal to its spelling and event ids hashed from it are unchanged."""

    STRIKE = "strike"
    ATTACK = "attack"
    SHOOT = "shoot"
    CLASH = "clash"
    TERRITORY = "territory"
    RIOT = "riot"
    LOOT = "loot"
    KILL = "kill"
    ABDUCT = "abduct"
    SEXUAL = "sexual"
    INTERCEPT = "intercept"
    PROTEST = "protest"
    ARREST = "arrest"
    AGREE = "agree"
    EVACUATE = "evacuate"
    WITHDRAW = "withdraw"
    REQUEST = "request"
    THREATEN = "threaten"
    ACCUSE = "accuse"
    REJECT = "reject"
    SANCTION = "sanction"
    CONSULT = "consult"
    MOBILIZE = "mobilize"
    CONCEDE = "concede"
    DETECTED = "detected"  # no trigger word: the sentence detector found the event


F = Family
# physical violence (the other families are verbal, political or administrative)
VIOLENT_FAMILIES: frozenset[Family] = frozenset({F.STRIKE, F.ATTACK, F.SHOOT, F.CLASH, F.TERRITORY, F.RIOT,
                                                 F.LOOT, F.KILL, F.ABDUCT, F.SEXUAL, F.INTERCEPT})
POLITICAL_FAMILIES: frozenset[Family] = frozenset({F.REQUEST, F.THREATEN, F.ACCUSE, F.REJECT, F.SANCTION,
                                                   F.CONSULT, F.MOBILIZE, F.CONCEDE, F.AGREE})
# families whose sentences' tolls are the event's own deaths and injuries
FATAL_FAMILIES: frozenset[Family] = frozenset({F.STRIKE, F.ATTACK, F.CLASH, F.KILL, F.TERRITORY, F.RIOT,
                                               F.PROTEST, F.SHOOT, F.DETECTED})
INJURY_FAMILIES: frozenset[Family] = FATAL_FAMILIES - {F.TERRITORY}
# families coded as an act of violence by its weapon and target (see extract.detect._code_violence)
ARMED_ACT_FAMILIES: frozenset[Family] = frozenset({F.STRIKE, F.ATTACK, F.SHOOT})
