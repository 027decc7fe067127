"""Changing the office's working-day calendar: a day, a year's confirmation, an imported schedule.

Each change is one use case that also recomputes the cached limits of every open case, so that no
saved deadline silently stays wrong. Reading the calendar is app/services/work_calendar.py.

In a district (docs/district.md, "The district's defaults") the 区级 login changes, with the same
use cases, the district's shared calendar instead, which every office inherits; the server refuses
that change to any other login. The 区级 login cannot write an office's limits: each office's desk
counts its open cases again when it next reads them (work_calendar.catch_up).
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.domain.calendar import schedule_problems
from app.domain.dates import parse_date
from app.services import deadlines
from app.services.errors import ServiceError, ValidationError
from app.services import work_calendar as merged
from app.services.work_calendar import invalidate, work_calendar
from app.store import audit, calendar as store, district_defaults as shared
from app.store.db import atomic

__all__ = ["work_calendar", "invalidate", "DayInfo", "year_view", "confirmed_years", "district_confirmed_years",
           "for_district", "set_day", "confirm_year", "import_schedule", "parse_schedule_rows"]


@dataclass(frozen=True)
class DayInfo:
    day: dt.date
    working: bool
    source: str
    office_entry: bool
    unconfirmed: bool
    district_entry: bool = False  # the district's shared calendar sets this day (docs/district.md)


def year_view(year: int) -> list[DayInfo]:
    """Every day of `year` with whether it is worked and why, for the month grids."""
    cal = work_calendar()
    office = {} if for_district() else store.entries()
    district = merged.district_entries()
    day, out = dt.date(year, 1, 1), []
    while day.year == year:
        out.append(DayInfo(day, cal.is_working_day(day), cal.source(day), day in office,
                           not cal.is_confirmed(year), day in district))
        day += dt.timedelta(days=1)
    return out


def for_district() -> bool:
    """Whether a change here is the district's shared calendar's (the 区级 login), not an office's."""
    from app.store import district

    return shared.present() and district.whoami()[1] == "district"


def confirmed_years() -> dict[int, str]:
    """The years confirmed by whoever changes the calendar here: the office (or, for the 区级 login, the district)."""
    return shared.confirmed_years() if for_district() else store.confirmed_years()


def district_confirmed_years() -> dict[int, str]:
    """The years the district confirmed for every office ({} outside a district)."""
    return shared.confirmed_years()


def _after_change() -> int:
    invalidate()
    if for_district():
        return 0  # no office's limits are the 区级 login's to write: each desk recounts (module docstring)
    return deadlines.refresh_open_cases()


def set_day(day: dt.date, working: bool | None, note: str = "") -> int:
    """Make `day` a working day (True), a day off (False), or back to the package (None).

    Returns the number of open cases whose limits were recomputed."""
    if for_district():
        with atomic():
            if working is None:
                shared.delete_calendar_entry(day)
            else:
                shared.put_calendar_entry(day, working, note.strip())
        return _after_change()
    old = store.entry(day)
    if working is None and old is None and day in merged.district_entries():
        raise ServiceError(f"{day.month}月{day.day}日是全区统一的设定，本单位不能删除；可以把这一天设为本单位的"
                           "“上班”或“休息”（本单位的设定优先于全区的）。")
    with atomic():
        if working is None:
            store.delete_entry(day)
        else:
            store.put_entry(day, working, note.strip())
        new = None if working is None else (working, note.strip())
        audit.record("calendar", day.isoformat(), "修改工作日历", {"day": [_describe(old), _describe(new)]})
    return _after_change()


def _describe(entry: tuple[bool, str] | None) -> str | None:
    if entry is None:
        return None
    return ("上班" if entry[0] else "休息") + (f"（{entry[1]}）" if entry[1] else "")


def confirm_problems(year: int, source: str) -> list[str]:
    """Why ``year`` cannot be confirmed now from the office's entries and this ``source`` (Chinese);
    [] when it can (app.domain.calendar.schedule_problems)."""
    if work_calendar().package_has_year(year):
        return [f"{year}年的国务院办公厅节假日安排已随程序载入，无需另行确认"]
    entries = shared.calendar_entries() if for_district() else merged.entries()
    return schedule_problems(year, entries, source.strip())


