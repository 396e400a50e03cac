"""Place quality through the text path, with floors a little under the figures measured on the shared
(development) halves, so that quality cannot slip silently. Slow: each suite parses its whole set.

Measured 2026-11-30 on the places branch (gazetteer format 2 with the GeoNames postal file):
- `eventwire eval ukraine-places` (UCDP rows as sentences, four forms): 0.907 within 25 km, median 1.32 km;
  per form comma 0.904, near-region 0.912, community 0.914, parenthesis 0.900;
- GeoWebNews: 0.662 within 161 km given gold spans, 0.620 end to end;
- LGL: 0.703 given gold spans, 0.555 end to end;
Re-measured 2026-11-30 on the geo2 branch (gazetteer format 3: country points moved, co-location):
- GeoWebNews 0.727 given gold spans, 0.677 end to end; LGL 0.807 given gold spans, 0.623 end to end;
- UCDP through text unchanged (0.907);
- realnews-dev place within tolerance: its floor is in test_realnews_quality.py with the other realnews figures
Re-measured 2026-11-30 after the geo4 branch (namesake ranking, hromada adjectives): GeoWebNews 0.744 / 0.693,
LGL 0.820 / 0.639; UCDP through text unchanged
Re-measured 2026-11-30 on the geo5 branch (gazetteer format 4; containers "Fresno, Calif."; towns named after
a state; English split counties; LGL and TR-News score demonym predictions, as their gold marks demonyms, and
gold spans are read with their containers): GeoWebNews 0.757 / 0.704, LGL 0.820 / 0.693 (0.639 end to end
before the demonym change alone moved it to 0.695); UCDP through text unchanged (0.909)
Re-measured 2026-11-30 on the geo6 branch (postal-code containers; places inside organisations' names;
datelines and residents of local news; hamlets named like a city of millions): GeoWebNews 0.758 / 0.715, LGL
0.822 / 0.708; UCDP through text 0.909
Re-measured 2026-11-30 on the geo7 branch (a county shortened to its bare name; "the Nenagh district" and "the
Charlotte region" read as their towns; uncounted GeoNames villages; villages named after a country; towns
dwarfed by a namesake city of half a million; party-and-home of legislators; DeKalb-style names; a town placed
once; a governor's state; bare state codes): GeoWebNews 0.760 / 0.719, LGL 0.833 / 0.717, TR-News 0.860 /
0.790 (now with a floor); UCDP through text 0.909
Re-measured 2026-11-30 on the geo8 branch (a name only one place bears; the website's country-code ending; a
village dwarfed by a well-known city elsewhere unless backed locally; a state named by its abbreviation;
townships; a town beside a county; short forms of counties and states): GeoWebNews 0.764 / 0.721, LGL 0.851 /
0.728, TR-News 0.868 / 0.790; UCDP through text 0.909
Re-measured 2026-12-01 (gazetteer format 5: land neighbours; buildings and ways in the article's town; names
repeated; regions of the world unpinned): GeoWebNews 0.787 / 0.742, LGL 0.851 / 0.740, TR-News 0.870 / 0.801;
UCDP through text 0.909
Re-measured 2026-12-01, tenth round (demonyms inside organisations' names, counties after venues, villages
spaCy reads as people, a name inside the mention's own name no evidence for it, rivers no counties):
GeoWebNews 0.787 / 0.754, LGL 0.851 / 0.744, TR-News 0.870 / 0.807; UCDP through text 0.909
Re-measured 2026-12-01, eleventh round (places the gazetteer lacks placed at the state or county written after
them, counties named with their word wherever they stand, towns before their police or mayor, datelines with
abbreviated states, hyphenated names, names a city owns): GeoWebNews 0.791 / 0.765, LGL 0.851 / 0.766,
TR-News 0.872 / 0.847; UCDP through text 0.910
Re-measured 2026-12-01, twelfth round (countries at GeoNames' own points; subdivisions at the level their
GeoNames code gives; wire datelines with their date; places inside events' names; a city of millions over a
town in a country only mentioned; schemes named after their country): GeoWebNews 0.821 / 0.799,
LGL 0.851 / 0.767, TR-News 0.901 / 0.878, GeoVirus 0.805 / 0.783; UCDP through text 0.910
Re-measured 2026-12-01, thirteenth round (a town the article tags as a place is that town inside an
organisation's name too): GeoWebNews 0.821 / 0.805, LGL 0.851 / 0.771, TR-News 0.901 / 0.880, GeoVirus
0.805 / 0.783; UCDP through text 0.910
Re-measured 2026-12-01, fourteenth round (names listed among regions are regions; England backs only its
country; "Democratic Republic of Congo"; towns named after a state; "St." spelled out; streets named after a
region abroad; "L.A."): GeoWebNews 0.821 / 0.804 (963 of 1,197), LGL 0.854 / 0.773, TR-News 0.904 / 0.883, GeoVirus
0.815 / 0.794; UCDP through text 0.910
Re-measured 2026-12-01, fifteenth round (a name no evidence for its own reading in co-location; "X City" the
town called X; transplanted pairs back less; names listed before "counties" are counties; directions before a
place; "around Australia"; no initials of old country names): GeoWebNews 0.823 / 0.806 (965 of 1,197),
LGL 0.855 / 0.785, TR-News 0.904 / 0.885, GeoVirus 0.816 / 0.796; UCDP through text 0.910
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED_DATA, need_shared

pytestmark = pytest.mark.slow


def test_ukraine_places_through_text(gazetteer_path: Path) -> None:
    from eventwire.evaluate.ukraine_places import evaluate_ukraine_places

    path = need_shared(SHARED_DATA / "eval" / "ucdp-ged-ukraine" / "events.csv")
    report = evaluate_ukraine_places(path, gazetteer_path=gazetteer_path)
    print(report.table())
    assert report.within_25km >= 0.89
    assert report.median_km is not None and report.median_km <= 2.0
    for form, score in report.by_form:
        assert score.within / score.sentences >= 0.88, form


def test_geowebnews_lgl_tr_news_and_geovirus(gazetteer_path: Path) -> None:
    from eventwire.evaluate.geoparsing import evaluate_geoparsing

    geo = SHARED_DATA / "eval" / "geoparsing"
    gwn = evaluate_geoparsing(need_shared(geo / "GWN.xml"), gazetteer_path=gazetteer_path)
    print(gwn.table())
    assert gwn.resolved_within_161 >= 0.818 and gwn.end_to_end_within_161 >= 0.80  # measured 0.823 / 0.806
    lgl = evaluate_geoparsing(need_shared(geo / "lgl.xml"), gazetteer_path=gazetteer_path)
    print(lgl.table())
    assert lgl.resolved_within_161 >= 0.85 and lgl.end_to_end_within_161 >= 0.775  # measured 0.855 / 0.785
    tr = evaluate_geoparsing(need_shared(geo / "TR-News.xml"), gazetteer_path=gazetteer_path)
    print(tr.table())
    assert tr.resolved_within_161 >= 0.895 and tr.end_to_end_within_161 >= 0.875  # measured 0.904 / 0.885
    virus = evaluate_geoparsing(need_shared(geo / "GeoVirus.xml"), gazetteer_path=gazetteer_path)
    print(virus.table())
    assert virus.resolved_within_161 >= 0.81 and virus.end_to_end_within_161 >= 0.785  # measured 0.816 / 0.796
