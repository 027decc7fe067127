"""The register list as a Qt item model that fetches pages from services.register on demand.

With 100,000 requests the view only ever holds the rows scrolled to: Qt calls canFetchMore/fetchMore
as the user scrolls, and each call asks the service for the next page. Every query runs through
`runner`, which the register page points at a background operation: the GUI thread only ever
shows rows that have arrived (docs/performance.md, "Search as you type").
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.domain import outcomes
from app.domain.request import CaseQuery, CaseRow
from app.services import register

PAGE = 200
COUNT_AT_MOST = 1000  # matches are counted this far as the clerk types ("1000+"); further when asked
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


Runner = Callable[[str, Callable[[], Any], Callable[[Any], None]], None]


def _unsure(rows: list[CaseRow]) -> dict[int, tuple[int, ...]]:
    """The years not confirmed that each row's limit runs through, worked out with the rows (off the
    GUI thread: the first look at the calendar loads the holiday tables)."""
    return {row.id: register.due_unconfirmed_years(row) for row in rows}


def run_here(_key: str, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
    """The plain runner: the query runs at once, on the calling thread."""
    done(fn())


class CaseTableModel(QAbstractTableModel):
    """Rows of CaseRow for one CaseQuery.

    Paging does not depend on the count: a page shorter than asked for means the end. The matches
    are counted up to COUNT_AT_MOST with the first page (`total`, and `more` when there are more);
    `count_all` counts them all. `loaded` is emitted when a first page and its counts have arrived.
    A result that arrives after a newer query was asked for is dropped: the newest query wins.
    """

    loaded = Signal()

    def __init__(self, parent=None, runner: Runner = run_here):
        super().__init__(parent)
        self.runner = runner
        self._query = CaseQuery()
        self._wanted = self._query
        self._rows: list[CaseRow] = []
        self._exhausted = True
        self._fetching = False
        self.total: int = 0
        self.more = False  # more matches than `total`
        self.grand_total = 0
        self._grand_counted = False
        self._unsure: dict[int, tuple[int, ...]] = {}  # case id -> unconfirmed years its limit runs through

    # ---- the query ---------------------------------------------------------------------------

    def query(self) -> CaseQuery:
        return replace(self._wanted)

    def set_query(self, query: CaseQuery) -> None:
        """Load the first page of `query` (and count it; every case is counted the first time only)."""
        self._load(replace(query), PAGE, every=self._grand_counted is False)

    def refresh(self) -> None:
        """Reload after a change, keeping as many rows loaded as before (the scroll position survives),
        and count every case again."""
        self._load(self._wanted, max(len(self._rows), PAGE), every=True)

    def _load(self, query: CaseQuery, limit: int, every: bool) -> None:
        self._wanted = query
        self._grand_counted = True  # asked for: a keystroke need not count every case again

        def search() -> tuple:
            # Counting every case reads a whole index (a quarter of a second at 1,000,000 cases).
            rows, total = register.search(query, limit, COUNT_AT_MOST)
            return rows, total, register.count(CaseQuery()) if every else None, _unsure(rows)

        self.runner("register.search", search, lambda found: self._arrived(query, limit, found))

    def _arrived(self, query: CaseQuery, limit: int, found: tuple) -> None:
        if query != self._wanted:
            return  # a newer query is on its way
        rows, total, grand, unsure = found
        self.beginResetModel()
        self._query, self._rows, self._fetching, self._unsure = query, rows, False, unsure
        self._exhausted = len(rows) < limit
        self.total, self.more = (len(rows), False) if self._exhausted else (total, total >= COUNT_AT_MOST)
        if grand is not None:
            self.grand_total = grand
        self.endResetModel()
        self.loaded.emit()

    def count_all(self) -> None:
        """Count every match (when the clerk asks: the list shows "1000+" until then)."""
        query = self._query
        self.runner("register.count", lambda: register.count(query), lambda n: self._counted(query, n))

    def _counted(self, query: CaseQuery, total: int) -> None:
        if query == self._query:
            self.total, self.more = total, False
            self.loaded.emit()

    def ensure_total(self) -> int:
        """The number of matching cases, counted now if only a part is known."""
        if self.more:
            self.total, self.more = register.count(self._query), False
        return self.total

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.set_query(replace(self._wanted, sort=COLUMNS[column][0],
                               descending=order == Qt.SortOrder.DescendingOrder))

    # ---- paging ------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._fetching = True
        query, offset = self._query, len(self._rows)
        def more() -> tuple:
            page = register.list_rows(query, offset, PAGE)
            return page, _unsure(page)

        self.runner("register.more", more, lambda found: self._more(query, offset, *found))

    def _more(self, query: CaseQuery, offset: int, page: list[CaseRow], unsure: dict[int, tuple[int, ...]]) -> None:
        if query != self._query or offset != len(self._rows):
            return  # the list was reloaded meanwhile
        self._fetching = False
        self._unsure.update(unsure)
        if len(page) < PAGE:
            self._exhausted = True
            self.total, self.more = len(self._rows) + len(page), False
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
            years = self.unconfirmed(row)
            unsure = (f"\n未确认：{'、'.join(map(str, years))}年节假日安排尚未确认，暂按周末和法定节假日计算"
                      "（未计补假和调休）") if years else ""
            return DUE_TIPS.get(row.due_key, "") + unsure
        if role == Qt.ItemDataRole.ToolTipRole and key in ("content", "outcome"):
            return outcomes.full_label(row.outcome) if key == "outcome" and row.outcome else row.content
        if role == ID_ROLE:
            return row.id
        return None

    def unconfirmed(self, row: CaseRow) -> tuple[int, ...]:
        """The unconfirmed years the row's limit runs through: found with the rows off the GUI thread;
        for a row the list has not loaded (a printout), now."""
        years = self._unsure.get(row.id)
        return register.due_unconfirmed_years(row) if years is None else years

    def display(self, row: CaseRow, key: str) -> str:
        """A row's cell as the list shows it (and prints it)."""
        if key == "due_on" and row.due_on is None and row.due_key == "paused":
            return "暂停计时"  # waiting for a correction, an opinion or a fee: the clock is stopped
        if key == "due_on" and row.due_on is not None and self.unconfirmed(row):
            return _date(row.due_on) + UNCONFIRMED  # docs/legal/requests.md, 未确认: never shown as if certain
        if key in ("received_on", "answered_on", "due_on"):
            return _date(getattr(row, key))
        if key == "outcome":
            return outcome_text(row.outcome)
        return str(getattr(row, key) or "")
