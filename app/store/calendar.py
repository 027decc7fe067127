"""The office's own calendar entries (days off / working days) and confirmed years."""
from __future__ import annotations

import datetime as dt

from app.store import district
from app.store.schema import CalendarEntry, CalendarYear


def entries() -> dict[dt.date, tuple[bool, str]]:
    return {e.day: (e.is_workday, e.note) for e in CalendarEntry.select().order_by(CalendarEntry.day)}


def entry(day: dt.date) -> tuple[bool, str] | None:
    e = CalendarEntry.get_or_none(CalendarEntry.day == day)
    return (e.is_workday, e.note) if e else None


def put_entry(day: dt.date, is_workday: bool, note: str) -> None:
    (CalendarEntry.insert(day=day, is_workday=is_workday, note=note)
     .on_conflict(conflict_target=district.conflict_key(CalendarEntry.day), preserve=[CalendarEntry.is_workday, CalendarEntry.note])
     .execute())


def delete_entry(day: dt.date) -> None:
    CalendarEntry.delete().where(CalendarEntry.day == day).execute()


def confirmed_years() -> dict[int, str]:
    return {y.year: y.note for y in CalendarYear.select().order_by(CalendarYear.year)}


def put_confirmed_year(year: int, note: str) -> None:
    (CalendarYear.insert(year=year, note=note)
     .on_conflict(conflict_target=district.conflict_key(CalendarYear.year), preserve=[CalendarYear.note]).execute())


def delete_confirmed_year(year: int) -> None:
    CalendarYear.delete().where(CalendarYear.year == year).execute()
