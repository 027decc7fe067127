"""Asking the clerk for a reason before a step the law allows only with one (a late correction's
正当理由, 条例第三十条; a change to what a notice already told; the source of a year's holiday schedule).
The reason goes on the case's timeline (or the calendar's record) with the step; an empty reason or
取消 records nothing."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.ui.common.messages import chinese_buttons


class ReasonDialog(QDialog):
    """The question (why the reason is needed) above a text box; 确定 stays off until something is typed."""

    def __init__(self, parent: QWidget | None, title: str, message: str, label: str = "理由", text: str = ""):
        super().__init__(parent)
        self.setObjectName("ReasonDialog")
        self.setWindowTitle(title)
        self.message = QLabel(message, self)
        self.message.setObjectName("reasonMessage")
        self.message.setWordWrap(True)
        self.label = QLabel(label, self)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("reasonText")
        self.text.setPlainText(text)
        self.text.setFixedHeight(72)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        chinese_buttons(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.label)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._update)
        self._update()
        self.resize(460, 240)

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))

    def reason(self) -> str:
        return self.text.toPlainText().strip()


def ask_reason(parent: QWidget | None, title: str, message: str, label: str = "理由", text: str = "") -> str | None:
    """The reason typed, or None when the clerk cancelled."""
    dialog = ReasonDialog(parent, title, message, label, text)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.reason():
            return dialog.reason()
        return None
    finally:
        dialog.deleteLater()

