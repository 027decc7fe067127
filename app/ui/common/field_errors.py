"""Showing validation messages beside their fields: a red label under the field, a red border on it."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.dates import parse_date


def _repolish(widget: QWidget) -> None:
    # Dynamic properties only restyle after an unpolish/polish cycle.
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class FieldErrors:
    """Maps field names to (widget, error label) pairs; unknown fields go to a general label."""

    def __init__(self, ui: object, fields: list[str], general: QLabel | None = None):
        self._widgets: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        for name in fields:
            label = getattr(ui, f"err_{name}", None)
            if label is None:
                continue
            self._labels[name] = label
            self._widgets[name] = getattr(ui, f"f_{name}")
            label.hide()
        self._general = general
        if general is not None:
            general.hide()

    def fields(self) -> list[str]:
        return list(self._labels)

    def show(self, errors: dict[str, str], only: set[str] | None = None) -> None:
        """Show `errors` (for the fields in `only`, if given) and clear every other message."""
        leftover = []
        for name, message in errors.items():
            if name not in self._labels:
                leftover.append(message)
        for name, label in self._labels.items():
            message = errors.get(name) if only is None or name in only else None
            self._set(name, label, message)
        if self._general is not None:
            text = "\n".join(leftover) if only is None else ""
            self._general.setText(text)
            self._general.setVisible(bool(text))

    def _set(self, name: str, label: QLabel, message: str | None) -> None:
        label.setText(message or "")
        label.setVisible(bool(message))
        widget = self._widgets[name]
        invalid = bool(message)
        if widget.property("invalid") != invalid:
            widget.setProperty("invalid", invalid)
            _repolish(widget)

    def message(self, name: str) -> str:
        label = self._labels.get(name)
        return label.text() if label is not None and label.isVisibleTo(label.parentWidget()) else ""

    def clear(self) -> None:
        self.show({})


def date_field(text: str, field: str, errors: dict[str, str], required: bool = False) -> dt.date | None:
    """A date typed in a text field, or None; a message for the field when it is not a date (or is
    empty and `required`)."""
    text = text.strip()
    if not text:
        if required:
            errors[field] = "请填写日期"
        return None
    value = parse_date(text)
    if value is None:
        errors[field] = "日期格式不正确，请按 2026-10-12 或 2026年10月12日 填写"
    return value
