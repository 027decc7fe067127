"""The 保密审查 page (reviews waiting at each step, oldest first), the review dialog (fill in the
政府信息公开保密审查表, sign steps, reject, resubmit, print) and the 主动公开 register page.

Seed 001 保密审查制度: "先审查、后公开". Views call services only.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.domain import proactive as pr, review as rv
from app.domain.dates import cn_date
from app.domain.proactive import ItemData
from app.domain.review import CheckAnswer, ReviewData
from app.services import proactive, review
from app.services.errors import ServiceError, ValidationError
from app.ui.common.field_errors import FieldErrors, date_field
from app.ui.forms.ui_review_dialog import Ui_ReviewDialog
from app.ui.proactive.dialogs import ProactiveCommentsDialog, RepealDialog, WithheldReviewDialog

_RED = "color: #b00020;"
_URGENCY_COLOURS = {"overdue": "#f8d7da", "due_today": "#ffe5b4", "due_soon": "#fff3cd"}


def _date_text(d: dt.date | None) -> str:
    return d.isoformat() if d else ""




def _open_docx(path: Path) -> None:
    from app.services import notices

    notices.open_file(path)


# ---------------------------------------------------------------- the review dialog


class ReviewDialog(QDialog):
    """One 保密审查表: its content (editable before signing or after a rejection) and its steps."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, review_id: int | None = None, case_id: int | None = None,
                 item_id: int | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.ui = Ui_ReviewDialog()
        self.ui.setupUi(self)
        self._today = today
        self.case_id, self.item_id = case_id, item_id
        self.review_id = review_id
        self.open_document: Callable[[Path], None] = _open_docx
        self.last_printed: Path | None = None
        self._channels = [getattr(self.ui, f"ch_{i}") for i in range(len(rv.CHANNELS))]
        self._setup_widgets()
        self.content_errors = FieldErrors(self.ui, _CONTENT_FIELDS, self.ui.err_content)
        self.sign_errors = FieldErrors(self.ui, ["person", "signed_on", "opinion"], self.ui.err_step)
        self._connect()
        self.load()

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _setup_widgets(self) -> None:
        ui = self.ui
        ui.f_carrier.addItems(["", *rv.CARRIERS])
        ui.f_proposal.addItems(["", *rv.PROPOSALS])
        for key, _label in rv.CHECKS:
            getattr(ui, f"f_check_{key}").addItems(["", rv.YES, rv.NO])
            getattr(ui, f"f_check_{key}").setMinimumWidth(72)
        for label in [ui.statusLabel] + [w for n, w in vars(ui).items() if n.startswith("err_")]:
            if label is not ui.statusLabel:
                label.setStyleSheet(_RED)
        t = ui.stepsTable
        t.setColumnCount(6)
        t.setHorizontalHeaderLabels(["轮次", "步骤", "结论", "意见", "审查人", "日期"])
        t.verticalHeader().hide()
        t.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def _connect(self) -> None:
        ui = self.ui
        ui.saveButton.clicked.connect(self.save)
        ui.approveButton.clicked.connect(lambda: self.sign(rv.APPROVE))
        ui.rejectButton.clicked.connect(lambda: self.sign(rv.REJECT))
        ui.resubmitButton.clicked.connect(self.resubmit)
        ui.printButton.clicked.connect(self.print_form)
        ui.closeButton.clicked.connect(self.accept)

    # ---- loading ----

    def current(self) -> rv.Review | None:
        return review.get(self.review_id) if self.review_id else None

    def load(self) -> None:
        r = self.current()
        if r is None:
            draft = (review.draft_for_case(self.case_id, self.today()) if self.case_id
                     else review.draft_for_item(self.item_id, self.today()))
            self.set_data(draft)
            self.ui.targetLabel.setText("新建保密审查表：填写内容后点“保存审查表内容”，再由各步骤逐级签署。")
        else:
            self.case_id, self.item_id = r.case_id, r.item_id
            self.set_data(r.data)
            kind = "依申请公开答复" if r.target == rv.CASE else "主动公开信息"
            name = "" if r.target_label == r.data.info_name else f"　　信息名称：{r.data.info_name}"
            self.ui.targetLabel.setText(f"{kind}：{r.target_label}{name}")
        self._show_state(r)

    def _show_state(self, r: rv.Review | None) -> None:
        ui = self.ui
        editable = r is None or rv.can_edit(r)
        ui.groupContent.setEnabled(editable)
        ui.saveButton.setText("保存审查表内容" if r is None or r.progress.status != rv.RETURNED else "保存修改")
        self._fill_steps(r)
        state = r.progress if r else None
        signing = state is not None and state.status == rv.PENDING
        for w in (ui.approveButton, ui.rejectButton, ui.f_person, ui.f_signed_on, ui.f_opinion):
            w.setEnabled(signing)
        ui.resubmitButton.setEnabled(state is not None and state.status == rv.RETURNED)
        ui.printButton.setEnabled(r is not None)
        if state is None:
            ui.statusLabel.setText("尚未保存")
            ui.nextStepLabel.setText("")
        elif state.status == rv.PENDING:
            label = rv.step_label(state.next_step or "", r.four_steps)
            frozen = "；内容已有人签署，不能再改，如需修改请由当前步骤退回" if state.current else ""
            ui.statusLabel.setText(f"状态：审查中（第{r.round}轮）{frozen}")
            ui.nextStepLabel.setText(f"当前步骤：{label}")
            ui.approveButton.setText(f"同意（签署“{label}”）")
            if not ui.f_signed_on.text():
                ui.f_signed_on.setText(self.today().isoformat())
        elif state.status == rv.RETURNED:
            by = rv.step_label(state.returned.step, r.four_steps)
            ui.statusLabel.setText(f"状态：已被“{by}”退回——{state.returned.opinion}。请修改内容后点“修改后重新提交”。")
            ui.nextStepLabel.setText("")
        else:
            ui.statusLabel.setText(f"状态：已通过（处理建议：{r.data.proposal}），可以公开。")
            ui.nextStepLabel.setText("")
        ui.statusLabel.setStyleSheet(_RED if state and state.status == rv.RETURNED else "")

    def _fill_steps(self, r: rv.Review | None) -> None:
        t = self.ui.stepsTable
        rows = []
        if r is not None:
            rows = [(str(s.round), rv.step_label(s.step, r.four_steps), s.decision, s.opinion, s.person,
                     cn_date(s.signed_on)) for s in r.signatures]
            state = r.progress
            if state.status == rv.PENDING:
                waiting = [k for k, _l in r.steps if k not in state.current]
                rows += [(str(r.round), rv.step_label(k, r.four_steps), "待签署", "", "", "") for k in waiting]
        t.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                cell = QTableWidgetItem(text)
                if row[2] == rv.REJECT:
                    cell.setForeground(QBrush(QColor("#b00020")))
                t.setItem(i, j, cell)
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    # ---- the form's content ----

    def set_data(self, d: ReviewData) -> None:
        ui = self.ui
        ui.f_info_name.setText(d.info_name)
        ui.f_info_no.setText(d.info_no)
        ui.f_section.setText(d.section)
        ui.f_carrier.setCurrentText(d.carrier)
        for box, name in zip(self._channels, rv.CHANNELS):
            box.setChecked(name in d.channels)
        ui.f_channel_other.setText(d.channel_other)
        ui.f_planned_on.setText(_date_text(d.planned_on))
        ui.f_filled_on.setText(_date_text(d.filled_on))
        for key, _label in rv.CHECKS:
            answer = d.checks.get(key, CheckAnswer())
            getattr(ui, f"f_check_{key}").setCurrentText(answer.answer)
            getattr(ui, f"note_{key}").setText(answer.note)
        ui.f_proposal.setCurrentText(d.proposal)
        ui.f_proposal_reason.setText(d.proposal_reason)

    def data(self, errors: dict[str, str]) -> ReviewData:
        ui = self.ui
        checks = {key: CheckAnswer(getattr(ui, f"f_check_{key}").currentText(),
                                   getattr(ui, f"note_{key}").text().strip()) for key, _l in rv.CHECKS}
        return ReviewData(
            info_name=ui.f_info_name.text().strip(), info_no=ui.f_info_no.text().strip(),
            section=ui.f_section.text().strip(), carrier=ui.f_carrier.currentText(),
            channels=tuple(n for box, n in zip(self._channels, rv.CHANNELS) if box.isChecked()),
            channel_other=ui.f_channel_other.text().strip(),
            planned_on=date_field(ui.f_planned_on.text(), "planned_on", errors),
            filled_on=date_field(ui.f_filled_on.text(), "filled_on", errors),
            checks=checks, proposal=ui.f_proposal.currentText(), proposal_reason=ui.f_proposal_reason.text().strip())

    def save(self) -> bool:
        errors: dict[str, str] = {}
        data = self.data(errors)
        if errors:
            self.content_errors.show(errors)
            return False
        try:
            if self.review_id is None:
                r = (review.create_for_case(self.case_id, data, self.today()) if self.case_id
                     else review.create_for_item(self.item_id, data, self.today()))
                self.review_id = r.id
            else:
                review.update(self.review_id, data, self.today())
        except ValidationError as exc:
            self.content_errors.show(exc.errors)
            return False
        except ServiceError as exc:
            QMessageBox.warning(self, "无法保存审查表", str(exc))
            return False
        self.content_errors.show({})
        self.load()
        self.changed.emit()
        return True

    # ---- steps ----

    def sign(self, decision: str) -> bool:
        r = self.current()
        if r is None or r.progress.next_step is None:
            return False
        errors: dict[str, str] = {}
        signed_on = date_field(self.ui.f_signed_on.text(), "signed_on", errors, required=True)
        if errors:
            self.sign_errors.show(errors)
            return False
        try:
            review.sign(r.id, r.progress.next_step, decision, self.ui.f_person.text(), signed_on,
                        self.ui.f_opinion.toPlainText(), self.today())
        except ValidationError as exc:
            self.sign_errors.show(exc.errors)
            return False
        except ServiceError as exc:
            QMessageBox.warning(self, "无法签署", str(exc))
            return False
        self.sign_errors.show({})
        self.ui.f_person.clear()
        self.ui.f_opinion.clear()
        self.load()
        self.changed.emit()
        return True

    def resubmit(self) -> bool:
        errors: dict[str, str] = {}
        data = self.data(errors)
        if errors:
            self.content_errors.show(errors)
            return False
        try:
            review.resubmit(self.review_id, data, today=self.today())
        except ValidationError as exc:
            self.content_errors.show(exc.errors)
            return False
        except ServiceError as exc:
            QMessageBox.warning(self, "无法重新提交", str(exc))
            return False
        self.content_errors.show({})
        self.load()
        self.changed.emit()
        return True

    def print_form(self) -> Path | None:
        """Fill the 政府信息公开保密审查表 and open it in Word/WPS for printing and hand signatures."""
        if self.review_id is None:
            return None
        try:
            path = review.render_form(self.review_id)
            self.last_printed = path
            self.open_document(path)
        except ServiceError as exc:
            QMessageBox.warning(self, "无法生成审查表", str(exc))
            return None
        self.ui.statusLabel.setText(self.ui.statusLabel.text() + f"\n已生成审查表：{path}")
        return path


