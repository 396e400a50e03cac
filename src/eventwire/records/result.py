"""What the per-article stages give back for one article: its events, and the place and time mentions
read on the way. Built by the English pipeline and by the Ukrainian/Russian layer alike."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.records.article import Article
from eventwire.records.event import Event
from eventwire.records.place import PlaceMention
from eventwire.records.time import TimeMention


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: Article
    events: tuple[Event, ...]
    places: tuple[PlaceMention, ...]
    times: tuple[TimeMention, ...]
