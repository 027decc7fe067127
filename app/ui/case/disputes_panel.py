"""行政复议 / 行政诉讼 in the case view (docs/legal/requests.md, 行政争议): a 复议/诉讼 panel listing the case's disputes
with their limits, hearings and result, the toolbar action 登记复议/诉讼, and per dispute 提交答辩,
开庭/听证, 审结结果 and the 答辩状 draft.

Records and limits come from services.disputes (domain.clock.dispute_limits); the draft from
services.dispute_docs. The small dialogs are the common FieldsDialog (date + fields).
"""
from __future__ import annotations

import datetime as dt

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QGridLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.domain.dates import cn_date
from app.domain.disputes import is_reconsideration
from app.services import deadlines, disputes
from app.services import settings as office
from app.services.errors import ServiceError
from app.ui.case.limits import limit_colour, limit_state
from app.ui.common import errors, messages
from app.ui.common.events import Changes
from app.ui.common.fields_dialog import Field, FieldsDialog, submit_dialog

DISPUTE_ID = Qt.ItemDataRole.UserRole
SHOWN_BG = QColor("#fdf2e9")
REGISTER_RULE = ("收到行政复议申请书副本或起诉状副本后登记。答辩期限：行政复议法第四十八条（10日内提出书面答复）、"
                 "行政诉讼法第六十七条（15日内提交答辩状和证据），本机关流程另定10个工作日拟定答辩状。")
REPLY_RULE = "行政复议法第四十八条 / 行政诉讼法第六十七条：提交答辩状（书面答复）及作出答复的证据、依据和其他材料。"
HEARING_RULE = "记录开庭或听证的日期、地点和情况。"
RESULT_RULE = "复议决定或判决、裁定的结果，计入年度报告表四：结果维持、结果纠正、其他结果；选“尚未审结”可撤回已记录的结果。"


def _default_body(kind: str) -> str:
    cfg = office.load()
    return cfg.reconsideration_body if is_reconsideration(kind) else cfg.court


