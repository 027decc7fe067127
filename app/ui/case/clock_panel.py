"""The legal clock in the case view: every limit of the case in the 期限 box, and the toolbar actions
that move the clock (补正, 征求意见, 收费, 延期, 另定期限, 答复), each through a small dialog.

The limits and their wording come from services.deadlines (domain.clock); which step may be taken
in which status from domain.case_flow; this module only shows them and calls services.actions.
After a step is recorded, `step_recorded(key, values)` lets the case view offer its notice.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QMenu, QTableWidget, QTableWidgetItem, QToolButton, QWidget

from app.domain import case_flow, outcomes
from app.domain.clock import Limit
from app.domain.dates import cn_date
from app.services import actions, deadlines, register
from app.services import settings as office
from app.ui.case.limits import LOAD_YEAR_PROMPT, ORANGE, limit_colour, limit_state, unconfirmed_text
from app.ui.common.events import Changes
from app.ui.common.fields_dialog import Field, FieldsDialog, submit_dialog


class ClockPanel(QWidget):
    """A table of all limits of a case inside the case view's 期限 box; the binding answer limit is
    summarised in bold above it (the box's own label)."""

    COLUMNS = ("期限", "到期日", "状态")
    GROUPS = ((True, "法定期限"), (False, "本机关流程"))

    def __init__(self, view):
        super().__init__(view.deadline_panel)
        self.view = view
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.prompt.hide()
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("clockTable")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(20)
        rows.setDefaultSectionSize(22)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = view.deadline_panel.layout()
        layout.addWidget(self.prompt)
        layout.addWidget(self.table)
        bold = view.ui.deadlineLabel.font()
        bold.setBold(True)
        view.ui.deadlineLabel.setFont(bold)

    def show_limits(self, limits: tuple[Limit, ...], binding: Limit | None, today: dt.date) -> None:
        cal = deadlines._calendar()
        self.table.clearSpans()
        self.table.setRowCount(0)
        for legal, heading in self.GROUPS:
            group = [l for l in limits if l.legal == legal]
            if group:
                self._heading_row(heading)
            for limit in group:
                self._fill_row(self._new_row(), limit, limit is binding, today, cal)
        self._fit_height()
        unsure = [l for l in limits if l.unconfirmed and l.shown and l.done_on is None]
        years = sorted({y for l in unsure for y in l.unconfirmed_years})
        self.prompt.setVisible(bool(years))
        self.prompt.setText(f"{'、'.join(f'{y}年' for y in years)}节假日安排未确认，标“未确认”的日期暂按周末和法定节假日计算。"
                            f"{LOAD_YEAR_PROMPT}。" if years else "")
        self._summary(binding, today, cal)

    def _fit_height(self) -> None:
        """Show every limit without a scroll bar (a case has about ten), up to a sane height."""
        t = self.table
        rows = sum(t.rowHeight(r) for r in range(t.rowCount()))
        t.setFixedHeight(min(t.horizontalHeader().sizeHint().height() + rows + 2 * t.frameWidth() + 2, 300))

    def _new_row(self) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        return row

    def _heading_row(self, text: str) -> None:
        """法定期限 / 本机关流程: the two kinds of limit, in separate groups."""
        row = self._new_row()
        item = QTableWidgetItem(text)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setBackground(QBrush(QColor("#eef2f7")))
        item.setToolTip("法定期限：条例规定的期限；本机关流程：乡政府依申请公开办理工作流程规定的内部环节期限")
        self.table.setItem(row, 0, item)
        self.table.setSpan(row, 0, 1, len(self.COLUMNS))

    def _fill_row(self, row: int, limit: Limit, binding: bool, today: dt.date, cal) -> None:
        state = limit_state(limit, today, cal)
        if limit.unconfirmed and limit.done_on is None and not limit.superseded:
            state += "（未确认）"
        texts = (limit.label, cn_date(limit.due) if limit.due else "—", state)
        tip = limit.explanation + ("\n" + unconfirmed_text(limit) if limit.unconfirmed else "")
        colour = limit_colour(limit, today, cal)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.UserRole, limit.key)
            if colour is not None:
                item.setForeground(QBrush(colour))
            if binding:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setBackground(QBrush(QColor("#fdf2e9")))
            if column == 2 and limit.unconfirmed and limit.done_on is None and not limit.superseded:
                item.setForeground(QBrush(ORANGE))
            self.table.setItem(row, column, item)

    def _summary(self, binding: Limit | None, today: dt.date, cal) -> None:
        if binding is None:
            self.view.set_deadline_text("")
            return
        when = cn_date(binding.due) if binding.due else "暂停计算"
        text = f"{binding.label}：{when}（{limit_state(binding, today, cal)}）"
        if binding.unconfirmed and binding.done_on is None:
            text += " 未确认"
        self.view.set_deadline_text(text, binding.explanation)

    def rows(self) -> list[list[str]]:
        """The limit rows as the clerk reads them (group headings left out)."""
        t = self.table
        return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())
                if t.columnSpan(r, 0) == 1]

    def row_for(self, label: str) -> list[str]:
        return next(r for r in self.rows() if r[0] == label)


