"""Which event a verb trigger tells, if any: its particles, its object and its subject decide
('shot down' is an interception, 'fired the minister' nothing, 'protested her innocence' no protest)."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract import lexicon as lx
from eventwire.extract import parsetree as pt
from eventwire.records.taxonomy import POLITICAL_FAMILIES

AERIAL_WEAPONS = frozenset({"drone", "drones", "uav", "uavs", "missile", "missiles", "rocket", "rockets",
                            "shahed", "shaheds", "aircraft", "bomb", "bombs", "projectile", "projectiles"})
PLACE_NOUNS = frozenset({"village", "villages", "town", "towns", "city", "settlement", "settlements", "territory",
                         "position", "positions",
                         "district", "area", "airport", "base", "hill", "region", "hamlet", "control"})
# what warring sides exchange by agreement
EXCHANGED = frozenset({"prisoners", "prisoner", "pows", "pow", "bodies", "captives", "hostages", "detainees",
                       "servicemen", "soldiers", "remains"})


def verb_sense(tok: Token, family: str, conflict: bool) -> str | None:
    lemma = tok.lemma_.lower()
    particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    objects = pt.objects(tok)
    if family in ("abduct", "arrest") and (tok.dep_ == "amod" or (tok.dep_ == "acl" and tok.head.dep_ != "ROOT")):
        # "rescued nine kidnapped people", "detained protesters were freed", "demanded the release of demonstrators
        # detained during the rally": the victims' state (a caption's "Dozens detained in Minsk" is the arrest)
        return None
    if lemma == "shoot":
        if "down" in particles:
            return "intercept"
        # "shot dead nine gunmen": 'dead' parsed as the object's modifier still tells the killing
        dead = "dead" in pt.child_words(tok) or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "dead")
        return "kill" if conflict and (objects & lx.CIVILIAN_WORDS or dead) else None
    if lemma == "fire":  # "fired missiles", "troops fired at the village" (not "fired the minister")
        return "strike" if objects & lx.WEAPON_WORDS or (conflict and pt.has_prep(tok, {"at", "on"})) else None
    if lemma == "fend":
        return "intercept" if "off" in particles and pt.words(tok.subtree) & lx.WEAPON_WORDS else None
    if lemma in ("destroy", "neutralize", "neutralise", "suppress"):
        # "air defences destroyed 11 drones": the weapon is the object; "drones destroyed a tank" is a strike
        return "intercept" if objects & AERIAL_WEAPONS else None
    if lemma == "intercept":  # intercepting is never a battle: weapons stopped, people held, or nothing to code
        if objects & HELD_PEOPLE and not objects & lx.WEAPON_WORDS:
            return "arrest"  # "intercepted 15 suspected members of the group"
        return "intercept" if pt.words(tok.sent) & lx.WEAPON_WORDS else None
    if lemma in ("down", "repel"):
        return "intercept" if pt.clause_words(tok) & lx.WEAPON_WORDS else ("clash" if conflict else None)
    if lemma in lx.LOSS_WORDS:
        return "clash" if conflict and objects & lx.ARMED_WORDS else None  # not "eliminate the threat"
    if lemma == "take" and _to_the_streets(tok):
        return "protest"  # "thousands took to the streets"
    if lemma == "claim":  # "Russian forces claimed full control of Marinka": a capture, told as a claim
        control = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() == "control"]
        named = any(t.pos_ == "PROPN" for c in control for t in c.subtree)
        return "territory" if conflict and named else None
    if lemma == "take" and pt.own_objects(tok) & {"life", "lives"}:
        return "kill" if conflict else None  # "landmines continue to take the lives of civilians"
    if family == "territory":
        if lemma in ("capture", "seize") and _captive(tok):
            return "arrest"  # ACLED: a leader or a suspect detained (by a non-state group: an abduction)
        if pt.is_state(tok) and lemma not in ("take", "gain", "wrest"):
            return None
        return "territory" if conflict and (pt.own_objects(tok) & PLACE_NOUNS or pt.object_is_place(tok)) else None
    if family in lx.CONTEXT_FAMILIES:
        if conflict or (lemma in lx.REMOTE_LEMMAS and pt.on_settlement(tok) and pt.armed_subject(tok)):
            return family  # "the Russians targeted the town of Ivashky": forces striking a settlement
        return None
    return _civil_sense(tok, lemma, family, objects)


def _civil_sense(tok: Token, lemma: str, family: str, objects: set[str]) -> str | None:
    """Protests, appeals, agreements, releases, deployments and the political verbs."""
    if lemma in ("march", "rally", "demonstrate"):
        return "protest" if pt.subject_words(tok) & lx.CROWD_WORDS else None
    if lemma == "stage":  # "demonstrators staged a sit-in" (not "staged a comeback", "staged a counterattack in X")
        return "protest" if _staged(tok) & PROTEST_NOUNS else None
    if lemma in ("block", "barricade"):
        # demonstrators blocking roads (ACLED, as CASE 2021 codes it: a Violent demonstration), not troops
        crowd = pt.subject_words(tok) & (lx.CROWD_WORDS | PROTESTERS) and not pt.subject_words(tok) & lx.ARMED_WORDS
        return "riot" if crowd and objects & lx.ROADS else None
    if lemma == "gather":  # "protesters gathered outside the court" (not "people gathered to watch")
        return "protest" if pt.subject_words(tok) & {"protesters", "demonstrators", "protestors"} else None
    if lemma == "protest" and (any(c.dep_ == "ccomp" for c in tok.children)
                               or (objects and not pt.subject_words(tok) & lx.CROWD_WORDS)):
        return None  # "firms protested that the rule was unfair", "she protested her innocence": objecting in words
    if lemma in ("call", "appeal"):
        return "request" if pt.has_prep(tok, {"for", "on"}) and pt.political_subject(tok) else None
    if lemma == "surrender":  # ACLED's Agreement includes surrenders: fighters or a unit giving themselves up
        return "agree" if pt.subject_words(tok) & (lx.ARMED_WORDS | {"company", "members", "commander"}) else None
    if lemma in ("sign", "agree"):
        return "agree" if pt.words(tok.subtree) & lx.CONFLICT_AGREEMENT else None
    if lemma == "steal":  # armed forces stealing grain is looting; a thief stealing a car is a crime
        return "loot" if pt.subject_words(tok) & lx.ARMED_WORDS else None
    if lemma in ("exchange", "swap"):  # prisoners and the bodies of the fallen, not fire or views
        return "agree" if objects & EXCHANGED else None
    if lemma in ("release", "free"):
        return "concede" if objects & {"prisoners", "hostages", "detainees", "captives"} else None
    if lemma == "pull" and not pt.child_words(tok) & {"out", "back"}:
        return None  # "forces pulled back", "pulled out of the town" (not "pulled the trigger")
    if lemma in ("deploy", "withdraw", "retreat", "pull"):
        return family if pt.words(tok.subtree) & lx.ARMED_WORDS else None
    if lemma == "expel":
        return "sanction" if objects & {"diplomats", "diplomat", "ambassador", "envoy"} else None
    if family in POLITICAL_FAMILIES:
        return family if pt.political_subject(tok) else None
    return family


HELD_PEOPLE = frozenset({"suspects", "suspect", "members", "militants", "fighters", "smugglers", "traffickers",
                         "operatives", "terrorists", "gunmen", "men"})
PROTEST_NOUNS = frozenset({"protest", "protests", "sit-in", "in", "demonstration", "demonstrations", "march",
                           "rally", "walkout", "vigil", "strike", "blockade", "picket"})
PROTESTERS = frozenset({"protesters", "protestors", "demonstrators", "marchers", "strikers", "truckers", "drivers",
                        "supporters", "opponents", "villagers", "youths"})


# people whose capture is their detention, whoever else the sentence names (fighters and soldiers taken in a battle
# are left to the battle)
CAPTIVES = frozenset({"commander", "commanders", "leader", "leaders", "chief", "kingpin", "ringleader", "suspect",
                      "suspects", "operative", "operatives", "financier", "emir"})


def _captive(tok: Token) -> bool:
    """The object of 'captured' is a person: 'captured a senior commander who heads the unit...'."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in CAPTIVES for c in tok.children)


