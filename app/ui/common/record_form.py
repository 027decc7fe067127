"""A record's form built from a list of fields, and the dialog that saves it: the duties' records
(舆情, its steps, 新闻发布, 记者问询, 新闻发言人, 政策解读, 发布登记; docs/legal/duties.md) are all entered
through one.

Each field gets its widget, its red message label under it and its tooltip (the rule behind it);
dates are typed as text (2026-10-12 or 2026年10月12日, read by the one date parser), moments (date
and time, for limits counted in hours) are picked, never typed wrong. Saving runs as a background
operation: refused input stays in the dialog with its messages, nothing half-saved; success closes
it and announces the change.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Callable

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from app.domain.dates import cn_date
from app.ui.common import errors, tasks
from app.ui.common.context import Context
from app.ui.common.events import Changes
from app.ui.common.field_errors import FieldErrors, date_field

RED = "color: #b00020;"


@dataclass(frozen=True)
class Spec:
    """One field: ``kind`` is text | multiline | choice | combo (editable) | date | moment | check | multi."""

    name: str
    label: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    tip: str = ""
    placeholder: str = ""


def _moment_edit(now: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime(now))
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    edit.setMaximumDateTime(QDateTime(now))
    return edit


class _Multi(QWidget):
    """A row of check boxes for a field holding several of its choices (解读形式, 发布人身份 …)."""

    def __init__(self, choices: tuple[str, ...]):
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes = {c: QCheckBox(c, self) for c in choices}
        for box in self.boxes.values():
            row.addWidget(box)
        row.addStretch(1)

    def value(self) -> tuple[str, ...]:
        return tuple(c for c, box in self.boxes.items() if box.isChecked())

    def set_value(self, chosen: tuple[str, ...]) -> None:
        for c, box in self.boxes.items():
            box.setChecked(c in chosen)


class RecordForm(QWidget):
    """The fields of ``specs`` in a form; ``values()`` reads them, ``show_errors()`` marks them."""

    def __init__(self, specs: list[Spec], now: dt.datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self.specs = {s.name: s for s in specs}
        self.ui = SimpleNamespace()
        form = QFormLayout(self)
        for spec in specs:
            widget = self._make(spec, now)
            widget.setObjectName(f"f_{spec.name}")
            if spec.tip:
                widget.setToolTip(spec.tip)
            error = QLabel(self)
            error.setStyleSheet(RED)
            error.setWordWrap(True)
            setattr(self.ui, f"f_{spec.name}", widget)
            setattr(self.ui, f"err_{spec.name}", error)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(error)
            label = QLabel(spec.label, self)
            label.setBuddy(widget)
            if spec.tip:
                label.setToolTip(spec.tip)
            form.addRow(label, cell)
        self.general = QLabel(self)
        self.general.setStyleSheet(RED)
        self.general.setWordWrap(True)
        form.addRow(self.general)
        self.errors = FieldErrors(self.ui, list(self.specs), self.general)

    @staticmethod
    def _make(spec: Spec, now: dt.datetime) -> QWidget:
        if spec.kind == "multiline":
            w = QPlainTextEdit()
            w.setStyleSheet("min-height: 52px;")  # the program's style sheet would let it shrink to one line
            w.setMaximumHeight(72)
            w.setTabChangesFocus(True)
        elif spec.kind in ("choice", "combo"):
            w = QComboBox()
            w.addItems(list(spec.choices))
            w.setEditable(spec.kind == "combo")
        elif spec.kind == "moment":
            w = _moment_edit(now)
        elif spec.kind == "check":
            w = QCheckBox(spec.placeholder)
        elif spec.kind == "multi":
            w = _Multi(spec.choices)
        else:
            w = QLineEdit()
            w.setPlaceholderText(spec.placeholder or ("如 2026-10-12" if spec.kind == "date" else ""))
        return w

    def widget(self, name: str) -> QWidget:
        return getattr(self.ui, f"f_{name}")

    def values(self, problems: dict[str, str]) -> dict[str, Any]:
        """What was typed, dates read as dates; a date that cannot be read goes into ``problems``."""
        out: dict[str, Any] = {}
        for name, spec in self.specs.items():
            w = self.widget(name)
            if spec.kind == "multiline":
                out[name] = w.toPlainText().strip()
            elif spec.kind in ("choice", "combo"):
                out[name] = w.currentText().strip()
            elif spec.kind == "moment":
                out[name] = w.dateTime().toPython().replace(second=0, microsecond=0)
            elif spec.kind == "check":
                out[name] = w.isChecked()
            elif spec.kind == "multi":
                out[name] = w.value()
            elif spec.kind == "date":
                out[name] = date_field(w.text(), name, problems)
            else:
                out[name] = w.text().strip()
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            spec = self.specs.get(name)
            if spec is None:
                continue
            w = self.widget(name)
            if spec.kind == "multiline":
                w.setPlainText(value or "")
            elif spec.kind in ("choice", "combo"):
                w.setCurrentText(value or "")
            elif spec.kind == "moment":
                if value is not None:
                    w.setDateTime(QDateTime(value))
            elif spec.kind == "check":
                w.setChecked(bool(value))
            elif spec.kind == "multi":
                w.set_value(tuple(value or ()))
            elif spec.kind == "date":
                w.setText(value.isoformat() if value else "")
            else:
                w.setText("" if value is None else str(value))

    def show_errors(self, problems: dict[str, str]) -> None:
        self.errors.show(problems)


class FileRow(QWidget):
    """A file to keep a copy of with the record: its path (read only) and a button to choose it."""

    def __init__(self, parent: QWidget, placeholder: str, button_text: str):
        super().__init__(parent)
        self.path = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setReadOnly(True)
        self.edit.setPlaceholderText(placeholder)
        self.button = QPushButton(button_text, self)
        self.button.clicked.connect(self._choose)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.button.text().rstrip("…"))
        if name:
            self.set_path(name)

    def set_path(self, path: str) -> None:
        self.path = path
        self.edit.setText(path)


class RecordDialog(QDialog):
    """A record's form with the rule on top and 保存 (Ctrl+S) / 取消. ``store(values)`` runs as a
    background operation; ``saved(result)`` is emitted when it was stored."""

    saved = Signal(object)

    def __init__(self, parent: QWidget | None, title: str, rule: str, specs: list[Spec], ctx: Context,
                 store: Callable[[dict[str, Any]], Any], changes: Changes | None = None, save_text: str = "保存"):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.ctx = ctx
        self.store = store
        self.changes = changes or Changes(duties=True)
        self.result_value: Any = None
        outer = QVBoxLayout(self)
        self.rule = QLabel(rule, self)
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #2c3e50;")
        self.rule.setVisible(bool(rule))
        outer.addWidget(self.rule)
        self.form = RecordForm(specs, ctx.now(), self)
        outer.addWidget(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(save_text)
        self.save_button.setToolTip("Ctrl+S")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)

    def save(self) -> None:
        problems: dict[str, str] = {}
        values = self.form.values(problems)
        if problems:
            self.form.show_errors(problems)
            return
        self.save_button.setEnabled(False)
        tasks.Operation(self, lambda: self.store(values), busy="正在保存…").success(self._stored) \
            .failure(self._failed).announce(self.ctx.events, self.changes).run()

    def _stored(self, result: Any) -> None:
        self.save_button.setEnabled(True)
        self.result_value = result
        self.form.show_errors({})
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        errors.report(self, exc, f"无法{self.windowTitle()}", self.form.show_errors)


def date_text(day: dt.date | None) -> str:
    return cn_date(day) if day else "—"
