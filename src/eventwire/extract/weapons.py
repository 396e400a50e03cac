"""ACLED's sub-types of remote violence are the weapon's: checked against what the sentence names, after the
trigger's own reading (rules or detector), which may have read the kind of attack from other words.

- an air or drone strike needs an aircraft or a drone ('blew up a substation with TNT blocks' is a bomb);
- a chemical weapon is one whose agent the attack itself used ('shells contained poisonous gas'), not one
  named as a target or as another attack ('strikes on chemical weapons facilities', 'in retaliation for a
  chlorine attack');
- civilians killed by a bomb or a landmine are remote violence, not an Attack;
- grenades thrown make a Grenade attack, not a battle;
- munitions dropped from a drone that nothing stopped are an air strike, not a disrupted weapon;
- troops firing small arms, with no heavy weapon named, are no shelling: an Attack on civilians, else a battle.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.extract import lexicon as lx

AIR_WORDS = next(words for words, sub, _ in lx.WEAPONS if sub == "Air/drone strike") | frozenset({
    "bomber", "bombers", "plane", "planes", "airplane", "airplanes", "kab", "kabs", "aviation", "choppers",
    "helicopters", "quadcopter", "quadcopters", "fpv", "shaheds", "geran", "gerans"})
EXPLOSIVE_WORDS = frozenset({"tnt", "explosive", "explosives", "ied", "ieds", "blew", "blow", "blown", "detonated",
                             "detonation", "landmine", "landmines", "booby-trapped", "car-bomb", "planted"})
BOMB_WORDS = frozenset({"ied", "ieds", "landmine", "landmines", "car-bomb", "bomb", "bombs", "explosives",
                        "explosive", "roadside", "booby-trapped"})
FIREARM_WORDS = frozenset({"shot", "shooting", "gunfire", "gunmen", "gunman", "rifles", "guns", "stabbed", "machetes",
                           "knives", "hacked", "beheaded", "opened"})
SMALL_ARMS = frozenset({"rifle", "rifles", "machine-gun", "machine-guns", "machinegun", "pistol", "pistols",
                        "sniper", "snipers", "kalashnikov", "kalashnikovs", "gunfire", "automatic"})
HEAVY_WORDS = next(words for words, sub, _ in lx.WEAPONS if sub == "Shelling/artillery/missile attack") | AIR_WORDS
CHEMICAL_AGENTS = frozenset({"chemical", "chlorine", "sarin", "mustard", "poisonous", "poison", "vx"})
# a suicide attack: the attacker carries or drives the bomb (a "suicide drone" is a drone)
SUICIDE_WORDS = frozenset({"suicide", "kamikaze", "kamikazes", "svbied", "svbieds", "self-detonated"})
# nouns that make a chemical word name something else than the attack's agent
NOT_THE_AGENT = frozenset({"facility", "facilities", "plant", "plants", "factory", "factories", "attack", "attacks",
                           "weapons", "stockpile", "stockpiles", "depot", "warehouse", "programme", "program", "site",
                           "sites", "arsenal", "industry", "company"})
REMOTE_SUBS = frozenset({"Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED"})
GRENADES = frozenset({"grenade", "grenades"})
DROPPED_THINGS = frozenset({"bomb", "bombs", "grenade", "grenades", "munitions", "explosives", "barrel", "vog",
                            "vogs", "ammunition"})
# what disrupts a weapon's use: shot down, intercepted, jammed, defused, found, seized
DISRUPTING = frozenset({"shot", "down", "downed", "intercepted", "interception", "intercept", "destroyed", "repelled",
                        "repulsed", "neutralized", "neutralised", "suppressed", "jammed", "defused", "found", "seized",
                        "discovered", "foiled", "thwarted", "prevented", "defence", "defense", "defences", "defenses",
                        "dismantled", "shooting", "fended", "eliminated", "lost", "suppression", "warfare"})
DROPPED = frozenset({"dropped", "drop", "hit", "struck", "attacked", "exploded", "explosions", "explosion"})


def weapon_sub(sub: str | None, trigger: Token) -> str | None:
    """The sub-type that the weapons the trigger's sentence names make of `sub`."""
    words = {t.lower_ for t in trigger.sent}
    chemical = _agent_used(trigger)
    if sub in REMOTE_SUBS and (chemical or _agent_in_next(trigger)):
        return "Chemical weapon"
    if sub in REMOTE_SUBS | {"Attack"} and _suicide(trigger.sent):
        return "Suicide bomb"
    if sub == "Chemical weapon" and not chemical:
        return _other_weapon(words) or sub
    if sub == "Disrupted weapons use" and not words & DISRUPTING and words & AIR_WORDS and words & DROPPED:
        return "Air/drone strike"  # "VOG ammunition was dropped from UAVs": nothing stopped it
    if sub == "Air/drone strike" and not words & AIR_WORDS and words & EXPLOSIVE_WORDS:
        return "Remote explosive/landmine/IED"
    if sub == "Attack" and words & BOMB_WORDS and not words & (FIREARM_WORDS | AIR_WORDS):
        return "Remote explosive/landmine/IED"  # 'car bomb attacks killed ten people'
    if sub in ("Armed clash", "Attack", "Shelling/artillery/missile attack", "Grenade") and _dropped_bombs(trigger):
        return "Air/drone strike"  # "fighters attacked the village and dropped 17 bombs": from the air
    if sub == "Remote explosive/landmine/IED" and words & AIR_WORDS and _dropped_bombs(trigger):
        return "Air/drone strike"  # "dropped explosives from a drone on a car": no device was laid
    if sub in ("Armed clash", "Attack") and words & GRENADES:
        return "Grenade"
    if sub == "Shelling/artillery/missile attack" and _small_arms(trigger.sent.text.lower(), words):
        return "Attack" if words & lx.CIVILIAN_WORDS else "Armed clash"
    return sub


