"""The legal clock in the case view: every limit of the case in the 期限 box, and the toolbar actions
that move the clock (补正, 征求意见, 收费, 延期, 另定期限, 答复), each through a small dialog.

The limits and their wording come from services.deadlines (domain.clock); this module only shows
them and calls services.actions. Registered through case_view.CASE_VIEW_EXTENSIONS.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QHeaderView, QLabel, QLineEdit, QMenu,
                               QMessageBox, QPlainTextEdit, QSpinBox, QTableWidget, QTableWidgetItem, QToolButton, QWidget)

from app.domain import clock, outcomes
from app.domain.clock import Limit
from app.domain.dates import cn_date
from app.services import actions, deadlines, register
from app.services import settings as office
from app.services.errors import ServiceError, ValidationError
from app.ui.forms.ui_clock_action_dialog import Ui_ClockActionDialog

LOAD_YEAR_PROMPT = "请在“工作日历”页面载入该年度节假日安排"
RED = QColor("#c0392b")
ORANGE = QColor("#d35400")
GREY = QColor("#7f8c8d")
ANSWER_KEYS = ("custom_answer", "extended", "answer")


# ---------------------------------------------------------------- reading a limit


def limit_state(limit: Limit, today: dt.date, cal) -> str:
    """What the clerk needs to know about a limit today, in words: 剩余N个工作日 / 已超期N个工作日 / …"""
    if limit.superseded:
        return "已由其他期限取代"
    if limit.done_on is not None:
        return f"已完成（{cn_date(limit.done_on)}{'，晚于期限' if limit.late else ''}）"
    if limit.due is None:
        return "暂停" if limit.paused else "—"
    left = clock.days_left(limit, today, cal)
    if left < 0:
        return "已过（不再适用）" if limit.optional else f"已超期{-left}个工作日"
    return "今日到期" if left == 0 else f"剩余{left}个工作日"


def limit_colour(limit: Limit, today: dt.date, cal) -> QColor | None:
    level = clock.urgency(limit, today, cal)
    if level in (clock.OVERDUE, clock.DUE_TODAY):
        return RED
    if level == clock.DUE_SOON:
        return ORANGE
    if level in (clock.DONE, clock.SUPERSEDED, clock.LAPSED):
        return GREY
    return None


def unconfirmed_text(limit: Limit) -> str:
    years = "、".join(f"{y}年" for y in limit.unconfirmed_years)
    return f"未确认：计算跨越{years}，该年度节假日安排尚未确认（暂按周末计算）。{LOAD_YEAR_PROMPT}"


# ---------------------------------------------------------------- the panel


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
        self.prompt.setText(f"{'、'.join(f'{y}年' for y in years)}节假日安排未确认，标“未确认”的日期暂按周末计算。"
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

    def headings(self) -> list[str]:
        t = self.table
        return [t.item(r, 0).text() for r in range(t.rowCount()) if t.columnSpan(r, 0) > 1]

    def row_for(self, label: str) -> list[str]:
        return next(r for r in self.rows() if r[0] == label)


# ---------------------------------------------------------------- the action dialog


def chinese_buttons(box: QDialogButtonBox) -> None:
    """The program ships no Qt translation, so name the standard buttons here."""
    for which, text in ((QDialogButtonBox.StandardButton.Ok, "确定"), (QDialogButtonBox.StandardButton.Cancel, "取消")):
        button = box.button(which)
        if button is not None:
            button.setText(text)


def confirm_late(parent: QWidget, message: str) -> bool:
    """LateAction: the clerk decides whether to record the late step anyway (it is noted as late)."""
    box = QMessageBox(QMessageBox.Icon.Question, "已超过期限", message,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText("仍然记录")
    box.button(QMessageBox.StandardButton.No).setText("不记录")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text | multiline | int | money | choice | date
    default: Any = None
    choices: tuple[tuple[str, Any], ...] = ()
    hint: str = ""


class ClockActionDialog(QDialog):
    """Date (default today) plus the action's own inputs; the explanation of the rule on top."""

    def __init__(self, parent: QWidget, title: str, rule: str, fields: list[Field], today: dt.date):
        super().__init__(parent)
        self.ui = Ui_ClockActionDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.ruleLabel.setText(rule)
        self.ui.f_on.setDate(QDate(today))
        self.ui.f_on.setMaximumDate(QDate(today))
        chinese_buttons(self.ui.buttonBox)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.inputs: dict[str, QWidget] = {}
        for f in fields:
            widget = self._make(f, today)
            widget.setObjectName(f"f_{f.name}")
            if f.hint:
                widget.setToolTip(f.hint)
            self.ui.form.addRow(f.label, widget)
            self.inputs[f.name] = widget

    @staticmethod
    def _make(f: Field, today: dt.date) -> QWidget:
        if f.kind == "multiline":
            w = QPlainTextEdit()
            w.setPlainText(f.default or "")
            w.setFixedHeight(80)
        elif f.kind == "int":
            w = QSpinBox()
            w.setRange(1, 60)
            w.setSuffix(" 个工作日")
            w.setValue(int(f.default or 15))
        elif f.kind == "money":
            w = QDoubleSpinBox()
            w.setRange(0, 100000)
            w.setDecimals(2)
            w.setSuffix(" 元")
            w.setValue(float(f.default or 0))
        elif f.kind == "choice":
            w = QComboBox()
            for text, data in f.choices:
                w.addItem(text, data)
        elif f.kind == "date":
            from PySide6.QtWidgets import QDateEdit

            w = QDateEdit(QDate(f.default or today + dt.timedelta(days=30)))
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy年M月d日")
        else:
            w = QLineEdit(f.default or "")
        return w

    def on(self) -> dt.date:
        return self.ui.f_on.date().toPython()

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, w in self.inputs.items():
            if isinstance(w, QPlainTextEdit):
                out[name] = w.toPlainText()
            elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
                out[name] = w.value()
            elif isinstance(w, QComboBox):
                out[name] = w.currentData()
            elif isinstance(w, QLineEdit):
                out[name] = w.text()
            else:
                out[name] = w.date().toPython()
        return out

    def show_errors(self, errors: dict[str, str]) -> None:
        self.ui.errorLabel.setText("\n".join(errors.values()))


