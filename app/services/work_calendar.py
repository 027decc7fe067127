"""The working-day calendar every limit is counted on: the holidays package overlaid with the
office's own entries and confirmed years (docs/legal/holidays.md). Changing it is
app/services/calendar.py."""
from __future__ import annotations

from app.domain.calendar import WorkCalendar
from app.store import calendar as store

_cache: dict[str, object] = {}


def work_calendar() -> WorkCalendar:
    """The calendar of the open workspace (cached until the office changes an entry)."""
    cal = _cache.get("cal")
    if cal is None:
        cal = WorkCalendar(store.entries(), store.confirmed_years().keys())
        _cache["cal"] = cal
    return cal  # type: ignore[return-value]


def fingerprint() -> str:
    """What the calendar's working days rest on (the office's entries, confirmed years, the holidays
    package), short: limits counted from another calendar are counted again (services.deadlines)."""
    value = _cache.get("fingerprint")
    if value is None:
        import hashlib

        import holidays

        basis = (sorted(store.entries().items()), sorted(store.confirmed_years()), holidays.__version__)
        value = hashlib.sha1(repr(basis).encode("utf-8")).hexdigest()[:16]
        _cache["fingerprint"] = value
    return value  # type: ignore[return-value]


def invalidate() -> None:
    _cache.clear()
