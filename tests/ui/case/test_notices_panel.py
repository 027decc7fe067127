"""Notices from the case view, driven as the clerk does: 出具文书 on the toolbar, choose 补正告知书,
type the items, click 出具; read the timeline and the 文书 tab; re-issue; a broken office template.

The office is 茅畲乡's (docs/legal/sources.md) (茅政信, 文号 format 茅政信补〔年〕n号). Cases are received today so the
correction is within 条例第三十条's 7 working days whatever day the suite runs.
"""
from __future__ import annotations

import datetime as dt
import shutil

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.dates import cn_date
from app.services import notices, templates
from app.ui.case.view import CaseView
from app.ui.case.notice_dialog import NoticeDialog
from app.ui.common.print_preview import PrintPreviewDialog
from app.ui.common.reason_dialog import ReasonDialog
from tests.ui.clock_support import office_with_cases
from tests.ui.ui_support import click_toolbar

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

TODAY = dt.date.today()
FIRST_NO = f"茅政信补〔{TODAY.year}〕1号"
SECOND_NO = f"茅政信补〔{TODAY.year}〕2号"
ITEMS = "请写明所需信息的名称或文号"


@pytest.fixture
def view(qtbot, db_path):
    (case_id,) = office_with_cases(db_path, TODAY)
    v = CaseView(case_id)
    qtbot.addWidget(v)
    v.show()
    return v



