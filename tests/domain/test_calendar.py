"""The working-day calendar against the 2026 schedule in docs/legal/holidays.md.

Every expected date below was counted by hand from the 2026 table (国务院办公厅, 2025-11-04),
not taken from the code's output.
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.calendar import STATUTORY_HOLIDAYS, WorkCalendar, schedule_problems, statutory_holidays

D = dt.date


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


# ------------------------------------------------------------------ the worked examples


def test_worked_examples_from_holidays_md(cal: WorkCalendar) -> None:
    received = D(2026, 11, 2)  # Monday
    assert cal.add_working_days(received, 20) == D(2026, 11, 30)
    assert cal.add_working_days(D(2026, 11, 30), 20) == D(2026, 12, 28)
    assert cal.add_working_days(received, 7) == D(2026, 11, 11)


# ------------------------------------------------------------------ which days work


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 1, 1), D(2026, 1, 2), D(2026, 1, 3),  # 元旦
        D(2026, 2, 15), D(2026, 2, 16), D(2026, 2, 20), D(2026, 2, 23),  # 春节
        D(2026, 4, 6),  # 清明
        D(2026, 5, 1), D(2026, 5, 4), D(2026, 5, 5),  # 劳动节
        D(2026, 6, 19),  # 端午
        D(2026, 9, 25),  # 中秋
        D(2026, 10, 1), D(2026, 10, 5), D(2026, 10, 7),  # 国庆
        D(2026, 3, 7), D(2026, 3, 8),  # an ordinary weekend
    ],
)
def test_days_off_2026(cal: WorkCalendar, day: dt.date) -> None:
    assert not cal.is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)],
)
def test_makeup_working_days_2026(cal: WorkCalendar, day: dt.date) -> None:
    assert day.weekday() >= 5
    assert cal.is_working_day(day)
    assert cal.source(day) == "调休上班（国务院办公厅通知）"


def test_ordinary_weekdays_work(cal: WorkCalendar) -> None:
    assert cal.is_working_day(D(2026, 2, 24))  # first day back after 春节
    assert cal.is_working_day(D(2026, 10, 8))  # first day back after 国庆
    assert cal.is_working_day(D(2026, 3, 3))


def test_matches_the_package_day_by_day_for_published_years(cal: WorkCalendar) -> None:
    import holidays

    table = holidays.China(years=[2025, 2026])
    day = D(2025, 1, 1)
    while day <= D(2026, 12, 31):
        assert cal.is_working_day(day) == table.is_working_day(day), day
        day += dt.timedelta(days=1)


# ------------------------------------------------------------------ counting across holidays


def test_new_year_2026(cal: WorkCalendar) -> None:
    # Wed 2025-12-31: 1/1–1/3 off, Sun 1/4 is day 1.
    assert cal.next_working_day(D(2025, 12, 31)) == D(2026, 1, 4)
    assert cal.add_working_days(D(2025, 12, 31), 7) == D(2026, 1, 12)
    assert cal.add_working_days(D(2025, 12, 31), 20) == D(2026, 1, 29)


def test_spring_festival_uses_both_makeup_saturdays(cal: WorkCalendar) -> None:
    # Mon 2026-02-09: 10,11,12,13, Sat 14 (5th), 24..27, Sat 28 (10th), then March.
    received = D(2026, 2, 9)
    assert cal.add_working_days(received, 5) == D(2026, 2, 14)
    assert cal.add_working_days(received, 6) == D(2026, 2, 24)
    assert cal.add_working_days(received, 7) == D(2026, 2, 25)
    assert cal.add_working_days(received, 10) == D(2026, 2, 28)
    assert cal.add_working_days(received, 20) == D(2026, 3, 13)


def test_labour_day(cal: WorkCalendar) -> None:
    # Tue 2026-04-28: 29, 30, (5/1–5/5 off), 6, 7, 8, Sat 9 (6th), 11 (7th) ... 28 (20th).
    received = D(2026, 4, 28)
    assert cal.add_working_days(received, 6) == D(2026, 5, 9)
    assert cal.add_working_days(received, 7) == D(2026, 5, 11)
    assert cal.add_working_days(received, 20) == D(2026, 5, 28)


def test_national_day(cal: WorkCalendar) -> None:
    # Fri 2026-09-18: Sun 9/20 is day 1; 9/25 off; 9/30 is day 8; 10/8, 10/9, Sat 10/10 (11th).
    received = D(2026, 9, 18)
    assert cal.add_working_days(received, 1) == D(2026, 9, 20)
    assert cal.add_working_days(received, 7) == D(2026, 9, 29)
    assert cal.add_working_days(received, 9) == D(2026, 10, 8)
    assert cal.add_working_days(received, 11) == D(2026, 10, 10)
    assert cal.add_working_days(received, 20) == D(2026, 10, 22)


def test_start_on_a_rest_day_changes_nothing(cal: WorkCalendar) -> None:
    # Any start from 10/1 to 10/7 gives day 1 = 10/8 and day 20 = 11/3.
    for day in (1, 3, 4, 7):
        assert cal.add_working_days(D(2026, 10, day), 1) == D(2026, 10, 8)
        assert cal.add_working_days(D(2026, 10, day), 20) == D(2026, 11, 3)
    # A makeup Saturday is itself a working day, but the start day is never counted.
    assert cal.add_working_days(D(2026, 10, 10), 20) == D(2026, 11, 6)


def test_zero_and_negative(cal: WorkCalendar) -> None:
    assert cal.add_working_days(D(2026, 10, 3), 0) == D(2026, 10, 3)
    with pytest.raises(ValueError):
        cal.add_working_days(D(2026, 10, 3), -1)


def test_working_days_between(cal: WorkCalendar) -> None:
    assert cal.working_days_between(D(2026, 11, 2), D(2026, 11, 30)) == 20
    assert cal.working_days_between(D(2026, 9, 30), D(2026, 10, 8)) == 1
    assert cal.working_days_between(D(2026, 10, 8), D(2026, 9, 30)) == -1
    assert cal.working_days_between(D(2026, 10, 3), D(2026, 10, 3)) == 0
    assert cal.working_days_between(D(2026, 2, 13), D(2026, 2, 24)) == 2  # Sat 2/14 and Tue 2/24


def test_working_day_on_or_after(cal: WorkCalendar) -> None:
    assert cal.working_day_on_or_after(D(2026, 10, 1)) == D(2026, 10, 8)
    assert cal.working_day_on_or_after(D(2026, 10, 8)) == D(2026, 10, 8)


# ------------------------------------------------------------------ confirmed years


def test_confirmed_years_from_the_package(cal: WorkCalendar) -> None:
    assert cal.is_confirmed(2025)
    assert cal.is_confirmed(2026)
    assert not cal.is_confirmed(2027)  # holidays 0.109 has no 2027 notice
    assert cal.unconfirmed_years_between(D(2026, 12, 15), D(2027, 1, 12)) == (2027,)
    assert cal.unconfirmed_years_between(D(2026, 1, 1), D(2026, 12, 31)) == ()
    assert cal.unconfirmed_years_after(D(2026, 12, 31), D(2026, 12, 31)) == ()


def test_unconfirmed_year_counts_weekends_and_the_statutory_holidays(cal: WorkCalendar) -> None:
    """2027 has no notice yet. 全国年节及纪念日放假办法第二条 fixes 元旦 on 1 January, so Fri 2027-01-01
    is a day off whatever the notice says; 补假 and 调休 are left out (only the notice fixes them)."""
    assert not cal.is_working_day(D(2027, 1, 1))
    assert not cal.is_working_day(D(2027, 1, 2))
    assert cal.is_working_day(D(2027, 1, 4))
    # Tue 2026-12-15: 16–18 (3), 21–25 (8), 28–31 (12), [Fri 1/1 元旦], 1/4–1/8 (17), 11, 12, 13 (20).
    assert cal.add_working_days(D(2026, 12, 15), 20) == D(2027, 1, 13)
    assert cal.add_working_days_flagged(D(2026, 12, 15), 20) == (D(2027, 1, 13), (2027,))
    assert cal.add_working_days_flagged(D(2026, 12, 15), 7) == (D(2026, 12, 24), ())
    assert "未确认" in cal.source(D(2027, 1, 1)) and "元旦" in cal.source(D(2027, 1, 1))
    assert "未确认" in cal.source(D(2027, 1, 4))


def test_office_confirms_a_year_with_its_own_table() -> None:
    cal = WorkCalendar({D(2027, 1, 1): (False, "元旦（国办发〔2026〕X号）")}, confirmed_years=[2027])
    assert cal.is_confirmed(2027)
    assert not cal.is_working_day(D(2027, 1, 1))
    assert cal.source(D(2027, 1, 1)) == "元旦（国办发〔2026〕X号）"
    # The office's table here has 1/1 off as the statutory count above: the same day, now certain.
    assert cal.add_working_days_flagged(D(2026, 12, 15), 20) == (D(2027, 1, 13), ())


# ------------------------------------------------------------------ office overrides


def test_override_day_off_moves_the_limit() -> None:
    cal = WorkCalendar({D(2026, 11, 16): (False, "国办发明电〔2026〕X号")})
    assert not cal.is_working_day(D(2026, 11, 16))
    assert cal.add_working_days(D(2026, 11, 2), 20) == D(2026, 12, 1)
    assert cal.source(D(2026, 11, 16)) == "国办发明电〔2026〕X号"


def test_override_working_saturday_and_package_day_lose() -> None:
    cal = WorkCalendar({
        D(2026, 11, 7): (True, ""),  # an extra working Saturday
        D(2026, 10, 10): (False, "本机关：不调休"),  # overrides a package makeup day
    })
    assert cal.add_working_days(D(2026, 11, 2), 20) == D(2026, 11, 27)
    assert not cal.is_working_day(D(2026, 10, 10))
    assert cal.source(D(2026, 11, 7)) == "机关设定：工作日"


# ------------------------------------------------------------------ sources


def test_sources(cal: WorkCalendar) -> None:
    assert cal.source(D(2026, 2, 17)) == "春节（国务院办公厅通知）"
    assert cal.source(D(2026, 1, 1)) == "元旦（国务院办公厅通知）"
    assert cal.source(D(2026, 4, 6)) == "清明节（补假，国务院办公厅通知）"
    assert "国务院办公厅通知" in cal.source(D(2026, 2, 20))  # 调休 day off
    assert cal.source(D(2026, 3, 3)) == "工作日"
    assert cal.source(D(2026, 3, 7)) == "周末休息"


def test_holidays_is_imported_lazily() -> None:
    code = "import sys, app.domain.calendar, app.domain.clock; print('holidays' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------------ properties

dates = st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 6, 30))


@settings(max_examples=300, deadline=None)
@given(start=dates, n=st.integers(min_value=1, max_value=120))
def test_add_lands_on_a_working_day_n_days_on(start: dt.date, n: int) -> None:
    cal = _shared()
    due = cal.add_working_days(start, n)
    assert cal.is_working_day(due)
    assert due > start
    assert cal.working_days_between(start, due) == n
    assert cal.add_working_days(start, n + 1) > due


@settings(max_examples=200, deadline=None)
@given(a=dates, b=dates)
def test_between_is_antisymmetric(a: dt.date, b: dt.date) -> None:
    cal = _shared()
    assert cal.working_days_between(a, b) == -cal.working_days_between(b, a)


_CAL: list[WorkCalendar] = []


def _shared() -> WorkCalendar:
    # Hypothesis dislikes function-scoped fixtures; one calendar is enough (it is immutable).
    if not _CAL:
        _CAL.append(WorkCalendar())
    return _CAL[0]


# ------------------------------------------------------------------ confirming a year (docs/legal/requests.md, 未确认)

# 2027 as a State Council notice would list it (the days off of each holiday), for the check below.
_2027_OFF = {
    "元旦": [D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3)],
    "春节": [D(2027, 2, d) for d in range(5, 14)],
    "清明": [D(2027, 4, 3), D(2027, 4, 4), D(2027, 4, 5)],
    "劳动节": [D(2027, 5, d) for d in range(1, 6)],
    "端午": [D(2027, 6, 9), D(2027, 6, 10), D(2027, 6, 11)],
    "中秋": [D(2027, 9, 15), D(2027, 9, 16), D(2027, 9, 17)],
    "国庆": [D(2027, 10, d) for d in range(1, 8)],
}
_SOURCE = "国务院办公厅关于2027年部分节假日安排的通知"


def _entries(skip: str = "", note: str = "国办发明电") -> dict:
    return {d: (False, f"{name}（{note}）") for name, days in _2027_OFF.items() if name != skip for d in days}


def test_statutory_holidays_are_the_days_the_law_fixes() -> None:
    """全国年节及纪念日放假办法第二条 (2024): 元旦 1 day, 春节 4 (除夕 to 初三), 清明 1, 劳动节 2, 端午 1,
    中秋 1, 国庆 3 — in 2027: 除夕 is 2/5; 清明 4/5; 端午 6/9; 中秋 9/15."""
    days = statutory_holidays(2027)
    assert sorted(d for d, n in days.items() if n == "春节") == [D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7),
                                                                 D(2027, 2, 8)]
    assert [d for d, n in days.items() if n == "劳动节"] == [D(2027, 5, 1), D(2027, 5, 2)]
    assert sorted(d for d, n in days.items() if n == "国庆") == [D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3)]
    assert {n for n in days.values()} == set(STATUTORY_HOLIDAYS)


def test_a_complete_schedule_with_its_source_confirms_a_year() -> None:
    assert schedule_problems(2027, _entries(), _SOURCE) == []


def test_a_schedule_missing_a_holiday_or_its_source_does_not() -> None:
    problems = schedule_problems(2027, _entries(skip="中秋"), _SOURCE)
    assert len(problems) == 1 and "中秋" in problems[0]
    one_row = {D(2027, 1, 1): (False, "元旦")}
    assert len(schedule_problems(2027, one_row, _SOURCE)) == 6  # every holiday but 元旦 missing
    assert any("来源" in p for p in schedule_problems(2027, _entries(), "本机关核对"))


def test_sample_data_never_confirms_a_year() -> None:
    problems = schedule_problems(2027, _entries(note="示例数据"), _SOURCE)
    assert any("示例" in p for p in problems)


def test_a_statutory_day_made_a_working_day_is_not_complete() -> None:
    entries = _entries()
    entries[D(2027, 10, 2)] = (True, "错录为上班")
    assert any("国庆" in p for p in schedule_problems(2027, entries, _SOURCE))
