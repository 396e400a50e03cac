"""`eventwire gazetteer add`: merging GeoNames dumps, from a file and from a real HTTP server on loopback."""

from __future__ import annotations

import functools
import shutil
import sqlite3
import threading
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.geo import Gazetteer

# A made-up settlement (the id is far above GeoNames' own), in Donetsk oblast, in the 19-column format.
NEW_ID = 1_999_000_001
NEW_ROW = [str(NEW_ID), "Zorianivka Nova", "Zorianivka Nova", "Zorianivka-Nova,Zoryanivka Nova", "48.11",
           "37.52", "P", "PPL", "UA", "", "05", "", "", "", "1200", "", "180", "Europe/Kyiv", "2024-01-01"]


def _row(cols: list[str]) -> str:
    return "\t".join(cols) + "\n"


@pytest.fixture()
def gaz_copy(gazetteer_path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(gazetteer_path, target)
    return target


def _estimated_region(path: Path) -> tuple[int, str, float, float]:
    """An admin-1 region the build placed by estimate: (geonameid, name, lat, lon)."""
    with sqlite3.connect(path) as con:
        row = con.execute("SELECT geonameid, name, lat, lon FROM places WHERE feature='admin1' AND "
                          "coord_source='cities-extent' AND geonameid IS NOT NULL AND country='UA' LIMIT 1"
                          ).fetchone()
    assert row is not None
    return row


def test_add_file_merges_new_places_names_and_coordinates(cli, gaz_copy: Path, tmp_path: Path) -> None:
    gid, name, lat, lon = _estimated_region(gaz_copy)
    region_row = [str(gid), name, name, "", f"{lat + 0.3:.4f}", f"{lon - 0.3:.4f}", "A", "ADM1", "UA", "",
                  "05", "", "", "", "0", "", "", "Europe/Kyiv", "2024-01-01"]
    dump = tmp_path / "UA.txt"
    dump.write_text(_row(NEW_ROW) + _row(region_row), encoding="utf-8")
    done = cli("gazetteer", "add", str(dump), "--gazetteer", str(gaz_copy))
    assert done.returncode == 0, done.stderr
    assert "1 places added" in done.stderr and "1 given GeoNames coordinates" in done.stderr
    with Gazetteer.open(gaz_copy) as gaz:
        found = [c for c in gaz.candidates("Zoryanivka Nova") if c.geonameid == NEW_ID]
        assert found and found[0].feature == "village" and found[0].admin1_code == "UA.05"
        assert found[0].admin1 is not None and found[0].precision == 1
        region = next(c for c in gaz.candidates(name) if c.geonameid == gid)
        assert (round(region.lat, 4), round(region.lon, 4)) == (round(lat + 0.3, 4), round(lon - 0.3, 4))
        assert region.coord_source == "geonames"
        assert any(src.startswith("geonames add") for src, *_ in gaz.meta())

    # alternateNames (V2 layout, 10 columns): a new spelling for the place merged above; links are skipped.
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text(_row(["1", str(NEW_ID), "en", "Zoria Nova", "", "", "", "", "", ""])
                          + _row(["2", str(NEW_ID), "link", "https://example.org/zn", "", "", "", "", "", ""]),
                          encoding="utf-8")
    done = cli("gazetteer", "add", str(alternates), "--gazetteer", str(gaz_copy))
    assert done.returncode == 0, done.stderr
    with Gazetteer.open(gaz_copy) as gaz:
        assert any(c.geonameid == NEW_ID for c in gaz.candidates("Zoria Nova"))
        assert not gaz.candidates("https://example.org/zn")


def test_add_rejects_what_is_not_a_dump(cli, gaz_copy: Path, tmp_path: Path) -> None:
    before = gaz_copy.read_bytes()
    bad = tmp_path / "notes.txt"
    bad.write_text("this is not\ta GeoNames dump\n", encoding="utf-8")
    done = cli("gazetteer", "add", str(bad), "--gazetteer", str(gaz_copy))
    assert done.returncode != 0 and "GeoNames" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert gaz_copy.read_bytes() == before  # untouched


@pytest.fixture()
def http_folder(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real HTTP server on 127.0.0.1 serving a folder, in a thread."""
    folder = tmp_path / "served"
    folder.mkdir()
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", folder
    finally:
        server.shutdown()
        server.server_close()


def test_add_downloads_a_zipped_dump(cli, gaz_copy: Path, http_folder: tuple[str, Path]) -> None:
    base, folder = http_folder
    with zipfile.ZipFile(folder / "UA.zip", "w") as zf:
        zf.writestr("readme.txt", "GeoNames country file\n")
        zf.writestr("UA.txt", _row(NEW_ROW))
    done = cli("gazetteer", "add", f"{base}/UA.zip", "--gazetteer", str(gaz_copy))
    assert done.returncode == 0, done.stderr
    with Gazetteer.open(gaz_copy) as gaz:
        assert any(c.geonameid == NEW_ID for c in gaz.candidates("Zorianivka Nova"))
    assert not list(gaz_copy.parent.glob(".download-*")) and not list(gaz_copy.parent.glob(".merge-*"))
    missing = cli("gazetteer", "add", f"{base}/nothing.zip", "--gazetteer", str(gaz_copy))
    assert missing.returncode != 0 and "cannot download" in missing.stderr


def test_add_gives_a_country_its_geonames_point(cli, gaz_copy: Path, tmp_path: Path) -> None:
    # where the shipped table of GeoNames' country points lacks one (Greenland, a territory), eventwire's
    # point is an estimate (an atlas centre moved onto the main landmass)
    with Gazetteer.open(gaz_copy) as gaz:
        before = gaz.countries()["GL"]
    assert before.coord_source != "geonames"
    row = [str(before.geonameid), "Greenland", "Greenland", "", "71.42066", "-40.66393", "A", "PCLD", "GL", "",
           "00", "", "", "", "56025", "", "", "", "2024-01-01"]
    dump = tmp_path / "GL.txt"
    dump.write_text(_row(row), encoding="utf-8")
    done = cli("gazetteer", "add", str(dump), "--gazetteer", str(gaz_copy))
    assert done.returncode == 0, done.stderr
    with Gazetteer.open(gaz_copy) as gaz:
        after = gaz.countries()["GL"]
    assert (after.lat, after.lon, after.coord_source) == (71.42066, -40.66393, "geonames")
