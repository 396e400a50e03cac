"""The detector's output record: where an event is told in the Doc and how it is coded."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.records.coding import Coding


@dataclass(frozen=True, slots=True)
class Trigger:
    i: int  # token index of the trigger in the Doc
    coding: Coding
    absorbed: tuple[int, ...] = ()  # other trigger tokens folded into this event (e.g. "hit" by "strike")
