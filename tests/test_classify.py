"""The event classifier: heads, saving, the shipped model on sentences written for these tests,
how its reading combines with the rules, and `eventwire train` run for real."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from eventwire.classify.apply import apply_prediction
from eventwire.classify.features import hashed_words
from eventwire.classify.labels import ACLED_LABELS, NONE
from eventwire.classify.model import Prediction, load_heads, predict_rows, save_heads
from eventwire.pipeline import ArticleResult
from eventwire.records import Article, Event
from eventwire.records.coding import Coding

pytest.importorskip("sklearn", reason="the classifier needs the model extra: pip install 'eventwire[model]'")


def _toy() -> tuple[np.ndarray, list[str]]:
    rng = np.random.default_rng(0)
    x = np.vstack([rng.normal(loc, 0.1, size=(20, 4)) for loc in (0.0, 3.0, -3.0)])
    return x, ["Grenade"] * 20 + ["Arrests"] * 20 + [NONE] * 20


def test_softmax_head_learns_and_keeps_its_whole_vocabulary() -> None:
    from eventwire.classify.heads import fit_softmax

    x, y = _toy()
    head = fit_softmax("acled", x, y, ACLED_LABELS, c=1.0, seed=1)
    probs = head.proba(x)
    assert probs.shape == (60, len(ACLED_LABELS))
    assert np.allclose(probs.sum(axis=1), 1.0)
    top = [ACLED_LABELS[i] for i in probs.argmax(axis=1)]
    assert top == y
    unseen = ACLED_LABELS.index("Chemical weapon")  # no training row: must never win
    assert probs[:, unseen].max() < 1e-6


def test_heads_survive_saving_and_loading(tmp_path: Path) -> None:
    from eventwire.classify.heads import fit_sigmoid, fit_softmax

    x, y = _toy()
    heads = {"acled": fit_softmax("acled", x, y, ACLED_LABELS, 1.0, 1),
             "police": fit_sigmoid("police", x, [("ARREST",) if lb == "Arrests" else () for lb in y],
                                   ("KILL", "ARREST", "FORCE"), 1.0, 1, [n % 3 for n in range(60)])}
    save_heads(tmp_path, heads, {"threshold": 0.6})
    loaded, manifest = load_heads(tmp_path)
    assert manifest["threshold"] == 0.6
    before, after = predict_rows(heads, x), predict_rows(loaded, x)
    assert [p.top("acled")[0] for p in before] == [p.top("acled")[0] for p in after]
    assert [p.said["police"] for p in before] == [p.said["police"] for p in after]
    assert sum("ARREST" in p.said["police"] for p in after) == 20


def test_hashed_words_are_stable_and_normalised() -> None:
    a = hashed_words(["A grenade was thrown at the patrol."])
    b = hashed_words(["A grenade was thrown at the patrol."])
    assert np.array_equal(a, b)
    assert abs(float(np.linalg.norm(a)) - 1.0) < 1e-6
    assert not np.array_equal(a, hashed_words(["Shares rose in early trading."]))


def _pred(acled: dict[str, float]) -> Prediction:
    return Prediction({"acled": {lb: acled.get(lb, 0.0) for lb in ACLED_LABELS}}, {})


def test_a_sure_classifier_retypes_and_a_doubtful_one_flags() -> None:
    coding = Coding("strike", "Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT",
                    "explosives", 0.75)
    sure = apply_prediction(coding, _pred({"Air/drone strike": 0.8, NONE: 0.05}), threshold=0.5)
    assert sure.coding.sub_event_type == "Air/drone strike"
    assert sure.coding.event_type == "Explosions/Remote violence"
    assert not sure.low_confidence and sure.confidence == pytest.approx(0.95)
    doubtful = apply_prediction(coding, _pred({"Air/drone strike": 0.3, "Shelling/artillery/missile attack": 0.25,
                                               NONE: 0.45}), threshold=0.6)
    assert doubtful.coding.sub_event_type == "Shelling/artillery/missile attack"  # the rules stand
    assert doubtful.low_confidence and doubtful.confidence == pytest.approx(0.55)
    weak = Coding("kill", "Violence against civilians", "Attack", "ASSAULT", "firearms", 0.6)
    preferred = apply_prediction(weak, _pred({"Remote explosive/landmine/IED": 0.3, "Attack": 0.1}), threshold=0.5)
    assert preferred.coding.sub_event_type == "Remote explosive/landmine/IED"  # a clear preference over weak rules


@pytest.fixture(scope="module")
def classifier():
    from eventwire.classify.model import load_classifier

    model = load_classifier()
    if model is None:
        pytest.skip("the shipped classifier needs the model extra: pip install 'eventwire[model]'")
    return model


@pytest.mark.parametrize(("sentence", "label"), [
    ("Unknown attackers hurled a grenade into a crowded tea shop, wounding six customers.", "Grenade"),
    ("A roadside bomb tore through an army truck on the highway, killing four soldiers.",
     "Remote explosive/landmine/IED"),
    ("Police detained eleven activists outside the governor's office on Friday.", "Arrests"),
    ("The midfielder scored a stunning goal as the visitors won the derby.", NONE),
])
def test_shipped_classifier_reads_sentences(classifier, sentence: str, label: str) -> None:
    [pred] = classifier.predict([sentence])
    assert pred.top("acled")[0] == label


def test_sport_is_below_the_threshold_and_a_bombing_above(classifier) -> None:
    sport, bomb = classifier.predict(["The striker's late shot sealed a 2-1 win for the visitors.",
                                      "A car bomb exploded outside a police station in Kabul on Tuesday, "
                                      "killing nine people, officials said."])
    assert sport.event_probability("acled") < classifier.threshold <= bomb.event_probability("acled")


def _events(pipeline, text: str) -> list[Event]:
    [result] = list(pipeline.process([Article(id="t", text=text, published=date(2024, 6, 12))]))
    assert isinstance(result, ArticleResult)
    return list(result.events)


def test_pipeline_events_carry_the_flag(pipeline) -> None:
    if pipeline.classifier is None:
        pytest.skip("no classifier installed: the rules work alone")
    [event] = _events(pipeline, "A car bomb exploded outside a police station in Kabul on Tuesday, "
                                "killing nine people, officials said.")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    record = event.to_dict()
    assert record["low_confidence"] is False and record["confidence"] >= pipeline.classifier.threshold
    assert Event.from_dict(record).to_dict() == record
    assert Event.from_dict({**record, "low_confidence": True}).low_confidence


def test_air_strikes_in_a_ground_battle_are_one_battle(pipeline) -> None:
    events = _events(pipeline, "Government troops battled rebels for control of the hill near Goma on Monday "
                               "as fighter jets bombed rebel positions.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_train_is_reproducible_and_lists_its_data(cli, tmp_path: Path) -> None:
    pytest.importorskip("sentence_transformers")
    runs = []
    for n in (1, 2):
        out = tmp_path / f"model{n}"
        done = cli("train", "--shared", str(tmp_path / "no-shared-data"), "--out", str(out))
        assert done.returncode == 0, done.stderr
        runs.append(out)
    manifest = json.loads((runs[0] / "manifest.json").read_text())
    own = {f["name"]: f for f in manifest["data"]}  # every data/training/*.jsonl, no shared data
    assert own["codebook-examples.jsonl"]["rows"] > 100 and "codebook-confusions.jsonl" in own
    assert all(len(f["sha256"]) == 64 for f in own.values())
    assert manifest["seed"] and 0.0 < manifest["threshold"] < 1.0
    assert (runs[0] / "manifest.json").read_text() == (runs[1] / "manifest.json").read_text()
    a, b = np.load(runs[0] / "heads.npz"), np.load(runs[1] / "heads.npz")
    assert all(np.array_equal(a[k], b[k]) for k in a.files)


def test_a_foreign_army_taking_a_village_is_no_government_regaining_it(pipeline) -> None:
    events = _events(pipeline, "Russian troops captured the village of Novomykhailivka in Ukraine's Donetsk "
                               "region on Monday, the defence ministry in Moscow said.")
    taken = [e for e in events if e.event_type == "Battles"]
    assert [e.sub_event_type for e in taken] == ["Non-state actor overtakes territory"]
