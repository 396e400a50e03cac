"""An input that could not become events, and why. Rejections are stored and counted, never dropped."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rejection:
    input: str  # path, or path:line for a record inside a file
    stage: str  # "ingest", "nlp", "extract", "store"
    code: str  # one of eventwire.errors' codes, e.g. "E101"
    reason: str  # one line a person can act on

    def to_dict(self) -> dict[str, str]:
        return {"input": self.input, "stage": self.stage, "code": self.code, "reason": self.reason}
