"""Trigger words and the context words that decide an event's type.

A trigger is a verb or an event noun; its *family* says what kind of event it can start.
Families that are ambiguous in everyday English ("strike", "attack", "fight", "deal") need
context from the parse (a weapon, an armed actor, a conflict article) before they become events.
"""

from __future__ import annotations

from eventwire.records.taxonomy import VIOLENT_FAMILIES
from eventwire.records.taxonomy import Family as F

# Verb lemma -> family. Phrasal and object-dependent senses are decided in detect.py.
VERB_FAMILIES: dict[str, str] = {
    # remote violence
    "bomb": "strike", "shell": "strike", "bombard": "strike", "pound": "strike", "strike": "strike",
    "hit": "strike", "target": "strike", "attack": "attack", "raid": "attack", "storm": "attack",
    "shoot": "shoot", "fire": "shoot",
    # interception (ACLED: Disrupted weapons use)
    "intercept": "intercept", "down": "intercept", "repel": "intercept", "fend": "intercept",
    "destroy": "intercept", "neutralize": "intercept", "neutralise": "intercept", "suppress": "intercept",
    # territory
    "capture": "territory", "seize": "territory", "occupy": "territory", "wrest": "territory",
    "liberate": "territory", "recapture": "territory", "retake": "territory", "regain": "territory",
    "overrun": "territory", "take": "territory", "gain": "territory",
    "claim": "territory",  # only "claimed (full) control of X" (verb_senses); otherwise a reporting verb
    # battles
    "clash": "clash", "fight": "clash", "battle": "clash", "ambush": "clash",
    "liquidate": "clash", "eliminate": "clash",  # "eliminated 50 militants": fighters killed in a battle
    # demonstrations and riots
    "protest": "protest", "demonstrate": "protest", "rally": "protest", "march": "protest", "gather": "protest",
    "stage": "protest", "block": "riot", "barricade": "riot",
    "riot": "riot", "loot": "loot", "torch": "loot", "vandalize": "loot", "vandalise": "loot",
    "ransack": "loot", "steal": "loot", "plunder": "loot", "pillage": "loot",
    # violence against people
    "arrest": "arrest", "detain": "arrest", "apprehend": "arrest",
    "abduct": "abduct", "kidnap": "abduct",
    "kill": "kill", "murder": "kill", "execute": "kill", "massacre": "kill", "slaughter": "kill",
    "behead": "kill", "lynch": "kill", "rape": "sexual",
    # strategic developments
    "sign": "agree", "agree": "agree", "exchange": "agree", "swap": "agree", "surrender": "agree",
    "evacuate": "evacuate", "withdraw": "withdraw", "retreat": "withdraw", "pull": "withdraw",
    # verbal and political interactions (PLOVER)
    "demand": "request", "urge": "request", "request": "request", "appeal": "request", "call": "request",
    "threaten": "threaten", "warn": "threaten", "vow": "threaten",
    "accuse": "accuse", "blame": "accuse", "condemn": "accuse", "denounce": "accuse",
    "criticize": "accuse", "criticise": "accuse",
    "reject": "reject", "refuse": "reject", "veto": "reject",
    "sanction": "sanction", "expel": "sanction",
    "meet": "consult", "mobilize": "mobilize", "mobilise": "mobilize", "deploy": "mobilize",
    "release": "concede", "free": "concede",
}

