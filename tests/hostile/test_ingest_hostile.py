"""Hostile input at ingest: every record ends as an article or a rejection with its reason, never a
traceback, and never silently as part of another record."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

from eventwire.errors import REJECT_BAD_RECORD, REJECT_DATE_RANGE, REJECT_REUSED_ID
from eventwire.ingest.csvfile import parse_csv_text
from eventwire.ingest.html import _plausible
from eventwire.ingest.jsonl import parse_jsonl_lines
from eventwire.ingest.reader import read_stdin
from eventwire.ingest.seed import parse_seed_text
from eventwire.records import Article, Rejection

TEXT = "Russian drones struck a warehouse in Kyiv overnight, officials said."


def _jsonl(*records: dict[str, object]) -> list[Article | Rejection]:
    return list(parse_jsonl_lines([json.dumps(r) for r in records], "in.jsonl"))


def test_publication_dates_before_1900_or_after_tomorrow_are_rejected_with_a_reason() -> None:
    tomorrow = date.today() + timedelta(days=1)
    out = _jsonl({"id": "old", "text": TEXT, "published": "0001-01-01"},
                 {"id": "far", "text": TEXT, "published": "2999-01-01"},
                 {"id": "late", "text": TEXT, "published": (tomorrow + timedelta(days=1)).isoformat()},
                 {"id": "ok", "text": TEXT, "published": tomorrow.isoformat()},
                 {"id": "first", "text": TEXT, "published": "1900-01-01"})
    assert [r.code for r in out if isinstance(r, Rejection)] == [REJECT_DATE_RANGE] * 3
    assert [a.id for a in out if isinstance(a, Article)] == ["ok", "first"]
    assert all("1900" in r.reason for r in out if isinstance(r, Rejection))


def test_seed_files_with_absurd_dates_are_rejected_and_html_drops_an_absurd_page_date() -> None:
    for header in ("0001-01-01", "2999-12-31"):
        out = parse_seed_text(f"date {header} Title\n\n{TEXT}\n", "old.txt")
        assert isinstance(out, Rejection) and out.code == REJECT_DATE_RANGE
    assert isinstance(parse_seed_text(f"date 2024-11-08 Title\n\n{TEXT}\n", "ok.txt"), Article)
    assert _plausible(date(1, 1, 1)) is None and _plausible(date(2024, 11, 8)) == date(2024, 11, 8)


def test_lone_surrogates_and_nul_are_repaired_one_character_for_one() -> None:
    line = '{"id": "s\\ud800", "title": "T\\udfff", "text": "Kyiv \\ud800 was hit\\u0000 overnight."}'
    (article,) = parse_jsonl_lines([line], "in.jsonl")
    assert isinstance(article, Article)
    assert article.text == "Kyiv \ufffd was hit\ufffd overnight." and article.id == "s\ufffd"
    article.text.encode("utf-8")  # storable
    assert (article.title or "").encode("utf-8") == "T\ufffd".encode()


def test_lone_surrogate_on_stdin_is_read_not_a_traceback() -> None:
    stream = io.StringIO('{"text": "Shelling hit \\ud800 Kharkiv."}\n' + json.dumps({"text": TEXT}) + "\n")
    out = list(read_stdin(stream))
    assert [type(x) for x in out] == [Article, Article]


def test_a_reused_id_with_another_text_is_rejected_and_the_first_kept() -> None:
    out = _jsonl({"id": "a-1", "text": TEXT}, {"id": "a-1", "text": TEXT + " Two died."},
                 {"id": "a-1", "text": TEXT}, {"id": 7, "text": "x " + TEXT}, {"id": "7", "text": TEXT})
    assert [type(x).__name__ for x in out] == ["Article", "Rejection", "Article", "Article", "Rejection"]
    rejected = [x for x in out if isinstance(x, Rejection)]
    assert {r.code for r in rejected} == {REJECT_REUSED_ID}
    assert rejected[0].input == "in.jsonl:2"
    assert out[0].text == TEXT  # type: ignore[union-attr]


def test_a_reused_id_in_csv_is_rejected() -> None:
    out = list(parse_csv_text(f"id,text\nb-1,\"{TEXT}\"\nb-1,other words here\n", "in.csv"))
    assert [x.code for x in out if isinstance(x, Rejection)] == [REJECT_REUSED_ID]


def test_a_quote_left_open_in_csv_does_not_swallow_the_next_record() -> None:
    csv_text = f'id,text\n1,"{TEXT}\n2,"Protesters gathered in Tbilisi."\n3,Shelling hit Kharkiv.\n'
    out = list(parse_csv_text(csv_text, "in.csv"))
    articles = [x for x in out if isinstance(x, Article)]
    rejections = [x for x in out if isinstance(x, Rejection)]
    assert [a.id for a in articles] == ["2", "3"]
    assert articles[0].text == "Protesters gathered in Tbilisi."
    assert [(r.input, r.code) for r in rejections] == [("in.csv:2", REJECT_BAD_RECORD)]


def test_a_quote_left_open_at_the_end_rejects_only_its_record() -> None:
    out = list(parse_csv_text(f'id,text\n1,"{TEXT}\n2,Shelling hit Kharkiv.\n', "in.csv"))
    assert [(type(x).__name__, getattr(x, "id", getattr(x, "input", None))) for x in out] == [
        ("Rejection", "in.csv:2"), ("Article", "2")]


def test_multi_line_quoted_articles_still_read() -> None:
    out = list(parse_csv_text(f'id,text\n1,"{TEXT}\n\nSecond paragraph."\n2,"{TEXT}"\n', "in.csv"))
    assert [a.id for a in out if isinstance(a, Article)] == ["1", "2"]
    assert out[0].text.endswith("\n\nSecond paragraph.")  # type: ignore[union-attr]


def test_an_id_longer_than_the_api_takes_is_rejected() -> None:
    (long,) = _jsonl({"id": "x" * 201, "text": TEXT})
    assert isinstance(long, Rejection) and "200" in long.reason
    (ok,) = _jsonl({"id": "x" * 200, "text": TEXT})
    assert isinstance(ok, Article)
