"""ACLED's strategic developments told by a verb and its object: a base set up, a weapons cache found,
fighters defecting or forces regrouping, militants pushed out of an area."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract import lexicon as lx
from eventwire.extract import parsetree as pt
from eventwire.extract.subtypes import acled, development
from eventwire.records.coding import Coding

BASE_NOUNS = frozenset({"base", "bases", "headquarters", "outpost", "outposts", "post", "posts", "camp", "camps",
                        "point", "points", "checkpoint", "checkpoints", "garrison"})
MILITARY_MARKS = frozenset({"military", "observation", "army", "forces", "troops", "soldiers"})
BUILD_LEMMAS = frozenset({"establish", "create", "build", "open", "erect"})
CACHE_WORDS = frozenset({"cache", "caches", "arsenal", "stockpile", "stash", "weapons", "arms", "ammunition",
                         "explosives", "ieds", "ied", "bombs", "bomb", "grenades", "rifles", "munitions", "detonators",
                         "guns", "pistols", "bullets", "rounds", "projectiles"})
# seized with no one arrested: a haul of bombs or of ammunition (rifles taken in a rescue are that operation's)
HAUL = frozenset({"ammunition", "bullets", "rounds", "munitions"})
# a bomb destroyed or detonated in a controlled way by those who found it ("sappers destroyed an IED")
DEVICE_WORDS = frozenset({"ied", "ieds", "device", "devices", "bomb", "bombs", "landmine", "landmines", "explosives"})
ARREST_LEMMAS = frozenset({"arrest", "detain", "apprehend", "nab", "capture"})
FIND_LEMMAS = frozenset({"find", "discover", "uncover", "defuse", "dismantle", "unearth", "neutralize", "neutralise"})
# weapons seized in a raid or an arrest are that event's; a cache or bombs seized are a plot disrupted
SEIZE_LEMMAS = frozenset({"seize", "confiscate", "recover"})
CACHE_ONLY = frozenset({"cache", "caches", "arsenal", "stockpile", "explosives", "ieds", "ied", "bombs", "detonators"})


def strategic(tok: Token) -> Coding | None:
    """'Turkish forces set up a new observation post', 'police found a cache of weapons', 'sappers defused a
    bomb': a base established, weapons use disrupted (ACLED: Headquarters or base established; Disrupted
    weapons use). Landmines cleared from fields are demining, not a disrupted attack."""
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    objects = pt.objects(tok)
    if (lemma in BUILD_LEMMAS or (lemma == "set" and "up" in particles)) and objects & BASE_NOUNS and (
            (objects | pt.subject_words(tok)) & MILITARY_MARKS or pt.armed_subject(tok)
            or any(t.ent_type_ == "NORP" for t in tok.subtree)):
        return development("Headquarters or base established", 0.75)
    if _disrupts(tok, lemma):
        return acled("intercept", "Disrupted weapons use", 0.75)
    if _changes_group(tok, lemma, objects):
        return development("Change to group/activity", 0.7)
    if _expels_fighters(tok, lemma, particles, objects) or (lemma in BUILD_LEMMAS and "control" in objects):
        # "pushed the militants out of fresh areas", "established control over the area": ground taken; who
        # took it (extract.actors.territory_sub) decides between ACLED's two sub-types
        return acled("territory", "Non-state actor overtakes territory", 0.75)
    return None


def _disrupts(tok: Token, lemma: str) -> bool:
    """ACLED's Disrupted weapons use: a cache found, arms seized with no one arrested (else the arrest is the
    event), a bomb defused or destroyed by those who found it."""
    if lemma not in FIND_LEMMAS | SEIZE_LEMMAS | {"destroy"}:
        return False
    found = _found(tok)
    if lemma in FIND_LEMMAS:
        return bool(found & CACHE_WORDS)
    if lemma == "destroy":  # "destroyed an IED" (not "a drone destroyed a depot": the drone's strike)
        return bool(found & DEVICE_WORDS) and not pt.subject_words(tok) & lx.WEAPON_WORDS
    arrested = any(t.lemma_.lower() in ARREST_LEMMAS for t in tok.sent)
    return bool(found & (CACHE_ONLY if arrested else CACHE_ONLY | HAUL))


def _found(tok: Token) -> set[str]:
    """What was found or seized: the object, or the subject of a clause the parser hung on the verb in its place
    ('discovered [a large amount of ammunition] believed to belong to...')."""
    found = pt.objects(tok)
    for clause in (c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i):
        found |= pt.words(t for s in clause.children if s.dep_ == "nsubj" and s.i > tok.i for t in s.subtree)
    return found


# ACLED's Change to group/activity: fighters defecting, forces reinforcing or fortifying their positions,
# redeploying, troops moved, units formed (not "deployed to separate the factions": a deployment told in
# passing is no change of the group)
REGROUP_LEMMAS = frozenset({"reinforce", "fortify", "redeploy", "regroup", "bolster"})
DEFENCES = frozenset({"positions", "defences", "defenses", "fortifications", "trenches", "lines"})
MOVE_LEMMAS = frozenset({"move", "relocate", "transfer"})
FORMED_UNITS = frozenset({"groups", "group", "units", "unit", "brigade", "brigades", "battalion", "battalions",
                          "regiment", "militia", "force"})


def _changes_group(tok: Token, lemma: str, objects: set[str]) -> bool:
    subject = pt.subject_words(tok)
    armed = bool((subject | objects) & lx.ARMED_WORDS) or pt.armed_subject(tok)
    if lemma == "defect":
        return armed or bool(subject & {"members", "commander", "commanders", "officers", "officer"})
    if lemma in REGROUP_LEMMAS:  # "factions continue to fortify their positions": positions are held by the armed
        return armed or bool(objects & DEFENCES)
    if lemma in MOVE_LEMMAS:  # "moved troops to", "relocated additional units to the area of"
        return bool(objects & ({"troops", "forces", "fighters", "reinforcements", "soldiers"} | FORMED_UNITS))
    if lemma == "form":
        return bool(objects & FORMED_UNITS) and bool(objects & lx.ARMED_WORDS)
    if lemma in ACTIVITY_LEMMAS:  # "conducted military exercises near Belgorod", "carried out demining"
        told = objects | {t.lower_ for c in tok.children if c.dep_ in ("dobj", "xcomp") for t in c.subtree}
        return armed and bool(told & ACTIVITIES)  # "demining operations": the activity is the modifier
    return False


# an armed group's activity without violence: exercises and drills, demining, patrols
ACTIVITY_LEMMAS = frozenset({"conduct", "hold", "stage", "carry", "launch", "begin", "start"})
ACTIVITIES = frozenset({"exercises", "exercise", "drills", "drill", "manoeuvres", "maneuvers", "demining", "patrols",
                        "patrol", "mobilisation", "mobilization"})


EXPEL_LEMMAS = frozenset({"push", "drive", "expel", "oust", "flush", "dislodge", "evict", "chase"})


def _expels_fighters(tok: Token, lemma: str, particles: set[str], objects: set[str]) -> bool:
    if lemma not in EXPEL_LEMMAS or not objects & lx.ARMED_WORDS:
        return False
    return "out" in particles or "back" in particles or pt.has_prep(tok, {"from", "out"})
