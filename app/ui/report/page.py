"""The 年度报告 page: tables 3, 4 and 2 of a year shown as printed (国办公开办函〔2021〕30号), the
balance check, the cases behind a cell, export and the county's sum.

The table layouts are the export's own (services.report_export.SHEETS), so what the clerk sees on
screen is cell for cell what the .xlsx and .docx print. Every figure comes from
services.annual_report; this module only shows them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QListWidgetItem, QProgressBar, QPushButton, QSpinBox, QSplitter, QTableWidget,
    QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from app.domain import annual_report as ar
from app.domain import outcomes
from app.services.errors import ServiceError
from app.ui.common import errors, files, tasks
from app.ui.common.context import Context
from app.ui.common.page import Page
from app.ui.common.printed_table import BROKEN, RED, REF, PrintedTable, sheet
from app.ui.forms.ui_sum_reports_dialog import Ui_SumReportsDialog
from app.ui.forms.ui_unbalanced_export_dialog import Ui_UnbalancedExportDialog

if TYPE_CHECKING:
    from app.services import annual_report

# The report services (and openpyxl/python-docx behind them) load when the page is first shown,
# not at start-up (tests/test_startup_imports.py).


def _report():
    from app.services import annual_report

    return annual_report


GREEN = QColor("#1e8449")
CASE_ID = Qt.ItemDataRole.UserRole
REPORT_KEY = "annual-report"
CASE_COLUMNS = ("登记编号", "收到申请之日", "申请人", "申请人类别", "办理结果", "答复日期", "状态")


def broken_refs(error: ar.BalanceError) -> list[tuple]:
    """The printed cells a balance error is about (a group row 3–6 is printed as its sub-rows)."""
    if error.table == "表四":
        cols = [ar.DISPUTE_COLUMNS.index(error.column)] if error.column in ar.DISPUTE_COLUMNS else range(5)
        return [("t4", error.row, c) for c in cols]
    col = ar.COLUMNS.index(error.column)
    rows = ar.SUB_ROWS.get(error.row, (error.row,))
    refs = [("t3", r, col) for r in rows]
    if error.rule == ar.RULE_CORNER:  # 一＋二 ≠ 三（七）＋四: all four cells of the column
        refs += [("t3", r, col) for r in ("new", "carried_in", "total")]
    return refs


# ---------------------------------------------------------------- dialogs


class UnbalancedExportDialog(QDialog):
    """Lists why the report does not balance; 仍要导出 only with a note (it is audited)."""

    def __init__(self, parent: QWidget | None, errors: list[ar.BalanceError]):
        super().__init__(parent)
        self.ui = Ui_UnbalancedExportDialog()
        self.ui.setupUi(self)
        for e in errors:
            self.ui.errorList.addItem(str(e))
        self.ui.noteEdit.textChanged.connect(
            lambda: self.ui.exportButton.setEnabled(bool(self.note())))
        self.ui.exportButton.clicked.connect(self.accept)
        self.ui.cancelButton.clicked.connect(self.reject)

    def note(self) -> str:
        return self.ui.noteEdit.toPlainText().strip()


class SumReportsDialog(QDialog):
    """县级汇总: a folder of units' .xlsx exports added cell by cell into one file."""

    def __init__(self, parent: QWidget | None, year: int):
        super().__init__(parent)
        self.ui = Ui_SumReportsDialog()
        self.ui.setupUi(self)
        self.ui.busyBar.hide()
        self.ui.outEdit.setPlaceholderText(f"{year}年度政府信息公开工作年度报告统计表（汇总）.xlsx")
        self.ui.folderButton.clicked.connect(self._choose_folder)
        self.ui.outButton.clicked.connect(self._choose_out)
        self.ui.sumButton.clicked.connect(self.run)
        self.ui.closeButton.clicked.connect(self.reject)
        self.result = None

    def _choose_folder(self) -> None:
        folder = files.folder_path(self, "选择各单位报表所在文件夹", "report-sum", self.ui.folderEdit.text())
        if folder:
            self.ui.folderEdit.setText(str(folder))
            if not self.ui.outEdit.text():
                self.ui.outEdit.setText(str(Path(folder).parent / self.ui.outEdit.placeholderText()))

    def _choose_out(self) -> None:
        current = self.ui.outEdit.text()
        if current:
            name, _ = QFileDialog.getSaveFileName(self, "汇总结果保存为", current, "Excel 工作簿 (*.xlsx)")
        else:
            chosen = files.save_path(self, "汇总结果保存为", "report-sum", self.ui.outEdit.placeholderText(),
                                     "Excel 工作簿 (*.xlsx)")
            name = str(chosen) if chosen else ""
        if name:
            self.ui.outEdit.setText(name)

    def _say(self, text: str, colour: QColor) -> None:
        self.ui.resultLabel.setText(text)
        self.ui.resultLabel.setStyleSheet(f"color: {colour.name()};")

    def run(self) -> None:
        folder, out = self.ui.folderEdit.text().strip(), self.ui.outEdit.text().strip()
        if not folder or not out:
            self._say("请选择各单位报表所在文件夹和汇总结果文件", RED)
            return
        if not out.lower().endswith(".xlsx"):
            out += ".xlsx"
        self.ui.sumButton.setEnabled(False)
        self.ui.busyBar.show()
        self._say("正在汇总…", QColor("#555555"))
        tasks.Operation(self, lambda: _report().sum_reports(folder, out), lane=tasks.FREE, busy="正在汇总各单位报表…") \
            .success(lambda total: self._done(total, out)).failure(self._failed).run()

    def _finish(self) -> None:
        self.ui.sumButton.setEnabled(True)
        self.ui.busyBar.hide()

    def _done(self, total, out: str) -> None:
        self._finish()
        self.result = total
        self._say(f"已汇总{total.units}个单位的{total.year}年度报表，保存为：{out}", GREEN)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self._say(str(exc) if isinstance(exc, ServiceError) else "汇总失败：程序遇到意外错误。", RED)
        if not isinstance(exc, ServiceError):
            errors.report(self, exc)


