"""Combine the classifier's reading of a sentence with the rules' coding of its trigger.

The rules find the trigger and everything hung on the parse (actors, place, date, modality); the
classifier decides the type where it is sure and gives every event its confidence: the probability
that the sentence reports an event of that taxonomy at all. Below the manifest's threshold the
event is kept but flagged low-confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from eventwire.classify.labels import NONE, plover_for_schema
from eventwire.classify.model import Prediction
from eventwire.extract.detect import Coding
from eventwire.extract.taxonomy import ACLED_SUB_TO_TYPE, PLOVER_FOR_ACLED

RETYPE_MIN = 0.5  # the classifier overrides the rules' sub-type only when it is at least this sure


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
    label, p = pred.top("acled")
    if label != NONE and p >= RETYPE_MIN and label != coding.sub_event_type:
        mode = PLOVER_FOR_ACLED.get(label, (None, None))
        coding = replace(coding, event_type=ACLED_SUB_TO_TYPE[label], sub_event_type=label,
                         plover_type=mode[0], plover_mode=mode[1])
    return Typed(coding, p_event, p_event < threshold)


def _plover(coding: Coding, pred: Prediction, threshold: float) -> Typed:
    p_event = pred.event_probability("plover")
    label, p = pred.top("plover")
    schema_type = plover_for_schema(label)
    if schema_type is not None and p >= RETYPE_MIN and schema_type != coding.plover_type:
        coding = replace(coding, plover_type=schema_type, plover_mode=None)
    return Typed(coding, p_event, p_event < threshold)
