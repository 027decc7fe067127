"""The keyboard works as a clerk expects: Ctrl+N registers, Ctrl+F goes to the search box, Enter opens."""
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.request import RequestData
from app.services import register


def _window(qtbot):
    from app.ui.app.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts go to the active window
    return window


def test_ctrl_n_opens_the_registration_form(qtbot, workspace, modal):
    from app.ui.register.dialog import RegisterDialog

    window = _window(qtbot)
    seen = []

    def close(dialog: RegisterDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    modal(RegisterDialog, close)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    modal.check()
    assert seen


def test_ctrl_f_goes_to_the_search_box_and_enter_opens_the_case(qtbot, workspace):
    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="财政预算",
                                         arrived_on=dt.date(2026, 11, 2), channel="当面"), today=dt.date(2026, 11, 20))
    window = _window(qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.register_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.ui.searchEdit)
    page.apply_filters()
    table = page.ui.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: case.id in window.case_views)
    assert window.case_views[case.id].case.case_no == case.case_no


def test_ctrl_q_closes_the_window_and_the_menus_show_the_shortcuts(qtbot, workspace):
    from PySide6.QtGui import QKeySequence

    window = _window(qtbot)
    shown = {a.text(): a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
             for a in (window.ui.actionQuit, window.ui.actionNewRequest, window.ui.actionFind)}
    assert shown == {"退出(&X)": "Ctrl+Q", "登记新申请(&N)…": "Ctrl+N", "查找(&F)": "Ctrl+F"}
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
