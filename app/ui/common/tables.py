"""Read-only tables of rows the clerk selects and opens: made one way, filled one way."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

KEY_ROLE = Qt.ItemDataRole.UserRole


def make_table(headers: list[str] | tuple[str, ...]) -> QTableWidget:
    """A table of whole-row, single selection that cannot be edited in place."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(list(headers))
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.verticalHeader().hide()
    t.setWordWrap(False)
    return t


def set_row(t: QTableWidget, i: int, values: list[str], key: object, colour: str | None = None) -> None:
    """Row `i` shows `values`; every cell carries `key` (read back with `selected_key`)."""
    for j, text in enumerate(values):
        cell = QTableWidgetItem(text)
        cell.setData(KEY_ROLE, key)
        cell.setToolTip(text)
        if colour:
            cell.setBackground(QBrush(QColor(colour)))
        t.setItem(i, j, cell)


def selected_key(t: QTableWidget) -> object | None:
    items = t.selectedItems()
    return items[0].data(KEY_ROLE) if items else None


def texts(t: QTableWidget) -> list[list[str]]:
    """Every row's cells as the clerk reads them."""
    return [[t.item(r, c).text() if t.item(r, c) else "" for c in range(t.columnCount())] for r in range(t.rowCount())]
