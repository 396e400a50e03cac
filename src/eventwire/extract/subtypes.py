"""From a trigger's family to its coding: the ACLED sub-type of an act of violence by its weapon and
target, a protest's sub-type by what happened to the protesters, and PLOVER types for the rest."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from eventwire.extract import lexicon as lx
from eventwire.extract import parsetree as pt
from eventwire.records.coding import Coding
from eventwire.records.taxonomy import (
    ACLED_SUB_TO_TYPE,
    ARMED_ACT_FAMILIES,
    PLOVER_FOR_ACLED,
    VIOLENT_FAMILIES,
)
from eventwire.records.taxonomy import Family as F

# the ground changing hands, told in the withdrawal's sentence or beside it (lemmas)
HANDOVER = frozenset({"deal", "agreement", "accord", "hand", "hands", "handover", "enter", "take", "takeover",
                      "transfer", "evacuation", "replace", "surrender", "capture", "recapture", "seize",
                      "retake", "regain", "liberate", "overrun", "resistance", "vacate"})
BACKING_NOUNS = frozenset({"support", "cover", "backing"})  # "with artillery support", "under air cover"
AIR_HEADS = frozenset({"strike", "attack", "bombardment", "bombing", "assault"})
ASSAULT_LEMMAS = frozenset({"assault", "attack", "offensive", "storm", "raid"})
LIGHT_VERBS = frozenset({"launch", "mount", "carry", "conduct", "stage", "begin", "start", "make"})
# who goes in on the ground: named in an assault's "with" phrase, they make it a battle
GROUND_FORCES = frozenset({"infantry", "infantrymen", "armour", "armor", "armoured", "armored", "tanks", "tank",
                           "troops", "fighters", "soldiers", "paratroopers", "motorcycles", "gunmen", "militants"})
KEEP_READING = 0.85  # a battle read from who went in stands against the weapon words the sentence also holds
# bodies named after the army that are no fighting force: "the Regional Military Administration reported"
CIVIL_BODIES = frozenset({"administration", "administrations", "prosecutor", "prosecutors", "court", "courts",
                          "commissariat", "registration", "enlistment"})


def code(tok: Token, family: str, sent: Span) -> Coding | None:
    if family in ARMED_ACT_FAMILIES:
        return _code_violence(tok, family, sent)
    if family == F.KILL and (agent := _weapon_agent(tok)) is not None:
        # "a roadside bomb killed four soldiers", "shells landed in a camp, killing 12": the weapon's act
        by_weapon = _code_violence(agent, F.STRIKE, sent)
        if by_weapon is not None and by_weapon.family == F.STRIKE:
            return by_weapon
    if family == F.RIOT and tok.lemma_.lower() == "beat":
        return acled(family, "Mob violence", 0.75)  # a crowd beating someone, no demonstration (extract.detect)
    if family == F.WITHDRAW and not _lemmas_near(sent) & HANDOVER:
        # ACLED: forces pulling out with no one said to take the ground over change their activity; the ground
        # changes hands (Non-violent transfer of territory) under a deal, or when another side takes it
        return development("Change to group/activity", 0.65)
    sub = {
        "intercept": "Disrupted weapons use", "clash": "Armed clash", "riot": "Violent demonstration",
        "loot": "Looting/property destruction", "arrest": "Arrests", "abduct": "Abduction/forced disappearance",
        "sexual": "Sexual violence", "agree": "Agreement", "evacuate": "Other",
        "withdraw": "Non-violent transfer of territory", "territory": "Non-state actor overtakes territory",
        "kill": "Attack", "protest": _protest_sub(tok),
    }.get(family)
    if sub is not None:
        return acled(family, sub, 0.75 if family in VIOLENT_FAMILIES else 0.65)
    plover = {"request": "REQUEST", "threaten": "THREATEN", "accuse": "ACCUSE", "reject": "REJECT",
              "sanction": "SANCTION", "consult": "CONSULT", "mobilize": "MOBILIZE", "concede": "CONCEDE"}
    if family in plover:
        return Coding(family, None, None, plover[family], None, 0.6)
    return None


def _lemmas_near(sent: Span) -> set[str]:
    """The lemmas of the sentence and of those just before and after."""
    return {t.lemma_.lower() for s in [sent, *pt.neighbour_sents(sent)] for t in s}


def _code_violence(tok: Token, family: str, sent: Span) -> Coding | None:
    if _ground_assault(tok):
        return acled("clash", "Armed clash", KEEP_READING)
    weapon = _weapon(tok, sent)
    if weapon is not None:
        return acled("strike", weapon, 0.8)
    lemma = tok.lemma_.lower()
    if lemma in ("explosion", "blast", "bombing", "bomb"):
        return acled("strike", "Remote explosive/landmine/IED", 0.7)
    if lemma in ("shelling", "shell", "bombardment", "barrage", "bombard", "pound"):
        return acled("strike", "Shelling/artillery/missile attack", 0.75)
    if lemma in ("airstrike",):
        return acled("strike", "Air/drone strike", 0.8)
    # what was hit: the object and the places in the act's own clause (not in a clause joined to it, nor in the
    # doer's words: 'a number of gunmen opened fire on a teahouse')
    doer = {t.i for c in tok.children if c.dep_ == "nsubj" for t in c.subtree}
    targets = pt.objects(tok) | pt.words(c for c in pt.clause_tokens(tok) if c.dep_ == "pobj" and c.i not in doer)
    if lemma in lx.REMOTE_LEMMAS and pt.on_settlement(tok) and not targets & lx.ARMED_WORDS:
        # ACLED: a strike on a town with no weapon named is remote violence, not a battle nor an attack
        return acled("strike", "Shelling/artillery/missile attack", 0.6)
    if targets & lx.ARMED_WORDS:
        return acled("clash", "Armed clash", 0.65)
    civil = targets & CIVIL_TARGETS or (pt.opens_fire(tok) and targets - {"fire"}
                                        and not targets & (lx.ARMED_WORDS | MILITARY_TARGETS))
    if (lemma in ASSAULT_LEMMAS or pt.opens_fire(tok)) and civil and not _state_subject(tok) and not _fight_told(sent):
        # "militants attacked three villages", "gunmen stormed a hotel": armed men against the unarmed (ACLED:
        # Attack, even with guns); a state's forces attacking a village, or a fight told, stay battles
        return acled("kill", "Attack", 0.6)
    if lemma == "strike" and tok.pos_ == "NOUN" or (lemma == "fire" and pt.has_prep(tok, {"at", "on"})
                                                    and not targets & (lx.CIVILIAN_WORDS | lx.CROWD_WORDS)
                                                    and pt.armed_subject(tok)):
        # "killed in strikes on the city": a strike is remote violence whoever it kills (ACLED: not an Attack);
        # so is an army firing at a village or a road
        return acled("strike", "Shelling/artillery/missile attack", 0.6)
    if targets & lx.CIVILIAN_WORDS or pt.words(sent) & lx.CIVILIAN_WORDS:
        return acled("kill", "Attack", 0.6)
    if _armed_present(sent):
        return acled("clash", "Armed clash", 0.55)
    return None


# places where the unarmed are: an armed group's assault on them is violence against civilians
CIVIL_TARGETS = frozenset({"village", "villages", "hamlet", "hamlets", "market", "markets", "church", "churches",
                           "mosque", "mosques", "school", "schools", "hospital", "hotel", "hotels", "bus", "buses",
                           "wedding", "funeral", "worshippers", "homes", "houses", "farmers", "exchange", "building",
                           "restaurant", "cafe", "shop", "shops", "camp", "passengers", "travellers", "travelers",
                           "plane", "planes", "airliner", "airliners"})
# what an armed group fires on when it fights: gunmen opening fire on anything else fire on the unarmed
MILITARY_TARGETS = frozenset({"positions", "position", "base", "bases", "checkpoint", "checkpoints", "convoy",
                              "convoys", "patrol", "patrols", "post", "posts", "outpost", "outposts", "barracks",
                              "trenches"})
STATE_FORCES = frozenset({"army", "troops", "soldiers", "military", "forces", "police", "policemen", "marines",
                          "regime", "government"})
BATTLE_WORDS = frozenset({"clash", "clashes", "clashed", "fought", "fighting", "repelled", "repulsed", "battle",
                          "firefight", "gunbattle", "counterattack", "defenders", "vigilantes"})
FIRE_WORDS = frozenset({"fire", "gunfire", "shots", "bullets"})


def _fight_told(sent: Span) -> bool:
    """The sentence tells a fight: a battle word, or an exchange of fire (not a stock exchange), said of the
    act rather than of who reports it ('according to vigilantes')."""
    return bool(pt.told_words(sent) & BATTLE_WORDS) or any(
        t.lemma_.lower() == "exchange" and pt.words(t.subtree) & FIRE_WORDS for t in sent)


def _state_subject(tok: Token) -> bool:
    """The attacker is a state's forces: the verb's subject, or the subject of the verb that carries the noun
    ('the army carried out 4 attacks')."""
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
    return bool((pt.subject_words(tok) | pt.subject_words(verb)) & STATE_FORCES)


# A bare "bomb", "blast" or "explosion" is left out: in a war report it is often the aerial bomb told before
STRIKE_NOUNS = frozenset({"strike", "airstrike", "shelling", "barrage", "bombardment"})


def _weapon_agent(kill: Token) -> Token | None:
    """The subject of a killing verb, or of the verb a '..., killing 12' clause hangs on, when it is a weapon
    or a strike: what killed is then a strike, whoever its victims were."""
    verb = kill.head if kill.dep_ in ("advcl", "xcomp", "conj") and kill.head.pos_ == "VERB" else kill
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if pt.words(subject.subtree) & lx.WEAPON_WORDS or subject.lemma_.lower() in STRIKE_NOUNS:
            return subject
    return None


def _ground_assault(tok: Token) -> bool:
    """'launched an assault with artillery and infantry', 'attacked the base with mortars and fighters on
    motorcycles': an assault that names the men or armour going in is a ground battle; the guns named with
    them back it (ACLED: one Armed clash, not a shelling)."""
    if tok.lemma_.lower() not in ASSAULT_LEMMAS:
        return False
    withs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"]
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:  # "launched an assault ... with ..."
        withs += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "with"]
    return bool(pt.words(t for w in withs for t in w.subtree) & GROUND_FORCES)


def _armed_present(sent: Span) -> bool:
    """Someone who carries arms is in the sentence (not the name of a civil body: 'Military Administration')."""
    return any(t.lower_ in lx.ARMED_WORDS and t.head.lower_ not in CIVIL_BODIES for t in sent)


def acled(family: str, sub: str, strength: float) -> Coding:
    plover_type, mode = PLOVER_FOR_ACLED.get(sub, (None, None))
    if sub == "Air/drone strike":
        mode = "drone" if family == "strike" else mode
    return Coding(family, ACLED_SUB_TO_TYPE[sub], sub, plover_type, mode, strength)


def development(sub: str, strength: float) -> Coding:
    """A strategic development of ACLED's: PLOVER's MOBILIZE where the taxonomy maps the sub-type to none."""
    plover_type, _ = PLOVER_FOR_ACLED.get(sub, ("MOBILIZE", None))
    return Coding(F.MOBILIZE, "Strategic developments", sub, plover_type, None, strength)


def weapon_named(sent: Span) -> str | None:
    """The most specific weapon the sentence names (its ACLED sub-type), if any."""
    return _weapon_in(pt.words(sent), _air_strike(sent))


def _weapon(tok: Token, sent: Span) -> str | None:
    """The most specific weapon named by the trigger's own words, else by its clause, else the sentence.
    Weapons that only back the act ('an assault with armour and artillery support', 'under air cover') do not
    make a ground assault remote violence."""
    backing = {t.i for b in sent if b.lemma_.lower() in BACKING_NOUNS and b.pos_ == "NOUN" and b.i != tok.i
               for t in b.subtree}
    for scope in (list(tok.subtree), list(tok.head.subtree), list(sent)):
        scope = [t for t in scope if t.i not in backing]
        sub = _weapon_in(pt.words(scope) | {tok.lower_}, _air_strike(scope))
        if sub is not None:
            return sub
    return None


def _weapon_in(words: set[str], air_strike: bool) -> str | None:
    """'air' alone ('air defence', 'air raid alert') names no weapon; 'air strikes' does. Tear gas is the
    police's, not a chemical weapon."""
    for weapon_words, sub, _mode in lx.WEAPONS:
        hit = words & weapon_words
        if sub == "Air/drone strike" and air_strike:
            return sub
        if hit and not (sub == "Air/drone strike" and hit == {"air"} and not air_strike) and not (
                sub == "Chemical weapon" and "tear" in words and hit == {"gas"}):
            return sub
    return None


