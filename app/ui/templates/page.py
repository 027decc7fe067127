"""The 文书模板 page: the Word templates of the notices and their placeholders.

模板 tab: every kind with the template in use (shipped default or the office's edited copy),
在Word/WPS中编辑 (the office's copy, made on first use), 检查 / 检查全部 (problems by paragraph and
placeholder name, in Chinese), 恢复默认 (asks first; the office's copy is moved aside, not deleted).
占位符说明 tab: every placeholder with what it is and an example value.
批量出具回执: receipts (申请接收回执) for several open cases at once, with a progress dialog.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPlainTextEdit, QProgressDialog, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from app.domain.dates import cn_date
from app.domain.request import CONCLUDED_STATUSES, CaseQuery
from app.services import fonts, notices, register, templates
from app.ui.common import errors, messages, tasks
from app.ui.common.context import Context
from app.ui.common.events import Changes
from app.ui.common.page import Page
from app.ui.common.tables import button_row, fit_columns, make_table

RECEIPT = "申请接收回执"
TEMPLATE_HEADERS = ("文书种类", "标题", "使用的模板", "检查结果", "来源")
# Where the template in use comes from (services.templates.resolve; docs/district.md, "The district's defaults").
ORIGIN_TIPS = {templates.OFFICE: "本单位修改的模板：本单位的每台电脑都使用它",
               templates.DISTRICT: "区里统一设置的模板：本单位没有修改版时使用（在Word/WPS中编辑即从它复制一份本单位修改版）",
               templates.SHIPPED: "程序自带的模板"}
PLACEHOLDER_HEADERS = ("占位符（写入模板）", "说明", "示例", "适用文书")
BAD = QColor("#c0392b")
GOOD = QColor("#1e8449")
CUSTOM_BG = QColor("#fdf6e3")


def _item(text: str, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tip or text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    return item


def problems_text(kind: str, problems: list[templates.TemplateProblem]) -> str:
    """The check's findings as lines a clerk can act on: which template, which paragraph, what."""
    if not problems:
        return f"“{kind}”：未发现问题。"
    return "\n".join(f"“{kind}” {p}" for p in problems)


