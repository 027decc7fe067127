"""File dialogs open where the clerk keeps her files: the folder used last for that kind of file,
else Documents — never the program's folder or the sample file shipped with it."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFileDialog

from app import paths
from app.ui.common import files


def test_first_the_documents_folder_then_the_folder_used_last(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Documents").mkdir()
    asked = []

    def dialog(_parent, _title, start, _filter):
        asked.append(start)
        return str(tmp_path / "U盘" / "台账.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    (tmp_path / "U盘").mkdir()
    assert files.save_path(None, "导出台账", "ledger-export", "2026年度台账.xlsx", "*.xlsx") == tmp_path / "U盘" / "台账.xlsx"
    files.save_path(None, "导出台账", "ledger-export", "2026年度台账.xlsx", "*.xlsx")
    assert asked == [str(tmp_path / "Documents" / "2026年度台账.xlsx"), str(tmp_path / "U盘" / "2026年度台账.xlsx")]
    assert str(paths.root()) not in asked[0]
    # Remembered on this desk, in the user data folder.
    assert paths.ui_settings_path().is_file()


def test_the_calendar_import_does_not_open_on_the_shipped_sample(qtbot, db_path, monkeypatch, tmp_path):
    from app.ui.calendar.page import CalendarPage
    from tests.ui.ui_support import open_main_window, page_of

    monkeypatch.setenv("HOME", str(tmp_path))
    window = open_main_window(qtbot, db_path, dt.date(2026, 11, 30))
    page = page_of(window, CalendarPage)
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda _p, _t, start, _f: (asked.append(start), ("", ""))[1])
    page._choose_import()
    assert asked == [str(tmp_path)] and str(paths.resources_dir()) not in asked[0]
