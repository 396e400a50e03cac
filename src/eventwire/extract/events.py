"""Assemble an article's events: triggers + actors + place + date + attribution + modality + tolls.

Input: the parsed article (Doc), the Article record, its place mentions and time mentions.
Output: Event records (`eventwire.event/1`), one per real event in the article: mentions of the
same event in one article are merged (same type, compatible date, place and actor).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from eventwire.classify.apply import Typed, apply_prediction
from eventwire.classify.detector import Detector
from eventwire.classify.model import SentenceReader
from eventwire.extract.actors import (
    actor1_for,
    actor2_for,
    actor_from_phrase,
    armed_subject,
    handed_over,
    placed,
    territory_parties,
    territory_sub,
)
from eventwire.extract.attribution import Source, article_source, attribution_for, find_source
from eventwire.extract.casualties import casualties_in
from eventwire.extract.commentary import (
    is_absent,
    is_description,
    is_failed,
    is_front_summary,
    is_habitual,
    is_link_line,
    is_purpose,
    is_question,
    is_since_clause,
)
from eventwire.extract.countries import country_by_alpha2
from eventwire.extract.crowds import armed_victims, crowd_sub, destruction_in_killing
from eventwire.extract.detect import Trigger, find_triggers
from eventwire.extract.grouping import (
    VIOLENT_TYPES,
    another_act,
    bare_blast,
    coordinated_places,
    distinct,
    in_quote,
    is_violent,
    joins,
    refers_back,
)
from eventwire.extract.locate import locate
from eventwire.extract.merging import merge, places_compatible, same_event, summarize
from eventwire.extract.modality import modality_of
from eventwire.extract.passes import later_tolls, one_per_sentence, without_region_summaries
from eventwire.extract.sentences import coding_for, combine
from eventwire.extract.settle import echoes, settle_places, shot_over
from eventwire.extract.spans import clause_of, ends_sentence
from eventwire.extract.weapons import weapon_sub
from eventwire.records import (
    Actor,
    Article,
    Attribution,
    DateSpan,
    Event,
    Evidence,
    Location,
    PlaceMention,
    Plover,
    SourceRef,
    TimeMention,
)
from eventwire.records.event import Modality
from eventwire.records.taxonomy import ACLED_SUB_TO_TYPE, FATAL_FAMILIES, INJURY_FAMILIES, PLOVER_FOR_ACLED
from eventwire.records.taxonomy import Family as F
from eventwire.timex.event_dates import event_date

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
BACKGROUND_DAYS = 90
BACKGROUND_CONFIDENCE = 0.6
NOT_LETHAL_SUBS = frozenset({"Abduction/forced disappearance", "Sexual violence", "Looting/property destruction"})
TERRITORIAL = frozenset({"Non-state actor overtakes territory", "Government regains territory"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One trigger's reading, before mentions of the same event are merged."""

    trigger_start: int
    event: Event
    anaphoric: bool  # "the shells struck…": refers back to an event already told


