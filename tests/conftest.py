"""Shared fixtures: every test gets a fresh real SQLite file (WAL) in tmp_path."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


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
def db_path(tmp_path):
    return tmp_path / "register.sqlite"


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
