"""Dialogs of the 主动公开 register that act on one entry: 征求意见 comments and how each was handled,
the 动态调整 review of a withheld entry, and the repeal of a document.

本乡行政规范性文件草案公开征求意见的规定 (docs/legal/sources.md) (第五条 at least 7 working days, 第十一条 every comment
handled, 不予采纳 with feedback); 政府信息公开动态调整机制 (withheld information reviewed periodically,
released when the reason lapses, the reason recorded). Views call services only.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget,
)

from app.domain import proactive as pr
from app.domain.dates import cn_date
from app.services import audit, proactive, settings
from app.ui.common import errors
from app.ui.common.context import Context
from app.ui.common.field_errors import FieldErrors, date_field
from app.ui.forms.ui_proactive_comments_dialog import Ui_ProactiveCommentsDialog
from app.ui.forms.ui_repeal_dialog import Ui_RepealDialog
from app.ui.forms.ui_withheld_review_dialog import Ui_WithheldReviewDialog

_UNHANDLED = "未处理"
_UNHANDLED_BG = "#fff3cd"




class _ItemDialog(QDialog):
    """A dialog about one entry of the register, dated by the context's today."""

    def __init__(self, parent: QWidget | None, item_id: int, ctx: Context | None = None):
        super().__init__(parent)
        self.item_id = item_id
        self.ctx = ctx or Context.standalone()
        self.result_value: Any = None  # what the last write returned

    def today(self) -> dt.date:
        return self.ctx.today()

    def _required_date(self, text: str, name: str, errors_: FieldErrors) -> dt.date | None:
        """The date typed in field `name`, or None with the message shown under it."""
        problems: dict[str, str] = {}
        day = date_field(text, name, problems, required=True)
        if problems:
            errors_.show(problems)
        return day

    def _store(self, write: Callable[[], Any], errors_: FieldErrors,
               rename: dict[str, str] | None = None) -> bool:
        """Run one write of the register; a refusal goes the one error path (validation to the
        fields, `rename` mapping a service's field name to this dialog's)."""
        def show(problems: dict[str, str]) -> None:
            errors_.show({(rename or {}).get(k, k): v for k, v in problems.items()})

        try:
            self.result_value = write()
        except Exception as exc:  # noqa: BLE001 - the one error path tells every kind of failure
            errors.report(self, exc, "无法保存", show)
            return False
        errors_.show({})
        return True


def _ok_button(box: QDialogButtonBox, text: str):
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    return ok


# ---------------------------------------------------------------- 征求意见


