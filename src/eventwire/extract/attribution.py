"""According to whom: the reporting or perceiving verb that governs an event, and its subject."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.extract import lexicon as lx
from eventwire.extract.countries import country_by_alpha2, country_of
from eventwire.extract.spans import core_phrase, ends_sentence
from eventwire.records import Actor, Attribution
from eventwire.records.event import AttributionStatus

# Words that make a source an authority: it speaks for a state, an armed group or an institution.
AUTHORITY_WORDS = frozenset({
    "ministry", "minister", "military", "army", "armed", "forces", "command", "commander", "headquarters", "hq",
    "militia", "police", "governor", "mayor", "office", "official", "officials", "authorities", "administration",
    "government", "spokesman", "spokeswoman", "spokesperson", "president", "kremlin", "jfo", "staff", "general",
    "prosecutor", "service", "services", "guard", "republic", "dpr", "lpr", "lnr", "council", "chief", "head",
    "leader", "defence", "defense", "emergency", "emergencies", "operational", "operations", "troops",
    "force", "navy", "sbu", "fsb", "rma", "ova", "oda", "gendarmerie", "directorate",
})
# Triggers that tell of a side's own success or of the enemy's losses: a side saying so is claiming.
GAIN_WORDS = frozenset({"capture", "seize", "take", "liberate", "destroy", "defeat", "repel", "repulse", "lose",
                        "loss", "losses", "blow", "eliminate", "down", "shoot", "intercept", "advance",
                        "liquidate", "liquidation", "elimination"})
DISMISS_VERBS = frozenset({"dismiss", "refute", "reject", "debunk"})  # a side denying a report speaks too
_GOVERNING_VERBS = lx.SPEECH_VERBS | lx.PERCEPTION_VERBS | DISMISS_VERBS
BACK_REFERENCES = frozenset({"this", "that", "it", "attack", "strike", "strikes", "toll", "report", "reports",
                             "deaths", "death", "casualties", "incident", "shelling", "figures", "information"})
NEWS_AGENCIES = frozenset({"afp", "reuters", "ap", "tass", "interfax", "ria", "xinhua", "bbc", "cnn",
                           "ukrinform", "anadolu", "efe", "dpa", "ansa", "kyodo", "yonhap", "aljazeera"})


_EVENT_LEMMAS = frozenset(lx.VERB_FAMILIES) | frozenset(lx.NOUN_FAMILIES) | {
    "kill", "die", "dead", "wound", "injure", "injured", "wounded", "damage", "destroy", "hit", "explosion",
    "drone", "missile", "shelling", "casualty", "victim"}


@dataclass(frozen=True, slots=True)
class Source:
    """Who says so, and with which verb (Doc-free, so the event builder can decide the status)."""

    verb: str  # lemma of the reporting or perception verb
    who: str
    text: str  # from the source's first word to the verb
    country: str | None  # alpha-3 of a party to the conflict, when the source is one
    kind: str  # "witness", "media", "party" (names a country), "authority", "person"


def find_source(trigger: Token) -> Source | None:
    """The nearest governing 'said'/'claimed'/'heard'/'according to', a journalist who saw it, a headline's
    trailing '- Ukraine military', else a source named around the sentence ('The ministry said:' before it,
    'The governor confirmed the attack.' after it)."""
    for verb in trigger.ancestors:
        lemma = verb.lemma_.lower()
        if verb.pos_ in ("VERB", "AUX") and lemma in _GOVERNING_VERBS:
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in ("i", "we", "you")]
            agent = _agent(verb)  # "this was reported by the head of the regional administration"
            subjects = subjects or ([agent] if agent is not None else [])
            # '…, says operational command': a speaker after the verb is the one who says it
            subj = next((c for c in subjects if c.i > verb.i), subjects[0] if subjects else None)
            if _reported_as(trigger, verb):
                return None  # 'a soldier reported killed': the subject is what is reported, not who says it
            if (subj is not None and not subj.left_edge.i <= trigger.i <= subj.right_edge.i
                    and subj.lemma_.lower() not in _EVENT_LEMMAS):
                return _source(lemma, subj, verb)  # (a subject holding the event is a misparse, not a source)
    sent = trigger.sent
    return (_according_to(sent) or _witness_in(sent) or _trailing_source(sent) or _source_before(sent)
            or _source_after(sent))


def attribution_for(source: Source | None, actor1: Actor | None, location_country: str | None,
                    article_source: str | None, trigger_lemma: str = "", actor2: Actor | None = None,
                    defensive: bool = False, violent: bool = False) -> Attribution:
    """ARCHITECTURE.md statuses: witnessed, official (an authority about its own side), claimed (a party about
    its own gains or the enemy's losses), reported (media), unattributed."""
    if source is None:
        if article_source:
            return Attribution(status="reported", source=article_source, text=None)
        return Attribution(status="unattributed", source=None, text=None)
    status = _status(source, actor1, actor2, location_country, trigger_lemma, violent)
    if defensive and status == "claimed" and source.verb != "claim" and (
            source.country is None or location_country is None or _alpha3(location_country) == source.country):
        status = "official"  # an air force or ministry telling what its air defence stopped over its own land
    return Attribution(status=status, source=source.who, text=source.text)


def _status(source: Source, actor1: Actor | None, actor2: Actor | None, location_country: str | None,
            trigger_lemma: str, violent: bool = False) -> AttributionStatus:
    if source.kind == "witness" or source.verb in lx.PERCEPTION_VERBS:
        return "witnessed"
    if source.kind == "media":
        return "reported"
    if source.verb == "claim":
        return "claimed"
    if source.kind not in ("party", "authority"):
        return "reported"
    own_side = source.country is not None and (
        (actor2 is not None and actor2.country == source.country)
        or (location_country is not None and _alpha3(location_country) == source.country))
    own_action = source.country is not None and actor1 is not None and actor1.country == source.country
    if own_action and (trigger_lemma in GAIN_WORDS or (actor2 is not None and actor2.country != source.country)):
        return "claimed"  # a side speaking of its own forces' actions against the other side, or its gains
    if trigger_lemma in GAIN_WORDS and not own_side:
        return "claimed"  # "Over 250 servicemen lost … - Russian Defense Ministry": the enemy's losses
    if actor2 is not None and actor2.country and source.country and actor2.country != source.country:
        return "claimed"  # a party speaking about the other side's losses
    if own_side and violent:
        return "official"  # "Ukraine's military said Russia struck Odesa": an authority about its own land
    named = [a.country for a in (actor1, actor2) if a is not None and a.country]
    if source.country and named and source.country not in named:
        return "reported"  # "Saudi mediators said Sudan's army …": a third party relays what others did
    if source.country and location_country and _alpha3(location_country) != source.country:
        return "claimed"  # a party telling what happened on the other side's land: its strikes, its battles
    return "official"  # an authority stating what happened on its own side (or to no named other side)


def _reported_as(trigger: Token, verb: Token) -> bool:
    """'Ukrainian soldier reported killed': the trigger completes the reporting verb's subject."""
    chain = [trigger, *trigger.ancestors]
    below = next((t for t in chain if t.head.i == verb.i and t.i != verb.i), None)
    return below is not None and below.dep_ in ("xcomp", "oprd", "acomp") and below.i > verb.i


def _source(lemma: str, subj: Token, verb: Token) -> Source:
    who = core_phrase(subj)
    doc = subj.doc
    text = doc[min(who.start, verb.i) : max(who.end, verb.i + 1)].text
    return Source(verb=lemma, who=who.text.strip(), text=text, country=_party_country(who),
                  kind=_source_kind(who))


def _according_to(sent: Span) -> Source | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            obj = next((g for c in tok.children for g in c.children if g.dep_ == "pobj"), None)
            obj = obj or next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                who = core_phrase(obj)
                return Source("according", who.text.strip(), tok.doc[tok.i : who.end].text,
                              _party_country(who), _source_kind(who))
        if tok.lower_ == "as" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ in AS_TOLD:
            # "…, as reported by several NGOs": the same as "according to several NGOs"
            verb = tok.doc[tok.i + 1]
            obj = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                who = core_phrase(obj)
                return Source("according", who.text.strip(), tok.doc[tok.i : who.end].text,
                              _party_country(who), _source_kind(who))
    return None


AS_TOLD = frozenset({"reported", "stated", "confirmed", "announced", "claimed"})


def _witness_in(sent: Span) -> Source | None:
    """'…in Odesa where AFP journalists saw residents inspecting destroyed cars': journalists on the spot."""
    for tok in sent:
        if tok.lemma_.lower() in lx.PERCEPTION_VERBS and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ in lx.WITNESS_NOUNS:
                return _source(tok.lemma_.lower(), subj, tok)
    return None


def _trailing_source(sent: Span) -> Source | None:
    """A headline's source after a dash or colon at its end: '… kills three - Ukraine military',
    '… killed in rebel east: army'. Only a short phrase without a verb of its own counts."""
    headline = not ends_sentence(sent.text)
    for i in range(sent.end - 2, max(sent.start, sent.end - 9), -1):
        tok = sent.doc[i]
        # A free-standing dash (spaces around it, not the one in "large-scale") or a colon.
        separated = tok.text == ":" or (bool(tok.whitespace_) and bool(sent.doc[i - 1].whitespace_))
        if tok.text in ("-", "–", "—", ":") and separated and i > sent.start + 2:
            who = sent.doc[i + 1 : sent.end]
            while len(who) and who[-1].is_punct:
                who = who[:-1]
            if 0 < len(who) <= 7 and not any(t.pos_ in ("VERB", "AUX") for t in who):
                kind = _source_kind(who)
                if kind == "person" and headline and any(t.pos_ == "PROPN" for t in who):
                    kind = "authority"  # '- Basurin': a headline credits a named spokesman, not a bystander
                if headline or kind != "person":
                    return Source("say", who.text.strip(), sent.doc[i : who.end].text, _party_country(who),
                                  kind)
            return None
    return None


def _source_before(sent: Span) -> Source | None:
    """'The regional governor wrote on Telegram:' followed by the event: the sentence before introduces it."""
    if sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    if not before.text.rstrip().endswith(":"):
        return None
    return _speaker_of(before)


def _source_after(sent: Span) -> Source | None:
    """'The governor confirmed the attack.' right after the event: a short sentence whose main verb reports
    and whose object, if any, points back ('this', 'the attack', 'the toll')."""
    if sent.end >= len(sent.doc) or "\n\n" in sent.doc[sent.end - 1 : sent.end + 1].text_with_ws:
        return None
    after = sent.doc[sent.end].sent
    root = after.root
    if root.lemma_.lower() not in lx.SPEECH_VERBS or len(after) > 12:
        return None
    objects = [c for c in root.children if c.dep_ in ("dobj", "ccomp")]
    if any(o.dep_ == "ccomp" or o.lower_ not in BACK_REFERENCES for o in objects):
        return None
    return _speaker_of(after)


def _speaker_of(sent: Span) -> Source | None:
    root = sent.root
    subj = _speaker(root)
    if root.lemma_.lower() in lx.SPEECH_VERBS and subj is not None and subj.lower_ not in ("i", "we", "you"):
        return _source(root.lemma_.lower(), subj, root)
    return None


def _speaker(verb: Token) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in ("i", "we", "you")), None)
    return subj if subj is not None else _agent(verb)


