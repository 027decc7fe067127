"""The 年度报告 page driven like a person, over a real demo database: the tables as printed, a click on
a cell listing its cases, an unbalanced report refused without a note, table 2 saved, the county sum."""
from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.domain import annual_report as ar
from app.services import annual_report, demo
from app.ui.report.page import ReportPage, SumReportsDialog, UnbalancedExportDialog
from tests.ui.ui_support import open_main_window, page_of

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

TODAY = dt.date(2026, 1, 20)
YEAR = 2025


@pytest.fixture
def window(qtbot, db_path):
    w = open_main_window(qtbot, db_path, TODAY, lambda: demo.generate(YEAR, 300, seed=7, today=TODAY))
    w.resize(1366, 768)
    w.show()
    return w



def _sql(db_path, sql: str, *args) -> list[tuple]:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def _click(qtbot, table, row: int, col: int) -> None:
    rect = table.visualRect(table.model().index(row, col))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_table3_is_laid_out_as_the_national_form(window):
    page = page_of(window, ReportPage)
    labels = page.t3.label_texts()
    for text in ("申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织",
                 "法律服务机构", "其他", "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
                 "三、本年度办理结果", "（一）予以公开", "（三）不予公开", "1.属于国家秘密", "（六）其他处理",
                 "（七）总计", "四、结转下年度继续办理"):
        assert text in labels, text
    assert any("勾稽关系" in t for t in labels)
    # 法人或其他组织 spans its five kinds; 自然人 and 总计 stand over two header rows.
    r, c = next((r, c) for r in range(3) for c in range(10)
                if page.t3.item(r, c) and page.t3.item(r, c).text() == "法人或其他组织")
    assert page.t3.columnSpan(r, c) == 5
    r, c = next((r, c) for r in range(3) for c in range(10) if page.t3.item(r, c) and page.t3.item(r, c).text() == "自然人")
    assert page.t3.rowSpan(r, c) == 2
    assert page.t4.label_texts()[:3] == ["行政复议", "行政诉讼", "未经复议直接起诉"]


def test_clicking_a_cell_lists_the_cases_counted_in_it(qtbot, window, db_path):
    page = page_of(window, ReportPage)
    assert page.year.value() == YEAR and page.report is not None
    assert "平衡 ✓" in page.balance_label.text()
    row, col = page.t3.cells[("t3", "1", 0)]  # （一）予以公开 × 自然人
    shown = int(page.t3.item(row, col).text())
    # The same cell counted straight from the file: outcome 1 or 1a answered in 2025 by a person.
    expected = {i for (i,) in _sql(db_path, "SELECT id FROM request WHERE outcome IN ('1', '1a') AND applicant_kind = '自然人'"
                                            " AND answered_on BETWEEN '2025-01-01' AND '2025-12-31'")}
    assert shown == len(expected) > 0

    _click(qtbot, page.t3, row, col)
    assert sorted(page.listed_case_ids()) == sorted(expected)
    assert page.cases.rowCount() == shown
    assert "（一）予以公开" in page.cases_label.text() and "自然人" in page.cases_label.text()

    # 结转下年度 × 总计: requests received by 31 December and not answered by then, of every kind.
    row, col = page.t3.cells[("t3", "carried_out", 6)]
    carried = {i for (i,) in _sql(db_path, "SELECT id FROM request WHERE received_on <= '2025-12-31' AND "
                                           "(answered_on IS NULL OR answered_on > '2025-12-31')")}
    _click(qtbot, page.t3, row, col)
    assert int(page.t3.item(row, col).text()) == len(carried) and set(page.listed_case_ids()) == carried

    # Double-click a listed case: it opens in its own window.
    first = page.listed_case_ids()[0]
    rect = page.cases.visualRect(page.cases.model().index(0, 0))
    qtbot.mouseClick(page.cases.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a person's double
    qtbot.mouseDClick(page.cases.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # click: press first
    assert first in window.case_views and window.case_views[first].isVisible()
    window.case_views[first].close()


def test_table4_counts_the_disputes_of_the_year(window, db_path):
    page = page_of(window, ReportPage)
    for kind in ("行政复议", "未经复议直接起诉", "复议后起诉"):
        received = _sql(db_path, "SELECT count(*) FROM dispute WHERE kind = ? AND copy_received_on "
                                 "BETWEEN '2025-01-01' AND '2025-12-31'", kind)[0][0]
        upheld = _sql(db_path, "SELECT count(*) FROM dispute WHERE kind = ? AND result = '维持' AND copy_received_on "
                               "BETWEEN '2025-01-01' AND '2025-12-31' AND decided_on <= '2025-12-31'", kind)[0][0]
        assert page.t4.number_at(("t4", kind, 4)) == str(received)
        assert page.t4.number_at(("t4", kind, 0)) == str(upheld)
    assert sum(int(page.t4.number_at(("t4", k, 4))) for k in ar.DISPUTE_KINDS) > 0


def _unbalanced(report):
    """The built report with one figure typed wrong, as a county's hand edit would leave it."""
    t3 = report.t3.with_cell("new", "自然人", report.t3.cell("new", "自然人") + 1)
    return dataclasses.replace(report, t3=t3, errors=ar.check_balance(t3, report.t4))


def test_unbalanced_report_shows_broken_cells_and_needs_a_note_to_export(qtbot, modal, window, tmp_path, monkeypatch):
    page = page_of(window, ReportPage)
    page.show_report(_unbalanced(page.report))
    assert "不平衡" in page.balance_label.text() and page.balance_list.count() >= 2
    assert any("第一项加第二项之和" in page.balance_list.item(i).text() for i in range(page.balance_list.count()))
    assert ("t3", "new", 0) in page.broken_cells() and ("t3", "new", 6) in page.broken_cells()
    assert ("t3", "1", 3) not in page.broken_cells()

    out = tmp_path / "导出"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    seen = []

    def cancel_without_note(dialog: UnbalancedExportDialog) -> None:
        seen.append([dialog.ui.errorList.item(i).text() for i in range(dialog.ui.errorList.count())])
        assert not dialog.ui.exportButton.isEnabled()
        qtbot.mouseClick(dialog.ui.cancelButton, Qt.MouseButton.LeftButton)

    modal(UnbalancedExportDialog, cancel_without_note)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    modal.check()
    assert seen and any("自然人" in line for line in seen[0])
    assert not out.exists() or not any(out.iterdir())

    def export_with_note(dialog: UnbalancedExportDialog) -> None:
        dialog.ui.noteEdit.setFocus()
        qtbot.keyClicks(dialog.ui.noteEdit, "draft for county, to be corrected")
        assert dialog.ui.exportButton.isEnabled()
        qtbot.mouseClick(dialog.ui.exportButton, Qt.MouseButton.LeftButton)

    modal(UnbalancedExportDialog, export_with_note)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    modal.check()
    qtbot.waitUntil(lambda: len(page.exported) == 2, timeout=20000)
    assert {p.suffix for p in page.exported} == {".xlsx", ".docx"} and all(p.exists() for p in page.exported)
    assert "已导出" in page.export_label.text()


def test_balanced_export_writes_the_tables_read_back_from_the_xlsx(qtbot, window, tmp_path, monkeypatch):
    page = page_of(window, ReportPage)
    out = tmp_path / "报告"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.exported) == 2, timeout=20000)
    xlsx = next(p for p in page.exported if p.suffix == ".xlsx")
    ws = openpyxl.load_workbook(xlsx)["表三"]
    values = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "申请人情况" in values and "法人或其他组织" in values
    # The page's 总计 of 新收 appears in the printed sheet on the 一、 row.
    new_row = next(row for row in ws.iter_rows() if row[0].value == ar.ROW_LABELS["new"])
    assert str(new_row[-1].value) == page.t3.number_at(("t3", "new", 6))


