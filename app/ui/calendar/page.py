"""工作日历: a year's twelve month grids with days off (red) and makeup working days (blue), each
day's source as its tooltip; clicking a day changes it, a schedule file can be imported, a year
confirmed. Every change recomputes the limits of all open cases (services.calendar).

In a district the district's shared days are shown in italics (docs/district.md, "The district's
defaults"): an office cannot change or remove them, only set its own entry for the day, which wins
for it; the 区级 login changes the district's days on this same page."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QDialog, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QScrollArea, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from app.domain.dates import cn_date
from app.services import calendar as office_calendar
from app.services.calendar import DayInfo
from app.services.errors import ValidationError
from app.ui.forms.ui_calendar_day_dialog import Ui_CalendarDayDialog
from app.ui.common import errors, files, messages, tasks
from app.ui.common.context import Context
from app.ui.common.events import Changes
from app.ui.common.messages import chinese_buttons
from app.ui.common.page import Page

WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")
OFF_BG, OFF_FG = QColor("#f9d6d5"), QColor("#b03a2e")
MAKEUP_BG, MAKEUP_FG = QColor("#d6e4f5"), QColor("#1f4e8c")
WEEKEND_FG = QColor("#c0392b")
SAMPLE_FILE = "节假日安排示例.csv"


DISTRICT_DAY = "全区统一设定"


def describe(info: DayInfo, district_login: bool = False) -> str:
    """The tooltip of a day: what it is and on whose authority."""
    kind = "工作日" if info.working else "休息日"
    text = f"{cn_date(info.day)}（星期{WEEKDAYS[info.day.weekday()]}）{kind}：{info.source}"
    if info.office_entry:
        text += "\n本机关录入（优先于" + ("全区统一设定和" if info.district_entry else "") + "节假日数据）"
    elif info.district_entry:
        text += f"\n{DISTRICT_DAY}（优先于节假日数据）" + (
            "" if district_login else "；本机关不能修改或删除，可另设本机关的上班或休息，本机关的设定优先")
    return text


def is_holiday(info: DayInfo) -> bool:
    """A day off that is not an ordinary weekend (法定节假日 or an office day off)."""
    if info.working:
        return False
    return info.day.weekday() < 5 or info.office_entry or (not info.unconfirmed and info.source != "周末休息")


def is_makeup(info: DayInfo) -> bool:
    """A weekend day worked (调休上班日)."""
    return info.working and info.day.weekday() >= 5


class MonthGrid(QTableWidget):
    """One month, Monday first; `day_clicked(date)` when the clerk clicks a day."""

    day_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(6, 7, parent)
        self.setHorizontalHeaderLabels(list(WEEKDAYS))
        self.verticalHeader().hide()
        for header, size in ((self.horizontalHeader(), 32), (self.verticalHeader(), 22)):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setMinimumSectionSize(10)  # the style sheet's padding must not widen the days
            header.setDefaultSectionSize(size)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit()
        self.cellClicked.connect(self._clicked)
        self.days: dict[dt.date, tuple[int, int]] = {}

    def _fit(self) -> None:
        """Exactly six weeks of seven days, no scroll bars, whatever the style sheet's padding."""
        frame = 2 * self.frameWidth()
        self.setFixedSize(self.horizontalHeader().length() + frame,
                          self.verticalHeader().length() + self.horizontalHeader().sizeHint().height() + frame)

    def show_month(self, infos: list[DayInfo], district_login: bool = False) -> None:
        self._fit()
        self.clearContents()
        self.days.clear()
        offset = infos[0].day.weekday()
        for info in infos:
            row, column = divmod(offset + info.day.day - 1, 7)
            item = QTableWidgetItem(str(info.day.day))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setData(Qt.ItemDataRole.UserRole, info.day.toordinal())
            item.setToolTip(describe(info, district_login))
            self._paint(item, info)
            self.setItem(row, column, item)
            self.days[info.day] = (row, column)

    @staticmethod
    def _paint(item: QTableWidgetItem, info: DayInfo) -> None:
        if is_holiday(info):
            item.setBackground(QBrush(OFF_BG))
            item.setForeground(QBrush(OFF_FG))
        elif is_makeup(info):
            item.setBackground(QBrush(MAKEUP_BG))
            item.setForeground(QBrush(MAKEUP_FG))
        elif not info.working:
            item.setForeground(QBrush(WEEKEND_FG))
        if info.office_entry or info.district_entry:
            font = QFont(item.font())
            font.setBold(info.office_entry)
            font.setUnderline(info.office_entry)
            font.setItalic(info.district_entry and not info.office_entry)
            item.setFont(font)

    def _clicked(self, row: int, column: int) -> None:
        item = self.item(row, column)
        if item is not None:
            self.day_clicked.emit(dt.date.fromordinal(item.data(Qt.ItemDataRole.UserRole)))

    def cell_of(self, day: dt.date) -> QTableWidgetItem:
        return self.item(*self.days[day])