def _air_strike(tokens: Iterable[Token]) -> bool:
    """'air strikes', 'an air attack', 'air bombardment': 'air' qualifying a strike noun; and a bomb that is
    dropped from aircraft by its kind ('a guided bomb', 'glide bombs'; a guided missile stays a missile)."""
    return any((t.lower_ == "air" and t.dep_ in ("compound", "amod", "nmod") and t.head.lemma_.lower() in AIR_HEADS)
               or (t.lower_ in _DROPPED_BOMB_KINDS and t.head.lemma_.lower() == "bomb") for t in tokens)


_DROPPED_BOMB_KINDS = frozenset({"guided", "glide", "gliding", "aerial", "aviation"})


def _acts(sent: Span) -> set[str]:
    """The sentence's words less participles that describe someone's state ('the release of demonstrators detained
    during an earlier rally' tells no arrest at this protest)."""
    return pt.words(t for t in sent if not (t.dep_ in ("amod", "acl") and t.head.dep_ != "ROOT"
                                            and t.lower_ in ("detained", "arrested")))


def _protest_sub(tok: Token) -> str:
    """ACLED's protest sub-types by what happened to or by the protesters, told in this sentence or the next."""
    sent = tok.sent
    following = tok.doc[sent.end : sent.end + 1]
    words = _acts(sent) | (_acts(following[0].sent) if len(following) else set())
    if pt.sets_self_on_fire(sent):
        words -= {"set"}  # self-immolation: ACLED codes the protest by what was done to others (none here)
    if words & {"killed", "shot", "dead"} and words & {"police", "security", "troops", "forces"}:
        return "Excessive force against protesters"
    if words & {"stones", "rocks", "torched", "smashed", "looted", "molotov", "set"}:
        return "Violent demonstration"
    if words & {"tear", "dispersed", "disperse", "cannon", "batons", "arrested", "detained", "rubber", "suppressed",
                "suppress", "suppressing"}:  # ACLED: demonstrators dispersed or suppressed without lethal force
        return "Protest with intervention"
    return "Peaceful protest"
