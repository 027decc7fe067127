"""Doing something once a widget is on screen: the start-up opens the file after the window's first
paint, the home page counts its side panel after its due lists are drawn (docs/performance.md)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterPaint(QObject):
    """Calls `callback` once, as soon as `widget`'s next paint has finished (and `at_paint`, if
    given, at the paint itself). A child of the widget: gone with it."""

    def __init__(self, widget: QWidget, callback: Callable[[], None], at_paint: Callable[[], None] | None = None):
        super().__init__(widget)
        self._callback = callback
        self._at_paint = at_paint
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            if self._at_paint is not None:
                self._at_paint()
            QTimer.singleShot(0, self, self._callback)  # after the paint; not at all once the widget is gone
        return False
