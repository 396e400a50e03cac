"""Shared fixtures: the real gazetteer (built once per test session), the real spaCy pipeline,
and the shared evaluation data beside the repo (tests that need it skip when it is absent)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from eventwire.geo import Gazetteer
    from eventwire.records import PlaceMention

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
SEED = SHARED_DATA / "seed" / "2024-11-08-russia-urges-west.txt"
EXAMPLES = REPO / "examples"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs the PostgreSQL server is an integration test (run by `make test-integration` and CI)."""
    for item in items:
        if "postgres_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.integration)


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
def gazetteer(gazetteer_path: Path) -> Iterator[Gazetteer]:
    """The session's gazetteer, opened once (built once by gazetteer_path)."""
    from eventwire.geo import Gazetteer

    with Gazetteer.open(gazetteer_path) as opened:
        yield opened


@pytest.fixture()
def postal_gazetteer(gazetteer: Gazetteer) -> Gazetteer:
    """The session's gazetteer where its Ukrainian villages were located by GeoNames' postal file (shared
    data); skip otherwise: without it, villages sit at their hromada's centre or are missing."""
    if not any(source == "geonames postal UA" for source, *_ in gazetteer.meta()):
        pytest.skip("the gazetteer was built without the GeoNames postal file for Ukraine: put the shared data "
                    "folder beside the repo (../shared/data/gazetteer/geonames-postal-UA.txt) to run this test")
    return gazetteer


def place_mentions(text: str, gazetteer: Gazetteer) -> dict[str, PlaceMention]:
    """The geoparser's mentions of `text` by their words, each checked to point into the text."""
    from eventwire.geo import places_for_doc
    from eventwire.nlp import parse_one

    found = places_for_doc(parse_one(text), "t", gazetteer)
    for m in found:
        assert text[m.start:m.end] == m.text
    return {m.text: m for m in found}


@pytest.fixture(scope="session")
def pipeline(gazetteer_path: Path):
    """The one pipeline of the test session: the command line's own cache, so in-process commands share it."""
    from eventwire.cli.common import open_pipeline

    return open_pipeline(str(gazetteer_path))


@dataclass(frozen=True)
class Ran:
    """What a command did, the same whether it ran in this process or in its own."""

    returncode: int
    stdout: str
    stderr: str


def invoke(gazetteer_path: Path, *args: str, cwd: Path, stdin: str | None = None) -> Ran:
    """Run an `eventwire` command in this process (click's CliRunner) in `cwd`. The pipeline comes from the
    command line's per-process cache, so it is loaded once per test session (see the `pipeline` fixture)."""
    from click.testing import CliRunner

    from eventwire.cli import main

    with contextlib.chdir(cwd):
        result = CliRunner().invoke(main, list(args), input=stdin, env={"EVENTWIRE_GAZETTEER": str(gazetteer_path)})
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))  # as a real process would show it
    return Ran(result.exit_code, result.stdout, stderr)


@pytest.fixture()
def cli(gazetteer_path: Path, pipeline: object, tmp_path: Path) -> Callable[..., Ran]:
    """Run an `eventwire` command in this process, in a scratch directory, with the session's pipeline already
    loaded. What needs a real process (exit status, stdout carrying only data, signals) uses `cli_process`."""

    def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> Ran:
        return invoke(gazetteer_path, *args, cwd=cwd or tmp_path, stdin=stdin)

    return run


@pytest.fixture()
def cli_process(gazetteer_path: Path, tmp_path: Path) -> Callable[..., Ran]:
    """Run the installed `eventwire` command for real, as its own process, in a scratch directory."""

    def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> Ran:
        env = {**os.environ, "EVENTWIRE_GAZETTEER": str(gazetteer_path)}
        exe = Path(sys.executable).with_name("eventwire")
        done = subprocess.run([str(exe), *args], input=stdin, capture_output=True, text=True,
                              cwd=cwd or tmp_path, env=env, timeout=600)
        return Ran(done.returncode, done.stdout, done.stderr)

    return run


# --- PostgreSQL: the store tests run against a real server as well as SQLite files -------------------------

POSTGRES_SERVER = os.environ.get("EVENTWIRE_TEST_POSTGRES", "postgresql:///postgres")  # local socket, as you


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The URL of a database on the test server from which test databases are created (CREATEDB needed).
    Skips when no server answers, unless EVENTWIRE_REQUIRE_POSTGRES=1 (CI), where that fails."""
    required = os.environ.get("EVENTWIRE_REQUIRE_POSTGRES") == "1"
    try:
        import psycopg

        psycopg.connect(POSTGRES_SERVER, autocommit=True, connect_timeout=5).close()
    except Exception as exc:  # ImportError, or the server is not there
        message = (f"no PostgreSQL server at {POSTGRES_SERVER} ({str(exc).strip().splitlines()[0]}); "
                   "set EVENTWIRE_TEST_POSTGRES=postgresql://USER:PASSWORD@HOST/DB, or run .ci/run, which starts one")
        if required:
            pytest.fail(message)
        pytest.skip(message)
    return POSTGRES_SERVER


@pytest.fixture()
def postgres_databases(postgres_server: str) -> Iterator[Callable[[], str]]:
    """Makes fresh, empty databases on the test server (returns each one's URL); drops them after the test."""
    import uuid
    from urllib.parse import urlsplit

    import psycopg
    from psycopg import sql

    names: list[str] = []
    parts = urlsplit(postgres_server)

    def new() -> str:
        names.append(f"eventwire_test_{uuid.uuid4().hex[:12]}")
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(names[-1])))
        # (urlunsplit would drop the // of postgresql:///db)
        return f"{parts.scheme}://{parts.netloc}/{names[-1]}" + (f"?{parts.query}" if parts.query else "")

    yield new
    with psycopg.connect(postgres_server, autocommit=True) as conn:  # FORCE: a test may leave one open
        for name in names:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture()
def postgres_url(postgres_databases: Callable[[], str]) -> str:
    """A fresh, empty database on the test server, dropped after the test."""
    return postgres_databases()


# PostgreSQL cases are integration tests: left out of the default suite, run by `make test-integration` and CI.
POSTGRES = pytest.param("postgresql", marks=pytest.mark.integration)


@pytest.fixture(params=["sqlite", POSTGRES])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A --db value for a new store: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return str(request.getfixturevalue("postgres_url"))
