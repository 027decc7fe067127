"""Dates as clerks write them: parsing the usual forms and printing the official one."""
from __future__ import annotations

import datetime as dt
import re

_TEXT_DATE = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$")
_EIGHT_DIGITS = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_date(value: object) -> dt.date | None:
    """A date from an Excel cell or text (2026-3-5, 2026年3月5日, 2026.03.05, 2026/3/5, 20260305);
    None when it is not a real date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 < value < 80000:  # an Excel serial date between 1954 and 2119
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        value = str(int(value))
    if not isinstance(value, str):
        return None
    match = _TEXT_DATE.match(value) or _EIGHT_DIGITS.match(value)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def or_today(day: dt.date | None) -> dt.date:
    """`day`, or the real today when none was given (callers and tests may fix the date)."""
    return day or dt.date.today()


def cn_date(d: dt.date | None) -> str:
    """The official form with Arabic numerals and no leading zeros: 2026年11月2日 (GB/T 9704)."""
    return f"{d.year}年{d.month}月{d.day}日" if d else ""
