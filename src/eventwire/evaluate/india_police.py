"""`eventwire eval india-police`: IndiaPoliceEvents sentence labels KILL, ARREST, FORCE (by police).

Sentence-level precision, recall and F1 of the classifier's police head (one yes/no per label, each
cut chosen by an inner cross-validation on the training folds), over every sentence of the articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.classify.data import read_india_police
from eventwire.classify.evaluation import score
from eventwire.classify.labels import POLICE_LABELS


@dataclass(frozen=True, slots=True)
class IndiaPoliceReport:
    sentences: int
    per_label: dict[str, tuple[float, float, float, int]]
    how: str

    def table(self) -> str:
        lines = [f"IndiaPoliceEvents, {self.sentences} sentences ({self.how})",
                 f"  {'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
        lines += [f"  {lb:<8} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}" for lb, (p, r, f, n) in self.per_label.items()]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"sentences": self.sentences, "how": self.how,
                "per_label": {k: {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": n}
                              for k, (p, r, f, n) in self.per_label.items()}}


def evaluate_india_police(data: Path, limit: int | None = None,
                          gazetteer_path: Path | None = None) -> IndiaPoliceReport:
    sents = data / "sents.jsonl" if data.is_dir() else data
    scored = score(sents, lambda: read_india_police(sents.parent), "police", limit)
    per_label = {}
    for lb in POLICE_LABELS:
        gold = [lb in (e.police or ()) for e in scored.examples]
        pred = [lb in p.said["police"] for p in scored.predictions]
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p and not g)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per_label[lb] = (prec, rec, 2 * tp / (2 * tp + fp + fn) if tp else 0.0, sum(gold))
    return IndiaPoliceReport(len(scored.examples), per_label, scored.how)
