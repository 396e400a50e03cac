"""Ingest: every reader, every kind of bad input, directories and stdin (real files, no mocks)."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import (
    REJECT_BAD_DATE,
    REJECT_BAD_RECORD,
    REJECT_BINARY,
    REJECT_EMPTY,
    REJECT_ENCODING,
    REJECT_NO_DATE,
    REJECT_UNSUPPORTED,
    UsageError,
)
from eventwire.ingest import read_inputs
from eventwire.records import Article, Rejection
from eventwire.records.article import content_id

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED_HEADER = "date 2024-11-08 Drones over the city\n\n"
SEED_BODY = "Air defence shot down drones overnight, officials said.\nNo casualties were reported.\n"


def read(*paths: Path | str, stdin: str | None = None) -> list[Article | Rejection]:
    stream = io.StringIO(stdin) if stdin is not None else None
    return list(read_inputs([str(p) for p in paths], stdin=stream))


def only(items: list[Article | Rejection]) -> Article | Rejection:
    assert len(items) == 1, items
    return items[0]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def assert_rejected(item: Article | Rejection, code: str, origin: str) -> Rejection:
    assert isinstance(item, Rejection), item
    assert (item.code, item.stage, item.input) == (code, "ingest", origin)
    assert item.reason and "\n" not in item.reason
    return item


# --- seed text format -------------------------------------------------------------------------------

def test_seed_text_header_title_date_and_exact_body(tmp_path: Path) -> None:
    path = write(tmp_path, "s.txt", (SEED_HEADER + SEED_BODY).encode())
    article = only(read(path))
    assert isinstance(article, Article)
    assert article.text == SEED_BODY
    assert article.title == "Drones over the city"
    assert article.published == date(2024, 11, 8)
    assert article.origin == str(path)
    assert article.id == content_id(SEED_BODY, "Drones over the city", date(2024, 11, 8))


def test_seed_offsets_point_into_the_file_body(tmp_path: Path) -> None:
    path = write(tmp_path, "s.txt", (" " + SEED_HEADER + SEED_BODY).encode())
    article = only(read(path))
    assert isinstance(article, Article)
    file_text = path.read_text(encoding="utf-8")
    assert file_text[file_text.index(SEED_BODY):] == article.text
    start = article.text.index("overnight")
    assert article.text[start:start + 9] == "overnight"


def test_seed_with_utf8_bom_and_leading_whitespace(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf  " + (SEED_HEADER + SEED_BODY).encode())
    article = only(read(path))
    assert isinstance(article, Article)
    assert article.published == date(2024, 11, 8)
    assert article.text == SEED_BODY
    assert not article.text.startswith("\ufeff")


def test_same_seed_twice_is_one_article_id(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", (SEED_HEADER + SEED_BODY).encode())
    b = write(tmp_path, "b.txt", (SEED_HEADER + SEED_BODY).encode())
    first, second = read(a, b)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id


def test_seed_without_date_header(tmp_path: Path) -> None:
    path = write(tmp_path, "nodate.txt", SEED_BODY.encode())
    rejection = assert_rejected(only(read(path)), REJECT_NO_DATE, str(path))
    assert "date YYYY-MM-DD" in rejection.reason


def test_seed_with_impossible_date(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", b"date 2024-13-45 Title\n\nBody text.\n")
    assert_rejected(only(read(path)), REJECT_BAD_DATE, str(path))


def test_seed_header_without_body(tmp_path: Path) -> None:
    path = write(tmp_path, "nobody.txt", b"date 2024-11-08 Title\n\n  \n")
    assert_rejected(only(read(path)), REJECT_EMPTY, str(path))


# --- bytes that are not UTF-8 text --------------------------------------------------------------------

def test_empty_file(tmp_path: Path) -> None:
    for name in ("empty.txt", "empty.jsonl", "empty.csv"):
        path = write(tmp_path, name, b"")
        assert_rejected(only(read(path)), REJECT_EMPTY, str(path))


def test_cp1252_file_is_rejected_with_iconv_hint(tmp_path: Path) -> None:
    data = (SEED_HEADER + "The minister\u2019s statement \u2013 in full.\n").encode("cp1252")
    path = write(tmp_path, "cp1252.txt", data)
    rejection = assert_rejected(only(read(path)), REJECT_ENCODING, str(path))
    assert "iconv -f cp1252 -t utf-8" in rejection.reason


def test_latin1_only_bytes_get_latin1_hint(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252, so only latin-1 (or rarer) can have written it.
    path = write(tmp_path, "latin1.txt", SEED_HEADER.encode() + b"caf\xe9 \x81\n")
    rejection = assert_rejected(only(read(path)), REJECT_ENCODING, str(path))
    assert "iconv -f latin1" in rejection.reason


def test_utf16_file(tmp_path: Path) -> None:
    path = write(tmp_path, "u16.txt", (SEED_HEADER + SEED_BODY).encode("utf-16"))
    assert_rejected(only(read(path)), REJECT_ENCODING, str(path))


def test_binary_junk(tmp_path: Path) -> None:
    junk = bytes((i * 37 + 11) % 256 for i in range(4096))
    no_nul = junk.replace(b"\x00", b"\x01")
    for name, data in (("junk.txt", junk), ("junk.jsonl", junk), ("nonul.csv", no_nul)):
        path = write(tmp_path, name, data)
        assert_rejected(only(read(path)), REJECT_BINARY, str(path))


def test_unsupported_extensions(tmp_path: Path) -> None:
    for name in ("report.pdf", "photo.png", "README.md", "Makefile"):
        path = write(tmp_path, name, b"%PDF-1.4 whatever")
        rejection = assert_rejected(only(read(path)), REJECT_UNSUPPORTED, str(path))
        assert ".jsonl" in rejection.reason


# --- JSONL ----------------------------------------------------------------------------------------------

def test_jsonl_good_and_bad_lines() -> None:
    path = FIXTURES / "corpus" / "c-articles.jsonl"
    items = read(path)
    by_line = {item.origin if isinstance(item, Article) else item.input: item for item in items}
    assert len(by_line) == len(items) == 8  # the blank line 5 is a separator, not a record
    first = by_line[f"{path}:1"]
    assert isinstance(first, Article)
    assert (first.id, first.title, first.url, first.source, first.language) == (
        "j-1", "Market reopens", "https://example.org/j-1", "Example News", "en")
    second = by_line[f"{path}:2"]
    assert isinstance(second, Article)
    assert second.published == date(2024, 3, 8)  # the writer's own calendar day, not UTC's
    assert second.id == content_id(second.text, "No id here", date(2024, 3, 8))
    fourth = by_line[f"{path}:4"]
    assert isinstance(fourth, Article) and fourth.published is None
    expected = {3: REJECT_BAD_RECORD, 6: REJECT_BAD_DATE, 7: REJECT_BAD_RECORD, 8: REJECT_BAD_RECORD,
                9: REJECT_EMPTY}
    for line, code in expected.items():
        assert_rejected(by_line[f"{path}:{line}"], code, f"{path}:{line}")


def test_jsonl_bad_utf8_line_costs_only_that_line(tmp_path: Path) -> None:
    good = b'{"id": "x", "text": "fine"}\n'
    latin1 = b'{"id": "y", "text": "caf\xe9"}\n'
    path = write(tmp_path, "mixed.ndjson", b"\xef\xbb\xbf" + good + latin1 + good)
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Article"]
    assert_rejected(items[1], REJECT_ENCODING, f"{path}:2")


def test_jsonl_field_types_are_checked(tmp_path: Path) -> None:
    lines = ['{"id": 42, "text": "numeric id"}', '{"text": "t", "title": 5}',
             '{"text": "t", "published": 20240101}']
    path = write(tmp_path, "types.jsonl", "\n".join(lines).encode())
    first, second, third = read(path)
    assert isinstance(first, Article) and first.id == "42"
    assert_rejected(second, REJECT_BAD_RECORD, f"{path}:2")
    assert_rejected(third, REJECT_BAD_DATE, f"{path}:3")


def test_jsonl_only_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.jsonl", b"\n\n   \n")
    assert_rejected(only(read(path)), REJECT_EMPTY, str(path))


def test_stdin_jsonl() -> None:
    text = '{"id": "s1", "text": "From a pipe."}\nnot json\n'
    first, second = read("-", stdin=text)
    assert isinstance(first, Article) and first.origin == "<stdin>:1"
    assert_rejected(second, REJECT_BAD_RECORD, "<stdin>:2")


# --- CSV ------------------------------------------------------------------------------------------------

def test_csv_rows() -> None:
    path = FIXTURES / "articles.csv"
    items = read(path)
    assert len(items) == 5
    first, second, bad_date, too_many, empty = items
    assert isinstance(first, Article)
    assert (first.id, first.published, first.url, first.origin) == (
        "c-1", date(2024, 3, 11), "https://example.org/c-1", f"{path}:2")
    assert isinstance(second, Article)
    assert second.text == "A text with a\nline break inside quotes."
    assert second.url is None and second.origin == f"{path}:3"
    assert_rejected(bad_date, REJECT_BAD_DATE, f"{path}:5")
    assert_rejected(too_many, REJECT_BAD_RECORD, f"{path}:6")
    assert_rejected(empty, REJECT_EMPTY, f"{path}:7")


def test_csv_without_text_column() -> None:
    path = FIXTURES / "no-text-column.csv"
    rejection = assert_rejected(only(read(path)), REJECT_BAD_RECORD, str(path))
    assert "text" in rejection.reason


def test_csv_with_bom_and_long_field(tmp_path: Path) -> None:
    long_text = "word " * 60_000  # beyond the csv module's default 128 KiB field limit
    path = write(tmp_path, "long.csv", b"\xef\xbb\xbftext,published\n" + f'"{long_text}",\n'.encode())
    article = only(read(path))
    assert isinstance(article, Article) and article.text == long_text and article.published is None


# --- directories and paths ------------------------------------------------------------------------------

def test_directory_recursion_is_sorted_complete_and_skips_hidden(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "corpus", corpus)
    (corpus / ".git").mkdir()
    (corpus / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    items = read(corpus)
    where = [Path(i.origin if isinstance(i, Article) else i.input).relative_to(corpus).as_posix()
             for i in items]
    records = [f"c-articles.jsonl:{n}" for n in (1, 2, 3, 4, 6, 7, 8, 9)]
    assert where == ["a-seed.txt", *records, "sub/README.md", "sub/b-seed.txt"]
    assert not any(".hidden" in w or ".git" in w for w in where)
    readme = items[where.index("sub/README.md")]
    assert_rejected(readme, REJECT_UNSUPPORTED, str(corpus / "sub" / "README.md"))
    assert read(corpus) == items  # deterministic


def test_explicit_hidden_file_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, ".hidden.txt", (SEED_HEADER + SEED_BODY).encode())
    assert isinstance(only(read(path)), Article)


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        read(tmp_path / "nope.jsonl")


def test_unreadable_file_is_rejected_not_raised(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", (SEED_HEADER + SEED_BODY).encode())
    path.chmod(0)
    try:
        if _can_read(path):
            pytest.skip("running as a user who can read any file (root)")
        rejection = only(read(path))
        assert isinstance(rejection, Rejection) and rejection.code == "E100"
    finally:
        path.chmod(0o644)


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except PermissionError:
        return False
    return True


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    bad = write(tmp_path, "a-bad.txt", b"\x00\x01\x02")
    good = write(tmp_path, "b-good.txt", (SEED_HEADER + SEED_BODY).encode())
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Rejection", "Article"]
    assert items[0].input == str(bad)  # type: ignore[union-attr]
    assert items[1].origin == str(good)  # type: ignore[union-attr]


def test_hard_wrapped_wire_copy_is_read_in_whole_sentences() -> None:
    from eventwire.nlp import hard_wrapped, parse_one

    wrapped = ("Iranian forces said on Tuesday they had shelled the port city of\nBasra in southern Iraq for a "
               "third day, killing at least twelve\npeople, the official news agency reported from the capital.\n"
               "    Iraq said its aircraft had struck two oil platforms in the\nnorthern Gulf in reply and that "
               "all its planes had returned\nsafely to their bases after the raid on the platforms.\n")
    assert hard_wrapped(wrapped)
    sentences = [s.text.strip() for s in parse_one(wrapped).sents]
    assert len(sentences) == 2 and sentences[0].endswith("capital.") and sentences[1].startswith("Iraq said")
    headed = "Sumy region\nRussian drones struck a school in Sumy overnight, the governor said.\nKharkiv\n" \
             "Two people were wounded in Kharkiv by shelling on Monday, the mayor said on Telegram."
    assert not hard_wrapped(headed)
    assert [s.text.strip() for s in parse_one(headed).sents][0] == "Sumy region"
