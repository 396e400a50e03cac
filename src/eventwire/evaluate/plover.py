"""`eventwire eval plover`: PLOVER gold-standard sentences, event type accuracy and macro F1.

Scored in the gold's own PLOVER 2021 vocabulary (DEMAND, DISAPPROVE, FIGHT, INVESTIGATE, ...); the
event JSON maps those onto the schema's names (see `classify.labels.plover_for_schema`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.classify.data import read_plover_gsr
from eventwire.classify.evaluation import f1_table, per_type_dict, per_type_lines, score
from eventwire.classify.labels import NONE


@dataclass(frozen=True, slots=True)
class PloverReport:
    rows: int
    accuracy: float
    macro_f1: float
    per_type: dict[str, tuple[float, float, float, int]]
    how: str

    def table(self) -> str:
        lines = [f"PLOVER gold sentences ({self.rows}; {self.how})",
                 f"  type accuracy {self.accuracy:.3f}   macro F1 {self.macro_f1:.3f}"]
        return "\n".join(lines + per_type_lines(self.per_type, "type", 14))

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "accuracy": round(self.accuracy, 4), "macro_f1": round(self.macro_f1, 4),
                "how": self.how,
                "per_type": per_type_dict(self.per_type)}


def evaluate_plover(data: Path, limit: int | None = None, gazetteer_path: Path | None = None) -> PloverReport:
    scored = score(data, lambda: read_plover_gsr(data), "plover", limit)
    gold = [e.plover or NONE for e in scored.examples]
    pred = [p.top("plover", some_event=True)[0] for p in scored.predictions]  # every gold sentence holds an event
    table = f1_table(gold, pred, sorted(set(gold)))
    return PloverReport(
        rows=len(gold),
        accuracy=sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / (len(gold) or 1),
        macro_f1=sum(f for _, _, f, _ in table.values()) / (len(table) or 1),
        per_type=table, how=scored.how,
    )