# ---------------------------------------------------------------- the actions


@dataclass(frozen=True)
class ClockAction:
    key: str
    text: str
    rule: str
    statuses: frozenset[str]
    run: Callable[[int, dt.date, dict, bool], Any]  # (case_id, on, values, accept_late)
    fields: Callable[[int], list[Field]] = field(default=lambda case_id: [])
    applies: Callable[[int], bool] = field(default=lambda case_id: True)


_BEFORE_ANSWER = frozenset({"登记", "审查中", "办理中", "征求意见中", "待缴费", "已延期"})
_OPEN = _BEFORE_ANSWER | {"补正中"}


def _events(case_id: int) -> set[str]:
    return {e.kind for e in register.timeline(case_id)}


def _outcome_choices() -> tuple[tuple[str, str], ...]:
    return tuple((f"{o.code} {outcomes.short_label(o.code)}", o.code) for o in outcomes.OUTCOMES)


def _consultation_choices(case_id: int) -> tuple[tuple[str, int], ...]:
    return tuple((f"{c['party']}（{cn_date(c['on'])}发出）", c["id"]) for c in actions.open_consultations(case_id))


ACTIONS: tuple[ClockAction, ...] = (
    ClockAction(
        "send_correction", "发出补正告知", "条例第三十条：申请内容不明确的，应自收到申请之日起7个工作日内一次性告知补正。",
        frozenset({"登记", "审查中", "办理中"}),
        lambda cid, on, v, late: actions.send_correction(cid, on, v["items"], v["period_days"], accept_late=late),
        lambda cid: [Field("items", "需补正的事项", "multiline", hint="一次性写明全部需要补正的内容"),
                     Field("period_days", "补正期限", "int", office.load().correction_period)],
        lambda cid: deadlines.CORRECTION_SENT not in _events(cid)),
    ClockAction(
        "reviewed", "审查完成", "本机关流程：收到申请后2个工作日内完成审查；申请内容明确、无需补正的，记录审查完成。",
        frozenset({"登记", "审查中"}), lambda cid, on, v, late: actions.complete_step(cid, "reviewed", on, v["note"]),
        lambda cid: [Field("note", "审查意见", default="申请内容明确，无需补正")],
        lambda cid: deadlines.REVIEWED not in _events(cid)),
    ClockAction(
        "draft_done", "拟答复完成", "本机关流程：收到申请后7个工作日内提出拟答复意见（或延期意见）。",
        _BEFORE_ANSWER, lambda cid, on, v, late: actions.complete_step(cid, "draft_done", on, ""),
        applies=lambda cid: deadlines.DRAFT_DONE not in _events(cid)),
    ClockAction(
        "signed", "已送签", "本机关流程：拟答复意见形成后3个工作日内送分管领导签发。",
        _BEFORE_ANSWER, lambda cid, on, v, late: actions.complete_step(cid, "signed", on, ""),
        applies=lambda cid: deadlines.SIGNED not in _events(cid)),
    ClockAction(
        "receive_correction", "收到补正", "条例第三十条：答复期限自收到补正后的申请之日起重新计算。",
        frozenset({"补正中"}), lambda cid, on, v, late: actions.receive_correction(cid, on)),
    ClockAction(
        "correction_lapsed", "申请人逾期未补正", "条例第三十条：申请人无正当理由逾期不补正的，视为放弃申请（办理结果6.1）。",
        frozenset({"补正中"}), lambda cid, on, v, late: actions.correction_lapsed(cid, on)),
    ClockAction(
        "start_consultation", "发起征求意见",
        "条例第三十二条、第三十四条：征求第三方或其他机关意见所需时间不计算在答复期限内（最长15个工作日）。",
        _BEFORE_ANSWER,
        lambda cid, on, v, late: actions.start_consultation(cid, on, v["party"], v["party_kind"]),
        lambda cid: [Field("party", "征求意见对象"),
                     Field("party_kind", "对象类别", "choice", choices=(("第三方", "third_party"), ("其他机关", "agency")))]),
    ClockAction(
        "receive_opinion", "收到意见", "收到意见的次日起恢复计算答复期限。",
        frozenset({"征求意见中"}),
        lambda cid, on, v, late: actions.receive_opinion(cid, v["consultation"], on, v["opinion"]),
        lambda cid: [Field("consultation", "征求意见", "choice", choices=_consultation_choices(cid)),
                     Field("opinion", "意见摘要", "multiline")],
        lambda cid: bool(actions.open_consultations(cid))),
    ClockAction(
        "send_fee_notice", "发出收费通知", "国办函〔2020〕109号：申请人应自收到收费通知之次日起20个工作日内缴费，缴费期间不计算在答复期限内。",
        _BEFORE_ANSWER - {"待缴费"},
        lambda cid, on, v, late: actions.send_fee_notice(cid, on, v["amount"], v["basis"]),
        lambda cid: [Field("amount", "收费金额", "money"),
                     Field("basis", "计费依据", default="按件计收" , hint="如：按件计收、按量计收")]),
    ClockAction(
        "fee_paid", "已缴费", "缴费后的次日起恢复计算答复期限。",
        frozenset({"待缴费"}), lambda cid, on, v, late: actions.fee_paid(cid, on)),
    ClockAction(
        "fee_lapsed", "逾期未缴费", "国办函〔2020〕109号：逾期未缴纳费用的，视为放弃申请（办理结果6.2）。",
        frozenset({"待缴费"}), lambda cid, on, v, late: actions.fee_lapsed(cid, on)),
    ClockAction(
        "extend", "延期", "条例第三十三条第二款：需要延长答复期限的，应经政府信息公开工作机构负责人同意并告知申请人，"
        "延长的期限最长不得超过20个工作日。",
        _BEFORE_ANSWER - {"已延期"},
        lambda cid, on, v, late: actions.extend(cid, on, v["approved_by"], accept_late=late),
        lambda cid: [Field("approved_by", "批准人", default=office.load().leader)],
        lambda cid: deadlines.EXTENDED not in _events(cid)),
    ClockAction(
        "custom_due", "另定期限（第三十五条）",
        "条例第三十五条：申请人申请公开政府信息的数量、频次明显超过合理范围，说明理由合理但无法在规定期限内答复的，"
        "可以确定延迟答复的合理期限并告知申请人。",
        _OPEN, lambda cid, on, v, late: actions.set_custom_due(cid, on, v["due"], v["reason"]),
        lambda cid: [Field("due", "另定答复期限", "date"), Field("reason", "理由", "multiline")]),
    ClockAction(
        "answer", "答复", "条例第三十三条：按办理结果作出答复（办理结果即年度报告表三的行次）。",
        _OPEN, lambda cid, on, v, late: actions.answer(cid, v["code"], on, accept_late=late),
        lambda cid: [Field("code", "办理结果", "choice", choices=_outcome_choices())]),
)