_CONTENT_FIELDS = ["info_name", "info_no", "section", "carrier", "channels", "channel_other", "planned_on",
                   "filled_on", "proposal", "proposal_reason"] + [f"check_{k}" for k, _l in rv.CHECKS]


# ---------------------------------------------------------------- the review page


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.verticalHeader().hide()
    t.setWordWrap(False)
    return t


def _set_row(t: QTableWidget, i: int, values: list[str], key: int, colour: str | None = None) -> None:
    for j, text in enumerate(values):
        cell = QTableWidgetItem(text)
        cell.setData(Qt.ItemDataRole.UserRole, key)
        cell.setToolTip(text)
        if colour:
            cell.setBackground(QBrush(QColor(colour)))
        t.setItem(i, j, cell)


class ReviewPage(QWidget):
    """Reviews waiting at each step, oldest first; returned ones first (nothing moves until resubmitted)."""

    title = "保密审查"
    HEADERS = ["待办步骤", "等待自", "信息名称", "产生信息科室", "关联", "处理建议", "备注"]

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self._today = today
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.table = _table(self.HEADERS)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("打开审查表")
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button = QPushButton("刷新")
        self.refresh_button.clicked.connect(self.refresh)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        rows = review.waiting()
        self.table.setRowCount(len(rows))
        counts: dict[str, int] = {}
        for i, r in enumerate(rows):
            counts[r.step_label] = counts.get(r.step_label, 0) + 1
            target = f"申请 {r.target_label}" if r.target == rv.CASE else (
                "主动公开" if r.target_label == r.info_name else f"主动公开 {r.target_label}")
            colour = "#f8d7da" if r.status == rv.RETURNED else None
            _set_row(self.table, i, [r.step_label, cn_date(r.waiting_since), r.info_name, r.section, target,
                                     r.proposal, r.note], r.review_id, colour)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        parts = "，".join(f"{k} {v} 件" for k, v in counts.items())
        self.summary.setText(f"待办保密审查共 {len(rows)} 件" + (f"：{parts}" if parts else "") +
                             "。先审查、后公开：审查通过前，信息不得公开，答复不得发出。")

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def open_selected(self) -> ReviewDialog | None:
        review_id = self.selected_id()
        if review_id is None:
            return None
        return self.open_review(review_id)

    def open_review(self, review_id: int | None = None, case_id: int | None = None,
                    item_id: int | None = None) -> ReviewDialog:
        dialog = ReviewDialog(self, review_id=review_id, case_id=case_id, item_id=item_id, today=self._today)
        dialog.changed.connect(self.refresh)
        dialog.open()
        return dialog


