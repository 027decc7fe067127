"""One table of the annual report laid out as printed (国办公开办函〔2021〕30号): the export's own layout
(services.report_export.SHEETS), so what is on screen is cell for cell what the .xlsx prints. The
office's 年度报告 page and the district's 全区 page show their figures in it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from app.domain import annual_report as ar

if TYPE_CHECKING:
    from app.services import annual_report, report_export

RED = QColor("#c0392b")
BROKEN = QColor("#f5b7b1")
HEAD = QColor("#eef2f6")
REF = Qt.ItemDataRole.UserRole  # a number cell's figure reference, e.g. ("t3", "1", 0)
PX_PER_CHAR = 10  # the export's column widths are in Excel characters


def _layouts():
    from app.services import report_export

    return report_export


def sheet(name: str) -> "report_export.Sheet":
    return next(s for s in _layouts().SHEETS if s.name == name)


def figure(report: "annual_report.Report", ref: tuple) -> int | object:
    """The number a cell of the printed layout holds (the export's references)."""
    table, key, col = ref
    if table == "t3":
        return report.t3.counts[key][col]
    if table == "t4":
        return report.t4.counts[key][col]
    if key in ar.DOC_KINDS:
        return report.t2.documents[key][col]
    return getattr(report.t2, key)


class PrintedTable(QTableWidget):
    """One national table laid out as printed: merged heading cells, row labels, number cells.

    Number cells carry their figure reference (REF) so a click can ask which cases are in it."""

    def __init__(self, sheet: "report_export.Sheet", parent: QWidget | None = None, editable: frozenset = frozenset()):
        self.sheet = sheet
        self.first = _layouts().FIRST_ROW
        last = max([lb.row + lb.rows - 1 for lb in sheet.labels] + [r for r, _ in sheet.numbers])
        super().__init__(last - self.first + 1, sheet.ncols, parent)
        self.setObjectName(f"table_{sheet.name}")
        self.editable = editable  # references the clerk may type into (table 2's hand-entered rows)
        self.cells: dict[tuple, tuple[int, int]] = {}
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self._lay_out()

    def _pos(self, row: int, col: int) -> tuple[int, int]:
        return row - self.first, col - 1

    def _lay_out(self) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        for lb in self.sheet.labels:
            r, c = self._pos(lb.row, lb.col)
            text = ("\u3000" + lb.text) if lb.kind == "sub" else lb.text
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(lb.text)
            if lb.kind == "head":
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QBrush(HEAD))
                item.setFont(bold)
            else:
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(r, c, item)
            if lb.rows > 1 or lb.cols > 1:
                self.setSpan(r, c, lb.rows, lb.cols)
        for (row, col), ref in self.sheet.numbers.items():
            r, c = self._pos(row, col)
            self.cells[ref] = (r, c)
            span = self.sheet.number_spans.get((row, col), 1)
            if span > 1:
                self.setSpan(r, c, 1, span)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The export's column proportions, stretched or squeezed to the visible width."""
        total = sum(self.sheet.widths)
        room = max(self.viewport().width(), int(total * PX_PER_CHAR * 0.8))
        for i, width in enumerate(self.sheet.widths):
            self.setColumnWidth(i, int(width * room / total))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def show_figures(self, report: "annual_report.Report") -> None:
        for ref, (r, c) in self.cells.items():
            item = QTableWidgetItem(str(figure(report, ref)))
            item.setData(REF, ref)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if ref in self.editable:
                flags |= Qt.ItemFlag.ItemIsEditable
                item.setToolTip("手工填报：双击修改，改完点“保存表二”")
            item.setFlags(flags)
            self.setItem(r, c, item)

    def mark(self, refs: list[tuple], message: str) -> None:
        """Colour the cells that break a rule and put the rule in their tooltip."""
        for ref in refs:
            item = self.item(*self.cells[ref]) if ref in self.cells else None
            if item is not None:
                item.setBackground(QBrush(BROKEN))
                item.setForeground(QBrush(RED))
                item.setToolTip("\n".join(t for t in (item.toolTip(), message) if t))

    def number_at(self, ref: tuple) -> str:
        return self.item(*self.cells[ref]).text()

    def label_texts(self) -> list[str]:
        return [self.item(r, c).text().strip() for r in range(self.rowCount()) for c in range(self.columnCount())
                if self.item(r, c) is not None and self.item(r, c).data(REF) is None]
