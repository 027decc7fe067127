"""The start-up password prompt and the idle lock (个人信息保护法: a visitor at the clerk's PC).

Both only appear when a password has been set (services.security); the idle time is the office
setting idle_lock_minutes. While locked, the window's content is hidden, not just covered.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMainWindow, QVBoxLayout, QWidget,
)

from app import APP_NAME
from app.services import audit, security

_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class PasswordDialog(QDialog):
    """Asks for the operator's name (at start) and the password; stays open until it is right."""

    def __init__(self, parent: QWidget | None = None, locked: bool = False):
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME}：已锁定" if locked else APP_NAME)
        self.operator = QLineEdit(audit.operator())
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c00000")
        form = QFormLayout()
        if not locked:
            form.addRow("操作人", self.operator)
        form.addRow("密码", self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("解锁" if locked else "进入")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("退出程序")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        text = "窗口因长时间未操作已锁定，请输入密码解锁。" if locked else "请输入启动密码。"
        layout.addWidget(QLabel(text))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.password.setFocus()

    def accept(self) -> None:
        if not security.verify(self.password.text()):
            self.error.setText("密码不正确，请重新输入")
            self.password.clear()
            self.password.setFocus()
            return
        if self.operator.text().strip():
            audit.set_operator(self.operator.text())
        super().accept()


def ask_at_start(parent: QWidget | None = None) -> bool:
    """The start-up prompt when a password is set; False when the clerk chose to quit."""
    if not security.password_required():
        return True
    return PasswordDialog(parent).exec() == QDialog.DialogCode.Accepted


class IdleLock(QObject):
    """Locks `window` after `interval_ms` without keyboard or mouse input anywhere in the program."""

    def __init__(self, window: QMainWindow, interval_ms: int):
        super().__init__(window)
        self.window = window
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        """No more locking (the window closes, or the password was removed)."""
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False

    def lock(self) -> None:
        """Hide the content and ask for the password; quitting is the only other way out."""
        self.locked = True
        content = self.window.centralWidget()
        if content is not None:
            content.hide()
        self.window.menuBar().setEnabled(False)
        dialog = PasswordDialog(self.window, locked=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            QApplication.quit()
            return
        if content is not None:
            content.show()
        self.window.menuBar().setEnabled(True)
        self.locked = False
        self.timer.start()


def watch_idle(window: QMainWindow) -> IdleLock | None:
    """Start the idle lock when a password and an idle time are set (机关设置)."""
    minutes = security.idle_lock_minutes()
    return IdleLock(window, minutes * 60_000) if minutes else None
