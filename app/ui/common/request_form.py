"""The registration form (条例第二十九条): used to register a request and, in the case view, to edit it."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from app.domain.dates import FIRST_DAY, cn_date
from app.domain.request import (
    APPLICANT_TYPES, CHANNELS, DELIVERY_FOR_CHANNEL, DELIVERY_METHODS, FORMS_WANTED, ID_TYPES_ORGANISATION, ID_TYPES_PERSON,
    ORGANISATION, ORGANISATION_KINDS, PERSON, RequestData, channel_needs_confirmation, legal_received_on,
)
from app.domain.validation import validate_request
from app.ui.common.context import Context
from app.ui.common.field_errors import FieldErrors
from app.ui.forms.ui_request_form import Ui_RequestForm

DEPARTMENTS = ("党政办公室", "农业农村办公室", "财政所", "自然资源所", "社会事务办公室", "综合执法队")
_TEXT_FIELDS = ("name", "id_number", "legal_rep", "contact_person", "phone", "address", "postcode", "email",
                "info_name", "info_doc_no")
_ORG_ONLY = ("legal_rep", "contact_person")


def _fill(combo: QComboBox, items: tuple[str, ...] | list[str], data: tuple | list | None = None) -> None:
    combo.clear()
    for index, text in enumerate(items):
        combo.addItem(text, data[index] if data else text)


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index < 0 and combo.isEditable():
        combo.setEditText(value)
        return
    combo.setCurrentIndex(max(index, 0))


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class RequestForm(QWidget):
    """All the fields of a request with live validation: a message appears as the user leaves a field.

    `changed` fires on every edit (the containers use it for "unsaved edits" and enabling Save).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, ctx: Context | None = None):
        super().__init__(parent)
        self.ui = Ui_RequestForm()
        self.ui.setupUi(self)
        self.ctx = ctx or Context.standalone()
        self._touched: set[str] = set()
        self._show_all = False
        self._loaded: RequestData | None = None
        self._setting = False  # the form fills its own fields (loading, following the channel)
        self._delivery_chosen = False  # the clerk chose the 获取方式 herself: the channel no longer sets it
        self.errors = FieldErrors(self.ui, [f for f in _all_fields()], self.ui.err_general)
        self._fill_vocabularies()
        self._connect()
        self.set_data(RequestData(arrived_on=self.today()), delivery_chosen=False)

    # ---- set-up -----------------------------------------------------------------------------

    def today(self) -> dt.date:
        return self.ctx.today()

    def _fill_vocabularies(self) -> None:
        ui = self.ui
        _fill(ui.f_applicant_type, list(APPLICANT_TYPES.values()), list(APPLICANT_TYPES))
        _fill(ui.f_form_wanted, FORMS_WANTED)
        _fill(ui.f_delivery_method, DELIVERY_METHODS)
        _fill(ui.f_channel, CHANNELS)
        _fill(ui.f_department, ("",) + DEPARTMENTS)
        for edit in (ui.f_arrived_on, ui.f_confirmed_on):
            edit.setDateRange(QDate(FIRST_DAY), QDate(self.today()))  # app.domain.dates.check_plausible
        ui.f_channel.setToolTip("申请方式决定“收到申请之日”的认定规则（条例第三十一条）")
        ui.f_arrived_on.setToolTip("申请材料到达本机关的日期")

    def _connect(self) -> None:
        ui = self.ui
        ui.f_applicant_type.currentIndexChanged.connect(self._on_type_changed)
        ui.f_channel.currentIndexChanged.connect(self._on_channel_changed)
        ui.f_delivery_method.currentIndexChanged.connect(self._on_delivery_changed)
        ui.f_confirmed_check.toggled.connect(ui.f_confirmed_on.setEnabled)
        for name in ("channel", "arrived_on", "confirmed_on", "confirmed_check"):
            _signal_of(getattr(ui, f"f_{name}")).connect(self._update_received)
        for widget in self._input_widgets():
            _signal_of(widget).connect(self.changed)
            widget.installEventFilter(self)
        ui.f_id_type.currentIndexChanged.connect(self._revalidate_touched)

    def _input_widgets(self) -> list[QWidget]:
        ui = self.ui
        names = list(_TEXT_FIELDS) + ["applicant_type", "applicant_kind", "id_type", "info_description",
                                      "form_wanted", "delivery_method", "channel", "arrived_on", "confirmed_check",
                                      "confirmed_on", "department", "fee_reduction", "notes"]
        return [getattr(ui, f"f_{n}") for n in names]

    # ---- reacting to the user -----------------------------------------------------------------

    def _on_type_changed(self) -> None:
        ui = self.ui
        is_org = ui.f_applicant_type.currentData() == ORGANISATION
        kind, id_type = ui.f_applicant_kind.currentData(), ui.f_id_type.currentData()
        _fill(ui.f_applicant_kind, ORGANISATION_KINDS if is_org else ("自然人",))
        _fill(ui.f_id_type, ID_TYPES_ORGANISATION if is_org else ID_TYPES_PERSON)
        if kind:
            _select(ui.f_applicant_kind, kind)
        if id_type:
            _select(ui.f_id_type, id_type)
        ui.f_applicant_kind.setEnabled(is_org)
        ui.lbl_name.setText("名称" if is_org else "姓名")
        for name in _ORG_ONLY:
            ui.formApplicant.setRowVisible(getattr(ui, f"lbl_{name}"), is_org)
        self._revalidate_touched()

    def _on_channel_changed(self) -> None:
        ui = self.ui
        channel = ui.f_channel.currentData()
        needs = channel_needs_confirmation(channel)
        ui.f_confirmed_check.setEnabled(needs)
        ui.f_confirmed_on.setEnabled(needs and ui.f_confirmed_check.isChecked())
        if not needs:
            ui.f_confirmed_check.setChecked(False)
        ui.lbl_confirmed_on.setText("签收日期" if channel == "邮寄" else "确认日期")
        if not self._setting and not self._delivery_chosen and channel in DELIVERY_FOR_CHANNEL:
            self._setting = True
            _select(ui.f_delivery_method, DELIVERY_FOR_CHANNEL[channel])
            self._setting = False
        self._update_received()

    def _on_delivery_changed(self) -> None:
        if not self._setting:
            self._delivery_chosen = True

    def _update_received(self) -> None:
        """Show the legal date received and the rule of 条例第三十一条 that gave it."""
        ui = self.ui
        data = self.data()
        result = legal_received_on(data.channel, data.arrived_on, data.confirmed_on)
        if result.date is None:
            ui.receivedLabel.setText("待确认（填写确认日期后确定）")
        else:
            ui.receivedLabel.setText(cn_date(result.date))
        ui.receivedRuleLabel.setText(result.rule)
        ui.receivedLabel.setToolTip(result.rule)
        ui.receivedRuleLabel.setToolTip(result.rule)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Validate a field the moment the user leaves it.
        if event.type() == QEvent.Type.FocusOut:
            name = watched.objectName().removeprefix("f_")
            self._touched.add("confirmed_on" if name == "confirmed_check" else name)
            self._revalidate_touched()
        return super().eventFilter(watched, event)

    def _revalidate_touched(self) -> None:
        errors = validate_request(self.data(), self.today())
        self.errors.show(errors, None if self._show_all else self._touched)

    # ---- the data ---------------------------------------------------------------------------

    def validate(self) -> dict[str, str]:
        """Check every field (on save) and show every message."""
        self._show_all = True
        errors = validate_request(self.data(), self.today())
        self.errors.show(errors)
        return errors

    def show_errors(self, errors: dict[str, str]) -> None:
        """Messages the service returned (ValidationError.errors)."""
        self._show_all = True
        self.errors.show(errors)

    def data(self) -> RequestData:
        ui = self.ui
        text = {n: getattr(ui, f"f_{n}").text().strip() for n in _TEXT_FIELDS}
        is_org = ui.f_applicant_type.currentData() == ORGANISATION
        if not is_org:
            text["legal_rep"] = text["contact_person"] = ""
        confirmed = None
        if ui.f_confirmed_check.isEnabled() and ui.f_confirmed_check.isChecked():
            confirmed = to_date(ui.f_confirmed_on.date())
        return RequestData(
            applicant_type=ORGANISATION if is_org else PERSON,
            applicant_kind=ui.f_applicant_kind.currentData() or "",
            id_type=ui.f_id_type.currentData() or "",
            info_description=ui.f_info_description.toPlainText().strip(),
            form_wanted=ui.f_form_wanted.currentData() or "",
            delivery_method=ui.f_delivery_method.currentData() or "",
            channel=ui.f_channel.currentData() or "",
            arrived_on=to_date(ui.f_arrived_on.date()),
            confirmed_on=confirmed,
            department=ui.f_department.currentText().strip(),
            fee_reduction=ui.f_fee_reduction.isChecked(),
            notes=ui.f_notes.toPlainText().strip(),
            **text,
        )

    def set_data(self, data: RequestData, delivery_chosen: bool = True) -> None:
        """Load `data` into the fields; the form is then clean (no unsaved edits, no messages).
        `delivery_chosen`: False for a new request, whose 获取方式 follows the channel until chosen."""
        ui = self.ui
        self._setting = True
        _select(ui.f_applicant_type, data.applicant_type)
        self._on_type_changed()
        _select(ui.f_applicant_kind, data.applicant_kind)
        _select(ui.f_id_type, data.id_type)
        for name in _TEXT_FIELDS:
            getattr(ui, f"f_{name}").setText(getattr(data, name) or "")
        ui.f_info_description.setPlainText(data.info_description or "")
        ui.f_notes.setPlainText(data.notes or "")
        _select(ui.f_form_wanted, data.form_wanted)
        _select(ui.f_delivery_method, data.delivery_method)
        _select(ui.f_channel, data.channel)
        _select(ui.f_department, data.department)
        ui.f_fee_reduction.setChecked(bool(data.fee_reduction))
        ui.f_arrived_on.setDate(QDate(data.arrived_on or self.today()))
        ui.f_confirmed_check.setChecked(data.confirmed_on is not None)
        ui.f_confirmed_on.setDate(QDate(data.confirmed_on or data.arrived_on or self.today()))
        self._on_channel_changed()
        self._setting = False
        self._delivery_chosen = delivery_chosen
        self._touched.clear()
        self._show_all = False
        self.errors.clear()
        self._loaded = self.data()

    def is_dirty(self) -> bool:
        return self._loaded is not None and self.data() != self._loaded

    def mark_clean(self) -> None:
        self._loaded = self.data()


def _all_fields() -> list[str]:
    return ["applicant_type", "applicant_kind", "name", "id_type", "id_number", "legal_rep", "contact_person",
            "phone", "address", "postcode", "email", "info_name", "info_doc_no", "info_description",
            "form_wanted", "delivery_method", "channel", "arrived_on", "confirmed_on", "department",
            "fee_reduction", "notes"]


def _signal_of(widget: QWidget):
    """The 'value changed' signal of an input widget."""
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    raise TypeError(type(widget).__name__)
