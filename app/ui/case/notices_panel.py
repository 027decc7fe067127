"""The case's notices in the case view: a 文书 list (kind, 文号, date, file) with 打开 / 打印 /
另存PDF, and the 出具文书 action that opens the NoticeDialog.

`offer_for_step(key, values)` follows a step of the clock (补正, 延期, 征求意见, 收费, 答复): it asks
whether to issue the matching notice now and opens the dialog pre-filled. Issuing the notice after
its step does not record the step twice (the service checks the timeline).
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from app.domain.dates import cn_date
from app.services import notices
from app.services.errors import ServiceError
from app.ui.case.notice_dialog import NoticeDialog
from app.ui.common import errors, files, messages, tasks
from app.ui.common.events import Changes
from app.ui.common.print_preview import preview_and_print
from app.ui.common.tables import button_row, fit_columns, make_table

HEADERS = ("文书", "文号", "签发日期", "文件")
DOC_ID = Qt.ItemDataRole.UserRole
MISSING = QColor("#c0392b")


def _answer_notice(case_id: int, values: dict) -> tuple[str | None, dict]:
    from app.domain import notices as kinds

    found = kinds.answer_kinds(values["code"])
    return (found[0].name if found else None), {}


# The notice each step of the clock offers once it is recorded: (kind, pre-filled extra inputs).
NOTICE_FOR_ACTION: dict[str, Callable[[int, dict], tuple[str | None, dict]]] = {
    "send_correction": lambda cid, v: ("补正告知书", {"补正事项": v["items"]}),
    "extend": lambda cid, v: ("延期答复告知书", {"批准人": v["approved_by"]}),
    "start_consultation": lambda cid, v: (("征求意见书（第三方）", {"第三方名称": v["party"]})
                                          if v["party_kind"] == "third_party"
                                          else ("征求意见书（共同制作机关）", {"被征求意见机关": v["party"]})),
    "send_fee_notice": lambda cid, v: ("收费通知书", {
        "收费方式": v["method"], "页数": str(v["pages"]) if v["method"] == "按量计收" else "",
        "收费金额": str(v.get("amount") or "").strip(), "金额调整理由": v.get("override_reason", "")}),
    "answer": _answer_notice,
}
OFFER_NOTICES = {"enabled": True}  # tests of the clock alone switch the question off


class DocumentsPanel(QWidget):
    """The case's issued documents, oldest first; the newest issued is selected after issuing."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.rows: list[notices.DocumentRow] = []
        self.notice_dialog: NoticeDialog | None = None
        self.table = make_table(HEADERS)
        self.table.setObjectName("documentsTable")
        fit_columns(self.table, 3)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.message = QLabel(self)
        self.message.setObjectName("documentsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.empty = QLabel("本案尚未出具文书。点“出具文书…”选择文书种类、填写内容后出具。", self)
        self.empty.setWordWrap(True)
        row, self.buttons = button_row(self, (("new", "出具文书…", "选择文书种类，预览草稿或编号出具"),
                                              ("open", "打开", "用 Word/WPS 打开（也可双击该行）"),
                                              ("print", "打印…", "打印预览，选择打印机和份数后打印（Ctrl+P）"),
                                              ("pdf", "另存PDF…", "用 Word 或 LibreOffice 另存为PDF")), "doc")
        self.buttons["new"].clicked.connect(lambda: self.issue())
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
        # A case of an archived, locked year takes no new documents.
        self.buttons["new"].setEnabled(not self.view.read_only)

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
            errors.report(self, exc, "无法打开文书")

    def print_selected(self) -> str:
        """打印预览 of the selected document (the newest when none is selected), then printer and
        copies; what was printed is said here ("" when nothing was)."""
        doc = self.selected() or next((d for d in reversed(self.rows) if d.exists), None)
        if doc is None:
            return ""
        printed = preview_and_print(self.view, doc.path, doc.kind)
        self.show_message(printed or "没有打印。")
        return printed

    def pdf_selected(self) -> None:
        doc = self.selected()
        if doc is None:
            return
        folder = files.folder_path(self, "PDF保存位置", "pdf", str(doc.path.parent))
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
            errors.report(self, exc, failed_title)

        tasks.Operation(self, fn, lane=tasks.FREE, busy=busy).success(done).failure(failed).run()

    # ---- issuing ------------------------------------------------------------------------------

    def issue(self, kind_name: str | None = None, extra: dict[str, Any] | None = None
              ) -> notices.IssuedDocument | None:
        """Open the 出具文书 dialog for the case; after issuing, the case is announced changed (its
        timeline and clock reload) and the new document is shown selected with what happened."""
        view = self.view
        try:
            dialog = NoticeDialog(view, view.case_id, kind_name, extra, today=view.ctx.today())
        except Exception as exc:  # noqa: BLE001 - the one error path tells every kind of failure
            errors.report(view, exc, "无法出具文书")  # never a button that silently does nothing
            return None
        self.notice_dialog = dialog  # reachable for tests and screenshots while it is open
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.issued is None:
                return None
            result = dialog.issued
        finally:
            self.notice_dialog = None
            dialog.deleteLater()
        view.ctx.announce(Changes.case(view.case_id))
        self.refresh(select_id=result.id)
        self.show_message(result.message)
        view.history_tabs.setCurrentWidget(self)
        view.statusBar().showMessage(result.message, 10000)
        return result

    def offer_for_step(self, key: str, values: dict) -> notices.IssuedDocument | None:
        """After a step of the clock was stored: ask “是否立即出具{kind}？”; on 是, open the 出具文书
        dialog with the kind chosen and what the step typed filled in (e.g. {"补正事项": "…"})."""
        offer = NOTICE_FOR_ACTION.get(key)
        if offer is None or not OFFER_NOTICES["enabled"]:
            return None
        kind_name, extra = offer(self.view.case_id, values)
        return self.offer(kind_name, extra) if kind_name else None

    def toolbar_action(self):
        """出具文书 on the case's toolbar, right after 保存修改: the toolbar overflows on a small screen and
        this is the action the clerk uses daily."""
        bar = self.view.ui.actionsBar
        action = self.view.add_action("出具文书…", lambda _=False: self.issue(),
                                      "选择文书种类（补正告知书、延期答复告知书、答复告知书…），预览草稿或编号出具")
        action.setObjectName("issueNotice")
        others = [a for a in bar.actions() if a is not action]
        save = self.view.ui.actionSave
        after = others.index(save) + 1 if save in others else 0
        if after < len(others):
            bar.removeAction(action)
            bar.insertAction(others[after], action)
        return action

    def offer(self, kind_name: str, extra: dict[str, Any] | None = None) -> notices.IssuedDocument | None:
        """Ask “是否立即出具{kind_name}？”; on 是, the 出具文书 dialog with `extra` filled in. None when the
        clerk declined or closed the dialog."""
        if not messages.ask(self.view, "出具文书", f"是否立即出具{kind_name}？", yes="立即出具", no="稍后",
                            default_yes=True):
            return None
        return self.issue(kind_name, extra)
