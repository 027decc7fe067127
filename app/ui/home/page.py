"""首页: what is due. Four lists (已超期, 今日到期, 3个工作日内到期, 暂停计时), most urgent first, each
row naming the limit and its working days left; open 复议/诉讼, the archive countdown, overdue
proactive items; this year's requests per month and outcomes so far (two bar charts).

Nothing here runs before the window's first paint: the lists are built on a timer after the page is
shown (start-up budget), and the charts are made only when first drawn.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Callable, NamedTuple

# QtCore.Qt, not Qt: its 94 enums take 20 ms to build, so not before the first paint.
from PySide6 import QtCore
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QTableView, QVBoxLayout, QWidget

from app.domain.dates import cn_date
from app.ui.common.context import Context
from app.ui.common.events import Changes
from app.ui.common.page import Page

if TYPE_CHECKING:
    from app.services.deadlines import DueOverview
    from app.services.duties import DutiesHome

log = logging.getLogger(__name__)

# Tests switch the start-up reminder off (or drive it) here.
DAILY_REMINDER = {"enabled": True}
FIRST_BUILD_DELAY_MS = 150  # after the first paint: the clerk sees the window before any counting
# A list shows its most urgent rows only (thousands of rows would take the window a second to draw
# and nobody reads them there); the register, sorted by 期限, shows them all.
LIST_ROWS = 200
DISPUTE_LINES = 8

BUCKETS = (
    ("overdue", "已超期", "#c0392b"),
    ("today", "今日到期", "#d35400"),
    ("soon", "3个工作日内到期", "#b7950b"),
    ("paused", "暂停计时（等待补正/意见/缴费）", "#2c3e50"),
)
TITLE_WORDS = {"overdue": "超期", "today": "今日"}
COUNT_KEY = "home-count"
REST_KEY = "home-rest"


def left_text(days_left: int | None, paused: bool = False) -> str:
    if days_left is None:
        return "暂停"
    if days_left < 0:
        return f"已超期{-days_left}个工作日"
    return "今日到期" if days_left == 0 else f"剩余{days_left}个工作日"


def title_suffix(counts: dict[str, int]) -> str:
    """'超期2 今日1' for the window title; empty when nothing is overdue or due today."""
    return " ".join(f"{TITLE_WORDS[k]}{counts[k]}" for k in ("overdue", "today") if counts.get(k))


_UNCONFIRMED_TIP = "\n该日期所在年度节假日安排未确认，请在“工作日历”页面载入。"


class _DueModel(QtCore.QAbstractTableModel):
    """The rows of one list, made into text only when the view asks for them (it paints the rows on
    screen, a few of the 200): filling a list is one reset, not a thousand items."""

    def __init__(self, parent: QWidget, colour: QColor):
        super().__init__(parent)
        self.items: list = []
        self.brush = QBrush(colour)

    def show(self, items) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QtCore.QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QtCore.QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(DueList.COLUMNS)

    def headerData(self, section: int, orientation, role: int = QtCore.Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == QtCore.Qt.Orientation.Horizontal and role == QtCore.Qt.ItemDataRole.DisplayRole:
            return DueList.COLUMNS[section]
        return None

    def text(self, row: int, column: int) -> str:
        item = self.items[row]
        limit = item.limit
        if column == 0:
            return item.case_no
        if column == 1:
            return item.name
        if column == 2:
            return limit.label + ("" if limit.legal else "（本机关流程）")
        if column == 3:
            return cn_date(limit.due) if limit.due else "—"
        return left_text(item.days_left) + ("（未确认）" if item.unconfirmed else "")

    def data(self, index, role: int = QtCore.Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        roles = QtCore.Qt.ItemDataRole
        if role == roles.DisplayRole:
            return self.text(index.row(), index.column())
        item = self.items[index.row()]
        if role == roles.ToolTipRole:
            return item.limit.explanation + (_UNCONFIRMED_TIP if item.unconfirmed else "")
        if role == roles.UserRole:
            return item.case_id
        if role == roles.ForegroundRole and index.column() == 4:
            return self.brush
        return None


class DueList(QTableView):
    """One of the four lists; `open_case(case_id)` on double-click or Enter."""

    open_case = Signal(int)
    COLUMNS = ("登记编号", "申请人", "期限", "到期日", "剩余")

    def __init__(self, parent: QWidget | None, colour: str):
        super().__init__(parent)
        self.colour = QColor(colour)
        self.setModel(_DueModel(self, self.colour))
        self.verticalHeader().hide()
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        # Column widths from the font, once: sizing them to their contents asked the model for every
        # role of every row each time a list was shown (a tenth of a second for four lists).
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column, sample in ((0, "〔2026〕第10000号"), (1, "台州市黄岩区东海建材"), (3, "2026年12月31日"),
                               (4, "已超期100个工作日（未确认）")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        self.verticalHeader().setDefaultSectionSize(22)
        self.doubleClicked.connect(lambda index: self._open(index.row()))
        self.activated.connect(lambda index: self._open(index.row()))

    def show_items(self, items) -> None:
        header = self.horizontalHeader().sizeHint().height() + 6
        self.setMaximumHeight(header + 22 * max(len(items), 1))
        self.setMinimumHeight(header + 22 * min(max(len(items), 1), 3))  # four lists fit 1366×768
        self.model().show(items)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model().items):
            self.open_case.emit(self.model().items[row].case_id)

    def rows(self) -> list[list[str]]:
        model = self.model()
        return [[model.text(r, c) for c in range(len(self.COLUMNS))] for r in range(len(model.items))]


class HomePage(Page):
    """The first page: what is due today. `due_counts(dict)` after every count (the window shows
    the overdue and due-today numbers in its title); `count_attempted` after every count, shown or
    failed (the start-up integrity check waits for the first); `rest_attempted` after every count of
    the rest beside the lists (the start-up's cleanup of leftovers waits for the first)."""

    title = "首页"
    due_counts = Signal(object)
    count_attempted = Signal()
    rest_attempted = Signal()

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.counts: dict[str, int] = {}
        self._cached_limits_day: dt.date | None = None
        self.lists: dict[str, DueList] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.reminder: QMessageBox | None = None
        self._charts = None
        self._built_once = False
        self._on_paint: Callable[[], None] | None = None  # what waits for the lists to be drawn
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_refresh)
        self._build()

    # ---- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        """The frame only; the lists are made with their first contents (`_build_lists`), so the
        window's first paint has a page of one line to draw (start-up)."""
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.summary = QLabel("正在统计到期事项…", self)
        self.summary.setObjectName("homeSummary")  # its look: resources/style.qss
        left.addWidget(self.summary)
        self._left = left
        self.year_ahead: QLabel | None = None  # next year's schedule not loaded (from November)
        self.stack = QVBoxLayout()
        self.empty: dict[str, QLabel] = {}
        self.stack.addStretch(0)
        left.addLayout(self.stack, 1)
        outer.addLayout(left, 11)
        self._left = left
        self._right = QVBoxLayout()
        self.chart_area = QVBoxLayout()
        self._right.addLayout(self.chart_area, 1)
        outer.addLayout(self._right, 7)
        self.others: QLabel | None = None

    def _build_lists(self) -> None:
        if self.others is not None:
            return
        self.year_ahead = QLabel(self)
        self.year_ahead.setObjectName("yearAheadWarning")
        self.year_ahead.setWordWrap(True)
        self.year_ahead.setStyleSheet("background: #fff3cd; color: #7a4a00; border: 1px solid #e0b44c; padding: 6px;")
        self.year_ahead.setToolTip("条例第三十三条：答复期限按工作日计算；工作日以国务院办公厅每年发布的节假日安排为准"
                                   "（docs/legal/holidays.md）。在“工作日历”页载入并确认下一年度的安排。")
        self.year_ahead.hide()
        self._left.insertWidget(1, self.year_ahead)
        for n, (key, label, colour) in enumerate(BUCKETS):
            box = QGroupBox(label, self)
            box.setStyleSheet(f"QGroupBox {{ font-weight: bold; color: {colour}; }}")
            table = DueList(box, colour)
            table.setObjectName(f"list_{key}")
            table.open_case.connect(self._open_case)
            empty = QLabel("（无）", box)
            inner = QVBoxLayout(box)
            inner.addWidget(table)
            inner.addWidget(empty)
            self.stack.insertWidget(n, box)
            self.lists[key], self.boxes[key], self.empty[key] = table, box, empty
        # The 舆情 limits in hours, beside the working-day lists (docs/legal/duties.md).
        from app.ui.home.duties import OPINION_PAGE, hour_box

        self.hours = hour_box(self, self.ctx.now, lambda item_id: self.ctx.show_page(OPINION_PAGE, item_id))
        self._left.insertWidget(1, self.hours)
        self.others = QLabel(self)
        self.others.setWordWrap(True)
        self.others.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.others.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop | QtCore.Qt.AlignmentFlag.AlignLeft)
        other_box = QGroupBox("复议诉讼、归档、主动公开与新闻发布", self)
        QVBoxLayout(other_box).addWidget(self.others)
        self._right.insertWidget(0, other_box)

    # ---- refreshing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Called by the window when the page is shown or a case changed: recount soon, not now."""
        delay = 0 if self._built_once else FIRST_BUILD_DELAY_MS
        self._timer.start(delay)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._timer.isActive():
            self.refresh()

    def concerned_by(self, changes: Changes) -> bool:
        return super().concerned_by(changes) or changes.touches_duties()

    def _heard(self, changes: Changes) -> None:
        # Counted even out of sight: the window's title carries the overdue and due-today numbers.
        if not self.concerned_by(changes):
            return
        if changes.workspace and not self._built_once:
            # The file opened behind the window, after its first paint: no reason to wait.
            self._timer.start(0)
        else:
            self.refresh()

    def _timed_refresh(self) -> None:
        """Recount on the store lane (with thousands of open cases it takes a second or more), so the
        window stays usable; requests made meanwhile are coalesced into one more count."""
        if not self.ctx.workspace_open:
            return  # the database is still opening behind the window: it announces when open
        from app.ui.common import tasks  # after the first paint

        today, refresh_limits, now = self.today(), self._cached_limits_day != dt.date.today(), self.ctx.now()
        self._build_lists()  # in this turn, while the count runs: the turn that shows it stays short
        # The due lists first (what the clerk opens the program for), then the side panel and charts.
        tasks.Operation(self, lambda: count_due(today, refresh_limits)) \
            .success(lambda due: self._show_due(due, now)).failure(self._count_failed).coalesce(COUNT_KEY).run()

    def _count_failed(self, exc: BaseException) -> None:
        # An error here must not take the window down; say so on the page, and log it.
        from app.ui.common import errors

        errors.setup_logging()
        log.error("home page refresh failed: %s", errors.details_of(exc))
        self.summary.setText(f"到期事项统计失败：{exc}")
        self.count_attempted.emit()

    def refresh_now(self) -> None:
        """Recount everything now, on this thread (tests call this directly)."""
        due = count_due(self.today(), self._cached_limits_day != dt.date.today())
        self._show_due(due)
        self._show_rest(count_rest(due.today, self.ctx.now()))

    def _show_due(self, due: "DueCount", now: dt.datetime | None = None) -> None:
        """The four due lists and the summary; with `now`, the rest of the page is counted next."""
        if due.limits_refreshed:
            self._cached_limits_day = dt.date.today()
        today, overview = due.today, due.overview
        self._build_lists()
        self.counts = overview.counts
        for n, (key, label, _colour) in enumerate(BUCKETS):
            items = getattr(overview, key)
            self.lists[key].show_items(items[:LIST_ROWS])
            self.lists[key].setVisible(bool(items))
            more = len(items) - LIST_ROWS
            self.empty[key].setText("（无）" if not items else
                                    f"另有{more}件未列出：在“登记簿”中按“期限”列排序可查看全部。")
            self.empty[key].setVisible(not items or more > 0)
            self.boxes[key].setTitle(f"{label}（{len(items)}件）")
            # Longer lists get more of the height; short ones shrink to their rows.
            self.stack.setStretch(n, min(len(items), 12))
        self.stack.setStretch(len(BUCKETS), 0 if any(getattr(overview, k) for k, _l, _c in BUCKETS) else 1)
        c = self.counts
        self.summary.setText(f"{cn_date(today)}　已超期 {c['overdue']} 件　今日到期 {c['today']} 件　"
                             f"3个工作日内到期 {c['soon']} 件　暂停计时 {c['paused']} 件")
        self.due_counts.emit(dict(self.counts))
        self.count_attempted.emit()
        # The rest is counted, and the reminder shown, once the lists are on screen: a count running
        # beside their paint would have each row drawn wait for the interpreter (docs/performance.md).
        first = not self._built_once
        self._built_once = True
        if now is not None or first:
            self._when_painted(lambda: self._after_lists(overview, today, now, first))

    def _when_painted(self, callback: Callable[[], None]) -> None:
        """`callback` once the lists just filled have been drawn; at once when the page is out of
        sight (nothing to draw). Only the latest callback waits."""
        if not self.isVisible():
            callback()
            return
        waiting = self._on_paint is not None
        self._on_paint = callback
        if not waiting:
            from app.ui.common.painted import AfterPaint

            AfterPaint(self.summary, self._painted)
            self.summary.update()

    def _painted(self) -> None:
        callback, self._on_paint = self._on_paint, None
        if callback is not None:
            callback()

    def _after_lists(self, overview: "DueOverview", today: dt.date, now: dt.datetime | None, first: bool) -> None:
        if now is not None:
            from app.ui.common import tasks

            tasks.Operation(self, lambda: count_rest(today, now)).success(self._show_rest) \
                .failure(self._rest_failed).coalesce(REST_KEY).run()
        if first:
            self._maybe_remind(overview, today)

    def _show_rest(self, rest: "RestCount") -> None:
        """The 舆情 hours, the other reminders, the next year's warning and the charts."""
        self._build_lists()
        self.others.setText(rest.others)
        self.hours.show_rows(rest.duties.opinions if rest.duties else [])
        warning = rest.year_ahead
        self.year_ahead.setText(f"⚠ {warning.text}" if warning else "")
        self.year_ahead.setVisible(warning is not None)
        self._show_charts(rest.today.year, rest.per_month, rest.outcomes)
        self.rest_attempted.emit()

    def _rest_failed(self, exc: BaseException) -> None:
        from app.ui.common import errors

        errors.setup_logging()
        log.error("home page reminders failed: %s", errors.details_of(exc))
        self._build_lists()
        self.others.setText(f"提醒统计失败：{exc}")
        self.rest_attempted.emit()

    # ---- the other reminders ------------------------------------------------------------------

    @staticmethod
    def _others_html(today: dt.date, extra: list[str] | None = None) -> str:
        parts = HomePage._disputes_html(today) + HomePage._archive_html(today) + HomePage._proactive_html(today)
        parts += extra or []
        return "<br>".join(parts) if parts else "暂无复议诉讼、归档、主动公开或新闻发布方面的提醒。"

    @staticmethod
    def _disputes_html(today: dt.date) -> list[str]:
        from app.domain import clock
        from app.services import disputes, register
        from app.services.work_calendar import work_calendar

        cal, ranked = work_calendar(), []
        open_ones = disputes.open_disputes()
        for d in open_ones:
            running = [l for l in d.limits if l.shown and l.done_on is None]
            picked = clock.most_urgent(running, today, cal) if running else None
            rank = clock.urgency_rank(*picked) if picked else (len(clock.URGENCY_ORDER), 0)
            ranked.append((rank, d.id, d, picked))
        ranked.sort(key=lambda r: r[:2])  # most pressing first
        shown = ranked[:DISPUTE_LINES]
        numbers = register.case_numbers([d.case_id for _r, _i, d, _p in shown])
        out = []
        for _rank, _id, d, picked in shown:
            case_no = numbers[d.case_id]
            if picked is None:
                out.append(f"<b>{d.label}</b> {case_no}：等待结果")
                continue
            limit, level = picked
            colour = "#c0392b" if level in (clock.OVERDUE, clock.DUE_TODAY) else "#2c3e50"
            left = left_text(clock.days_left(limit, today, cal))
            out.append(f"<b>{d.label}</b> {case_no}：{limit.label} {cn_date(limit.due)}"
                       f" <span style='color:{colour}'>{left}</span>")
        if len(ranked) > DISPUTE_LINES:
            out.append(f"另有{len(ranked) - DISPUTE_LINES}件复议诉讼尚未结束，在各案件的“复议/诉讼”栏中查看。")
        return out

    @staticmethod
    def _archive_html(today: dt.date) -> list[str]:
        from app.services import archive

        reminder = archive.archive_reminder(today)
        if reminder is None:
            return []
        colour = "#c0392b" if reminder.days_left < 0 else "#2c3e50"
        return [f"<b>年度归档</b>：<span style='color:{colour}'>{reminder.text}</span>"]

    @staticmethod
    def _proactive_html(today: dt.date) -> list[str]:
        from app.domain.clock import URGENCY_LABELS
        from app.services import proactive

        rows = proactive.attention(today)
        out = [f"<b>主动公开</b>：{r.item.data.title[:24]} — {r.urgent.label} {cn_date(r.urgent.due)}"
               f"（{URGENCY_LABELS[r.state]}）" for r in rows[:5]]
        if len(rows) > 5:
            out.append(f"主动公开另有{len(rows) - 5}项需要处理，见“主动公开”页面。")
        return out

    # ---- charts -------------------------------------------------------------------------------

    def _show_charts(self, year: int, per_month, outcomes) -> None:
        if self._charts is None:
            from app.ui.home.charts import HomeCharts  # after the first paint

            self._charts = HomeCharts(self)
            self.chart_area.addWidget(self._charts, 1)
        self._charts.show_year(year, per_month, outcomes)

    # ---- the daily reminder -------------------------------------------------------------------

    def _maybe_remind(self, overview, today: dt.date) -> None:
        """Once a day at start-up, a non-modal note of what is overdue or due today."""
        from app.services import home

        due = overview.overdue + overview.today
        if not DAILY_REMINDER["enabled"] or not due or not self.window().isVisible() or not home.reminder_due(today):
            return  # (a window closed meanwhile: nobody to remind, and the note would keep the program open)
        lines = [f"{i.case_no} {i.name}：{i.limit.label} {cn_date(i.limit.due)}（{left_text(i.days_left)}）"
                 for i in due[:8]]
        if len(due) > 8:
            lines.append(f"……另有{len(due) - 8}件，见首页。")
        box = QMessageBox(QMessageBox.Icon.Warning, "今日提醒",
                          f"已超期 {len(overview.overdue)} 件，今日到期 {len(overview.today)} 件：\n" + "\n".join(lines),
                          QMessageBox.StandardButton.Ok, self)
        box.button(QMessageBox.StandardButton.Ok).setText("知道了")
        box.setModal(False)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.show()
        self.reminder = box
        try:
            home.mark_reminder_shown(today)
        except Exception:  # noqa: BLE001 - a read-only copy cannot remember; showing it again is harmless
            log.info("could not remember the reminder date", exc_info=True)

    def printable(self) -> tuple[str, str] | None:
        """The four due lists as one table (Ctrl+P), as counted last."""
        if not self.lists:
            return None
        from app.ui.common.page import html_table

        rows = [[label] + cells for key, label, _c in BUCKETS for cells in self.lists[key].rows()]
        title = f"到期事项（{cn_date(self.today())}）"
        return title, html_table(title, ("类别",) + DueList.COLUMNS, rows, self.summary.text())

    def _open_case(self, case_id: int) -> None:
        self.ctx.open_case(case_id)


