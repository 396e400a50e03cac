"""Time expressions: a rule-based TIMEX3 tagger for English news, and the date an event is given.

`tag_times` finds and resolves expressions against the publication date; `event_date` picks the
expression that governs an event. Nothing here reads the real clock: every relative expression is
resolved against the date the caller passes in.
"""

from eventwire.timex.event_dates import event_date
from eventwire.timex.tagger import tag_times

__all__ = ["event_date", "tag_times"]
