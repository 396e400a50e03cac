"""According to whom: the reporting or perceiving verb that governs an event, and its subject."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.extract import lexicon as lx
from eventwire.extract.countries import country_by_alpha2, country_of
from eventwire.extract.spans import core_phrase
from eventwire.records import Actor, Attribution
from eventwire.records.event import AttributionStatus

NEWS_AGENCIES = frozenset({"afp", "reuters", "ap", "tass", "interfax", "ria", "xinhua", "bbc", "cnn",
                           "ukrinform", "anadolu", "efe", "dpa", "ansa", "kyodo", "yonhap", "aljazeera"})


@dataclass(frozen=True, slots=True)
class Source:
    """Who says so, and with which verb (Doc-free, so the event builder can decide the status)."""

    verb: str  # lemma of the reporting or perception verb
    who: str
    text: str  # from the source's first word to the verb
    country: str | None  # alpha-3 of a party to the conflict, when the source is one
    kind: str  # "witness", "media", "party", "person"


def find_source(trigger: Token) -> Source | None:
    """The nearest governing 'said'/'claimed'/'heard'/'according to', else a journalist who saw it."""
    for verb in trigger.ancestors:
        lemma = verb.lemma_.lower()
        if verb.pos_ in ("VERB", "AUX") and lemma in lx.SPEECH_VERBS | lx.PERCEPTION_VERBS:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in ("i", "we", "you"):
                return _source(lemma, subj, verb)
    return _according_to(trigger.sent) or _witness_in(trigger.sent)


def attribution_for(source: Source | None, actor1: Actor | None, location_country: str | None,
                    article_source: str | None) -> Attribution:
    """ARCHITECTURE.md statuses: witnessed, official (a side about itself), claimed, reported, unattributed."""
    if source is None:
        if article_source:
            return Attribution(status="reported", source=article_source, text=None)
        return Attribution(status="unattributed", source=None, text=None)
    status: AttributionStatus
    if source.kind == "witness" or source.verb in lx.PERCEPTION_VERBS:
        status = "witnessed"
    elif source.kind == "media":
        status = "reported"
    elif source.verb == "claim":
        status = "claimed"
    elif source.country and actor1 is not None and actor1.country == source.country:
        status = "claimed"  # a party speaking of its own forces' actions or gains
    elif source.country and location_country and _alpha3(location_country) == source.country:
        status = "official"  # an authority stating what happened on its own side
    elif source.kind == "party":
        status = "claimed"
    else:
        status = "reported"
    return Attribution(status=status, source=source.who, text=source.text)


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
    return None


def _witness_in(sent: Span) -> Source | None:
    """'…in Odesa where AFP journalists saw residents inspecting destroyed cars': journalists on the spot."""
    for tok in sent:
        if tok.lemma_.lower() in lx.PERCEPTION_VERBS and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ in lx.WITNESS_NOUNS:
                return _source(tok.lemma_.lower(), subj, tok)
    return None


def _source_kind(who: Span) -> str:
    words = {t.lower_ for t in who}
    if words & lx.WITNESS_NOUNS:
        return "witness"
    if words & lx.MEDIA_NOUNS or words & NEWS_AGENCIES:
        return "media"
    if _party_country(who) is not None:
        return "party"
    return "person"


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