def _small_arms(text: str, words: set[str]) -> bool:
    """Rifles or small arms named, and no artillery, missile, aircraft or bomb ('fired on a car with small arms')."""
    return bool(words & SMALL_ARMS or "small arms" in text) and not words & (HEAVY_WORDS | EXPLOSIVE_WORDS)


def _dropped_bombs(trigger: Token) -> bool:
    """Bombs or grenades dropped (from aircraft, from drones) in the trigger's sentence."""
    return any(t.lemma_.lower() == "drop" and {w.lower_ for c in t.children if c.dep_ in ("dobj", "nsubjpass")
                                               for w in c.subtree} & DROPPED_THINGS for t in trigger.sent)


def _suicide(sent: Span) -> bool:
    """'a suicide bomber', 'detonated a suicide vest', 'kamikazes blew themselves up' (not 'suicide drones')."""
    doc = sent.doc
    return any(t.lower_ in SUICIDE_WORDS and t.head.lower_ not in AIR_WORDS and t.head.lemma_.lower() != "commit"
               and (t.i + 1 >= len(doc) or doc[t.i + 1].lower_ not in AIR_WORDS) for t in sent)


def _agent_in_next(trigger: Token) -> bool:
    """'rebels fired shells into the city. Residents suspect the shells contained poisonous gas': the agent told
    of the same munitions in the next sentence."""
    sent = trigger.sent
    if sent.end >= len(trigger.doc):
        return False
    following = trigger.doc[sent.end].sent
    munitions = {t.lower_ for t in sent} & HEAVY_WORDS
    return bool(munitions & {t.lower_ for t in following}) and _agent_in(following, None)


def _agent_used(trigger: Token) -> bool:
    """A chemical agent named as what the attack used, not as a target or as another attack."""
    return _agent_in(trigger.sent, trigger)


def _agent_in(sent: Span, trigger: Token | None) -> bool:
    for tok in sent:
        if tok.lower_ not in CHEMICAL_AGENTS:
            continue
        named = False
        for anc in tok.ancestors:
            if (trigger is not None and anc.i == trigger.i) or anc.pos_ in ("VERB", "AUX"):
                break
            if anc.lemma_.lower() in NOT_THE_AGENT or anc.lower_ in NOT_THE_AGENT:
                named = True
                break
        if not named and not (tok.head.lower_ in NOT_THE_AGENT and (trigger is None or tok.head.i != trigger.i)):
            return True
    return False


def _other_weapon(words: set[str]) -> str | None:
    for weapon_words, sub, _mode in lx.WEAPONS:
        if sub != "Chemical weapon" and words & (weapon_words - {"air"}):
            return sub
    return None
