"""Issue 5's "Done when", driven as a clerk would: register a proactive item, walk its secrecy review
through every step with a rejection and a resubmission, print the form and read it back; then try to
record a 予以公开 answer without an approved review and be stopped with the reason shown."""
from __future__ import annotations

import datetime as dt

import docx
import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.request import RequestData
from app.services import register
from app.ui.common.review_dialog import ReviewDialog
from app.ui.proactive.page import ItemDialog, ProactivePage
from app.ui.review.page import ReviewPage
from tests.ui.ui_support import (answer_messages, choose, click, db_rows, open_main_window, page_of, type_into,
                                 type_text)

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

TODAY = dt.date(2026, 10, 20)


@pytest.fixture
def window(qtbot, db_path):
    w = open_main_window(qtbot, db_path, TODAY)
    w.show()
    return w



def sign(qtbot, dialog: ReviewDialog, person: str, day: str, opinion: str, button) -> None:
    type_into(qtbot, dialog.ui.f_person, person)
    type_into(qtbot, dialog.ui.f_signed_on, day)
    dialog.ui.f_opinion.setFocus()
    dialog.ui.f_opinion.clear()
    type_text(qtbot, dialog.ui.f_opinion, opinion)
    click(qtbot, button)




def test_proactive_item_review_walk_and_printed_form(qtbot, window, db_path):
    page = page_of(window, ProactivePage)
    click(qtbot, page.new_button)
    dialog = page.findChild(ItemDialog)
    ui = dialog.ui
    type_into(qtbot, ui.f_title, "茅畲乡农村生活垃圾分类管理办法")
    type_into(qtbot, ui.f_doc_no, "茅政发〔2026〕12号")
    choose(ui.f_kind, "行政规范性文件")
    type_into(qtbot, ui.f_section, "农业农村办")
    type_into(qtbot, ui.f_made_on, "2026-10-16")
    type_into(qtbot, ui.f_issued_on, "2026年10月19日")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert ui.err_attribute.text() == "请选择公开属性" and dialog.isVisible()
    choose(ui.f_attribute, "主动公开")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not dialog.isVisible()
    assert db_rows(db_path, "SELECT title, issued_on FROM proactive_item") == [
        ("茅畲乡农村生活垃圾分类管理办法", "2026-10-19")]
    t = page.table
    assert t.item(0, 0).text() == "茅畲乡农村生活垃圾分类管理办法"
    # Issued Mon 19 Oct: loaded to the internal platform by Tue 20 Oct (today).
    assert t.item(0, 6).text() == "公文内网加载期限：2026年10月20日"
    assert t.item(0, 7).text() == "未审查"

    t.selectRow(0)
    click(qtbot, page.review_button)
    rd = page.findChild(ReviewDialog)
    r = rd.ui
    assert r.f_info_name.text() == "茅畲乡农村生活垃圾分类管理办法" and r.ch_0.isChecked()
    for key in ("state_secret", "commercial_secret", "privacy", "stability"):
        choose(getattr(r, f"f_check_{key}"), "否")
    click(qtbot, r.saveButton)
    assert r.err_proposal.text() == "请选择处理建议"
    choose(r.f_proposal, "全文公开")
    click(qtbot, r.saveButton)
    assert r.nextStepLabel.text() == "当前步骤：科室初审"

    sign(qtbot, rd, "王科长", "2026-10-19", "同意公开", r.approveButton)
    assert r.err_signed_on.text() == "签署日期不能早于上一步骤或提交日期（2026年10月20日）"
    assert r.nextStepLabel.text() == "当前步骤：科室初审"
    sign(qtbot, rd, "王科长", "2026-10-20", "同意公开", r.approveButton)
    assert r.nextStepLabel.text() == "当前步骤：保密审查"
    assert not r.groupContent.isEnabled()

    # The review page lists it waiting at 保密审查.
    review_page = page_of(window, ReviewPage)
    assert review_page.table.item(0, 0).text() == "保密审查"

    sign(qtbot, rd, "李保密", "2026-10-20", "附件二含村民身份证号码，须删除", r.rejectButton)
    assert "已被“保密审查”退回——附件二含村民身份证号码，须删除" in r.statusLabel.text()
    assert r.groupContent.isEnabled() and r.resubmitButton.isEnabled() and not r.approveButton.isEnabled()
    review_page.refresh()
    assert review_page.table.item(0, 0).text() == "退回修改"

    choose(r.f_proposal, "非密处理后公开")
    click(qtbot, r.resubmitButton)
    assert r.err_proposal_reason.text().startswith("请写明需作非密处理的内容和理由")
    type_into(qtbot, r.f_proposal_reason, "删去附件二中的身份证号码")
    click(qtbot, r.resubmitButton)
    assert r.statusLabel.text() == "状态：审查中（第2轮）"
    assert r.nextStepLabel.text() == "当前步骤：科室初审"

    sign(qtbot, rd, "王科长", "2026-10-20", "已删除个人信息，同意", r.approveButton)
    sign(qtbot, rd, "李保密", "2026-10-20", "经审查不涉密", r.approveButton)
    sign(qtbot, rd, "陈建国", "2026-10-20", "同意公开", r.approveButton)
    assert r.statusLabel.text().startswith("状态：已通过（处理建议：非密处理后公开）")
    steps = [[r.stepsTable.item(i, j).text() for j in range(6)] for i in range(r.stepsTable.rowCount())]
    assert [s[1:3] for s in steps] == [["科室初审", "同意"], ["保密审查", "退回"], ["科室初审", "同意"],
                                       ["保密审查", "同意"], ["分管领导审批", "同意"]]
    review_page.refresh()
    assert review_page.table.rowCount() == 0

    opened = []
    rd.open_document = opened.append
    click(qtbot, r.printButton)
    assert len(opened) == 1 and opened[0].exists()
    table = docx.Document(str(opened[0])).tables[0]
    cells = {}
    for row in table.rows:
        cells.setdefault(row.cells[0].text, []).append(row.cells[1].text)
    assert cells["信息名称"] == ["茅畲乡农村生活垃圾分类管理办法"]
    assert cells["处理建议"][0].startswith("□全文公开\u3000☑非密处理后公开") and "删去附件二中的身份证号码" in cells["处理建议"][0]
    for label, opinion, person in (("科室初审意见", "已删除个人信息，同意", "王科长"), ("保密审查意见", "经审查不涉密", "李保密"),
                                   ("分管领导审批意见", "同意公开", "陈建国")):
        assert cells[label][0] == opinion
        assert f"审查人：{person}" in cells[label][1] and "2026年10月20日" in cells[label][1]
    assert "附件二含村民身份证号码" in cells["退回记录"][0]

    click(qtbot, r.closeButton)
    page_of(window, ProactivePage)
    assert page.table.item(0, 7).text() == "已通过"


def test_releasing_answer_is_stopped_with_the_reason_shown(qtbot, modal, window, db_path):
    today = dt.date.today()
    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="茅畲村土地征收补偿方案", arrived_on=today,
                                         channel="当面"), today=today)
    view = window.open_case(case.id)
    qtbot.addWidget(view)
    choose(view.ui.f_outcome, "1 予以公开")
    shown = answer_messages(modal, "记录", "打开保密审查表…")
    click(qtbot, view.ui.recordOutcomeButton)
    modal.check()
    assert "须先完成保密审查（先审查、后公开）" in shown[1]
    assert db_rows(db_path, "SELECT outcome FROM request") == [(None,)]
    # The message opened the case's new review right there, and the choice is still 予以公开.
    dialog = view.findChild(ReviewDialog)
    assert dialog is not None and dialog.isVisible() and dialog.case_id == case.id
    assert dialog.ui.f_info_name.text() == "茅畲村土地征收补偿方案" and dialog.ui.saveButton.isEnabled()
    dialog.reject()
    assert view.ui.f_outcome.currentText() == "1 予以公开"
    view.close()