NOUN_FAMILIES: dict[str, str] = {
    "strike": "strike", "airstrike": "strike", "bombardment": "strike", "bombing": "strike",
    "barrage": "strike", "shelling": "strike", "explosion": "strike", "blast": "strike",
    "attack": "attack", "raid": "attack", "assault": "attack",
    "interception": "intercept",
    "capture": "territory", "seizure": "territory", "takeover": "territory",
    "clash": "clash", "fighting": "clash", "battle": "clash", "firefight": "clash", "gunfight": "clash",
    "skirmish": "clash", "ambush": "clash", "shootout": "clash", "gunbattle": "clash", "liquidation": "clash",
    "elimination": "clash",
    "protest": "protest", "demonstration": "protest", "rally": "protest", "sit-in": "protest", "march": "protest",
    "riot": "riot", "looting": "loot", "arson": "loot",
    "arrest": "arrest", "detention": "arrest",
    "abduction": "abduct", "kidnapping": "abduct",
    "killing": "kill", "massacre": "kill", "murder": "kill", "assassination": "kill", "execution": "kill",
    "rape": "sexual",
    "ceasefire": "agree", "truce": "agree", "agreement": "agree", "deal": "agree", "accord": "agree",
    "evacuation": "evacuate", "withdrawal": "withdraw", "pullout": "withdraw",
    "demand": "request", "call": "request", "appeal": "request", "ultimatum": "request",
    "threat": "threaten", "accusation": "accuse", "condemnation": "accuse",
    "sanction": "sanction", "embargo": "sanction", "expulsion": "sanction",
    "talk": "consult", "summit": "consult",
    "mobilization": "mobilize", "mobilisation": "mobilize", "deployment": "mobilize",
}

# Families of physical violence (the others are verbal, political or administrative).
VIOLENT: frozenset[str] = frozenset(VIOLENT_FAMILIES)

# Weapon words -> ACLED sub-event type (checked near the trigger, most specific first).
WEAPONS: tuple[tuple[frozenset[str], str, str], ...] = (
    (frozenset({"chemical", "chlorine", "sarin", "gas", "mustard"}), "Chemical weapon", "cbrn"),
    (frozenset({"suicide", "bomber"}), "Suicide bomb", "explosives"),
    (frozenset({"ied", "ieds", "landmine", "landmines", "mine", "roadside", "explosive", "explosives", "device",
                "car-bomb", "booby"}),
     "Remote explosive/landmine/IED", "explosives"),
    (frozenset({"grenade", "grenades"}), "Grenade", "explosives"),
    (frozenset({"drone", "drones", "uav", "uavs", "airstrike", "airstrikes", "aircraft", "warplane",
                "warplanes", "jet", "jets", "helicopter", "helicopters", "chopper", "choppers", "gunship", "gunships",
                "air", "aerial", "shahed", "air-strike", "air-strikes", "glide", "kab", "kabs"}),
     "Air/drone strike", "aerial"),
    (frozenset({"missile", "missiles", "rocket", "rockets", "artillery", "shell", "shells", "shelling",
                "mortar", "mortars", "howitzer", "grad", "himars", "ballistic", "cruise", "bombardment",
                "mlrs", "mrls", "uragan", "smerch", "iskander", "iskanders"}),
     "Shelling/artillery/missile attack", "explosives"),
)
WEAPON_WORDS: frozenset[str] = frozenset().union(*(words for words, _, _ in WEAPONS)) - {"air", "device"}

# Words for people who carry arms: their presence makes "attack", "fight", "clash" military.
ARMED_WORDS: frozenset[str] = frozenset({
    "troops", "troop", "soldier", "soldiers", "army", "forces", "force", "military", "militants",
    "militant", "rebels", "rebel", "insurgents", "insurgent", "fighters", "fighter", "militia", "militias",
    "gunmen", "gunman", "separatists", "jihadists", "guerrillas", "police", "policemen", "officers",
    "units", "unit", "battalion", "brigade", "regiment", "defence", "defense", "paramilitary", "terrorists",
    "terrorist", "marines", "commandos", "bandits", "attackers", "assailants",
})
CIVILIAN_WORDS: frozenset[str] = frozenset({
    "civilians", "civilian", "villagers", "residents", "people", "children", "women", "men", "farmers",
    "worshippers", "students", "passengers", "journalists", "journalist", "family", "families", "man",
    "woman", "child", "boy", "girl", "teacher", "doctor", "aid", "workers", "pedestrians", "shoppers",
})
# Words that make a story about war, unrest or crime: an ambiguous trigger needs one nearby.
CONFLICT_WORDS: frozenset[str] = WEAPON_WORDS | ARMED_WORDS | frozenset({
    "war", "killed", "wounded", "injured", "dead", "casualties", "shot", "gunfire", "gun", "guns",
    "bomb", "bombs", "bombed", "shelled", "ceasefire", "truce", "occupied", "frontline", "front",
    "offensive", "counteroffensive", "advancing", "protesters", "demonstrators", "riot", "tear", "curfew",
    "hostage", "hostages",
})

