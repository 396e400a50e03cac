"""Who did it and to whom: actor phrases from the parse, named the way ACLED names actors."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.extract import lexicon as lx
from eventwire.extract.countries import Country, country_by_alpha2, country_of
from eventwire.extract.spans import core_phrase, phrase, subject_of
from eventwire.records import Actor, PlaceMention

GROUP_KINDS = frozenset({"rebel group", "armed group", "protesters", "civilians", "police"})
PRONOUNS = frozenset({"its", "their", "it", "they", "his", "her"})
GANG_WORDS = frozenset({"gang", "gangs", "kidnappers", "robbers", "bandits", "gunmen", "gunman", "assailants",
                        "attackers", "unknown", "unidentified"})
REBEL_WORDS = frozenset({"rebels", "rebel", "militants", "militant", "insurgents", "insurgent",
                         "separatists", "jihadists", "guerrillas", "militia", "militias", "terrorists",
                         "fighters", "gunmen", "gunman", "bandits", "attackers", "assailants"})
POLICE_WORDS = frozenset({"police", "policemen", "officers", "gendarmes", "gendarmerie"})
PROTESTER_WORDS = frozenset({"protesters", "demonstrators", "protestors", "marchers"})
GOVERNMENT_WORDS = frozenset({"government", "ministry", "minister", "president", "official", "officials",
                              "authorities", "council", "kremlin", "head", "leader", "spokesman",
                              "spokeswoman", "administration", "governor", "mayor", "parliament"})


def actor1_for(trigger: Token, family: str, places: Sequence[PlaceMention]) -> Actor | None:
    """The one who acted: the possessor or modifier of an event noun, the subject of a verb."""
    for tok in _agent_tokens(trigger):
        actor = actor_from_phrase(tok, family, places)
        if actor is not None:
            return actor
    return None


def actor2_for(trigger: Token, family: str, places: Sequence[PlaceMention]) -> Actor | None:
    """The one acted on, when it is people or a force (a place target is the location, not an actor)."""
    if trigger.pos_ != "VERB":
        return None
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "prep" and child.lower_ == "on"):
            obj = child if child.dep_ != "prep" else next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and _people_or_force(obj):
                return actor_from_phrase(obj, family, places)
    return None


def _agent_tokens(trigger: Token) -> list[Token]:
    found: list[Token] = []
    if trigger.pos_ in ("NOUN", "PROPN"):
        found += _modifier_agents(trigger)
        found += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "by"
                  for g in c.children if g.dep_ == "pobj"]
        if trigger.dep_ in ("dobj", "nsubjpass", "pobj", "nsubj") and trigger.head.pos_ == "VERB":
            subj = subject_of(trigger.head)
            if subj is not None and subj.i != trigger.i:
                found.append(subj)
    elif trigger.lemma_.lower() in lx.SPEECH_VERBS:
        # an event read at the verb that reports it ("the governor reported another act of aggression by the
        # Russian Federation"): the one who speaks is the source; the doer hangs on what was reported
        told = [c for c in trigger.children if c.dep_ in ("dobj", "ccomp")]
        found += [g for t in told for c in t.subtree if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                  for g in c.children if g.dep_ == "pobj"]
        found += [m for t in told for m in _modifier_agents(t)]
        found += [subj for t in told if t.dep_ == "ccomp" and (subj := subject_of(t)) is not None]
    else:
        found += [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        subj = subject_of(trigger)
        if subj is not None:
            found.append(subj)
        # "killed in police firing", "wounded in Israeli strikes": the doer modifies the cause's noun
        # (the parser often reads "police firing" as the noun "police" with "firing" hanging off it)
        causes = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "in"
                  for g in c.children if g.dep_ == "pobj"]
        found += [m for g in causes for m in ([g] if g.lower_ in POLICE_WORDS else _modifier_agents(g))]
    return found


def _modifier_agents(noun: Token) -> list[Token]:
    """A country, pronoun or police word modifying an event noun: "Russia's attack", "police firing"."""
    return [c for c in noun.children
            if c.dep_ in ("poss", "amod", "compound") and (_countryish(c) or c.lower_ in POLICE_WORDS)]


def actor_from_phrase(tok: Token, family: str, places: Sequence[PlaceMention]) -> Actor | None:
    span = phrase(tok)
    country = _country_in(span, places) or _resolve_pronoun(tok)
    words = {t.lower_ for t in span}
    kind = _kind(words, tok, family, country)
    text = core_phrase(tok).text.strip()
    if country is None:
        if tok.ent_type_ in ("ORG", "PERSON", "NORP") or kind in GROUP_KINDS:
            return Actor(name=_clean(span.text), country=None, kind=kind, text=text)
        return None
    return Actor(name=_acled_name(kind, country), country=country.alpha3, kind=kind, text=text)


def _kind(words: set[str], tok: Token, family: str, country: Country | None) -> str | None:
    if words & POLICE_WORDS:
        return "police"
    if words & PROTESTER_WORDS:
        return "protesters"
    if words & GANG_WORDS:
        return "armed group"
    if words & REBEL_WORDS:
        return "rebel group"
    if words & lx.ARMED_WORDS:
        return "state forces" if country else "armed group"
    if words & GOVERNMENT_WORDS:
        return "government"
    if words & lx.CIVILIAN_WORDS:
        return "civilians"
    if country is not None:  # "Russia's attack", "Russian drones": a country acting by force is its army
        return "state forces" if family in lx.VIOLENT else "government"
    return "organisation" if tok.ent_type_ == "ORG" else None


def placed(actor: Actor | None, country: Country | None) -> Actor | None:
    """Protesters, civilians and unnamed armed groups with no nationality in the text take the country of
    the place where they acted, as ACLED names them ("Protesters (Georgia)")."""
    if actor is None or country is None or actor.country is not None or actor.kind not in GROUP_KINDS:
        return actor
    if actor.kind == "rebel group" and actor.text and actor.text[:1].isupper():
        return actor  # a named group ("M23 rebels") keeps its own name
    return Actor(name=_acled_name(actor.kind, country), country=country.alpha3, kind=actor.kind, text=actor.text)


def _acled_name(kind: str | None, country: Country) -> str:
    return {
        "state forces": f"Military Forces of {country.name}",
        "police": f"Police Forces of {country.name}",
        "government": f"Government of {country.name}",
        "protesters": f"Protesters ({country.name})",
        "civilians": f"Civilians ({country.name})",
        "rebel group": f"Rebel group ({country.name})",
        "armed group": f"Unidentified Armed Group ({country.name})",
    }.get(kind or "", f"Government of {country.name}")


def _country_in(span: Span, places: Sequence[PlaceMention]) -> Country | None:
    for ent in span.ents:
        if ent.label_ in ("NORP", "GPE", "ORG", "LOC"):
            country = country_of(ent.text)
            if country is not None:
                return country
    for tok in span:
        country = country_of(tok.text) if tok.pos_ in ("PROPN", "ADJ") else None
        if country is not None:
            return country
    for mention in places:  # "Donetsk region authorities": the place's country
        if span.start_char <= mention.start < span.end_char and mention.place and mention.place.country:
            return country_by_alpha2(mention.place.country)
    return None


def _resolve_pronoun(tok: Token) -> Country | None:
    """'Moscow said its forces…', 'Its overnight drone attack…': the nearest earlier country mention."""
    pronoun = next((t for t in phrase(tok) if t.lower_ in PRONOUNS), None)
    if pronoun is None:
        return None
    return _previous_country(pronoun.doc, pronoun.i)


def _previous_country(doc: Doc, before: int) -> Country | None:
    sent_start = doc[before].sent.start
    window_start = max(0, sent_start - 80)
    ents = [e for e in reversed(doc.ents) if window_start <= e.start < before and e.label_ in ("GPE", "NORP", "ORG")]
    # the one who speaks or acts is what "its" points back to ("The Russian ministry said ... Ukrainian drones
    # ... its units"): a country in a subject first, then the nearest one
    for ent in [e for e in ents if _in_subject(e.root)] + ents:
        # "The Russian Defence Ministry": an organisation named with its country
        country = country_of(ent.text) or next((c for t in ent if t.pos_ in ("ADJ", "PROPN")
                                                and (c := country_of(t.text)) is not None), None)
        if country is not None:
            return country
    return None


def _in_subject(tok: Token) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in (tok, *tok.ancestors))


def _countryish(tok: Token) -> bool:
    return tok.lower_ in PRONOUNS or tok.ent_type_ in ("NORP", "GPE", "ORG") or country_of(tok.text) is not None


def _people_or_force(tok: Token) -> bool:
    words = {t.lower_ for t in phrase(tok)}
    return bool(words & (lx.ARMED_WORDS | lx.CIVILIAN_WORDS | PROTESTER_WORDS)) or tok.ent_type_ in (
        "PERSON", "NORP", "ORG")


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,.;:\"'")


def armed_subject(tok: Token, actor: Actor | None) -> bool:
    """'local fighters detained several men': the one detaining, the verb's own subject, is an armed group."""
    if actor is None or actor.kind not in ("armed group", "rebel group") or not actor.text:
        return False
    return any(c.dep_ == "nsubj" and actor.text in tok.doc[c.left_edge.i : c.right_edge.i + 1].text
               for c in tok.children)


