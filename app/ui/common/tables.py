"""Read-only tables of rows the clerk selects and opens, made one way and filled one way; and the row
of buttons under them."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableWidget,
                               QTableWidgetItem, QWidget)

KEY_ROLE = Qt.ItemDataRole.UserRole


def make_table(headers: list[str] | tuple[str, ...]) -> QTableWidget:
    """A table of whole-row, single selection that cannot be edited in place."""
    return read_only(QTableWidget(0, len(headers)), headers)


def read_only(t: QTableWidget, headers: list[str] | tuple[str, ...]) -> QTableWidget:
    """`t` (a form's table) made as `make_table` makes one: these headers, whole-row single selection,
    not editable in place."""
    t.setColumnCount(len(headers))
    t.setHorizontalHeaderLabels(list(headers))
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.verticalHeader().hide()
    t.setWordWrap(False)
    return t


def fit_columns(t: QTableWidget, stretch: int) -> None:
    """Every column as wide as its contents but `stretch`, which takes the rest of the width."""
    header = t.horizontalHeader()
    for column in range(t.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)


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


def button_row(parent: QWidget, specs: tuple[tuple[str, str, str], ...], prefix: str
               ) -> tuple[QHBoxLayout, dict[str, QPushButton]]:
    """A row of buttons from (key, text, tooltip), named `{prefix}_{key}` for tests and screenshots,
    with a stretch after them."""
    row = QHBoxLayout()
    buttons: dict[str, QPushButton] = {}
    for key, text, tip in specs:
        button = QPushButton(text, parent)
        button.setObjectName(f"{prefix}_{key}")
        button.setToolTip(tip)
        buttons[key] = button
        row.addWidget(button)
    row.addStretch(1)
    return row, buttons