def confirm_year(year: int, source: str = "", confirmed: bool = True) -> int:
    """Confirm a year's schedule (or take that back). Confirming is the one act that makes a year
    certain (docs/legal/holidays.md, 已确认年度): the office's entries must hold every statutory holiday of
    全国年节及纪念日放假办法 and ``source`` must name the State Council notice they come from.
    Refused with ValidationError ({'source' or '第N项': problem}) otherwise."""
    source = source.strip()
    if confirmed:
        problems = confirm_problems(year, source)
        if problems:
            raise ValidationError({f"第{i}项": p for i, p in enumerate(problems, 1)})
    if for_district():
        with atomic():
            if confirmed:
                shared.put_confirmed_year(year, source)
            else:
                shared.delete_confirmed_year(year)
        return _after_change()
    with atomic():
        if confirmed:
            store.put_confirmed_year(year, source)
        else:
            store.delete_confirmed_year(year)
        audit.record("calendar", str(year), "确认年度节假日安排" if confirmed else "取消确认年度节假日安排",
                     {"confirmed": [not confirmed, confirmed], "source": [None, source]})
    return _after_change()


_WORK_WORDS = {"班": True, "上班": True, "工作日": True, "休": False, "休息": False, "放假": False, "节假日": False}


def parse_schedule_rows(rows: list[list[object]]) -> tuple[list[tuple[dt.date, bool, str]], dict[str, str]]:
    """Rows of (日期, 休/班, 备注) → entries and problems keyed '第N行' (a header row is skipped)."""
    entries, problems = [], {}
    for index, row in enumerate(rows, start=1):
        cells = [("" if c is None else c) for c in list(row) + ["", "", ""]][:3]
        if index == 1 and str(cells[0]).strip() in ("日期", "date"):
            continue
        if not any(str(c).strip() for c in cells):
            continue
        day = parse_date(cells[0])
        kind = _WORK_WORDS.get(str(cells[1]).strip())
        if day is None:
            problems[f"第{index}行"] = f"日期无法识别：{cells[0]}"
        elif kind is None:
            problems[f"第{index}行"] = f"第二列应为“休”或“班”：{cells[1]}"
        else:
            entries.append((day, kind, str(cells[2]).strip()))
    return entries, problems


def _read_rows(path: Path) -> list[list[object]]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            with open(path, encoding="utf-8-sig", newline="") as fh:
                return [list(r) for r in csv.reader(fh)]
        if suffix in (".xlsx", ".xlsm"):
            from app.services import spreadsheet  # bounded: a small file never makes the program read gigabytes

            return [[None if v == "" else v for v in row] for row in spreadsheet.read_sheet(path).rows]
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
        raise ServiceError(f"无法读取节假日安排文件 {path.name}：{exc}") from None
    raise ServiceError("节假日安排文件应为 .csv 或 .xlsx 格式")


def import_schedule(path: Path | str) -> tuple[int, int]:
    """Import a year's schedule (日期, 休/班, 备注) in one transaction; nothing is saved on any problem.

    Importing never confirms a year, however many rows the file has (a file of one row, or the
    bundled sample, must not make a year certain): the clerk checks the days and confirms the year
    with its source (``confirm_year``). Returns (entries imported, open cases recomputed)."""
    path = Path(path)
    entries, problems = parse_schedule_rows(_read_rows(path))
    if problems:
        raise ValidationError(problems)
    if not entries:
        raise ServiceError(f"文件 {path.name} 中没有节假日安排")
    years = sorted({d.year for d, _, _ in entries})
    if for_district():
        with atomic():
            for day, working, note in entries:
                shared.put_calendar_entry(day, working, note)
        return len(entries), _after_change()
    with atomic():
        for day, working, note in entries:
            store.put_entry(day, working, note)
        audit.record("calendar", ",".join(map(str, years)), "导入节假日安排",
                     {"file": [None, path.name], "entries": [None, len(entries)]})
    return len(entries), _after_change()
