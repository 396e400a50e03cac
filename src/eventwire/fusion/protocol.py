"""What fusion asks of a store, and all a store may use of fusion. The store (eventwire.store.fusion_backend)
implements `FusionBackend` and imports nothing else of this package, so fusion's internals can change freely.
"""

from __future__ import annotations

from eventwire.fusion.cluster import Pair, pair
from eventwire.fusion.engine import FusionBackend, FusionSummary, fuse_pending
from eventwire.fusion.features import MAX_SPAN_DAYS, MentionKey, match_class_of
from eventwire.fusion.record import fuse_mentions

__all__ = [
    "MAX_SPAN_DAYS",  # the longest interval a mention may span and still be matched by dates
    "FusionBackend",  # what fusion reads and writes through the store
    "FusionSummary",  # what a fusion pass did
    "MentionKey",  # the indexed columns of a mention that candidate search reads
    "Pair",
    "match_class_of",  # the candidate-search class of an event (stored in the `mentions.family` column)
    "fuse_mentions",  # one event from the mentions an analyst's change groups together
    "fuse_pending",  # one incremental fusion pass over the backend
    "pair",  # a pair of mention ids in the order the store keeps it
]
