"""The one error path: an unexpected exception in a button handler or in a background operation
reaches the Chinese "操作未完成" dialog, its traceback is in the log file, and the program keeps
running; refusals of the services go to a Chinese message box, validation to the fields."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.request import RequestData
from app.services import register
from app.services.errors import ServiceError, ValidationError
from app.ui.common import errors, hooks, tasks
from app.ui.common.errors import UnexpectedErrorDialog
from tests.ui.ui_support import click, open_main_window, page_of, type_into

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def program_hooks():
    """The program's hooks as run_gui installs them (and pytest's back afterwards)."""
    hooks.install()
    yield
    hooks.uninstall()


def _read_dialog(seen: dict):
    def read(dialog: UnexpectedErrorDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["text"] = dialog.text.text()
        seen["details"] = dialog.detail_box.toPlainText()
        dialog.copy_button.click()
        seen["copied"] = QApplication.clipboard().text()
        dialog.reject()
    return read


def _case(name: str = "张三") -> int:
    return register.register(RequestData(name=name, id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="财政预算",
                                         arrived_on=dt.date(2026, 11, 2), channel="当面"), today=TODAY).id


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_button_handler_reaches_the_dialog_and_the_log(qtbot, modal, db_path, program_hooks,
                                                                          monkeypatch):
    from app.services import templates
    from app.ui.templates.page import TemplatesPage

    window = open_main_window(qtbot, db_path, TODAY)
    window.show()
    page = page_of(window, TemplatesPage)
    tab = page.templates_tab
    tab.table.selectRow(0)

    def broken(kind):
        raise RuntimeError("模板检查器内部故障")

    monkeypatch.setattr(templates, "check", broken)
    seen: dict = {}
    modal(UnexpectedErrorDialog, _read_dialog(seen), needs_focus=False)
    click(qtbot, tab.buttons["check"])
    modal.check()
    assert seen["title"].endswith("操作未完成")
    assert "刚才的操作没有完成" in seen["text"] and "已经保存的数据不受影响" in seen["text"]
    assert "RuntimeError" in seen["details"] and "模板检查器内部故障" in seen["details"]
    assert seen["copied"] == seen["details"]
    log = errors.log_file()
    assert log.parent.name == "日志" and "模板检查器内部故障" in log.read_text(encoding="utf-8")
    assert "Traceback" in log.read_text(encoding="utf-8")
    # the program keeps running: the window answers the next click
    monkeypatch.undo()
    click(qtbot, tab.buttons["check"])
    assert "未发现问题" in tab.report.toPlainText() or "问题" in tab.report.toPlainText()
    assert window.isVisible()


def test_an_exception_in_a_background_operation_reaches_the_dialog_and_the_log(qtbot, modal, db_path, program_hooks,
                                                                                monkeypatch):
    window = open_main_window(qtbot, db_path, TODAY)
    window.show()
    case_id = _case()
    view = window.open_case(case_id)

    def broken(*args, **kwargs):
        raise KeyError("索引损坏")

    monkeypatch.setattr(register, "update", broken)
    type_into(qtbot, view.form.ui.f_address, "茅畲村2号")
    seen: dict = {}
    modal(UnexpectedErrorDialog, _read_dialog(seen), needs_focus=False)
    tasks.set_inline(False)  # as in the program: the save runs on the store lane
    try:
        qtbot.mouseClick(view.ui.actionsBar.widgetForAction(view.ui.actionSave), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "details" in seen, timeout=10000)
    finally:
        tasks.wait_for_all()
        tasks.set_inline(True)
    modal.check()
    assert "KeyError" in seen["details"] and "索引损坏" in seen["details"]
    assert "索引损坏" in errors.log_file().read_text(encoding="utf-8")
    assert view.form.is_dirty() and view.ui.actionSave.isEnabled()  # nothing lost: she can save again
    monkeypatch.undo()
    qtbot.mouseClick(view.ui.actionsBar.widgetForAction(view.ui.actionSave), Qt.MouseButton.LeftButton)
    assert register.get_case(case_id).address == "茅畲村2号"


def test_a_refusal_is_a_chinese_message_and_a_validation_error_goes_to_the_fields(qtbot, modal):
    seen: dict = {}

    def read(box: QMessageBox) -> None:
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        box.accept()

    modal(QMessageBox, read)
    errors.report(None, ServiceError("2025年度已归档锁定，不能修改"), "无法保存")
    modal.check()
    assert seen == {"title": "无法保存", "text": "2025年度已归档锁定，不能修改"}
    shown: dict = {}
    errors.report(None, ValidationError({"phone": "电话号码格式不正确"}), "无法保存", shown.update)
    assert shown == {"phone": "电话号码格式不正确"}


def test_a_file_error_names_the_file_in_chinese(qtbot, modal):
    import errno

    seen: dict = {}
    modal(QMessageBox, lambda box: (seen.update(text=box.text()), box.accept()))
    errors.report(None, OSError(errno.ENOSPC, "No space left on device", "E:/台账.xlsx"), "未能导出台账")
    modal.check()
    assert seen["text"].startswith("磁盘空间已满：E:/台账.xlsx") and "No space" not in seen["text"]


@pytest.mark.qt_log_ignore("测试：Qt 警告")
def test_qt_warnings_go_to_the_log_and_never_break_qt(qtbot, program_hooks):
    """Qt's message handler feeds the same log (and a failure inside it must not reach Qt)."""
    from PySide6.QtCore import qWarning

    with qtbot.captureExceptions() as raised:
        qWarning("测试：Qt 警告写入日志（首次绘制之前）")
    assert not raised
    hooks.open_log()  # after the first paint: what Qt said meanwhile is written then
    qWarning("测试：Qt 警告写入日志（之后）")
    written = errors.log_file().read_text(encoding="utf-8")
    assert "测试：Qt 警告写入日志（首次绘制之前）" in written and "测试：Qt 警告写入日志（之后）" in written
