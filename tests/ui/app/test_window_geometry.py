"""The main window on a small screen opens maximized (its status bar stays on screen), and comes back
where and as large as the clerk left it."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect

from app.ui.app.main_window import SMALL_SCREEN
from tests.ui.ui_support import open_main_window

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

TODAY = dt.date(2026, 11, 30)


def test_first_time_maximized_on_a_small_screen_then_as_left(qtbot, db_path):
    window = open_main_window(qtbot, db_path, TODAY)
    screen = window.screen().availableGeometry()
    assert screen.width() < SMALL_SCREEN[0] or screen.height() < SMALL_SCREEN[1]  # offscreen: 800×600
    window.show_as_last_time()
    qtbot.waitUntil(window.isMaximized, timeout=2000)
    assert window.statusBar().isVisible()
    assert window.frameGeometry().bottom() <= screen.bottom() + 1

    window.showNormal()
    window.setGeometry(QRect(40, 30, 700, 500))
    qtbot.waitUntil(lambda: window.width() == 700, timeout=2000)
    assert window.close()

    again = open_main_window(qtbot, db_path, TODAY)
    again.show_as_last_time()
    qtbot.waitUntil(again.isVisible, timeout=2000)
    assert not again.isMaximized()
    assert (again.width(), again.height()) == (700, 500)


def test_a_case_window_opens_maximized_on_a_small_screen(qtbot, db_path):
    from app.domain.request import RequestData
    from app.services import register

    window = open_main_window(qtbot, db_path, TODAY)
    window.show_as_last_time()
    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         info_name="村道硬化验收报告", arrived_on=TODAY), today=TODAY)
    view = window.open_case(case.id)
    qtbot.addWidget(view)
    qtbot.waitUntil(view.isMaximized, timeout=2000)
    assert view.statusBar().isVisible()