# Who holds a state's arms: taking ground back for the state is Government regains territory.
STATE_FORCE_WORDS = frozenset({"army", "military", "soldiers", "soldier", "troops", "troop", "government",
                               "marines", "navy", "police", "gendarmes", "gendarmerie", "commandos", "regime",
                               "junta", "security", "loyalist", "loyalists", "pro-government"})
NON_STATE_WORDS = REBEL_WORDS | GANG_WORDS | frozenset({"group", "groups", "islamist", "islamists", "extremists",
                                                        "opposition", "movement", "faction", "factions"})
TERRITORIAL = ("Non-state actor overtakes territory", "Government regains territory")


def territory_sub(sub: str | None, actor1: Actor | None, country: str | None,
                  taker: Span | None = None, loser: Span | None = None) -> str | None:
    """ACLED: a government retaking its own territory vs anyone else (rebels, militants, a foreign army) taking
    it. Who took it decides (`taker`, the doer's words); else from whom it was taken (`loser`: 'recaptured the
    village from the rebels' is the state's, 'seized the base from government forces' is not)."""
    if sub not in TERRITORIAL:
        return sub
    # the doer read as actor1 is no taker where the text names only who lost the ground ('the rebels retreated')
    side = _side(taker, actor1 if taker is not None or loser is None else None)
    if side is None and loser is not None:
        lost = _side(loser, None)
        side = _side(taker, actor1) if lost is None else ("non-state" if lost == "state" else "state")
    if side == "non-state":
        return TERRITORIAL[0]
    own = country_by_alpha2(country) if country else None
    if actor1 is not None and actor1.country is not None and own is not None and own.alpha3 != actor1.country:
        return TERRITORIAL[0]  # a foreign army is no government here
    if side == "state" or (actor1 is not None and own is not None and own.alpha3 == actor1.country):
        return TERRITORIAL[1]
    return sub


