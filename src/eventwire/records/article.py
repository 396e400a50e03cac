"""An input article, as the ingest stage hands it to the rest of the pipeline."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    origin: str = ""  # where it was read from, e.g. "examples/a.jsonl:3"

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url, "source": self.source, "language": self.language, "text": self.text,
        }


def content_id(text: str, title: str | None = None, published: date | None = None) -> str:
    """Id for an article that came without one: same content, same id."""
    key = "\x1f".join([title or "", published.isoformat() if published else "", text.strip()])
    return "a-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
