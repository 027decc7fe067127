"""The clock in the case view, driven as the clerk does: read the 答复期限 row, record a correction
through the toolbar dialog, see the limit stop and count afresh.

Dates are in November 2026, which has no public holiday, so the limits are plain working-day
counts done by hand below (the day that starts a period is not counted, 条例第三十三条)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.ui.common.fields_dialog import FieldsDialog as ClockActionDialog
from app.ui.case.view import CaseView
from app.ui.common.reason_dialog import ReasonDialog
from tests.ui.clock_support import office_with_cases
from tests.ui.ui_support import click_toolbar

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

RECEIVED = dt.date(2026, 11, 2)  # Monday
# 20 working days after Mon 2 Nov: 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), Mon 30 Nov (20).
ANSWER_DUE = "2026年11月30日"
# Corrected request on Tue 10 Nov: 11–13 (3), 16–20 (8), 23–27 (13), 30 Nov–4 Dec (18), 7, 8 Dec (20).
ANSWER_AFTER_CORRECTION = "2026年12月8日"
# The day the clerk looks: the third party's 15 working days (to 26 Nov) have not run out yet.
TODAY = dt.date(2026, 11, 25)



def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.fixture(autouse=True)
def _no_notice_offer(monkeypatch):
    """These tests are about the clock; the question that offers the notice is tested on its own."""
    from app.ui.case import notices_panel as case_clock

    monkeypatch.setitem(case_clock.OFFER_NOTICES, "enabled", False)


@pytest.fixture
def view(qtbot, db_path):
    (case_id,) = office_with_cases(db_path, RECEIVED)
    v = CaseView(case_id, today=TODAY)
    qtbot.addWidget(v)
    v.show()
    return v


def test_correction_stops_the_answer_limit_and_it_counts_afresh(qtbot, view, modal):
    panel = view.case_clock.panel
    assert panel.row_for("答复期限")[1] == ANSWER_DUE
    assert view.ui.deadlineLabel.text().startswith(f"答复期限：{ANSWER_DUE}")
    assert "条例第三十三条" in panel.table.item(0, 0).toolTip() or any(
        "条例第三十三条" in panel.table.item(r, 0).toolTip() for r in range(panel.table.rowCount()))
    assert not _enabled(view, "收到补正")

    def send(dialog: ClockActionDialog) -> None:
        dialog.ui.f_on.setDate(QDate(2026, 11, 4))
        qtbot.keyClicks(dialog.inputs["items"], "ID number missing")
        ok(dialog)

    modal(ClockActionDialog, send)
    click_toolbar(qtbot, view, "发出补正告知")
    modal.check()
    assert view.ui.statusLabel.text() == "补正中"
    assert panel.row_for("答复期限")[1:3] == ["—", "暂停"]
    assert any("发出补正告知" in t for t in view.timeline_texts())
    assert not _enabled(view, "发出补正告知")  # 一次性告知

    def received(dialog: ClockActionDialog) -> None:
        dialog.ui.f_on.setDate(QDate(2026, 11, 10))
        ok(dialog)

    modal(ClockActionDialog, received)
    click_toolbar(qtbot, view, "收到补正")
    modal.check()
    assert view.ui.statusLabel.text() == "办理中"
    assert panel.row_for("答复期限")[1] == ANSWER_AFTER_CORRECTION
    assert ANSWER_AFTER_CORRECTION in view.ui.deadlineLabel.text()


@pytest.mark.parametrize("answer", ["no", "yes"])
def test_a_late_extension_asks_first(qtbot, db_path, modal, answer):
    """Received Mon 12 Oct 2026: 13–16 (4), 19–23 (9), 26–30 (14), 2–6 Nov (19), Mon 9 Nov (20) is
    the answer limit; an extension told on 10 Nov is late. 否 stores nothing; 是 stores it, noted."""
    (case_id,) = office_with_cases(db_path, dt.date(2026, 10, 12))
    view = CaseView(case_id)
    qtbot.addWidget(view)
    assert view.case_clock.panel.row_for("答复期限")[1] == "2026年11月9日"
    asked = {}

    def extend(dialog):
        assert dialog.inputs["approved_by"].text() == "陈建国"  # the office's 分管领导 by default
        dialog.ui.f_on.setDate(QDate(2026, 11, 10))
        ok(dialog)

    def reply(box: QMessageBox) -> None:
        asked["text"] = box.text()
        box.button(QMessageBox.StandardButton.Yes if answer == "yes" else QMessageBox.StandardButton.No).click()

    modal(ClockActionDialog, extend)
    modal(QMessageBox, reply, timeout_ms=8000)
    click_toolbar(qtbot, view, "延期")
    modal.check()
    assert "2026年11月9日" in asked["text"]
    if answer == "no":
        assert view.ui.statusLabel.text() == "登记"
        assert not any("延期" in t for t in view.timeline_texts())
    else:
        assert view.ui.statusLabel.text() == "已延期"
        assert any("延期" in t and "已超过" in t for t in view.timeline_texts())
        # 20 working days after 9 Nov: 10–13 (4), 16–20 (9), 23–27 (14), 30 Nov–4 Dec (19), 7 Dec (20).
        assert view.case_clock.panel.row_for("延期答复期限")[1] == "2026年12月7日"
        assert view.case_clock.panel.row_for("答复期限")[2] == "已由其他期限取代"
        assert not _enabled(view, "延期")


def test_missing_input_is_shown_in_chinese_and_nothing_is_saved(qtbot, view, modal):
    seen = {}

    def empty_items(dialog):
        ok(dialog)  # no items typed: the dialog stays open with the message under its fields
        seen["text"] = dialog.ui.errorLabel.text()
        seen["open"] = dialog.isVisible()
        dialog.reject()  # the clerk gives up

    modal(ClockActionDialog, empty_items)
    click_toolbar(qtbot, view, "发出补正告知")
    modal.check()
    assert "请写明需要补正的事项" in seen["text"] and seen["open"]
    assert view.ui.statusLabel.text() == "登记"
    assert not any("补正" in t for t in view.timeline_texts())


def test_a_limit_running_into_an_unconfirmed_year_is_marked_with_the_prompt(qtbot, db_path):
    """Extended in November 2026, the limit falls in January 2027, whose schedule is not loaded."""
    from app.services import actions
    from app.services.calendar import work_calendar

    (case_id,) = office_with_cases(db_path, dt.date(2026, 11, 16))
    if work_calendar().is_confirmed(2027):
        pytest.skip("this holidays package already has 2027")
    actions.extend(case_id, dt.date(2026, 11, 20), "陈建国")
    view = CaseView(case_id)
    qtbot.addWidget(view)
    panel = view.case_clock.panel
    row = panel.row_for("延期答复期限")
    assert row[1].startswith("2027年1月") and row[2].endswith("（未确认）")
    assert "未确认" in view.ui.deadlineLabel.text()
    assert not panel.prompt.isHidden()
    assert "2027年" in panel.prompt.text() and "请在“工作日历”页面载入并确认该年度节假日安排" in panel.prompt.text()
    assert "答复期限" == panel.row_for("答复期限")[0] and "未确认" not in panel.row_for("答复期限")[2]


def _enabled(view, text: str) -> bool:
    return next(a for a in view.ui.actionsBar.actions() if a.text() == text).isEnabled()


def test_consultation_pauses_and_the_answer_closes_the_case(qtbot, view, modal):
    def start(dialog):
        dialog.ui.f_on.setDate(QDate(2026, 11, 5))
        qtbot.keyClicks(dialog.inputs["party"], "Huangyan Stone Co")
        combo = dialog.inputs["party_kind"]
        combo.setCurrentIndex(combo.findText("第三方"))
        ok(dialog)

    modal(ClockActionDialog, start)
    click_toolbar(qtbot, view, "发起征求意见")
    modal.check()
    assert view.ui.statusLabel.text() == "征求意见中"
    assert view.case_clock.panel.row_for("答复期限")[2] == "暂停"
    # 条例第三十二条: 15 working days from the third party's receipt; not known until the delivery is recorded.
    assert view.case_clock.panel.row_for("征求第三方意见期限")[1] == "—"

    def delivered(dialog):
        combo = dialog.inputs["ref"]
        assert combo.count() == 1 and "Huangyan Stone Co" in combo.currentText()
        method = dialog.inputs["method"]
        method.setCurrentIndex(method.findText("直接送达"))
        dialog.ui.f_on.setDate(QDate(2026, 11, 5))
        ok(dialog)

    modal(ClockActionDialog, delivered)
    click_toolbar(qtbot, view, "登记送达")
    modal.check()
    # Handed over Thu 5 Nov: 6 (1), 9–13 (6), 16–20 (11), 23–26 (15).
    assert view.case_clock.panel.row_for("征求第三方意见期限")[1] == "2026年11月26日"

    def reply(dialog):
        combo = dialog.inputs["consultation"]
        assert combo.count() == 1 and combo.currentText().startswith("Huangyan Stone Co")
        dialog.ui.f_on.setDate(QDate(2026, 11, 11))
        ok(dialog)

    modal(ClockActionDialog, reply)
    click_toolbar(qtbot, view, "收到意见")
    modal.check()
    assert view.ui.statusLabel.text() == "办理中"
    # Paused (5 Nov, 11 Nov] = 6, 9, 10, 11 Nov: 4 working days later than 30 Nov is Fri 4 Dec.
    assert view.case_clock.panel.row_for("答复期限")[1] == "2026年12月4日"

    def answer(dialog):
        combo = dialog.inputs["code"]
        combo.setCurrentIndex(combo.findData("4.1"))
        dialog.ui.f_on.setDate(QDate(2026, 11, 20))
        ok(dialog)

    modal(ClockActionDialog, answer)
    click_toolbar(qtbot, view, "答复")
    modal.check()
    assert view.ui.statusLabel.text() == "已答复"
    assert view.case_clock.panel.row_for("答复期限")[2] == "已完成（2026年11月20日）"
    assert not any(_enabled(view, t) for t in ("答复", "延期", "发起征求意见"))


def test_each_action_offers_its_notice(qtbot, view, modal, monkeypatch):
    from app.ui.case import notices_panel as case_clock

    monkeypatch.setitem(case_clock.OFFER_NOTICES, "enabled", True)
    asked = []

    def send(dialog: ClockActionDialog) -> None:
        dialog.ui.f_on.setDate(QDate(2026, 11, 4))
        qtbot.keyClicks(dialog.inputs["items"], "ID number missing")
        ok(dialog)

    def later(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    modal(ClockActionDialog, send)
    modal(QMessageBox, later)
    click_toolbar(qtbot, view, "发出补正告知")
    modal.check()
    assert asked == ["是否立即出具补正告知书？"]
    assert view.ui.statusLabel.text() == "补正中"  # the action is stored whatever the answer
    kind, extra = case_clock.NOTICE_FOR_ACTION["extend"](view.case_id, {"approved_by": "陈建国"})
    assert (kind, extra) == ("延期答复告知书", {"批准人": "陈建国"})
    kind, _ = case_clock.NOTICE_FOR_ACTION["answer"](view.case_id, {"code": "3.1"})
    assert kind == "答复告知书（不予公开）"


def test_internal_review_step_is_recorded_from_the_steps_menu(qtbot, view, modal):
    panel = view.case_clock.panel
    assert "已完成" not in panel.row_for("审查")[2]
    review = view.case_clock.buttons["reviewed"]
    assert review.isEnabled()

    def done(dialog: ClockActionDialog) -> None:
        dialog.ui.f_on.setDate(QDate(2026, 11, 3))
        ok(dialog)

    modal(ClockActionDialog, done)
    review.trigger()
    modal.check()
    assert panel.row_for("审查")[2].startswith("已完成")
    assert not view.case_clock.buttons["reviewed"].isEnabled()
    assert any("审查完成" in t for t in view.timeline_texts())


# ------------------------------------------------------------------ steps the law allows only late, or not yet


def _warning(seen: dict):
    def read(box: QMessageBox) -> None:
        seen.setdefault("texts", []).append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()
    return read


def _confirm_then_warning(modal, seen: dict) -> None:
    """记录办理结果 asks first (“记录”), then the refusal is read."""
    def confirm(box: QMessageBox) -> None:
        modal(QMessageBox, _warning(seen), needs_focus=False)
        next(b for b in box.buttons() if b.text() == "记录").click()
    modal(QMessageBox, confirm, needs_focus=False)


def _send_correction(qtbot, view, modal, on: dt.date) -> None:
    def send(dialog: ClockActionDialog) -> None:
        dialog.ui.f_on.setDate(QDate(on))
        dialog.inputs["items"].setPlainText("请写明所需信息的文号")
        ok(dialog)

    modal(ClockActionDialog, send)
    click_toolbar(qtbot, view, "发出补正告知")
    modal.check()


def test_closing_as_abandoned_before_the_correction_period_ends_is_refused(qtbot, view, modal):
    """条例第三十条: only "无正当理由逾期不补正" closes a request as abandoned (6.1). 补正告知 Thu 5 Nov with 15
    working days: 6 (1), 9–13 (6), 16–20 (11), 23–26 (15) → Thu 26 Nov. On 25 Nov both the 答复 action and the
    记录办理结果 button refuse 6.1, and 4.3 (补正后仍不明确) needs a correction first."""
    _send_correction(qtbot, view, modal, dt.date(2026, 11, 5))
    assert view.case_clock.panel.row_for("补正期限")[1] == "2026年11月26日"
    seen: dict = {}

    def answer_6_1(dialog: ClockActionDialog) -> None:
        combo = dialog.inputs["code"]
        combo.setCurrentIndex(combo.findData("6.1"))
        dialog.ui.f_on.setDate(QDate(2026, 11, 25))
        ok(dialog)

    modal(ClockActionDialog, answer_6_1)
    modal(QMessageBox, _warning(seen))
    click_toolbar(qtbot, view, "答复")
    modal.check()
    assert "2026年11月26日" in seen["texts"][-1]

    combo = view.ui.f_outcome
    for code in ("6.1", "4.3"):
        combo.setCurrentIndex(combo.findData(code))
        view.ui.f_answered_on.setDate(QDate(2026, 11, 25))
        _confirm_then_warning(modal, seen)
        qtbot.mouseClick(view.ui.recordOutcomeButton, Qt.MouseButton.LeftButton)
        modal.check()
    assert "2026年11月26日" in seen["texts"][-2] and "尚未收到补正" in seen["texts"][-1]
    assert view.case.outcome is None and view.ui.statusLabel.text() == "补正中"
    assert not any("办理结果" in t for t in view.timeline_texts())


def test_closing_as_unpaid_needs_a_fee_notice(qtbot, view, modal):
    """国办函〔2020〕109号: 6.2 is for a fee notice left unpaid past its term; there is none here."""
    seen: dict = {}
    combo = view.ui.f_outcome
    combo.setCurrentIndex(combo.findData("6.2"))
    view.ui.f_answered_on.setDate(QDate(2026, 11, 25))
    _confirm_then_warning(modal, seen)
    qtbot.mouseClick(view.ui.recordOutcomeButton, Qt.MouseButton.LeftButton)
    modal.check()
    assert "没有未缴费的收费通知" in seen["texts"][-1] and view.case.outcome is None


def test_a_late_correction_asks_for_the_reason_and_puts_it_on_the_timeline(qtbot, db_path, modal):
    """条例第三十条: without 正当理由 a correction after the 补正期限 means the request is abandoned. 补正告知
    Wed 4 Nov: 5, 6 (2), 9–13 (7), 16–20 (12), 23–25 (15) → Wed 25 Nov. A correction arriving Thu 26 Nov
    is recorded only with the reason the clerk gives; cancelling records nothing."""
    (case_id,) = office_with_cases(db_path, RECEIVED)
    view = CaseView(case_id, today=dt.date(2026, 11, 27))
    qtbot.addWidget(view)
    view.show()
    _send_correction(qtbot, view, modal, dt.date(2026, 11, 4))
    seen: dict = {}

    def receive(dialog: ClockActionDialog) -> None:
        dialog.ui.f_on.setDate(QDate(2026, 11, 26))
        ok(dialog)

    def cancel(dialog: ReasonDialog) -> None:
        seen["message"] = dialog.message.text()
        dialog.reject()

    modal(ClockActionDialog, receive)
    modal(ReasonDialog, cancel)
    click_toolbar(qtbot, view, "收到补正")
    modal.check()
    assert "2026年11月25日" in seen["message"] and "正当理由" in seen["message"]
    assert view.ui.statusLabel.text() == "补正中"  # nothing recorded
    assert not any("收到补正" in t for t in view.timeline_texts())

    def give_reason(dialog: ReasonDialog) -> None:
        dialog.text.setPlainText("申请人因病住院，提供了医院证明")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    modal(ClockActionDialog, receive)
    modal(ReasonDialog, give_reason)
    click_toolbar(qtbot, view, "收到补正")
    modal.check()
    assert view.ui.statusLabel.text() == "办理中"
    (entry,) = [t for t in view.timeline_texts() if "收到补正" in t]
    assert "申请人因病住院，提供了医院证明" in entry and "已超过补正期限2026年11月25日" in entry
    # The answer limit runs from Thu 26 Nov: 27 (1), 30 (2), 12/1–4 (6), 7–11 (11), 14–18 (16), 21–24 (20).
    assert view.case_clock.panel.row_for("答复期限")[1] == "2026年12月24日"
