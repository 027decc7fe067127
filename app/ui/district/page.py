"""The 全区 page of a 区级 login (docs/district.md): every office's overdue and due-soon cases, the
offices whose year is not archived by 31 January, open 舆情; an office's register, read-only (double
click); the annual report over all offices with any cell of table 3 per office.

Every figure comes from services.district; the server decides what the login may read. A login that is
not the district's sees a line saying so.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QSpinBox, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.domain import annual_report as ar
from app.ui.common import errors, tasks
from app.ui.common.context import Context
from app.ui.common.page import Page
from app.ui.common.tables import fit_columns, make_table

HOME_KEY = "district-home"
OFFICE_HEADERS = ("单位", "已超期", "3个工作日内到期", "上年度归档", "未办结舆情")
REGISTER_HEADERS = ("登记编号", "收到日期", "申请人", "状态", "期限")


def _district():
    from app.services import district

    return district


def _readonly_table(headers, stretch: int) -> QTableWidget:
    """The common read-only table (ui/common/tables), column `stretch` taking the rest of the width."""
    table = make_table(headers)
    fit_columns(table, stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(text)))


class DistrictPage(Page):
    title = "全区"

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.home = None
        self.report = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.offices = _readonly_table(OFFICE_HEADERS, 0)
        self.offices.cellDoubleClicked.connect(self._open_office)
        self.register_title = QLabel("双击上表中的单位，查看其登记簿（只读）。")
        self.register = _readonly_table(REGISTER_HEADERS, 2)
        self.year = QSpinBox()
        self.year.setRange(2008, 2100)
        self.year.setValue(self.today().year)
        self.count_button = QPushButton("汇总年度报告")
        self.count_button.clicked.connect(self.count_report)
        self.table3 = _readonly_table(ar.COLUMNS, len(ar.COLUMNS) - 1)
        self.table3.verticalHeader().show()  # the rows' names (table 3 of the annual report)
        self.table3.setVerticalHeaderLabels([])
        self.table3.cellClicked.connect(self._show_breakdown)
        self.breakdown_title = QLabel("点击表三的一格，查看各单位的数字。")
        self.breakdown = _readonly_table(("单位", "数字"), 0)

        top = QVBoxLayout()
        top.addWidget(self.summary)
        top.addWidget(self.offices)
        top.addWidget(self.register_title)
        top.addWidget(self.register)
        upper = QWidget()
        upper.setLayout(top)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("年度"))
        bar.addWidget(self.year)
        bar.addWidget(self.count_button)
        bar.addStretch(1)
        cells = QHBoxLayout()
        cells.addWidget(self.table3, 3)
        side = QVBoxLayout()
        side.addWidget(self.breakdown_title)
        side.addWidget(self.breakdown)
        cells.addLayout(side, 1)
        bottom = QVBoxLayout()
        bottom.addLayout(bar)
        bottom.addLayout(cells)
        lower = QWidget()
        lower.setLayout(bottom)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

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
            self.summary.setText("当前登录不是区级用户：本页只对区级用户显示全区各单位的情况。")
            _fill(self.offices, [])
            return
        totals = home.totals
        late = "、".join(line.name for line in home.not_archived)
        self.summary.setText(
            f"全区 {len(home.lines)} 个单位：已超期 {totals['overdue']} 件，3个工作日内到期 {totals['due_soon']} 件，"
            f"未办结舆情 {totals['open_opinions']} 件。"
            + (f"1月31日前未归档{home.archive_year}年度：{late}。" if late else ""))
        archived = {None: "（未到期限）", True: "已归档", False: "未归档"}
        _fill(self.offices, [[f"{line.name}（{line.code}）", line.overdue, line.due_soon,
                              archived[line.year_archived], line.open_opinions] for line in home.lines])

    def _open_office(self, row: int, _column: int) -> None:
        if self.home is None or not 0 <= row < len(self.home.lines):
            return
        line = self.home.lines[row]

        def rows():
            from app.domain.request import CaseQuery
            from app.services import register

            with _district().looking_at(line.code):
                return register.list_rows(CaseQuery(), 0, 500)

        tasks.Operation(self, rows).success(lambda found: self.show_register(line.name, found)) \
            .failure(lambda exc: errors.report(self, exc, "无法读取该单位的登记簿")).run()

    def show_register(self, name: str, rows) -> None:
        self.register_title.setText(f"{name}的登记簿（只读，最近 {len(rows)} 件）")
        _fill(self.register, [[r.case_no, r.received_on.isoformat() if r.received_on else "", r.name, r.status,
                               r.due_on.isoformat() if r.due_on else ""] for r in rows])

    # ---- the annual report over all offices

    def count_report(self) -> None:
        year = self.year.value()
        tasks.Operation(self, lambda: _district().annual_report(year), busy="正在汇总各单位的年度报告…") \
            .success(self.show_report).failure(lambda exc: errors.report(self, exc, "无法汇总年度报告")).run()

    def show_report(self, report) -> None:
        self.report = report
        self.table3.setRowCount(len(ar.ROW_KEYS))
        self.table3.setVerticalHeaderLabels([ar.row_name(key) for key in ar.ROW_KEYS])
        for r, key in enumerate(ar.ROW_KEYS):
            for c in range(len(ar.COLUMNS)):
                self.table3.setItem(r, c, QTableWidgetItem(str(report.t3.cell(key, c))))

    def _show_breakdown(self, row: int, column: int) -> None:
        if self.report is None:
            return
        key = ar.ROW_KEYS[row]
        self.breakdown_title.setText(f"{ar.row_name(key)} / {ar.COLUMNS[column]}")
        names = {office.code: office.name for office in self.report.offices}
        _fill(self.breakdown, [[names[code], value] for code, value in self.report.breakdown(key, column).items()])
