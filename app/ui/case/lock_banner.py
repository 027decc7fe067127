"""A case in an archived, locked year is read-only in the case view (docs/legal/archive.md).

The services refuse every write to it anyway; the view says so up front and disables the form,
the toolbar and the answer box instead of letting the clerk type and be refused on saving.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.domain.request import Case
from app.services import register


class LockBanner(QLabel):
    """The red 归档锁定（只读） box; hidden while the case's year is open."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020; font-weight: bold;")
        self.box = view.add_panel("归档锁定（只读）", self)
        self.box.hide()

    def apply(self, case: Case) -> None:
        reason = register.locked_reason(case)
        locked = reason is not None
        self.setText(reason or "")
        self.box.setVisible(locked)
        view = self.view
        view.read_only = locked
        view.form.setEnabled(not locked)
        view.ui.actionsBar.setEnabled(not locked)
        view.ui.outcomePanel.setEnabled(not locked)
