"""What the home page (首页) shows besides the due lists: this year's figures for the charts and the
once-a-day start-up reminder. The due lists themselves come from services.deadlines.due_overview."""
from __future__ import annotations

import datetime as dt

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
