"""The 主动公开 register page: each entry with its limits (条例第二十六条: 20 working days), warnings,
secrecy review, comments, 动态调整 review and repeal."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from app.domain import proactive as pr
from app.domain.dates import cn_date
from app.domain.proactive import ItemData
from app.services import proactive, publication, review
from app.ui.common import errors, tasks
from app.ui.common.context import Context
from app.ui.common.field_errors import FieldErrors, date_field
from app.ui.common.page import Page
from app.ui.common.review_dialog import RED, ReviewDialog, date_text
from app.ui.common.tables import make_table, selected_key, set_row
from app.ui.proactive.dialogs import ProactiveCommentsDialog, RepealDialog, WithheldReviewDialog
from app.ui.proactive.duties import InterpretationDialog, PublicationDialog

URGENCY_COLOURS = {"overdue": "#f8d7da", "due_today": "#ffe5b4", "due_soon": "#fff3cd"}


class ItemDialog(QDialog):
    """Add or edit one 主动公开 entry."""

    FIELDS: list[tuple[str, str, str]] = [
        ("title", "信息名称（标题）", "text"), ("doc_no", "文号", "text"), ("kind", "类别", "kind"),
        ("section", "起草（产生）科室", "text"), ("made_on", "形成或变更日期", "date"), ("issued_on", "印发日期", "date"),
        ("attribute", "公开属性", "attribute"), ("attribute_reason", "依申请公开/不予公开理由", "text"),
        ("published_on", "公开日期", "date"), ("place", "公开载体", "place"), ("loaded_on", "内网平台加载日期", "date"),
        ("no_interpretation_reason", "不解读的领导同意情况", "text"), ("comment_start", "征求意见开始日期", "date"),
        ("comment_end", "征求意见截止日期", "date"), ("comment_exempt_reason", "不征求意见的理由", "text"),
        ("repealed_on", "废止（失效）日期", "date"), ("notes", "备注", "text"),
    ]

    LEFT_ROWS = 10
    MIN_WIDTH = 960

    def __init__(self, parent: QWidget | None = None, item_id: int | None = None, ctx: Context | None = None):
        super().__init__(parent)
        self.setWindowTitle("主动公开信息" if item_id is None else "修改主动公开信息")
        self.setMinimumWidth(self.MIN_WIDTH)
        self.item_id = item_id
        self.ctx = ctx or Context.standalone()
        self.item = None
        self.ui = SimpleNamespace()
        # Two columns of fields: one column of nineteen rows is taller than a 1366×768 screen, and a
        # narrow one cuts long titles.
        # The title has a row of its own across both.
        top, forms = QFormLayout(), (QFormLayout(), QFormLayout())
        for form in (top, *forms):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for index, (name, label, kind) in enumerate(self.FIELDS):
            form = top if name == "title" else forms[0] if index <= self.LEFT_ROWS else forms[1]
            widget = self._widget(kind)
            error = QLabel()
            error.setStyleSheet(RED)
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
        self.ui.err_release_reason.setStyleSheet(RED)
        cell = QVBoxLayout()
        cell.addWidget(self.release_reason)
        cell.addWidget(self.ui.err_release_reason)
        form.addRow("调整为公开的理由", cell)
        self.general = QLabel()
        self.general.setStyleSheet(RED)
        self.general.setWordWrap(True)
        self.errors = FieldErrors(self.ui, [n for n, _l, _k in self.FIELDS] + ["release_reason"], self.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        columns = QHBoxLayout()
        for form in forms:
            columns.addLayout(form, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(columns)
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

    def today(self):
        return self.ctx.today()

    def set_data(self, d: ItemData) -> None:
        for name, _label, kind in self.FIELDS:
            widget, value = getattr(self.ui, f"f_{name}"), getattr(d, name)
            if isinstance(widget, QComboBox):
                widget.setCurrentText(value or "")
            else:
                widget.setText(date_text(value) if kind == "date" else (value or ""))

    def data(self, problems: dict[str, str]) -> ItemData:
        values = {}
        for name, _label, kind in self.FIELDS:
            widget = getattr(self.ui, f"f_{name}")
            text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
            values[name] = date_field(text, name, problems) if kind == "date" else text.strip()
        old = proactive.get(self.item_id).data if self.item_id else None
        values["review_due_on"] = old.review_due_on if old else None
        # The 政策解读 is kept in its own record (“政策解读…”), which writes these two.
        values["interpretation_title"] = old.interpretation_title if old else ""
        values["interpretation_on"] = old.interpretation_on if old else None
        return ItemData(**values)

    def save(self) -> None:
        problems: dict[str, str] = {}
        data = self.data(problems)
        if problems:
            self.errors.show(problems)
            return
        try:
            if self.item_id is None:
                self.item = proactive.create(data, self.today())
            else:
                self.item = proactive.update(self.item_id, data, self.today(), self.release_reason.text())
        except Exception as exc:  # noqa: BLE001 - the one error path tells every kind of failure
            errors.report(self, exc, "无法保存主动公开信息", self.errors.show)
            return
        self.accept()


class ProactivePage(Page):
    """The 主动公开 register: each entry with its limits, warnings and secrecy review."""

    title = "主动公开"
    HEADERS = ["信息名称", "文号", "类别", "公开属性", "形成/变更", "公开日期", "期限", "保密审查", "提示"]

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._rows: dict = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("按标题或文号查找")
        self.search.textChanged.connect(self.refresh)
        self.summary = QLabel()
        top.addWidget(self.search, 1)
        top.addWidget(self.summary)
        layout.addLayout(top)
        self.table = make_table(self.HEADERS)
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
        self.interpretation_button = QPushButton("政策解读(&J)…")
        self.interpretation_button.setToolTip("行政规范性文件的政策解读：谁起草谁解读，经分管领导审定，与文件一并公开")
        self.publish_button = QPushButton("发布登记(&P)…")
        self.publish_button.setToolTip("政务信息发布审核制度：审核通过后发布，登记发布日期、平台和发布人并存档（第六条）")
        self.publications_button = QPushButton("发布登记表…")
        self.publications_button.setToolTip("导出本年度政务信息发布登记表（.xlsx）")
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.review_button.clicked.connect(self.review_selected)
        self.comments_button.clicked.connect(self.comments_selected)
        self.withheld_button.clicked.connect(self.review_withheld_selected)
        self.repeal_button.clicked.connect(self.repeal_selected)
        self.interpretation_button.clicked.connect(self.interpretation_selected)
        self.publish_button.clicked.connect(self.publish_selected)
        self.publications_button.clicked.connect(self._choose_publications_export)
        for b in (self.new_button, self.edit_button, self.review_button, self.comments_button,
                  self.withheld_button, self.repeal_button, self.interpretation_button, self.publish_button,
                  self.publications_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.refresh()

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
            set_row(self.table, i, [d.title, d.doc_no, d.kind, d.attribute, cn_date(d.made_on), cn_date(d.published_on),
                                     limit, review_text, "；".join(row.warnings)], row.item.id,
                     URGENCY_COLOURS.get(row.state) if row.urgent is not None else None)
        self._rows = {row.item.id: row for row in rows}
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 280))
        self.table.setColumnWidth(8, 240)  # the full warnings are in the panel below
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary.setText(f"共 {len(rows)} 条，超期 {late} 条")
        self._show_details()

    def _show_details(self) -> None:
        row = self._rows.get(self.selected_id())
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
        return selected_key(self.table)

    def _enable_actions(self, row) -> None:
        """Offer only the actions that fit the selected entry."""
        d = row.item.data if row is not None else None
        for b in (self.edit_button, self.review_button, self.repeal_button):
            b.setEnabled(d is not None)
        self.comments_button.setEnabled(d is not None and d.kind == pr.NORM_DOC)
        self.interpretation_button.setEnabled(d is not None and d.kind == pr.NORM_DOC)
        self.publish_button.setEnabled(d is not None and d.attribute == pr.PROACTIVE)
        self.withheld_button.setEnabled(d is not None and d.attribute == pr.WITHHELD and d.repealed_on is None)

    def _open_for_selected(self, dialog_class, refresh_on: str = "accepted"):
        """Open `dialog_class` for the selected item; the register refreshes when it reports back."""
        item_id = self.selected_id()
        if item_id is None:
            return None
        dialog = dialog_class(self, item_id, ctx=self.ctx)
        getattr(dialog, refresh_on).connect(self.refresh)
        dialog.open()
        return dialog

    def interpretation_selected(self) -> InterpretationDialog | None:
        return self._open_for_selected(InterpretationDialog, "saved")

    def publish_selected(self) -> PublicationDialog | None:
        return self._open_for_selected(PublicationDialog, "saved")

    def _choose_publications_export(self) -> None:
        year = self.today().year
        name, _ = QFileDialog.getSaveFileName(self, "导出发布登记表", f"{year}年度政务信息发布登记表.xlsx",
                                              "Excel 工作簿 (*.xlsx)")
        if name:
            self.export_publications(year, Path(name))

    def export_publications(self, year: int, path: Path) -> None:
        tasks.Operation(self, lambda: publication.export(year, path), lane=tasks.FREE, busy="正在导出发布登记表…",
                        failure_title="未能导出发布登记表") \
            .success(lambda out: self.ctx.show_status(f"已导出：{out}", 8000)).run()

    def comments_selected(self) -> ProactiveCommentsDialog | None:
        return self._open_for_selected(ProactiveCommentsDialog, "changed")

    def review_withheld_selected(self) -> WithheldReviewDialog | None:
        return self._open_for_selected(WithheldReviewDialog)

    def repeal_selected(self) -> RepealDialog | None:
        return self._open_for_selected(RepealDialog)

    def new_item(self) -> ItemDialog:
        dialog = ItemDialog(self, ctx=self.ctx)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def edit_selected(self) -> ItemDialog | None:
        return self._open_for_selected(ItemDialog)

    def review_selected(self) -> ReviewDialog | None:
        item_id = self.selected_id()
        if item_id is None:
            return None
        existing = review.for_item(item_id)
        dialog = ReviewDialog(self, review_id=existing.id if existing else None, item_id=item_id, ctx=self.ctx)
        dialog.changed.connect(self.refresh)
        dialog.open()
        return dialog