class TemplatesTab(QWidget):
    def __init__(self, page: "TemplatesPage"):
        super().__init__(page)
        self.page = page
        self.infos: list[templates.TemplateInfo] = []
        self.results: dict[str, list[templates.TemplateProblem]] = {}
        self.table = make_table(TEMPLATE_HEADERS)
        self.table.setObjectName("templatesTable")
        fit_columns(self.table, 3)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("checkReport")
        self.report.setReadOnly(True)
        self.report.setPlaceholderText("选中一个模板后点“检查”，或点“检查全部”。发现的问题按模板、段落列在这里。")
        row, self.buttons = button_row(self, (
            ("edit", "在Word/WPS中编辑", "打开本机关的模板副本（首次编辑时从默认模板复制），保存后即生效"),
            ("check", "检查", "检查选中的模板：占位符名称、{{ }} / {% %} 写法，并试生成一次"),
            ("check_all", "检查全部", "逐一检查全部模板"),
            ("restore", "恢复默认", "改回程序自带的模板；本机关修改过的副本移到“已替换”文件夹保留"),
            ("batch", "批量出具回执…", "为新登记、尚未出具回执的申请一次出具申请接收回执")), "tpl")
        self.buttons["edit"].clicked.connect(self.edit_selected)
        self.buttons["check"].clicked.connect(self.check_selected)
        self.buttons["check_all"].clicked.connect(self.check_all)
        self.buttons["restore"].clicked.connect(self.restore_selected)
        self.buttons["batch"].clicked.connect(lambda: batch_receipts(self, self.page.ctx))
        note = QLabel("模板是Word文档，用 {{ 占位符 }} 标出要填入的内容（占位符见“占位符说明”）。"
                      "本机关修改的模板保存在数据文件夹中，程序升级不会覆盖。", self)
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        self.fonts_note = QLabel(self)  # the notice fonts this PC lacks (services.fonts), looked up off the GUI thread
        self.fonts_note.setObjectName("fontsNote")
        self.fonts_note.setWordWrap(True)
        self.fonts_note.setProperty("role", "hint")
        self.fonts_note.setVisible(False)
        tasks.Operation(self, fonts.missing_fonts_note, lane=tasks.FREE).success(self._show_fonts_note).run()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.report)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.fonts_note)
        layout.addLayout(row)
        layout.addWidget(splitter)

    def _show_fonts_note(self, note: str) -> None:
        self.fonts_note.setText(note)
        self.fonts_note.setVisible(bool(note))

    def refresh(self) -> None:
        selected = self.selected_kind()
        self.infos = templates.list_templates()
        self.table.setRowCount(len(self.infos))
        for r, info in enumerate(self.infos):
            if info.customised:
                state = f"本机关修改版（{info.modified:%Y-%m-%d %H:%M}）" if info.modified else "本机关修改版"
            elif info.origin == templates.DISTRICT:
                state = "区统一模板"
            else:
                state = "默认模板"
            cells = (_item(info.kind), _item(info.title), _item(state, str(info.path)), self._result_item(info.kind),
                     _item(info.origin, ORIGIN_TIPS[info.origin]))
            for c, item in enumerate(cells):
                if info.customised and c != 3:
                    item.setBackground(QBrush(CUSTOM_BG))
                self.table.setItem(r, c, item)
            if info.kind == selected:
                self.table.selectRow(r)
        self._update_buttons()

    def _result_item(self, kind: str) -> QTableWidgetItem:
        if kind not in self.results:
            return _item("")
        problems = self.results[kind]
        item = _item(f"{len(problems)}个问题：{problems[0]}" if problems else "正常",
                     "\n".join(str(p) for p in problems) or "未发现问题")
        item.setForeground(QBrush(BAD if problems else GOOD))
        return item

    def selected_kind(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.infos[rows[0].row()].kind if rows and rows[0].row() < len(self.infos) else None

    def select(self, kind: str) -> None:
        row = next(i for i, info in enumerate(self.infos) if info.kind == kind)
        self.table.selectRow(row)

    def _update_buttons(self) -> None:
        kind = self.selected_kind()
        for key in ("edit", "check"):
            self.buttons[key].setEnabled(kind is not None)
        info = next((i for i in self.infos if i.kind == kind), None)
        self.buttons["restore"].setEnabled(info is not None and info.customised)

    # ---- actions ------------------------------------------------------------------------------

    def edit_selected(self) -> None:
        kind = self.selected_kind()
        if kind is None:
            return
        try:
            path = templates.edit_copy(kind)
            self.refresh()
            notices.open_file(path)
        except Exception as exc:  # noqa: BLE001 - the one error path tells every kind of failure
            errors.report(self, exc, "无法打开模板")
            return
        self.report.setPlainText(f"已打开“{kind}”的本机关副本：{path}\n在Word/WPS中修改并保存后，点“检查”确认模板无误。")

    def check_selected(self) -> None:
        kind = self.selected_kind()
        if kind is None:
            return
        self.results[kind] = templates.check(kind)
        self.report.setPlainText(problems_text(kind, self.results[kind]))
        self.refresh()

    def check_all(self) -> None:
        """Every template is opened and trial-rendered: off the GUI thread, buttons off meanwhile."""
        self.setEnabled(False)
        self.report.setPlainText("正在检查全部模板…")
        tasks.Operation(self, templates.check_all, lane=tasks.FREE, busy="正在检查全部模板…") \
            .success(self._checked_all).failure(self._check_failed).run()

    def _checked_all(self, found: dict[str, list[templates.TemplateProblem]]) -> None:
        self.setEnabled(True)
        self.results = {info.kind: found.get(info.kind, []) for info in self.infos}
        if found:
            lines = [problems_text(kind, problems) for kind, problems in found.items()]
            self.report.setPlainText(f"共检查{len(self.infos)}个模板，{len(found)}个有问题：\n" + "\n".join(lines))
        else:
            self.report.setPlainText(f"共检查{len(self.infos)}个模板，均未发现问题。")
        self.refresh()

    def _check_failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        self.report.setPlainText(f"检查未完成：{exc}")
        errors.report(self, exc, "检查未完成")

    def restore_selected(self) -> None:
        kind = self.selected_kind()
        if kind is None:
            return
        default = "全区统一的模板" if templates.default_origin(kind) == templates.DISTRICT else "程序自带的默认模板"
        if not messages.ask(self, "恢复默认模板", f"将“{kind}”改回{default}。本机关修改过的模板不会删除，"
                            "会移到“已替换”文件夹。是否继续？", yes="恢复默认", no="取消"):
            return
        try:
            aside = templates.restore_default(kind)
        except Exception as exc:  # noqa: BLE001 - the one error path tells every kind of failure
            errors.report(self, exc, "无法恢复默认模板")
            return
        self.results.pop(kind, None)
        self.refresh()
        self.report.setPlainText(f"“{kind}”已恢复为默认模板。" + (f"原修改版保存在：{aside}" if aside else ""))


class PlaceholdersTab(QWidget):
    """The reference page: every placeholder a template may use, with an example value."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.entries = notices.placeholder_reference()
        self.filter = QLineEdit(self)
        self.filter.setObjectName("placeholderFilter")
        self.filter.setPlaceholderText("输入占位符名称、说明或文书种类筛选")
        self.filter.setClearButtonEnabled(True)
        self.table = QTableWidget(len(self.entries), len(PLACEHOLDER_HEADERS), self)
        self.table.setObjectName("placeholderTable")
        self.table.setHorizontalHeaderLabels(PLACEHOLDER_HEADERS)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 300)
        self.table.setColumnWidth(2, 260)
        for r, p in enumerate(self.entries):
            users = "、".join(p.kinds) if p.kinds else "全部文书"
            for c, text in enumerate(("{{ " + p.name + " }}", p.description, str(p.example), users)):
                self.table.setItem(r, c, _item(text, f"{p.group}：{text}"))
        note = QLabel("在Word/WPS模板中原样写入第一列（含两对半角花括号）即可，生成文书时替换为本案的内容。"
                      "日期由期限计算得出，不需手填；“需填写”类在出具时由经办人填写。", self)
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.filter.textChanged.connect(self.apply_filter)

    def apply_filter(self, text: str) -> None:
        text = text.strip()
        for r in range(self.table.rowCount()):
            row_text = " ".join(self.table.item(r, c).text() for c in range(self.table.columnCount()))
            self.table.setRowHidden(r, bool(text) and text not in row_text)

    def names(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]


class TemplatesPage(Page):
    title = "文书模板"

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.tabs = QTabWidget(self)
        self.templates_tab = TemplatesTab(self)
        self.placeholders_tab = PlaceholdersTab(self)
        self.tabs.addTab(self.templates_tab, "模板")
        self.tabs.addTab(self.placeholders_tab, "占位符说明")
        QVBoxLayout(self).addWidget(self.tabs)
        self.refresh()

    def refresh(self) -> None:
        self.templates_tab.refresh()


# ---------------------------------------------------------------- batch receipts


def receipt_candidates() -> list:
    """Open cases that have no 申请接收回执 yet, newest first (a township has tens, not thousands)."""
    rows = [r for r in register.list_rows(CaseQuery(), limit=1000) if r.status not in CONCLUDED_STATUSES]
    return [r for r in rows if not any(d.kind == RECEIPT for d in notices.documents(r.id))]


class BatchReceiptDialog(QDialog):
    """Tick the cases (those received today are ticked), 出具 → one receipt each, with progress."""

    def __init__(self, parent: QWidget, ctx: Context):
        super().__init__(parent)
        self.setWindowTitle("批量出具申请接收回执")
        self.ctx = ctx
        today = self.today = ctx.today()
        self.result_ = None
        self.rows = receipt_candidates()
        self.table = QTableWidget(len(self.rows), 4, self)
        self.table.setObjectName("batchTable")
        self.table.setHorizontalHeaderLabels(("登记编号", "收到申请日期", "申请人", "申请内容"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for r, row in enumerate(self.rows):
            first = _item(row.case_no)
            first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            first.setCheckState(Qt.CheckState.Checked if row.received_on == today else Qt.CheckState.Unchecked)
            for c, item in enumerate((first, _item(cn_date(row.received_on)), _item(row.name), _item(row.content))):
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        intro = QLabel("下列为尚未出具申请接收回执的在办申请，今天收到的已勾选。每件各编一个文号，"
                       "出具失败的会列出原因，不影响其他各件。" if self.rows else "没有需要出具回执的申请。", self)
        intro.setWordWrap(True)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("batchReport")
        self.report.setReadOnly(True)
        self.report.hide()
        self.all_button = QPushButton("全选", self)
        self.none_button = QPushButton("全不选", self)
        self.issue_button = QPushButton("出具回执", self)
        self.issue_button.setObjectName("batchIssue")
        self.issue_button.setDefault(True)
        self.close_button = QPushButton("关闭", self)
        self.all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.issue_button.clicked.connect(self.issue)
        self.close_button.clicked.connect(self.accept)
        self.issue_button.setEnabled(bool(self.rows))
        buttons = QHBoxLayout()
        for b in (self.all_button, self.none_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.report)
        layout.addLayout(buttons)
        self.resize(760, 460)

    def _check_all(self, state: Qt.CheckState) -> None:
        for r in range(self.table.rowCount()):
            self.table.item(r, 0).setCheckState(state)

    def checked_ids(self) -> list[int]:
        return [row.id for r, row in enumerate(self.rows)
                if self.table.item(r, 0).checkState() == Qt.CheckState.Checked]

    def issue(self) -> None:
        ids = self.checked_ids()
        if not ids:
            messages.inform(self, "批量出具回执", "请先勾选要出具回执的申请。")
            return
        self.progress = QProgressDialog("正在出具申请接收回执…", "", 0, len(ids), self)
        self.progress.setWindowTitle("批量出具回执")
        self.progress.setCancelButton(None)  # each receipt is its own transaction; stopping halfway helps no one
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setValue(0)
        self.issue_button.setEnabled(False)
        on = self.today
        tasks.Operation(self, lambda report: notices.issue_batch(RECEIPT, ids, None, on, progress=report),
                        busy="正在出具回执…").with_progress(self._progress_changed) \
            .success(self._done).failure(self._failed).announce(self.ctx.events, Changes(case_ids=frozenset(ids))).run()

    def _progress_changed(self, done: int, total: int, _text: str = "") -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(f"正在出具申请接收回执：{done}/{total}")

    def _done(self, result) -> None:
        self.progress.close()
        self.result_ = result
        names = {row.id: f"{row.case_no} {row.name}" for row in self.rows}
        lines = [f"已出具{len(result.issued)}份申请接收回执。"]
        lines += [f"  {names.get(d.case_id, d.case_id)}：{d.doc_no}" for d in result.issued]
        if result.failed:
            lines.append(f"{len(result.failed)}件未出具：")
            lines += [f"  {names.get(cid, cid)}：{reason}" for cid, reason in result.failed.items()]
        self.report.setPlainText("\n".join(lines))
        self.report.show()
        self._remove_issued({d.case_id for d in result.issued})

    def _remove_issued(self, done: set[int]) -> None:
        for r in reversed(range(len(self.rows))):
            if self.rows[r].id in done:
                self.table.removeRow(r)
                del self.rows[r]
        self.issue_button.setEnabled(bool(self.rows))

    def _failed(self, exc: BaseException) -> None:
        self.progress.close()
        self.issue_button.setEnabled(True)
        errors.report(self, exc, "批量出具未完成")


def batch_receipts(parent: QWidget, ctx: Context | None = None) -> BatchReceiptDialog:
    """The batch dialog; the cases given a receipt are announced changed."""
    dialog = BatchReceiptDialog(parent, ctx or Context.standalone())
    dialog.exec()
    dialog.deleteLater()
    return dialog
