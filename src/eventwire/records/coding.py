"""How one event mention is coded: ACLED type and sub-type, PLOVER type and mode, and how sure.

Shared by extract (the rules code triggers) and classify (the detector retypes them), so it lives
with the records, below both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Coding:
    """What a trigger says happened: ACLED type and sub-type, PLOVER type and mode."""

    family: str  # a records.taxonomy.Family (a StrEnum, so plain spellings compare equal)
    event_type: str | None
    sub_event_type: str | None
    plover_type: str | None
    plover_mode: str | None
    strength: float  # how surely the words name an event of this kind (0-1)
