"""How a limit reads to the clerk today: its state in words and its colour (the 期限 box and the
复议/诉讼 box of the case view)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor

from app.domain import clock
from app.domain.clock import Limit
from app.domain.dates import cn_date

LOAD_YEAR_PROMPT = "请在“工作日历”页面载入并确认该年度节假日安排"
RED = QColor("#c0392b")
ORANGE = QColor("#d35400")
GREY = QColor("#7f8c8d")


def limit_state(limit: Limit, today: dt.date, cal) -> str:
    """What the clerk needs to know about a limit today, in words: 剩余N个工作日 / 已超期N个工作日 / …"""
    if limit.superseded:
        return "已由其他期限取代"
    if limit.done_on is not None:
        return f"已完成（{cn_date(limit.done_on)}{'，晚于期限' if limit.late else ''}）"
    if limit.due is None:
        return "暂停" if limit.paused else "—"
    left = clock.days_left(limit, today, cal)
    if left < 0:
        return "已过（不再适用）" if limit.optional else f"已超期{-left}个工作日"
    return "今日到期" if left == 0 else f"剩余{left}个工作日"


def limit_colour(limit: Limit, today: dt.date, cal) -> QColor | None:
    level = clock.urgency(limit, today, cal)
    if level in (clock.OVERDUE, clock.DUE_TODAY):
        return RED
    if level == clock.DUE_SOON:
        return ORANGE
    if level in (clock.DONE, clock.SUPERSEDED, clock.LAPSED):
        return GREY
    return None


def unconfirmed_text(limit: Limit) -> str:
    years = "、".join(f"{y}年" for y in limit.unconfirmed_years)
    return (f"未确认：计算跨越{years}，该年度节假日安排尚未确认（暂按周末和法定节假日计算，未计补假和调休）。"
            f"{LOAD_YEAR_PROMPT}")
