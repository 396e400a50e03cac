"""An analyst's change to a stored event: who, when, what. Revisions are never edited or deleted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

RevisionAction = Literal["update", "confirm", "delete", "restore", "merge", "split"]

# The event fields an analyst may correct, as named in the eventwire.event/1 JSON.
CORRECTABLE_FIELDS = frozenset({
    "event_type", "sub_event_type", "plover", "modality", "date", "actor1", "actor2", "location",
    "fatalities", "injuries", "attribution", "summary",
})


@dataclass(frozen=True, slots=True)
class Revision:
    id: int
    event_id: str
    at: str
    by: str
    action: RevisionAction
    field: str | None = None
    old: Any = None  # JSON values, as in the event record
    new: Any = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "event_id": self.event_id, "at": self.at, "by": self.by, "action": self.action,
                "field": self.field, "old": self.old, "new": self.new, "note": self.note}
