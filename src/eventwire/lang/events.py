"""Events from a Ukrainian or Russian article: each sentence the typer marks becomes one event per
place it names (a list of hromadas hit is one strike each); casualty and damage sentences without an
event of their own attach to the event before them; mentions of one event are merged."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from eventwire.extract.merging import summarize
from eventwire.lang import cues as c
from eventwire.lang.casualties import Toll, no_victims, toll_in
from eventwire.lang.parties import Source, attacker, attribution, find_source, speaker_side
from eventwire.lang.text import Sentence
from eventwire.lang.typing_rules import Typing
from eventwire.records import Article, DateSpan, Event, Evidence, Location, PlaceMention, Plover, SourceRef, TimeMention
from eventwire.records.taxonomy import ACLED_SUB_TO_TYPE, PLOVER_FOR_ACLED
from eventwire.timex.event_dates import event_date

_FAMILY = {"Air/drone strike": "strike", "Shelling/artillery/missile attack": "strike",
           "Remote explosive/landmine/IED": "strike", "Armed clash": "clash", "Attack": "attack"}
_VIOLENT_TOLL = frozenset({"strike", "attack", "clash"})
_STRIKES = ("Air/drone strike", "Shelling/artillery/missile attack")


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    sentences: Sequence[Sentence]
    places: Sequence[PlaceMention]
    times: Sequence[TimeMention]
    lead_source: Source | None  # the first source the article names: posts quote it throughout
    weapon: str | None  # the sub-type the headline and lead name a weapon for


def build_events(view: ArticleView, typings: Sequence[Sequence[Typing]]) -> list[Event]:
    events: list[Event] = []
    last: list[Event] = []  # the events of the last sentence that had any
    typings = _without_background(view, typings)
    for n, (sent, types) in enumerate(zip(view.sentences, typings, strict=True)):
        types = types or _continued_strike(view, sent, last)
        if not types:
            if last and c.has(c.CASUALTY + "|" + c.DAMAGE + "|" + c.INCIDENT, sent.text):
                attached = [_with_toll(_placed(e, _settlements_in(view, sent)), sent, view.article.id)
                            for e in last]
                events = [attached[last.index(e)] if e in last else e for e in events]
                last = attached
            continue
        weapon = next((e.sub_event_type for e in last if e.sub_event_type in _STRIKES), None) or view.weapon
        made = [e for t in _refined(types, sent, weapon) for e in _events_for(view, n, sent, t)]
        if made:
            events += made
            last = made
    if any(e.sub_event_type in _STRIKES for e in events):
        # a civilian killed by a strike is the strike's toll, not a separate Attack
        events = [e for e in events if e.sub_event_type != "Attack"]
    return _merge_all(events)


def _continued_strike(view: ArticleView, sent: Sentence, last: Sequence[Event]) -> list[Typing]:
    """"Росіяни скинули 8 КАБів. Били по районах Стариці та Липців.": a sentence that opens with a strike
    word ("Били по", "Удари припали на"), right after a strike, names where that strike fell. A tally that
    merely mentions attacks ("Понад 60 атак пережила громада") tells no strike of its own."""
    weapon = next((e.sub_event_type for e in last if e.sub_event_type in _STRIKES), None)
    opening = " ".join(sent.text.split()[:2])
    if weapon is None or not c.has(c.STRIKE, opening) or not _settlements_in(view, sent):
        return []
    return [Typing(weapon, 0.55, cue="the strike told just before")]


def _refined(types: Sequence[Typing], sent: Sentence, weapon: str | None) -> list[Typing]:
    """A strike word with no weapon takes the weapon of the strike told just before, else the one the
    headline and lead name ("ворог завдав удари" in a story about a drone attack is a drone strike)."""
    out = []
    for t in types:
        if t.sub_event_type in _STRIKES and not c.has(c.AIR + "|" + c.SHELLING, sent.text) and weapon:
            t = replace(t, sub_event_type=weapon)
        out.append(t)
    return out


_LASTING = ("Armed clash", "Non-state actor overtakes territory", "Government regains territory")


def _without_background(view: ArticleView, typings: Sequence[Sequence[Typing]]) -> list[list[Typing]]:
    """Fighting and captures told with an earlier year ("захоплений у лютому 2022 року", "бои велись с
    конца 2022 года") are the war's background, not this report's events."""
    published = view.article.published
    out = []
    for sent, types in zip(view.sentences, typings, strict=True):
        years = [int(y) for y in re.findall(r"(?<!\d)(20[0-3]\d|19\d\d)(?!\d)", sent.text)]
        old = any(published is None or y < published.year for y in years)
        out.append([t for t in types if not (old and t.sub_event_type in _LASTING)])
    return out


def _events_for(view: ArticleView, n: int, sent: Sentence, typing: Typing) -> list[Event]:
    sub = typing.sub_event_type
    if sub is None:
        return []
    here = [p for p in view.places if sent.start <= p.start < sent.end and p.place is not None
            and not _is_source_name(view.article.text, p)]
    specific = [p for p in here if p.place is not None and p.place.precision < 3]
    named = [p for p in specific if not (p.reason or "").startswith("Cyrillic raion")]
    specific = named or specific  # "у Троїцькій громаді Павлоградського району": the hromada, not the raion
    chosen: list[PlaceMention | None] = list(_unique(specific or here)) or [_fallback_place(view, n)]
    source = find_source(sent.text) or view.lead_source
    out = []
    for mention in chosen:
        area = mention.place.country if mention and mention.place else None
        speaker = speaker_side(source, view.article.language or "", _source_area(view, source, area))
        family = _FAMILY.get(sub, "other")
        said_by = source.text if source is not None and source.text in sent.text else None
        actor1 = (attacker(sent.text, speaker, area, family, said_by) if family != "other" or "territory" in sub
                  else None)
        sub_final = _territory(sub, actor1, area)
        when = event_date(view.times, trigger=(sent.start, sent.end), clause=(sent.start, sent.end),
                          sentence=(sent.start, sent.end), published=view.article.published,
                          text=view.article.text)
        summary = c.has(c.DAY_SUMMARY, sent.text) and (mention is None or mention.place is None
                                                       or mention.place.precision == 3)
        toll = Toll(None, None) if summary else toll_in(sent.text)
        fatalities = toll.fatalities if family in _VIOLENT_TOLL else None
        if fatalities is None and family == "strike" and (no_victims(sent.text) or c.has(c.DAMAGE, sent.text)
                                                          or toll.injuries):
            fatalities = 0
        plover_type, mode = PLOVER_FOR_ACLED.get(sub_final, (typing.plover, None)) if sub_final else (None, None)
        event = Event(
            id=_event_id(view.article.id, sent.start, sub_final, mention),
            event_type=ACLED_SUB_TO_TYPE.get(sub_final or ""), sub_event_type=sub_final,
            plover=Plover(plover_type, mode) if plover_type else None, modality="asserted", date=when,
            actor1=actor1, actor2=None,
            location=Location(mention.place, mention.text) if mention and mention.place else None,
            fatalities=fatalities, injuries=toll.injuries if family in _VIOLENT_TOLL else None,
            attribution=attribution(source, speaker, actor1, sub_final, area),
            evidence=(Evidence(view.article.id, sent.start, sent.end, sent.text),),
            sources=(SourceRef(view.article.id, view.article.title, _iso(view.article.published),
                               view.article.url, view.article.source),),
            confidence=typing.probability,
        )
        out.append(replace(event, summary=summarize(event)))
    return out


def _territory(sub: str, actor: object, area: str | None) -> str:
    """ACLED: a government retaking its own territory, or anyone else (a foreign army) taking it."""
    from eventwire.lang.parties import RUSSIA, UKRAINE
    if sub not in ("Non-state actor overtakes territory", "Government regains territory") or area is None:
        return sub
    own = (actor is UKRAINE and area == "UA") or (actor is RUSSIA and area == "RU")
    return "Government regains territory" if own else "Non-state actor overtakes territory"


def _is_source_name(text: str, p: PlaceMention) -> bool:
    """"Дніпропетровської ОВА", "губернатор Белгородской области": the region names who speaks."""
    before = text[max(0, p.start - 30):p.start].lower()
    after = text[p.end:p.end + 30].lower()
    return (c.has(r"ова\b|ода\b|обласн\w* (?:військов|державн)|військов\w* адміністрац|военн\w* администрац|гва\b"
                  r"|міськрад|горсовет|міськ\w* (?:рад|військов)", after[:25])
            # a resident who tells what she saw lives there; "жители Белгорода" as a crowd are where they act
            or c.has(r"губернатор\w*|голов\w*|глав\w*|очільник\w*|начальник\w*|жител(?!и\b|і\b)\w*|"
                     r"мешкан(?!ці\b)\w*", before[-20:]))


def _fallback_place(view: ArticleView, n: int) -> PlaceMention | None:
    """No place in the sentence: the nearest place named in the two sentences before it, else the place
    the headline or lead names, else none."""
    for k in range(n - 1, max(-1, n - 3), -1):
        s = view.sentences[k]
        if len(s.text.split()) <= 4:
            continue  # a dateline ("Київ • УНН") or a section heading
        here = [p for p in view.places if s.start <= p.start < s.end and p.place is not None
                and not _is_source_name(view.article.text, p)]
        if here:
            return here[-1]
    dateline = _dateline_place(view)
    if dateline is not None:
        return dateline
    sources = [p for p in view.places if p.place is not None and _is_source_name(view.article.text, p)
               and p.place.precision == 3]
    return sources[0] if sources else None  # the region of the administration that reports it


def _dateline_place(view: ArticleView) -> PlaceMention | None:
    """"Херсон. Російський дрон скинув вибухівку ...": a post that opens with a place name alone, ended by a
    full stop or a colon, is about that place. An agency's dateline ("Київ • УНН") names where it writes."""
    if not view.sentences:
        return None
    first = view.sentences[0]
    if len(first.text.split()) > 2 or not first.text.rstrip().endswith((".", ":")):
        return None
    return next((p for p in view.places if first.start <= p.start < first.end and p.place is not None), None)


def _source_area(view: ArticleView, source: Source | None, area: str | None) -> str | None:
    """The country a regional source governs: where its region lies, else where the event is."""
    if source is None:
        return area
    near = [p for p in view.places if p.place is not None and _is_source_name(view.article.text, p)]
    return near[0].place.country if near and near[0].place else area


def _unique(mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        assert m.place is not None
        if m.place.name not in seen:
            seen.add(m.place.name)
            out.append(m)
    return out


def _settlements_in(view: ArticleView, sent: Sentence) -> list[PlaceMention]:
    return [p for p in view.places if sent.start <= p.start < sent.end and p.place is not None
            and p.place.precision < 3 and not _is_source_name(view.article.text, p)]


def _placed(event: Event, settlements: Sequence[PlaceMention]) -> Event:
    """A follow-up sentence that names one settlement inside the oblast an event was placed in ("В результате
    атаки ... в Белгородской области погибла женщина. Инцидент произошел в селе X") says where it was."""
    where = event.location.place if event.location is not None else None
    inside = [m for m in _unique(settlements) if where is not None and where.precision == 3
              and m.place is not None and m.place.admin1 == where.admin1]
    if len(inside) != 1 or inside[0].place is None:
        return event
    return replace(event, location=Location(inside[0].place, inside[0].text))


def _with_toll(event: Event, sent: Sentence, article_id: str) -> Event:
    if _FAMILY.get(event.sub_event_type or "") not in _VIOLENT_TOLL:
        return event
    toll = toll_in(sent.text)
    fatalities = _max(event.fatalities, toll.fatalities)
    if fatalities is None and (no_victims(sent.text) or c.has(c.DAMAGE, sent.text)):
        fatalities = 0
    return replace(event, fatalities=fatalities, injuries=_max(event.injuries, toll.injuries),
                   evidence=event.evidence + (Evidence(article_id, sent.start, sent.end, sent.text),))


def _merge_all(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for e in events:
        for i, kept in enumerate(merged):
            if _same(kept, e):
                merged[i] = _merge(kept, e)
                break
        else:
            merged.append(e)
    return merged


def _same(a: Event, b: Event) -> bool:
    if a.sub_event_type != b.sub_event_type:
        return False
    if a.date and b.date and (a.date.end < b.date.start or b.date.end < a.date.start):
        return False
    if a.location is None or b.location is None:
        return True
    pa, pb = a.location.place, b.location.place
    if pa.name == pb.name:
        return True
    # an oblast, or a front sector (precision 2), holds the villages of the same oblast it is told with;
    # the country an attack was aimed at holds the places in it that were hit
    coarse = pa if pa.precision > pb.precision else pb
    return pa.precision != pb.precision and (pa.admin1 == pb.admin1 or (coarse.feature == "country"
                                                                        and pa.country == pb.country))


def _merge(a: Event, b: Event) -> Event:
    keep, other = (b, a) if (a.location is None or (b.location is not None and b.location.place.precision
                                                      < a.location.place.precision)) else (a, b)
    date_ = _narrower(keep.date, other.date)
    # a region's toll ("in the oblast five were killed") sums its places' events: a village's own toll stands
    regional = (other.location is not None and keep.location is not None
                and other.location.place.precision > keep.location.place.precision)
    fatalities = keep.fatalities if regional and keep.fatalities is not None else _max(keep.fatalities,
                                                                                        other.fatalities)
    injuries = keep.injuries if regional and keep.injuries is not None else _max(keep.injuries, other.injuries)
    merged = replace(keep, date=date_, actor1=keep.actor1 or other.actor1, fatalities=fatalities, injuries=injuries,
                     evidence=a.evidence + tuple(e for e in b.evidence if e not in a.evidence),
                     attribution=keep.attribution if keep.attribution.status != "unattributed" else other.attribution,
                     confidence=min(0.95, max(a.confidence, b.confidence) + 0.05))
    return replace(merged, summary=summarize(merged))


def _narrower(a: DateSpan | None, b: DateSpan | None) -> DateSpan | None:
    if a is None or b is None:
        return a or b
    if (a.text is None) != (b.text is None):
        return a if a.text is not None else b
    return a if (a.end - a.start) <= (b.end - b.start) else b


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _event_id(article_id: str, offset: int, sub: str | None, mention: PlaceMention | None) -> str:
    where = mention.place.name if mention and mention.place else ""
    digest = hashlib.sha256(f"{article_id}\x1f{offset}\x1f{sub}\x1f{where}".encode()).hexdigest()[:16]
    return f"ev-{digest}"


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
