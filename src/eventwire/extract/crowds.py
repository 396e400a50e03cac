"""ACLED's sub-types of crowd violence and of the force met by a crowd, decided from what the sentence says
the crowd did and what was done to it, after the trigger's own reading (rules or detector).

ACLED's codebook draws the lines by who did what:
- demonstrators who damage, burn, loot, throw stones, clash with the police or block roads (with barricades,
  burning tyres or themselves: CASE 2021's coders count the blockade) hold a Violent demonstration, whatever
  the police then did;
- a peaceful crowd that the state's forces kill or fire live rounds on meets Excessive force;
- a peaceful crowd that the police disperse, beat or arrest is a Protest with intervention;
- a mob, vigilantes or villagers fighting one another (no demonstration, no armed organisation) is Mob violence;
- killing those who carry arms (militants, soldiers) is a battle, not an Attack: Attack is violence against
  civilians.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.extract import lexicon as lx
from eventwire.extract import parsetree as pt

PROTEST_SUBS = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"})
CROWD_SUBS = PROTEST_SUBS | {"Violent demonstration"}
# acts that a crowd's event may have been read as before the crowd was seen
READ_AS = CROWD_SUBS | {"Armed clash", "Attack", "Arrests", "Mob violence", "Looting/property destruction"}
DEMONSTRATORS = frozenset({"protesters", "protestors", "demonstrators", "rioters", "marchers", "picketers",
                           "strikers"})
DEMONSTRATION = DEMONSTRATORS | frozenset({
    "protest", "protests", "protested", "protesting", "demonstration", "demonstrations", "demonstrated", "rally",
    "rallies", "rallied", "march", "marched", "marches", "sit-in", "picket", "vigil", "riot", "riots", "rioting"})
PROTESTING = DEMONSTRATORS | frozenset({"protest", "protests", "protesting", "demonstration", "demonstrations",
                                       "demonstrating", "sit-in", "picket"})
STATE_FORCE = frozenset({"police", "policemen", "officers", "security", "soldiers", "troops", "army", "military",
                         "forces", "gendarmes", "gendarmerie", "guards", "junta", "regime", "crackdown"})
# the force that maims or kills: live fire, deaths, a crackdown's toll
# (not "death": "the acquittal of an officer in the death of a man" is what a protest is about)
LETHAL = frozenset({"killed", "killing", "kill", "kills", "dead", "died", "die", "dies", "massacre", "massacred",
                    "excessive", "lethal"})
LIVE_FIRE = frozenset({"bullets", "rounds", "ammunition", "fire"})  # "live bullets", "live fire"
# what violent demonstrators do (throwing, burning, smashing, clashing, barricading)
RIOTING = frozenset({"stones", "rocks", "bricks", "bottles", "molotov", "petrol", "firecrackers", "projectiles",
                     "smashed", "smashing", "torched", "torching", "burned", "burnt", "burning", "vandalised",
                     "vandalized", "vandalising", "vandalizing", "looted", "looting", "clashed", "clash", "clashes",
                     "clashing", "rioters", "rioting", "riot", "barricades", "barricaded", "violent", "stormed",
                     "storming", "ransacked", "pelted", "hurled", "tyres", "tires"})
DISPERSING = frozenset({"tear", "teargas", "dispersed", "disperse", "dispersing", "cannon", "cannons", "batons",
                        "baton", "rubber", "broke", "beat", "beaten", "charged", "pepper", "stun", "suppressed",
                        "suppress", "suppressing"})
MOB = frozenset({"mob", "mobs", "vigilante", "vigilantes", "vigilantism", "lynched", "lynching", "lynch"})
COMMUNAL = frozenset({"villagers", "residents", "locals", "youths", "neighbours", "neighbors", "relatives", "mob",
                      "mobs"})
FIGHTING = frozenset({"clashed", "clash", "clashes", "clashing", "fought", "fight", "attacked", "beat", "beaten",
                      "lynched"})
ORGANISED_ARMED = lx.ARMED_WORDS - {"police", "policemen", "officers", "defence", "defense", "force", "forces"}


def crowd_sub(sub: str | None, trigger: Token) -> str | None:
    """The sub-type of an event whose sentence tells of a crowd (demonstrators, a mob); `sub` otherwise."""
    if sub not in READ_AS:
        return sub
    sent = trigger.sent
    words = _words(sent)
    mob = pt.told_words(sent) & MOB  # 'according to vigilantes': who reports it is no mob
    if mob and (sub in ("Armed clash", "Attack", "Violent demonstration") or not words & DEMONSTRATION):
        return "Mob violence"  # vigilantes and lynch mobs are no demonstration and no armed organisation
    if (sub in ("Armed clash", "Mob violence") and words & COMMUNAL and words & FIGHTING
            and not words & (ORGANISED_ARMED | DEMONSTRATION)):
        return "Mob violence"  # "villagers clashed using bamboo sticks"
    if not words & DEMONSTRATION:
        return sub
    if sub == "Violent demonstration" and _self_immolation(sent) and not _rioting(words):
        return "Peaceful protest"  # the only fire was the protester's own: no violence against others
    if sub in ("Looting/property destruction", "Mob violence"):
        return "Violent demonstration" if words & DEMONSTRATORS else sub
    near = pt.neighbour_sents(sent) if sub in PROTEST_SUBS else []
    if _rioting(words.union(*(_words(s) for s in near))) or any(_blocks_roads(s) for s in [sent, *near]):
        return "Violent demonstration"  # a protest told in one sentence, its road blocks or stones in the next
    if words & STATE_FORCE and (words & LETHAL or _live_fire(sent) or _counted_deaths(sent)) and sub != "Arrests":
        return "Excessive force against protesters"
    if any(_protesters_killed(s) for s in near):
        return "Excessive force against protesters"  # "three die in protest crackdown. Thousands marched..."
    if sub == "Attack" and words & DEMONSTRATORS and words & LETHAL:
        return "Excessive force against protesters"  # ACLED: also where the protesters' killers are no state's
    if sub in ("Armed clash", "Attack"):
        return sub  # a battle or an attack told beside a protest, with no force met by the crowd
    if sub == "Arrests":  # those arrested were protesting, or were stopped from it (not 'a murder at a rally')
        return "Protest with intervention" if _arrested_protesting(trigger) else sub
    if words & STATE_FORCE and words & DISPERSING:
        return "Protest with intervention"  # the police broke it up
    return sub


def _counted_deaths(sent: Span) -> bool:
    """'resulting in five deaths': a toll counted (not 'protesting over the deaths of migrants')."""
    return any(t.lower_ in ("deaths", "fatalities") and any(c.like_num for c in t.children) for t in sent)


def _live_fire(sent: Span) -> bool:
    return any(t.lower_ == "live" and t.head.lower_ in LIVE_FIRE for t in sent)


AT_THE_PROTEST = frozenset({"during", "at", "amid", "while", "prior"})


def _arrested_protesting(trigger: Token) -> bool:
    """Those arrested are demonstrators ('police detain protesters'), or the arrest came at or during a protest
    ('detained while trying to hold demonstrations'), not for one held before ('charged with organising a
    protest')."""
    held = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(t.lower_ in DEMONSTRATORS for c in held for t in c.subtree):
        return True
    for tok in trigger.sent:
        if tok.lower_ not in PROTESTING:
            continue
        path = [tok, *tok.ancestors]
        if any(a.lower_ in AT_THE_PROTEST or a.lemma_.lower() in ("try", "attempt") for a in path):
            return True
    return False


def _self_immolation(sent: Span) -> bool:
    """'set himself on fire', 'self-immolation', 'immolated herself'."""
    return pt.sets_self_on_fire(sent) or any(t.lower_.startswith(("immolat", "self-immolat")) for t in sent)


def _protesters_killed(sent: Span) -> bool:
    """A told toll of protesters killed by the state's forces: a number, a death, the force and the protest."""
    words = _words(sent)
    return bool(words & STATE_FORCE and words & DEMONSTRATION and words & {"die", "died", "dies", "killed", "dead"}
                and any(t.like_num for t in sent))


def _rioting(words: set[str]) -> bool:
    """Throwing, burning, smashing, clashing, barricading."""
    return bool(words & RIOTING)


ROADS = lx.ROADS | {"access", "entrance", "entrances"}  # a blockade's object, read from the whole sentence


def _blocks_roads(sent: Span) -> bool:
    """Demonstrators blocking roads, railways or traffic: the CASE 2021 annotation of ACLED codes the blockade
    itself as a Violent demonstration (ACLED: 'road-blocking using barricades, burning tires, or other
    material'). The police blocking a march is no act of the crowd's."""
    for tok in sent:
        if tok.lemma_.lower() not in ("block", "blockade", "barricade") or tok.pos_ != "VERB":
            continue
        if _blockers(tok) & STATE_FORCE or tok.dep_ == "amod":
            continue
        if {t.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree} & ROADS:
            return True
    return False


def _blockers(tok: Token) -> set[str]:
    """The words of the verb's subject, or of the subject of the verb it is joined to ('rallied and blocked')."""
    verb = tok.head if tok.dep_ in ("conj", "advcl", "xcomp") else tok
    return {t.lower_ for v in (tok, verb) for c in v.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}


def armed_victims(sub: str | None, trigger: Token) -> str | None:
    """'The army killed scores of terrorists', 'security forces killed 219 rebels': ACLED's Attack is violence
    against civilians; killing armed men is a battle (Armed clash), unless they had surrendered or been taken."""
    if sub not in ("Attack", "Armed clash") or trigger.pos_ != "VERB":
        return sub
    victims = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if not victims:  # "killed and wounded scores of terrorists": the object shared with the conjunct
        victims = [c for v in trigger.conjuncts for c in v.children if c.dep_ == "dobj"]
    words = {t.lower_ for v in victims for t in v.subtree}
    if sub == "Armed clash":  # "executed two surrendering soldiers": killing men out of combat is an Attack
        killing = trigger.lemma_.lower() in KILLING_LEMMAS
        return "Attack" if killing and words & ORGANISED_ARMED and words & OUT_OF_COMBAT else sub
    if words & ORGANISED_ARMED and not words & (lx.CIVILIAN_WORDS | OUT_OF_COMBAT):
        return "Armed clash"
    return sub


def destruction_in_killing(sub: str | None, trigger: Token) -> str | None:
    """'slaughtering their victims before setting the villages on fire', 'killed four farmers and torched their
    homes': ACLED's Looting/property destruction is property destroyed with no other violence; burning told as
    part of a killing belongs to that Attack."""
    if sub != "Looting/property destruction" or trigger.pos_ != "VERB":
        return sub
    inner = [t for c in trigger.children if c.dep_ in ("advcl", "prep") for t in c.subtree]
    killing = any(t.pos_ == "VERB" and t.lemma_.lower() in KILLING_LEMMAS for t in [*trigger.ancestors, *inner])
    return "Attack" if killing else sub


# ACLED: fighters who surrendered or were captured are no longer armed; killing them is an Attack
OUT_OF_COMBAT = frozenset({"surrendering", "surrendered", "captured", "captive", "captives", "prisoners", "prisoner",
                           "pows", "pow", "unarmed", "detained"})
KILLING_LEMMAS = frozenset({"kill", "execute", "shoot", "murder", "slay", "massacre", "slaughter", "behead"})


def _words(sent: Span) -> set[str]:
    """The sentence's words, less a month's name ("on March 9" is no march) and the police's kind ("riot
    police" face a crowd; they are no riot)."""
    return {t.lower_ for t in sent if t.ent_type_ not in ("DATE", "TIME")
            and not (t.lower_ == "riot" and t.head.lower_ in STATE_FORCE | {"gear", "squad", "shields", "unit"})
            and not (t.lower_ == "violent" and t.i >= 2 and t.doc[t.i - 2].lower_ == "non")}  # "non-violent"

