"""The 政府信息公开保密审查表 as a dialog: fill in the content (editable before signing or after a
rejection), sign its steps, reject, resubmit, print. Opened from the 保密审查 page, the 主动公开 page
and the case view, so it is shared by all three.

本乡保密审查制度: "先审查、后公开；谁公开、谁审查" (docs/legal/requests.md). Views call services only.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from app.domain import review as rv
from app.domain.dates import cn_date
from app.domain.review import CheckAnswer, ReviewData
from app.services import review
from app.ui.common import errors, tasks
from app.ui.common.context import Context
from app.ui.common.events import Changes
from app.ui.common.field_errors import FieldErrors, date_field
from app.ui.common.print_preview import preview_and_print
from app.ui.forms.ui_review_dialog import Ui_ReviewDialog

RED = "color: #b00020;"


def date_text(d: dt.date | None) -> str:
    return d.isoformat() if d else ""




class ReviewDialog(QDialog):
    """One 保密审查表: its content (editable before signing or after a rejection) and its steps."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, review_id: int | None = None, case_id: int | None = None,
                 item_id: int | None = None, today: dt.date | None = None, ctx: Context | None = None):
        super().__init__(parent)
        self.ui = Ui_ReviewDialog()
        self.ui.setupUi(self)
        self.ctx = ctx or Context.standalone(today)
        self.case_id, self.item_id = case_id, item_id
        self.review_id = review_id
        # The printed form goes to the print preview (printer, copies; Word/WPS from there).
        self.open_document: Callable[[Path], object] = \
            lambda path: preview_and_print(self, path, f"保密审查表：{path.stem}")
        self.last_printed: Path | None = None
        self._channels = [getattr(self.ui, f"ch_{i}") for i in range(len(rv.CHANNELS))]
        self._setup_widgets()
        self.content_errors = FieldErrors(self.ui, _CONTENT_FIELDS, self.ui.err_content)
        self.sign_errors = FieldErrors(self.ui, ["person", "signed_on", "opinion"], self.ui.err_step)
        self._connect()
        self.load()

    def today(self) -> dt.date:
        return self.ctx.today()

    def _setup_widgets(self) -> None:
        ui = self.ui
        ui.f_carrier.addItems(["", *rv.CARRIERS])
        ui.f_proposal.addItems(["", *rv.PROPOSALS])
        for key, _label in rv.CHECKS:
            getattr(ui, f"f_check_{key}").addItems(["", rv.YES, rv.NO])
            getattr(ui, f"f_check_{key}").setMinimumWidth(72)
        for label in [ui.statusLabel] + [w for n, w in vars(ui).items() if n.startswith("err_")]:
            if label is not ui.statusLabel:
                label.setStyleSheet(RED)
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
        ui.statusLabel.setStyleSheet(RED if state and state.status == rv.RETURNED else "")

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
        ui.f_planned_on.setText(date_text(d.planned_on))
        ui.f_filled_on.setText(date_text(d.filled_on))
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

    def save(self) -> None:
        errors_: dict[str, str] = {}
        data = self.data(errors_)
        if errors_:
            self.content_errors.show(errors_)
            return
        review_id, case_id, item_id, today = self.review_id, self.case_id, self.item_id, self.today()

        def store() -> int:
            if review_id is not None:
                review.update(review_id, data, today)
                return review_id
            created = (review.create_for_case(case_id, data, today) if case_id
                       else review.create_for_item(item_id, data, today))
            return created.id

        self._write(store, "无法保存审查表", self.content_errors.show)

    # ---- steps ----

    def sign(self, decision: str) -> None:
        r = self.current()
        if r is None or r.progress.next_step is None:
            return
        errors_: dict[str, str] = {}
        signed_on = date_field(self.ui.f_signed_on.text(), "signed_on", errors_, required=True)
        if errors_:
            self.sign_errors.show(errors_)
            return
        step, person, opinion, today = r.progress.next_step, self.ui.f_person.text(), self.ui.f_opinion.toPlainText(), \
            self.today()

        def store() -> int:
            review.sign(r.id, step, decision, person, signed_on, opinion, today)
            return r.id

        self._write(store, "无法签署", self.sign_errors.show, after=self._signed)

    def _signed(self) -> None:
        self.ui.f_person.clear()
        self.ui.f_opinion.clear()

    def resubmit(self) -> None:
        errors_: dict[str, str] = {}
        data = self.data(errors_)
        if errors_:
            self.content_errors.show(errors_)
            return
        review_id, today = self.review_id, self.today()

        def store() -> int:
            review.resubmit(review_id, data, today=today)
            return review_id

        self._write(store, "无法重新提交", self.content_errors.show)

    def _write(self, store: Callable[[], int], failed_title: str, show_errors: Callable[[dict], None],
               after: Callable[[], None] | None = None) -> None:
        """A write of the review as a background operation; then reload and announce it."""
        def done(review_id: int) -> None:
            self.review_id = review_id
            self.content_errors.show({})
            self.sign_errors.show({})
            if after is not None:
                after()
            self.load()
            self.changed.emit()

        def changes(_review_id: int) -> Changes:
            return Changes.case(self.case_id) if self.case_id else Changes(cases=True)

        tasks.Operation(self, store, busy="正在保存审查表…").success(done) \
            .failure(lambda exc: errors.report(self, exc, failed_title, show_errors)) \
            .announce(self.ctx.events, changes).run()

    def print_form(self) -> Path | None:
        """Fill the 政府信息公开保密审查表 and show it in the print preview, for printing and hand signatures."""
        if self.review_id is None:
            return None
        try:
            path = review.render_form(self.review_id, today=self.today())
            self.last_printed = path
            self.open_document(path)
        except Exception as exc:  # noqa: BLE001 - the one error path tells every kind of failure
            errors.report(self, exc, "无法生成审查表")
            return None
        self.ui.statusLabel.setText(self.ui.statusLabel.text() + f"\n已生成审查表：{path}")
        return path


_CONTENT_FIELDS = ["info_name", "info_no", "section", "carrier", "channels", "channel_other", "planned_on",
                   "filled_on", "proposal", "proposal_reason"] + [f"check_{k}" for k, _l in rv.CHECKS]


def open_review_for_case(parent: QWidget, case_id: int, ctx: Context | None = None) -> ReviewDialog:
    """For the case view: the case's review (new if none, or if the last one was approved for an
    earlier answer the clerk may still open it)."""
    existing = review.for_case(case_id)
    dialog = ReviewDialog(parent, review_id=existing.id if existing else None, case_id=case_id, ctx=ctx)
    dialog.open()
    return dialog
