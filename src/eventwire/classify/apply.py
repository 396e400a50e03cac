"""Combine the classifier's reading of a sentence with the rules' coding of its trigger.

The rules find the trigger and everything hung on the parse (actors, place, date, modality); the
classifier decides the type where it is sure and gives every event its confidence: the probability
that the sentence reports an event of that taxonomy at all. Below the manifest's threshold the
event is kept but flagged low-confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from eventwire.classify.labels import plover_for_schema
from eventwire.classify.model import Prediction
from eventwire.records.coding import Coding
from eventwire.records.taxonomy import ACLED_SUB_TO_TYPE, PLOVER_FOR_ACLED

# The classifier overrides the rules' sub-type when it is sure (RETYPE_SURE), or when it clearly prefers
# another type (at least RETYPE_RATIO times the rules' type) over a trigger the rules read weakly: a
# 26-way softmax spreads its mass, so a clear winner often holds well under half of it; below RETYPE_FLOOR
# it is no winner ("The Russians also targeted the village": a quarter of the mass on territory capture).
RETYPE_SURE = 0.5
RETYPE_RATIO = 2.0
RETYPE_FLOOR = 0.3
WEAK_RULE = 0.8  # rule strengths below this came from context, not from a weapon or act named outright


@dataclass(frozen=True, slots=True)
class Typed:
    coding: Coding
    confidence: float
    low_confidence: bool


def apply_prediction(coding: Coding, pred: Prediction, threshold: float) -> Typed:
    if coding.event_type is not None and "acled" in pred.scores:
        return _acled(coding, pred, threshold)
    if coding.plover_type is not None and "plover" in pred.scores:
        return _plover(coding, pred, threshold)
    return Typed(coding, coding.strength, False)


def _acled(coding: Coding, pred: Prediction, threshold: float) -> Typed:
    p_event = pred.event_probability("acled")
    label, p = pred.top("acled", some_event=True)
    ruled = pred.scores["acled"].get(coding.sub_event_type or "", 0.0)
    # within one ACLED type (peaceful protest vs protest with intervention) the rules read the next
    # sentence too, which the sentence classifier cannot: there it needs to be sure
    same_type = ACLED_SUB_TO_TYPE.get(label) == coding.event_type
    prefers = p >= RETYPE_FLOOR and p >= RETYPE_RATIO * ruled and coding.strength < WEAK_RULE and not same_type
    if label != coding.sub_event_type and (p >= RETYPE_SURE or prefers):
        mode = PLOVER_FOR_ACLED.get(label, (None, None))
        coding = replace(coding, event_type=ACLED_SUB_TO_TYPE[label], sub_event_type=label,
                         plover_type=mode[0], plover_mode=mode[1])
    return Typed(coding, p_event, p_event < threshold)


def _plover(coding: Coding, pred: Prediction, threshold: float) -> Typed:
    p_event = pred.event_probability("plover")
    label, p = pred.top("plover")
    schema_type = plover_for_schema(label)
    if schema_type is not None and p >= RETYPE_SURE and schema_type != coding.plover_type:
        coding = replace(coding, plover_type=schema_type, plover_mode=None)
    return Typed(coding, p_event, p_event < threshold)
