"""Shared by the web tests: a real database filled by the real pipeline from the bundled examples, an
article whose title and text carry script payloads, and the seed article when ../shared is there."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.engine.run import run_local
from eventwire.ingest import read_inputs
from eventwire.store import open_store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "seed" / "2024-11-08-russia-urges-west.txt"

# Payloads that would run if the page put data into innerHTML; each sets a flag the browser test reads.
HOSTILE_TITLE = 'Artillery hits Mykolaiv <script>window.__xss = "title"</script><img src=x onerror="window.__xss=1">'
HOSTILE_TEXT = ("Russian artillery shelled Mykolaiv on Monday, killing two civilians, the regional governor said. "
                '<script>window.__xss = "text"</script> <img src=x onerror="window.__xss = 2"> '
                "Rescue teams worked through the night.")
HOSTILE_ID = "web-test-hostile"


def hostile_article(folder: Path) -> Path:
    path = folder / "hostile.jsonl"
    path.write_text(json.dumps({"id": HOSTILE_ID, "title": HOSTILE_TITLE, "published": "2024-03-19",
                                "text": HOSTILE_TEXT}) + "\n", encoding="utf-8")
    return path


def build_web_db(folder: Path, pipeline: object, with_seed: bool = True) -> Path:
    """Run the real pipeline into a real SQLite file, as `eventwire run` does."""
    db = folder / "web.db"
    inputs = [str(EXAMPLES), str(hostile_article(folder))] + ([str(SEED)] if with_seed and SEED.is_file() else [])
    with open_store(str(db)) as store:
        run_local(read_inputs(inputs), pipeline, store, inputs)  # type: ignore[arg-type]
    return db
