"""The office-settings dialog (机关设置): asked on the very first start, editable later from the menu."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QSpinBox, QWidget

from app.domain.settings import REQUIRED_SETTINGS, OfficeSettings, check_number_format, format_case_no, format_doc_no
from app.services import connection, settings as office
from app.ui.common import messages
from app.ui.common.errors import report
from app.ui.common.field_errors import FieldErrors
from app.ui.forms.ui_settings_dialog import Ui_SettingsDialog

TEXT_FIELDS = ("office_name", "short_name", "doc_prefix", "disclosure_unit", "address", "postcode", "phone",
               "handler", "leader", "reconsideration_body", "court", "fonds_no", "org_code", "case_no_format",
               "doc_no_format")
NUMBER_FIELDS = ("limit_accept", "limit_review", "limit_draft", "limit_proactive_scope", "limit_sign",
                 "correction_period")

FIRST_START_INTRO = ("欢迎使用政务公开工作台。请先填写本机关的基本信息：这些信息将印在告知书、答复书和年度报告上，"
                     "以后可在“设置 → 机关设置”中修改。带“行政复议机关”和“管辖人民法院”的内容会写入每份答复的救济途径告知。"
                     "标 ＊ 的为必填项。几台电脑共用单位数据库服务器的，请点“连接服务器…”。")
REQUIRED_MARK = "＊"
EXAMPLE_YEAR, EXAMPLE_SEQ = 2026, 12
SERVER_INTRO = ("已连接到服务器 {where}。服务器上还没有本机关的设置：请填写本机关的基本信息，保存后其他电脑"
                "连接这个服务器时无需再填。")


class SettingsDialog(QDialog):
    """Edits OfficeSettings; saves through services.settings (validated, audited)."""

    def __init__(self, parent: QWidget | None = None, first_start: bool = False):
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self._loaded = office.load() if office.is_configured() else OfficeSettings()
        self.errors = FieldErrors(self.ui, list(TEXT_FIELDS + NUMBER_FIELDS))
        self.ui.introLabel.setText(FIRST_START_INTRO if first_start else "修改后点击“保存”，修改会记入操作日志。标 ＊ 的为必填项。")
        self._mark_required()
        if first_start:
            self.setWindowTitle("首次使用：机关设置")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        if first_start:
            server = self.ui.buttonBox.addButton("连接服务器…", QDialogButtonBox.ButtonRole.ActionRole)
            server.clicked.connect(self.connect_server)
        else:
            password = self.ui.buttonBox.addButton("启动密码与自动锁定…", QDialogButtonBox.ButtonRole.ActionRole)
            password.clicked.connect(self.edit_password)
            location = self.ui.buttonBox.addButton("数据存放位置…", QDialogButtonBox.ButtonRole.ActionRole)
            location.clicked.connect(self.choose_location)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._load(self._loaded)
        for name in TEXT_FIELDS:
            self._field(name).editingFinished.connect(self._revalidate)
        for name in ("case_no_format", "doc_no_format", "doc_prefix"):
            self._field(name).textChanged.connect(self._show_examples)
        self._show_examples()

    def _mark_required(self) -> None:
        """＊ before every field the program cannot work without (app.domain.settings.REQUIRED_SETTINGS)."""
        for name in REQUIRED_SETTINGS:
            label = getattr(self.ui, f"lbl_{name}")
            label.setText(REQUIRED_MARK + label.text().lstrip(REQUIRED_MARK))
            label.setToolTip("必填")

    def _show_examples(self) -> None:
        """What the numbers will look like, under each format, as the clerk types it."""
        case_fmt, doc_fmt = self._field("case_no_format").text(), self._field("doc_no_format").text()
        prefix = self._field("doc_prefix").text().strip() or "（文号前缀）"
        case = ("例如：" + format_case_no(case_fmt, EXAMPLE_YEAR, EXAMPLE_SEQ)
                if check_number_format(case_fmt, ("year", "seq")) is None else "")
        doc = ("例如补正告知书：" + format_doc_no(doc_fmt, prefix, "补", EXAMPLE_YEAR, 3)
               if check_number_format(doc_fmt, ("prefix", "code", "year", "seq")) is None else "")
        self.ui.hint_case_no_format.setText(f"{{year}} 处填年度，{{seq}} 处填当年的序号。{case}")
        self.ui.hint_doc_no_format.setText(f"{{prefix}} 处填文号前缀，{{code}} 处填文书代字（补、延、答…），"
                                           f"{{year}} 处填年度，{{seq}} 处填序号。{doc}")

    def edit_password(self) -> None:
        from app.ui.settings.password_dialog import PasswordSettingsDialog

        if PasswordSettingsDialog(self).exec():
            self._loaded = replace(self._loaded, idle_lock_minutes=office.load().idle_lock_minutes)

    def connect_server(self) -> None:
        """First start: this desk joins the office's database on a server instead of the new file.
        An office already set up there is taken as it is; otherwise its settings are asked here."""
        from app.services.workspace import open_workspace
        from app.ui.settings.connection_dialog import ConnectionDialog

        dialog = ConnectionDialog(self, server_first=True)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        try:
            open_workspace(dialog.chosen)
        except Exception as exc:  # noqa: BLE001 - the one error path tells every kind of failure
            report(self, exc, "无法连接服务器")
            return
        where = connection.describe(dialog.chosen)
        if office.is_configured():
            messages.inform(self, "已连接服务器", f"已连接到服务器 {where}，本机关“{office.load().short_name}”"
                                                   "的设置已在服务器上，无需再填写。")
            self.accept()
            return
        self.ui.introLabel.setText(SERVER_INTRO.format(where=where))

    def choose_location(self) -> None:
        """The desk's data in its file or on a server, from the next start on."""
        from app.ui.settings.connection_dialog import ConnectionDialog

        dialog = ConnectionDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            where = "本机数据文件" if dialog.chosen is None else f"服务器 {connection.describe(dialog.chosen)}"
            messages.inform(self, "数据存放位置", f"已保存。重新启动程序后，这台电脑使用{where}。")

    def _field(self, name: str) -> QLineEdit | QSpinBox:
        return getattr(self.ui, f"f_{name}")

    def _load(self, s: OfficeSettings) -> None:
        for name in TEXT_FIELDS:
            self._field(name).setText(str(getattr(s, name) or ""))
        for name in NUMBER_FIELDS:
            self._field(name).setValue(int(getattr(s, name)))

    def settings(self) -> OfficeSettings:
        """The settings as typed; fields the dialog does not show keep their stored values."""
        values = {n: self._field(n).text().strip() for n in TEXT_FIELDS}
        values.update({n: self._field(n).value() for n in NUMBER_FIELDS})
        return replace(self._loaded, **values)

    def _revalidate(self) -> None:
        touched = {n for n in TEXT_FIELDS if self._field(n).text().strip() or self._field(n).isModified()}
        self.errors.show(office.validate(self.settings()), touched)

    def save(self) -> None:
        s = self.settings()
        errors = office.validate(s)
        if errors:
            self.errors.show(errors)
            return
        try:
            office.save(s)
        except Exception as exc:  # noqa: BLE001 - the one error path tells every kind of failure
            report(self, exc, "无法保存", self.errors.show)
            return
        self.accept()
