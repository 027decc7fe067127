"""The 全区 page of a 区级 login (docs/district.md): every office's overdue and due-soon cases, the
offices whose year is not archived by 31 January, open 舆情; an office's register, read-only (double
click or Enter); the annual report over all offices, tables 2–4 as printed, with any cell per office,
and its export.

Every figure comes from services.district; the server decides what the login may read. A login that is
not the district's sees a line saying so (the main window lists the page for the 区级 login alone).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from app.domain import annual_report as ar
from app.domain.dates import cn_date
from app.ui.common import errors, files, tasks
from app.ui.common.context import Context
from app.ui.common.page import Page, html_table
from app.ui.common.printed_table import REF, PrintedTable, figure, sheet
from app.ui.common.tables import fit_columns, read_only, texts
from app.ui.forms.ui_district_page import Ui_DistrictPage

HOME_KEY = "district-home"
OFFICE_HEADERS = ("单位", "已超期", "3个工作日内到期", "上年度归档", "未办结舆情")
REGISTER_HEADERS = ("登记编号", "收到日期", "申请人", "状态", "期限")
REGISTER_ROWS = 500  # the office's newest cases shown; the search finds the others
# The report's tables as the office's 年度报告 page shows them (the export's layouts).
REPORT_TABS = (("表三", "表三 收到和处理政府信息公开申请情况"), ("表四", "表四 行政复议、行政诉讼情况"),
               ("表二", "表二 主动公开政府信息情况"))


def _district():
    from app.services import district

    return district


def _fill(table: QTableWidget, rows: list[list[object]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(text)))


class DistrictPage(Page):
    title = "全区"

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.ui = Ui_DistrictPage()
        self.ui.setupUi(self)
        self.home = None
        self.report = None
        self.office = None  # the office whose register is shown (an OfficeLine)
        ui = self.ui
        for table, headers, stretch in ((ui.officesTable, OFFICE_HEADERS, 0), (ui.registerTable, REGISTER_HEADERS, 2),
                                        (ui.breakdownTable, ("单位", "数字"), 0)):
            read_only(table, headers)
            fit_columns(table, stretch)
        ui.officesSplitter.setSizes([200, 400])
        today = self.today()
        ui.yearSpin.setMaximum(today.year + 1)
        ui.yearSpin.setValue(ar.default_year(today))
        self.printed: dict[str, PrintedTable] = {}
        for name, title in REPORT_TABS:
            table = PrintedTable(sheet(name), ui.reportTabs)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setToolTip("点击一格，右侧列出各单位的数字")
            table.currentCellChanged.connect(lambda r, c, *_rest, t=table: self._show_breakdown(t, r, c))
            ui.reportTabs.addTab(table, title)
            self.printed[name] = table
        # The cell's name wraps in the narrow column: room for three lines, which a splitter's child
        # would not give a wrapping label by itself.
        ui.breakdownTitle.setMinimumHeight(ui.breakdownTitle.fontMetrics().lineSpacing() * 3 + 4)
        ui.reportSplitter.setStretchFactor(0, 1)  # the tables take the width; the breakdown keeps its own
        ui.reportSplitter.setStretchFactor(1, 0)

        ui.refreshButton.clicked.connect(self.refresh)
        # A double click, or Enter on the selected office (the view's own activation), opens its register.
        ui.officesTable.activated.connect(lambda index: self.open_office(index.row()))
        ui.searchEdit.returnPressed.connect(self.search_register)
        ui.countButton.clicked.connect(self.count_report)
        ui.exportButton.clicked.connect(self.export)
        shortcuts = ((Qt.Key.Key_F5, self.refresh), ("Ctrl+1", lambda: ui.tabs.setCurrentWidget(ui.officesTab)),
                     ("Ctrl+2", lambda: ui.tabs.setCurrentWidget(ui.reportTab)), ("Ctrl+F", self.focus_search),
                     ("Ctrl+R", self.count_report), ("Ctrl+E", self.export))
        for keys, slot in shortcuts:
            QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # ---- the offices

    def refresh(self) -> None:
        today = self.today()

        def count():
            district = _district()
            return district.home(today) if district.is_district_login() else None

        tasks.Operation(self, count).coalesce(HOME_KEY).success(self.show_home) \
            .failure(lambda exc: errors.report(self, exc, "无法统计全区情况")).run()

    def show_home(self, home) -> None:
        self.home = home
        if home is None:
            self.ui.summaryLabel.setText("当前登录不是区级用户：本页只对区级用户显示全区各单位的情况。")
            _fill(self.ui.officesTable, [])
            return
        totals = home.totals
        late = "、".join(line.name for line in home.not_archived)
        self.ui.summaryLabel.setText(
            f"{cn_date(home.today)}　全区 {len(home.lines)} 个单位：已超期 {totals['overdue']} 件，"
            f"3个工作日内到期 {totals['due_soon']} 件，未办结舆情 {totals['open_opinions']} 件。"
            + (f"1月31日前未归档{home.archive_year}年度：{late}。" if late else ""))
        archived = {None: "（未到期限）", True: "已归档", False: "未归档"}
        _fill(self.ui.officesTable, [[f"{line.name}（{line.code}）", line.overdue, line.due_soon,
                                      archived[line.year_archived], line.open_opinions] for line in home.lines])
        if home.lines and self.ui.officesTable.currentRow() < 0:
            self.ui.officesTable.selectRow(0)

    def open_office(self, row: int) -> None:
        """The office on `row`: its register, read-only (the newest REGISTER_ROWS cases)."""
        if self.home is None or not 0 <= row < len(self.home.lines):
            self.ctx.show_status("请先在上表中选中一个单位。", 5000)
            return
        self.office = self.home.lines[row]
        self.ui.searchEdit.setEnabled(True)
        self.ui.searchEdit.clear()
        self._load_register("")

    def search_register(self) -> None:
        if self.office is not None:
            self._load_register(self.ui.searchEdit.text().strip())

    def focus_search(self) -> None:
        if self.office is None:
            self.ctx.show_status("请先双击一个单位，再在其登记簿中搜索。", 5000)
            return
        self.ui.tabs.setCurrentWidget(self.ui.officesTab)
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def _load_register(self, text: str) -> None:
        line = self.office

        def rows():
            from app.domain.request import CaseQuery
            from app.services import register

            query = CaseQuery(text=text)
            with _district().looking_at(line.code):
                return register.count(query), register.list_rows(query, 0, REGISTER_ROWS)

        tasks.Operation(self, rows).success(lambda found: self.show_register(line.name, text, *found)) \
            .failure(lambda exc: errors.report(self, exc, "无法读取该单位的登记簿")).run()

    def show_register(self, name: str, text: str, total: int, rows) -> None:
        found = f"搜索“{text}”找到 {total} 件" if text else f"共 {total} 件"
        shown = f"，显示最近 {len(rows)} 件" if len(rows) < total else ""
        self.ui.registerTitle.setText(f"{name}的登记簿（只读）：{found}{shown}")
        _fill(self.ui.registerTable, [[r.case_no, r.received_on.isoformat() if r.received_on else "", r.name,
                                       r.status, r.due_on.isoformat() if r.due_on else ""] for r in rows])

    # ---- the annual report over all offices

    def count_report(self) -> None:
        year = self.ui.yearSpin.value()
        self.ui.tabs.setCurrentWidget(self.ui.reportTab)
        self.ui.reportStatus.setText(f"正在汇总各单位的{year}年度报告…")
        tasks.Operation(self, lambda: _district().annual_report(year), busy="正在汇总各单位的年度报告…") \
            .success(self.show_report).failure(self._report_failed).run()

    def _report_failed(self, exc: BaseException) -> None:
        self.ui.reportStatus.setText("汇总失败。")
        errors.report(self, exc, "无法汇总年度报告")

    def show_report(self, report) -> None:
        self.report = report
        for table in self.printed.values():
            table.show_figures(report)
        problems = report.errors
        self.ui.reportStatus.setText(
            f"{report.year}年度，{len(report.offices)}个单位逐格相加。"
            + (f"数据不平衡：{problems[0]}" + (f"等{len(problems)}处" if len(problems) > 1 else "") if problems
               else "各表平衡。"))
        self.ui.breakdownTitle.setText("点击表中的一格，查看各单位的数字。")
        _fill(self.ui.breakdownTable, [])

    def _show_breakdown(self, table: PrintedTable, row: int, column: int) -> None:
        item = table.item(row, column) if row >= 0 and column >= 0 else None
        ref = item.data(REF) if item is not None else None
        if self.report is None or ref is None:
            return
        names = {office.code: office.name for office in self.report.offices}
        values = {code: figure(office_report, ref) for code, office_report in self.report.reports.items()}
        self.ui.breakdownTitle.setText(f"{self._cell_name(table, row, column)}：全区 {item.text()}")
        _fill(self.ui.breakdownTable, [[names[code], value] for code, value in values.items()])

    @staticmethod
    def _cell_name(table: PrintedTable, row: int, column: int) -> str:
        """The cell's row label (the nearest label to its left) and, above it, its column's heading."""
        left = next((table.item(row, c).text().strip() for c in range(column - 1, -1, -1)
                     if table.item(row, c) is not None and table.item(row, c).data(REF) is None), "")
        head = next((table.item(r, column).text().strip() for r in range(row - 1, -1, -1)
                     if table.item(r, column) is not None and table.item(r, column).data(REF) is None), "")
        return " / ".join(part for part in (left, head) if part)

    def export(self) -> None:
        if self.report is None:
            self.ui.tabs.setCurrentWidget(self.ui.reportTab)
            self.ui.reportStatus.setText("请先选择年度并点“汇总”（Ctrl+R），再导出。")
            return
        report = self.report
        out = files.save_path(self, "导出全区汇总统计表", "district-report",
                              f"{report.year}年度政府信息公开工作年度报告统计表（全区汇总）.xlsx", "Excel 工作簿 (*.xlsx)")
        if out is None:
            return
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        tasks.Operation(self, lambda: _district().export(report, out), lane=tasks.FREE, busy="正在导出…") \
            .success(lambda _done: self.ui.reportStatus.setText(f"已导出：{out}")) \
            .failure(lambda exc: errors.report(self, exc, "导出失败")).run()

    # ---- printing

    def printable(self) -> tuple[str, str] | None:
        if not self.home:
            return None
        title = f"全区各单位办理情况（{cn_date(self.home.today)}）"
        return title, html_table(title, OFFICE_HEADERS, texts(self.ui.officesTable), self.ui.summaryLabel.text())
