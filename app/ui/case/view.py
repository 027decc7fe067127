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
from PySide6.QtGui import QAction, QCloseEvent
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
from app.ui.common.messages import confirm_discard
from app.ui.common.request_form import RequestForm, to_date
from app.ui.forms.ui_case_view import Ui_CaseView

class CaseView(QMainWindow):
    """One open case. `case_loaded(Case)` fires after every (re)load, so its parts stay in step."""

    case_loaded = Signal(object)

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
        self.issue_notice_action = self.documents_panel.toolbar_action()
        # After a step of the clock, offer the notice that tells the applicant.
        self.case_clock.step_recorded.connect(self.documents_panel.offer_for_step)

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
        self._show_outcome(case)
        self._show_timeline()
        self.lock_banner.apply(case)
        self.case_clock.refresh(case)
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
        ui.f_answered_on.setDate(QDate(case.answered_on or dt.date.today()))
        self.outcome_errors.clear()

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
        """Store the outcome code (a row of the annual report, table 3) and its answer date."""
        code = self.ui.f_outcome.currentData()
        answered = to_date(self.ui.f_answered_on.date()) if code else None
        tasks.Operation(self, lambda: register.record_outcome(self.case_id, code, answered), busy="正在记录…") \
            .success(lambda _case: self._stored("已记录办理结果")) \
            .failure(lambda exc: errors.report(self, exc, "无法记录办理结果", self.outcome_errors.show)) \
            .announce(self.ctx.events, Changes.case(self.case_id)).run()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.form.is_dirty() and not confirm_discard(self, "对登记信息的修改"):
            event.ignore()
            return
        event.accept()