def _answer_notice(case_id: int, values: dict) -> tuple[str | None, dict]:
    from app.domain import notices as kinds

    found = kinds.answer_kinds(values["code"])
    return (found[0].name if found else None), {}


# The notice each action offers after it is recorded: (kind, pre-filled extra inputs).
NOTICE_FOR_ACTION: dict[str, Callable[[int, dict], tuple[str | None, dict]]] = {
    "send_correction": lambda cid, v: ("补正告知书", {"补正事项": v["items"]}),
    "extend": lambda cid, v: ("延期答复告知书", {"批准人": v["approved_by"]}),
    "start_consultation": lambda cid, v: (("征求意见书（第三方）", {"第三方名称": v["party"]})
                                          if v["party_kind"] == "third_party"
                                          else ("征求意见书（共同制作机关）", {"被征求意见机关": v["party"]})),
    "send_fee_notice": lambda cid, v: ("收费通知书", {"收费金额": f"{v['amount']:g}", "收费方式": v["basis"]
                                                       if v["basis"] in ("按件计收", "按量计收") else "按件计收"}),
    "answer": _answer_notice,
}
OFFER_NOTICES = {"enabled": True}  # tests of the clock alone switch the question off


INTERNAL_STEP_KEYS = ("reviewed", "draft_done", "signed")


