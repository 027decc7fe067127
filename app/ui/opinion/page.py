"""舆情回应: every 政务舆情 item with its hour limits counting down, its steps on a timeline beside the
audit trail, and the reports (即时呈报单, 一周一报告, the period's table).

Rules: app/domain/opinion.py (本乡政务公开舆情应对工作制度; 国办发〔2016〕61号; 富阳区实施意见第4条);
docs/legal/duties.md. Views call services only.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMenu, QSplitter, QVBoxLayout, QWidget

from app.domain import clock
from app.domain import opinion as op
from app.domain.dates import cn_datetime, cn_duration
from app.services import audit, opinion
from app.services.opinion import OpinionRow
from app.ui.common import tasks
from app.ui.common.context import Context
from app.ui.common.events import Changes
from app.ui.common.page import Page
from app.ui.common.tables import button_row, fit_columns, make_table, selected_key, set_row, texts
from app.ui.opinion.dialogs import ItemDialog, PeriodDialog, StepDialog, allowed_steps

COLOURS = {clock.OVERDUE: "#f8d7da", clock.DUE_SOON: "#ffe5b4"}
TICK_MS = 60_000  # the countdowns are redrawn every minute


def _open_docx(path: Path) -> None:
    from app.services import notices

    notices.open_file(path)


def limit_text(row: OpinionRow, now: dt.datetime) -> tuple[str, str]:
    """(时限, 剩余) of a row: the most pressing running limit and what is left of it."""
    if row.urgent is None:
        return row.status, ""
    return (f"{row.urgent.label} {cn_datetime(row.urgent.due_at)}前",
            cn_duration(clock.time_left(row.urgent, now)))


class OpinionPage(Page):
    title = "舆情回应"
    HEADERS = ["编号", "发现时间", "来源", "标题", "涉及", "级别", "状态", "时限", "剩余", "提示"]
    BUTTONS = (
        ("new", "登记舆情(&N)", "登记新发现的政务舆情（发现时间、来源、级别）"),
        ("edit", "修改(&E)", "修改选中的舆情"),
        ("step", "记录步骤(&S)", "报告分管领导、涉事科室调查、主要领导审定口径、发布回应、召开新闻发布会、跟踪、办结"),
        ("attach", "添加附件(&A)…", "为选中的舆情保存截图、原文或抄告单的副本"),
        ("open_attachment", "打开附件", "打开选中舆情的附件"),
        ("immediate", "即时呈报单(&I)", "本乡舆情应对工作制度 四(一)：重要政务舆情即时呈报相关领导"),
        ("weekly", "舆情周报(&W)…", "本乡舆情应对工作制度 四(一)：普通政务舆情一周一报告"),
        ("summary", "统计表(&X)…", "季度或年度政务舆情回应情况统计表（.xlsx）"),
    )

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._rows: dict[int, OpinionRow] = {}
        self.open_document: Callable[[Path], None] = _open_docx
        self.last_document: Path | None = None
        self.last_dialog = None  # the dialog opened last (a menu action opens it)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("按编号、标题、内容或涉及单位查找")
        self.search.textChanged.connect(self.refresh)
        self.summary = QLabel(self)
        top.addWidget(self.search, 1)
        top.addWidget(self.summary)
        layout.addLayout(top)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = make_table(self.HEADERS)
        self.table.itemSelectionChanged.connect(self._show_details)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        split.addWidget(self.table)
        split.addWidget(self._details_panel())
        split.setSizes([360, 240])
        layout.addWidget(split, 1)
        row, self.buttons = button_row(self, self.BUTTONS, "opinion")
        layout.addLayout(row)
        self._connect()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(TICK_MS)
        self.refresh()

    def _details_panel(self) -> QWidget:
        panel = QWidget(self)
        box = QHBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        self.details = QLabel(panel)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline = make_table(["时间", "事项", "经办（操作）人", "内容"])
        self.timeline.setToolTip("办理步骤与审计记录：只能查看，任何界面都不能修改或删除")
        fit_columns(self.timeline, 3)
        box.addWidget(self.details, 2)
        box.addWidget(self.timeline, 3)
        return panel

    def _connect(self) -> None:
        b = self.buttons
        b["new"].clicked.connect(self.new_item)
        b["edit"].clicked.connect(self.edit_selected)
        self.step_menu = QMenu(self)
        self.step_actions: dict[str, QAction] = {}
        for key in op.STEPS:
            action = self.step_menu.addAction(op.STEP_LABELS[key])
            action.triggered.connect(lambda _c=False, k=key: self.record_step(k))
            self.step_actions[key] = action
        self.step_menu.aboutToShow.connect(self._enable_steps)
        b["step"].setMenu(self.step_menu)
        b["attach"].clicked.connect(self._choose_attachment)
        b["open_attachment"].clicked.connect(self.open_attachment)
        b["immediate"].clicked.connect(self.immediate_report)
        b["weekly"].clicked.connect(self.ask_weekly)
        b["summary"].clicked.connect(self.ask_summary)

    # ---- listing ----

    def concerned_by(self, changes: Changes) -> bool:
        return changes.touches_duties()

    def refresh(self) -> None:
        now = self.ctx.now()
        rows = opinion.rows(self.search.text(), now)
        selected = self.selected_id()
        self._rows = {r.item.id: r for r in rows}
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            self._fill(i, row, now)
        fit_columns(self.table, 3)
        late = sum(1 for r in rows if r.state == clock.OVERDUE)
        running = sum(1 for r in rows if r.urgent is not None)
        self.summary.setText(f"共 {len(rows)} 条，待回应 {running} 条，已超时 {late} 条")
        if selected is not None:
            self.select(selected)
        self._show_details()

    def _fill(self, i: int, row: OpinionRow, now: dt.datetime) -> None:
        d = row.item.data
        limit, left = limit_text(row, now)
        level = d.level + ("·突发" if d.emergency else "")
        set_row(self.table, i, [row.item.no, cn_datetime(d.found_at), d.source, d.title, d.concerned, level,
                                row.status, limit, left, "；".join(row.warnings)], row.item.id,
                COLOURS.get(row.state))
        if row.urgent is not None:
            for column in (7, 8):
                self.table.item(i, column).setToolTip(row.urgent.explanation)

    def _tick(self) -> None:
        """Every minute: the countdowns move on; a limit passing turns its row red."""
        if self.isVisible() and self._rows:
            self.refresh()

    def rows_text(self) -> list[list[str]]:
        return texts(self.table)

    def selected_id(self) -> int | None:
        return selected_key(self.table)

    def select(self, key: object) -> None:
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == key:
                self.table.selectRow(i)
                return

    def _selected_row(self) -> OpinionRow | None:
        return self._rows.get(self.selected_id())

    def _show_details(self) -> None:
        row = self._selected_row()
        for key in ("edit", "step", "attach"):
            self.buttons[key].setEnabled(row is not None)
        self.buttons["open_attachment"].setEnabled(row is not None and bool(row.item.attachment))
        self.buttons["immediate"].setEnabled(row is not None and row.item.urgent_kind)
        if row is None:
            self.details.setText("选中一条舆情，可在此查看各项时限及其依据，右侧为办理过程和审计记录。")
            self.timeline.setRowCount(0)
            return
        self.details.setText(self._details_text(row))
        self._fill_timeline(row)

    def _details_text(self, row: OpinionRow) -> str:
        d, now = row.item.data, self.ctx.now()
        lines = [f"【{row.item.no}】{d.title}（{d.level}{'，涉及突发事件' if d.emergency else ''}）"]
        for lim in row.limits:
            if lim.superseded:
                state = "已由更早的时限取代"
            elif lim.done_at is not None:
                state = f"已于{cn_datetime(lim.done_at)}完成" + ("（超时）" if lim.late else "")
            else:
                state = cn_duration(clock.time_left(lim, now))
            lines.append(f"· {lim.label}：{cn_datetime(lim.due_at)}前，{state}\n　{lim.explanation}")
        lines += [f"⚠ {w}" for w in row.warnings]
        if row.item.attachment:
            lines.append(f"附件：{row.item.attachment}")
        return "\n".join(lines)

    def _fill_timeline(self, row: OpinionRow) -> None:
        entries = [(s.at, n, f"步骤·{s.label}", s.person, s.summary()) for n, s in enumerate(row.item.steps)]
        entries += [(h.at, n, f"审计·{h.action}", h.operator, "；".join(f"{c.label}：{c.old} → {c.new}" for c in h.changes))
                    for n, h in enumerate(audit.history("opinion_item", row.item.id))]
        entries.sort(key=lambda e: e[:2], reverse=True)  # newest first; at the same minute, the later entry first
        self.timeline.setRowCount(len(entries))
        for i, (at, _n, what, who, text) in enumerate(entries):
            set_row(self.timeline, i, [f"{at:%Y-%m-%d %H:%M}", what, who, text], None)

    def timeline_text(self) -> list[list[str]]:
        return texts(self.timeline)

    # ---- acting ----

    def _after(self, dialog) -> None:
        dialog.saved.connect(self._saved)
        self.last_dialog = dialog
        dialog.open()

    def _saved(self, result) -> None:
        self.refresh()
        self.select(result.id)

    def new_item(self) -> ItemDialog:
        dialog = ItemDialog(self, self.ctx)
        self._after(dialog)
        return dialog

    def edit_selected(self) -> ItemDialog | None:
        item_id = self.selected_id()
        if item_id is None:
            return None
        dialog = ItemDialog(self, self.ctx, item_id)
        self._after(dialog)
        return dialog

    def _enable_steps(self) -> None:
        row = self._selected_row()
        allowed = allowed_steps(row.item, self.ctx.now()) if row else {k: "请先选中一条舆情" for k in op.STEPS}
        for key, action in self.step_actions.items():
            action.setEnabled(not allowed[key])
            action.setToolTip(allowed[key] or op.STEP_RULES[key])
        self.step_menu.setToolTipsVisible(True)

    def record_step(self, key: str) -> StepDialog | None:
        item_id = self.selected_id()
        if item_id is None:
            return None
        dialog = StepDialog(self, self.ctx, item_id, key)
        self._after(dialog)
        return dialog

    def _choose_attachment(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择附件")
        if name:
            self.attach(Path(name))

    def attach(self, path: Path) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        tasks.Operation(self, lambda: opinion.attach(item_id, path), busy="正在保存附件…", failure_title="未能保存附件") \
            .success(self._saved).announce(self.ctx.events, Changes(duties=True)).run()

    def open_attachment(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        tasks.Operation(self, lambda: opinion.attachment_path(item_id), lane=tasks.FREE,
                        failure_title="无法打开附件").success(lambda path: path and self.open_document(path)).run()

    def _made(self, path: Path) -> None:
        self.last_document = path
        self.ctx.show_status(f"已生成：{path}", 8000)
        self.open_document(path)

    def immediate_report(self) -> None:
        item_id, now = self.selected_id(), self.ctx.now()
        if item_id is None:
            return
        tasks.Operation(self, lambda: opinion.immediate_report(item_id, now=now), busy="正在生成即时呈报单…",
                        failure_title="未能生成即时呈报单").success(self._made).run()

    def ask_weekly(self) -> PeriodDialog:
        dialog = PeriodDialog(self, "舆情周报", self.today(), week=True)
        dialog.accepted.connect(lambda: self.weekly_report(dialog.chosen_day()))
        dialog.open()
        return dialog

    def weekly_report(self, day: dt.date) -> None:
        today = self.today()
        tasks.Operation(self, lambda: opinion.weekly_report(day, today=today), busy="正在生成舆情周报…",
                        failure_title="未能生成舆情周报").success(self._made).run()

    def ask_summary(self) -> PeriodDialog:
        dialog = PeriodDialog(self, "舆情统计表", self.today(), week=False)
        dialog.accepted.connect(lambda: self._choose_summary(*dialog.chosen_period()))
        dialog.open()
        return dialog

    def _choose_summary(self, year: int, quarter: int | None) -> None:
        period = f"{year}年第{quarter}季度" if quarter else f"{year}年度"
        name, _ = QFileDialog.getSaveFileName(self, "保存统计表", f"{period}政务舆情回应情况统计表.xlsx",
                                              "Excel 工作簿 (*.xlsx)")
        if name:
            self.export_summary(year, quarter, Path(name))

    def export_summary(self, year: int, quarter: int | None, path: Path) -> None:
        tasks.Operation(self, lambda: opinion.export_summary(year, path, quarter), lane=tasks.FREE,
                        busy="正在导出统计表…", failure_title="未能导出统计表") \
            .success(lambda out: self.ctx.show_status(f"已导出：{out}", 8000)).run()