class ProactiveCommentsDialog(_ItemDialog):
    """The comments received on a draft 行政规范性文件 and how each was handled (征求意见规定第十一条);
    the entry's 征求意见 warnings (period under 7 working days, comments not handled) stay on top."""

    changed = Signal()
    HEADERS = ["收到日期", "提出人", "意见内容", "处理情况", "说明或反馈"]

    def __init__(self, parent: QWidget | None, item_id: int, ctx: Context | None = None):
        super().__init__(parent, item_id, ctx)
        self.ui = Ui_ProactiveCommentsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.f_handling.addItems(["", *pr.HANDLINGS])
        self._setup_table()
        self.add_errors = FieldErrors(ui, ["received_on", "commenter", "content"], ui.errGeneral)
        self.handle_errors = FieldErrors(ui, ["handling", "reply"], ui.errGeneral)
        ui.f_received_on.setText(self.today().isoformat())
        ui.addButton.clicked.connect(self.add)
        ui.handleButton.clicked.connect(self.handle)
        ui.closeButton.clicked.connect(self.accept)
        ui.commentsTable.itemSelectionChanged.connect(self._selection_changed)
        self.load()

    def _setup_table(self) -> None:
        t = self.ui.commentsTable
        t.setColumnCount(len(self.HEADERS))
        t.setHorizontalHeaderLabels(self.HEADERS)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.verticalHeader().hide()
        t.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def load(self) -> None:
        row = proactive.row(self.item_id, self.today())
        d = row.item.data
        self.ui.itemLabel.setText(f"【{d.kind}】{d.title}" + (f"　{d.doc_no}" if d.doc_no else ""))
        self.ui.periodLabel.setText(self._period_text(d))
        # Only the 征求意见 warnings belong here; the register shows the others.
        warns = [w for w in row.warnings if "征求意见" in w]
        self.ui.warningLabel.setText("\n".join(f"⚠ {w}" for w in warns))
        self.ui.warningLabel.setVisible(bool(warns))
        allowed = d.kind == pr.NORM_DOC
        self.ui.groupAdd.setEnabled(allowed)
        self.ui.addButton.setEnabled(allowed)
        self._fill(row.item.comments)
        self._selection_changed()

    @staticmethod
    def _period_text(d: pr.ItemData) -> str:
        if d.kind != pr.NORM_DOC:
            return "只有行政规范性文件草案需要公开征求意见。"
        if d.comment_exempt_reason.strip():
            return f"不公开征求意见，理由：{d.comment_exempt_reason}"
        if d.comment_start and d.comment_end:
            return f"征求意见期：{cn_date(d.comment_start)}至{cn_date(d.comment_end)}（不少于7个工作日，起止日期在“修改…”中登记）"
        return "尚未登记征求意见期（在“修改…”中填写起止日期）。"

    def _fill(self, comments: list[pr.Comment]) -> None:
        t = self.ui.commentsTable
        selected = self.selected_id()
        t.setRowCount(len(comments))
        for i, c in enumerate(comments):
            values = [cn_date(c.received_on), c.commenter, c.content, c.handling or _UNHANDLED, c.reply]
            for j, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, c.id)
                cell.setToolTip(text)
                if not c.handling:
                    cell.setBackground(QBrush(QColor(_UNHANDLED_BG)))
                t.setItem(i, j, cell)
            if c.id == selected:
                t.selectRow(i)
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def selected_id(self) -> int | None:
        items = self.ui.commentsTable.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _selection_changed(self) -> None:
        comment = self._selected_comment()
        ui = self.ui
        ui.groupHandle.setEnabled(comment is not None)
        ui.handleButton.setEnabled(comment is not None)
        if comment is None:
            ui.selectedLabel.setText("在上表选中一条意见后登记其处理情况。")
            return
        ui.selectedLabel.setText(f"选中：{comment.commenter or '（未署名）'} {cn_date(comment.received_on)}")
        ui.f_handling.setCurrentText(comment.handling)
        ui.f_reply.setText(comment.reply)

    def _selected_comment(self) -> pr.Comment | None:
        comment_id = self.selected_id()
        if comment_id is None:
            return None
        return next((c for c in proactive.get(self.item_id).comments if c.id == comment_id), None)

    def add(self) -> bool:
        """添加意见: date, who, content; its handling is recorded later (or now, if already known)."""
        ui = self.ui
        received = self._required_date(ui.f_received_on.text(), "received_on", self.add_errors)
        if received is None or not self._store(
                lambda: proactive.add_comment(self.item_id, received, ui.f_commenter.text(),
                                              ui.f_content.toPlainText(), today=self.today()), self.add_errors):
            return False
        ui.f_commenter.clear()
        ui.f_content.clear()
        self._after_change()
        return True

    def handle(self) -> bool:
        """处理意见: 采纳 / 部分采纳 / 不予采纳 with its explanation (不予采纳 needs the feedback)."""
        comment_id = self.selected_id()
        if comment_id is None:
            return False
        if not self._store(lambda: proactive.handle_comment(comment_id, self.ui.f_handling.currentText(),
                                                            self.ui.f_reply.text()), self.handle_errors):
            return False
        self._after_change()
        return True

    def _after_change(self) -> None:
        self.load()
        self.changed.emit()


# ---------------------------------------------------------------- 动态调整


