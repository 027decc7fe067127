"""Shared fixtures: every test gets a fresh real database — a SQLite file (WAL) in tmp_path, and for
the store and services tests also a fresh database on a PostgreSQL server (tests/pg_server.py)."""
from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests import pg_server as pg  # noqa: E402

pytest_plugins = ("tests.district_support",)  # the `district` fixture: a district on the session's server

# The store and the services run on both engines (docs/server.md): their tests run against both.
BOTH_ENGINES = ("store", "services")
_TESTS = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only(reason): tests the SQLite file itself (its bytes, "
                                       "backups, the instance lock); not run against the server")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" not in metafunc.fixturenames:
        return
    folder = Path(str(metafunc.definition.fspath)).resolve().relative_to(_TESTS).parts[0]
    if folder in BOTH_ENGINES and not metafunc.definition.get_closest_marker("sqlite_only"):
        metafunc.parametrize("engine", ["sqlite", "postgres"], indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """"sqlite" or "postgres": which engine the test's database is on."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL server, or why there is none (pg.Unavailable)."""
    try:
        server = pg.session_server()
    except pg.Unavailable as exc:
        yield exc
        return
    yield server
    server.close()


@pytest.fixture
def server(pg_server) -> pg.Server:
    """The PostgreSQL server (skipped without one, failed where CI requires it)."""
    return pg.require(pg_server)


@pytest.fixture
def server_url(server):
    """A new, empty database on the server, dropped afterwards (tests of the server alone)."""
    made = server.new_database()
    yield made
    from app.services.workspace import close_workspace

    close_workspace()
    server.drop(made)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """Nothing a test does may touch the real user data folder."""
    monkeypatch.setenv("ZWGK_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.delenv("ZWGK_DB", raising=False)


@pytest.fixture(autouse=True)
def _private_temp_folder(tmp_path_factory, monkeypatch):
    """Whatever a test puts in the temporary folder (a draft where the data folder cannot be written)
    goes to a folder of the test's own beside tmp_path, never the machine's, so no test leaves a
    zwgk-draft-* folder behind."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path_factory.mktemp("temp")))


@pytest.fixture
def db_path(tmp_path, engine, request):
    """Where the test's database is: a file in tmp_path, or (engine "postgres") the URL of a new
    database on the server, dropped afterwards."""
    if engine == "sqlite":
        yield tmp_path / "register.sqlite"
        return
    found = pg.require(request.getfixturevalue("pg_server"))
    url = found.new_database()
    yield url
    from app.services.workspace import close_workspace

    close_workspace()
    found.drop(url)


@pytest.fixture
def workspace(db_path):
    """An open, empty database whose office settings are those of the township of docs/legal/sources.md (茅畲乡)."""
    from app.services.demo import demo_settings
    from app.services import settings
    from app.services.workspace import close_workspace, open_workspace

    ws = open_workspace(db_path)
    settings.save(demo_settings())
    yield ws
    close_workspace()