# ---------------------------------------------------------------- the page


@dataclass
class _Export:
    folder: str
    note: str


class ReportPage(Page):
    """年度报告 page. `refresh()` rebuilds the year's report (a count over the register)."""

    title = "年度报告"

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("reportPage")
        self.report: "annual_report.Report | None" = None
        self.exported: list[Path] = []
        self._stale = True
        self._build(self.today())

    # ---- layout -------------------------------------------------------------------------------

    def _build(self, today: dt.date) -> None:
        self.year = QSpinBox(self)
        self.year.setObjectName("yearSpin")
        self.year.setRange(2008, today.year + 1)  # 条例 in force since 2008
        self.year.setValue(ar.default_year(today))
        self.year.setSuffix(" 年度")
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.recount_button = QPushButton("重新统计", self)
        self.recount_button.clicked.connect(self.refresh)
        self.export_button = QPushButton("导出…", self)
        self.export_button.setToolTip("导出统计表（.xlsx，国家格式）和年度报告全文（.docx）")
        self.export_button.clicked.connect(self.export)
        self.sum_button = QPushButton("县级汇总…", self)
        self.sum_button.setToolTip("把各单位导出的统计表逐格相加")
        self.sum_button.clicked.connect(self.open_sum_dialog)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setTextVisible(False)
        self.busy.hide()
        bar = QHBoxLayout()
        for w in (QLabel("年度：", self), self.year, self.recount_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.busy, self.export_button, self.sum_button):
            bar.addWidget(w)

        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("balanceLabel")
        self.balance_label.setWordWrap(True)
        self.balance_list = QListWidget(self)
        self.balance_list.setObjectName("balanceList")
        self.balance_list.setMaximumHeight(90)
        self.balance_list.hide()
        self.export_label = QLabel(self)
        self.export_label.setWordWrap(True)
        self.export_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_label.hide()

        self.tabs = QTabWidget(self)
        self.t3 = self.t4 = self.t2 = None  # built on first show (_ensure_tables)

        self.cases_box = QGroupBox("单元格中的申请（点击表三中的数字查看，双击申请打开）", self)
        self.cases_label = QLabel(self.cases_box)
        self.cases_label.setWordWrap(True)
        self.cases = QTableWidget(0, len(CASE_COLUMNS), self.cases_box)
        self.cases.setObjectName("cellCases")
        self.cases.setHorizontalHeaderLabels(list(CASE_COLUMNS))
        self.cases.verticalHeader().hide()
        self.cases.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cases.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cases.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.cases.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.cases.cellDoubleClicked.connect(self._open_case)
        box = QVBoxLayout(self.cases_box)
        box.addWidget(self.cases_label)
        box.addWidget(self.cases)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tabs)
        split.addWidget(self.cases_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 170])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.balance_label)
        layout.addWidget(self.balance_list)
        layout.addWidget(self.export_label)
        layout.addWidget(split, 1)

    def _ensure_tables(self) -> None:
        """The three tables in the export's layout; built once, when the page is first shown."""
        if self.t3 is not None:
            return
        self.t3 = PrintedTable(sheet("表三"), self)
        self.t4 = PrintedTable(sheet("表四"), self)
        self.t2 = PrintedTable(sheet("表二"), self, frozenset(("t2", k, 0) for k in _report().MANUAL_FIELDS))
        self.t3.cellClicked.connect(self._cell_clicked)
        self.t3.currentCellChanged.connect(lambda r, c, *_: self._cell_clicked(r, c))
        self.tabs.addTab(self.t3, "表三 收到和处理政府信息公开申请情况")
        self.tabs.addTab(self.t4, "表四 行政复议、行政诉讼情况")
        self.tabs.addTab(self._table2_tab(), "表二 主动公开政府信息情况")

    def _table2_tab(self) -> QWidget:
        tab = QWidget(self)
        self.save_t2_button = QPushButton("保存表二", tab)
        self.save_t2_button.setToolTip("保存手工填报的行政许可、行政处罚、行政强制决定数和收费金额")
        self.save_t2_button.clicked.connect(self.save_table2)
        self.t2_note = QLabel("规章、行政规范性文件按主动公开登记统计；其余各行为手工填报，双击数字修改。", tab)
        self.t2_note.setWordWrap(True)
        self.t2_errors = QLabel(tab)
        self.t2_errors.setStyleSheet(f"color: {RED.name()};")
        self.t2_errors.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.t2_note, 1)
        row.addWidget(self.save_t2_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.t2)
        layout.addWidget(self.t2_errors)
        layout.addLayout(row)
        return tab

    # ---- showing a report ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Count the year again from the register (the page is shown or a case changed).

        While the page is hidden this only marks it stale: a case saved elsewhere need not recount."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._ensure_tables()
        year = self.year.value()
        tasks.Operation(self, lambda: _report().build(year)).coalesce(REPORT_KEY) \
            .success(self.show_report).failure(self._count_failed).run()

    def _count_failed(self, exc: BaseException) -> None:
        if isinstance(exc, (ServiceError, ValueError)):
            self._show_failure(str(exc))
        else:
            self._show_failure("程序遇到意外错误")
            errors.report(self, exc)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _show_failure(self, text: str) -> None:
        self.report = None
        self.balance_label.setText(f"无法统计{self.year.value()}年度报告：{text}")
        self.balance_label.setStyleSheet(f"color: {RED.name()}; font-weight: bold;")
        self.export_button.setEnabled(False)

    def show_report(self, report: "annual_report.Report") -> None:
        """Show a built report: the figures, the balance, the broken cells in red."""
        self._ensure_tables()
        self.report = report
        self.export_button.setEnabled(True)
        if self.year.value() != report.year:
            self.year.blockSignals(True)
            self.year.setValue(report.year)
            self.year.blockSignals(False)
        for table in (self.t3, self.t4, self.t2):
            table.show_figures(report)
        self.t2_errors.clear()
        self._show_balance(report)
        self._clear_cases()

    def _show_balance(self, report: "annual_report.Report") -> None:
        self.balance_list.clear()
        if report.balanced:
            self.balance_label.setText(f"{report.year}年度：数据平衡 ✓（每列：第一项＋第二项＝第三项（七）总计＋第四项；"
                                       "分项之和等于大项；总计列等于各列之和）")
            self.balance_label.setStyleSheet(f"color: {GREEN.name()}; font-weight: bold;")
            self.balance_list.hide()
            return
        self.balance_label.setText(f"{report.year}年度：数据不平衡，共{len(report.errors)}处，"
                                   "红色单元格为出错位置。请核对后再导出：")
        self.balance_label.setStyleSheet(f"color: {RED.name()}; font-weight: bold;")
        for e in report.errors:
            QListWidgetItem(str(e), self.balance_list)
            table = self.t4 if e.table == "表四" else self.t3
            table.mark(broken_refs(e), str(e))
        self.balance_list.show()

    def broken_cells(self) -> list[tuple]:
        """References of the cells shown in red (for tests)."""
        return [ref for table in (self.t3, self.t4) for ref, (r, c) in table.cells.items()
                if table.item(r, c).background().color() == BROKEN]

    # ---- the cases in a cell ------------------------------------------------------------------

    def _clear_cases(self) -> None:
        self.cases.setRowCount(0)
        self.cases_label.setText("")

    def _cell_clicked(self, row: int, column: int) -> None:
        item = self.t3.item(row, column)
        ref = item.data(REF) if item is not None else None
        if ref is None or self.report is None:
            return
        _, key, col = ref
        self.show_cases(key, col)

    def show_cases(self, row_key: str, column: int) -> None:
        """List the register lines counted in one cell of table 3."""
        rows = _report().cases_in_cell(self.report, row_key, column)
        self.cases_label.setText(f"表三「{ar.row_name(row_key)}」行「{ar.COLUMNS[column]}」列："
                                 f"{self.report.t3.cell(row_key, column)}件，列出{len(rows)}件")
        self.cases.setRowCount(len(rows))
        for i, r in enumerate(rows):
            texts = (r.case_no, r.received_on.isoformat() if r.received_on else "", r.name, r.applicant_kind,
                     outcomes.full_label(r.outcome) if r.outcome else "（尚未办结）",
                     r.answered_on.isoformat() if r.answered_on else "", r.status)
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(CASE_ID, r.id)
                item.setToolTip(text)
                self.cases.setItem(i, c, item)

    def listed_case_ids(self) -> list[int]:
        return [self.cases.item(r, 0).data(CASE_ID) for r in range(self.cases.rowCount())]

    def _open_case(self, row: int, _column: int) -> None:
        item = self.cases.item(row, 0)
        if item is not None:
            self.ctx.open_case(int(item.data(CASE_ID)))

    # ---- table 2 ------------------------------------------------------------------------------

    def save_table2(self) -> None:
        """Store the hand-entered rows of table 2 for the year (kept per year)."""
        values = {name: self.t2.number_at(("t2", name, 0)).strip() for name in _report().MANUAL_FIELDS}
        year = self.year.value()
        tasks.Operation(self, lambda: _report().save_manual_table2(year, values)) \
            .success(lambda _r: self._table2_saved()) \
            .failure(lambda exc: errors.report(self, exc, "无法保存表二", self._table2_refused)).run()

    def _table2_refused(self, problems: dict[str, str]) -> None:
        self.t2_errors.setText("\n".join(problems.values()))
        for name, message in problems.items():
            self.t2.mark([("t2", name, 0)], message)

    def _table2_saved(self) -> None:
        self.refresh()
        self.t2_errors.setText("")
        self._status("表二手工填报数已保存")

    # ---- export and county sum ----------------------------------------------------------------

    def export(self) -> None:
        """Choose a folder; an unbalanced report needs a note first (annual_report.export)."""
        if self.report is None:
            return
        folder = files.folder_path(self, "选择年度报告导出文件夹", "report-export")
        if not folder:
            return
        note = ""
        if not self.report.balanced:
            dialog = UnbalancedExportDialog(self, self.report.errors)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            note = dialog.note()
            dialog.deleteLater()
            if not accepted or not note:
                self._status("未导出：数据不平衡")
                return
        self.start_export(_Export(folder, note))

    def start_export(self, job: _Export) -> None:
        report = self.report
        self.export_button.setEnabled(False)
        self.busy.show()
        self.export_label.setText("正在导出…")
        self.export_label.show()
        tasks.Operation(self, lambda: _report().export(report, job.folder, job.note), lane=tasks.FREE,
                        busy="正在导出年度报告…").success(self._exported).failure(self._export_failed).run()

    def _export_done(self) -> None:
        self.busy.hide()
        self.export_button.setEnabled(self.report is not None)

    def _exported(self, files: list[Path]) -> None:
        self._export_done()
        self.exported = list(files)
        self.export_label.setStyleSheet(f"color: {GREEN.name()};")
        self.export_label.setText("已导出：" + "；".join(str(p) for p in files))
        self._status(f"已导出{len(files)}个文件")

    def _export_failed(self, exc: BaseException) -> None:
        self._export_done()
        self.export_label.setStyleSheet(f"color: {RED.name()};")
        self.export_label.setText(str(exc) if isinstance(exc, ServiceError) else "导出失败")
        self.export_label.show()
        errors.report(self, exc, "未能导出年度报告")

    def open_sum_dialog(self) -> None:
        dialog = SumReportsDialog(self, self.year.value())
        dialog.exec()
        dialog.deleteLater()

    def _status(self, text: str) -> None:
        self.ctx.show_status(text, 6000)
