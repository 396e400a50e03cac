"""What a trigger says happened: the coding that detection proposes and the classifier may revise.

It lives with the records because both extract (which finds triggers) and classify (which applies the
model's prediction to a trigger's coding) use it, and neither may import the other's internals.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Coding:
    """What a trigger says happened: ACLED type and sub-type, PLOVER type and mode."""

    family: str
    event_type: str | None
    sub_event_type: str | None
    plover_type: str | None
    plover_mode: str | None
    strength: float  # how surely the words name an event of this kind (0-1)
