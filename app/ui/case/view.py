"""The case view: every field editable, the status, the timeline, the outcome with its answer date,
and its parts, built here by name: the 期限 box with the clock's steps (clock_panel), 复议/诉讼
(disputes_panel), 保密审查 (review_box), the archive lock (lock_banner), the audit trail
(audit_table) and the documents (notices_panel).

The view hears the workspace's announcements: a change to its case (from itself, another window or
a background operation) reloads it; a change of the calendar recounts its limits.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (QFrame, QGroupBox, QHeaderView, QMainWindow, QScrollArea, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from app.domain import outcomes
from app.domain.dates import FIRST_DAY, cn_date
from app.domain.request import APPLICANT_TYPES, PERSON, Case, legal_received_on, mask_id
from app.services import register
from app.ui.case.audit_table import CaseAuditTable
from app.ui.case.clock_panel import CaseClock
from app.ui.case.disputes_panel import CaseDisputes
from app.ui.case.lock_banner import LockBanner
from app.ui.case.notices_panel import DocumentsPanel
from app.ui.case.review_box import CaseReviewBox
from app.ui.common import errors, tasks
from app.ui.common.context import Context
from app.ui.common.events import Changes
from app.ui.common.field_errors import FieldErrors
from app.ui.common.guide import show_guide
from app.services.errors import ReviewRequired
from app.ui.common.messages import ask as confirm, confirm_discard
from app.ui.common.request_form import RequestForm, to_date
from app.ui.forms.ui_case_view import Ui_CaseView

def outcome_question(code: str | None, answered: dt.date | None, case: Case | None) -> str:
    """What recording the outcome box does, asked before it is stored."""
    if code is None:
        return "清除本案的办理结果？本案将回到“办理中”，年度报告不再计入这件答复。"
    return (f"记录办理结果：{outcomes.full_label(code)}\n答复日期：{cn_date(answered)}\n\n"
            "记录后本案办结，计入年度报告表三；记录后可出具答复告知书。")


class CaseView(QMainWindow):
    """One open case. `case_loaded(Case)` fires after every (re)load, so its parts stay in step."""

    case_loaded = Signal(object)
    # (step key, values) after the outcome box stored an outcome: the documents part offers its notice.
    outcome_recorded = Signal(str, object)

    def __init__(self, case_id: int, parent: QWidget | None = None, today: dt.date | None = None,
                 ctx: Context | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        # Closed views are hidden, not deleted: the main window reuses them and frees them with itself,
        # so no reference to a closed view ever points at a deleted C++ object.
        self.ui = Ui_CaseView()
        self.ui.setupUi(self)
        self.ctx = ctx or Context.standalone(today)
        self.case_id = case_id
        self.case: Case | None = None
        self._outcome_stored: tuple[str | None, dt.date | None] | None = None  # as last loaded
        self._outcome_shown: tuple[str | None, dt.date] = (None, dt.date.today())
        self.read_only = False  # a case of an archived, locked year (lock_banner)
        self.form = RequestForm(self, self.ctx)
        self.ui.formHostLayout.addWidget(self.form)
        self.deadline_panel: QGroupBox = self.ui.deadlinePanel
        self.outcome_errors = FieldErrors(self.ui, ["outcome", "answered_on"])
        self._setup_outcomes()
        self._setup_timeline()
        self._arrange_columns()
        self.ui.actionSave.triggered.connect(self.save)
        self.ui.actionClose.triggered.connect(self.close)
        self.addAction(self.ui.actionClose)
        self.ui.recordOutcomeButton.clicked.connect(self.record_outcome)
        self.form.changed.connect(self._update_save_enabled)
        self._build_parts()
        self.ctx.events.changed.connect(self._heard)
        self.reload()

    def _build_parts(self) -> None:
        """The case's parts, in the order they stand on the screen."""
        self.case_clock = CaseClock(self)
        self.case_disputes = CaseDisputes(self)
        self.review_box = CaseReviewBox(self)
        self.add_panel("保密审查", self.review_box)
        self.lock_banner = LockBanner(self)
        self.audit_table = CaseAuditTable(self)
        self.add_history_tab("修改记录（审计）", self.audit_table)
        self.documents_panel = DocumentsPanel(self)
        self.add_history_tab("文书", self.documents_panel)
        self.undo_action = self.add_action("撤销上一步…", self.undo_last_step,
                                           "撤销最后记录的一个办理步骤（补正、延期、答复等）；审计记录保留原步骤和撤销")
        self.undo_action.setObjectName("undoLastStep")
        # F1 the guide, Ctrl+P the selected (else the newest) document, as in the main window.
        QShortcut(QKeySequence(Qt.Key.Key_F1), self, lambda: show_guide(self))
        QShortcut(QKeySequence.StandardKey.Print, self, self.documents_panel.print_selected)
        self.issue_notice_action = self.documents_panel.toolbar_action()
        # After a step of the clock, offer the notice that tells the applicant.
        self.case_clock.step_recorded.connect(self.documents_panel.offer_for_step)
        self.outcome_recorded.connect(self.documents_panel.offer_for_step)

    # ---- where the parts go -------------------------------------------------------------------

    def add_action(self, text: str, slot: Callable[[], None], tooltip: str = "") -> QAction:
        """A button on the 办理 toolbar."""
        action = self.ui.actionsBar.addAction(text)
        action.setToolTip(tooltip or text)
        action.triggered.connect(slot)
        return action

    def add_history_tab(self, title: str, widget: QWidget) -> int:
        """A tab beside 办理过程 under the form (long lists: the audit trail, documents)."""
        return self.history_tabs.addTab(widget, title)

    def _arrange_columns(self) -> None:
        """Fit 1366×768: the right column of boxes scrolls, and the timeline goes under the form,
        where the form leaves room, as the first of the history tabs."""
        side = self.ui.sideWidget
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(side.minimumWidth() + 16)
        scroll.setMaximumWidth(side.maximumWidth() + 16)
        index = self.ui.bodyRow.indexOf(side)
        self.ui.bodyRow.removeWidget(side)
        scroll.setWidget(side)
        self.ui.bodyRow.insertWidget(index, scroll)
        self.side_scroll = scroll
        self.ui.sideColumn.removeWidget(self.ui.timelinePanel)
        self.ui.timelinePanel.setTitle("")
        self.history_tabs = QTabWidget(self)
        self.history_tabs.addTab(self.ui.timelinePanel, "办理过程")
        self.ui.leftColumn.addWidget(self.history_tabs)
        self.ui.leftColumn.setStretch(0, 3)
        self.ui.leftColumn.setStretch(1, 2)

    def add_panel(self, title: str, widget: QWidget) -> QGroupBox:
        """A box in the right-hand column (between 答复 and 办理过程)."""
        box = QGroupBox(title, self)
        QVBoxLayout(box).addWidget(widget)
        self.ui.extraPanels.addWidget(box)
        return box

    def set_deadline_text(self, text: str, tooltip: str = "") -> None:
        self.ui.deadlineLabel.setText(text)
        self.ui.deadlineLabel.setToolTip(tooltip)

    # ---- set-up -------------------------------------------------------------------------------

    def _setup_outcomes(self) -> None:
        combo = self.ui.f_outcome
        combo.addItem("（尚未答复）", None)
        for o in outcomes.OUTCOMES:
            combo.addItem(f"{o.code} {outcomes.short_label(o.code)}", o.code)
            tip = outcomes.full_label(o.code) + (f"（{o.basis}）" if o.basis else "")
            combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.ui.f_answered_on.setDateRange(QDate(FIRST_DAY), QDate(dt.date.today()))

    def _setup_timeline(self) -> None:
        table = self.ui.timelineTable
        table.setHorizontalHeaderLabels(["日期", "事项", "经办人"])
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().hide()

    # ---- loading ------------------------------------------------------------------------------

    def reload(self, keep_form: bool = False) -> None:
        """Show the case as stored; `keep_form` leaves edits the clerk has not saved in the form."""
        case = register.get_case(self.case_id)
        self.case = case
        if not keep_form:
            self.form.set_data(register.as_data(case))
        self._show_header(case)
        # A choice of 办理结果 not yet recorded survives a reload (the review dialog announcing its
        # step reloads the case) unless the stored outcome itself changed meanwhile.
        if not (self._outcome_edited() and self._outcome_stored == (case.outcome, case.answered_on)):
            self._show_outcome(case)
        self._show_timeline()
        self.lock_banner.apply(case)
        self.case_clock.refresh(case)
        self.undo_action.setEnabled(register.last_step(case.id) is not None)
        self._update_save_enabled()
        self.case_loaded.emit(case)

    def _heard(self, changes: Changes) -> None:
        if changes.workspace and not register.case_exists(self.case_id):
            self.form.mark_clean()  # the file was replaced by one without this case: nothing to keep
            self.close()
            return
        if changes.touches_case(self.case_id):
            self.reload(keep_form=self.form.is_dirty())

    def _show_header(self, case: Case) -> None:
        ui = self.ui
        self.setWindowTitle(f"{case.case_no} {case.name} — 案件")
        ui.caseNoLabel.setText(case.case_no)
        ui.statusLabel.setText(case.status)
        kind = case.applicant_kind if case.applicant_type != PERSON else APPLICANT_TYPES[PERSON]
        ui.applicantLabel.setText(f"申请人：{case.name}（{kind}，{case.id_type} {mask_id(case.id_number)}）")
        rule = legal_received_on(case.channel, case.arrived_on, case.confirmed_on).rule
        received = cn_date(case.received_on) if case.received_on else "未确定"
        ui.receivedLabel.setText(f"收到申请之日：{received}（{case.channel}）")
        ui.receivedLabel.setToolTip(rule)

    def _show_outcome(self, case: Case) -> None:
        ui = self.ui
        ui.f_outcome.setCurrentIndex(max(ui.f_outcome.findData(case.outcome), 0))
        ui.f_answered_on.setDate(QDate(case.answered_on or min(self.ctx.today(), dt.date.today())))
        self._outcome_stored = (case.outcome, case.answered_on)
        self._outcome_shown = self._outcome_choice()
        self.outcome_errors.clear()

    def _outcome_choice(self) -> tuple[str | None, dt.date]:
        return self.ui.f_outcome.currentData(), to_date(self.ui.f_answered_on.date())

    def _outcome_edited(self) -> bool:
        """Whether the clerk changed the 办理结果 box since it was loaded (and has not recorded it)."""
        return self._outcome_stored is not None and self._outcome_choice() != self._outcome_shown

    def _show_timeline(self) -> None:
        entries = register.timeline(self.case_id)
        table = self.ui.timelineTable
        table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate((entry.happened_on.isoformat(), entry.summary, entry.operator)):
                item = QTableWidgetItem(text)
                item.setToolTip(entry.summary)
                table.setItem(row, column, item)
        table.resizeRowsToContents()
        table.scrollToBottom()

    def timeline_texts(self) -> list[str]:
        table = self.ui.timelineTable
        return [table.item(row, 1).text() for row in range(table.rowCount())]

    # ---- saving -------------------------------------------------------------------------------

    def _update_save_enabled(self) -> None:
        self.ui.actionSave.setEnabled(self.form.is_dirty())

    def save(self) -> None:
        """Save the registration fields; the service writes a timeline entry of what changed."""
        if self.form.validate():
            return
        data, today = self.form.data(), self.form.today()
        self.ui.actionSave.setEnabled(False)
        tasks.Operation(self, lambda: register.update(self.case_id, data, today), busy="正在保存…") \
            .success(lambda _case: self._stored("已保存", clean_form=True)) \
            .failure(self._save_refused).announce(self.ctx.events, Changes.case(self.case_id)).run()

    def _save_refused(self, exc: BaseException) -> None:
        self._update_save_enabled()
        errors.report(self, exc, "无法保存", self.form.show_errors)

    def _stored(self, message: str, clean_form: bool = False) -> None:
        if clean_form:
            self.form.mark_clean()
        self.statusBar().showMessage(message, 4000)

    def record_outcome(self) -> None:
        """Store the outcome code (a row of the annual report, table 3) and its answer date, after the
        clerk confirmed it; then offer the answer notice, as 补正 and 延期 offer theirs."""
        code = self.ui.f_outcome.currentData()
        answered = to_date(self.ui.f_answered_on.date()) if code else None
        if not confirm(self, "记录办理结果", outcome_question(code, answered, self.case), yes="记录", no="取消"):
            return
        tasks.Operation(self, lambda: register.record_outcome(self.case_id, code, answered), busy="正在记录…") \
            .success(lambda _case: self._outcome_done(code)).failure(self._outcome_refused) \
            .announce(self.ctx.events, Changes.case(self.case_id)).run()

    def _outcome_done(self, code: str | None) -> None:
        self._outcome_stored = None  # the reload after the announcement shows what is stored
        self._stored("已记录办理结果" if code else "已清除办理结果")
        if code:
            self.outcome_recorded.emit("answer", {"code": code})

    def _outcome_refused(self, exc: BaseException) -> None:
        """先审查、后公开: when the review is what is missing, open it from the message itself."""
        if isinstance(exc, ReviewRequired):
            if confirm(self, "须先完成保密审查", str(exc), yes="打开保密审查表…", no="关闭"):
                self.review_box.open_review()
            return
        errors.report(self, exc, "无法记录办理结果", self.outcome_errors.show)

    def undo_last_step(self) -> None:
        """Take back the last recorded step after saying which (services.register.undo_last_step)."""
        step = register.last_step(self.case_id)
        if step is None:
            return
        if not confirm(self, "撤销上一步", f"撤销最后记录的步骤？\n\n{step.happened_on:%Y-%m-%d}　{step.summary}\n\n"
                       "撤销后期限按撤销前重新计算；审计记录会保留原步骤和这次撤销。", yes="撤销", no="取消"):
            return
        today = self.ctx.today()
        tasks.Operation(self, lambda: register.undo_last_step(self.case_id, today), busy="正在撤销…") \
            .success(lambda _case: self._stored(f"已撤销：{step.summary}")) \
            .failure(lambda exc: errors.report(self, exc, "无法撤销")) \
            .announce(self.ctx.events, Changes.case(self.case_id)).run()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.form.is_dirty() and not confirm_discard(self, "对登记信息的修改"):
            event.ignore()
            return
        event.accept()
