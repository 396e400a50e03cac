"""The seed article (read from ../shared/data at run time): 'yesterday', 'overnight', 'in 2022'."""

from __future__ import annotations

from datetime import date

from eventwire.timex import event_date, tag_times
from eventwire.timex.narrative import sentence_of, sentences
from tests.conftest import SEED, need_shared

PUB = date(2024, 11, 8)


def _body() -> str:
    # Seed format: a header line (" date 2024-11-08 Title"), a blank line, then the body.
    return need_shared(SEED).read_text(encoding="utf-8").split("\n", 2)[2]


def _event(text: str, trigger: str) -> tuple[date, date, str]:
    at = text.index(trigger)
    sent = sentence_of(sentences(text), at)
    span = event_date(tag_times(text, PUB), trigger=(at, at + len(trigger)), clause=sent, sentence=sent,
                      published=PUB, text=text)
    assert span is not None and span.rule
    return span.start, span.end, span.rule


def test_seed_expressions() -> None:
    mentions = tag_times(_body(), PUB, "seed")
    by_text: dict[str, list[str]] = {}
    for m in mentions:
        by_text.setdefault(m.text.lower(), []).append(m.value)
    assert set(by_text["yesterday"]) == {"2024-11-07"}
    assert "2022" in by_text["2022"]
    nights = [m for m in mentions if m.rule and m.rule.startswith("overnight")]
    assert len(nights) >= 2
    for night in nights:
        assert night.end_date == date(2024, 11, 7), night.rule


def test_seed_event_dates() -> None:
    text = _body()
    allowed = {date(2024, 11, 6), date(2024, 11, 7)}
    for trigger in ("drone barrage", "shooting down", "drone attack on Ukraine damaged"):
        start, end, rule = _event(text, trigger)
        assert {start, end} <= allowed, (trigger, start, end, rule)
    assert _event(text, "demanded")[:2] == (date(2024, 11, 7), date(2024, 11, 7))
    start, end, _ = _event(text, "evacuations")
    assert date(2024, 11, 7) <= start <= end <= PUB
    assert _event(text, "claimed in 2022")[0] == date(2022, 1, 1)
