"""The working-day calendar every limit is counted on: the holidays package overlaid with the
office's own entries and confirmed years (docs/legal/holidays.md). Changing it is
app/services/calendar.py."""
from __future__ import annotations

from app.domain.calendar import WorkCalendar
from app.store import calendar as store

_cache: dict[str, WorkCalendar] = {}


def work_calendar() -> WorkCalendar:
    """The calendar of the open workspace (cached until the office changes an entry)."""
    cal = _cache.get("cal")
    if cal is None:
        cal = WorkCalendar(store.entries(), store.confirmed_years().keys())
        _cache["cal"] = cal
    return cal


def invalidate() -> None:
    _cache.clear()
