"""One record per real event: tolls told after the event join it; one event per place in a list.

- "Russian forces shelled Chasiv Yar. A civilian was killed." The second sentence names no new event: its
  toll belongs to the shelling. A sentence the detector found (no trigger word) that follows an event
  in the article and names no other place joins that event (its toll too, when both are violent).
- A headline and the lead tell one event: the headline's violent event joins the first body event of
  the same kind of violence at a compatible place.
- "Air defences destroyed drones over the Kursk, Belgorod and Voronezh regions": ACLED codes one event
  per place, so an event whose place is one of a coordinated list is copied to each place of the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventwire.extract.lexicon import WEAPON_WORDS
from eventwire.extract.locate import WIDE_FEATURES, inside
from eventwire.extract.subtypes import weapon_named
from eventwire.records import Event, Location, PlaceMention

# Event nouns that a report uses to point back at a violent event it has told ("the attack", "the blast")
BACK_NOUNS = frozenset({"attack", "attacks", "strike", "strikes", "assault", "offensive", "explosion", "explosions",
                        "blast", "shelling", "raid", "bombing", "incident", "fighting", "aggression"})
# ... unless they say it is another one
NEW_EVENT_WORDS = frozenset({"another", "fresh", "new", "second", "third", "separate", "other", "similar", "earlier",
                             "previous", "further", "more", "also", "again"})
# "damage following the attack", "during the attack", "as a result of the attack"
BACK_PREPS = frozenset({"following", "after", "during", "amid", "of"})
AFTER_NOUNS = frozenset({"aftermath", "consequences", "scene", "site", "damage", "wake", "result", "results"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
STOP_LEMMAS = frozenset({"destroy", "down", "shoot", "intercept", "neutralize", "neutralise", "suppress", "jam",
                         "repel", "repulse", "eliminate"})
# words of a running total ("since the invasion", "so far this year"): such a toll is no one strike's
SUMMARY_WORDS = frozenset({"since", "total", "overall", "so", "year", "war", "invasion", "month", "week"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# ACLED codes one event per place for these: protests held "in Kyiv, Lviv and Odesa" are three protests
SPLIT_TYPES = VIOLENT_TYPES | {"Strategic developments", "Protests", "Riots"}


def is_violent(event: Event) -> bool:
    return event.event_type in VIOLENT_TYPES


def joins(prev: Event, follow: Event, compatible: bool) -> Event | None:
    """`follow` (a detected sentence with no trigger word) told as part of `prev`: prev with its toll,
    else None when `follow` is an event of its own."""
    if not compatible:
        return None
    # a bare toll ('28 gang members were killed') is the violent event's, however the detector typed it;
    # a running total ('the war has left 1,700 dead') is no one event's
    if summary_toll(follow):
        follow = replace(follow, fatalities=None, injuries=None)
    if not (is_violent(prev) and (is_violent(follow) or follow.fatalities or follow.injuries)):
        return replace(prev, evidence=prev.evidence + tuple(e for e in follow.evidence if e not in prev.evidence))
    return replace(prev, fatalities=_first_known(prev.fatalities, follow.fatalities),
                   injuries=_first_known(prev.injuries, follow.injuries),
                   evidence=prev.evidence + tuple(e for e in follow.evidence if e not in prev.evidence))


def distinct(prev: Event, follow: Event, sent: Span) -> bool:
    """'In addition, the enemy dropped two aerial bombs on the town' after a shelling, 'seventeen drones were
    destroyed by air defence' after the drone attack: another kind of act, an event of its own."""
    if follow.sub_event_type is None or follow.sub_event_type == prev.sub_event_type:
        return False
    if follow.sub_event_type == "Disrupted weapons use":  # (drones or missiles stopped, named as such)
        return any(t.lemma_.lower() in STOP_LEMMAS for t in sent) and bool({t.lower_ for t in sent} & WEAPON_WORDS)
    return is_violent(prev) and is_violent(follow) and weapon_named(sent) == follow.sub_event_type


def summary_toll(event: Event) -> bool:
    words = {w.strip(".,;:!?\"'’”“()") for e in event.evidence for w in e.text.lower().split()}
    return bool(words & SUMMARY_WORDS)


def _first_known(a: int | None, b: int | None) -> int | None:
    return a if a is not None else b


