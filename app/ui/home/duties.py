"""The home page's part for the office's other duties (docs/legal/duties.md): the 舆情 limits counted
in hours, beside the working-day lists, redrawn every minute; and the lines of 新闻发布 work due —
journalists' questions (one working day), spokespersons to report (one month), the quota's periods
still short, 政策解读 flagged."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable

from PySide6 import QtCore
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGroupBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.domain import clock
from app.domain.dates import cn_date, cn_datetime, cn_duration

if TYPE_CHECKING:
    from app.services.duties import DutiesHome
    from app.services.opinion import OpinionRow

TITLE = "舆情回应时限（按小时，自然时间连续计算）"
OPINION_PAGE = "舆情回应"  # the page where an item is handled (the main window's PAGES)
RULE = ("国办发〔2016〕61号 三：一般舆情48小时内回应；本乡政务公开舆情应对工作制度 四(三)：重要舆情当天回应；"
        "富阳区实施意见第4条：特别重大、重大突发事件5小时内发布权威信息、24小时内举行新闻发布会。"
        "双击一行到“舆情回应”页面办理。")
TICK_MS = 60_000
ROW_PX = 22  # as the working-day lists beside it
COLOURS = {clock.OVERDUE: "#c0392b", clock.DUE_SOON: "#d35400", clock.OK: "#2c3e50"}


class HourList(QGroupBox):
    """The running hour limits, most pressing first; `open_item(id)` on double-click or Enter."""

    open_item = Signal(int)
    COLUMNS = ("编号", "标题", "时限", "到期时刻", "剩余")

    def __init__(self, parent: QWidget | None, now: Callable[[], dt.datetime]):
        super().__init__(TITLE, parent)
        self.setToolTip(RULE)
        self.setStyleSheet("QGroupBox { font-weight: bold; color: #8e44ad; }")
        self.now = now
        self.rows: list["OpinionRow"] = []
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("list_hours")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(ROW_PX)
        self.table.setWordWrap(False)
        self.table.cellDoubleClicked.connect(lambda row, _c: self._open(row))
        self.table.activated.connect(lambda index: self._open(index.row()))
        inner = QVBoxLayout(self)
        inner.addWidget(self.table)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.redraw)
        self._timer.start(TICK_MS)

    def show_rows(self, rows: list["OpinionRow"]) -> None:
        self.rows = rows
        self.setTitle(f"{TITLE}（{len(rows)}件）")
        self.setVisible(bool(rows))
        self.redraw()

    def redraw(self) -> None:
        """What is left of each limit at this minute (the rows keep their moments)."""
        now = self.now()
        self.table.setRowCount(len(self.rows))
        header = self.table.horizontalHeader().sizeHint().height() + 6
        self.table.setMaximumHeight(header + ROW_PX * max(len(self.rows), 1))
        self.table.setMinimumHeight(header + ROW_PX * min(max(len(self.rows), 1), 4))
        for i, row in enumerate(self.rows):
            limit = row.urgent
            state = clock.hour_urgency(limit, now)
            values = (row.item.no, row.item.data.title, limit.label + ("" if limit.legal else "（本机关流程）"),
                      cn_datetime(limit.due_at), cn_duration(clock.time_left(limit, now)))
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(limit.explanation)
                cell.setData(QtCore.Qt.ItemDataRole.UserRole, row.item.id)
                if column == 4:
                    cell.setForeground(QBrush(QColor(COLOURS.get(state, "#2c3e50"))))
                self.table.setItem(i, column, cell)
        self.table.resizeColumnsToContents()

    def _open(self, row: int) -> None:
        cell = self.table.item(row, 0)
        if cell is not None:
            self.open_item.emit(cell.data(QtCore.Qt.ItemDataRole.UserRole))

    def texts(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]


def press_lines(seen: "DutiesHome", today: dt.date) -> list[str]:
    """Lines for the home page's box of other reminders (rich text)."""
    out = []
    for r in seen.press.inquiries[:5]:
        colour = "#c0392b" if r.state in (clock.OVERDUE, clock.DUE_TODAY) else "#2c3e50"
        out.append(f"<b>记者问询</b>：{r.inquiry.data.outlet} {r.inquiry.data.question[:16]} — 答复期限"
                   f"{cn_date(r.limit.due)}<span style='color:{colour}'>（{clock.URGENCY_LABELS[r.state]}）</span>")
    for r in seen.press.roster[:5]:
        colour = "#c0392b" if r.state in (clock.OVERDUE, clock.DUE_TODAY) else "#2c3e50"
        out.append(f"<b>新闻发言人</b>：{r.person.data.name}（{r.person.data.role}）{r.urgent.label} "
                   f"{cn_date(r.urgent.due)}<span style='color:{colour}'>（{clock.URGENCY_LABELS[r.state]}）</span>")
    if seen.press.quota:
        short = "；".join(p.text() for p in seen.press.quota[:4])
        out.append(f"<b>新闻发布（“{seen.press.pattern}”，{today.year}年）</b>：{short}")
    if seen.interpretations:
        out.append(f"<b>政策解读</b>：{seen.interpretations}件行政规范性文件的政策解读需要处理，见“主动公开”页面。")
    return out


def hour_box(parent: QWidget, now: Callable[[], dt.datetime], open_item: Callable[[int], None]) -> HourList:
    box = HourList(parent, now)
    box.open_item.connect(open_item)
    box.hide()
    return box