class WithheldReviewDialog(_ItemDialog):
    """动态调整 review of a withheld entry: keep withholding (reason; next review date set one period
    on) or release it (reason the ground for withholding lapsed — recorded in the audit trail)."""

    def __init__(self, parent: QWidget | None, item_id: int, ctx: Context | None = None):
        super().__init__(parent, item_id, ctx)
        self.ui = Ui_WithheldReviewDialog()
        self.ui.setupUi(self)
        self.item: pr.Item | None = None
        ui = self.ui
        self.errors = FieldErrors(ui, ["reviewed_on", "decision", "reason"], ui.errGeneral)
        self.ok_button = _ok_button(ui.buttonBox, "记录复核结果")
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.keepButton.toggled.connect(self._show_effect)
        ui.f_reviewed_on.setText(self.today().isoformat())
        self._load()

    def _load(self) -> None:
        item = proactive.get(self.item_id)
        d = item.data
        self.ui.itemLabel.setText(f"{d.title}" + (f"　{d.doc_no}" if d.doc_no else ""))
        due = cn_date(d.review_due_on) if d.review_due_on else "未定"
        self.ui.dueLabel.setText(f"公开属性：{d.attribute}（理由：{d.attribute_reason}）\n应复核日期：{due}")
        reviews = [h for h in audit.history("proactive_item", self.item_id)
                   if h.action.startswith("动态调整") or any(c.field == "release_reason" for c in h.changes)]
        self.ui.historyLabel.setText("以往复核：" + "；".join(
            f"{h.at:%Y-%m-%d} {h.action}" for h in reviews) if reviews else "以往复核：无")
        self._show_effect()

    def _show_effect(self) -> None:
        if self.ui.keepButton.isChecked():
            months = settings.load().withheld_review_months
            text = f"继续不予公开：下次复核日期自复核日期起顺延{months}个月（遇节假日顺延至工作日）。"
        else:
            text = ("调整为主动公开：公开属性改为“主动公开”，自复核日期起20个工作日内公开（条例第二十六条），"
                    "公文须于1个工作日内加载到内网平台；公开前须经保密审查；复核意见作为调整理由记入修改记录。")
        self.ui.effectLabel.setText(text)

    def save(self) -> bool:
        ui = self.ui
        reviewed = self._required_date(ui.f_reviewed_on.text(), "reviewed_on", self.errors)
        # A release without reason is reported by update() under release_reason.
        if reviewed is None or not self._store(
                lambda: proactive.review_withheld(self.item_id, reviewed, ui.keepButton.isChecked(),
                                                  ui.f_reason.toPlainText(), self.today()),
                self.errors, {"release_reason": "reason"}):
            return False
        self.item = self.result_value
        self.accept()
        return True


# ---------------------------------------------------------------- 废止


class RepealDialog(_ItemDialog):
    """Record that a document was repealed or expired: from that date it no longer counts as
    现行有效 and counts as 本年废止 in table 2 of the annual report (条例第五十条)."""

    def __init__(self, parent: QWidget | None, item_id: int, ctx: Context | None = None):
        super().__init__(parent, item_id, ctx)
        self.ui = Ui_RepealDialog()
        self.ui.setupUi(self)
        self.item: pr.Item | None = None
        ui = self.ui
        self.errors = FieldErrors(ui, ["repealed_on"], ui.errGeneral)
        self.ok_button = _ok_button(ui.buttonBox, "登记废止")
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        d = proactive.get(item_id).data
        ui.itemLabel.setText(f"{d.title}" + (f"　{d.doc_no}" if d.doc_no else ""))
        explain = "废止或失效后，年度报告第二项“现行有效件数”不再计入本件，并计入当年“本年废止件数”。"
        if d.repealed_on:
            explain = f"已登记于{cn_date(d.repealed_on)}废止；可更正日期。\n" + explain
        ui.explainLabel.setText(explain)
        ui.f_repealed_on.setText((d.repealed_on or self.today()).isoformat())

    def save(self) -> bool:
        day = self._required_date(self.ui.f_repealed_on.text(), "repealed_on", self.errors)
        if day is None or not self._store(lambda: proactive.repeal(self.item_id, day, self.today()), self.errors):
            return False
        self.item = self.result_value
        self.accept()
        return True