def extract_events(doc: Doc, article: Article, places: Sequence[PlaceMention],
                   times: Sequence[TimeMention], classifier: SentenceReader | None = None,
                   detector: Detector | None = None) -> list[Event]:
    """With a detector, every sentence is read by it (extract.sentences): it finds events no trigger
    word names, drops triggers in sentences that report none, retypes and sets the confidence. Without
    it, a classifier reads the trigger sentences only; without either the rules decide alone."""
    triggers = find_triggers(doc)
    places = sorted([*places, *echoes(doc.text, places)], key=lambda m: m.start)  # names the geoparser missed
    added: set[int] = set()
    if detector is not None:
        triggers, typed, added = combine(doc, triggers, detector)
    else:
        typed = _classify(doc, triggers, classifier)
    lead = article_source(doc)
    merged: list[Event] = []
    headline: int | None = None  # index in `merged` of an event told only by the headline so far
    headline_at: int | None = None  # its trigger's token
    pending: list[Event] = []  # back references found before any event they could refer to
    mentions = [_mention(doc, trig, article, places, times, typed.get(trig.i), lead) for trig in triggers]
    news_gain = any(m.event.sub_event_type in TERRITORIAL and not _past_perfect(doc[t.i])
                    for t, m in zip(triggers, mentions, strict=True))
    for trig, mention in zip(triggers, mentions, strict=True):
        event = mention.event
        tok = doc[trig.i]
        if news_gain and event.sub_event_type in TERRITORIAL and _past_perfect(tok):
            # 'Government troops retook Kidal. Rebels had seized the town last year': the retaking is the news,
            # the seizure told before it is its background and does not outrank it
            event = replace(event, confidence=min(event.confidence, BACKGROUND_CONFIDENCE))
        if (_is_background(event, article.published) or is_habitual(tok) or is_question(tok.sent)
                or is_since_clause(tok) or is_description(tok)
                or is_absent(tok) or is_failed(tok) or is_purpose(tok) or is_link_line(tok.sent)
                or is_front_summary(tok, event.sub_event_type, event.location)):
            continue
        if _follows(trig, doc, event, added) and _join_previous(merged, event, tok.sent):
            continue
        if (headline is not None and is_violent(event) and not another_act(doc, trig.i, headline_at)
                and places_compatible(merged[headline].location, event.location)):
            body = merge(merged[headline], event)
            merged[headline] = replace(body, event_type=event.event_type, sub_event_type=event.sub_event_type,
                                       plover=event.plover, id=event.id)
            headline = None
            continue
        if (is_violent(event) or trig.i in added) and refers_back(doc[trig.i]):
            if _join_told(merged, event):
                continue
            pending.append(event)  # told before the story: 'The aftermath of the Russian attack on Kharkiv.'
            continue
        if bare_blast(tok, event) and _join_told(merged, event, strict=True):
            continue
        if _testimony(tok, event) and _join_told(merged, event, strict=True):
            continue  # a witness retelling the strike in their words ('hit by two missiles') tells no new one
        for n, kept in enumerate(merged):
            if same_event(kept, event, ignore_dates=mention.anaphoric):
                merged[n] = merge(kept, event)
                break
        else:
            merged.append(event)
            if headline is None and not merged[:-1] and is_violent(event) and _is_headline(doc[trig.i].sent):
                headline, headline_at = len(merged) - 1, trig.i
    merged = _place_pending(merged, pending)
    settled = settle_places(doc, merged, places)
    merged = [e if w is e.location else replace(e, location=w, summary=summarize(replace(e, location=w)))
              for e, w in zip(merged, settled, strict=True)]
    merged = one_per_sentence(without_region_summaries(later_tolls(doc, merged)), merge,
                              lambda a, b: places_compatible(a.location, b.location))
    return _split_lists(doc, merged, places)


def _place_pending(merged: list[Event], pending: list[Event]) -> list[Event]:
    """Back references told before their event join the first violent event at a compatible place; the
    others stand as events of their own."""
    for event in pending:
        n = next((k for k, kept in enumerate(merged) if is_violent(kept)
                  and places_compatible(kept.location, event.location)), None)
        if n is None:
            merged.append(event)
        else:
            merged[n] = merge(merged[n], event)
    return merged


def _is_background(event: Event, published: date | None) -> bool:
    """'The RSF began fighting the army in April 2023', 'since 2017': the war's history told as context,
    dated only by a month or a year well before publication. A past event told with its own day stays."""
    when = event.date
    if when is None or published is None or when.precision not in ("month", "year"):
        return False
    return (published - when.end).days > BACKGROUND_DAYS


def _past_perfect(tok: Token) -> bool:
    """'had seized', 'had been taken over': told as before the article's own time."""
    return tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children)


def _follows(trig: Trigger, doc: Doc, event: Event, added: set[int]) -> bool:
    """A sentence that adds no event of its own: found by the detector only, or a bare 'a civilian was
    killed' (an Attack whose perpetrator is not named)."""
    return trig.i in added or (trig.coding.family == F.KILL and event.actor1 is None
                               and doc[trig.i].sent.start != 0)


def _join_previous(merged: list[Event], event: Event, sent: Span) -> bool:
    """Join the latest violent event (else the latest event) when the places agree and it is no other act."""
    if not merged:
        return False
    n = next((k for k in range(len(merged) - 1, -1, -1) if is_violent(merged[k])), len(merged) - 1)
    if event.fatalities:  # deaths told after 'killed five and abducted 50' are the killing's, not the abduction's
        n = next((k for k in range(n, -1, -1) if is_violent(merged[k])
                  and merged[k].sub_event_type not in NOT_LETHAL_SUBS), n)
    if not _headline_only(merged[n]) and distinct(merged[n], event, sent):
        return False
    joined = joins(merged[n], event, places_compatible(merged[n].location, event.location))
    if joined is None:
        return False
    if _headline_only(merged[n]) and event.sub_event_type and event.confidence >= merged[n].confidence:
        # the lead tells what the headline compresses: its reading of the kind of event stands
        joined = replace(joined, event_type=event.event_type, sub_event_type=event.sub_event_type,
                         plover=event.plover)
    merged[n] = replace(joined, summary=summarize(joined))
    return True


