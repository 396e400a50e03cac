"""Small questions asked of the dependency parse around a trigger: its words, its object, its subject,
its prepositions, and whether the clause tells a state rather than an act.

Shared by the verb senses, the noun senses and the sub-type rules of the detector; depends only on the
lexicon, so it sits at the bottom of the detector's modules.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from eventwire.extract import lexicon as lx
from eventwire.records.taxonomy import VIOLENT_FAMILIES

POLITICAL_HEADS = frozenset({"president", "minister", "government", "ministry", "official", "officials",
                             "leader", "leaders", "council", "kremlin", "parliament", "spokesman",
                             "spokeswoman", "spokesperson", "head", "chief", "secretary", "authorities",
                             "administration", "senator", "prime", "envoy", "ambassador", "diplomat",
                             "commander", "general", "party", "opposition", "un", "nato", "eu", "king"})
# settlements and areas: a strike "on the town", "at the settlement" is remote violence on a place
SETTLEMENTS = frozenset({"town", "village", "city", "settlement", "community", "hromada", "district", "suburb",
                         "outskirts", "region", "oblast", "port", "capital"})


def words(tokens: Iterable[Token]) -> set[str]:
    return {t.lower_ for t in tokens}


def clause_words(tok: Token) -> set[str]:
    """The words of `tok`'s clause, without the clauses joined to it ('launched an assault with artillery
    support; the assault was repelled': the artillery is not what was repelled)."""
    return words(clause_tokens(tok))


def clause_tokens(tok: Token) -> list[Token]:
    """`tok`'s subtree less the clauses joined to it ('attacked the building, and four of the assailants
    were killed': the assailants are not what was attacked)."""
    joined = {t.i for c in tok.children if c.dep_ in ("ccomp", "advcl", "conj", "parataxis", "csubj")
              for t in c.subtree}
    return [t for t in tok.subtree if t.i not in joined]


def told_words(sent: Span) -> set[str]:
    """The sentence's words less those naming who tells it ('according to vigilantes', 'vigilantes said'):
    the teller is no party to the act."""
    teller = set()
    for tok in sent:
        if tok.lower_ == "according":
            teller |= {t.i for t in tok.subtree}
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in lx.SPEECH_VERBS:
            teller |= {t.i for c in tok.children if c.dep_ == "nsubj" for t in c.subtree}
    return words(t for t in sent if t.i not in teller)


def opens_fire(tok: Token) -> bool:
    """'opened fire', 'open fire on the crowd': a shooting told by its verb 'open'."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() == "open" and any(
        c.dep_ == "dobj" and c.lower_ == "fire" for c in tok.children)


def child_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children}


def objects(tok: Token) -> set[str]:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    return words(t for o in objs for t in o.subtree)


def subject_words(tok: Token) -> set[str]:
    return words(t for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)


def object_is_place(tok: Token) -> bool:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or (t.ent_type_ == "ORG" and t.pos_ == "PROPN")
               for o in objs for t in own_subtree(o))


def own_objects(tok: Token) -> set[str]:
    """The object's own words, without the clauses hung on it: 'captured a commander who heads the unit that
    shelled the town' captured a man, not a town."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    return words(t for o in objs for t in own_subtree(o))


def own_subtree(head: Token) -> list[Token]:
    """A phrase's tokens less its relative and participle clauses ('a town that was the scene of an attack')."""
    inner = {t.i for c in head.subtree if c.dep_ in ("relcl", "acl") and c.i != head.i for t in c.subtree}
    return [t for t in head.subtree if t.i not in inner]


def is_state(tok: Token) -> bool:
    """'have held the village since 2022', 'controls the town': holding ground, not taking it."""
    if tok.lemma_.lower() in ("hold", "control", "occupy") and (
            tok.tag_ in ("VBZ", "VBP") or tok.dep_ in ("amod", "acl")
            or any(c.lower_ == "temporarily" for c in tok.children)):
        return True  # "temporarily occupied Crimea", "territory controlled by Kyiv": a state
    return any(c.dep_ == "prep" and c.lower_ in ("since", "for") for c in tok.children)


