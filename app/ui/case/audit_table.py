"""The case's audit trail beside its timeline: who changed what, when, old → new.

Read-only by construction: the table is filled from services.audit and has no editing path; the
store refuses UPDATE and DELETE on the audit table anyway.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from app.services import audit

HEADERS = ("时间", "操作人", "事项", "修改内容（原值 → 新值）")


class CaseAuditTable(QTableWidget):
    def __init__(self, view) -> None:
        super().__init__(0, len(HEADERS), view)
        self.view = view
        self.setHorizontalHeaderLabels(HEADERS)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        for column in range(len(HEADERS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.setToolTip("审计记录只能查看，任何界面都不能修改或删除")
        view.case_loaded.connect(lambda _case: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        entries = audit.case_history(self.view.case_id)
        self.setRowCount(len(entries))
        for row, entry in enumerate(reversed(entries)):  # newest first
            parts = "；".join(f"{c.label}：{c.old} → {c.new}" for c in entry.changes)
            for column, text in enumerate((f"{entry.at:%Y-%m-%d %H:%M}", entry.operator,
                                           f"{entry.entity}·{entry.action}", parts)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                self.setItem(row, column, item)

    def texts(self) -> list[str]:
        return [" ".join(self.item(r, c).text() for c in range(self.columnCount())) for r in range(self.rowCount())]