def _join_told(merged: list[Event], event: Event, strict: bool = False) -> bool:
    """'The attack was attributed to the ELN', 'injured as a result of Russian strikes': a violent event
    told again joins the latest violent event at a compatible place, whose sub-type (read where the
    weapon was named) stands."""
    for n in range(len(merged) - 1, -1, -1):
        kept = merged[n]
        # a reference placed only at a country ('helped Russia in the attack') names the actor, not the place
        loose = event.location is None or event.location.place.feature == "country"
        if strict and (kept.event_type != event.event_type or not _dates_meet(kept, event)):
            continue
        if is_violent(kept) and (loose or places_compatible(kept.location, event.location)):
            merged[n] = merge(kept, event)
            return True
    return False


def _testimony(tok: Token, event: Event) -> bool:
    """A violent act told inside a quotation by someone who speaks for no party (a witness, a resident)."""
    return is_violent(event) and event.attribution.status not in ("official", "claimed") and in_quote(tok)


def _dates_meet(a: Event, b: Event) -> bool:
    return not (a.date and b.date and (a.date.end < b.date.start or b.date.end < a.date.start))


def _headline_only(event: Event) -> bool:
    ev = event.evidence
    return len(ev) == 1 and ev[0].start == 0 and not ends_sentence(ev[0].text)


def _is_headline(sent: Span) -> bool:
    """The first line that reads as a sentence with no full stop; a site's name or a byline may stand above it."""
    if ends_sentence(sent.text):
        return False
    earlier = list(takewhile(lambda s: s.start < sent.start, sent.doc.sents))
    return len(earlier) <= 2 and not any(ends_sentence(s.text) for s in earlier)


def _split_lists(doc: Doc, events: list[Event], places: Sequence[PlaceMention]) -> list[Event]:
    """One event for each place of a list ("the Myropilska, Krasnopilska and Shostka communities were
    shelled"), unless the article tells that place's event on its own ("Krasnopilska hromada: shelling was
    recorded"): a summary line and its details are one event each, not two."""
    out: list[Event] = []
    for event in events:
        out.append(event)
        wheres = coordinated_places(doc, event, places)
        wheres += [w for w in shot_over(doc, event, places) if all(w.place != x.place for x in wheres)]
        for n, where in enumerate(wheres, start=1):
            copy = replace(event, id=f"{event.id}-{n}", location=where, fatalities=None, injuries=None)
            if not any(_same_place_event(other, copy) for other in events):
                out.append(replace(copy, summary=summarize(copy)))
    return out


def _same_place_event(a: Event, b: Event) -> bool:
    """The same event at the very same place (neighbouring villages of one list are two events)."""
    return (a.location is not None and b.location is not None and a.location.place.precision < 3
            and (a.location.place.name, a.location.place.country) == (b.location.place.name, b.location.place.country)
            and same_event(a, b, ignore_dates=True))


def _classify(doc: Doc, triggers: Sequence[Trigger], classifier: SentenceReader | None) -> dict[int, Typed]:
    """One batch per article: every sentence holding a trigger, embedded once."""
    if classifier is None or not triggers:
        return {}
    sents = {doc[t.i].sent.start: doc[t.i].sent for t in triggers}
    preds = dict(zip(sents, classifier.predict([s.text.strip() for s in sents.values()]), strict=True))
    return {t.i: apply_prediction(t.coding, preds[doc[t.i].sent.start], classifier.threshold) for t in triggers}


