"""Moments as clerks type them and as the program prints them (hour limits, docs/legal/duties.md)."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.dates import cn_datetime, cn_duration, parse_datetime


@pytest.mark.parametrize("text, moment", [
    ("2025-09-30 23:00", dt.datetime(2025, 9, 30, 23, 0)),
    ("2025年9月30日17时50分", dt.datetime(2025, 9, 30, 17, 50)),
    ("2025/9/30 9:05", dt.datetime(2025, 9, 30, 9, 5)),
    ("2025-09-30T08:00", dt.datetime(2025, 9, 30, 8, 0)),
])
def test_a_moment_is_read_in_the_usual_forms(text, moment):
    assert parse_datetime(text) == moment


@pytest.mark.parametrize("text", ["2025-09-30", "2025-09-30 24:00", "2025-02-30 10:00", "下午五点", ""])
def test_a_moment_needs_a_real_day_and_time(text):
    assert parse_datetime(text) is None


def test_midnight_prints_as_24_00_of_the_day_it_ends():
    assert cn_datetime(dt.datetime(2025, 10, 1, 0, 0)) == "2025年9月30日24:00"
    assert cn_datetime(dt.datetime(2025, 10, 2, 23, 0)) == "2025年10月2日23:00"


def test_what_is_left_reads_in_days_hours_and_minutes():
    assert cn_duration(dt.timedelta(hours=6, minutes=10)) == "剩余6小时10分"
    assert cn_duration(dt.timedelta(hours=49)) == "剩余2天1小时"
    assert cn_duration(-dt.timedelta(minutes=1)) == "已超时1分"
    assert cn_duration(dt.timedelta()) == "剩余0分"
