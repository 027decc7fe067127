"""The first look into the database before it is opened: the window shows first only for a
configured office without a start-up password, and looking never changes the file or its folder."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from app.services.demo import demo_settings
from app.services import security, settings
from app.services.startup import first_look
from app.services.workspace import close_workspace, open_workspace


def folder_state(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_configured_office_gets_its_short_name_and_the_file_is_left_as_it_was(tmp_path):
    db_path = tmp_path / "王丽 的 文件夹#1" / "政务公开.sqlite"  # as a Windows user folder may be named
    db_path.parent.mkdir()
    open_workspace(db_path)
    settings.save(demo_settings())
    close_workspace()
    before = folder_state(db_path.parent)
    look = first_look(db_path)
    assert look is not None
    assert look.path == db_path and look.short_name == demo_settings().short_name == "茅畲乡"
    assert folder_state(db_path.parent) == before  # no journal, no -shm, nothing written


@pytest.mark.sqlite_only("the first look reads the file with sqlite3; a server is opened before any window")
def test_the_window_waits_for_a_first_start_a_password_or_an_unreadable_file(db_path, tmp_path):
    assert first_look(db_path) is None  # no file yet: the first-start settings dialog comes first
    open_workspace(db_path)
    assert first_look(db_path) is None  # a database, but no office settings yet
    settings.save(demo_settings())
    security.set_password("茅畲乡123456")
    close_workspace()
    assert first_look(db_path) is None  # the password is asked before any window

    open_workspace(db_path)
    security.set_password(None, "茅畲乡123456")
    close_workspace()
    assert first_look(db_path) is not None

    junk = tmp_path / "坏.sqlite"
    junk.write_bytes(b"not a database" * 500)
    assert first_look(junk) is None and junk.read_bytes() == b"not a database" * 500
    other = tmp_path / "其他程序.sqlite"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE things (x)")
    con.close()
    assert first_look(other) is None
    empty = tmp_path / "空.sqlite"
    empty.touch()
    assert first_look(empty) is None


def test_the_default_file_is_looked_at_when_no_path_is_given(tmp_path, monkeypatch):
    target = tmp_path / "指定.sqlite"
    monkeypatch.setenv("ZWGK_DB", str(target))
    open_workspace(target)
    settings.save(demo_settings())
    close_workspace()
    look = first_look()
    assert look is not None and look.path == target


@pytest.mark.sqlite_only("the -wal journal is the file's")
def test_while_the_file_is_open_elsewhere_the_look_reads_through_its_journal(db_path):
    open_workspace(db_path)  # another copy of the program, still running: its writes sit in the -wal
    try:
        settings.save(demo_settings())
        assert db_path.with_name(db_path.name + "-wal").exists()
        look = first_look(db_path)
        assert look is not None and look.short_name == "茅畲乡"
    finally:
        close_workspace()