def open_review_for_case(parent: QWidget, case_id: int, today: dt.date | None = None) -> ReviewDialog:
    """For the case view: the case's review (new if none, or if the last one was approved for an
    earlier answer the clerk may still open it)."""
    existing = review.for_case(case_id)
    dialog = ReviewDialog(parent, review_id=existing.id if existing else None, case_id=case_id, today=today)
    dialog.open()
    return dialog


# ---------------------------------------------------------------- the proactive register


class ItemDialog(QDialog):
    """Add or edit one 主动公开 entry."""

    FIELDS: list[tuple[str, str, str]] = [
        ("title", "信息名称（标题）", "text"), ("doc_no", "文号", "text"), ("kind", "类别", "kind"),
        ("section", "起草（产生）科室", "text"), ("made_on", "形成或变更日期", "date"), ("issued_on", "印发日期", "date"),
        ("attribute", "公开属性", "attribute"), ("attribute_reason", "依申请公开/不予公开理由", "text"),
        ("published_on", "公开日期", "date"), ("place", "公开载体", "place"), ("loaded_on", "内网平台加载日期", "date"),
        ("interpretation_title", "政策解读标题", "text"), ("interpretation_on", "政策解读公开日期", "date"),
        ("no_interpretation_reason", "不解读的领导同意情况", "text"), ("comment_start", "征求意见开始日期", "date"),
        ("comment_end", "征求意见截止日期", "date"), ("comment_exempt_reason", "不征求意见的理由", "text"),
        ("repealed_on", "废止（失效）日期", "date"), ("notes", "备注", "text"),
    ]

    def __init__(self, parent: QWidget | None = None, item_id: int | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle("主动公开信息" if item_id is None else "修改主动公开信息")
        self.item_id = item_id
        self._today = today
        self.item = None
        self.ui = SimpleNamespace()
        form = QFormLayout()
        for name, label, kind in self.FIELDS:
            widget = self._widget(kind)
            error = QLabel()
            error.setStyleSheet(_RED)
            setattr(self.ui, f"f_{name}", widget)
            setattr(self.ui, f"err_{name}", error)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(error)
            form.addRow(label, cell)
        self.release_reason = QLineEdit()
        self.release_reason.setPlaceholderText("由“不予公开”改为“主动公开”时必填：不予公开的理由已消失的情况")
        self.ui.f_release_reason, self.ui.err_release_reason = self.release_reason, QLabel()
        self.ui.err_release_reason.setStyleSheet(_RED)
        cell = QVBoxLayout()
        cell.addWidget(self.release_reason)
        cell.addWidget(self.ui.err_release_reason)
        form.addRow("调整为公开的理由", cell)
        self.general = QLabel()
        self.general.setStyleSheet(_RED)
        self.general.setWordWrap(True)
        self.errors = FieldErrors(self.ui, [n for n, _l, _k in self.FIELDS] + ["release_reason"], self.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.general)
        outer.addWidget(buttons)
        if item_id is not None:
            self.set_data(proactive.get(item_id).data)

    def _widget(self, kind: str) -> QWidget:
        if kind in ("kind", "attribute", "place"):
            combo = QComboBox()
            combo.addItems({"kind": ["", *pr.KINDS], "attribute": ["", *pr.ATTRIBUTES], "place": ["", *pr.PLACES]}[kind])
            combo.setEditable(kind == "place")
            return combo
        edit = QLineEdit()
        if kind == "date":
            edit.setPlaceholderText("如 2026-10-12")
        return edit

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def set_data(self, d: ItemData) -> None:
        for name, _label, kind in self.FIELDS:
            widget, value = getattr(self.ui, f"f_{name}"), getattr(d, name)
            if isinstance(widget, QComboBox):
                widget.setCurrentText(value or "")
            else:
                widget.setText(_date_text(value) if kind == "date" else (value or ""))

    def data(self, errors: dict[str, str]) -> ItemData:
        values = {}
        for name, _label, kind in self.FIELDS:
            widget = getattr(self.ui, f"f_{name}")
            text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
            values[name] = date_field(text, name, errors) if kind == "date" else text.strip()
        old = proactive.get(self.item_id).data if self.item_id else None
        values["review_due_on"] = old.review_due_on if old else None
        return ItemData(**values)

    def save(self) -> None:
        errors: dict[str, str] = {}
        data = self.data(errors)
        if errors:
            self.errors.show(errors)
            return
        try:
            if self.item_id is None:
                self.item = proactive.create(data, self.today())
            else:
                self.item = proactive.update(self.item_id, data, self.today(), self.release_reason.text())
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        except ServiceError as exc:
            self.errors.show({"_": str(exc)})
            return
        self.accept()


class ProactivePage(QWidget):
    """The 主动公开 register: each entry with its limits, warnings and secrecy review."""

    title = "主动公开"
    HEADERS = ["信息名称", "文号", "类别", "公开属性", "形成/变更", "公开日期", "期限", "保密审查", "提示"]

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self._today = today
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("按标题或文号查找")
        self.search.textChanged.connect(self.refresh)
        self.summary = QLabel()
        top.addWidget(self.search, 1)
        top.addWidget(self.summary)
        layout.addLayout(top)
        self.table = _table(self.HEADERS)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._show_details)
        layout.addWidget(self.table, 1)
        # The selected entry's limits and warnings in full: the table cell is too narrow for them.
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("登记主动公开信息…")
        self.edit_button = QPushButton("修改…")
        self.review_button = QPushButton("保密审查…")
        self.comments_button = QPushButton("征求意见…")
        self.comments_button.setToolTip("行政规范性文件草案收到的意见及每条意见的处理情况")
        self.withheld_button = QPushButton("动态调整复核…")
        self.withheld_button.setToolTip("不予公开的信息定期复核：继续不予公开，或理由消失后调整为主动公开")
        self.repeal_button = QPushButton("废止…")
        self.repeal_button.setToolTip("登记文件废止或失效的日期（年度报告第二项：本年废止、现行有效）")
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.review_button.clicked.connect(self.review_selected)
        self.comments_button.clicked.connect(self.comments_selected)
        self.withheld_button.clicked.connect(self.review_withheld_selected)
        self.repeal_button.clicked.connect(self.repeal_selected)
        for b in (self.new_button, self.edit_button, self.review_button, self.comments_button,
                  self.withheld_button, self.repeal_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.refresh()

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def refresh(self) -> None:
        rows = proactive.register_rows(self.search.text(), today=self.today())
        self.table.setRowCount(len(rows))
        late = 0
        for i, row in enumerate(rows):
            d = row.item.data
            limit = ""
            if row.urgent is not None:
                limit = f"{row.urgent.label}：{cn_date(row.urgent.due)}"
                if row.state == "overdue":
                    limit = "已超期！" + limit
                    late += 1
            elif row.limits:
                limit = "已按期完成" if not any(x.late for x in row.limits) else "已完成（超期）"
            if d.repealed_on:
                limit = f"已于{cn_date(d.repealed_on)}废止"
            review_text = row.item.review_status or ("未审查" if d.attribute == pr.PROACTIVE else "")
            _set_row(self.table, i, [d.title, d.doc_no, d.kind, d.attribute, cn_date(d.made_on), cn_date(d.published_on),
                                     limit, review_text, "；".join(row.warnings)], row.item.id,
                     _URGENCY_COLOURS.get(row.state) if row.urgent is not None else None)
        self._rows = {row.item.id: row for row in rows}
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 280))
        self.table.setColumnWidth(8, 240)  # the full warnings are in the panel below
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary.setText(f"共 {len(rows)} 条，超期 {late} 条")
        self._show_details()

    def _show_details(self) -> None:
        row = self._rows.get(self.selected_id()) if hasattr(self, "_rows") else None
        self._enable_actions(row)
        if row is None:
            self.details.setText("选中一条信息，可在此查看其各项期限的计算依据和提示。")
            return
        d = row.item.data
        lines = [f"【{d.title}】"]
        lines += [f"· {lim.label}：{lim.explanation}" + (f"；已于{cn_date(lim.done_on)}完成" if lim.done_on else "")
                  for lim in row.limits]
        if d.attribute == pr.WITHHELD and d.review_due_on:
            lines.append(f"· 不予公开，应于{cn_date(d.review_due_on)}复核（点“动态调整复核…”）")
        if d.repealed_on:
            lines.append(f"· 已于{cn_date(d.repealed_on)}废止（失效）")
        if d.kind == pr.NORM_DOC and row.item.comments:
            open_ = sum(1 for c in row.item.comments if not c.handling)
            lines.append(f"· 收到征求意见{len(row.item.comments)}条，未处理{open_}条")
        lines += [f"⚠ {w}" for w in row.warnings]
        self.details.setText("\n".join(lines))

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _enable_actions(self, row) -> None:
        """Offer only the actions that fit the selected entry."""
        d = row.item.data if row is not None else None
        for b in (self.edit_button, self.review_button, self.repeal_button):
            b.setEnabled(d is not None)
        self.comments_button.setEnabled(d is not None and d.kind == pr.NORM_DOC)
        self.withheld_button.setEnabled(d is not None and d.attribute == pr.WITHHELD and d.repealed_on is None)

    def _open_for_selected(self, dialog_class, refresh_on: str = "accepted"):
        """Open `dialog_class` for the selected item; the register refreshes when it reports back."""
        item_id = self.selected_id()
        if item_id is None:
            return None
        dialog = dialog_class(self, item_id, today=self._today)
        getattr(dialog, refresh_on).connect(self.refresh)
        dialog.open()
        return dialog

    def comments_selected(self) -> ProactiveCommentsDialog | None:
        return self._open_for_selected(ProactiveCommentsDialog, "changed")

    def review_withheld_selected(self) -> WithheldReviewDialog | None:
        return self._open_for_selected(WithheldReviewDialog)

    def repeal_selected(self) -> RepealDialog | None:
        return self._open_for_selected(RepealDialog)

    def new_item(self) -> ItemDialog:
        dialog = ItemDialog(self, today=self._today)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def edit_selected(self) -> ItemDialog | None:
        item_id = self.selected_id()
        if item_id is None:
            return None
        dialog = ItemDialog(self, item_id, today=self._today)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def review_selected(self) -> ReviewDialog | None:
        item_id = self.selected_id()
        if item_id is None:
            return None
        existing = review.for_item(item_id)
        dialog = ReviewDialog(self, review_id=existing.id if existing else None, item_id=item_id, today=self._today)
        dialog.changed.connect(self.refresh)
        dialog.open()
        return dialog


def review_page(window) -> ReviewPage:
    """EXTRA_PAGES factory for the main window."""
    return ReviewPage(window, today=getattr(window, "_today", None))


def proactive_page(window) -> ProactivePage:
    return ProactivePage(window, today=getattr(window, "_today", None))
