"""The small context every page and case window is given: the workspace's events, today's date (and
the moment, for the limits counted in hours) and the few things a screen may ask of the program (open
a case, go to a record on another page, say something in the status bar).

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
                 show_status: Callable[[str, int], None] = _no_window, events: WorkspaceEvents | None = None,
                 show_page: Callable[[str, object], object] = _no_window, fixed_now: dt.datetime | None = None,
                 issue_notice: Callable[[int, str], object] = _no_window):
        self.events = events or WorkspaceEvents()
        # A fixed date for tests and screenshots; None means the real date, read each time (the
        # program may stay open past midnight).
        self.fixed_today = fixed_today
        # A fixed moment for the hour limits (舆情, docs/legal/duties.md) in tests and screenshots.
        self.fixed_now = fixed_now
        self.open_case = open_case
        # Go to the main window's page titled so and select the record `key` there (see Page.select).
        self.show_page = show_page
        self.show_status = show_status
        # Open the case with the 出具文书 dialog on this kind (e.g. the 回执 right after registering).
        self.issue_notice = issue_notice
        # False while the window is shown before its database has opened: nothing may be read yet.
        self.workspace_open = True

    @classmethod
    def standalone(cls, today: dt.date | None = None) -> "Context":
        return cls(fixed_today=today)

    def today(self) -> dt.date:
        if self.fixed_today is None and self.fixed_now is not None:
            return self.fixed_now.date()
        return self.fixed_today or dt.date.today()

    def now(self) -> dt.datetime:
        """The moment the hour limits are read at: the fixed one, else the clock's time on today."""
        if self.fixed_now is not None:
            return self.fixed_now
        moment = dt.datetime.now().replace(microsecond=0)
        return dt.datetime.combine(self.fixed_today, moment.time()) if self.fixed_today else moment

    def announce(self, changes: Changes) -> None:
        self.events.announce(changes)
