"""The full integrity check runs beside the window at start, yet a damaged file is still met
by the damaged-file dialog and restored, and nothing is written to it before the check."""
from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from app.services.demo import demo_settings
from app.domain.request import CaseQuery, RequestData
from app.services import backup, register, settings
from app.services.errors import DatabaseDamaged
from app.services.workspace import close_workspace, open_workspace
from app.store.db import is_open
from app.ui.home import page as home_page
from app.ui.app.application import handle_check_result
from app.ui.app.backup_dialogs import DamagedFileBox, open_or_recover, start_check

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def no_reminder():
    home_page.DAILY_REMINDER["enabled"] = False
    yield
    home_page.DAILY_REMINDER["enabled"] = True


def person(name: str) -> RequestData:
    return RequestData(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                       info_description="土地征收补偿方案", arrived_on=dt.date(2026, 3, 5), channel="当面")


def office_with(db_path, *names: str) -> None:
    open_workspace(db_path)
    settings.save(demo_settings())
    for name in names:
        register.register(person(name), today=TODAY)


def scribble_over_an_index(db_path) -> bytes:
    """A file whose header and length are fine but which fails PRAGMA integrity_check."""
    con = sqlite3.connect(db_path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    # The register's search index: its pages are full of cells (search_text), so the scribble lands on them.
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE type='index' "
                       "AND name = 'request_received_on_id_year_status_outcome_search_text'").fetchone()[0]
    con.close()
    with open(db_path, "r+b") as fh:
        fh.seek((root - 1) * page_size + page_size - 300)
        fh.write(b"\xff\x13" * 120)
    return db_path.read_bytes()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_daily_backup_waits_for_the_background_check(qtbot, db_path):
    office_with(db_path, "甲")
    close_workspace()
    assert open_or_recover(db_path, background_check=True) is True
    assert backup.unchecked_file() == db_path
    assert backup.list_backups(db_path) == []  # held back: the file is not checked yet
    check = start_check()
    qtbot.waitUntil(lambda: check.result is not None, timeout=10000)
    assert check.result == ""
    assert backup.unchecked_file() is None
    assert [b.reason for b in backup.list_backups(db_path)] == [backup.DAILY_REASON]


class _HomeCount(QObject):
    count_attempted = Signal()


def test_the_check_waits_for_the_home_pages_first_count(qtbot, db_path):
    office_with(db_path, "甲")
    close_workspace()
    assert open_or_recover(db_path, background_check=True) is True
    home = _HomeCount()
    check = start_check(after=home.count_attempted, at_latest_ms=60_000)
    qtbot.wait(300)
    assert not check.started and check.result is None  # the clerk's due lists first
    home.count_attempted.emit()
    qtbot.waitUntil(lambda: check.result is not None, timeout=10000)
    assert check.result == "" and backup.unchecked_file() is None
    home.count_attempted.emit()  # a later count does not start a second check
    assert [b.reason for b in backup.list_backups(db_path)] == [backup.DAILY_REASON]


def test_the_check_starts_at_the_latest_without_a_home_count(qtbot, db_path):
    office_with(db_path, "甲")
    close_workspace()
    assert open_or_recover(db_path, background_check=True) is True
    home = _HomeCount()
    check = start_check(after=home.count_attempted, at_latest_ms=50)
    qtbot.waitUntil(lambda: check.result is not None, timeout=10000)
    assert check.result == "" and backup.unchecked_file() is None


def test_a_write_before_the_check_runs_it_first_and_refuses_a_damaged_file(qtbot, db_path):
    office_with(db_path, *[f"申请人{i}" for i in range(200)])
    close_workspace()
    scribble_over_an_index(db_path)
    before = digest(db_path)
    open_workspace(db_path, defer_check=True)  # cheap checks only: opens
    with pytest.raises(DatabaseDamaged):
        register.register(person("乙"), today=TODAY)
    close_workspace()
    assert digest(db_path) == before


def start_like_the_program(db_path):
    """run_gui's steps up to the shown window, with the check on its thread (app.exec is not run)."""
    from app.ui.app.application import build_main_window, prepare_app

    prepare_app([])
    assert open_or_recover(db_path, background_check=True) is True
    check = start_check()
    window = build_main_window()
    window.show()
    return window, check


def main_windows() -> list:
    return [w for w in QApplication.topLevelWidgets() if hasattr(w, "case_views") and w.isVisible()]


def test_a_file_failing_the_check_at_start_gets_the_dialog_and_is_restored(qtbot, modal, db_path):
    office_with(db_path, *[f"申请人{i}" for i in range(200)])
    backup.backup_now(backup.MANUAL_REASON)
    register.register(person("备份之后"), today=TODAY)
    close_workspace()
    damaged = scribble_over_an_index(db_path)
    seen: dict = {}

    def restore(box: DamagedFileBox) -> None:
        seen["text"], seen["info"] = box.text(), box.informativeText()
        next(b for b in box.buttons() if b.text() == "从最近的备份恢复").click()

    first, check = start_like_the_program(db_path)
    assert backup.list_backups(db_path)[0].reason == backup.MANUAL_REASON  # no daily backup of it
    qtbot.waitUntil(lambda: check.result is not None, timeout=10000)
    assert check.result.startswith("数据库文件已损坏")
    modal(DamagedFileBox, restore)
    assert handle_check_result(check, check.result) is True
    modal.check()
    assert seen["text"].startswith("数据库文件已损坏") and str(db_path) in seen["text"]
    assert "200件申请" in seen["info"]
    [second] = main_windows()
    assert second is not first
    qtbot.addWidget(second)
    names = sorted(r.name for r in register.list_rows(CaseQuery(), 0, 500))
    assert len(names) == 200 and "备份之后" not in names
    kept = list(db_path.parent.glob("t.已损坏-*.sqlite"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # the damaged file, untouched, aside


def test_quitting_at_the_dialog_closes_the_file_untouched(qtbot, modal, db_path):
    office_with(db_path, *[f"申请人{i}" for i in range(200)])
    close_workspace()
    damaged = scribble_over_an_index(db_path)
    window, check = start_like_the_program(db_path)
    check.wait()
    qtbot.waitUntil(lambda: check.result is not None, timeout=10000)
    modal(DamagedFileBox, lambda box: next(b for b in box.buttons() if b.text() == "退出").click())
    assert handle_check_result(check, check.result) is False
    modal.check()
    assert not main_windows() and not is_open()
    assert db_path.read_bytes() == damaged
    assert backup.list_backups(db_path) == []