def test_table2_hand_entered_rows_are_saved_per_year(qtbot, window):
    page = page_of(window, ReportPage)
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.save_t2_button.isVisible() and page.save_t2_button.height() > 0)
    r, c = page.t2.cells[("t2", "licensing", 0)]
    page.t2.item(r, c).setText("12")
    r, c = page.t2.cells[("t2", "penalties", 0)]
    page.t2.item(r, c).setText("三件")
    qtbot.mouseClick(page.save_t2_button, Qt.MouseButton.LeftButton)
    assert "应为数字" in page.t2_errors.text()
    assert annual_report.manual_table2(YEAR) == {}  # nothing half-saved
    page.t2.item(r, c).setText("3")
    qtbot.mouseClick(page.save_t2_button, Qt.MouseButton.LeftButton)
    assert page.t2_errors.text() == ""
    assert annual_report.manual_table2(YEAR)["licensing"] == "12"
    assert page.t2.number_at(("t2", "penalties", 0)) == "3"
    page.year.setValue(YEAR - 1)
    assert page.t2.number_at(("t2", "licensing", 0)) == "0"


def test_county_sum_dialog_adds_units_and_refuses_a_foreign_file(qtbot, modal, window, tmp_path):
    page = page_of(window, ReportPage)
    units = tmp_path / "各单位"
    for name in ("甲", "乙"):
        annual_report.export(page.report, units / name)
    for f in units.rglob("*.xlsx"):
        f.rename(units / f"{f.parent.name}{f.name}")
    out = tmp_path / "汇总.xlsx"
    results = []

    def run(dialog: SumReportsDialog) -> None:
        dialog.ui.folderEdit.setText(str(units))
        dialog.ui.outEdit.setText(str(out))
        qtbot.mouseClick(dialog.ui.sumButton, Qt.MouseButton.LeftButton)
        results.append(dialog.ui.resultLabel.text())
        stray = units / "别的表.xlsx"
        wb = openpyxl.Workbook()
        wb.active["A1"] = "随便什么"
        wb.save(stray)
        qtbot.mouseClick(dialog.ui.sumButton, Qt.MouseButton.LeftButton)
        results.append(dialog.ui.resultLabel.text())
        qtbot.mouseClick(dialog.ui.closeButton, Qt.MouseButton.LeftButton)

    modal(SumReportsDialog, run)
    qtbot.mouseClick(page.sum_button, Qt.MouseButton.LeftButton)
    modal.check()
    assert "已汇总2个单位" in results[0] and out.exists()
    assert "别的表" in results[1]
    ws = openpyxl.load_workbook(out)["表三"]
    new_row = next(row for row in ws.iter_rows() if row[0].value == ar.ROW_LABELS["new"])
    assert new_row[-1].value == 2 * int(page.t3.number_at(("t3", "new", 6)))
