"""Typed records passed between pipeline stages (one module per record family)."""

from eventwire.records.article import Article
from eventwire.records.event import Actor, Attribution, Event, Evidence, Location, Plover, SourceRef
from eventwire.records.place import Place, PlaceMention
from eventwire.records.rejection import Rejection
from eventwire.records.time import DateSpan, TimeMention

__all__ = [
    "Actor", "Article", "Attribution", "DateSpan", "Event", "Evidence", "Location", "Place",
    "PlaceMention", "Plover", "Rejection", "SourceRef", "TimeMention",
]