class DueCount(NamedTuple):
    """The due lists of one recount; gathered off the GUI thread, so no widget in it."""

    today: dt.date
    overview: "DueOverview"
    limits_refreshed: bool


class RestCount(NamedTuple):
    """The rest of the page for one recount (off the GUI thread)."""

    today: dt.date
    others: str
    per_month: list
    outcomes: list
    duties: "DutiesHome | None" = None  # 舆情 hour limits and 新闻发布 work due (docs/legal/duties.md)
    year_ahead: object = None  # services.home.NextYearWarning, from November while next year is not loaded


def count_due(today: dt.date, refresh_limits: bool) -> DueCount:
    """The four due lists, counted through the services (on any thread)."""
    from app.services import deadlines
    from app.services.backup import unchecked_file
    from app.services.workspace import is_readonly

    # Once a day: a pause that ran out its term overnight shows its resumed limit in the list.
    # (Not while the start-up integrity check is still running: a write would wait for it; and
    # not in a copy opened read-only, which cannot store them.)
    refreshed = refresh_limits and unchecked_file() is None and not is_readonly()
    return DueCount(today, deadlines.due_overview(today, refresh=refreshed), refreshed)


def count_rest(today: dt.date, now: dt.datetime | None = None) -> RestCount:
    """The reminders beside the lists and the charts (on any thread)."""
    from app.services import duties, home
    from app.ui.home.duties import press_lines

    seen = duties.home(now or dt.datetime.combine(today, dt.datetime.now().time()), today)
    return RestCount(today, HomePage._others_html(today, press_lines(seen, today)),
                     home.received_per_month(today.year), home.outcome_groups(today.year), seen,
                     home.next_year_warning(today))
