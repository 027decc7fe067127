"""A case in an archived, locked year is read-only in the case view (archive.md; issue 6).

The services refuse every write to it anyway; the view says so up front and disables the form,
the toolbar and the answer box instead of letting the clerk type and be refused on saving.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.services import register


def _apply(view, label: QLabel) -> None:
    case = view.case
    reason = register.locked_reason(case) if case is not None else None
    locked = reason is not None
    label.setText(reason or "")
    label.parentWidget().setVisible(locked)
    view.form.setEnabled(not locked)
    view.ui.actionsBar.setEnabled(not locked)
    view.ui.outcomePanel.setEnabled(not locked)
    view.read_only = locked


def extend_case_view(view) -> None:
    """CASE_VIEW_EXTENSIONS entry."""
    label = QLabel(view)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020; font-weight: bold;")
    view.lock_banner = label
    view.add_panel("归档锁定（只读）", label)
    view.case_loaded.connect(lambda _case: _apply(view, label))
    _apply(view, label)
