"""Join the detector's reading of every sentence with the rules' triggers.

The detector decides whether a sentence reports an event and of which kind; the rules find where in
the sentence it is anchored (the trigger) and everything hung on the parse. So:
- a rule trigger in a sentence the detector reads as no event is dropped ("has occupied the town since
  2022", a sports "attack"), unless the rules named the weapon or act outright;
- a sentence the detector reads as an ACLED event with no rule trigger gets one, anchored at the
  sentence's main verb (or its head noun in a caption or headline);
- an article of four sentences or more that the detector reads as no ACLED event anywhere keeps no weak
  ACLED trigger (quiet news: a striker's "strike" is not kept even flagged low-confidence);
- the detector's sub-type replaces the rules' where it is surer (classify.apply).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventwire.classify.apply import Typed, apply_prediction
from eventwire.classify.detector import GATE_MIN_SENTENCES, NO_EVENT, Detection, Detector
from eventwire.classify.labels import NONE
from eventwire.classify.model import Prediction
from eventwire.extract import lexicon as lx
from eventwire.extract.detect import Trigger, is_state, weapon_named
from eventwire.records.coding import Coding
from eventwire.records.taxonomy import ACLED_SUB_TO_TYPE, PLOVER_FOR_ACLED
from eventwire.records.taxonomy import Family as F

KEEP_RULE = 0.85  # rule strengths from here up name the act outright: kept whatever the detector says
DROP_BELOW = 0.3  # a rule trigger in a sentence read as an event with less than this is dropped
RETYPE_GIVEN = 0.45  # the detector retypes a rule trigger when it gives one sub-type this much (given an event)
ADD_FROM = 0.8  # a sentence with no trigger word becomes an event from this probability up
# sub-types too vague to stand on the detector alone: they need a rule trigger in the sentence. A base set up
# is concrete enough where the detector is sure of an event (VAGUE_SURE) and gives the base VAGUE_GIVEN of it
# ("US forces have set up a new military base in Manbij" has no trigger word). "Change to group/activity"
# stays out: its sure readings are announcements of a new administration or command (one realnews-dev false
# event at P 0.92, 0.37 of it given an event) as often as defections.
REMOTE_TYPE = "Explosions/Remote violence"
NOT_ALONE = frozenset({"Change to group/activity", "Other", "Headquarters or base established"})
SURE_ALONE = frozenset({"Headquarters or base established"})
VAGUE_SURE = 0.9
VAGUE_GIVEN = 0.35
# a protest or a riot needs its crowd: gangs clashing with residents are no demonstration
CROWD = frozenset({"protest", "protests", "protesters", "protestors", "demonstrators", "demonstration",
                   "demonstrations", "rally", "rallies", "riot", "riots", "rioters", "march", "marched", "marchers",
                   "crowd", "crowds", "strike", "strikers", "picket", "sit-in", "rallied", "protested", "streets",
                   "gathered", "gathering", "activists", "marching", "protesting", "demonstrated", "vigil"})
# sub-types defined by the weapon: the detector may give them only when the sentence names it ("The aftermath
# of the attack" is no chemical attack, tear gas is a protest's, a "suicide drone" is a drone)
NAMED_BY = {
    "Chemical weapon": frozenset({"chemical", "chlorine", "sarin", "mustard", "phosphorus", "toxic", "poison",
                                  "poisonous", "nerve", "agent"}),
    "Suicide bomb": frozenset({"suicide", "bomber", "bombers", "self-detonated"}),
    "Grenade": frozenset({"grenade", "grenades", "vog", "vogs"}),
    # "murdered by jihadists on this road" is no bomb; a bomb is named, or its blast
    "Remote explosive/landmine/IED": frozenset({"ied", "ieds", "mine", "mines", "landmine", "landmines", "device",
                                                "devices", "explosive", "explosives", "bomb", "bombs", "blast",
                                                "blasts", "explosion", "explosions", "exploded", "detonated",
                                                "booby-trapped", "roadside", "sabotage", "sabotaged", "blew", "blown"}),
    # "executed two prisoners of war" is no exchange: an agreement is named, or its exchange or signing
    "Agreement": frozenset({"exchange", "exchanged", "exchanges", "swap", "swapped", "swaps", "deal", "deals",
                            "agreement", "agreements", "agreed", "agree", "ceasefire", "cease-fire", "truce",
                            "accord", "accords", "signed", "treaty", "pact", "repatriated", "repatriation",
                            "handed", "returned", "released", "memorandum", "armistice"}),
    "Peaceful protest": CROWD, "Protest with intervention": CROWD, "Excessive force against protesters": CROWD,
    "Violent demonstration": CROWD,
}

REMOTE_WORDS = lx.WEAPON_WORDS | {"strike", "strikes", "struck", "bomb", "bombs", "bombing", "bombed", "shelled",
                                  "explosion", "explosions", "blast", "blasts", "exploded", "kab", "kabs", "blew",
                                  "blown", "detonated", "detonation", "raid", "raids"}

# what a strike's aftermath shows: war materiel hit, buildings damaged ("Burning Russian tank on the road near
# Brovary", "Several homes in Kyiv were damaged")
STRIKE_SIGNS = frozenset({"tank", "tanks", "armoured", "armored", "vehicle", "vehicles", "convoy", "column",
                          "ammunition", "depot", "positions", "trench", "trenches", "bunker", "howitzer", "launcher",
                          "damage", "damaged", "destroyed", "debris", "wreckage", "ablaze", "burning", "impact",
                          "impacts", "hit", "fire", "fires", "craters", "crater", "rubble",
                          "partisans", "paratroopers", "saboteurs", "airborne"})
RETYPED_STRIKE_WORDS = REMOTE_WORDS | STRIKE_SIGNS  # a rule's non-strike trigger may become a strike with these
ADDED_STRIKE_WORDS = RETYPED_STRIKE_WORDS | lx.CONFLICT_WORDS  # a strike the detector adds needs one of these

FAMILY_OF_SUB: dict[str, F] = {
    "Air/drone strike": F.STRIKE, "Shelling/artillery/missile attack": F.STRIKE,
    "Remote explosive/landmine/IED": F.STRIKE, "Suicide bomb": F.STRIKE, "Grenade": F.STRIKE,
    "Chemical weapon": F.STRIKE, "Armed clash": F.CLASH, "Government regains territory": F.TERRITORY,
    "Non-state actor overtakes territory": F.TERRITORY, "Non-violent transfer of territory": F.WITHDRAW,
    "Attack": F.KILL, "Sexual violence": F.SEXUAL, "Abduction/forced disappearance": F.ABDUCT,
    "Peaceful protest": F.PROTEST, "Protest with intervention": F.PROTEST,
    "Excessive force against protesters": F.PROTEST, "Violent demonstration": F.RIOT, "Mob violence": F.RIOT,
    "Arrests": F.ARREST, "Looting/property destruction": F.LOOT, "Disrupted weapons use": F.INTERCEPT,
    "Agreement": F.AGREE,
}


def read_sentences(doc: Doc, triggers: Sequence[Trigger], detector: Detector) -> dict[int, Detection]:
    """sentence start token -> Detection. Sentences holding a rule trigger skip the screen (the rules
    already chose them); the others go through it."""
    sents = list(doc.sents)
    if not detector.reads_article([s.text for s in sents]):
        return {s.start: NO_EVENT for s in sents}
    with_trigger = {doc[t.i].sent.start for t in triggers}
    chosen = [s for s in sents if s.start in with_trigger]
    others = [s for s in sents if s.start not in with_trigger]
    out = dict(zip((s.start for s in chosen), detector.predict([s.text for s in chosen], screen=False),
                   strict=True))
    out.update(zip((s.start for s in others), detector.predict([s.text for s in others]), strict=True))
    return out


def combine(doc: Doc, triggers: Sequence[Trigger], detector: Detector,
            ) -> tuple[list[Trigger], dict[int, Typed], set[int]]:
    """The triggers to keep or add, each one's typing by the detector, and the added ones' token indexes."""
    reading = read_sentences(doc, triggers, detector)
    quiet = _quiet(doc, reading)
    kept: list[Trigger] = []
    typed: dict[int, Typed] = {}
    for trig in triggers:
        det = reading[doc[trig.i].sent.start]
        floor = detector.threshold if quiet and trig.coding.event_type is not None else DROP_BELOW
        if det.probability < floor and trig.coding.strength < KEEP_RULE:
            continue
        kept.append(trig)
        typed[trig.i] = _retyped(apply_prediction(trig.coding, as_prediction(det), detector.threshold), det,
                                 trig, doc[trig.i].sent)
    covered = {doc[t.i].sent.start for t in triggers}
    added: set[int] = set()
    for sent in doc.sents:
        det = reading[sent.start]
        if sent.start in covered or det.sub_event_type is None or det.probability < ADD_FROM:
            continue
        anchor = anchor_of(sent)
        if anchor is None or is_state(anchor):
            continue
        sub = named_sub(det, sent)
        if sub is None or not stands_alone(sub, det):
            continue
        if ACLED_SUB_TO_TYPE.get(sub) == REMOTE_TYPE:
            if not ({t.lower_ for t in sent} & ADDED_STRIKE_WORDS):
                continue  # "A thief stole a car": no weapon, blast, armed actor or damage, no strike
            sub = weapon_named(sent) or sub  # "caught fire due to UAV explosions": the weapon decides
        coding = coding_for(sub, det.probability)
        kept.append(Trigger(anchor.i, coding))
        typed[anchor.i] = Typed(coding, det.probability, False)
        added.add(anchor.i)
    kept.sort(key=lambda t: t.i)
    return kept, typed, added


def _quiet(doc: Doc, reading: dict[int, Detection]) -> bool:
    """An article of GATE_MIN_SENTENCES or more none of whose sentences the detector reads as an ACLED event
    (at its threshold) is no conflict news: its weak ACLED triggers are figures of speech (a striker's
    "strike", an "attacking force", a tsunami's dead, a protest "expected to be muted") and are dropped
    rather than kept flagged low-confidence. A shorter snippet has too little context to judge by: its weak
    triggers stay, flagged."""
    if sum(1 for _ in doc.sents) < GATE_MIN_SENTENCES:
        return False
    return all(det.sub_event_type is None for det in reading.values())


def stands_alone(sub: str, det: Detection) -> bool:
    """May the detector's sub-type make an event with no rule trigger in the sentence?"""
    if sub not in NOT_ALONE:
        return True
    return (sub in SURE_ALONE and det.probability >= VAGUE_SURE
            and det.acled.get(sub, 0.0) >= VAGUE_GIVEN)


def named_sub(det: Detection, sent: Span) -> str | None:
    """The detector's sub-type, or its next best where the top one is defined by a weapon the sentence
    does not name."""
    for sub in sorted(det.acled, key=det.acled.__getitem__, reverse=True):
        if sub not in NAMED_BY or _names(sub, sent):
            return sub
    return None


def _names(sub: str, sent: Span) -> bool:
    words = {t.lower_ for t in sent}
    if sub == "Chemical weapon" and "tear" in words:
        return False
    return bool(words & NAMED_BY[sub])


def _weapon_allows(rules: Coding, sub: str | None, sent: Span) -> bool:
    """May the detector give `sub` to this trigger? Not a weapon-defined sub-type the sentence does not
    name, and not one weapon's sub-type where the rules read another weapon named outright ('a missile
    attack' stays a missile attack; 'suicide drones' may become a drone strike: drones are named)."""
    if sub in NAMED_BY and not _names(sub, sent):
        return False
    if rules.family != F.STRIKE:
        # a rape, a theft, an arrest read by the rules is no strike unless the sentence names a weapon or a blast
        return ACLED_SUB_TO_TYPE.get(sub or "") != REMOTE_TYPE or bool({t.lower_ for t in sent} & RETYPED_STRIKE_WORDS)
    words = {t.lower_ for t in sent}
    named = [subtype for weapon_words, subtype, _mode in lx.WEAPONS if words & weapon_words - {"air"}]
    if sub == "Attack":  # ACLED: a strike that kills civilians is still the strike ("an airstrike killed 9 civilians")
        return not named
    if ACLED_SUB_TO_TYPE.get(sub or "") != REMOTE_TYPE:
        return True
    return not named or sub in named


GROUND_CHANGES = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                            "Non-violent transfer of territory"})


