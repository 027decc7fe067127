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
DUE_TIPS = {
    "answer": "答复期限：条例第三十三条，自收到申请之日起20个工作日内答复",
    "extended": "延期后的答复期限：条例第三十三条第二款，延长不超过20个工作日",
    "custom_answer": "另定的答复期限：条例第三十五条",
    "paused": "暂停计时：等待补正（条例第三十条）、第三方或其他机关意见（条例第三十二条、第三十四条）或缴费",
}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
UNCONFIRMED = "（未确认）"

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
    """Rows of CaseRow for one CaseQuery.

    Paging does not depend on the count: a page shorter than asked for means the end. The number of
    matches (`total`) is known at once when the first page is short, else None until `ensure_total()`
    is called — the register page does that one event-loop turn later, so the first rows show
    before the count query's scan of the table.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._query = CaseQuery()
        self._rows: list[CaseRow] = []
        self._exhausted = True
        self.total: int | None = 0

    # ---- the query ---------------------------------------------------------------------------

    def query(self) -> CaseQuery:
        return replace(self._query)

    def set_query(self, query: CaseQuery) -> None:
        """Load the first page of `query`."""
        self.beginResetModel()
        self._query = replace(query)
        self._load(PAGE)
        self.endResetModel()

    def _load(self, limit: int) -> None:
        self._rows = register.list_rows(self._query, 0, limit)
        self._exhausted = len(self._rows) < limit
        self.total = len(self._rows) if self._exhausted else None

    def ensure_total(self) -> int:
        """The number of matching cases (one count query if not yet known)."""
        if self.total is None:
            self.total = register.count(self._query)
        return self.total

    def refresh(self) -> None:
        """Reload after a change, keeping as many rows loaded as before (the scroll position survives)."""
        loaded = max(len(self._rows), PAGE)
        self.beginResetModel()
        self._load(loaded)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.set_query(replace(self._query, sort=COLUMNS[column][0],
                               descending=order == Qt.SortOrder.DescendingOrder))

    # ---- paging ------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = register.list_rows(self._query, len(self._rows), PAGE)
        if len(page) < PAGE:
            self._exhausted = True
            self.total = len(self._rows) + len(page)
        if page:
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
            return self.display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "due_on" and row.due_key:
            years = register.due_unconfirmed_years(row)
            unsure = (f"\n未确认：{'、'.join(map(str, years))}年节假日安排尚未确认，暂按周末和法定节假日计算"
                      "（未计补假和调休）") if years else ""
            return DUE_TIPS.get(row.due_key, "") + unsure
        if role == Qt.ItemDataRole.ToolTipRole and key in ("content", "outcome"):
            return outcomes.full_label(row.outcome) if key == "outcome" and row.outcome else row.content
        if role == ID_ROLE:
            return row.id
        return None

    @staticmethod
    def display(row: CaseRow, key: str) -> str:
        """A row's cell as the list shows it (and prints it)."""
        if key == "due_on" and row.due_on is None and row.due_key == "paused":
            return "暂停计时"  # waiting for a correction, an opinion or a fee: the clock is stopped
        if key == "due_on" and row.due_on is not None and register.due_unconfirmed_years(row):
            return _date(row.due_on) + UNCONFIRMED  # docs/legal/requests.md, 未确认: never shown as if certain
        if key in ("received_on", "answered_on", "due_on"):
            return _date(getattr(row, key))
        if key == "outcome":
            return outcome_text(row.outcome)
        return str(getattr(row, key) or "")
