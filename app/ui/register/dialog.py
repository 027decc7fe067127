"""Registering a new request (登记): the form in a dialog; the service allocates the 登记编号 on save."""
from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from app.domain.request import Case
from app.services import register
from app.services.errors import ServiceError, ValidationError
from app.ui.forms.ui_register_dialog import Ui_RegisterDialog
from app.ui.common.request_form import RequestForm


def confirm_discard(parent: QWidget, what: str) -> bool:
    """Ask before throwing away unsaved edits."""
    answer = QMessageBox.question(parent, "放弃未保存的内容？", f"{what}尚未保存，确定放弃吗？",
                                  QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                                  QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Discard


class RegisterDialog(QDialog):
    """After accept(), `case` is the registered Case."""

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.ui = Ui_RegisterDialog()
        self.ui.setupUi(self)
        self.form = RequestForm(self, today=today)
        self.ui.formHostLayout.addWidget(self.form)
        self.case: Case | None = None
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText("保存登记")
        save.setToolTip("保存并分配登记编号（Ctrl+S）")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.form.ui.f_name.setFocus()

    @property
    def save_button(self):
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        """Validate every field; save whole or not at all (services.register.register)."""
        if self.form.validate():
            return
        try:
            self.case = register.register(self.form.data(), self.form.today())
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return
        except ServiceError as exc:
            QMessageBox.warning(self, "无法登记", str(exc))
            return
        self.form.mark_clean()
        self.accept()

    def reject(self) -> None:
        if self.form.is_dirty() and not confirm_discard(self, "登记内容"):
            return
        super().reject()