# Verbs under which an event is reported or perceived (attribution) ...
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "claim", "report", "announce", "state", "tell", "confirm", "insist", "allege", "add",
    "write", "post", "declare", "assert", "acknowledge", "admit", "deny", "quote", "according",
})
PERCEPTION_VERBS: frozenset[str] = frozenset({"see", "hear", "witness", "watch", "observe", "film", "photograph"})
WITNESS_NOUNS: frozenset[str] = frozenset({
    "journalist", "journalists", "reporter", "reporters", "correspondent", "correspondents",
    "photographer", "photographers", "witness", "witnesses",
})
MEDIA_NOUNS: frozenset[str] = frozenset({
    "media", "outlet", "outlets", "newspaper", "newspapers", "agency", "television", "tv", "broadcaster",
    "channel", "press", "reports", "report", "website", "daily", "radio",
})

# ... and the governing words that make an event something other than a fact (modality).
PLANNED_WORDS: frozenset[str] = frozenset({
    "prepare", "plan", "intend", "schedule", "aim", "expect", "set", "propose", "consider", "seek", "mull",
})
DEMANDED_WORDS: frozenset[str] = frozenset({"demand", "urge", "call", "ask", "appeal", "insist", "press"})
THREATENED_WORDS: frozenset[str] = frozenset({"threaten", "vow", "warn", "promise", "pledge"})
DENIED_WORDS: frozenset[str] = frozenset({"deny", "refute", "reject", "dismiss"})
HYPOTHETICAL_WORDS: frozenset[str] = frozenset({
    "could", "might", "may", "would", "if", "unless", "whether", "halt", "stop", "prevent", "end", "avoid",
})

# Sense words shared by the verb senses, the noun senses and the sub-type rules of the detector.
# families a conflict context licenses as they stand
CONTEXT_FAMILIES: frozenset[str] = frozenset({F.STRIKE, F.ATTACK, F.CLASH, F.KILL})
# not "attack": armed groups attack villages
REMOTE_LEMMAS: frozenset[str] = frozenset({"strike", "hit", "target", "pound", "bombard"})
# the enemy's fighters killed
LOSS_WORDS: frozenset[str] = frozenset({"liquidate", "eliminate", "liquidation", "elimination"})
CONFLICT_AGREEMENT: frozenset[str] = frozenset({
    "peace", "ceasefire", "truce", "armistice", "prisoner", "prisoners", "swap", "exchange", "hostage", "hostages",
    "de-escalation", "security",
})
# what a crowd blocks when its protest turns to a road blockade
ROADS: frozenset[str] = frozenset({
    "road", "roads", "street", "streets", "highway", "highways", "railway", "railways", "rail", "thoroughfare",
    "thoroughfares", "motorway", "motorways", "bridge", "bridges", "intersection", "intersections", "junction",
    "junctions", "traffic",
})
# a crowd with no organisation: its beating of someone is ACLED's Mob violence
MOB_DOERS: frozenset[str] = frozenset({"mob", "mobs", "crowd", "crowds", "villagers", "residents", "locals", "youths"})
# who takes to the streets: a verb of marching or protesting done by these is a demonstration
CROWD_WORDS: frozenset[str] = frozenset({
    "protesters", "demonstrators", "thousands", "hundreds", "supporters", "people", "students", "workers",
    "residents", "crowds", "crowd", "activists", "farmers",
})