# ---------------------------------------------------------------- the actions


@dataclass(frozen=True)
class ClockAction:
    key: str  # a step of domain.case_flow
    text: str
    rule: str
    run: Callable[[int, dt.date, dict, bool], Any]  # (case_id, on, values, accept_late)
    fields: Callable[[int], list[Field]] = field(default=lambda case_id: [])
    applies: Callable[[int], bool] = field(default=lambda case_id: True)


def _events(case_id: int) -> set[str]:
    return {e.kind for e in register.timeline(case_id)}


def _outcome_choices() -> tuple[tuple[str, str], ...]:
    return tuple((f"{o.code} {outcomes.short_label(o.code)}", o.code) for o in outcomes.OUTCOMES)


def _consultation_choices(case_id: int) -> tuple[tuple[str, int], ...]:
    return tuple((f"{c['party']}（{cn_date(c['on'])}发出）", c["id"]) for c in actions.open_consultations(case_id))


def _delivery_choices(case_id: int) -> tuple[tuple[str, int], ...]:
    return tuple((f"{d['what']}（{cn_date(d['on'])}发出" + (f"，已于{cn_date(d['delivered_on'])}送达）" if d["delivered_on"]
                                                          else "，未登记送达）"), d["id"])
                 for d in actions.pending_deliveries(case_id))


def _send_fee(case_id: int, on: dt.date, v: dict):
    """The amount typed, or empty for the 国办函〔2020〕109号 standard; pages only for 按量计收."""
    from app.services.errors import ValidationError

    text = str(v.get("amount") or "").strip()
    try:
        amount = float(text) if text else None
    except ValueError:
        raise ValidationError({"amount": "应缴金额应为数字，或留空按标准计算"}) from None
    pages = v["pages"] if v["method"] == "按量计收" else None
    return actions.send_fee_notice(case_id, on, amount, method=v["method"], pages=pages,
                                   override_reason=v.get("override_reason", ""))


