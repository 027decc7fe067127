"""The 文书模板 page, driven as the clerk does: read the list, check a broken office template and
see its paragraph, restore the default after confirming, search the placeholder reference, and
issue receipts for several cases at once with the progress dialog."""
from __future__ import annotations

import datetime as dt

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.services import notices, templates
from app.ui.common.context import Context
from app.ui.templates.page import BatchReceiptDialog, TemplatesPage
from tests.ui.clock_support import office_with_cases

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

TODAY = dt.date.today()


@pytest.fixture
def page(qtbot, db_path):
    if TODAY.timetuple().tm_yday == 1:
        pytest.skip("needs a case received earlier in the same year")
    office_with_cases(db_path, TODAY - dt.timedelta(days=1), TODAY, TODAY)
    p = TemplatesPage(Context.standalone(TODAY))
    qtbot.addWidget(p)
    p.show()
    return p


def row_of(tab, kind: str) -> list[str]:
    table = tab.table
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == kind:
            return [table.item(r, c).text() for c in range(table.columnCount())]
    raise AssertionError(kind)


def click_row(qtbot, table, kind: str) -> None:
    r = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == kind)
    rect = table.visualItemRect(table.item(r, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def break_template(kind: str) -> None:
    """An office copy with an unknown placeholder in its third paragraph."""
    target = templates.user_path(kind)
    target.parent.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    document.add_paragraph("政府信息公开申请补正告知书")
    document.add_paragraph("{{ 申请人 }}：")
    document.add_paragraph("请于{{ 补正期限 }}前补正。{{ 未知占位符 }}")
    document.save(str(target))


def test_list_shows_every_kind_with_the_template_in_use(page):
    tab = page.templates_tab
    assert tab.table.rowCount() == len(notices.kinds())
    assert row_of(tab, "补正告知书")[:3] == ["补正告知书", "政府信息公开申请补正告知书", "默认模板"]
    break_template("补正告知书")
    page.refresh()
    assert row_of(tab, "补正告知书")[2].startswith("本机关修改版")
    assert row_of(tab, "延期答复告知书")[2] == "默认模板"


def test_check_names_the_unknown_placeholder_and_its_paragraph_then_restore(qtbot, page, modal):
    break_template("补正告知书")
    page.refresh()
    tab = page.templates_tab
    click_row(qtbot, tab.table, "补正告知书")
    assert tab.buttons["restore"].isEnabled()
    qtbot.mouseClick(tab.buttons["check"], Qt.MouseButton.LeftButton)
    report = tab.report.toPlainText()
    assert "第3段" in report and "未知的占位符“未知占位符”" in report and "补正告知书" in report
    assert row_of(tab, "补正告知书")[3].startswith("1个问题")

    def no(box: QMessageBox) -> None:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)

    modal(QMessageBox, no)
    qtbot.mouseClick(tab.buttons["restore"], Qt.MouseButton.LeftButton)
    modal.check()
    assert templates.user_path("补正告知书").exists()  # 否 keeps the office's copy

    def yes(box: QMessageBox) -> None:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    modal(QMessageBox, yes)
    qtbot.mouseClick(tab.buttons["restore"], Qt.MouseButton.LeftButton)
    modal.check()
    assert not templates.user_path("补正告知书").exists()
    assert row_of(tab, "补正告知书")[2] == "默认模板"
    assert "已恢复为默认模板" in tab.report.toPlainText() and "已替换" in tab.report.toPlainText()
    kept = list((templates.user_path("补正告知书").parent / "已替换").glob("*.docx"))
    assert len(kept) == 1  # moved aside, not deleted
    qtbot.mouseClick(tab.buttons["check"], Qt.MouseButton.LeftButton)
    assert "未发现问题" in tab.report.toPlainText()


def test_check_all_lists_only_the_broken_one(qtbot, page):
    break_template("补正告知书")
    page.refresh()
    tab = page.templates_tab
    qtbot.mouseClick(tab.buttons["check_all"], Qt.MouseButton.LeftButton)
    report = tab.report.toPlainText()
    assert "1个有问题" in report and "未知的占位符“未知占位符”" in report
    assert row_of(tab, "补正告知书")[3].startswith("1个问题")
    assert row_of(tab, "延期答复告知书")[3] == "正常"


def test_placeholder_reference_lists_names_descriptions_examples_and_filters(qtbot, page):
    tab = page.placeholders_tab
    names = tab.names()
    assert "{{ 申请人 }}" in names and "{{ 答复期限 }}" in names and "{{ 补正事项 }}" in names
    assert len(names) == len(notices.placeholder_reference())
    table = tab.table
    r = names.index("{{ 复议机关 }}")
    assert table.item(r, 1).text() and table.item(r, 2).text()  # what it is, and an example value
    qtbot.keyClicks(tab.filter, "zzz-none")
    assert tab.names() == []
    tab.filter.clear()
    tab.filter.setText("补正")  # what a person types with an IME arrives as text
    shown = tab.names()
    assert "{{ 补正事项 }}" in shown and "{{ 申请人 }}" not in shown


def test_batch_receipts_for_todays_cases_with_progress(qtbot, page, modal):
    seen = {}

    def batch(dialog: BatchReceiptDialog) -> None:
        seen["rows"] = [(row.case_no, dialog.table.item(r, 0).checkState() == Qt.CheckState.Checked)
                        for r, row in enumerate(dialog.rows)]
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
        seen["report"] = dialog.report.toPlainText()
        seen["left"] = [row.case_no for row in dialog.rows]
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    modal(BatchReceiptDialog, batch)
    qtbot.mouseClick(page.templates_tab.buttons["batch"], Qt.MouseButton.LeftButton)
    modal.check()
    # Three open cases without a receipt; the two received today are ticked.
    y = TODAY.year
    assert sorted(seen["rows"]) == [(f"〔{y}〕第1号", False), (f"〔{y}〕第2号", True), (f"〔{y}〕第3号", True)]
    assert "已出具2份申请接收回执" in seen["report"]
    nos = {f"茅政信收〔{TODAY.year}〕1号", f"茅政信收〔{TODAY.year}〕2号"}
    assert all(n in seen["report"] for n in nos)
    assert seen["left"] == [f"〔{y}〕第1号"]  # the unticked one is still waiting
    issued = [d for cid in (1, 2, 3) for d in notices.documents(cid)]
    assert {d.doc_no for d in issued} == nos and all(d.exists for d in issued)


def test_the_page_says_which_notice_fonts_this_pc_lacks(qtbot, db_path, tmp_path, monkeypatch):
    from app.services import fonts

    monkeypatch.setenv("ZWGK_FONT_DIRS", str(tmp_path / "没有字体"))
    fonts.forget()
    office_with_cases(db_path, TODAY, TODAY)
    page = TemplatesPage(Context.standalone(TODAY))
    qtbot.addWidget(page)
    page.show()
    note = page.templates_tab.fonts_note
    qtbot.waitUntil(lambda: note.isVisible(), timeout=5000)
    assert "缺少标题字体“方正小标宋简体”" in note.text() and "标题改用“宋体”" in note.text()
    fonts.forget()
