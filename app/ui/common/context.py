"""The small context every page and case window is given: the workspace's events, today's date and
the few things a screen may ask of the program (open a case, say something in the status bar).

The main window makes one and hands it to each screen it builds; a screen built on its own (a test,
a case window opened without the main window) gets `Context.standalone()`.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

from app.ui.common.events import Changes, WorkspaceEvents


def _no_window(*_args: object) -> None:
    """A standalone screen has no main window to open a case in or to show a status line."""


class Context:
    def __init__(self, fixed_today: dt.date | None = None, open_case: Callable[[int], object] = _no_window,
                 show_status: Callable[[str, int], None] = _no_window, events: WorkspaceEvents | None = None):
        self.events = events or WorkspaceEvents()
        # A fixed date for tests and screenshots; None means the real date, read each time (the
        # program may stay open past midnight).
        self.fixed_today = fixed_today
        self.open_case = open_case
        self.show_status = show_status
        # False while the window is shown before its database has opened: nothing may be read yet.
        self.workspace_open = True

    @classmethod
    def standalone(cls, today: dt.date | None = None) -> "Context":
        return cls(fixed_today=today)

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    def announce(self, changes: Changes) -> None:
        self.events.announce(changes)
