"""`eventwire eval india-police`: IndiaPoliceEvents labels KILL, ARREST, FORCE (by police).

Three figures, each a precision, recall and F1 per label:
- sentences: the classifier's police head on every sentence of the articles (one yes/no per label, each cut
  chosen by an inner cross-validation on the training folds);
- documents, from that head: an article is positive for a label when any of its sentences is;
- documents, end to end: each article's text through the extract path (as `eventwire extract` reads it),
  its events mapped to the labels. The detector is not trained on IndiaPoliceEvents, so no article scored
  here was seen in training.

An article's gold label is the union of its sentences' labels (KILL implies FORCE in this set's coding).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.classify.labels import POLICE_LABELS
from eventwire.records import Event

PerLabel = dict[str, tuple[float, float, float, int]]  # label -> (precision, recall, F1, gold count)

# ACLED sub-types whose actor is the police or another force acting on protesters or detainees.
FORCE_SUB_TYPES = frozenset({"Excessive force against protesters", "Protest with intervention"})
VIOLENT_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"})


@dataclass(frozen=True, slots=True)
class IndiaPoliceReport:
    sentences: int
    per_label: PerLabel
    how: str
    documents: int = 0
    doc_from_sentences: PerLabel | None = None
    documents_from_sentences: int = 0
    doc_end_to_end: PerLabel | None = None

    def table(self) -> str:
        lines = [f"IndiaPoliceEvents, {self.sentences} sentences ({self.how})", *_rows(self.per_label)]
        if self.doc_from_sentences is not None:
            lines += [f"documents ({self.documents_from_sentences}), positive when any sentence is (the same head)",
                      *_rows(self.doc_from_sentences)]
        if self.doc_end_to_end is not None:
            lines += [f"documents ({self.documents}), end to end: article text through extract, events mapped "
                      "to labels", *_rows(self.doc_end_to_end)]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"sentences": self.sentences, "how": self.how, "per_label": _dict(self.per_label),
                               "documents": self.documents}
        if self.doc_from_sentences is not None:
            out["documents_from_sentences"] = _dict(self.doc_from_sentences)
        if self.doc_end_to_end is not None:
            out["documents_end_to_end"] = _dict(self.doc_end_to_end)
        return out


def _rows(per_label: PerLabel) -> list[str]:
    return [f"  {'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}",
            *(f"  {lb:<8} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}" for lb, (p, r, f, n) in per_label.items())]


def _dict(per_label: PerLabel) -> dict[str, Any]:
    return {k: {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": n}
            for k, (p, r, f, n) in per_label.items()}


def prf(gold: Sequence[bool], pred: Sequence[bool]) -> tuple[float, float, float, int]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, 2 * tp / (2 * tp + fp + fn) if tp else 0.0, sum(gold)


def police_labels(events: Iterable[Event]) -> set[str]:
    """The IndiaPoliceEvents labels an article's events amount to: an arrest is ARREST whoever made it
    (ACLED codes arrests by state authorities); FORCE needs the police acting with violence, or a protest
    met by force; KILL is such force with deaths."""
    labels: set[str] = set()
    for event in events:
        if event.modality != "asserted":
            continue
        if event.sub_event_type == "Arrests" or (event.plover and event.plover.mode == "arrest"):
            labels.add("ARREST")
        by_police = event.actor1 is not None and event.actor1.kind == "police"
        force = event.sub_event_type in FORCE_SUB_TYPES or (by_police and event.event_type in VIOLENT_TYPES)
        if force:
            labels.add("FORCE")
            if event.fatalities:
                labels.add("KILL")
    return labels


def evaluate_india_police(data: Path, limit: int | None = None,
                          gazetteer_path: Path | None = None) -> IndiaPoliceReport:
    folder = data.parent if data.is_file() else data
    gold_docs = _gold_documents(folder / "sents.jsonl")
    doc_ids = sorted(gold_docs)[:limit] if limit else sorted(gold_docs)
    gold = {lb: [lb in gold_docs[d] for d in doc_ids] for lb in POLICE_LABELS}
    found = _end_to_end(folder, doc_ids, gazetteer_path)
    e2e = {lb: prf(gold[lb], [lb in found[d] for d in doc_ids]) for lb in POLICE_LABELS}
    sentences, per_label, from_sentences, how = _sentence_head(folder, limit, gold_docs)
    return IndiaPoliceReport(sentences, per_label, how, len(doc_ids), from_sentences[1] if from_sentences else None,
                             from_sentences[0] if from_sentences else 0, e2e)


def _gold_documents(sents: Path) -> dict[int, set[str]]:
    out: dict[int, set[str]] = defaultdict(set)
    with sents.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[int(rec["doc_id"])] |= {lb for lb in rec["sent_labels"] if lb in POLICE_LABELS}
    return out


def _end_to_end(folder: Path, doc_ids: Sequence[int], gazetteer_path: Path | None) -> dict[int, set[str]]:
    from eventwire.ingest.fields import record_to_article
    from eventwire.pipeline import ArticleResult, open_pipeline

    dates: dict[int, date | None] = {}
    with (folder / "metadata.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            dates[int(rec["doc_id"])] = date.fromisoformat(rec["date"]) if rec.get("date") else None
    texts: dict[int, str] = {}
    with (folder / "docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts[int(rec["doc_id"])] = rec["doc_text"]
    # Each document as the JSONL reader hands it on (page chrome such as share bars cut): what users get.
    articles = [record_to_article({"id": f"ipe-{d}", "text": texts[d],
                                   "published": (day.isoformat() if (day := dates.get(d)) else None)},
                                  f"docs.jsonl:{d}") for d in doc_ids]
    found: dict[int, set[str]] = {d: set() for d in doc_ids}
    for result in open_pipeline(gazetteer_path).process(articles):
        if isinstance(result, ArticleResult):
            found[int(result.article.id.removeprefix("ipe-"))] = police_labels(result.events)
    return found


def _sentence_head(folder: Path, limit: int | None, gold_docs: dict[int, set[str]]
                   ) -> tuple[int, PerLabel, tuple[int, PerLabel] | None, str]:
    """The classifier's police head, sentence by sentence and aggregated to documents; empty figures with a
    reason when the older classifier (the `[model]` extra) is not installed."""
    from eventwire.classify.data import read_india_police
    from eventwire.classify.evaluation import score
    from eventwire.errors import ModelNotInstalled

    sents = folder / "sents.jsonl"
    try:
        scored = score(sents, lambda: read_india_police(folder), "police", limit)
    except ModelNotInstalled:
        return 0, {}, None, "sentence head not measured: the classifier needs pip install 'eventwire[model]'"
    per_label = {}
    by_doc: dict[int, set[str]] = defaultdict(set)
    for example, prediction in zip(scored.examples, scored.predictions, strict=True):
        by_doc[int(example.group.removeprefix("india:"))] |= set(prediction.said["police"])
    for lb in POLICE_LABELS:
        per_label[lb] = prf([lb in (e.police or ()) for e in scored.examples],
                            [lb in p.said["police"] for p in scored.predictions])
    docs = sorted(by_doc)
    from_sentences = {lb: prf([lb in gold_docs.get(d, set()) for d in docs], [lb in by_doc[d] for d in docs])
                      for lb in POLICE_LABELS}
    # with --limit the last document may be cut short; the count says how many documents the figure covers
    return len(scored.examples), per_label, (len(docs), from_sentences), scored.how
