"""The keyboard works as a clerk expects: Ctrl+N registers, Ctrl+F goes to the search box, Enter opens,
Ctrl+Q quits, F1 the guide, Ctrl+P prints.

A key pressed on a real desk reaches the window that has the focus; on a busy test machine the window
may get it late or never, so these tests do not wait for it: `press` finds what the key sequence is
bound to in the window (exactly one enabled action or shortcut, as Qt's shortcut map would) and
sets it off, and the table gets its Enter directly."""
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from app.domain.request import RequestData
from app.services import register
from tests.ui.ui_support import press


def _window(qtbot):
    from app.ui.app.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_ctrl_n_opens_the_registration_form(qtbot, workspace, modal):
    from app.ui.register.dialog import RegisterDialog

    window = _window(qtbot)
    seen = []

    def close(dialog: RegisterDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    modal(RegisterDialog, close, needs_focus=False)
    press(window, "Ctrl+N")
    modal.check()
    assert seen


def test_ctrl_f_goes_to_the_search_box_and_enter_opens_the_case(qtbot, workspace):
    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="财政预算",
                                         arrived_on=dt.date(2026, 11, 2), channel="当面"), today=dt.date(2026, 11, 20))
    window = _window(qtbot)
    press(window, "Ctrl+F")
    page = window.register_page
    assert window.ui.pages.currentWidget() is page
    assert window.focusWidget() is page.ui.searchEdit  # the window's focus, whether or not it is active
    page.apply_filters()
    table = page.ui.table
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: case.id in window.case_views)
    assert window.case_views[case.id].case.case_no == case.case_no


def test_ctrl_q_closes_the_window_and_the_menus_show_the_shortcuts(qtbot, workspace):
    window = _window(qtbot)
    ui = window.ui
    shown = {a.text(): a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
             for a in (ui.actionQuit, ui.actionNewRequest, ui.actionFind, ui.actionGuide, ui.actionPrint)}
    assert shown == {"退出(&X)": "Ctrl+Q", "登记新申请(&N)…": "Ctrl+N", "查找(&F)": "Ctrl+F", "使用说明(&H)": "F1",
                     "打印(&P)…": "Ctrl+P"}
    press(window, "Ctrl+Q")
    assert not window.isVisible()