class CalendarDayDialog(QDialog):
    """上班 / 休息 / 恢复默认 for one day, with the notice it rests on."""

    def __init__(self, parent: QWidget | None, info: DayInfo, entry_note: str = "", district_login: bool = False):
        super().__init__(parent)
        self.ui = Ui_CalendarDayDialog()
        self.ui.setupUi(self)
        self.info = info
        self.ui.dayLabel.setText(f"{cn_date(info.day)}  星期{WEEKDAYS[info.day.weekday()]}")
        self.ui.sourceLabel.setText("现为" + ("工作日" if info.working else "休息日") + f"：{info.source}")
        own = info.office_entry or (district_login and info.district_entry)
        if own:
            (self.ui.workButton if info.working else self.ui.offButton).setChecked(True)
            self.ui.f_note.setText(entry_note)
        else:
            self.ui.defaultButton.setChecked(True)
        if district_login:
            self.ui.defaultButton.setToolTip("删除全区统一对这一天的设定，按节假日数据和周末计算")
        elif info.district_entry:
            # the district's day stays: "default" here is the district's setting, not the package's
            self.ui.defaultButton.setText("按全区统一设定")
            self.ui.defaultButton.setToolTip("删除本机关对这一天的设定，按全区统一设定计算（全区的设定本机关不能修改）")
            self.ui.sourceLabel.setText(self.ui.sourceLabel.text() + f"（{DISTRICT_DAY}）")
        else:
            self.ui.defaultButton.setToolTip("删除本机关对这一天的设定，按节假日数据和周末计算")
        chinese_buttons(self.ui.buttonBox)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def choice(self) -> bool | None:
        """True 上班, False 休息, None 恢复默认."""
        if self.ui.workButton.isChecked():
            return True
        if self.ui.offButton.isChecked():
            return False
        return None

    def note(self) -> str:
        return self.ui.f_note.text()


