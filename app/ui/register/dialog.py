"""Registering a new request (登记): the form in a dialog; the service allocates the 登记编号 on save."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from app.domain.request import Case, legal_received_on
from app.services import register
from app.ui.common import errors, messages, tasks
from app.ui.common.context import Context
from app.ui.common.events import Changes
from app.ui.common.messages import confirm_discard
from app.ui.common.request_form import RequestForm
from app.ui.forms.ui_register_dialog import Ui_RegisterDialog


class RegisterDialog(QDialog):
    """After accept(), `case` is the registered Case."""

    def __init__(self, parent: QWidget | None = None, ctx: Context | None = None):
        super().__init__(parent)
        self.ui = Ui_RegisterDialog()
        self.ui.setupUi(self)
        self.ctx = ctx or Context.standalone()
        self.form = RequestForm(self, self.ctx)
        # A received date in an archived, locked year is told as soon as it is typed, not on saving.
        self.locked_year = QLabel(self)
        self.locked_year.setObjectName("lockedYear")
        self.locked_year.setWordWrap(True)
        self.locked_year.setStyleSheet("color: #b00020; font-weight: bold;")
        self.locked_year.hide()
        self.ui.formHostLayout.addWidget(self.locked_year)
        self.ui.formHostLayout.addWidget(self.form)
        self.form.changed.connect(self._check_year)
        self.case: Case | None = None
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText("保存登记")
        save.setToolTip("保存并分配登记编号（Ctrl+S）")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.form.ui.f_name.setFocus()

    def _check_year(self) -> None:
        data = self.form.data()
        received = legal_received_on(data.channel, data.arrived_on, data.confirmed_on).date
        blocked = register.registration_blocked(received.year) if received else None
        self.locked_year.setText(blocked or "")
        self.locked_year.setVisible(blocked is not None)

    @property
    def save_button(self):
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        """Validate every field; save whole or not at all (services.register.register)."""
        if self.form.validate():
            return
        data, today = self.form.data(), self.form.today()
        if not self._same_id_checked(data.id_number, data.name):
            return
        self.save_button.setEnabled(False)
        tasks.Operation(self, lambda: register.register(data, today), busy="正在登记…") \
            .success(self._saved).failure(self._refused) \
            .announce(self.ctx.events, lambda case: Changes.case(case.id)).run()

    def _same_id_checked(self, id_number: str, name: str) -> bool:
        """One ID under two names is remarked on before saving; the clerk decides."""
        others = register.same_id_other_names(id_number, name)
        if not others:
            return True
        earlier = "、".join(f"{no}（{other}）" for no, other in others[:5])
        return messages.ask(self, "证件号码与姓名不一致",
                            f"证件号码 {id_number} 此前登记的申请人姓名不同：{earlier}。\n"
                            f"本次登记为“{name}”。请核对证件后再保存；确认无误（如更名）可继续登记。",
                            yes="仍然登记", no="返回核对", icon=messages.WARNING)

    def _saved(self, case: Case) -> None:
        self.case = case
        self.form.mark_clean()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        errors.report(self, exc, "无法登记", self.form.show_errors)

    def reject(self) -> None:
        if self.form.is_dirty() and not confirm_discard(self, "登记内容"):
            return
        super().reject()


def register_new(parent: QWidget, ctx: Context) -> Case | None:
    """The registration dialog; the new case is announced, its 登记编号 told where the clerk looks (a
    message in front, and the status bar), with the 申请接收回执 offered at once."""
    blocked = register.registration_blocked(ctx.today().year)
    if blocked:
        messages.warn(parent, "无法登记", blocked)
        return None
    dialog = RegisterDialog(parent, ctx)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.case is None:
        return None
    case = dialog.case
    ctx.show_status(f"已登记：{case.case_no} {case.name}", 15000)
    if messages.ask(parent, "登记完成", f"已登记，登记编号：{case.case_no}\n申请人：{case.name}\n\n"
                    "是否现在出具《政府信息公开申请接收回执》交给申请人？", yes="出具回执…", no="不需要",
                    default_yes=True, icon=messages.INFORMATION):
        ctx.issue_notice(case.id, "申请接收回执")
    return case
