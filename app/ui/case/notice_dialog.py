"""出具文书: choose a kind, fill its few inputs, preview a draft or issue it with a 文号.

The form is built from the kind's declared inputs (domain.notices.NoticeKind.extras) with the
values services.notices.defaults suggests. Rendering runs as a background operation, with
the buttons disabled and an indeterminate bar while it works. A draft burns no number; issuing
records the 文号, the file, the timeline entry and the clock action in one transaction
(services.notices.issue), so a refusal here leaves nothing behind.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QProgressBar, QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from app.domain.dates import FIRST_DAY, cn_date
from app.domain.notices import ExtraField, NoticeKind
from app.services import actions, notices
from app.services.errors import ServiceError, ValidationError
from app.ui.common import errors, messages, tasks
from app.ui.common.print_preview import preview_and_print

_ERROR_STYLE = "color: #c0392b;"
_GROUPS = {"流程": "办理流程", "答复": "答复", "表格": "表格"}


def kind_choices(case_id: int) -> tuple[list[NoticeKind], list[NoticeKind]]:
    """(the kinds that fit the case now, every other kind) — the chooser lists both, fitting first."""
    fitting = notices.kinds_for_case(case_id)
    names = {k.name for k in fitting}
    return fitting, [k for k in notices.kinds() if k.name not in names]


class NoticeDialog(QDialog):
    """Issue one notice for a case. After ``exec()`` returns Accepted, ``issued`` holds the result."""

    def __init__(self, parent: QWidget, case_id: int, kind_name: str | None = None,
                 extra: dict[str, Any] | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle("出具文书")
        self.setObjectName("NoticeDialog")
        self.case_id = case_id
        self.issued: notices.IssuedDocument | None = None
        self.last_draft = None
        self._preset = dict(extra or {})
        self._busy = False
        self.inputs: dict[str, QWidget] = {}
        self.field_errors: dict[str, QLabel] = {}
        self._build(today or dt.date.today())
        self._fill_kinds(kind_name)
        self.resize(560, 480)

    # ---- layout -----------------------------------------------------------------------------

    def _build(self, today: dt.date) -> None:
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindCombo")
        self.kind_combo.setMaxVisibleItems(20)
        self.about = QLabel(self)
        self.about.setObjectName("kindAbout")
        self.about.setWordWrap(True)
        self.about.setProperty("role", "hint")
        self.on_date = QDateEdit(QDate(today), self)
        self.on_date.setObjectName("f_on_date")
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("yyyy年M月d日")
        self.on_date.setDateRange(QDate(FIRST_DAY), QDate(max(today, dt.date.today())))
        # One form for the fixed rows and the kind's inputs, so the labels line up in one column.
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow("文书种类", self.kind_combo)
        self.form.addRow("", self.about)
        self.form.addRow("签发日期", self.on_date)
        self._fixed_rows = self.form.rowCount()
        self.case_label = QLabel(self._case_text(), self)
        self.case_label.setObjectName("caseLabel")
        self.case_label.setStyleSheet("font-weight: bold;")
        self.case_label.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # indeterminate: rendering has no steps to count
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()
        self.busy_label = QLabel(self)
        self.busy_label.hide()
        self.preview_button = QPushButton("预览草稿", self)
        self.preview_button.setObjectName("previewButton")
        self.preview_button.setToolTip("生成一份不编文号的草稿（文号处显示××）在程序内预览，可打印；不记入办理过程，"
                                       "关闭预览后草稿即删除")
        self.issue_button = QPushButton("出具", self)
        self.issue_button.setObjectName("issueButton")
        self.issue_button.setDefault(True)
        self.close_button = QPushButton("关闭", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.case_label)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addLayout(buttons)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.preview_button.clicked.connect(self.preview)
        self.issue_button.clicked.connect(lambda: self.issue())
        self.close_button.clicked.connect(self.reject)

    def _case_text(self) -> str:
        from app.services import register

        case = register.get_case(self.case_id)
        received = cn_date(case.received_on) if case.received_on else "未确定"
        return f"{case.case_no}　{case.name}　（收到申请：{received}，{case.status}）"

    def _fill_kinds(self, preferred: str | None) -> None:
        fitting, others = kind_choices(self.case_id)
        combo = self.kind_combo
        combo.blockSignals(True)
        for k in fitting:
            combo.addItem(k.name, k.name)
        if fitting and others:
            combo.insertSeparator(combo.count())
        for k in others:
            combo.addItem(k.name, k.name)
        combo.setCurrentIndex(max(combo.findData(preferred), 0) if preferred else 0)
        combo.blockSignals(False)
        self._kind_changed()

    # ---- the kind's inputs --------------------------------------------------------------------

    def kind(self) -> NoticeKind:
        return next(k for k in notices.kinds() if k.name == self.kind_combo.currentData())

    def select_kind(self, name: str) -> None:
        index = self.kind_combo.findData(name)
        if index < 0:
            raise KeyError(name)
        self.kind_combo.setCurrentIndex(index)

    def _kind_changed(self) -> None:
        k = self.kind()
        while self.form.rowCount() > self._fixed_rows:
            self.form.removeRow(self._fixed_rows)
        self.inputs.clear()
        self.field_errors.clear()
        values = self._defaults(k)
        values.update({name: v for name, v in self._preset.items() if any(e.name == name for e in k.extras)})
        for e in k.extras:
            self._add_input(e, values.get(e.name, e.default))
        self.about.setText(self._about(k))
        self.issue_button.setEnabled(k.needs_case)
        self.issue_button.setToolTip("" if k.needs_case else "空白表格不编文号，请用“预览草稿”打开后打印")
        self._show_error("")

    def _defaults(self, k: NoticeKind) -> dict[str, Any]:
        try:
            return notices.defaults(k.name, self.case_id if k.needs_case else None)
        except ServiceError as exc:
            self._show_error(str(exc))
            return {e.name: e.default for e in k.extras}

    def _about(self, k: NoticeKind) -> str:
        parts = [f"《{k.title}》（{_GROUPS.get(k.group, k.group)}）"]
        parts.append("签发时编文号。" if k.code else "内部表格，不编文号。")
        if k.action:
            parts.append("签发即记入办理过程并按条例计算期限。")
        earlier = [d for d in notices.documents(self.case_id) if d.kind == k.name]
        if earlier:
            nos = "、".join(d.doc_no or cn_date(d.issued_on) for d in earlier)
            parts.append(f"本案已出具过（{nos}）；再次出具将另编文号，原文件保留。")
        return "".join(parts)

    def _add_input(self, e: ExtraField, value: Any) -> None:
        if e.kind == "multiline":
            widget: QWidget = QPlainTextEdit(self)
            text = "\n".join(value) if isinstance(value, (list, tuple)) else str(value or "")
            widget.setPlainText(text)
            widget.setFixedHeight(90)
            widget.setPlaceholderText(e.hint or "一行一项")
        elif e.kind == "choice":
            widget = QComboBox(self)
            if not e.required or not value:
                widget.addItem("（请选择）" if e.required else "", "")
            for choice in e.choices:
                widget.addItem(choice, choice)
            widget.setCurrentIndex(max(widget.findData(str(value or "")), 0))
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        else:
            widget = QLineEdit(str(value or ""), self)
            if e.hint:
                widget.setPlaceholderText(e.hint)
        widget.setObjectName(f"f_{e.name}")
        widget.setToolTip(e.hint)
        error = QLabel(self)
        error.setProperty("role", "error")
        error.setStyleSheet(_ERROR_STYLE)
        error.hide()
        cell = QWidget(self)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        box.addWidget(error)
        self.form.addRow(e.label + ("" if e.required else "（选填）"), cell)
        self.inputs[e.name] = widget
        self.field_errors[e.name] = error

    def values(self) -> dict[str, str]:
        out = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                out[name] = str(widget.currentData() or "")
            else:
                out[name] = widget.text()
        return out

    def issue_date(self) -> dt.date:
        return self.on_date.date().toPython()

    # ---- messages -----------------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def show_errors(self, errors: dict[str, str]) -> None:
        general = []
        for name, label in self.field_errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        for name, message in errors.items():
            if name not in self.field_errors:
                general.append(message)
        self._show_error("\n".join(general) or "请按红字提示修改后再出具。")

    def error_text(self) -> str:
        """Every message the dialog shows now (for the clerk's eyes, and for tests)."""
        texts = [label.text() for label in self.field_errors.values() if not label.isHidden()]
        if not self.error.isHidden():
            texts.append(self.error.text())
        return "\n".join(t for t in texts if t)

    # ---- working ------------------------------------------------------------------------------

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        for w in (self.preview_button, self.issue_button, self.close_button, self.kind_combo):
            w.setEnabled(not busy)
        if not busy:
            self.issue_button.setEnabled(self.kind().needs_case)
        self.busy_label.setText(text)
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)

    def _start(self, text: str) -> tuple[str, dict[str, str], dt.date]:
        self.show_errors({})
        self._show_error("")
        self._set_busy(True, text)
        return self.kind().name, self.values(), self.issue_date()

    def preview(self) -> None:
        """A draft (文号 ××) rendered off the GUI thread, then shown in the 打印预览 (deleted when closed)."""
        name, values, on = self._start("正在生成草稿…")
        case_id = self.case_id if self.kind().needs_case else None
        tasks.Operation(self, lambda: notices.render_draft(name, case_id, values, on), lane=tasks.FREE,
                        busy="正在生成草稿…").success(self._draft_ready).failure(self._failed).run()

    def _draft_ready(self, path) -> None:
        self._set_busy(False)
        self.last_draft = path
        preview_and_print(self, path, f"草稿：{self.kind().name}", draft=True)

    def issue(self, accept_late: bool = False, accept_unconfirmed: bool = False, change_reason: str = "") -> None:
        """Issue with a 文号 (services.notices.issue). What the service will only do when told asks
        first: a late clock step (LateAction), a date in an unconfirmed year (UnconfirmedDates), a
        re-issue that changes what was told (TermsChanged: the reason goes on the timeline)."""
        name, values, on = self._start("正在出具文书…")
        case_id = self.case_id
        options = {"accept_late": accept_late, "accept_unconfirmed": accept_unconfirmed, "change_reason": change_reason}
        tasks.Operation(self, lambda: notices.issue(name, case_id, values, on, **options),
                        busy="正在出具文书…").success(self._issued) \
            .failure(lambda exc: self._failed(exc, options)).run()

    def _issued(self, result: notices.IssuedDocument) -> None:
        self._set_busy(False)
        self.issued = result
        self.accept()

    def _failed(self, exc: BaseException, options: dict | None = None) -> None:
        self._set_busy(False)
        options = dict(options or {"accept_late": True, "accept_unconfirmed": True, "change_reason": "-"})
        if isinstance(exc, actions.LateAction) and not options["accept_late"]:
            if messages.confirm_late(self, str(exc)):
                self.issue(**{**options, "accept_late": True})
            return
        if isinstance(exc, notices.UnconfirmedDates) and not options["accept_unconfirmed"]:
            # docs/legal/requests.md, 法定期限: a date in such a year is issued only knowingly, marked 未确认.
            if messages.ask(self, "日期未确认", str(exc), yes="仍然签发", no="暂不签发"):
                self.issue(**{**options, "accept_unconfirmed": True})
            return
        if isinstance(exc, notices.TermsChanged) and not options["change_reason"]:
            from app.ui.common.reason_dialog import ask_reason

            reason = ask_reason(self, "变更已告知的内容", str(exc), "变更理由")
            if reason:
                self.issue(**{**options, "change_reason": reason})
            return
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        elif isinstance(exc, ServiceError):
            self._show_error(str(exc))
        else:
            self._show_error("出具失败：程序遇到意外错误，详见弹出的说明。")
            errors.report(self, exc)

    def done(self, result: int) -> None:
        """Closed: the draft shown is deleted (one still open in Word/WPS goes at the next start)."""
        notices.discard_draft(self.last_draft)
        super().done(result)

    # ---- closing while busy would leave the worker's callback without a window ------------

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)