class CalendarPage(Page):
    """The 工作日历 page. A change here is announced (`Changes(calendar=True)`): every open case and
    list recounts its limits."""

    title = "工作日历"

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.infos: dict[dt.date, DayInfo] = {}
        self.district_login = False  # the 区级 login changes the district's shared days here
        self._build()

    # ---- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("年度"))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today().year)
        self.year.setObjectName("yearBox")
        bar.addWidget(self.year)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        bar.addWidget(self.status, 1)
        self.import_button = QPushButton("导入节假日安排…", self)
        self.import_button.setToolTip(f"CSV 或 Excel 文件，三列：日期, 休/班, 备注（参见 resources/{SAMPLE_FILE}）")
        self.confirm_button = QPushButton("确认本年度安排", self)
        bar.addWidget(self.import_button)
        bar.addWidget(self.confirm_button)
        outer.addLayout(bar)
        legend = QLabel("<span style='background:#f9d6d5;color:#b03a2e'>&nbsp;红底：节假日休息&nbsp;</span>　"
                        "<span style='background:#d6e4f5;color:#1f4e8c'>&nbsp;蓝底：调休上班&nbsp;</span>　"
                        "<span style='color:#c0392b'>红字：周末</span>　<b><u>粗体下划线</u></b>：本机关录入　"
                        "<i>斜体</i>：全区统一设定　"
                        "鼠标停在日期上可看依据，点击日期可修改。", self)
        outer.addWidget(legend)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        outer.addWidget(self._months_area(), 1)
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.import_button.clicked.connect(self._choose_import)
        self.confirm_button.clicked.connect(self.toggle_confirmed)

    def _months_area(self) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        holder = QWidget(area)
        grid = QGridLayout(holder)
        self.months: list[MonthGrid] = []
        for month in range(12):
            box = QVBoxLayout()
            box.addWidget(QLabel(f"<b>{month + 1}月</b>"))
            table = MonthGrid(holder)
            table.day_clicked.connect(self.edit_day)
            box.addWidget(table)
            grid.addLayout(box, month // 4, month % 4)
            self.months.append(table)
        grid.setColumnStretch(4, 1)
        grid.setRowStretch(3, 1)
        area.setWidget(holder)
        return area

    # ---- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        year = self.year.value()
        self.district_login = office_calendar.for_district()
        days = office_calendar.year_view(year)
        self.infos = {d.day: d for d in days}
        for month, table in enumerate(self.months, start=1):
            table.show_month([d for d in days if d.day.month == month], self.district_login)
        self._show_status(year, days[0].unconfirmed)

    def _show_status(self, year: int, unconfirmed: bool) -> None:
        office_years = office_calendar.confirmed_years()
        district_years = {} if self.district_login else office_calendar.district_confirmed_years()
        who = "全区统一确认" if self.district_login else "本机关确认"
        if unconfirmed:
            self.status.setText(f"<span style='color:#c0392b'><b>{year}年：未确认</b>——节假日安排尚未确认，"
                                "期限暂按周末和法定节假日计算（未计补假和调休）并标“未确认”。请导入国务院办公厅通知的"
                                "安排（或逐日点击修改），核对无误后点击“确认本年度安排”并注明通知名称或文号。</span>")
        elif year in office_years:
            note = office_years[year]
            self.status.setText(f"<span style='color:#1e8449'><b>{year}年：已确认</b>"
                                f"（{who}{('：' + note) if note else ''}）</span>")
        elif year in district_years:
            note = district_years[year]
            self.status.setText(f"<span style='color:#1e8449'><b>{year}年：已确认</b>"
                                f"（全区统一确认{('：' + note) if note else ''}）</span>")
        else:
            self.status.setText(f"<span style='color:#1e8449'><b>{year}年：已确认</b>"
                                "（国务院办公厅节假日安排已载入）</span>")
        self.confirm_button.setEnabled(unconfirmed or year in office_years)
        self.confirm_button.setText("取消本年度确认" if year in office_years else "确认本年度安排")

    def month(self, month: int) -> MonthGrid:
        return self.months[month - 1]

    # ---- changing -----------------------------------------------------------------------------

    def edit_day(self, day: dt.date) -> None:
        """Clicking a day: ask 上班 / 休息 / 恢复默认 and store it."""
        info = self.infos[day]
        own = info.office_entry or (self.district_login and info.district_entry)
        dialog = CalendarDayDialog(self, info, info.source if own else "", self.district_login)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            if dialog.choice() is None and not own and info.district_entry:
                self.message.setText(f"{cn_date(day)}按{DISTRICT_DAY}，未作改动。")
            else:
                self.set_day(day, dialog.choice(), dialog.note())
        dialog.deleteLater()

    def set_day(self, day: dt.date, working: bool | None, note: str) -> None:
        what = {True: "上班", False: "休息", None: "恢复默认"}[working]
        self._change(lambda: office_calendar.set_day(day, working, note), "无法修改工作日历",
                     lambda n: f"{cn_date(day)}已改为{what}。{self._recounted(n)}")

    def toggle_confirmed(self) -> None:
        """Confirming names the State Council notice and is checked for completeness (every statutory
        holiday of 全国年节及纪念日放假办法, services.calendar.confirm_year); taking it back needs nothing."""
        year = self.year.value()
        confirmed = year not in office_calendar.confirmed_years()
        source = ""
        if confirmed:
            from app.ui.common.reason_dialog import ask_reason

            source = ask_reason(self, f"确认{year}年节假日安排",
                                f"确认后，{year}年的期限按本机关录入的安排计算，不再标“未确认”。确认前将核对元旦、春节、"
                                "清明、劳动节、端午、中秋、国庆是否都已录入。请注明安排的来源。",
                                "来源（国务院办公厅通知的名称或文号）", f"国务院办公厅关于{year}年部分节假日安排的通知")
            if source is None:
                return
        self._change(lambda: office_calendar.confirm_year(year, source, confirmed), "无法确认",
                     lambda n: f"{year}年节假日安排已{'确认' if confirmed else '取消确认'}。{self._recounted(n)}",
                     self._confirm_failed)

    def _confirm_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            lines = "\n".join(exc.errors.values())
            messages.warn(self, "无法确认", f"该年度的安排还不能确认：\n{lines}")
        else:
            errors.report(self, exc, "无法确认")

    def _choose_import(self) -> None:
        # The folder she used last (else Documents), not the sample shipped with the program.
        path = files.open_path(self, "导入节假日安排", "calendar-import", "节假日安排 (*.csv *.xlsx)")
        if path:
            self.import_from(path)

    def import_from(self, path: Path) -> None:
        self._change(lambda: office_calendar.import_schedule(path), "无法导入",
                     lambda r: f"已从 {path.name} 导入{r[0]}天的安排（导入不确认年度：请核对后点击“确认本年度安排”）。"
                               f"{self._recounted(r[1])}",
                     self._import_failed)

    def _import_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            lines = "\n".join(f"{where}：{problem}" for where, problem in exc.errors.items())
            messages.warn(self, "无法导入", f"文件中有以下问题，未导入任何内容：\n{lines}")
        else:
            errors.report(self, exc, "无法导入")

    def _recounted(self, n: int) -> str:
        if self.district_login:  # no office's limits are the 区级 login's to write (services.calendar)
            return "各单位在下次打开程序或刷新首页时按新的全区日历重新计算期限。"
        return f"已重新计算{n}件未办结申请的期限。"

    def _change(self, store, failed_title: str, said: Callable, failed=None) -> None:
        """A change of the calendar, which recounts every open case: off the GUI thread, then announced."""
        def done(result) -> None:
            text = said(result)
            self.message.setText(text)
            self.ctx.show_status(text, 8000)

        tasks.Operation(self, store, busy="正在重新计算期限…", failure_title=failed_title).success(done) \
            .failure(failed or (lambda exc: errors.report(self, exc, failed_title))) \
            .announce(self.ctx.events, Changes(calendar=True)).run()

    def concerned_by(self, changes: Changes) -> bool:
        return changes.calendar or changes.workspace