ACTIONS: tuple[ClockAction, ...] = (
    ClockAction(
        "send_correction", "发出补正告知", "条例第三十条：申请内容不明确的，应自收到申请之日起7个工作日内一次性告知补正。",
        lambda cid, on, v, late: actions.send_correction(cid, on, v["items"], v["period_days"], accept_late=late),
        lambda cid: [Field("items", "需补正的事项", "multiline", hint="一次性写明全部需要补正的内容"),
                     Field("period_days", "补正期限", "int", office.load().correction_period)],
        lambda cid: deadlines.CORRECTION_SENT not in _events(cid)),
    ClockAction(
        "reviewed", "审查完成", "本机关流程：收到申请后2个工作日内完成审查；申请内容明确、无需补正的，记录审查完成。",
        lambda cid, on, v, late: actions.complete_step(cid, "reviewed", on, v["note"]),
        lambda cid: [Field("note", "审查意见", default="申请内容明确，无需补正")],
        lambda cid: deadlines.REVIEWED not in _events(cid)),
    ClockAction(
        "draft_done", "拟答复完成", "本机关流程：收到申请后7个工作日内提出拟答复意见（或延期意见）。",
        lambda cid, on, v, late: actions.complete_step(cid, "draft_done", on, ""),
        applies=lambda cid: deadlines.DRAFT_DONE not in _events(cid)),
    ClockAction(
        "signed", "已送签", "本机关流程：拟答复意见形成后3个工作日内送分管领导签发。",
        lambda cid, on, v, late: actions.complete_step(cid, "signed", on, ""),
        applies=lambda cid: deadlines.SIGNED not in _events(cid)),
    ClockAction(
        "receive_correction", "收到补正", "条例第三十条：答复期限自收到补正后的申请之日起重新计算。",
        lambda cid, on, v, late: actions.receive_correction(cid, on, v.get("reason", ""))),
    ClockAction(
        "correction_lapsed", "申请人逾期未补正", "条例第三十条：申请人无正当理由逾期不补正的，视为放弃申请（办理结果6.1）。",
        lambda cid, on, v, late: actions.correction_lapsed(cid, on)),
    ClockAction(
        "start_consultation", "发起征求意见",
        "条例第三十二条、第三十四条：征求第三方或其他机关意见所需时间不计算在答复期限内（最长15个工作日）。",
        lambda cid, on, v, late: actions.start_consultation(cid, on, v["party"], v["party_kind"]),
        lambda cid: [Field("party", "征求意见对象"),
                     Field("party_kind", "对象类别", "choice", choices=(("第三方", "third_party"), ("其他机关", "agency")))]),
    ClockAction(
        "receive_opinion", "收到意见", "收到意见的次日起恢复计算答复期限。",
        lambda cid, on, v, late: actions.receive_opinion(cid, v["consultation"], on, v["opinion"]),
        lambda cid: [Field("consultation", "征求意见", "choice", choices=_consultation_choices(cid)),
                     Field("opinion", "意见摘要", "multiline")],
        lambda cid: bool(actions.open_consultations(cid))),
    ClockAction(
        "send_fee_notice", "发出收费通知", "条例第四十二条、国办函〔2020〕109号：按件或按量计收（只能选其一），金额按标准计算；"
        "申请人应自收到收费通知之次日起20个工作日内缴费，缴费期间不计算在答复期限内。",
        lambda cid, on, v, late: _send_fee(cid, on, v),
        lambda cid: [Field("method", "计收方式", "choice", choices=(("按件计收", "按件计收"), ("按量计收", "按量计收"))),
                     Field("pages", "页数（按量计收）", "count"),
                     Field("amount", "应缴金额（元）", hint="留空按国办函〔2020〕109号标准计算；与标准不同的须填写调整理由"),
                     Field("override_reason", "金额调整理由", hint="如申请人申请减免")]),
    ClockAction(
        "record_delivery", "登记送达",
        "收费通知书、征求意见书送达后登记送达日期（送达回证、邮件签收日期；当面送达为交付当日）："
        "缴费期限自收到之次日起20个工作日（国办函〔2020〕109号），提出意见的期限自收到之日起15个工作日"
        "（条例第三十二条、第三十四条）。",
        lambda cid, on, v, late: actions.record_delivery(cid, v["ref"], on, v["method"]),
        lambda cid: [Field("ref", "送达的文书", "choice", choices=_delivery_choices(cid)),
                     Field("method", "送达方式", "choice", choices=tuple((m, m) for m in actions.DELIVERY_METHODS))],
        lambda cid: bool(actions.pending_deliveries(cid))),
    ClockAction(
        "fee_paid", "已缴费", "缴费后的次日起恢复计算答复期限。",
        lambda cid, on, v, late: actions.fee_paid(cid, on)),
    ClockAction(
        "fee_lapsed", "逾期未缴费", "国办函〔2020〕109号：逾期未缴纳费用的，视为放弃申请（办理结果6.2）。",
        lambda cid, on, v, late: actions.fee_lapsed(cid, on)),
    ClockAction(
        "extend", "延期", "条例第三十三条第二款：需要延长答复期限的，应经政府信息公开工作机构负责人同意并告知申请人，"
        "延长的期限最长不得超过20个工作日。",
        lambda cid, on, v, late: actions.extend(cid, on, v["approved_by"], accept_late=late),
        lambda cid: [Field("approved_by", "批准人", default=office.load().leader)],
        lambda cid: deadlines.EXTENDED not in _events(cid)),
    ClockAction(
        "custom_due", "另定期限（第三十五条）",
        "条例第三十五条：申请人申请公开政府信息的数量、频次明显超过合理范围，说明理由合理但无法在规定期限内答复的，"
        "可以确定延迟答复的合理期限并告知申请人。",
        lambda cid, on, v, late: actions.set_custom_due(cid, on, v["due"], v["reason"]),
        lambda cid: [Field("due", "另定答复期限", "date"), Field("reason", "理由", "multiline")]),
    ClockAction(
        "answer", "答复", "条例第三十三条：按办理结果作出答复（办理结果即年度报告表三的行次）。",
        lambda cid, on, v, late: actions.answer(cid, v["code"], on, accept_late=late),
        lambda cid: [Field("code", "办理结果", "choice", choices=_outcome_choices())]),
)