def _agent(verb: Token) -> Token | None:
    """The speaker of a passive reporting verb: 'was reported by the governor' -> governor."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _reported_by(sent: Span) -> Source | None:
    """'This was reported by the head of the regional military administration.'"""
    root = sent.root
    told = any(c.dep_ == "nsubjpass" and c.lower_ in BACK_REFERENCES for c in root.children)
    agent = _agent(root)
    if not told or agent is None or root.lemma_.lower() not in lx.SPEECH_VERBS:
        return None
    source = _source(root.lemma_.lower(), agent, root)
    return source if source.kind in ("party", "authority") else None


def _source_line(sent: Span) -> Source | None:
    """'Source: Oleh Syniehubov, Head of Kharkiv Oblast Military Administration; …': a credit line naming
    whom the report relays (authorities and parties only)."""
    if len(sent) < 3 or sent[0].lower_ not in ("source", "sources") or sent[1].text != ":":
        return None
    end = next((t.i for t in sent[2:] if t.text in (";", "\n")), sent.end)
    who = sent.doc[sent.start + 2 : end]
    kind = _source_kind(who)
    if kind == "person" and any(t.ent_type_ == "PERSON" for t in who):
        kind = "authority"
    if kind not in ("party", "authority"):
        return None
    return Source("say", who.text.strip(), sent.text.strip(), _party_country(who), kind)


def _source_kind(who: Span) -> str:
    words = {t.lower_ for t in who}
    if words & lx.WITNESS_NOUNS:
        return "witness"
    if words & lx.MEDIA_NOUNS or words & NEWS_AGENCIES:
        return "media"
    if _party_country(who) is not None:
        return "party"
    if words & AUTHORITY_WORDS or any(t.ent_type_ == "PERSON" for t in who) or _titled_before(who):
        return "authority"  # a named official or an institution: it speaks for a side
    return "person"


def _titled_before(who: Span) -> bool:
    """'Bogomaz said' after 'The governor, Alexander Bogomaz, said': a surname whose first mention in the
    article came with an official's title."""
    names = [t for t in who if t.pos_ == "PROPN"]
    if len(names) != 1:
        return False
    doc = who.doc
    for tok in doc[: who.start]:
        if tok.text == names[0].text:
            before = doc[max(tok.sent.start, tok.i - 5) : tok.i]
            return any(t.lower_ in AUTHORITY_WORDS for t in before)
    return False