def _staged(tok: Token) -> set[str]:
    """What was staged: the object's head noun, or what it is a series of ('staged a series of protests')."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    heads += [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj"]
    return {h.lower_ for h in heads}


def _to_the_streets(tok: Token) -> bool:
    return any(c.lower_ == "to" and pt.child_words(c) & {"streets", "street"} for c in tok.children) and bool(
        pt.subject_words(tok) & (lx.CROWD_WORDS | PROTESTERS))


PROPERTY = frozenset({"house", "home", "building", "office", "shop", "store", "car", "vehicle", "truck", "bus",
                      "station", "church", "mosque", "temple", "school", "market", "property", "tent", "hut", "village",
                      "warehouse", "factory", "headquarters", "premise", "camp", "hall", "court", "bank", "clinic",
                      "hospital", "field", "crop", "granary", "barn", "structure", "compound", "residence", "centre",
                      "center", "tower", "depot", "facility"})


def sets_fire(tok: Token) -> bool:
    """'set fire to a military enlistment office', 'set the houses ablaze', 'shops were set on fire': arson,
    ACLED's Looting/property destruction. Bodies or a person set on fire are no property."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "set":
        return False
    on_fire = any(c.dep_ == "prep" and c.lower_ == "on" and pt.child_words(c) & {"fire"} for c in tok.children)
    fire_set = "fire" in pt.objects(tok) or pt.child_words(tok) & {"ablaze", "alight"} or on_fire
    targets = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ != "fire"]
    targets += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                if g.dep_ == "pobj"]
    return bool(fire_set) and any(t.lemma_.lower() in PROPERTY for t in targets)