class DisputePanel(QWidget):
    """The 复议/诉讼 box, compact for the case view's right column: a selector when there are several,
    the selected dispute in words (kind, body, copy date, reply, hearings, result), its limits in a
    small table and the action buttons."""

    LIMIT_COLUMNS = ("期限", "到期日", "状态")

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.items: list[disputes.DisputeInfo] = []
        self._rows: list[list[str]] = []
        self.today = dt.date.today()
        self.selector = QComboBox(self)
        self.selector.setObjectName("disputeSelector")
        self.selector.currentIndexChanged.connect(lambda _i: self._selected_changed())
        self.summary = QLabel(self)
        self.summary.setObjectName("disputeSummary")
        self.summary.setWordWrap(True)
        self.limits = self._table(self.LIMIT_COLUMNS, "disputeLimits")
        self.empty = QLabel("本申请没有行政复议或行政诉讼。收到复议申请书副本或起诉状副本后请登记。", self)
        self.empty.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for n, (key, text) in enumerate((("reply", "提交答辩"), ("hearing", "开庭/听证"), ("result", "审结结果"),
                                         ("defence", "答辩状草稿"), ("register", "登记复议/诉讼…"))):
            button = QPushButton(text, self)
            button.setObjectName(f"dispute_{key}")
            self.buttons[key] = button
            grid.addWidget(button, n // 3, n % 3)
        self.buttons["defence"].setToolTip("生成答辩状草稿，保存在本案文件夹并用 Word/WPS 打开")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.empty, self.selector, self.summary, self.limits):
            layout.addWidget(w)
        layout.addLayout(grid)

    def _table(self, columns: tuple[str, ...], name: str) -> QTableWidget:
        table = QTableWidget(0, len(columns), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(list(columns))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(False)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    # ---- showing ------------------------------------------------------------------------------

    def show_disputes(self, items: list[disputes.DisputeInfo], today: dt.date) -> None:
        keep = self.selected_id()
        self.items, self.today = items, today
        cal = deadlines._calendar()
        self._rows = [self._texts(d, today, cal) for d in items]
        self.empty.setVisible(not items)
        for w in (self.summary, self.limits):
            w.setVisible(bool(items))
        self.selector.setVisible(len(items) > 1)
        for key, button in self.buttons.items():
            button.setVisible(key == "register" or bool(items))
        self.selector.blockSignals(True)
        self.selector.clear()
        for d, texts in zip(items, self._rows):
            self.selector.addItem(f"{texts[0]}（{texts[2]}收到副本）", d.id)
        ids = [d.id for d in items]
        self.selector.setCurrentIndex(ids.index(keep) if keep in ids else len(ids) - 1)
        self.selector.blockSignals(False)
        self._selected_changed()

    @staticmethod
    def _texts(d: disputes.DisputeInfo, today: dt.date, cal) -> list[str]:
        """类别, 机关/法院, 收到副本, 答辩 (the binding limit or when filed), 开庭/听证, 结果."""
        shown = next((l for l in d.limits if l.key.startswith("dispute_reply") and l.shown), None)
        reply = (f"{cn_date(d.reply_filed_on)}已提交" if d.reply_filed_on else
                 f"{cn_date(shown.due)}（{limit_state(shown, today, cal)}）" if shown and shown.due else "—")
        hearings = "；".join(f"{cn_date(on)} {place}".strip() for on, place, _note in d.hearings) or "—"
        result = f"{d.result}（{cn_date(d.decided_on)}）" if d.result else "尚未审结"
        return [d.label, d.body, cn_date(d.copy_received_on), reply, hearings, result]

    def selected_id(self) -> int | None:
        return self.selector.currentData() if self.selector.count() else None

    def selected(self) -> disputes.DisputeInfo | None:
        wanted = self.selected_id()
        return next((d for d in self.items if d.id == wanted), None)

    def _selected_changed(self) -> None:
        d = self.selected()
        if d is None:
            self.limits.setRowCount(0)
            self.summary.clear()
            return
        kind, body, copy, reply, hearings, result = self._rows[self.items.index(d)]
        lines = [f"<b>{kind}</b>　{body}，{copy}收到副本", f"答辩：{reply}", f"开庭/听证：{hearings}",
                 f"结果：{result}", f"证据：{d.evidence}" if d.evidence else "", f"备注：{d.notes}" if d.notes else ""]
        self.summary.setText("<br>".join(escape(l) if not l.startswith("<b>") else l for l in lines if l))
        self._show_limits(d)

    def _show_limits(self, d: disputes.DisputeInfo) -> None:
        """Every limit of the dispute; the one that binds (shown) in bold, the rule as tooltip."""
        cal = deadlines._calendar()
        self.limits.setRowCount(len(d.limits))
        for row, limit in enumerate(d.limits):
            texts = (limit.label, cn_date(limit.due) if limit.due else "—", limit_state(limit, self.today, cal))
            colour = limit_colour(limit, self.today, cal)
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(limit.explanation)
                item.setData(DISPUTE_ID, limit.key)
                if colour is not None:
                    item.setForeground(QBrush(colour))
                if limit.shown and limit.key.startswith("dispute_reply"):
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setBackground(QBrush(SHOWN_BG))
                self.limits.setItem(row, col, item)
        row_h = self.limits.fontMetrics().height() + 10
        self.limits.verticalHeader().setDefaultSectionSize(row_h)
        height = self.limits.horizontalHeader().sizeHint().height() + row_h * len(d.limits) + 4
        self.limits.setFixedHeight(height + 2 * self.limits.frameWidth())

    def rows(self) -> list[list[str]]:
        """Each dispute as the panel words it: 类别, 机关/法院, 收到副本, 答辩, 开庭/听证, 结果."""
        return [list(r) for r in self._rows]

    def limit_rows(self) -> list[list[str]]:
        t = self.limits
        return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


class CaseDisputes:
    """Wires the panel, the toolbar action and the per-dispute buttons into one case view."""

    def __init__(self, view):
        self.view = view
        self.panel = DisputePanel(view)
        self.box = view.add_panel("复议/诉讼", self.panel)
        self.box.setObjectName("disputeBox")
        self.register_action = view.add_action("登记复议/诉讼", self.register, REGISTER_RULE)
        self.register_action.setObjectName("dispute_register")
        self.last_draft = None
        buttons = self.panel.buttons
        buttons["register"].clicked.connect(self.register)
        buttons["reply"].clicked.connect(self.reply)
        buttons["hearing"].clicked.connect(self.hearing)
        buttons["result"].clicked.connect(self.result)
        buttons["defence"].clicked.connect(self.defence)
        view.case_loaded.connect(self.refresh)

    def today(self) -> dt.date:
        return self.view.ctx.today()

    def refresh(self, case=None) -> None:
        case = case or self.view.case
        if case is None:
            return
        self.panel.show_disputes(disputes.for_case(case.id), self.today())
        # A dispute is about an answer: before one there is nothing to challenge.
        self.register_action.setEnabled(case.answered_on is not None)
        self.panel.buttons["register"].setEnabled(case.answered_on is not None)

    # ---- dialogs ------------------------------------------------------------------------------

    def _run(self, title: str, rule: str, fields: list[Field], store, date_label: str = "日期",
             prepare=None) -> bool:
        """Show the dialog until the input is stored (and the case announced changed) or the clerk
        cancels."""
        view = self.view
        dialog = FieldsDialog(view, title, rule, fields, self.today(),
                              submit=lambda d: submit_dialog(d, title, lambda on, v, _late: store(on, v),
                                                             view.ctx.events, Changes.case(view.case_id)))
        dialog.ui.lbl_on.setText(date_label)
        if prepare:
            prepare(dialog)
        done = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if done:
            view.statusBar().showMessage(f"已记录：{title}", 5000)
        return done

    def register(self) -> None:
        """登记复议/诉讼: kind, the body or court (office settings by default), the copy's date."""
        kinds = tuple((disputes.KIND_LABELS[k], k) for k in disputes.KINDS)
        fields = [Field("kind", "类别", "choice", choices=kinds),
                  Field("body", "复议机关/受理法院", default=_default_body(disputes.KINDS[0])),
                  Field("notes", "备注", "multiline")]

        def follow_kind(dialog: FieldsDialog) -> None:
            kind: QComboBox = dialog.inputs["kind"]
            body: QLineEdit = dialog.inputs["body"]

            def changed() -> None:  # keep a typed body; replace only the other kind's default
                defaults = {_default_body(k) for k in disputes.KINDS}
                if body.text() in defaults or not body.text():
                    body.setText(_default_body(kind.currentData()))
            kind.currentIndexChanged.connect(changed)

        self._run("登记复议/诉讼", REGISTER_RULE, fields,
                  lambda on, v: disputes.add(self.view.case_id, v["kind"], v["body"], on, notes=v["notes"],
                                             today=self.today()),
                  "收到副本日期", follow_kind)

    def _selected(self) -> disputes.DisputeInfo | None:
        return self.panel.selected()

    def reply(self) -> None:
        d = self._selected()
        if d is None:
            return
        fields = [Field("evidence", "证据清单（每行一项）", "multiline", default=d.evidence)]
        self._run("提交答辩", REPLY_RULE, fields, lambda on, v: disputes.record_reply(d.id, on, v["evidence"]),
                  "提交日期")

    def hearing(self) -> None:
        d = self._selected()
        if d is None:
            return
        fields = [Field("place", "地点"), Field("note", "情况", "multiline")]
        self._run("开庭/听证", HEARING_RULE, fields,
                  lambda on, v: disputes.add_hearing(d.id, on, v["place"], v["note"]), "开庭/听证日期")

    def result(self) -> None:
        d = self._selected()
        if d is None:
            return
        choices = (*((r, r) for r in disputes.RESULTS), ("尚未审结", None))
        fields = [Field("result", "结果", "choice", choices=choices)]
        self._run("审结结果", RESULT_RULE, fields,
                  lambda on, v: disputes.record_result(d.id, v["result"], on if v["result"] else None), "审结日期")

    def defence(self) -> None:
        """生成答辩状草稿: rendered into the case folder, then opened in Word/WPS."""
        from app.services import dispute_docs, notices

        d = self._selected()
        if d is None:
            return
        try:
            self.last_draft = dispute_docs.render_defence(d.id, self.today())
        except Exception as exc:  # noqa: BLE001 - the one error path tells every kind of failure
            errors.report(self.view, exc, "无法生成答辩状草稿")
            return
        self.view.statusBar().showMessage(f"已生成答辩状草稿：{self.last_draft}", 8000)
        try:
            notices.open_file(self.last_draft)
        except ServiceError as exc:
            messages.inform(self.view, "答辩状草稿已生成", f"{exc}\n文件位置：{self.last_draft}")
