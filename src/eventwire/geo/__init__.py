"""Geoparsing: gazetteer build and lookup, toponym finding, resolution.

Nothing is loaded at import: the gazetteer is opened by `Gazetteer.open` (built by `ensure_gazetteer`).
"""

from __future__ import annotations

from eventwire.geo.build import (
    GazetteerStats,
    build_gazetteer,
    default_gazetteer_path,
    ensure_gazetteer,
)
from eventwire.geo.gazetteer import Candidate, Gazetteer
from eventwire.geo.resolve import places_for_doc, resolve_name
from eventwire.geo.toponyms import find_place_mentions

__all__ = [
    "Candidate", "Gazetteer", "GazetteerStats", "build_gazetteer", "default_gazetteer_path",
    "ensure_gazetteer", "find_place_mentions", "places_for_doc", "resolve_name",
]