def refers_back(tok: Token) -> bool:
    """'The attack was attributed to…', 'the aftermath of the Russian attack on Kharkiv', 'injured as a
    result of seven Russian strikes': the trigger names an event already told rather than a new one."""
    noun = tok if tok.pos_ in ("NOUN", "PROPN") else next(
        (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    if noun is not None and noun.lower_ in AFTER_NOUNS:  # "the aftermath of the attack": the attack
        noun = next((g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in BACK_NOUNS and noun.lower_ not in BACK_NOUNS:
        return False
    near = {c.lower_ for c in noun.children} | {c.lower_ for c in tok.children if c.dep_ == "advmod"}
    if near & NEW_EVENT_WORDS and not _ranked(noun):
        return False
    # "the attack", "this attack", "Thursday's explosion"
    definite = any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in noun.children)
    head = noun.head
    # 'during a massive air attack, debris fell': the attack told for the first time ('following an attack',
    # 'as a result of an attack' still point back at it)
    indefinite = head.lower_ == "during" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
    pointed = noun.dep_ == "pobj" and head.lower_ in BACK_PREPS and not indefinite and (
        head.lower_ != "of" or head.head.lower_ in ("result", "aftermath", "consequence", "wake", "scene"))
    return definite or pointed


RANKS = frozenset({"second", "third", "fourth", "fifth", "latest"})
PERIODS = frozenset({"week", "weeks", "month", "months", "year", "years", "day", "days", "hours", "decade"})


def _ranked(noun: Token) -> bool:
    """'carried out the second deadly attack on public forces in a week': the event told, counted among
    others of a period; 'a second attack', 'another attack' are new ones."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    if not {c.lower_ for c in noun.children if c.dep_ == "amod"} & RANKS:
        return False
    return any(g.lower_ in PERIODS and (g.dep_ == "npadvmod"
                                       or (g.dep_ == "pobj" and g.head.lower_ in ("in", "within")))
               for g in noun.head.subtree)


def in_quote(tok: Token) -> bool:
    """`tok` lies inside a direct quotation of its sentence ('"The house was bombed without any warning,"
    he said')."""
    opened = 0
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.text in ("“", "«"):
            opened += 1
        elif t.text in ("”", "»"):
            opened = max(0, opened - 1)
        elif t.text == '"':
            opened = 0 if opened else 1
    return opened > 0


BLAST_LEMMAS = frozenset({"explosion", "blast", "detonation"})
DEVICE_WORDS = frozenset({"ied", "ieds", "mine", "mines", "landmine", "landmines", "device", "devices", "bomb", "bombs",
                          "car-bomb", "booby", "explosives", "detonated", "planted", "grenade", "sabotage"})


def bare_blast(tok: Token, event: Event) -> bool:
    """'A powerful explosion rang out in Sevastopol': an explosion heard, with no device named, is what a
    strike told in the article did there, not a bomb of its own."""
    return (tok.lemma_.lower() in BLAST_LEMMAS and event.sub_event_type == "Remote explosive/landmine/IED"
            and not {t.lower_ for t in tok.sent} & DEVICE_WORDS)


def coordinated_places(doc: Doc, event: Event, places: Sequence[PlaceMention]) -> list[Location]:
    """The other resolved places listed with the event's own place in its sentence ('X, Y and Z')."""
    if event.location is None or event.location.text is None or event.event_type not in SPLIT_TYPES:
        return []
    # the sentence that names the event's place: the lead may tell the region, a later sentence the towns
    # ("... on energy facilities in the cities of Shostka and Konotop"); a region list told only after the
    # lead ("within the Mykolaiv, Kherson and Poltava regions") is where the one event told happened
    for n, ev in enumerate(event.evidence):
        in_sent = [m for m in places if ev.start <= m.start < ev.end and m.place is not None and m.kind == "toponym"]
        own = next((m for m in in_sent if m.text == event.location.text), None)
        if own is not None:
            later = n > 0
            break
    else:
        return []
    if event.sub_event_type == "Disrupted weapons use" and not _stops_weapons(doc, ev.start, ev.end):
        return []  # "Air defences were active over X, Y and Z": one report over several places, not a count each
    own_tok = _head(doc, own)
    if own_tok is None:
        return []
    group = _list_of(own_tok)
    out = []
    for m in in_sent:
        tok = _head(doc, m)
        if m is own or tok is None or tok.i not in group or m.place is None:
            continue
        if m.place.feature == "country" or (m.place.lat, m.place.lon) == (own.place.lat, own.place.lon):  # type: ignore[union-attr]
            continue
        if own.place is not None and m.place.precision == 3 and inside(own.place, m.place):
            continue  # "In Novhorod-Siverskyi, Chernihiv region": the container, not a second place
        if later and (m.place.precision == 3 or m.place.feature in WIDE_FEATURES):
            continue
        out.append(Location(place=m.place, text=m.text))
    return out


def _stops_weapons(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in STOP_LEMMAS for t in span)


def _list_of(tok: Token) -> set[int]:
    """Token indexes in the coordination that `tok` belongs to (its conjuncts and their compounds)."""
    members = {tok.i, *(c.i for c in tok.conjuncts)}
    top = tok
    while top.dep_ in ("conj", "compound", "amod") and top.head.i != top.i:
        top = top.head
        members.add(top.i)
        members.update(c.i for c in top.conjuncts)
    for t in list(members):
        members.update(c.i for c in tok.doc[t].children if c.dep_ in ("conj", "compound", "amod", "appos"))
    return members


def _head(doc: Doc, mention: PlaceMention) -> Token | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def another_act(doc: Doc, trigger: int, headline: int | None) -> bool:
    """An act told in a clause that describes something in the headline's own sentence ('captured five villages
    near a town that was the scene of a 2017 chemical attack'): the lead retells the headline's event, but that
    clause tells another act. ('attacked the quarters, abducting a woman' tells how the attack went.)"""
    if headline is None or doc[trigger].sent.start != doc[headline].sent.start:
        return False
    for node in (doc[trigger], *doc[trigger].ancestors):
        if node.i == headline:
            return False
        if node.dep_ in ("relcl", "acl"):
            return headline not in {t.i for t in node.subtree}
    return False
