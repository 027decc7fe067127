"""The working-day calendar every limit is counted on: the holidays package overlaid with the
district's shared calendar and then the office's own entries and confirmed years
(docs/legal/holidays.md; docs/district.md, "The district's defaults": an office's entry for a day wins
over the district's). Changing it is app/services/calendar.py."""
from __future__ import annotations

import datetime as dt

from app.domain.calendar import WorkCalendar
from app.store import calendar as store
from app.store import district_defaults

_cache: dict[str, object] = {}


def _basis() -> tuple[dict[dt.date, tuple[bool, str]], dict[dt.date, tuple[bool, str]], set[int]]:
    """(the district's entries, the merged entries, the confirmed years: the district's and the office's)."""
    if "basis" not in _cache:
        shared = district_defaults.calendar_entries()
        own = _office_rows()
        merged = {**shared, **(own.entries() if own else {})}
        years = set(district_defaults.confirmed_years()) | set(own.confirmed_years() if own else ())
        _cache["stamp"] = district_defaults.calendar_stamp()
        _cache["basis"] = (shared, merged, years)
    return _cache["basis"]  # type: ignore[return-value]


def _office_rows():
    """The store of the office's own calendar rows, or None for the 区级 login looking at no office."""
    return store if district_defaults.sees_one_office() else None


def work_calendar() -> WorkCalendar:
    """The calendar of the open workspace (cached until the office, or the district, changes an entry)."""
    cal = _cache.get("cal")
    if cal is None:
        _, merged, years = _basis()
        cal = WorkCalendar(merged, years)
        _cache["cal"] = cal
    return cal  # type: ignore[return-value]


def entries() -> dict[dt.date, tuple[bool, str]]:
    """The entries the calendar counts with: the district's, each replaced by the office's for its day."""
    return _basis()[1]


def district_entries() -> dict[dt.date, tuple[bool, str]]:
    """The district's shared entries the calendar was built with ({} outside a district)."""
    return _basis()[0]


def fingerprint() -> str:
    """What the calendar's working days rest on (the district's and the office's entries, confirmed
    years, the holidays package), short: limits counted from another calendar are counted again
    (services.deadlines)."""
    value = _cache.get("fingerprint")
    if value is None:
        import hashlib

        import holidays

        _, merged, years = _basis()
        basis = (sorted(merged.items()), sorted(years), holidays.__version__)
        value = hashlib.sha1(repr(basis).encode("utf-8")).hexdigest()[:16]
        _cache["fingerprint"] = value
    return value  # type: ignore[return-value]


def catch_up() -> bool:
    """Whether the district changed its calendar since this desk built its own (one small query);
    if so the cached calendar is dropped, so the limits counted on the old one are counted again
    (their fingerprint no longer matches, services.deadlines). The 区级 login cannot write an office's
    limits: each office's desk recounts them when it next reads them."""
    if "stamp" not in _cache or _cache["stamp"] == district_defaults.calendar_stamp():
        return False
    invalidate()
    return True


def invalidate() -> None:
    _cache.clear()
