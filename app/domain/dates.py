"""Dates as clerks write them: parsing the usual forms and printing the official one."""
from __future__ import annotations

import calendar as _months
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


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` later; a month without that day ends on its last day (31 Jan + 1 month =
    28/29 Feb; 民法典第二百零二条: 到期月的对应日, 没有对应日的为月末日)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, _months.monthrange(year, month)[1]))


def cn_date(d: dt.date | None) -> str:
    """The official form with Arabic numerals and no leading zeros: 2026年11月2日 (GB/T 9704)."""
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def parse_datetime(value: object) -> dt.datetime | None:
    """A moment typed as a date and a time (2026-10-12 17:50, 2026年10月12日17时50分, 2026/10/12 9:05);
    None when it is not a real moment (a time is required: an hour limit counts from it)."""
    if isinstance(value, dt.datetime):
        return value.replace(second=0, microsecond=0)
    if not isinstance(value, str):
        return None
    match = _TEXT_MOMENT.match(value)
    if not match:
        return None
    day = parse_date(match.group(1))
    hour, minute = int(match.group(2)), int(match.group(3))
    if day is None or hour > 23 or minute > 59:
        return None
    return dt.datetime.combine(day, dt.time(hour, minute))


_TEXT_MOMENT = re.compile(r"^\s*(\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?)\s*[T ]?\s*"
                          r"(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*分?\s*$")


def cn_datetime(moment: dt.datetime | None) -> str:
    """2026年9月30日23:00; midnight as 24:00 of the day it ends (the end of "当天")."""
    if moment is None:
        return ""
    if moment.time() == dt.time():
        return f"{cn_date(moment.date() - dt.timedelta(days=1))}24:00"
    return f"{cn_date(moment.date())}{moment:%H:%M}"


def cn_duration(delta: dt.timedelta) -> str:
    """剩余5小时10分 / 已超时2小时 / 剩余2天3小时: what is left of an hour limit, to the minute."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = ([f"{days}天"] if days else []) + ([f"{hours}小时"] if hours else []) + ([f"{mins}分"] if mins else [])
    text = "".join(parts) or "0分"
    return f"已超时{text}" if delta < dt.timedelta() else f"剩余{text}"


# 《中华人民共和国政府信息公开条例》（国务院令第492号）took effect on 1 May 2008: no request, notice
# or answer under it is dated earlier. A date typed as 0001-01-01 or 2206 is a slip, not a case.
FIRST_DAY = dt.date(2008, 5, 1)
FUTURE_YEARS = 5  # a due date may lie ahead, but not further than this


def check_plausible(day: dt.date, today: dt.date | None = None, future: bool = False) -> str | None:
    """None for a date a request, notice or answer can bear: from 2008-05-01 to today, or (`future`,
    a due date) up to FUTURE_YEARS ahead; else the Chinese reason."""
    today = today or dt.date.today()
    if day < FIRST_DAY:
        return f"日期{cn_date(day)}早于2008年5月1日（《政府信息公开条例》施行之日），请核对年份"
    if not future and day > today:
        return f"日期{cn_date(day)}晚于今天，请核对"
    if future and day.year > today.year + FUTURE_YEARS:
        return f"日期{cn_date(day)}过于遥远，请核对年份"
    return None
