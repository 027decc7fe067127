"""A small dialog of a date and a few fields with the rule behind them on top: every step of the legal
clock (补正, 延期, 征求意见 …) and of a 复议/诉讼 is entered through one.

`submit_dialog` is how such a dialog stores what was typed: on OK the store function runs as a
background operation; the dialog closes when it is stored, keeps its text and shows the messages
when the input is refused, and asks before recording a step after its limit (it is noted as late),
or for the reason without which the law does not allow it (a late correction's 正当理由, 条例第三十条).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDoubleSpinBox, QLineEdit, QPlainTextEdit, QSpinBox,
                               QWidget)

from app.domain.dates import FIRST_DAY
from app.ui.common import errors, messages, tasks
from app.ui.forms.ui_fields_dialog import Ui_FieldsDialog


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text | multiline | int (working days) | count | money | choice | date
    default: Any = None
    choices: tuple[tuple[str, Any], ...] = ()
    hint: str = ""


class FieldsDialog(QDialog):
    """Date (default today) plus the step's own inputs; the explanation of the rule on top.

    With a `submit(dialog)` function, OK hands the dialog to it instead of closing (see
    `submit_dialog`); without one, OK closes it as usual."""

    def __init__(self, parent: QWidget, title: str, rule: str, fields: list[Field], today: dt.date,
                 submit: Callable[["FieldsDialog"], None] | None = None):
        super().__init__(parent)
        self.ui = Ui_FieldsDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.ruleLabel.setText(rule)
        self.ui.f_on.setDate(QDate(today))
        self.ui.f_on.setDateRange(QDate(FIRST_DAY), QDate(today))  # app.domain.dates.check_plausible
        messages.chinese_buttons(self.ui.buttonBox)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.submit = submit
        self.result_value: Any = None
        self.inputs: dict[str, QWidget] = {}
        for f in fields:
            widget = self._make(f, today)
            widget.setObjectName(f"f_{f.name}")
            if f.hint:
                widget.setToolTip(f.hint)
            self.ui.form.addRow(f.label, widget)
            self.inputs[f.name] = widget

    @staticmethod
    def _make(f: Field, today: dt.date) -> QWidget:
        if f.kind == "multiline":
            w = QPlainTextEdit()
            w.setPlainText(f.default or "")
            w.setFixedHeight(80)
        elif f.kind == "int":
            w = QSpinBox()
            w.setRange(1, 60)
            w.setSuffix(" 个工作日")
            w.setValue(int(f.default or 15))
        elif f.kind == "count":
            w = QSpinBox()
            w.setRange(0, 1000000)
            w.setValue(int(f.default or 0))
        elif f.kind == "money":
            w = QDoubleSpinBox()
            w.setRange(0, 100000)
            w.setDecimals(2)
            w.setSuffix(" 元")
            w.setValue(float(f.default or 0))
        elif f.kind == "choice":
            w = QComboBox()
            for text, data in f.choices:
                w.addItem(text, data)
        elif f.kind == "date":
            w = QDateEdit(QDate(f.default or today + dt.timedelta(days=30)))
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy年M月d日")
        else:
            w = QLineEdit(f.default or "")
        return w

    def accept(self) -> None:
        if self.submit is None:
            super().accept()
        else:
            self.submit(self)

    def stored(self, value: Any) -> None:
        """The submission was stored: close with OK."""
        self.result_value = value
        super().accept()

    def set_waiting(self, waiting: bool) -> None:
        self.ui.buttonBox.setEnabled(not waiting)

    def on(self) -> dt.date:
        return self.ui.f_on.date().toPython()

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, w in self.inputs.items():
            if isinstance(w, QPlainTextEdit):
                out[name] = w.toPlainText()
            elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
                out[name] = w.value()
            elif isinstance(w, QComboBox):
                out[name] = w.currentData()
            elif isinstance(w, QLineEdit):
                out[name] = w.text()
            else:
                out[name] = w.date().toPython()
        return out

    def show_errors(self, errors_: dict[str, str]) -> None:
        self.ui.errorLabel.setText("\n".join(errors_.values()))


Store = Callable[[dt.date, dict[str, Any], bool], Any]  # (date, values, accept_late) -> result


def submit_dialog(dialog: FieldsDialog, title: str, store: Store, events=None,
                  changes: Any = None, accept_late: bool = False, extra: dict[str, Any] | None = None) -> None:
    """Store what `dialog` holds as a background operation (see the module docstring).

    Refused input keeps the dialog open with the messages; a refusal that retyping cannot mend
    (the case is closed, the year locked) is told and closes it; a step after its limit is recorded
    only when the clerk says so, noted as late, or — where the law asks for one — with the reason
    the clerk gives (``extra['reason']``, which the step records)."""
    from app.services.actions import LateAction
    from app.services.errors import ValidationError
    from app.ui.common.reason_dialog import ask_reason

    on, values = dialog.on(), {**dialog.values(), **(extra or {})}

    def failed(exc: BaseException) -> None:
        dialog.set_waiting(False)
        if isinstance(exc, LateAction) and exc.needs_reason:
            reason = ask_reason(dialog, "需要说明理由", str(exc), "正当理由")
            if reason:
                submit_dialog(dialog, title, store, events, changes, accept_late=True, extra={"reason": reason})
            else:
                dialog.reject()
        elif isinstance(exc, LateAction):
            if messages.confirm_late(dialog, str(exc)):
                submit_dialog(dialog, title, store, events, changes, accept_late=True)
            else:
                dialog.reject()
        elif isinstance(exc, ValidationError):
            errors.report(dialog, exc, f"无法{title}", dialog.show_errors)  # stays open to be mended
        else:
            errors.report(dialog.parentWidget(), exc, f"无法{title}")
            dialog.reject()

    dialog.set_waiting(True)
    op = tasks.Operation(dialog, lambda: store(on, values, accept_late), busy=f"正在{title}…")
    op.success(lambda result: (dialog.set_waiting(False), dialog.stored(result))).failure(failed)
    if events is not None:
        op.announce(events, changes)
    op.run()