INTERNAL_STEP_KEYS = ("reviewed", "draft_done", "signed")


class CaseClock(QObject):
    """Wires the panel and the toolbar actions into one case view. After a step is stored (and
    announced), `step_recorded(key, values)`."""

    step_recorded = Signal(str, object)

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.panel = ClockPanel(view)
        self.buttons = {}
        view.ui.actionsBar.addSeparator()
        # The township's own steps share one drop-down button: the toolbar is full on a small screen.
        steps = QMenu("本机关流程", view)
        for spec in ACTIONS:
            if spec.key in INTERNAL_STEP_KEYS:
                act = steps.addAction(spec.text)
                act.setToolTip(spec.rule)
                act.triggered.connect(lambda _=False, s=spec: self.perform(s.key))
            else:
                act = view.add_action(spec.text, lambda _=False, s=spec: self.perform(s.key), spec.rule)
            act.setObjectName(f"clock_{spec.key}")
            self.buttons[spec.key] = act
        steps.setToolTipsVisible(True)
        button = QToolButton(view)
        button.setText("本机关流程")
        button.setToolTip("记录审查完成、拟答复完成、已送签（本乡依申请公开办理工作流程）")
        button.setMenu(steps)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        view.ui.actionsBar.insertWidget(self.buttons["send_correction"], button)  # 审查 comes first
        self.steps_menu = steps

    def refresh(self, case) -> None:
        today = self.view.ctx.today()
        result = deadlines.case_limits(case.id, today)
        self.panel.show_limits(result.limits, result.answer, today)
        for spec in ACTIONS:
            self.buttons[spec.key].setEnabled(case_flow.allowed(spec.key, case.status) and spec.applies(case.id))

    def perform(self, key: str) -> None:
        """Open the step's dialog; store on OK (asking before recording a late step); then offer the
        notice that tells the applicant."""
        spec = next(s for s in ACTIONS if s.key == key)
        view = self.view
        case_id = view.case_id
        dialog = FieldsDialog(view, spec.text, spec.rule, spec.fields(case_id), view.ctx.today(),
                              submit=lambda d: submit_dialog(d, spec.text, lambda on, v, late: spec.run(case_id, on, v, late),
                                                             view.ctx.events, Changes.case(case_id)))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        values = dialog.values()
        dialog.deleteLater()
        if accepted:
            view.statusBar().showMessage(f"已记录：{spec.text}", 5000)
            self.step_recorded.emit(key, values)
