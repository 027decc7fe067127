"""The 台账与归档 page driven like a person: archive with a progress bar, the locked case refusing
an edit, and a ledger import through its preview dialog."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.domain.request import RequestData
from app.services import register
from app.ui.ledger.page import ImportPreviewDialog, LedgerPage
from tests.ui.ui_support import db_rows, open_main_window, page_of, type_into

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

TODAY = dt.date(2026, 1, 20)


@pytest.fixture
def window(qtbot, db_path):
    w = open_main_window(qtbot, db_path, TODAY)
    w.show()
    return w



def _case(name: str, arrived: dt.date, code: str | None, answered: dt.date | None):
    case = register.register(RequestData(name=name, id_number="11010519491231002X", phone="13857612345",
                                         address="茅畲村1号", info_name="村道硬化验收报告", channel="当面",
                                         arrived_on=arrived), today=TODAY)
    if code:
        register.record_outcome(case.id, code, answered)
    return case




def test_archive_from_the_page_and_the_locked_case_refuses_an_edit(qtbot, modal, window, db_path, tmp_path):
    answered = _case("李四", dt.date(2025, 3, 3), "3.1", dt.date(2025, 3, 20))
    _case("赵六", dt.date(2025, 12, 22), None, None)
    page = page_of(window, LedgerPage)
    assert page.isVisible() and page.year.value() == 2025
    assert "还有11天" in page.reminder.text() and "尚有1件未办结" in page.reminder.text()

    out = tmp_path / "刻盘"
    type_into(qtbot, page.out_dir, str(out))
    modal(QMessageBox, lambda box: qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton))
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    modal.check()
    qtbot.waitUntil(lambda: page.last_package is not None, timeout=10000)

    packages = [p for p in out.iterdir() if p.is_dir()]
    assert len(packages) == 1 and packages[0].name.startswith("2025年度依申请公开归档_")
    assert (out / (packages[0].name + ".zip")).is_file()
    assert (packages[0] / "MANIFEST-SHA256.txt").is_file()
    assert page.progress.isVisible() and page.progress.value() == page.progress.maximum() > 1
    assert str(packages[0]) in page.result.text()
    assert "已归档锁定" in page.lock_state.text()
    assert not page.archive_button.isEnabled() and page.unlock_button.isEnabled()
    assert not page.reminder.isVisible()

    view = window.open_case(answered.id)
    qtbot.addWidget(view)
    type_into(qtbot, view.form.ui.f_name, "李四四")
    shown = []

    def read_and_close(box: QMessageBox) -> None:
        shown.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    modal(QMessageBox, read_and_close)
    view.ui.actionSave.trigger()
    modal.check()
    assert shown and "已归档锁定" in shown[0]
    assert db_rows(db_path, f"SELECT name FROM request WHERE id = {answered.id}") == [("李四",)]
    type_into(qtbot, view.form.ui.f_name, "李四")
    view.close()


def test_import_through_the_preview_dialog(qtbot, modal, window, db_path, tmp_path):
    path = tmp_path / "手工台账.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["受理日期", "申请人姓名或名称", "申请公开内容", "办理结果", "答复日期"])
    ws.append(["2025-3-5", "张三", "低保审批结果", "属于国家秘密", "2025年3月20日"])
    ws.append(["2025-3-6", "王五", "宅基地审批", "同意", "2025-3-9"])
    wb.save(path)
    page = page_of(window, LedgerPage)
    seen = {}

    def confirm(dialog: ImportPreviewDialog) -> None:
        table = dialog.table
        seen["problems"] = [table.item(i, 4).text() for i in range(table.rowCount())]
        seen["checkable"] = [bool(table.item(i, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable)
                             for i in range(table.rowCount())]
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    modal(ImportPreviewDialog, confirm)
    page.import_from(path)
    modal.check()
    assert seen["problems"][0] == "可以导入" and "无法识别的办理结果“同意”" in seen["problems"][1]
    assert seen["checkable"] == [True, False]
    assert db_rows(db_path, "SELECT name, outcome, received_on FROM request") == [("张三", "3.1", "2025-03-05")]
    assert page.result.text() == "已导入 1 件"


def test_archiving_a_year_before_it_ends_is_deliberate_and_the_lock_is_told_before_the_form(
        qtbot, modal, db_path, tmp_path):
    from PySide6.QtWidgets import QInputDialog

    from app.services import audit
    from app.ui.register.dialog import register_new
    from tests.ui.ui_support import answer_messages

    november = dt.date(2026, 11, 30)
    window = open_main_window(qtbot, db_path, november)
    window.show()
    register.register(RequestData(name="王五", id_number="11010519491231002X", phone="13857612345",
                                  info_name="村道硬化验收报告", arrived_on=dt.date(2026, 11, 2)), today=november)
    page = page_of(window, LedgerPage)
    page.year.setValue(2026)
    type_into(qtbot, page.out_dir, str(tmp_path / "out"))
    told = answer_messages(modal, "不归档")
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    modal.check()
    assert "2026年尚未结束" in told[0] and "不能再登记收到日期在2026年的申请" in told[0]
    assert page.last_package is None and "未归档" in page.lock_state.text()

    answer_messages(modal, "提前归档…")
    modal(QInputDialog, lambda d: (d.setTextValue("乡镇合并，档案提前移交"), d.accept()), needs_focus=False)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    modal.check()
    assert page.last_package is not None and "已归档锁定" in page.lock_state.text()
    entry = [e for e in audit.history("year", 2026) if e.action == "提前归档并锁定"]
    assert len(entry) == 1 and "乡镇合并，档案提前移交" in entry[0].summary

    # The lock is told before any form is filled in.
    told = answer_messages(modal, "确定")
    assert register_new(window, window.ctx) is None
    modal.check()
    assert told[0].startswith("2026年度已归档锁定，收到日期在2026年的申请现在无法登记")

    # Unlocking shows the year open again.
    page.unlock("误操作，撤销提前归档")
    assert "未归档" in page.lock_state.text() and page.archive_button.isEnabled()
    assert not page.unlock_button.isEnabled()
