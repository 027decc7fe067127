"""What the home page (首页) shows besides the due lists: this year's figures for the charts and the
once-a-day start-up reminder. The due lists themselves come from services.deadlines.due_overview."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain import outcomes
from app.store import home_stats, kv
from app.store.db import atomic

_REMINDER_KEY = "home.reminder_shown_on"


def received_per_month(year: int) -> list[int]:
    """Twelve counts, January first, of requests received (收到申请之日) in `year`."""
    counts = home_stats.received_per_month(year)
    return [counts.get(month, 0) for month in range(1, 13)]


def outcome_groups(year: int) -> list[tuple[str, int]]:
    """Answers recorded in `year` by outcome group (the six parts of table 3 of the annual report),
    as (short group name, count) in table order; groups with no case are kept so the chart is stable."""
    by_group = {group: 0 for group in outcomes.GROUP_LABELS}
    for code, n in home_stats.outcomes_answered_in(year).items():
        if code in outcomes.BY_CODE:
            by_group[outcomes.BY_CODE[code].group] += n
    return [(group_name(group), n) for group, n in by_group.items()]


def group_name(group: str) -> str:
    """（二）部分公开（区分处理的…） → 部分公开: short enough for a chart axis."""
    label = outcomes.GROUP_LABELS[group]
    return label.split("）", 1)[1].split("（", 1)[0]


def reminder_due(today: dt.date) -> bool:
    """Whether the daily reminder of due cases has not yet been shown on `today`."""
    return kv.get(_REMINDER_KEY) != today.isoformat()


def mark_reminder_shown(today: dt.date) -> None:
    with atomic():
        kv.put(_REMINDER_KEY, today.isoformat())


# ---------------------------------------------------------------- next year's holiday schedule

WARN_FROM_MONTH = 11  # the State Council's notice for the next year usually comes out in November or December


@dataclass(frozen=True)
class LimitInNextYear:
    case_id: int
    case_no: str
    name: str
    label: str
    due: dt.date


@dataclass(frozen=True)
class NextYearWarning:
    """From November: next year's schedule is not loaded, and the open cases whose limits fall in it."""

    year: int
    limits: tuple[LimitInNextYear, ...]

    @property
    def text(self) -> str:
        head = (f"{self.year}年节假日安排尚未载入。在“工作日历”页载入并确认之前，落在{self.year}年的期限只按周末和"
                f"法定节假日当日推算（不含补假和调休），标“未确认”，可能比实际早或晚；写有这些日期的告知书签发前会先询问。")
        if not self.limits:
            return head + f"目前没有案件的期限落在{self.year}年；此后受理或延期的案件，期限可能跨入{self.year}年。"
        cases = "、".join(f"{item.case_no} {item.name}（{item.label} {item.due.year}年{item.due.month}月{item.due.day}日）"
                         for item in self.limits[:6])
        more = f"等{len(self.limits)}件" if len(self.limits) > 6 else f"共{len(self.limits)}件"
        return head + f"期限已落在{self.year}年的案件：{cases}，{more}。"


def next_year_warning(today: dt.date) -> NextYearWarning | None:
    """From 1 November until next year's schedule is confirmed (docs/legal/holidays.md): the warning,
    with the open cases whose running limits already reach into next year. None otherwise."""
    from app.services import deadlines
    from app.services.work_calendar import work_calendar

    year = today.year + 1
    if today.month < WARN_FROM_MONTH or work_calendar().is_confirmed(year):
        return None
    found = [LimitInNextYear(case_id, case_no, name, limit.label, limit.due)
             for case_id, case_no, name, limit in deadlines.limits_reaching(dt.date(year, 1, 1), today)]
    found.sort(key=lambda item: (item.due, item.case_no))
    return NextYearWarning(year, tuple(found))