def type_chinese(widget, text: str) -> None:
    """Type as a person with a Chinese input method does: the IME commits the characters (QTest's
    keyClicks only knows ASCII keys)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def fill_correction(qtbot, items: str = ITEMS, replace: bool = False):
    def act(dialog: NoticeDialog) -> None:
        dialog.select_kind("补正告知书")
        if replace:  # a re-issue starts from the items already told; the clerk rewrites them
            dialog.inputs["补正事项"].clear()
        if items:
            type_chinese(dialog.inputs["补正事项"], items)
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    return act


def docx_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def case_files(view) -> list:
    folder = view.documents_panel.rows[0].path.parent if view.documents_panel.rows else None
    return sorted(p.name for p in folder.iterdir()) if folder else []


def test_issue_and_reissue_a_correction_notice(qtbot, view, modal):
    assert view.documents_panel.texts() == []
    modal(NoticeDialog, fill_correction(qtbot))
    click_toolbar(qtbot, view, "出具文书…")
    modal.check()

    assert any(FIRST_NO in t and "补正告知书" in t for t in view.timeline_texts())
    assert view.ui.statusLabel.text() == "补正中"  # issuing it also sent the correction (条例第三十条)
    (row,) = view.documents_panel.texts()
    assert row[:3] == ["补正告知书", FIRST_NO, cn_date(TODAY)]
    first = view.documents_panel.rows[0].path
    assert first.exists() and row[3] == first.name
    text = docx_text(first)
    assert FIRST_NO in text and ITEMS in text and "申请人1" in text
    assert "{{" not in text
    assert view.history_tabs.tabText(view.history_tabs.currentIndex()) == "文书"

    # Re-issued as it was (the first letter was lost): a new 文号, the first file kept, no question asked.
    modal(NoticeDialog, fill_correction(qtbot, items=""))
    qtbot.mouseClick(view.documents_panel.buttons["new"], Qt.MouseButton.LeftButton)
    modal.check()
    rows = view.documents_panel.texts()
    assert [r[1] for r in rows] == [FIRST_NO, SECOND_NO]
    second = view.documents_panel.rows[1].path
    assert first.exists() and second.exists() and first != second
    assert "仍保留" in view.documents_panel.message.text() and first.name in view.documents_panel.message.text()
    assert any(SECOND_NO in t and "重新签发" in t for t in view.timeline_texts())
    assert ITEMS in docx_text(second) and ITEMS in docx_text(first)


def test_a_reissue_with_other_items_asks_why_and_records_it(qtbot, view, modal):
    """条例第三十条: 补正 is told once and for all. A re-issue with other items is a deliberate act: the clerk is
    warned, gives a reason, and the change with its reason goes on the timeline; cancelling issues nothing."""
    modal(NoticeDialog, fill_correction(qtbot))
    click_toolbar(qtbot, view, "出具文书…")
    modal.check()
    seen = {}

    def cancel(dialog: ReasonDialog) -> None:
        seen["message"] = dialog.message.text()
        assert not dialog.ok_button.isEnabled()  # no reason, no change
        dialog.reject()

    def close_notice(dialog: NoticeDialog) -> None:
        fill_correction(qtbot, "请写明所需信息的名称、文号", replace=True)(dialog)
        dialog.reject()

    modal(NoticeDialog, close_notice)
    modal(ReasonDialog, cancel)
    qtbot.mouseClick(view.documents_panel.buttons["new"], Qt.MouseButton.LeftButton)
    modal.check()
    assert "一次性告知" in seen["message"] and "补正事项" in seen["message"]
    assert [r[1] for r in view.documents_panel.texts()] == [FIRST_NO]  # nothing issued, no number used

    def give_reason(dialog: ReasonDialog) -> None:
        type_chinese(dialog.text, "首次告知漏写文号，经分管领导同意重新告知")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    modal(NoticeDialog, fill_correction(qtbot, "请写明所需信息的名称、文号", replace=True))
    modal(ReasonDialog, give_reason)
    qtbot.mouseClick(view.documents_panel.buttons["new"], Qt.MouseButton.LeftButton)
    modal.check()
    assert [r[1] for r in view.documents_panel.texts()] == [FIRST_NO, SECOND_NO]
    changed = [t for t in view.timeline_texts() if "变更" in t]
    assert len(changed) == 1 and "首次告知漏写文号，经分管领导同意重新告知" in changed[0] and "补正事项" in changed[0]
    assert "请写明所需信息的名称、文号" in docx_text(view.documents_panel.rows[1].path)


def test_missing_items_are_shown_beside_the_field_and_nothing_is_issued(qtbot, view, modal):
    seen = {}

    def act(dialog: NoticeDialog) -> None:
        dialog.select_kind("补正告知书")
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
        seen["errors"] = dialog.error_text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    modal(NoticeDialog, act)
    click_toolbar(qtbot, view, "出具文书…")
    modal.check()
    assert seen["open"] and seen["errors"]
    assert view.documents_panel.texts() == []
    assert not any("签发" in t for t in view.timeline_texts())
    assert view.ui.statusLabel.text() != "补正中"


def write_broken_template(kind: str) -> None:
    target = templates.user_path(kind)
    target.parent.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    document.add_paragraph("政府信息公开申请补正告知书")
    document.add_paragraph("{{ 申请人 }}：")
    document.add_paragraph("请于{{ 补正期限 }}前补正。{{ 未知占位符 }}")
    document.save(str(target))


def test_broken_office_template_shows_the_problem_and_burns_no_number(qtbot, view, modal):
    write_broken_template("补正告知书")
    seen = {}

    def act(dialog: NoticeDialog) -> None:
        fill_correction(qtbot)(dialog)
        seen["errors"] = dialog.error_text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    modal(NoticeDialog, act)
    click_toolbar(qtbot, view, "出具文书…")
    modal.check()
    assert seen["open"]
    assert "未知的占位符“未知占位符”" in seen["errors"]
    assert view.documents_panel.texts() == []
    folder = notices.documents_path("")
    assert not folder.exists() or not any(p.is_file() for p in folder.rglob("*"))
    assert view.ui.statusLabel.text() != "补正中"  # the correction was not recorded either

    templates.restore_default("补正告知书")
    modal(NoticeDialog, fill_correction(qtbot))
    click_toolbar(qtbot, view, "出具文书…")
    modal.check()
    assert [r[1] for r in view.documents_panel.texts()] == [FIRST_NO]  # the failed try took no number


def test_draft_takes_no_number_and_a_missing_opener_is_a_message(qtbot, view, modal, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda *_a, **_k: None)  # no xdg-open: the OS call only
    seen = {}

    def look(preview: PrintPreviewDialog) -> None:
        seen["pages"], seen["info"] = preview.page_count(), preview.info.text()
        seen["text"] = docx_text(preview.source)
        modal(QMessageBox, read_and_close, needs_focus=False)
        qtbot.mouseClick(preview.open_button, Qt.MouseButton.LeftButton)
        preview.reject()

    def draft(dialog: NoticeDialog) -> None:
        dialog.select_kind("补正告知书")
        type_chinese(dialog.inputs["补正事项"], ITEMS)
        modal(PrintPreviewDialog, look, timeout_ms=60000, needs_focus=False)
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        seen["draft"] = dialog.last_draft
        dialog.reject()

    def read_and_close(box: QMessageBox) -> None:
        seen["message"] = box.text()
        box.close()

    modal(NoticeDialog, draft)
    click_toolbar(qtbot, view, "出具文书…")
    modal.check()
    assert "找不到可以打开该文件的程序" in seen["message"]
    text = seen["text"]
    assert "茅政信补〔" in text and "××" in text and ITEMS in text
    # No LibreOffice or Word on this "machine" either: the preview says so instead of showing pages.
    assert seen["pages"] == 0 and "无法生成预览：未找到 Word 或 LibreOffice" in seen["info"]
    assert not seen["draft"].exists() and not seen["draft"].parent.exists()  # the draft went with the window
    assert view.documents_panel.texts() == []
    assert not any("签发" in t for t in view.timeline_texts())

    # The issued one opens from the list by double-click; no program: the same message, no crash.
    modal(NoticeDialog, fill_correction(qtbot))
    click_toolbar(qtbot, view, "出具文书…")
    modal.check()
    assert view.documents_panel.texts()[0][1] == FIRST_NO
    table = view.documents_panel.table
    modal(QMessageBox, read_and_close)
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    modal.check()
    assert "找不到可以打开该文件的程序" in seen["message"]


def test_offer_notice_after_a_clock_action_opens_the_dialog_filled_in(qtbot, view, modal):
    from app.ui.case import notices_panel as case_notices

    seen = {}

    def yes(box: QMessageBox) -> None:
        seen["question"] = box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    def issue(dialog: NoticeDialog) -> None:
        seen["kind"] = dialog.kind_combo.currentText()
        seen["items"] = dialog.inputs["补正事项"].toPlainText()
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)

    modal(QMessageBox, yes)
    modal(NoticeDialog, issue)
    result = view.documents_panel.offer("补正告知书", {"补正事项": ITEMS})
    modal.check()
    assert seen["question"] == "是否立即出具补正告知书？"
    assert seen["kind"] == "补正告知书" and seen["items"] == ITEMS
    assert result is not None and result.doc_no == FIRST_NO
    assert view.documents_panel.texts()[0][1] == FIRST_NO

    def later(box: QMessageBox) -> None:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)

    modal(QMessageBox, later)
    assert view.documents_panel.offer("延期答复告知书", {}) is None
    modal.check()
    assert len(view.documents_panel.texts()) == 1


def test_issuing_runs_off_the_gui_thread_with_the_buttons_off(qtbot, view):
    from app.ui.common import tasks

    dialog = NoticeDialog(view, view.case_id, "补正告知书")
    qtbot.addWidget(dialog)
    dialog.show()
    type_chinese(dialog.inputs["补正事项"], ITEMS)
    tasks.set_inline(False)
    try:
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
        assert not dialog.issue_button.isEnabled() and not dialog.close_button.isEnabled()
        assert dialog.busy_label.text() == "正在出具文书…" and not dialog.busy_bar.isHidden()
        qtbot.waitUntil(lambda: dialog.issued is not None, timeout=20000)
    finally:
        tasks.wait_for_all()
        tasks.set_inline(True)
    assert dialog.issued.doc_no == FIRST_NO and dialog.issued.path.exists()
    assert dialog.busy_bar.isHidden()


def test_print_and_pdf_without_an_office_program_say_so(qtbot, view, modal, monkeypatch, tmp_path):
    notices.issue("补正告知书", view.case_id, {"补正事项": ITEMS})
    view.reload()
    panel = view.documents_panel
    table = panel.table
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.buttons["print"].isEnabled() and panel.buttons["pdf"].isEnabled()
    monkeypatch.setattr(shutil, "which", lambda *_a, **_k: None)  # no LibreOffice on this desk
    seen = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        box.close()

    def look(preview: PrintPreviewDialog) -> None:
        seen.append(preview.info.text())
        seen.append(preview.print_button.isEnabled())
        preview.reject()

    modal(PrintPreviewDialog, look, needs_focus=False)
    qtbot.mouseClick(panel.buttons["print"], Qt.MouseButton.LeftButton)
    modal.check()
    assert panel.message.text() == "没有打印。"
    modal(QMessageBox, read)
    panel.save_pdf(panel.selected(), tmp_path)  # what 另存PDF… does after the folder is chosen
    modal.check()
    assert seen[0].startswith("无法生成预览：未找到 Word 或 LibreOffice") and seen[1] is False
    assert "无法另存为PDF" in seen[2]
    assert not list(tmp_path.glob("*.pdf"))
    assert panel.buttons["print"].isEnabled()  # the buttons come back after the refusal


def test_a_late_correction_asks_and_is_recorded_when_confirmed(qtbot, db_path, modal):
    received = TODAY - dt.timedelta(days=21)  # 15 or more working days ago: past 条例第三十条's 7
    if received.year != TODAY.year:
        pytest.skip("needs a case received earlier in the same year")
    (case_id,) = office_with_cases(db_path, received)
    view = CaseView(case_id)
    qtbot.addWidget(view)
    view.show()
    seen = {}

    def record_anyway(box: QMessageBox) -> None:
        seen["late"] = box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    def issue(dialog: NoticeDialog) -> None:
        modal(QMessageBox, record_anyway)
        fill_correction(qtbot)(dialog)

    modal(NoticeDialog, issue)
    click_toolbar(qtbot, view, "出具文书…")
    modal.check()
    assert seen["late"]
    assert [r[1] for r in view.documents_panel.texts()] == [FIRST_NO]  # the refused try burned no number
    assert view.ui.statusLabel.text() == "补正中"


def test_an_extension_into_an_unconfirmed_year_asks_and_is_issued_marked(qtbot, db_path, modal):
    """docs/legal/requests.md, 未确认: a date in a year whose schedule is not confirmed is never printed as
    certain; issuing asks first and the timeline records it. Received Mon 2026-11-16: limit Mon 12/14;
    extended: 15–18 (4), 21–25 (9), 28–31 (13), [1/1 元旦], 1/4–8 (18), 11, 12 (20) → 2027-01-12. Issued
    on 11/30, before the first limit, as 条例第三十三条第二款 requires."""
    from app.services.work_calendar import work_calendar

    (case_id,) = office_with_cases(db_path, dt.date(2026, 11, 16))
    if work_calendar().is_confirmed(2027):
        pytest.skip("this holidays package already has 2027")
    view = CaseView(case_id)
    qtbot.addWidget(view)
    view.show()
    seen = {}

    def issue_anyway(box: QMessageBox) -> None:
        seen["question"] = box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    def issue(dialog: NoticeDialog) -> None:
        dialog.select_kind("延期答复告知书")
        dialog.on_date.setDate(dt.date(2026, 11, 30))
        modal(QMessageBox, issue_anyway)
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)

    modal(NoticeDialog, issue)
    click_toolbar(qtbot, view, "出具文书…")
    modal.check()
    assert "2027" in seen["question"] and "未确认" in seen["question"]
    (row,) = view.documents_panel.texts()
    assert "2027年1月12日（未确认）" in docx_text(view.documents_panel.rows[0].path)
    assert any("未确认" in t and "延期答复告知书" in t for t in view.timeline_texts())


def test_issuing_works_after_the_review_form_and_an_unknown_document_kind(qtbot, view, modal):
    """出具文书 did nothing once the case held a printed 保密审查表 (a kind that is no notice); nor may a
    kind written by a newer version stop it."""
    from app.store.schema import Document
    from tests.review_support import approve_case_review
    from app.services import review

    review.render_form(approve_case_review(view.case_id, TODAY), today=TODAY)
    Document.create(request=view.case_id, kind="将来的文书", year=TODAY.year, issued_on=TODAY, path="x.docx")
    view.reload()
    kinds = {}

    def look(dialog: NoticeDialog) -> None:
        kinds["offered"] = [dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())]
        dialog.reject()

    modal(NoticeDialog, look, needs_focus=False)
    click_toolbar(qtbot, view, "出具文书…")
    modal.check()
    assert kinds["offered"][0] == "申请接收回执" and "保密审查表" not in kinds["offered"]
    assert [row[0] for row in view.documents_panel.texts()][:1] == ["保密审查表"]
