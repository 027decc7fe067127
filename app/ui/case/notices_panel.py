"""The case's notices in the case view (issue 4): a 文书 list (kind, 文号, date, file) with 打开 /
打印 / 另存PDF, and the 出具文书 action that opens the NoticeDialog.

``offer_notice(view, kind_name, extra)`` is for the clock actions (补正, 延期, 征求意见, 收费): after
the action is stored, it asks whether to issue the matching notice now and opens the dialog
pre-filled. Issuing the notice after its action does not record the action twice (the service
checks the timeline). Registered through case_view.CASE_VIEW_EXTENSIONS.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.domain.dates import cn_date
from app.services import notices
from app.services.errors import ServiceError
from app.ui.common import tasks
from app.ui.case.notice_dialog import NoticeDialog

HEADERS = ("文书", "文号", "签发日期", "文件")
DOC_ID = Qt.ItemDataRole.UserRole
MISSING = QColor("#c0392b")


class DocumentsPanel(QWidget):
    """The case's issued documents, oldest first; the newest issued is selected after issuing."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.rows: list[notices.DocumentRow] = []
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("documentsTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.message = QLabel(self)
        self.message.setObjectName("documentsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.empty = QLabel("本案尚未出具文书。点“出具文书…”选择文书种类、填写内容后出具。", self)
        self.empty.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, tip in (("new", "出具文书…", "选择文书种类，预览草稿或编号出具"),
                               ("open", "打开", "用 Word/WPS 打开（也可双击该行）"),
                               ("print", "打印", "发送到默认打印机"),
                               ("pdf", "另存PDF…", "用 Word 或 LibreOffice 另存为PDF")):
            button = QPushButton(text, self)
            button.setObjectName(f"doc_{key}")
            button.setToolTip(tip)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.buttons["new"].clicked.connect(lambda: issue_notice(self.view))
        self.buttons["open"].clicked.connect(self.open_selected)
        self.buttons["print"].clicked.connect(self.print_selected)
        self.buttons["pdf"].clicked.connect(self.pdf_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        view.case_loaded.connect(lambda _case: self.refresh())
        self.refresh()

    # ---- the list -----------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        self.rows = notices.documents(self.view.case_id)
        self.table.setRowCount(len(self.rows))
        for r, doc in enumerate(self.rows):
            file_text = doc.path.name if doc.exists else f"（文件已不存在）{doc.path.name}"
            texts = (doc.kind, doc.doc_no or "—", cn_date(doc.issued_on) if doc.issued_on else "", file_text)
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(DOC_ID, doc.id)
                item.setToolTip(str(doc.path) + ("" if doc.exists else "\n文件已被移动或删除"))
                if not doc.exists:
                    item.setForeground(QBrush(MISSING))
                self.table.setItem(r, c, item)
            if doc.id == select_id:
                self.table.selectRow(r)
        self.empty.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        self._update_buttons()

    def texts(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(len(HEADERS))] for r in range(self.table.rowCount())]

    def selected(self) -> notices.DocumentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        doc = self.selected()
        for key in ("open", "print", "pdf"):
            self.buttons[key].setEnabled(doc is not None and doc.exists)
        # A case of an archived, locked year takes no new documents (case_lock sets read_only).
        self.buttons["new"].setEnabled(not getattr(self.view, "read_only", False))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---- open / print / PDF -------------------------------------------------------------------

    def open_selected(self) -> None:
        doc = self.selected()
        if doc is None:
            return
        try:
            notices.open_file(doc.path)
        except ServiceError as exc:
            QMessageBox.warning(self, "无法打开文书", str(exc))

    def print_selected(self) -> None:
        doc = self.selected()
        if doc is None:
            return
        self._run(lambda: notices.print_file(doc.path), f"已发送到打印机：{doc.path.name}",
                  f"正在打印{doc.kind}…", "无法打印")

    def pdf_selected(self) -> None:
        doc = self.selected()
        if doc is None:
            return
        folder = QFileDialog.getExistingDirectory(self, "PDF保存位置", str(doc.path.parent))
        if folder:
            self.save_pdf(doc, folder)

    def save_pdf(self, doc: notices.DocumentRow, folder) -> None:
        self._run(lambda: notices.to_pdf(doc.path, folder), None, "正在转换PDF…", "无法另存PDF")

    def _run(self, fn, done_text: str | None, busy: str, failed_title: str) -> None:
        """Printing and PDF conversion start an office program: off the GUI thread, buttons off."""
        for button in self.buttons.values():
            button.setEnabled(False)
        self.show_message(busy)

        def done(result: Any) -> None:
            self._update_buttons()
            self.show_message(done_text or f"已另存为PDF：{result}")

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            self.show_message("")
            QMessageBox.warning(self, failed_title, str(exc) if isinstance(exc, ServiceError) else f"{failed_title}：{exc}")

        tasks.run_in_background(self, fn, done, failed, busy_text=busy)


# ---------------------------------------------------------------- issuing from the case view


def _today(view) -> dt.date:
    return view.form.today() if hasattr(view, "form") else dt.date.today()


def issue_notice(view, kind_name: str | None = None, extra: dict[str, Any] | None = None
                 ) -> notices.IssuedDocument | None:
    """Open the 出具文书 dialog for the view's case; after issuing, reload the case (timeline, clock)
    and show the new document selected with what happened (文号, earlier files kept)."""
    dialog = NoticeDialog(view, view.case_id, kind_name, extra, today=_today(view))
    view.notice_dialog = dialog  # reachable for tests and screenshots while it is open
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.issued is None:
            return None
        result = dialog.issued
    finally:
        view.notice_dialog = None
        dialog.deleteLater()
    view.reload()
    panel: DocumentsPanel = view.documents_panel
    panel.refresh(select_id=result.id)
    panel.show_message(result.message)
    _show_documents(view)
    view.statusBar().showMessage(result.message, 10000)
    view.saved.emit(view.case_id)
    return result


def offer_notice(view, kind_name: str, extra: dict[str, Any] | None = None) -> notices.IssuedDocument | None:
    """After a clock action was stored: ask “是否立即出具{kind_name}？”; on 是, open the 出具文书 dialog
    with ``kind_name`` chosen and ``extra`` (placeholder name → value, e.g. {"补正事项": "…"}) filled
    in. Returns the issued document, or None when the clerk declined or closed the dialog."""
    box = QMessageBox(QMessageBox.Icon.Question, "出具文书", f"是否立即出具{kind_name}？",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, view)
    box.button(QMessageBox.StandardButton.Yes).setText("立即出具")
    box.button(QMessageBox.StandardButton.No).setText("稍后")
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return None
    return issue_notice(view, kind_name, extra)


def _show_documents(view) -> None:
    tabs = getattr(view, "history_tabs", None)
    index = getattr(view, "documents_tab", -1)
    if tabs is not None and index >= 0:
        tabs.setCurrentIndex(index)


def _put_first(view, action) -> None:
    """The 办理 toolbar overflows on a small screen; the action the clerk uses daily goes right after
    保存修改, before the clock actions."""
    bar = view.ui.actionsBar
    actions_ = [a for a in bar.actions() if a is not action]
    save = getattr(view.ui, "actionSave", None)
    after = actions_.index(save) + 1 if save in actions_ else 0
    if after < len(actions_):
        bar.removeAction(action)
        bar.insertAction(actions_[after], action)


def extend_case_view(view) -> None:
    """CASE_VIEW_EXTENSIONS entry: the 文书 tab beside 办理过程 and the 出具文书 toolbar action."""
    view.notice_dialog = None
    view.documents_panel = DocumentsPanel(view)
    if hasattr(view, "add_history_tab"):
        view.documents_tab = view.add_history_tab("文书", view.documents_panel)
    else:
        view.add_panel("文书", view.documents_panel)
    action = view.add_action("出具文书…", lambda _=False: issue_notice(view),
                             "选择文书种类（补正告知书、延期答复告知书、答复告知书…），预览草稿或编号出具")
    action.setObjectName("issueNotice")
    _put_first(view, action)
    view.issue_notice_action = action
