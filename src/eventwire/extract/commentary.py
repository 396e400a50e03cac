"""Sentences that talk about the war rather than report an event in it.

ACLED codes events: something that happened at a place on a day. Reports wrap their events in talk that
uses the same words: habits ("the region is routinely targeted by drone attacks", "trading near-daily
fire"), and summaries of the front ("Russia had made advances in all tactical directions", "seized 880
square kilometres this year", "our entire front has moved forward"). Those are not events.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.extract.spans import SENTENCE_ENDS, ends_sentence
from eventwire.records import Location

# adverbs and adjectives that make an act a habit: no one event, no one day
HABITUAL = frozenset({"routinely", "regularly", "frequently", "often", "usually", "constantly", "daily",
                      "nightly", "typically", "habitually", "sometimes", "continually", "periodically",
                      "near-daily", "almost-daily", "everyday", "incessantly"})
AREA_UNITS = frozenset({"kilometres", "kilometers", "km", "miles", "km2", "hectares"})
PERIODS = frozenset({("this", "year"), ("this", "month"), ("past", "year"), ("recent", "weeks"), ("recent", "months"),
                     ("so", "far"), ("past", "weeks"), ("past", "months"), ("last", "year")})
ADVANCE_WORDS = frozenset({"advance", "advances", "gains", "progress", "headway"})
# the sub-types a front summary is read as
GENERAL_SUBS = frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"})


def is_habitual(tok: Token) -> bool:
    """The trigger, or the verb it hangs from, is told as a habit ('routinely targeted by … attacks')."""
    chain = [tok]
    if tok.pos_ not in ("VERB", "AUX"):
        chain.extend(_up_to_verb(tok))
    verb = chain[-1]
    chain.extend(c for c in verb.children if c.dep_ == "dobj")  # "trading near-daily fire"
    if any(c.lower_ in HABITUAL and c.dep_ in ("advmod", "amod", "npadvmod") for t in chain for c in t.children):
        return True
    # "Sinaloa has been rocked for more than a year by a conflict that has left 1,700 people killed": an
    # event under a clause that spans a period is part of the period's tally.
    return any(_ongoing_since(v) for v in (verb, *verb.ancestors) if v.pos_ in ("VERB", "AUX"))


_PERIOD_NOUNS = frozenset({"year", "years", "month", "months", "week", "weeks", "decade", "decades"})


def _ongoing_since(verb: Token) -> bool:
    """'has been trading fire since October', 'has been rocked for more than a year': an activity going on
    over a period, not one event."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "been" not in aux:
        return False
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("since", "for")]
    if verb.tag_ == "VBG":
        return bool(preps)
    # passive: "has been arrested for murder" is one event; "for months" is a period
    return verb.tag_ == "VBN" and any(p.lower_ == "since" or any(o.lower_ in _PERIOD_NOUNS for o in p.subtree)
                                      for p in preps)


def is_since_clause(tok: Token) -> bool:
    """'… trading fire with Israel since Hamas attacked Israel on October 7': an event told in a 'since'
    clause is the starting point of a period, told as background, not the news."""
    for node in (tok, *tok.ancestors):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in node.children):
            return True
        if node.dep_ in ("ROOT", "ccomp", "conj") or node.dep_ == "advcl":
            return False
    return False


def is_description(tok: Token) -> bool:
    """'Mustapha Karimbe, a civilian helping the military fight the group, said ...': a verb inside the clause
    that describes a person named beside it tells who they are, not an event."""
    for node in (tok, *tok.ancestors):
        if node.dep_ in ("acl", "relcl") and node.head.dep_ == "appos" and node.head.head.pos_ == "PROPN":
            return True
        if node.dep_ in ("ROOT", "conj") and node.pos_ in ("VERB", "AUX"):
            return False
    return False


def is_question(sent: Span) -> bool:
    """'What led to violent protests in Kenya?': a question asks about events, it reports none."""
    return sent.text.rstrip().rstrip("'\"’”").endswith("?")


