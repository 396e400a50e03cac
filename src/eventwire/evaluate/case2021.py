"""`eventwire eval case2021`: CASE 2021 task 2 snippets typed with ACLED's 25 sub-event types.

Sub-task 1 scores the rows whose gold is one of the 25 ACLED types (weighted, macro and micro F1
over those types); the 5 other types (disasters, organised crime, diplomacy, attribution) should
get no ACLED type, and the share that wrongly does is reported beside.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.classify.data import read_case2021
from eventwire.classify.evaluation import f1_table, per_type_dict, per_type_lines, require_classifier, score
from eventwire.classify.labels import NONE
from eventwire.evaluate.case2021_e2e import EndToEnd, end_to_end


@dataclass(frozen=True, slots=True)
class Case2021Report:
    rows: int
    weighted_f1: float
    macro_f1: float
    micro_f1: float
    per_type: dict[str, tuple[float, float, float, int]]
    non_acled_rows: int
    non_acled_typed: float  # share of the 5 non-ACLED types given an ACLED type
    how: str
    non_acled_confident: float = 0.0  # ... with an event probability at or above the threshold
    acled_confident: float = 0.0  # share of the ACLED rows at or above it (not flagged)
    threshold: float = 0.0
    end_to_end: EndToEnd | None = None  # snippets through the extract path (None: no detector installed)

    def table(self) -> str:
        lines = [f"CASE 2021 sub-task 1 ({self.rows} rows with an ACLED gold type; {self.how})",
                 f"  weighted F1 {self.weighted_f1:.3f}   macro F1 {self.macro_f1:.3f}   micro F1 {self.micro_f1:.3f}",
                 f"  non-ACLED rows given an ACLED type: {self.non_acled_typed:.1%} of {self.non_acled_rows}; "
                 f"above the threshold {self.threshold:.2f}: {self.non_acled_confident:.1%} "
                 f"(ACLED rows above it: {self.acled_confident:.1%})"]
        if self.end_to_end is not None:
            e = self.end_to_end
            lines += [f"  end to end ({e.rows} snippets through extract, most confident event; {e.how})",
                      f"    weighted F1 {e.weighted_f1:.3f}   macro F1 {e.macro_f1:.3f}   "
                      f"snippets with no ACLED event: {e.no_event}",
                      f"    the detector alone (top sub-type): weighted F1 {e.detector_weighted_f1:.3f}   "
                      f"macro F1 {e.detector_macro_f1:.3f}"]
            lines += ["    most frequent errors (gold -> end to end; 'none': no ACLED event):"]
            lines += [f"      {k:3d}  {g} -> {p}" for g, p, k in e.confusions]
        return "\n".join(lines + per_type_lines(self.per_type, "sub-event type", 40))

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "weighted_f1": round(self.weighted_f1, 4), "macro_f1": round(self.macro_f1, 4),
                "micro_f1": round(self.micro_f1, 4), "non_acled_rows": self.non_acled_rows,
                "non_acled_typed": round(self.non_acled_typed, 4), "how": self.how,
                "threshold": self.threshold, "non_acled_confident": round(self.non_acled_confident, 4),
                "acled_confident": round(self.acled_confident, 4),
                "per_type": per_type_dict(self.per_type),
                "end_to_end": None if self.end_to_end is None else {
                    "rows": self.end_to_end.rows, "weighted_f1": round(self.end_to_end.weighted_f1, 4),
                    "macro_f1": round(self.end_to_end.macro_f1, 4), "no_event": self.end_to_end.no_event,
                    "detector_weighted_f1": round(self.end_to_end.detector_weighted_f1, 4),
                    "detector_macro_f1": round(self.end_to_end.detector_macro_f1, 4), "how": self.end_to_end.how,
                    "confusions": [{"gold": g, "predicted": p, "count": k}
                                   for g, p, k in self.end_to_end.confusions]}}


def evaluate_case2021(data: Path, limit: int | None = None, gazetteer_path: Path | None = None,
                      baseline: bool = True) -> Case2021Report:
    """The classifier alone (cross-validated where it trained on this file) and, beside it, the end-to-end
    figure (evaluate.case2021_e2e); `--no-baseline` skips the classifier-only figure's retraining."""
    e2e = end_to_end(data, read_case2021(data)[:limit] if limit else read_case2021(data), gazetteer_path)
    if not baseline and e2e is not None:
        return Case2021Report(e2e.rows, e2e.detector_weighted_f1, e2e.detector_macro_f1, 0.0, {}, 0, 0.0,
                              "classifier-only figure skipped (--no-baseline); detector alone shown",
                              end_to_end=e2e)
    scored = score(data, lambda: read_case2021(data), "acled", limit)
    rows = list(zip(scored.examples, scored.predictions, strict=True))
    # sub-task 1 types snippets known to hold one of the 25 events (its systems never answer "none")
    acled = [(e.acled or NONE, p.top("acled", some_event=True)[0]) for e, p in rows if e.acled != NONE]
    others = [p.top("acled")[0] for e, p in rows if e.acled == NONE]
    cut = require_classifier().threshold
    confident = {g: [p.event_probability("acled") >= cut for e, p in rows if (e.acled == NONE) == g]
                 for g in (True, False)}
    gold, pred = [g for g, _ in acled], [p for _, p in acled]
    labels = sorted(set(gold))
    table = f1_table(gold, pred, labels)
    total = len(gold) or 1
    return Case2021Report(
        rows=len(gold),
        weighted_f1=sum(f * n for _, _, f, n in table.values()) / total,
        macro_f1=sum(f for _, _, f, _ in table.values()) / (len(table) or 1),
        micro_f1=_micro_f1(acled),
        per_type=table,
        non_acled_rows=len(others),
        non_acled_typed=sum(1 for p in others if p != NONE) / (len(others) or 1),
        how=scored.how,
        non_acled_confident=sum(confident[True]) / (len(confident[True]) or 1),
        acled_confident=sum(confident[False]) / (len(confident[False]) or 1),
        threshold=cut,
        end_to_end=e2e,
    )


def _micro_f1(pairs: list[tuple[str, str]]) -> float:
    """Over the 25 types: a wrong type is a false positive and a false negative, 'none' only the latter."""
    tp = sum(1 for g, p in pairs if g == p)
    fp = sum(1 for g, p in pairs if g != p and p != NONE)
    fn = sum(1 for g, p in pairs if g != p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