def on_settlement(tok: Token) -> bool:
    """The strike's object, or the object of its 'on'/'at' phrase, is a town, a village or a named place."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
              for g in c.children if g.dep_ == "pobj"]
    return any(h.lemma_.lower() in SETTLEMENTS or h.ent_type_ in ("GPE", "LOC") for h in heads)


def armed_subject(tok: Token) -> bool:
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    return any(t.ent_type_ == "NORP" or t.lower_ in lx.ARMED_WORDS for s in subj for t in s.subtree)


def doer_words(tok: Token) -> set[str]:
    """Who did it: the verb's subject, or the agent of a passive ('beaten up by a mob')."""
    agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return words(t for c in [*(c for c in tok.children if c.dep_ == "nsubj"), *agents] for t in c.subtree)


def has_prep(tok: Token, preps: set[str]) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children)


def political_subject(tok: Token) -> bool:
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(t.ent_type_ in ("GPE", "NORP", "PERSON", "ORG") or t.lower_ in POLITICAL_HEADS
               for s in subj for t in s.subtree)


def political_near(tok: Token) -> bool:
    return any(t.ent_type_ in ("GPE", "NORP") or t.lower_ in POLITICAL_HEADS for t in tok.sent)


def conflict_context(sent: Span) -> bool:
    return bool(words(sent) & lx.CONFLICT_WORDS)


def is_background(tok: Token) -> bool:
    """'amid Russia's attack on Ukraine': the war as backdrop, not a new event."""
    head = tok.head
    return head.dep_ == "prep" and head.lower_ in ("amid", "despite", "since") and tok.dep_ == "pobj"


_GOING_ON = frozenset({"continue", "rage", "intensify", "erupt", "resume", "go", "persist", "escalate"})


def is_generic_plural(tok: Token, family: str) -> bool:
    """'to halt its attacks': plural event nouns with no number, place or time are habitual talk."""
    if tok.tag_ != "NNS" or family not in VIOLENT_FAMILIES | {"evacuate", "protest", "arrest"}:
        return False
    sub = list(tok.subtree)
    if tok.dep_ in ("dobj", "nsubjpass"):  # "announce evacuations from seven villages": the verb holds the PP
        sub += [t for c in tok.head.children if c.dep_ == "prep" for t in c.subtree]
    elif tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _GOING_ON and any(
            t.pos_ == "PROPN" for c in tok.head.children if c.dep_ == "prep" for t in c.subtree):
        return False  # "Heavy battles continue in and around Avdiivka": fighting going on at a named place
    specific = any(t.like_num or t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL")
                   for t in sub if t.i != tok.i)
    return not (specific or is_placed_caption(tok))


def is_placed_caption(tok: Token) -> bool:
    """A line's head noun with a proper name after "in"/"near" and no verb ("Clashes in the forest near
    Kreminna"): a monitor's or a headline's report of where something happened. The entity finder often
    misses a village's name in such a line."""
    return tok.dep_ == "ROOT" and any(t.pos_ == "PROPN" and t.head.lower_ in ("in", "near", "at", "outside")
                                      for t in tok.subtree)


def neighbour_sents(sent: Span) -> list[Span]:
    """The sentences just before and after."""
    doc = sent.doc
    return ([doc[sent.start - 1].sent] if sent.start > 0 else []) + ([doc[sent.end].sent] if sent.end < len(doc)
                                                                     else [])


SELVES = frozenset({"himself", "herself", "themselves", "myself"})


def sets_self_on_fire(sent: Span) -> bool:
    """'set himself on fire': a self-immolation, a protest that harms no one else."""
    return any(t.lemma_.lower() == "set" and child_words(t) & SELVES for t in sent)
