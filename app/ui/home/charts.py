"""The two charts of the home page (QtCharts): requests received per month this year, and answers
so far by outcome group (table 3 of the annual report). Imported only by home_page, on first use."""
from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget


def _bar_chart(title: str, categories: list[str], values: list[int], colour: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    bars = QBarSet(title)
    bars.append([float(v) for v in values])
    bars.setColor(QColor(colour))
    bars.setLabelColor(QColor("#2c3e50"))
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append(categories)
    small = QFont(x.labelsFont())
    small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
    x.setLabelsFont(small)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(x)
    y = QValueAxis()
    upper, ticks = count_axis(values)
    y.setRange(0, upper)
    y.setTickCount(ticks)
    y.setLabelFormat("%d")
    y.setLabelsFont(small)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(y)
    return chart


def count_axis(values: list[int], steps: int = 4) -> tuple[int, int]:
    """(top, tick count) of an axis of counts whose every tick is a whole number above the highest
    bar: an empty year reads 0, 1 — not 0, 0, 1, 1, 2."""
    top = max(values + [0]) + 1
    step = max(1, -(-top // steps))
    top = step * -(-top // step)
    return top, top // step + 1


class HomeCharts(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.monthly = QChartView(self)
        self.outcomes = QChartView(self)
        for view in (self.monthly, self.outcomes):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(180)
            layout.addWidget(view)
        self.values: dict[str, list[int]] = {}
        self._shown: dict[str, tuple] = {}

    def show_year(self, year: int, per_month: list[int], groups: list[tuple[str, int]]) -> None:
        """Draw the year's two charts; one whose figures have not changed is left as it is, and each
        is drawn in a turn of the event loop of its own (a chart takes tens of milliseconds)."""
        values = {"monthly": (year, list(per_month)), "outcomes": (year, list(groups))}
        if values["monthly"] != self._shown.get("monthly"):
            QTimer.singleShot(0, self, lambda: self.monthly.setChart(_bar_chart(
                f"{year}年每月收到申请（1–12月，共{sum(per_month)}件）", [str(m) for m in range(1, 13)], per_month,
                "#2e86c1")))
        if values["outcomes"] != self._shown.get("outcomes"):
            QTimer.singleShot(0, self, lambda: self.outcomes.setChart(_bar_chart(
                f"{year}年已答复的办理结果（共{sum(n for _g, n in groups)}件）", [g for g, _n in groups],
                [n for _g, n in groups], "#27ae60")))
        self._shown = values
        self.values = {"monthly": list(per_month), "outcomes": [n for _g, n in groups]}
