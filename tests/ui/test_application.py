"""Start-up: a bad database file gets a Chinese message and exit code 2, never a traceback."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.ui.application import run_gui

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]


def test_damaged_database_is_refused_with_a_message(qtbot, modal, tmp_path):
    bad = tmp_path / "坏.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    shown = {}

    def read_and_close(box: QMessageBox) -> None:
        shown["title"], shown["text"] = box.windowTitle(), box.text()
        quit_button = next(b for b in box.buttons() if b.text() == "退出")
        qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)

    modal(QMessageBox, read_and_close)
    # Flags that belong to others are ignored rather than refused.
    assert run_gui(["--db", str(bad), "--something-else"]) == 2
    modal.check()
    assert "无法打开数据库" in shown["title"]
    assert "损坏" in shown["text"] and str(bad) in shown["text"]
    assert bad.read_bytes() == b"this is not a database" * 100  # untouched


def test_first_start_cancelled_leaves_nothing_configured(qtbot, modal, db_path):
    from app.services import settings as office
    from app.ui.settings_dialog import SettingsDialog

    modal(SettingsDialog, lambda d: d.reject())
    assert run_gui(["--db", str(db_path)]) == 0
    modal.check()
    from app.services.workspace import open_workspace

    open_workspace(db_path)
    assert not office.is_configured()