def _party_country(who: Span) -> str | None:
    if {t.lower_ for t in who} & lx.MEDIA_NOUNS:
        return None  # "Ukrainian media" report; they are not a party making a claim
    for tok in who:
        country = country_of(tok.text)
        if country is not None:
            return country.alpha3
    return None


def _alpha3(alpha2: str) -> str | None:
    country = country_by_alpha2(alpha2)
    return country.alpha3 if country else None



def article_source(doc: Doc, within: int = 12) -> Source | None:
    """The authority an article reports from: in wire and local copy the governor, military administration
    or ministry is named once ('..., the governor wrote on Telegram') and the following sentences go on in
    its voice. The first such speaker among the first sentences (only authorities and parties count) who
    speaks of violence or its toll: 'the mayor said the city would rebuild' speaks for nothing else."""
    for n, sent in enumerate(doc.sents):
        if n >= within:
            break
        credit = _source_line(sent) or _reported_by(sent)
        if credit is not None:
            return credit
        if not any(t.lemma_.lower() in _EVENT_LEMMAS for t in sent):
            continue
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in lx.SPEECH_VERBS:
                continue
            subj = _speaker(tok)
            if subj is None or subj.lemma_.lower() in _EVENT_LEMMAS:
                continue  # "An Israeli air strike …, witnesses said": a misparse makes the event the speaker
            source = _source(tok.lemma_.lower(), subj, tok)
            if source.kind in ("party", "authority"):
                return source
        trailing = _trailing_source(sent)
        if trailing is not None and trailing.kind in ("party", "authority"):
            return trailing
    return None
