"""Property tests: whatever a file or a query string holds, ingest gives one article or rejection per record
and never raises, and the API answers 200 or 400 (never a 500)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from eventwire.ingest.csvfile import parse_csv_text  # noqa: E402
from eventwire.ingest.jsonl import parse_jsonl_lines  # noqa: E402
from eventwire.records import Article, Rejection  # noqa: E402

# Any code point, lone surrogates included (JSON's \ud800 escapes make them).
ANY_TEXT = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=200)
VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), ANY_TEXT,
                   st.lists(st.integers(), max_size=3))
RECORDS = st.dictionaries(st.sampled_from(["id", "title", "published", "text", "url", "source", "language", "x"]),
                          VALUES, max_size=8)


def _storable(item: Article | Rejection) -> None:
    if isinstance(item, Article):
        for value in (item.id, item.text, item.title, item.url, item.source, item.language):
            (value or "").encode("utf-8")  # a store can keep it


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(RECORDS.map(json.dumps), ANY_TEXT.filter(lambda t: "\n" not in t)), max_size=6))
def test_every_jsonl_line_is_one_article_or_one_rejection(lines: list[str]) -> None:
    lines = [line.replace("\r", " ") for line in lines]
    out = list(parse_jsonl_lines(lines, "in.jsonl"))
    records = sum(1 for line in lines if line.strip())
    assert len(out) == max(records, 1)
    for item in out:
        _storable(item)
    ids = [a.id for a in out if isinstance(a, Article)]
    texts = {a.id: a.text for a in out if isinstance(a, Article)}
    assert all(texts[i] == a.text for a in out if isinstance(a, Article) for i in [a.id])
    assert len(ids) >= len(texts)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_any_csv_text_reads_without_raising(body: str) -> None:
    out = list(parse_csv_text("id,text\n" + body, "in.csv"))
    assert out and all(isinstance(item, Article | Rejection) for item in out)
    for item in out:
        _storable(item)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1", "2", "x"]), st.sampled_from(['"a', "c", '"d"', '"e\nf"'])),
                min_size=1, max_size=6))
def test_a_quote_left_open_never_merges_records_silently(rows: list[tuple[str, str]]) -> None:
    """(A quote left open and closed by a stray quote in a later record is valid CSV, and stays ambiguous.)"""
    body = "".join(f"{i},{t}\n" for i, t in rows)
    out = list(parse_csv_text("id,text\n" + body, "in.csv"))
    for item in out:  # an article's text never holds a whole second record
        if isinstance(item, Article):
            assert not any(f"\n{i}," in item.text for i, _ in rows)
    assert len(out) >= len(rows)  # every record accounted for (a broken one may leave a rejected tail)


PARAMS = ["bbox", "since", "until", "event_type", "sub_event_type", "plover_type", "actor", "country", "admin1",
          "attribution", "modality", "min_confidence", "q", "article_id", "limit", "offset"]
PATHS = ["/api/events", "/api/events.csv", "/api/events.geojson", "/api/timeline"]


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from eventwire.web import create_app
    from tests.hostile import webdb

    db = webdb.build(Path(tmp_path_factory.mktemp("props")) / "web.db")
    return TestClient(create_app(str(db)), raise_server_exceptions=False)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS),
       params=st.dictionaries(st.sampled_from(PARAMS),
                              st.one_of(ANY_TEXT, st.integers().map(str), st.floats().map(str),
                                        st.sampled_from(["1e999", "nan", "-inf", "170,-10,-170,10", "0,0,0,0",
                                                         "' OR 1=1 --", "2024-02-30", "9999-12-31"])),
                              max_size=4))
def test_any_query_parameters_get_200_or_400(api, path: str, params: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    clean = {k: v.encode("utf-8", "replace").decode("utf-8") for k, v in params.items()}
    response = api.get(path, params=clean)
    assert response.status_code in (200, 400), (path, clean, response.text[:300])