def _ground_allows(trig: Trigger, sub: str | None, sent: Span) -> bool:
    """A withdrawal that the rules read as no handover (nobody said to take the ground: ACLED's Change to
    group/activity) does not become ground changing hands on the detector's word."""
    withdrawal = lx.VERB_FAMILIES.get(sent.doc[trig.i].lemma_.lower()) == F.WITHDRAW or lx.NOUN_FAMILIES.get(
        sent.doc[trig.i].lemma_.lower()) == F.WITHDRAW
    return not (withdrawal and trig.coding.sub_event_type == "Change to group/activity" and sub in GROUND_CHANGES)


def _retyped(typed: Typed, det: Detection, trig: Trigger, sent: Span) -> Typed:
    """The detector's sub-type where it clearly prefers one (given an event) and the rules did not name the
    weapon or act outright: trained on codebook distinctions, it reads 'repelled', 'FPV' and 'tear gas'
    as the codebook does, where the rules read words. A weapon-defined sub-type the sentence does not
    name is never given (the rules' reading stands)."""
    sub = typed.coding.sub_event_type
    if sub != trig.coding.sub_event_type and not (_weapon_allows(trig.coding, sub, sent)
                                                  and _ground_allows(trig, sub, sent)):
        typed = replace(typed, coding=trig.coding)
    if (not det.acled or det.probability < DROP_BELOW or trig.coding.strength >= KEEP_RULE
            or typed.coding.event_type is None):
        return typed
    top = max(det.acled, key=det.acled.__getitem__)
    if top == typed.coding.sub_event_type or det.acled[top] < RETYPE_GIVEN or not _weapon_allows(
            trig.coding, top, sent) or not _ground_allows(trig, top, sent):
        return typed
    new = coding_for(top, typed.coding.strength)
    return replace(typed, coding=replace(new, family=typed.coding.family))


def as_prediction(det: Detection) -> Prediction:
    """The detector's reading in the form classify.apply reads (ACLED head: P(label) and P(none))."""
    scores = {lb: p * det.probability for lb, p in det.acled.items()}
    scores[NONE] = 1.0 - det.probability
    return Prediction({"acled": scores}, {})


def coding_for(sub: str, probability: float) -> Coding:
    plover_type, mode = PLOVER_FOR_ACLED.get(sub, (None, None))
    family = FAMILY_OF_SUB.get(sub, F.DETECTED)
    return Coding(family, ACLED_SUB_TO_TYPE[sub], sub, plover_type, mode, probability)


def anchor_of(sent: Span) -> Token | None:
    """The sentence's main verb, else its root (a caption's head noun); None for a sentence of punctuation."""
    root = sent.root
    if root.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
        return root
    verbs = [t for t in sent if t.pos_ == "VERB"]
    if verbs:
        return verbs[0]
    nouns = [t for t in sent if t.pos_ in ("NOUN", "PROPN")]
    return nouns[0] if nouns else None
