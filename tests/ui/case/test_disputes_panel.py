"""The 复议/诉讼 panel of the case view driven like a person: register a 行政复议 through the toolbar
dialog, see it with its limits, file the reply, a hearing and the result, and draft the 答辩状."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sqlite3

import pytest
from docx import Document
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from app.services.demo import demo_settings
from app.domain.request import RequestData
from app.services import demo, register, settings
from app.ui.app.application import open_database, prepare_app
from app.ui.common.fields_dialog import FieldsDialog as ClockActionDialog

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

TODAY = dt.date(2025, 4, 21)          # a Monday
RECEIVED = dt.date(2025, 3, 3)
ANSWERED = dt.date(2025, 3, 20)
COPY = dt.date(2025, 4, 14)           # the 复议申请书副本 arrives on a Monday


@pytest.fixture
def view(qtbot, db_path):
    prepare_app([])
    assert open_database(db_path)
    from app.services.calendar import invalidate

    invalidate()
    settings.save(demo_settings())
    data: RequestData = demo.make_request(random.Random(5), RECEIVED, 1, 2025)
    data = dataclasses.replace(data, channel="当面", arrived_on=RECEIVED, confirmed_on=None, name="王小明",
                               address="茅畲村8号")
    case = register.register(data, RECEIVED)
    register.record_outcome(case.id, "4.1", ANSWERED)
    from app.ui.app.main_window import MainWindow

    window = MainWindow(today=TODAY)
    qtbot.addWidget(window)
    v = window.open_case(case.id)
    qtbot.addWidget(v)
    return v


def _click_ok(qtbot, dialog) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.clear()
    qtbot.keyClicks(widget, text)


def _count(db_path, sql: str) -> int:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def _register_reconsideration(qtbot, modal, view) -> list[str]:
    errors: list[str] = []

    def fill(dialog: ClockActionDialog) -> None:
        assert dialog.ui.lbl_on.text() == "收到副本日期"
        assert dialog.inputs["kind"].currentData() == "行政复议"
        assert dialog.inputs["body"].text() == "台州市黄岩区人民政府"  # the office's 复议机关 by default
        dialog.inputs["kind"].setCurrentIndex(1)
        assert dialog.inputs["body"].text() == "台州市黄岩区人民法院"  # follows the kind
        dialog.inputs["kind"].setCurrentIndex(0)
        dialog.ui.f_on.setDate(QDate(COPY))
        dialog.inputs["body"].clear()
        modal(ClockActionDialog, retype)  # no body: refused, the same dialog comes back
        _click_ok(qtbot, dialog)

    def retype(dialog: ClockActionDialog) -> None:
        errors.append(dialog.ui.errorLabel.text())
        assert dialog.ui.f_on.date() == QDate(COPY)  # what was typed is still there
        _type(qtbot, dialog.inputs["body"], "Huangyan reconsideration office")
        _click_ok(qtbot, dialog)

    modal(ClockActionDialog, fill)
    view.case_disputes.register_action.trigger()
    modal.check()
    return errors


def test_register_a_reconsideration_and_see_it_with_its_limits(qtbot, modal, view, db_path):
    panel = view.case_disputes.panel
    assert panel.rows() == [] and not panel.empty.isHidden()
    assert view.case_disputes.register_action.isEnabled()

    errors = _register_reconsideration(qtbot, modal, view)
    assert errors and "复议机关或受理法院" in errors[0]
    assert _count(db_path, "SELECT count(*) FROM dispute") == 1

    rows = panel.rows()
    assert len(rows) == 1
    kind, body, copy, reply, hearings, result = rows[0]
    assert (kind, body, copy, hearings, result) == ("行政复议", "Huangyan reconsideration office", "2025年4月14日",
                                                    "—", "尚未审结")
    # 行政复议法第四十八条 with 第八十八条第二款: 10 working days after Mon 14 April 2025: 15–18 (4), 21–25 (9),
    # Sun 27 April (a 调休 working day of 2025, 10). From Mon 21 April: 22–25, 27 = five working days left.
    assert reply == "2025年4月27日（剩余5个工作日）"

    limits = {r[0]: r for r in panel.limit_rows()}
    legal = limits["答辩期限（复议，法定）"]
    assert legal[1] == "2025年4月27日"
    assert limits["答辩状（复议，本机关流程）"][2] == "已由其他期限取代"
    # The section's evidence: 5 working days after 14 April (15–18, 21) = today.
    assert limits["业务科室提供证据"][1:] == ["2025年4月21日", "今日到期"]
    row = next(i for i in range(panel.limits.rowCount()) if panel.limits.item(i, 0).text() == legal[0])
    assert panel.limits.item(row, 0).font().bold()
    assert "行政复议法第四十八条" in panel.limits.item(row, 1).toolTip()
    assert any("收到行政复议申请书副本" in t for t in view.timeline_texts())
    assert "答辩：2025年4月27日（剩余5个工作日）" in panel.summary.text()


def test_reply_hearing_result_and_defence_draft(qtbot, modal, view, db_path, monkeypatch):
    _register_reconsideration(qtbot, modal, view)
    panel = view.case_disputes.panel

    def reply(dialog: ClockActionDialog) -> None:
        dialog.ui.f_on.setDate(QDate(2025, 4, 18))
        evidence = dialog.inputs["evidence"]
        evidence.setFocus()
        qtbot.keyClicks(evidence, "application form")
        qtbot.keyClick(evidence, Qt.Key.Key_Return)
        qtbot.keyClicks(evidence, "answer notice and delivery receipt")
        _click_ok(qtbot, dialog)

    modal(ClockActionDialog, reply)
    qtbot.mouseClick(panel.buttons["reply"], Qt.MouseButton.LeftButton)
    modal.check()
    assert panel.rows()[0][3] == "2025年4月18日已提交"
    assert panel.limit_rows()[0][2].startswith("已完成")

    def hearing(dialog: ClockActionDialog) -> None:
        dialog.ui.f_on.setDate(QDate(2025, 4, 21))
        _type(qtbot, dialog.inputs["place"], "Room 3")
        _click_ok(qtbot, dialog)

    modal(ClockActionDialog, hearing)
    qtbot.mouseClick(panel.buttons["hearing"], Qt.MouseButton.LeftButton)
    modal.check()
    assert panel.rows()[0][4] == "2025年4月21日 Room 3"

    def result(dialog: ClockActionDialog) -> None:
        dialog.inputs["result"].setCurrentIndex(0)  # 维持
        dialog.ui.f_on.setDate(QDate(2025, 4, 21))
        _click_ok(qtbot, dialog)

    modal(ClockActionDialog, result)
    qtbot.mouseClick(panel.buttons["result"], Qt.MouseButton.LeftButton)
    modal.check()
    assert panel.rows()[0][5] == "维持（2025年4月21日）"
    assert _count(db_path, "SELECT count(*) FROM dispute WHERE result = '维持' AND decided_on = '2025-04-21'") == 1

    opened = []
    from app.services import notices

    monkeypatch.setattr(notices, "open_file", opened.append)  # do not start Word in a test
    qtbot.mouseClick(panel.buttons["defence"], Qt.MouseButton.LeftButton)
    draft = view.case_disputes.last_draft
    assert opened == [draft] and draft.exists()
    assert draft.parent.parent.name == "文书" and draft.name.startswith("行政复议答复书（草稿）")
    text = "\n".join(p.text for p in Document(draft).paragraphs)
    assert "行政复议答复书" in text and "{{" not in text and "{%" not in text
    assert "申请人：王小明" in text and "被申请人：黄岩区茅畲乡人民政府" in text
    assert "Huangyan reconsideration office" in text and "2025年4月14日" in text
    assert "1．application form" in text and "2．answer notice and delivery receipt" in text
    assert "本机关不掌握相关政府信息" in text  # the answer's outcome 4.1


def test_dispute_cannot_be_registered_before_an_answer(qtbot, db_path):
    prepare_app([])
    assert open_database(db_path)
    settings.save(demo_settings())
    data = dataclasses.replace(demo.make_request(random.Random(9), RECEIVED, 1, 2025), channel="当面",
                               arrived_on=RECEIVED, confirmed_on=None)
    case = register.register(data, RECEIVED)
    from app.ui.app.main_window import MainWindow

    window = MainWindow(today=TODAY)
    qtbot.addWidget(window)
    v = window.open_case(case.id)
    qtbot.addWidget(v)
    assert not v.case_disputes.register_action.isEnabled()
    assert v.case_disputes.panel.rows() == []
    assert not v.case_disputes.panel.buttons["register"].isEnabled()
    QApplication.processEvents()
