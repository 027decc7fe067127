"""The 办理结果 box of the case view: recording asks first and offers the answer notice; a choice not
yet recorded survives the reload a review step announces."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from app.services import register
from app.ui.common.events import Changes
from app.ui.case.notice_dialog import NoticeDialog
from tests.ui.clock_support import case_view_received_today
from tests.ui.ui_support import answer_messages, choose, click

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

TODAY = dt.date.today()


@pytest.fixture
def view(qtbot, db_path):
    return case_view_received_today(qtbot, db_path)


def test_a_choice_not_yet_recorded_survives_a_reload(view):
    choose(view.ui.f_outcome, "3.4 保护第三方合法权益")
    view.ctx.announce(Changes.case(view.case_id))  # e.g. the review dialog signed a step
    assert view.ui.f_outcome.currentText() == "3.4 保护第三方合法权益"
    assert register.get_case(view.case_id).outcome is None


def test_cancelling_the_question_records_nothing(qtbot, modal, view):
    choose(view.ui.f_outcome, "4.1 本机关不掌握相关政府信息")
    view.ui.f_answered_on.setDate(QDate(TODAY))
    asked = answer_messages(modal, "取消")
    click(qtbot, view.ui.recordOutcomeButton)
    modal.check()
    assert "记录办理结果：（四）无法提供" in asked[0] and f"答复日期：{TODAY.year}年" in asked[0]
    assert register.get_case(view.case_id).outcome is None


def test_recording_offers_the_answer_notice(qtbot, modal, view):
    choose(view.ui.f_outcome, "4.1 本机关不掌握相关政府信息")
    view.ui.f_answered_on.setDate(QDate(TODAY))
    opened = []
    modal(NoticeDialog, lambda d: (opened.append(d.kind_combo.currentText()), d.reject()), needs_focus=False)
    answer_messages(modal, "记录", "立即出具")
    click(qtbot, view.ui.recordOutcomeButton)
    modal.check()
    assert register.get_case(view.case_id).outcome == "4.1"
    assert opened == ["答复告知书（信息不存在）"]
    assert view.ui.f_outcome.currentText().startswith("4.1")


def test_esc_does_not_close_the_case_window_ctrl_w_does_and_asks_first(qtbot, modal, view):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from tests.ui.ui_support import type_into

    type_into(qtbot, view.form.ui.f_phone, "13900001111")
    qtbot.keyClick(view.form.ui.f_phone, Qt.Key.Key_Escape)
    assert view.isVisible()
    assert view.ui.actionClose.shortcut() == QKeySequence("Ctrl+W")
    asked = []
    modal(QMessageBox, lambda box: (asked.append(box.text()), box.button(QMessageBox.StandardButton.Cancel).click()),
          needs_focus=False)
    view.ui.actionClose.trigger()
    modal.check()
    assert asked == ["对登记信息的修改尚未保存，确定放弃吗？"] and view.isVisible()
    view.form.mark_clean()  # the test's own edit: nothing to ask about when it closes the window


def test_undo_the_last_step_from_the_toolbar(qtbot, modal, view):
    from app.services import actions
    from tests.ui.ui_support import click_toolbar

    assert not view.undo_action.isEnabled()  # nothing but the registration yet
    actions.complete_step(view.case_id, "reviewed", TODAY, "申请内容明确")
    view.reload()
    assert view.undo_action.isEnabled()
    asked = answer_messages(modal, "撤销")
    click_toolbar(qtbot, view, "撤销上一步…")
    modal.check()
    assert "审查完成：申请内容明确，无需补正（申请内容明确）" in asked[0]
    assert view.timeline_texts()[-1] == "撤销上一步：审查完成：申请内容明确，无需补正（申请内容明确）"
    trail = view.audit_table.texts()
    assert "撤销上一步" in trail[0] and any("审查完成" in t for t in trail[1:])
    assert not view.undo_action.isEnabled()