def is_front_summary(trigger: Token, sub_event_type: str | None, location: Location | None) -> bool:
    """'seized 880 square kilometres this year', 'made advances in all tactical directions', 'the front has
    moved forward': ground gained over a period, or progress at no named place, is a summary. An advance
    told in another clause ("Russia has taken two villages, as its forces advance") leaves the taking
    an event."""
    if sub_event_type not in GENERAL_SUBS:
        return False
    sent = trigger.sent
    words = [t.lower_ for t in sent]
    if any(w == "square" and nxt in AREA_UNITS for w, nxt in zip(words, words[1:], strict=False)) or "sq" in words:
        return True
    specific = location is not None and location.place.precision < 3 and location.place.feature != "country"
    if specific and not _over_a_period(sent):
        return False
    aside = {t.i for c in sent if c.dep_ == "advcl" and trigger not in c.subtree for t in c.subtree}
    for t in sent:
        if t.i in aside:
            continue
        if t.lemma_.lower() == "advance" and t.pos_ == "VERB" and not _to_come(t) or (
                t.lower_ in ADVANCE_WORDS and t.pos_ == "NOUN"):
            return True
        if t.lemma_.lower() == "move" and any(c.lower_ == "forward" for c in t.children):
            return True
    return False


def _to_come(verb: Token) -> bool:
    """'will advance to Al-Bab after seizing Dabiq': a move yet to come sums up no progress made."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall", "could", "may", "might")
               for c in verb.children)


def _over_a_period(sent: Span) -> bool:
    """'this year', 'in recent weeks', 'so far', 'since the start': a span of time, not a day."""
    words = [t.lower_ for t in sent]
    pairs = set(zip(words, words[1:], strict=False))
    return bool(pairs & PERIODS) or "since" in words


def _up_to_verb(tok: Token) -> list[Token]:
    out = []
    for anc in tok.ancestors:
        out.append(anc)
        if anc.pos_ in ("VERB", "AUX"):
            break
    return out


def is_absent(tok: Token) -> bool:
    """'with no sign of the truce', 'no attacks were recorded': the event is said not to exist."""
    noun = tok if tok.pos_ in ("NOUN", "PROPN") else None
    if noun is None:
        return False
    if _says_no(noun):
        return True
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and _says_no(head.head)


def _says_no(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def is_failed(tok: Token) -> bool:
    """'did not succeed in apprehending them', 'failed to capture the town': an attempt that came to nothing."""
    for anc in [tok, *tok.ancestors][:4]:
        lemma = anc.lemma_.lower()
        if anc.pos_ == "VERB" and anc is not tok and lemma == "fail":
            return True
        if lemma in ("succeed", "manage") and any(c.dep_ == "neg" for c in anc.children):
            return True
        if anc.dep_ == "ROOT":
            break
    return False


PURPOSE_VERBS = frozenset({"help", "prepare", "plan", "assist", "support", "adjust", "coordinate", "organize",
                           "organise", "facilitate", "enable", "aid"})


def is_purpose(tok: Token) -> bool:
    """'photographed a power station to help Russia with its bombardment', 'arrived to prepare explosions':
    an event named as the aim of what someone did has not happened."""
    for anc in tok.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in PURPOSE_VERBS and anc.dep_ in ("advcl", "xcomp", "acl"):
            return any(c.dep_ == "aux" and c.lower_ == "to" for c in anc.children)
        if anc.dep_ == "ROOT":
            break
    return False


_NOT_HEADLINE_ENDS = (*SENTENCE_ENDS, ":", ";", ",")  # a line ending so leads into more text
PROSE_BEFORE_LINK = 200  # characters of prose before a headline-like line inside the body
_BULLETS = ("-", "–", "—", "•", "*", "·")


def is_link_line(sent: Span) -> bool:
    """A headline standing on its own line inside the body, after the story has begun: a link to another
    story ("Gaza rescuers say 18 killed in Israeli strike on school" between two paragraphs), or a
    subheading. It tells no event of this article; the story's own headline comes before any prose."""
    text = sent.doc.text
    line = sent.text.strip()
    if not line or line.endswith(_NOT_HEADLINE_ENDS) or line.startswith(_BULLETS) or len(line.split()) < 4:
        return False
    end = sent.start_char + len(sent.text.rstrip())  # spaCy keeps the blank line after it in the span
    before, after = text[:sent.start_char].rstrip(" \t"), text[end:].lstrip(" \t")
    if not (before.endswith("\n") and after.startswith("\n") and after.strip()):
        return False  # a last line cut short ("... targeted the village of X") is the story, not a link
    # The story has begun: a few sentences of prose stand before it (a promotion line above the headline,
    # "Be among the first to get it.", does not count as the story).
    prose = sum(len(s.text) for s in sent.doc.sents
                if s.end_char <= sent.start_char and ends_sentence(s.text))
    return prose >= PROSE_BEFORE_LINK