SERVING = frozenset({"loyal", "allied", "affiliated", "linked", "close"})


def _side(words_of: Span | None, actor: Actor | None) -> str | None:
    """'state' for a state's forces, 'non-state' for rebels, militants, gangs and named armed groups."""
    kind = actor.kind if actor is not None else None
    words = {t.lower_ for t in words_of} if words_of is not None else set()
    if actor is not None and actor.text:
        words |= set(actor.text.lower().split())
    if words_of is not None:  # "forces loyal to the internationally recognised government", "sources affiliated
        # to the militants": the side served
        words |= {w.lower_ for c in words_of.root.children if c.lower_ in SERVING for w in c.subtree}
    if words and words <= PRONOUNS | {"they", "them", "we", "he", "she"}:
        return None  # "they have taken control": whose side a pronoun stands for is not read here
    if words & NON_STATE_WORDS:
        return "non-state"
    if words & STATE_FORCE_WORDS:
        return "state"  # "the army", "government troops": a state's forces, whether or not it is named
    if kind in ("rebel group", "armed group", "protesters", "civilians"):
        return "non-state"
    if kind in ("state forces", "police"):
        return "state"
    return None


def territory_parties(trigger: Token) -> tuple[Span | None, Span | None]:
    """The words of the one who took the ground (the verb's subject or agent) and of the one it was taken
    from ('from the Syrian army'); of a list of takers the first ('the army and allied fighters' is the
    army's gain), and without the clauses that describe them ('militants backed by Ankara')."""
    taker = None
    for child in trigger.children:
        if child.dep_ in ("nsubj", "agent"):
            head = child if child.dep_ == "nsubj" else next((g for g in child.children if g.dep_ == "pobj"), None)
            if head is not None:
                taker = _own_words(head)
                break
    if taker is not None and len(taker) == 1 and taker[0].pos_ == "PRON" and trigger.dep_ == "ccomp":
        # "the military confirmed it regained the town": the pronoun is the speaker who claims the gain
        speaker = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
        taker = _own_words(speaker) if speaker is not None and speaker.pos_ != "PRON" else taker
    if taker is None and trigger.pos_ == "VERB":  # "took the village after recapturing the oilfields"
        subj = subject_of(trigger)
        taker = _own_words(subj) if subj is not None else None
    if trigger.lemma_.lower() in WITHDRAW_LEMMAS:
        # "most of the rebels had retreated from the town after troops stormed it": who withdraws lost the ground
        subj = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
        return None, (trigger.doc[subj.left_edge.i : subj.right_edge.i + 1] if subj is not None else taker)
    loser = None
    for tok in trigger.subtree:
        clear = tok.lower_ == "of" and tok.head.i == trigger.i and trigger.lemma_.lower() in CLEAR_HEADS
        if tok.dep_ != "prep" or not (tok.lower_ == "from" or clear) or _in_clause(tok, trigger):
            continue
        obj = next((g for g in tok.children if g.dep_ == "pobj"), None)
        if obj is not None:
            loser = _own_words(obj)
            break
    return taker, loser


