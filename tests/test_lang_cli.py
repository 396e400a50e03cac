"""End to end through the real CLI: an unread language is a rejection with its reason (exit 1); a
Ukrainian and an English report of one strike fuse into one stored event with both sources."""

from __future__ import annotations

import json
from pathlib import Path

UK = ("У ніч на 7 листопада російські війська атакували Одесу ударними дронами, пошкоджено житлові будинки, "
      "повідомив голова Одеської ОВА Олег Кіпер.")
EN = "Russian drones attacked Odesa overnight, damaging residential buildings, regional governor Oleh Kiper said."
ZH = "俄罗斯无人机周四凌晨袭击了乌克兰南部城市敖德萨，损坏了多栋住宅楼。"


def _line(**fields: str) -> str:
    return json.dumps(fields, ensure_ascii=False) + "\n"


def test_a_chinese_article_is_rejected_with_its_reason(cli) -> None:
    result = cli("extract", "-", stdin=_line(id="z1", published="2024-11-07", text=ZH))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "E114" in result.stderr and "language zh is not read; supported: en, uk, ru" in result.stderr


def test_a_declared_unread_language_is_rejected_even_in_latin_script(cli) -> None:
    result = cli("extract", "-", stdin=_line(id="d1", published="2024-11-07", language="de",
                                             text="Russische Drohnen griffen Odessa an."))
    assert result.returncode == 1 and "language de is not read" in result.stderr


def test_ukrainian_article_gives_an_english_coded_event(cli) -> None:
    result = cli("extract", "-", stdin=_line(id="u1", published="2024-11-07", text=UK))
    assert result.returncode == 0, result.stderr
    [event] = [json.loads(x) for x in result.stdout.splitlines()]
    assert event["sub_event_type"] == "Air/drone strike" and event["location"]["name"] == "Odesa"
    assert event["summary"].startswith("Air/drone strike by Military Forces of Russia in Odesa")


def test_ukrainian_and_english_reports_of_one_strike_fuse(cli, tmp_path: Path) -> None:
    inbox = tmp_path / "in.jsonl"
    inbox.write_text(_line(id="u1", published="2024-11-07", text=UK) + _line(id="e1", published="2024-11-07",
                                                                            text=EN) +
                     _line(id="z1", published="2024-11-07", text=ZH), encoding="utf-8")
    db = tmp_path / "events.db"
    result = cli("run", str(inbox), "--db", str(db))
    assert result.returncode == 1  # the Chinese article is rejected and counted
    assert "1 rejected" in result.stderr + result.stdout
    exported = cli("export", "--db", str(db), "--format", "jsonl")
    assert exported.returncode == 0, exported.stderr
    strikes = [e for e in map(json.loads, exported.stdout.splitlines()) if e["sub_event_type"] == "Air/drone strike"]
    assert len(strikes) == 1
    assert sorted(s["article_id"] for s in strikes[0]["sources"]) == ["e1", "u1"]


def test_places_and_times_read_ukrainian_as_extract_does(cli) -> None:
    stdin = _line(id="u1", published="2024-11-07", text=UK)
    places = [json.loads(x) for x in cli("places", "-", stdin=stdin).stdout.splitlines()]
    assert "Odesa" in [p["place"]["name"] for p in places if p["place"]], places
    assert all(p["text"] in UK for p in places)
    times = [json.loads(x) for x in cli("times", "-", stdin=stdin).stdout.splitlines()]
    # "У ніч на 7 листопада": the night before the 7th (the English tagger would find nothing here)
    assert [(t["start_date"], t["end_date"]) for t in times] == [("2024-11-06", "2024-11-07")], times


def test_places_and_times_reject_an_unread_language(cli) -> None:
    for command in ("places", "times"):
        result = cli(command, "-", stdin=_line(id="z1", published="2024-11-07", text=ZH))
        assert result.returncode == 1 and "E114" in result.stderr, (command, result.stderr)