class CaseClock:
    """Wires the panel and the toolbar actions into one case view."""

    def __init__(self, view):
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
        button.setToolTip("记录审查完成、拟答复完成、已送签（seed 001 依申请公开办理工作流程）")
        button.setMenu(steps)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        view.ui.actionsBar.insertWidget(self.buttons["send_correction"], button)  # 审查 comes first
        self.steps_menu = steps
        view.case_loaded.connect(self.refresh)
        self.refresh(view.case)

    def today(self) -> dt.date:
        return self.view.form.today()

    def refresh(self, case=None) -> None:
        case = case or self.view.case
        if case is None:
            return
        result = deadlines.case_limits(case.id, self.today())
        self.panel.show_limits(result.limits, result.answer, self.today())
        for spec in ACTIONS:
            self.buttons[spec.key].setEnabled(case.status in spec.statuses and spec.applies(case.id))

    def perform(self, key: str) -> None:
        """Open the action's dialog; store on OK; ask before recording a late action."""
        spec = next(s for s in ACTIONS if s.key == key)
        case_id = self.view.case_id
        dialog = ClockActionDialog(self.view, spec.text, spec.rule, spec.fields(case_id), self.today())
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self._attempt(spec, dialog):
                break
        dialog.deleteLater()

    def _attempt(self, spec: ClockAction, dialog: ClockActionDialog) -> bool:
        """True when done (stored, or refused in a way retyping cannot fix)."""
        on, values = dialog.on(), dialog.values()
        try:
            try:
                spec.run(self.view.case_id, on, values, False)
            except actions.LateAction as exc:
                if not confirm_late(self.view, str(exc)):
                    return True
                spec.run(self.view.case_id, on, values, True)
        except ValidationError as exc:
            dialog.show_errors(exc.errors)
            QMessageBox.warning(dialog, f"无法{spec.text}", "\n".join(exc.errors.values()))
            return False
        except ServiceError as exc:
            QMessageBox.warning(self.view, f"无法{spec.text}", str(exc))
            return True
        self.view.reload()
        self.view.statusBar().showMessage(f"已记录：{spec.text}", 5000)
        self.view.saved.emit(self.view.case_id)
        self._offer_notice(spec.key, values)
        return True

    def _offer_notice(self, key: str, values: dict) -> None:
        """Each clock action offers the notice that tells the applicant (notices.md)."""
        offer = NOTICE_FOR_ACTION.get(key)
        if offer is None or not OFFER_NOTICES["enabled"]:
            return
        kind, extra = offer(self.view.case_id, values)
        if kind:
            from app.ui.case import notices_panel as case_notices

            case_notices.offer_notice(self.view, kind, extra)


def extend_case_view(view) -> None:
    """CASE_VIEW_EXTENSIONS entry."""
    view.case_clock = CaseClock(view)
