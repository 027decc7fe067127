"""What every page of the main window is: a widget built with the `Context`, with a title and a
`refresh()` that shows the register as it is now.

A page hears the workspace's announcements itself: a change that concerns it refreshes it at once
when it is on screen; a page out of sight is refreshed when the clerk next goes to it (the main
window calls `refresh()` on every visit).
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.common.context import Context
from app.ui.common.events import Changes


class Page(QWidget):
    title = ""

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx or Context.standalone()
        self.ctx.events.changed.connect(self._heard)

    def refresh(self) -> None:
        """Show the register as it is now (a page with nothing to reload keeps this)."""

    def select(self, key: object) -> None:
        """Show the record `key` (the context's show_page brings the clerk here to it)."""

    def printable(self) -> tuple[str, str] | None:
        """(title, HTML) of what Ctrl+P prints on this page (its list), or None when it has nothing."""
        return None

    def concerned_by(self, changes: Changes) -> bool:
        """Whether `changes` can alter what this page shows (by default: any change to cases)."""
        return changes.touches_cases() or changes.settings

    def _heard(self, changes: Changes) -> None:
        if self.isVisible() and self.concerned_by(changes):
            self.refresh()

    def today(self):
        return self.ctx.today()


def html_table(title: str, headers: list[str] | tuple[str, ...], rows: list[list[str]], note: str = "") -> str:
    """A printable list: a title, a bordered table, and a note under it (escaped: the rows hold what
    applicants wrote)."""
    from html import escape

    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return (f"<h2 style='text-align:center'>{escape(title)}</h2>"
            f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{body}</table>"
            + (f"<p>{escape(note)}</p>" if note else ""))
