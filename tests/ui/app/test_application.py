"""Start-up: a bad database file gets a Chinese message and exit code 2, never a traceback; a configured
office sees its window before the file opens; a start-up password comes before any window."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.ui.app.application import run_gui

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
    from app.ui.settings.dialog import SettingsDialog

    modal(SettingsDialog, lambda d: d.reject())
    assert run_gui(["--db", str(db_path)]) == 0
    modal.check()
    from app.services.workspace import open_workspace

    open_workspace(db_path)
    assert not office.is_configured()


def _office_with_two_cases(db_path) -> None:
    import dataclasses
    import datetime as dt
    import random

    from app.services.demo import demo_settings
    from app.services import demo, register, settings
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(db_path)
    settings.save(demo_settings())
    for n, name in enumerate(("张三", "李四")):
        data = demo.make_request(random.Random(n), dt.date(2026, 11, 2), n + 1, 2026)
        register.register(dataclasses.replace(data, name=name), dt.date(2026, 11, 20))
    close_workspace()


def test_a_configured_office_sees_its_window_first_and_the_file_opens_behind_it(qtbot, db_path, monkeypatch):
    """Start-up: the window shows with the office's name before the database is opened, then
    the register is there to work in; closing the window ends the program with 0."""
    from app.store.db import is_open
    from app.ui.app import application

    _office_with_two_cases(db_path)
    seen: dict = {}
    build, real_open = application.build_main_window, application.open_database

    def build_and_watch(*args):
        seen["window"] = window = build(*args)
        seen["built"] = (window.ready, is_open(), window.windowTitle())

        def when_ready() -> None:
            seen["ready"] = (is_open(), window.windowTitle(), window.register_page.counts())
            window.close()

        window.workspace_ready.connect(when_ready)
        return window

    def click_while_it_opens(*args, **kwargs):
        nav = seen["window"].ui.navList  # the clerk clicks 登记簿 the moment the window is there
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(1)).center())
        seen["row while opening"] = nav.currentRow()
        return real_open(*args, **kwargs)

    monkeypatch.setattr(application, "build_main_window", build_and_watch)
    monkeypatch.setattr(application, "open_database", click_while_it_opens)
    assert run_gui(["--db", str(db_path)]) == 0
    assert seen["built"] == (False, False, "政务公开工作台 — 茅畲乡")
    assert seen["row while opening"] == 0  # dropped: nothing could have answered it yet
    assert seen["ready"] == (True, "政务公开工作台 — 茅畲乡", (2, 2))
    assert not is_open()


def test_clicks_wait_until_the_file_behind_the_window_is_open(qtbot, db_path):
    """Between the first paint and the opened file the window takes no input (a click there could
    only fail); afterwards the same click works."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    from app.services.startup import first_look
    from app.services.workspace import open_workspace
    from app.ui.app.main_window import MainWindow
    from app.ui.register.dialog import RegisterDialog

    _office_with_two_cases(db_path)
    look = first_look(db_path)
    assert look is not None and look.short_name == "茅畲乡"
    window = MainWindow(first_look=look)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.hold_input()  # as the start-up does at the first paint
    nav = window.ui.navList
    register_row = nav.visualItemRect(nav.item(1)).center()
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=register_row)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert nav.currentRow() == 0 and window.ui.pages.currentIndex() == 0
    assert not isinstance(QApplication.activeModalWidget(), RegisterDialog)

    open_workspace(db_path)
    window.workspace_opened()
    assert window.ready
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(register_row))
    assert nav.currentRow() == 1
    assert window.register_page.counts() == (2, 2)


def test_a_start_up_password_is_asked_before_any_window(qtbot, modal, db_path):
    from PySide6.QtWidgets import QApplication

    from app.services import security
    from app.services.workspace import close_workspace, open_workspace
    from app.ui.app.lock import PasswordDialog

    _office_with_two_cases(db_path)
    open_workspace(db_path)
    security.set_password("茅畲乡123456")
    close_workspace()
    windows_when_asked = []

    def look_and_quit(dialog: PasswordDialog) -> None:
        windows_when_asked.extend(w for w in QApplication.topLevelWidgets()
                                  if hasattr(w, "case_views") and w.isVisible())
        dialog.reject()

    modal(PasswordDialog, look_and_quit)
    assert run_gui(["--db", str(db_path)]) == 0
    modal.check()
    assert windows_when_asked == []


def test_an_unexpected_error_opening_the_file_behind_the_window_is_told_and_ends_with_2(qtbot, modal, db_path,
                                                                                         monkeypatch):
    from app.ui.app import application
    from app.ui.common import errors
    from app.ui.common.errors import UnexpectedErrorDialog

    _office_with_two_cases(db_path)

    def broken(*args, **kwargs):
        raise RuntimeError("磁盘控制器错误")

    shown = {}

    def read_and_close(box: UnexpectedErrorDialog) -> None:
        shown["text"], shown["details"] = box.text.text(), box.detail_box.toPlainText()
        box.reject()

    monkeypatch.setattr(application, "open_database", broken)
    modal(UnexpectedErrorDialog, read_and_close)
    assert run_gui(["--db", str(db_path)]) == 2
    modal.check()
    assert "打开数据库时出错" in shown["text"] and str(db_path) in shown["text"]
    assert "磁盘控制器错误" in shown["details"]
    assert "RuntimeError: 磁盘控制器错误" in errors.log_file().read_text(encoding="utf-8")
