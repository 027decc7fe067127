"""The register list as a Qt item model that fetches pages from services.register on demand.

With 100,000 requests the view only ever holds the rows scrolled to: Qt calls canFetchMore/fetchMore
as the user scrolls, and each call asks the service for the next page.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain import outcomes
from app.domain.request import CaseQuery, CaseRow
from app.services import register

PAGE = 200
# (sort key of store.register.SORT_FIELDS, header)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("case_no", "登记编号"), ("received_on", "收到日期"), ("applicant_kind", "申请人类别"), ("name", "申请人"),
    ("content", "申请内容"), ("status", "状态"), ("outcome", "办理结果"), ("answered_on", "答复日期"),
    ("due_on", "期限"),
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def outcome_text(code: str | None) -> str:
    if not code:
        return ""
    try:
        return f"{code} {outcomes.short_label(code)}"
    except KeyError:
        return code


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class CaseTableModel(QAbstractTableModel):
    """Rows of CaseRow for one CaseQuery; `total` is the number of matching cases."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._query = CaseQuery()
        self._rows: list[CaseRow] = []
        self.total = 0

    # ---- the query ---------------------------------------------------------------------------

    def query(self) -> CaseQuery:
        return replace(self._query)

    def set_query(self, query: CaseQuery) -> None:
        """Count the matches and load the first page."""
        self.beginResetModel()
        self._query = replace(query)
        self.total = register.count(self._query)
        self._rows = register.list_rows(self._query, 0, PAGE) if self.total else []
        self.endResetModel()

    def refresh(self) -> None:
        """Reload after a change, keeping as many rows loaded as before (the scroll position survives)."""
        loaded = max(len(self._rows), PAGE)
        self.beginResetModel()
        self.total = register.count(self._query)
        self._rows = register.list_rows(self._query, 0, loaded) if self.total else []
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.set_query(replace(self._query, sort=COLUMNS[column][0],
                               descending=order == Qt.SortOrder.DescendingOrder))

    # ---- paging ------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        page = register.list_rows(self._query, len(self._rows), PAGE)
        if not page:
            self.total = len(self._rows)  # the table shrank meanwhile
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # ---- the table ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def row(self, index: int) -> CaseRow:
        return self._rows[index]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("content", "outcome"):
            return outcomes.full_label(row.outcome) if key == "outcome" and row.outcome else row.content
        if role == ID_ROLE:
            return row.id
        return None

    @staticmethod
    def _display(row: CaseRow, key: str) -> str:
        if key in ("received_on", "answered_on", "due_on"):
            return _date(getattr(row, key))
        if key == "outcome":
            return outcome_text(row.outcome)
        return str(getattr(row, key) or "")
