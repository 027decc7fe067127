"""The two charts of the home page: requests received per month this year, and answers so far by
outcome group (table 3 of the annual report). Plain bar charts painted with QPainter: QtCharts drew
the same two charts with 4 MB of libraries in the bundle and tens of milliseconds on the GUI thread
per chart (docs/performance.md)."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

_TEXT = QColor("#2c3e50")
_AXIS = QColor("#95a5a6")


def count_axis(values: list[int], steps: int = 4) -> tuple[int, int]:
    """(top, tick count) of an axis of counts whose every tick is a whole number above the highest
    bar: an empty year reads 0, 1 — not 0, 0, 1, 1, 2."""
    top = max(values + [0]) + 1
    step = max(1, -(-top // steps))
    top = step * -(-top // step)
    return top, top // step + 1


class BarChart(QWidget):
    """A titled bar chart of a few categories, each bar labelled with its value."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = ""
        self.categories: list[str] = []
        self.values: list[int] = []
        self.colour = QColor("#2e86c1")
        self.setMinimumHeight(180)

    @property
    def ticks(self) -> list[int]:
        """The counts marked on the axis (whole numbers, from 0 to above the highest bar)."""
        top, count = count_axis(self.values)
        return [top * i // (count - 1) for i in range(count)]

    def show_bars(self, title: str, categories: list[str], values: list[int], colour: str) -> None:
        self.title, self.categories, self.values, self.colour = title, list(categories), list(values), QColor(colour)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        width, height = self.width(), self.height()
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(_TEXT)
        line = painter.fontMetrics().height()
        painter.drawText(QRectF(4, 4, width - 8, line), Qt.AlignmentFlag.AlignHCenter, self.title)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        painter.setFont(small)
        label = painter.fontMetrics().height()
        top, bottom = 8 + line + label, height - label - 8
        ticks = self.ticks
        left, right = 12 + painter.fontMetrics().horizontalAdvance(str(ticks[-1])), width - 8
        painter.setPen(_AXIS)
        painter.drawLine(left, bottom, right, bottom)
        if bottom <= top:
            return
        most = ticks[-1]
        for tick in ticks:
            y = bottom - (bottom - top) * tick / most
            painter.drawText(QRectF(0, y - label / 2, left - 4, label), Qt.AlignmentFlag.AlignRight, str(tick))
        if not self.values:
            return
        slot = (right - left) / len(self.values)
        bar = max(2.0, slot * 0.6)
        for n, (category, value) in enumerate(zip(self.categories, self.values)):
            x = left + slot * n + (slot - bar) / 2
            h = (bottom - top) * value / most
            painter.fillRect(QRectF(x, bottom - h, bar, h), self.colour)
            painter.setPen(_TEXT)
            painter.drawText(QRectF(left + slot * n, bottom - h - label, slot, label), Qt.AlignmentFlag.AlignHCenter,
                             str(value))
            painter.drawText(QRectF(left + slot * n, bottom + 2, slot, label), Qt.AlignmentFlag.AlignHCenter,
                             category)


class HomeCharts(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.monthly = BarChart(self)
        self.outcomes = BarChart(self)
        for view in (self.monthly, self.outcomes):
            layout.addWidget(view)
        self.values: dict[str, list[int]] = {}

    def show_year(self, year: int, per_month: list[int], groups: list[tuple[str, int]]) -> None:
        self.values = {"monthly": list(per_month), "outcomes": [n for _g, n in groups]}
        self.monthly.show_bars(f"{year}年每月收到申请（1–12月，共{sum(per_month)}件）", [str(m) for m in range(1, 13)],
                               per_month, "#2e86c1")
        self.outcomes.show_bars(f"{year}年已答复的办理结果（共{sum(n for _g, n in groups)}件）", [g for g, _n in groups],
                                [n for _g, n in groups], "#27ae60")
