"""The case view: every field editable, the status, the timeline, the outcome with its answer date.

Where later rooms plug in (see `CASE_VIEW_EXTENSIONS`):
- `add_action(text, slot, tooltip)` puts a button on the 办理 toolbar (补正, 延期, 征求意见, 收费, 答复 …);
- `add_panel(title, widget)` adds a box to the right-hand column, under 期限 and 答复;
- `deadline_panel` / `set_deadline_text()` is the 期限 box that the legal clock fills;
- the `case_loaded(Case)` signal fires after every (re)load, so panels stay in step.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (QFrame, QGroupBox, QHeaderView, QMainWindow, QMessageBox, QScrollArea, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from app.domain.dates import cn_date
from app.domain import outcomes
from app.domain.request import APPLICANT_TYPES, Case, legal_received_on, mask_id
from app.services import register
from app.services.errors import ServiceError, ValidationError
from app.ui.common.field_errors import FieldErrors
from app.ui.forms.ui_case_view import Ui_CaseView
from app.ui.register.dialog import confirm_discard
from app.ui.common.request_form import RequestForm, to_date

# Each function is called with every new CaseView; rooms append theirs (like cli._EXTRA_COMMANDS).
CASE_VIEW_EXTENSIONS: list[Callable[["CaseView"], None]] = []
from app.ui.case.clock_panel import extend_case_view as _clock  # noqa: E402  (issue 3: limits + clock actions)
CASE_VIEW_EXTENSIONS.append(_clock)
from app.ui.case.disputes_panel import extend_case_view as _disputes  # noqa: E402  (issue 7: 复议/诉讼 panel)
CASE_VIEW_EXTENSIONS.append(_disputes)
from app.ui.case.review_box import extend_case_view as _review  # noqa: E402  (issue 5: 先审查、后公开)
CASE_VIEW_EXTENSIONS.append(_review)
from app.ui.case.lock_banner import extend_case_view as _lock  # noqa: E402  (issue 6: a locked year is read-only)
CASE_VIEW_EXTENSIONS.append(_lock)
from app.ui.case.audit_table import extend_case_view as _audit  # noqa: E402  (issue 8: the audit trail)
CASE_VIEW_EXTENSIONS.append(_audit)
from app.ui.case.notices_panel import extend_case_view as _notices  # noqa: E402  (issue 4: 文书 tab, 出具文书)
CASE_VIEW_EXTENSIONS.append(_notices)

DEADLINE_PLACEHOLDER = ("法定答复期限：收到申请之日起20个工作日内（条例第三十三条）。"
                        "期限计算上线后，这里显示到期日、剩余工作日和暂停的时间。")


class CaseView(QMainWindow):
    """One open case. `saved(case_id)` fires after any change was stored."""

    saved = Signal(int)
    case_loaded = Signal(object)

    def __init__(self, case_id: int, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        # Closed views are hidden, not deleted: the main window reuses them and frees them with itself,
        # so no reference to a closed view ever points at a deleted C++ object.
        self.ui = Ui_CaseView()
        self.ui.setupUi(self)
        self.case_id = case_id
        self.case: Case | None = None
        self.form = RequestForm(self, today=today)
        self.ui.formHostLayout.addWidget(self.form)
        self.deadline_panel: QGroupBox = self.ui.deadlinePanel
        self.set_deadline_text(DEADLINE_PLACEHOLDER)
        self.outcome_errors = FieldErrors(self.ui, ["outcome", "answered_on"])
        self._setup_outcomes()
        self._setup_timeline()
        self._arrange_columns()
        self.ui.actionSave.triggered.connect(self.save)
        self.ui.actionClose.triggered.connect(self.close)
        self.addAction(self.ui.actionClose)
        self.ui.recordOutcomeButton.clicked.connect(self.record_outcome)
        self.form.changed.connect(self._update_save_enabled)
        self.reload()
        for extend in CASE_VIEW_EXTENSIONS:
            extend(self)

    # ---- extension points ---------------------------------------------------------------------

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
        self.ui.f_answered_on.setMaximumDate(QDate(dt.date.today()))

    def _setup_timeline(self) -> None:
        table = self.ui.timelineTable
        table.setHorizontalHeaderLabels(["日期", "事项", "经办人"])
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().hide()

    # ---- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        case = register.get_case(self.case_id)
        self.case = case
        self.form.set_data(register.as_data(case))
        self._show_header(case)
        self._show_outcome(case)
        self._show_timeline()
        self._update_save_enabled()
        self.case_loaded.emit(case)

    def _show_header(self, case: Case) -> None:
        ui = self.ui
        self.setWindowTitle(f"{case.case_no} {case.name} — 案件")
        ui.caseNoLabel.setText(case.case_no)
        ui.statusLabel.setText(case.status)
        kind = case.applicant_kind if case.applicant_type != "person" else APPLICANT_TYPES["person"]
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

    def save(self) -> bool:
        """Save the registration fields; the service writes a timeline entry of what changed."""
        if self.form.validate():
            return False
        try:
            register.update(self.case_id, self.form.data(), self.form.today())
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return False
        except ServiceError as exc:
            QMessageBox.warning(self, "无法保存", str(exc))
            return False
        self.reload()
        self.statusBar().showMessage("已保存", 4000)
        self.saved.emit(self.case_id)
        return True

    def record_outcome(self) -> None:
        """Store the outcome code (a row of the annual report, table 3) and its answer date."""
        code = self.ui.f_outcome.currentData()
        answered = to_date(self.ui.f_answered_on.date()) if code else None
        try:
            register.record_outcome(self.case_id, code, answered)
        except ValidationError as exc:
            self.outcome_errors.show(exc.errors)
            return
        except ServiceError as exc:
            QMessageBox.warning(self, "无法记录办理结果", str(exc))
            return
        self.reload()
        self.statusBar().showMessage("已记录办理结果", 4000)
        self.saved.emit(self.case_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.form.is_dirty() and not confirm_discard(self, "对登记信息的修改"):
            event.ignore()
            return
        event.accept()
