"""启动密码与自动锁定 (个人信息保护法: a curious visitor at the PC sees nothing).

The password is kept only as a salted argon2 hash (services.security); the idle-lock minutes are an
office setting.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from app.services import security, settings as office
from app.ui.common.errors import report


class PasswordSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("启动密码与自动锁定")
        has = security.password_required()
        self.current = QLineEdit(self)
        self.new = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for edit in (self.current, self.new, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 240)
        self.minutes.setSuffix(" 分钟")
        self.minutes.setSpecialValueText("不自动锁定")
        self.minutes.setValue(office.load().idle_lock_minutes)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        if has:
            form.addRow("当前密码", self.current)
        else:
            self.current.hide()
        form.addRow("新密码（留空则取消密码）" if has else "新密码", self.new)
        form.addRow("再次输入新密码", self.repeat)
        form.addRow("无操作后锁定", self.minutes)
        note = QLabel("程序不保存密码本身，只保存由它算出、无法还原成密码的校验码，所以忘记后无法找回，请妥善保管。"
                      "设置后每次启动程序须输入密码；超过设定时间无操作，窗口自动锁定。", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.new.text() != self.repeat.text():
            self.message.setText("两次输入的新密码不一致")
            return
        try:
            changing = bool(self.new.text()) or security.password_required()
            if changing:
                security.set_password(self.new.text() or None, self.current.text() or None)
            if self.minutes.value() != office.load().idle_lock_minutes:
                office.save(replace(office.load(), idle_lock_minutes=self.minutes.value()))
        except Exception as exc:  # noqa: BLE001 - the one error path tells every kind of failure
            report(self, exc, "无法保存", lambda problems: self.message.setText("；".join(problems.values())))
            return
        self.accept()
