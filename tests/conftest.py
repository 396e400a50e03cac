"""Shared fixtures: the real gazetteer (built once per test session), the real spaCy pipeline,
and the shared evaluation data beside the repo (tests that need it skip when it is absent)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
SEED = SHARED_DATA / "seed" / "2024-11-08-russia-urges-west.txt"
EXAMPLES = REPO / "examples"


def need_shared(path: Path) -> Path:
    """The shared data file, or skip: a user's fresh clone does not have ../shared."""
    if not path.exists():
        pytest.skip(f"{path} is absent: put the shared data folder beside the repo to run this test")
    return path


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A gazetteer built from the installed packages (and the postal file when ../shared is there).
    EVENTWIRE_TEST_GAZETTEER reuses a prebuilt one, to keep local reruns quick."""
    from eventwire.geo.build import build_gazetteer, default_postal_file

    reuse = os.environ.get("EVENTWIRE_TEST_GAZETTEER")
    if reuse and Path(reuse).is_file():
        return Path(reuse)
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    postal = SHARED_DATA / "gazetteer" / "geonames-postal-UA.txt"
    build_gazetteer(path, postal if postal.is_file() else default_postal_file())
    return path


@pytest.fixture(scope="session")
def pipeline(gazetteer_path: Path):
    from eventwire.pipeline import open_pipeline

    return open_pipeline(gazetteer_path)


@pytest.fixture()
def cli(gazetteer_path: Path, tmp_path: Path):
    """Run the installed `eventwire` command for real, in a scratch directory."""

    def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "EVENTWIRE_GAZETTEER": str(gazetteer_path)}
        exe = Path(sys.executable).with_name("eventwire")
        return subprocess.run([str(exe), *args], input=stdin, capture_output=True, text=True,
                              cwd=cwd or tmp_path, env=env, timeout=600)

    return run
