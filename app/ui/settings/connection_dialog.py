"""数据存放位置: this desk's data in a file on this PC, or on the office's database server that several
desks share (docs/server.md). Asked from the first-start dialog (连接服务器…) and from the settings.

A server is tried before it is kept (测试连接, or on 保存): unreachable, a wrong password or another
program's database are told here, in Chinese, and nothing is saved.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QRadioButton,
                               QSpinBox, QVBoxLayout, QWidget)

from app.paths import Location
from app.services import connection
from app.services.errors import StoreError
from app.ui.common import tasks
from app.ui.common.errors import report

NOTE = ("一台电脑单独使用时，数据保存在本机的数据文件中（默认）。几台电脑共用同一份登记簿时，数据保存在"
        "单位的数据库服务器上：服务器地址、数据库名、用户名和密码请向信息技术人员索取。")


class ConnectionDialog(QDialog):
    """The choice between the file on this PC and a server; `chosen` is what was kept."""

    def __init__(self, parent: QWidget | None = None, server_first: bool = False, message: str = ""):
        super().__init__(parent)
        self.setWindowTitle("数据存放位置")
        self.chosen: Location | None = None
        self.local = QRadioButton("本机数据文件（只有这台电脑使用）", self)
        self.server = QRadioButton("连接服务器（几台电脑共用一个数据库）", self)
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        self.host, self.database, self.user = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.test_button = self.buttons.addButton("测试连接", QDialogButtonBox.ButtonRole.ActionRole)
        self._layout()
        self._load(server_first)
        self.server.toggled.connect(self._enable)
        self.test_button.clicked.connect(lambda: self.test())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._enable()
        if message:  # asked at start: why (the password to type, the server's refusal)
            self._say(message, error=True)

    def _layout(self) -> None:
        note = QLabel(NOTE, self)
        note.setWordWrap(True)
        form = QFormLayout()
        for label, field in (("服务器地址", self.host), ("端口", self.port), ("数据库名", self.database),
                             ("用户名", self.user), ("密码", self.password)):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        for widget in (note, self.local, self.server):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)

    def _load(self, server_first: bool) -> None:
        kept = connection.address(connection.saved())
        address = kept or connection.ServerAddress("")
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        self.password.setText(address.password)
        (self.server if kept is not None or server_first else self.local).setChecked(True)

    def _enable(self) -> None:
        on = self.server.isChecked()
        for field in (self.host, self.port, self.database, self.user, self.password, self.test_button):
            field.setEnabled(on)
        self.result.clear()

    def location(self) -> Location | None:
        """The server chosen (None: the file on this PC)."""
        if not self.server.isChecked():
            return None
        return connection.ServerAddress(self.host.text(), self.port.value(), self.database.text(), self.user.text(),
                                        self.password.text()).location()

    def _missing(self) -> str:
        names = [label for label, field in (("服务器地址", self.host), ("数据库名", self.database), ("用户名", self.user))
                 if not field.text().strip()]
        return f"请填写{'、'.join(names)}" if names else ""

    def test(self, then=None) -> None:
        """Try the server off the GUI thread; the answer shows below the fields."""
        if missing := self._missing():
            self._say(missing, error=True)
            return
        location = self.location()
        self._say("正在连接服务器…")
        tasks.Operation(self, lambda: connection.check(location), lane=tasks.FREE, busy="正在连接服务器…") \
            .success(lambda text: self._tested(text, then)).failure(self._failed).run()

    def _tested(self, text: str, then) -> None:
        self._say(text)
        if then is not None:
            then()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StoreError):
            self._say(str(exc), error=True)
        else:
            report(self, exc, "无法连接服务器")

    def _say(self, text: str, error: bool = False) -> None:
        self.result.setStyleSheet("color: #b00020;" if error else "")
        self.result.setText(text)

    def save(self) -> None:
        if not self.server.isChecked():
            self._keep(None)
            return
        self.test(then=lambda: self._keep(self.location()))

    def _keep(self, location: Location | None) -> None:
        try:
            connection.save(location)
        except OSError as exc:
            self._say(f"无法保存连接设置：{exc.strerror or exc}", error=True)
            return
        self.chosen = location
        self.accept()
