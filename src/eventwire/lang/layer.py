"""The Ukrainian and Russian layer as the pipeline calls it: one article in, events, place mentions
and time mentions out, in the same records as the English path."""

from __future__ import annotations

from dataclasses import replace

from eventwire.geo.gazetteer import Gazetteer
from eventwire.lang import cues as c
from eventwire.lang.events import ArticleView, build_events
from eventwire.lang.parties import Source, find_source
from eventwire.lang.places import find_places
from eventwire.lang.text import Sentence, sentences
from eventwire.lang.typing_rules import CueTyper, SentenceTyper
from eventwire.records import Article, Event, PlaceMention, TimeMention
from eventwire.timex.tagger import tag_times


def read_article(article: Article, language: str, gazetteer: Gazetteer,
                 typer: SentenceTyper | None = None) -> tuple[list[Event], list[PlaceMention], list[TimeMention]]:
    article = article if article.language == language else replace(article, language=language)
    sents = sentences(article.text)
    places = find_places(article.text, sents, gazetteer, article.id)
    times = tag_times(article.text, article.published, article.id, language=language)
    lead = " ".join(s.text for s in sents[:3])
    view = ArticleView(article, sents, places, times, _lead_source(sents), _lead_weapon(lead))
    typings = (typer or CueTyper()).type_sentences([s.text for s in sents])
    return build_events(view, typings), places, times


def _lead_source(sents: list[Sentence]) -> Source | None:
    for s in sents[:6]:
        found = find_source(s.text)
        if found is not None and found.kind != "media":
            return found
    for s in sents[:6]:
        found = find_source(s.text)
        if found is not None:
            return found
    return None


def _lead_weapon(lead: str) -> str | None:
    air, shell = c.first(c.AIR, lead), c.first(c.SHELLING, lead)
    if air and not shell:
        return "Air/drone strike"
    if shell and not air and not c.has(r"обстріл|обстрел|атак|удар", shell.group(0)):
        return "Shelling/artillery/missile attack"
    return None
