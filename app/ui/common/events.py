"""What changed in the open workspace, announced once and heard by every screen that cares.

Screens never reach into each other to refresh (docs/architecture.md, "How the rooms talk"): the one
that changed something announces it here, and each page or case window decides for itself what to
reload. The same `Changes` value is what a background operation announces when it succeeds.
"""
from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QObject, Signal


class Changes(NamedTuple):
    """One announcement: the cases touched (by id), or whole kinds of change. (A NamedTuple, not a
    dataclass: it is made before the first paint, and importing dataclasses costs the start-up.)"""

    case_ids: frozenset[int] = frozenset()
    cases: bool = False  # many cases at once (an import, a recount, demo data): reload every list
    calendar: bool = False  # the working-day calendar: every limit may have moved
    settings: bool = False  # the office's settings: titles, notices, numbering
    workspace: bool = False  # the whole file was replaced (restore, undo): reload everything
    # 舆情, 新闻发布, 政策解读, 发布登记 (docs/legal/duties.md): their pages and the home page's countdowns
    duties: bool = False

    @classmethod
    def case(cls, case_id: int) -> "Changes":
        return cls(case_ids=frozenset({case_id}))

    def touches_case(self, case_id: int) -> bool:
        return case_id in self.case_ids or self.cases or self.calendar or self.workspace

    def touches_duties(self) -> bool:
        """Whether the duties' records (and their countdowns) may now read differently."""
        return self.duties or self.calendar or self.workspace or self.settings

    def touches_cases(self) -> bool:
        """Whether a list of cases (register, home page, report) may now read differently."""
        return bool(self.case_ids) or self.cases or self.calendar or self.workspace


class WorkspaceEvents(QObject):
    """The announcements of one open workspace; `changed` carries a `Changes`.

    The specific signals are for screens that care about one kind only."""

    changed = Signal(object)
    case_changed = Signal(int)
    cases_changed = Signal()
    calendar_changed = Signal()
    settings_changed = Signal()
    workspace_replaced = Signal()

    def announce(self, changes: Changes) -> None:
        for case_id in sorted(changes.case_ids):
            self.case_changed.emit(case_id)
        if changes.cases:
            self.cases_changed.emit()
        if changes.calendar:
            self.calendar_changed.emit()
        if changes.settings:
            self.settings_changed.emit()
        if changes.workspace:
            self.workspace_replaced.emit()
        self.changed.emit(changes)
