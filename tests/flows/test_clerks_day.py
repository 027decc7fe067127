"""The clerk's whole year-end, walked through the program's windows as she walks it (docs/legal/requests.md):

1. 1 December 2025: a walk-in registers (no address asked), the 登记编号 is told in front and the
   回执 issued from that message.
2. 8 December 2025: the answer 予以公开 is refused until the secrecy review is done; the review is
   opened from the refusal, filled in, its form printed before the leader signs, then signed; the
   choice of 办理结果 has survived; recording it asks first and offers the 答复告知书, which is issued —
   the printed review form stands among the case's documents and blocks nothing.
3. 20 and 30 November 2026: a second request; on 30 November it is extended into 2027, whose holiday
   schedule is not loaded: the extension is recorded, its notice is not issued on an uncertain date,
   and the home page says what that means and for which case.
4. Search by phone and ID number, 未找到, the audit trail in Chinese, the print preview telling the truth
   about a desk without a printer, 撤销上一步.
5. The year end: the 工作日历 shows 2027 unconfirmed; 2026 cannot be archived in November; 2025 is
   archived — the package files every document with its date (the review form too) and its catalogue
   prints readably — its annual report counts the answer, and a walk-in of 2026 can still be
   registered.

Real SQLite in tmp_path; real .docx read back with python-docx; LibreOffice renders the previews.
Set ZWGK_SHOTS to a folder to save screenshots of the windows at 1366×768 on the way.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import paths
from app.services import notices
from app.ui.calendar.page import CalendarPage
from app.ui.case.notice_dialog import NoticeDialog
from app.ui.common import print_preview
from app.ui.common.fields_dialog import FieldsDialog
from app.ui.common.print_preview import NO_PRINTER, PrintPreviewDialog
from app.ui.common.review_dialog import ReviewDialog
from app.ui.ledger.page import LedgerPage
from app.ui.register.dialog import RegisterDialog
from app.ui.register.page import RegisterPage
from app.ui.report.page import ReportPage
from tests.ui.ui_support import (answer_messages, choose, click, click_toolbar, db_rows, open_main_window, page_of,
                                 type_into, type_text)

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
    pytest.mark.skipif(notices.soffice() is None, reason="the previews are rendered by LibreOffice"),
    pytest.mark.skipif(dt.date.today() < dt.date(2026, 11, 30), reason="the walk ends on 30 November 2026"),
    pytest.mark.timeout(600),
]

D = dt.date
ZHANG_ID, LI_ID = "11010519491231002X", "330103199001010019"


def snap(widget: QWidget, name: str, qtbot=None, settle_ms: int = 0) -> None:
    """A screenshot for the record when ZWGK_SHOTS names a folder (never committed); `settle_ms` lets
    what draws in the background (the PDF pages) finish first."""
    folder = os.environ.get("ZWGK_SHOTS")
    if folder:
        if qtbot is not None and settle_ms:
            qtbot.wait(settle_ms)
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def docx_text(path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def fill_walk_in(qtbot, dialog: RegisterDialog, name: str, id_number: str, phone: str, info: str,
                 arrived: dt.date) -> None:
    ui = dialog.form.ui
    type_into(qtbot, ui.f_name, name)
    type_into(qtbot, ui.f_id_number, id_number)
    type_into(qtbot, ui.f_phone, phone)
    type_into(qtbot, ui.f_info_name, info)
    choose(ui.f_department, "党政办公室")
    ui.f_arrived_on.setDate(QDate(arrived))
    # A walk-in collects the answer: no address is asked.
    assert ui.f_channel.currentText() == "当面" and ui.f_delivery_method.currentText() == "自行领取"


def decline_question_about(text: str, seen: list[str]) -> QTimer:
    """Watch for a question naming `text` (a date in an unconfirmed year) and answer it with the
    button that does not go ahead; the notice must not be issued on an uncertain date either way."""
    timer = QTimer()

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and text in box.text():
            seen.append(box.text())
            back = [b for b in box.buttons() if box.buttonRole(b) in (QMessageBox.ButtonRole.NoRole,
                                                                       QMessageBox.ButtonRole.RejectRole)]
            (back[0] if back else box.buttons()[-1]).click()

    timer.timeout.connect(poll)
    timer.start(20)
    return timer


@pytest.fixture
def window(qtbot, db_path, monkeypatch):
    monkeypatch.setattr(print_preview, "printers", lambda: [])  # this desk has no printer installed
    w = open_main_window(qtbot, db_path, D(2025, 12, 1))
    w.resize(1366, 768)
    w.show()
    return w


def test_the_clerks_year_end(qtbot, modal, window, db_path, tmp_path):
    from app.services.work_calendar import work_calendar

    if work_calendar().is_confirmed(2027):
        pytest.skip("this holidays package already has 2027: no year-end warning to walk into")
    ctx = window.ctx

    # ---- 1 December 2025: a walk-in, the number in front, the 回执 issued from that message --------
    register_page = page_of(window, RegisterPage)

    def register_zhang(dialog: RegisterDialog) -> None:
        fill_walk_in(qtbot, dialog, "张三", ZHANG_ID, "0576-84123456", "茅畲村道路硬化工程验收资料", D(2025, 12, 1))
        click(qtbot, dialog.save_button)

    def issue_receipt(dialog: NoticeDialog) -> None:
        assert dialog.kind_combo.currentText() == "申请接收回执"
        click(qtbot, dialog.issue_button)

    modal(RegisterDialog, register_zhang)
    told = answer_messages(modal, "出具回执…")
    modal(NoticeDialog, issue_receipt, timeout_ms=20000, needs_focus=False)
    click(qtbot, register_page.ui.newButton)
    modal.check()
    assert told[0].startswith("已登记，登记编号：〔2025〕第1号\n申请人：张三")
    case_a = window.case_views[1]
    qtbot.addWidget(case_a)
    receipt = case_a.documents_panel.rows[0]
    assert (receipt.kind, receipt.doc_no, receipt.issued_on) == ("申请接收回执", "茅政信收〔2025〕1号", D(2025, 12, 1))
    assert "张三" in docx_text(receipt.path)

    # ---- 8 December 2025: the review before the answer, printed before the leader signs -----------
    ctx.fixed_today = D(2025, 12, 8)
    case_a.reload()
    choose(case_a.ui.f_outcome, "1 予以公开")
    case_a.ui.f_answered_on.setDate(QDate(D(2025, 12, 8)))
    refused = answer_messages(modal, "记录", "打开保密审查表…")
    click(qtbot, case_a.ui.recordOutcomeButton)
    modal.check()
    assert "须先完成保密审查（先审查、后公开）" in refused[1]
    review = case_a.findChild(ReviewDialog)
    r = review.ui
    assert r.f_info_name.text() == "茅畲村道路硬化工程验收资料" and r.f_section.text() == "党政办公室"
    choose(r.f_carrier, "非公文类")
    for key in ("state_secret", "commercial_secret", "privacy", "stability"):
        choose(getattr(r, f"f_check_{key}"), "否")
    choose(r.f_proposal, "全文公开")
    click(qtbot, r.saveButton)
    assert r.nextStepLabel.text() == "当前步骤：科室初审"

    def sign(person: str, opinion: str) -> None:
        type_into(qtbot, r.f_person, person)
        type_into(qtbot, r.f_signed_on, "2025-12-08")
        r.f_opinion.setFocus()
        r.f_opinion.clear()
        type_text(qtbot, r.f_opinion, opinion)
        click(qtbot, r.approveButton)

    sign("王科长", "同意公开")
    printed = {}

    def look_at_form(preview: PrintPreviewDialog) -> None:
        printed["pages"] = preview.page_count()
        preview.resize(1000, 720)
        snap(preview, "print-preview", qtbot, 2000)
        preview.reject()

    modal(PrintPreviewDialog, look_at_form, timeout_ms=60000, needs_focus=False)
    click(qtbot, r.printButton)  # printed for the hand signatures still to come
    modal.check()
    assert printed["pages"] >= 1 and review.last_printed is not None
    sign("李保密", "经审查不涉密")
    sign("陈建国", "同意")
    assert r.statusLabel.text().startswith("状态：已通过")
    review.close()
    # The choice of 办理结果 survived the reloads the review's steps announced.
    assert case_a.ui.f_outcome.currentText() == "1 予以公开"
    assert [d.kind for d in case_a.documents_panel.rows] == ["申请接收回执", "保密审查表"]

    def issue_answer(dialog: NoticeDialog) -> None:
        assert dialog.kind_combo.currentText() == "答复告知书（予以公开）"
        assert "共" not in dialog.inputs["提供方式说明"].text()
        click(qtbot, dialog.issue_button)

    asked = answer_messages(modal, "记录", "立即出具")
    modal(NoticeDialog, issue_answer, timeout_ms=20000, needs_focus=False)
    click(qtbot, case_a.ui.recordOutcomeButton)
    modal.check()
    assert asked[0].startswith("记录办理结果：（一）予以公开\n答复日期：2025年12月8日")
    assert asked[1] == "是否立即出具答复告知书（予以公开）？"
    assert db_rows(db_path, "SELECT outcome, answered_on, status FROM request WHERE id = 1") == [
        ("1", "2025-12-08", "已答复")]
    answer = case_a.documents_panel.rows[-1]
    assert (answer.kind, answer.doc_no) == ("答复告知书（予以公开）", "茅政信答〔2025〕1号")
    text = docx_text(answer.path)
    assert "茅政信答〔2025〕1号" in text and "张三" in text and "第三十六条" in text and "共  页" not in text
    case_a.history_tabs.setCurrentWidget(case_a.documents_panel)
    case_a.showNormal()
    case_a.resize(1366, 768)
    snap(case_a, "case-after-answer")

    # The audit trail reads in Chinese and is signed by the office's 经办人.
    trail = case_a.audit_table.texts()
    assert any("办理结果：（空） → （一）予以公开" in t for t in trail)
    assert any("打印保密审查表" in t and "文件：" in t for t in trail)
    assert not any(re.search(r"\b(path|opinion|person|signed_on)\b", t) for t in trail)
    assert {t.split()[2] for t in trail} == {"王丽"}

    # Printing the answer: the pages in the preview, and the truth about a desk without a printer.
    table = case_a.documents_panel.table
    table.selectRow(len(case_a.documents_panel.rows) - 1)
    no_printer = []

    def try_to_print(preview: PrintPreviewDialog) -> None:
        no_printer.append(preview.page_count())
        modal(QMessageBox, lambda box: (no_printer.append(box.text()), box.accept()), needs_focus=False)
        click(qtbot, preview.print_button)
        preview.reject()

    modal(PrintPreviewDialog, try_to_print, timeout_ms=60000, needs_focus=False)
    click(qtbot, case_a.documents_panel.buttons["print"])
    modal.check()
    assert no_printer[0] >= 1 and no_printer[1] == NO_PRINTER
    assert case_a.documents_panel.message.text() == "没有打印。"
    case_a.close()

    # ---- 20 November 2026: a second walk-in ------------------------------------------------------
    ctx.fixed_today = D(2026, 11, 20)

    def register_li(dialog: RegisterDialog) -> None:
        fill_walk_in(qtbot, dialog, "李四", LI_ID, "13812345678", "2026年低保审批结果", D(2026, 11, 20))
        click(qtbot, dialog.save_button)

    modal(RegisterDialog, register_li)
    answer_messages(modal, "不需要")
    click(qtbot, register_page.ui.newButton)
    modal.check()

    # ---- 30 November 2026: the extension into 2027 -------------------------------------------------
    ctx.fixed_today = D(2026, 11, 30)
    home = window.home_page
    window.ui.navList.setCurrentRow(0)
    home.refresh_now()
    assert home.year_ahead.isVisible() and "目前没有案件的期限落在2027年" in home.year_ahead.text()

    case_b = window.open_case(2)
    qtbot.addWidget(case_b)

    def extend(dialog: FieldsDialog) -> None:
        assert dialog.inputs["approved_by"].text() == "陈建国"
        dialog.ui.f_on.setDate(QDate(D(2026, 11, 30)))
        dialog.ui.buttonBox.accepted.emit()

    notice_refusal: dict[str, str] = {}
    questions: list[str] = []

    def try_extension_notice(dialog: NoticeDialog) -> None:
        assert dialog.kind_combo.currentText() == "延期答复告知书"
        watcher = decline_question_about("2027", questions)
        click(qtbot, dialog.issue_button)
        qtbot.wait(300)
        watcher.stop()
        notice_refusal["text"] = dialog.error_text()
        dialog.reject()

    modal(FieldsDialog, extend, needs_focus=False)
    answer_messages(modal, "立即出具")
    modal(NoticeDialog, try_extension_notice, timeout_ms=20000, needs_focus=False)
    click_toolbar(qtbot, case_b, "延期")
    modal.check()
    # The extension is recorded; its notice was not issued on a date that rests on 2027's unknown
    # schedule: it was refused or asked about, naming 2027.
    assert any("同意延期答复" in t for t in case_b.timeline_texts())
    assert "2027" in notice_refusal["text"] + "".join(questions)
    assert [d.kind for d in notices.documents(2)] == []
    extended = case_b.case_clock.panel.row_for("延期答复期限")
    assert extended[1] == "2027年1月18日" and "未确认" in extended[2]

    home.refresh_now()
    warning = home.year_ahead.text()
    assert "2027年节假日安排尚未载入" in warning
    assert "〔2026〕第1号 李四（延期答复期限 2027年1月18日）" in warning
    window.ui.navList.setCurrentRow(0)
    snap(window, "home-year-end-warning")

    # The 工作日历 says the same of 2027, where the schedule is loaded and confirmed.
    calendar = page_of(window, CalendarPage)
    calendar.year.setValue(2027)
    assert "2027年：未确认" in calendar.status.text()

    # 撤销上一步 is offered for the extension (nothing was issued after it), and declined here.
    assert case_b.undo_action.isEnabled()
    answer_messages(modal, "取消")
    click_toolbar(qtbot, case_b, "撤销上一步…")
    modal.check()
    assert any("同意延期答复" in t for t in case_b.timeline_texts())
    case_b.close()

    # ---- search: phone and ID numbers, and 未找到 -------------------------------------------------
    window.focus_search()
    type_into(qtbot, register_page.ui.searchEdit, "84123456")
    qtbot.waitUntil(lambda: register_page.model.rowCount() == 1, timeout=3000)
    assert register_page.model.index(0, 3).data() == "张三"
    type_into(qtbot, register_page.ui.searchEdit, LI_ID)
    qtbot.waitUntil(lambda: register_page.model.rowCount() == 1 and
                    register_page.model.index(0, 3).data() == "李四", timeout=3000)
    type_into(qtbot, register_page.ui.searchEdit, "王五")
    qtbot.waitUntil(lambda: register_page.model.rowCount() == 0, timeout=3000)
    register_page.counts()
    assert register_page.ui.emptyLabel.text().startswith("未找到与“王五”相符的申请")
    register_page.ui.searchEdit.clear()

    # ---- the year end ---------------------------------------------------------------------------------
    ledger = page_of(window, LedgerPage)
    out = tmp_path / "归档"
    type_into(qtbot, ledger.out_dir, str(out))
    ledger.year.setValue(2026)
    early = answer_messages(modal, "不归档")
    click(qtbot, ledger.archive_button)
    modal.check()
    assert "2026年尚未结束" in early[0] and ledger.last_package is None

    ledger.year.setValue(2025)
    answer_messages(modal, "归档并锁定")
    click(qtbot, ledger.archive_button)
    modal.check()
    package = ledger.last_package
    assert package is not None and package.cases == 1 and "已归档锁定" in ledger.lock_state.text()
    filed = sorted(p.name for p in (package.folder / "文书").rglob("*.docx"))
    assert filed[0] == "01_20251201_申请接收回执_茅政信收〔2025〕1号.docx"
    assert re.fullmatch(r"02_20251208_保密审查表\.docx", filed[1]), filed
    assert filed[2] == "03_20251208_答复告知书（予以公开）_茅政信答〔2025〕1号.docx"
    assert not any("00000000" in name for name in filed)
    catalogue = openpyxl.load_workbook(package.folder / "2025年度归档文件目录.xlsx").active
    assert [c.value for c in catalogue[3]][2:6] == ["茅政信答〔2025〕1号", "黄岩区茅畲乡人民政府",
                                                    "关于张三申请公开“茅畲村道路硬化工程验收资料”的政府信息公开申请办理材料",
                                                    "20251208"]
    assert catalogue.row_dimensions[3].height >= 2 * 15

    # The annual report of 2025 counts the one answer under 予以公开 (docs/legal/annual-report.md, 表三).
    report = page_of(window, ReportPage)
    report.year.setValue(2025)
    report.refresh()
    qtbot.waitUntil(lambda: report.report is not None and report.report.year == 2025, timeout=10000)
    assert any(report.report.t3.counts["1"])

    # 2026 is open: a walk-in on 30 November is registered as on any day.
    def register_wang(dialog: RegisterDialog) -> None:
        fill_walk_in(qtbot, dialog, "王五", ZHANG_ID[:-1] + "X", "13900001111", "茅畲乡2026年财政预算", D(2026, 11, 30))
        click(qtbot, dialog.save_button)

    modal(RegisterDialog, register_wang)
    same_id = answer_messages(modal, "仍然登记", "不需要")
    click(qtbot, register_page.ui.newButton)
    modal.check()
    assert "此前登记的申请人姓名不同：〔2025〕第1号（张三）" in same_id[0]
    assert same_id[1].startswith("已登记，登记编号：〔2026〕第2号")
    window.ui.navList.setCurrentRow(0)
    home.refresh_now()
    snap(window, "home")
    assert db_rows(db_path, "SELECT COUNT(*) FROM request") == [(3,)]
    # Every draft and preview (personal data) went with its window.
    assert not list(Path(tempfile.gettempdir()).glob("zwgk-draft-*"))
    assert not list(paths.drafts_dir(db_path).glob("zwgk-draft-*"))