CLEAR_HEADS = frozenset({"clear", "free", "liberate", "rid", "purge", "cleanse"})  # "cleared the town of militants"


def _in_clause(tok: Token, top: Token) -> bool:
    """`tok` lies in a clause of its own under `top` ('days after it was seized from the army')."""
    for anc in tok.ancestors:
        if anc.i == top.i:
            return False
        if anc.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp"):
            return True
    return False


def _own_words(head: Token) -> Span:
    """The noun phrase up to its head and its own modifiers, without conjuncts and clauses after it."""
    doc = head.doc
    end = head.i
    for child in head.children:
        if child.i > head.i and child.dep_ in ("compound", "flat", "appos", "nmod") and child.right_edge.i > end:
            end = child.right_edge.i
    return doc[head.left_edge.i : end + 1]


WITHDRAW_LEMMAS = frozenset({"withdraw", "retreat", "abandon", "evacuate", "leave", "vacate"})
FIGHT_WORDS = frozenset({"fighting", "fight", "fought", "clashes", "clash", "clashed", "battle", "battles", "assault",
                         "killed", "storm", "stormed", "heavy", "fierce", "shelling", "airstrikes", "strikes"})


def handed_over(sub: str | None, trigger: Token) -> str | None:
    """'entered the town after Kurdish forces pulled out', 'recaptured Palmyra after the army withdrew': ground
    taken once the other side left, with no fighting told, is ACLED's Non-violent transfer of territory."""
    if sub not in TERRITORIAL:
        return sub
    sent = trigger.sent
    words = {t.lower_ for t in sent}
    left = any(_withdrawal(t) and t.i != trigger.i and any(a.dep_ == "advcl" or a.lower_ == "after"
                                                           for a in (t, *t.ancestors)) for t in sent)
    return "Non-violent transfer of territory" if left and not words & FIGHT_WORDS else sub


def _withdrawal(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")}  # "pulled out (of the city)"
    return tok.pos_ == "VERB" and (lemma in WITHDRAW_LEMMAS or (lemma == "pull" and bool(particles & {"out", "back"})))
