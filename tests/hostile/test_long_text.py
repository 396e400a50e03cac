"""An article longer than the parser takes at once is parsed in pieces; it never fails its batch.

Finding: one article over spaCy's 1,000,000-character limit rejected its whole partition (E202 for every
good article beside it). Here the chunk size is lowered so the case runs in seconds on the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire import nlp
from eventwire.records import Article, Rejection

PARAGRAPH = ("Russian drones struck a warehouse in Kyiv on Friday, officials said. "
             "Ukrainian forces shot down 20 drones over Odesa.\n\n")


def test_a_text_over_the_limit_is_parsed_in_pieces_with_its_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 1000)
    text = PARAGRAPH * 30 + "x" * 2500 + " Kharkiv was shelled."  # a run with no place to cut, too
    short, long, after = nlp.parse(["Shelling hit Lviv.", text, "Protesters gathered in Tbilisi."])
    assert long.text == text
    assert short.text == "Shelling hit Lviv." and after.text == "Protesters gathered in Tbilisi."
    places = [e for e in long.ents if e.label_ == "GPE"]
    assert len(places) >= 30 and all(text[e.start_char:e.end_char] == e.text for e in places)
    assert sum(1 for s in long.sents if "Kyiv" in s.text) == 30


def test_pieces_join_back_to_the_text() -> None:
    text = "a" * 50 + "\n\n" + "b " * 40 + "c" * 300
    pieces = nlp.split_text(text, 100)
    assert "".join(pieces) == text and all(len(p) <= 100 for p in pieces)


def test_a_long_article_does_not_reject_its_neighbours(pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 1000)
    day = date(2024, 11, 8)
    articles = [Article(id="long", text=PARAGRAPH * 40, published=day),
                Article(id="short", text="Russian drones struck a warehouse in Kyiv on Friday.", published=day)]
    results = list(pipeline.process(articles))
    assert not any(isinstance(r, Rejection) for r in results)
    assert [r.article.id for r in results if not isinstance(r, Rejection)] == ["long", "short"]