def _mention(doc: Doc, trig: Trigger, article: Article, places: Sequence[PlaceMention],
             times: Sequence[TimeMention], typed: Typed | None = None, lead: Source | None = None) -> Mention:
    tok = doc[trig.i]
    coding = typed.coding if typed else trig.coding
    sent = tok.sent
    location = locate(tok, places, verbal=coding.event_type is None)  # the article's context: settle_places
    where = country_by_alpha2(location.place.country) if location and location.place.country else None
    actor1 = placed(actor1_for(tok, coding.family, places), where)
    actor2 = placed(actor2_for(tok, coding.family, places), where)
    source = find_source(tok) or lead
    country = location.place.country if location else None
    attribution = attribution_for(source, actor1, country, article.source, tok.lemma_.lower(), actor2,
                                  defensive=coding.sub_event_type == "Disrupted weapons use",
                                  violent=coding.event_type in VIOLENT_TYPES)
    if actor1 is None and source is not None and source.kind == "party" and coding.family == "territory":
        actor1 = _speaker_as_actor(tok, places)  # "Moscow claimed the capture of…": the claimant took it
    if coding.sub_event_type == "Arrests" and armed_subject(tok, actor1):
        coding = coding_for("Abduction/forced disappearance", coding.strength)  # ACLED: only a state arrests
    # the codebook's lines drawn from who did what, after the trigger's own reading (rules or detector)
    sub = territory_sub(coding.sub_event_type, actor1, country, *territory_parties(tok))
    sub = handed_over(sub, tok)
    sub = crowd_sub(sub, tok)
    sub = armed_victims(destruction_in_killing(sub, tok), tok)
    sub = weapon_sub(sub, tok)
    if sub != coding.sub_event_type and sub is not None:
        mode = PLOVER_FOR_ACLED.get(sub, (None, None))
        coding = replace(coding, event_type=ACLED_SUB_TO_TYPE[sub], sub_event_type=sub, plover_type=mode[0],
                         plover_mode=mode[1])
    clause = clause_of(tok)
    when = event_date(_own_times(tok, times), trigger=(tok.idx, tok.idx + len(tok.text)),
                      clause=(clause.start_char, clause.end_char), sentence=(sent.start_char, sent.end_char),
                      published=article.published, text=doc.text)
    toll = casualties_in(sent)
    evidence = Evidence(article.id, sent.start_char, _trim_end(sent.text, sent.end_char),
                        sent.text.rstrip())
    event = Event(
        id=_event_id(article.id, tok.idx, coding.family),
        event_type=coding.event_type,
        sub_event_type=sub,
        plover=Plover(coding.plover_type, coding.plover_mode) if coding.plover_type else None,
        modality=_scheduled(modality_of(tok, coding.family), tok, when, article.published),
        date=when,
        actor1=actor1,
        actor2=actor2,
        location=location,
        fatalities=toll.fatalities if coding.family in FATAL_FAMILIES else None,
        injuries=toll.injuries if coding.family in INJURY_FAMILIES else None,
        attribution=attribution,
        summary=None,
        evidence=(evidence,),
        sources=(SourceRef(article.id, article.title, _iso(article.published), article.url, article.source),),
        confidence=typed.confidence if typed else _confidence(coding.strength, actor1, location, when, attribution),
        low_confidence=typed.low_confidence if typed else False,
    )
    return Mention(tok.idx, replace(event, summary=summarize(event)), _is_anaphoric(tok))


def _speaker_as_actor(tok: Token, places: Sequence[PlaceMention]) -> Actor | None:
    for gov in tok.ancestors:
        subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return actor_from_phrase(subj, "territory", places)
    return None


def _own_times(tok: Token, times: Sequence[TimeMention]) -> list[TimeMention]:
    """Time expressions minus those inside a relative clause about something else
    ('villages that the Kremlin claimed in 2022' does not date the evacuation)."""
    foreign = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in tok.sent
               if t.dep_ in ("relcl", "acl") and not (t.left_edge.i <= tok.i <= t.right_edge.i)]
    return [m for m in times if not any(a <= m.start < b for a, b in foreign)]


def _scheduled(modality: Modality, tok: Token, when: DateSpan | None, published: date | None) -> Modality:
    """'The ministers meet next week', 'next month's summit': an event told in the present or as a noun and
    dated after publication has not happened yet, so it is planned. A past-tense verb keeps its modality,
    so that a misread date on a past event still shows up (eventwire eval future-dates counts those)."""
    if (modality == "asserted" and when is not None and published is not None and when.start > published
            and tok.tag_ not in ("VBD", "VBN")):
        return "planned"
    return modality


def _is_anaphoric(tok: Token) -> bool:
    """'The attack killed…', 'the shells struck…': a definite reference to an event told before."""
    heads = [tok] if tok.pos_ in ("NOUN", "PROPN") else [c for c in tok.children if c.dep_ == "nsubj"]
    return any(any(c.dep_ == "det" and c.lower_ in DEFINITE for c in h.children) for h in heads)


def _confidence(strength: float, actor: Actor | None, location: Location | None, when: DateSpan | None,
                attribution: Attribution) -> float:
    score = strength
    score += 0.05 if actor else -0.05
    score += 0.05 if location else -0.05
    score += 0.05 if when is not None and when.text else 0.0
    score += 0.05 if attribution.status != "unattributed" else 0.0
    return max(0.05, min(0.95, score))


def _event_id(article_id: str, offset: int, family: str) -> str:
    digest = hashlib.sha256(f"{article_id}\x1f{offset}\x1f{family}".encode()).hexdigest()[:16]
    return f"ev-{digest}"


def _trim_end(text: str, end: int) -> int:
    return end - (len(text) - len(text.rstrip()))


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
