"""舆情 limits in hours and the order of the steps (docs/legal/duties.md, 舆情回应).

Every expected moment below is worked out by hand from the rules: hours run on the calendar from the
moment the item was found (民法典第二百零一条), through nights, weekends and holidays; 当天 ends at 24:00
of the day it was found. The 2025 国庆 holiday is 1–8 October (国办发明电〔2024〕12号): none of it moves
an hour limit.
"""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain import clock
from app.domain import opinion as op
from app.domain.opinion import Item, ItemData, Step

T = dt.datetime
EVE = T(2025, 9, 30, 23, 0)  # Tuesday 23:00, the eve of the 国庆 holiday


def item(found: dt.datetime, level: str = op.LEVEL_ORDINARY, emergency: bool = False, steps=()) -> Item:
    data = ItemData(found_at=found, source="网络媒体", title="某村道路积水", level=level, emergency=emergency)
    return Item(1, "2025-001", data, tuple(steps))


def step(key: str, at: dt.datetime, **values: str) -> Step:
    return Step(0, key, at, "王丽", values)


def shown(it: Item) -> dict[str, dt.datetime]:
    return {lim.key: lim.due_at for lim in op.limits(it) if not lim.superseded}


# ---------------------------------------------------------------- found at 23:00 on the eve of a holiday


def test_an_ordinary_item_found_at_23_on_the_eve_of_the_holiday_is_due_48_hours_later_on_a_holiday():
    """国办发〔2016〕61号 三: 48 hours. 30 Sep 23:00 + 48 h = 2 Oct 23:00, a holiday (国庆, 1–8 Oct):
    hours are not working days, so the limit stays there (a working-day count would have moved it to
    9 October). No report limit: only 重要 items are reported at once."""
    it = item(EVE)
    assert shown(it) == {op.KEY_RESPOND_48: T(2025, 10, 2, 23, 0)}
    respond = op.limits(it)[0]
    assert respond.due == dt.date(2025, 10, 2) and respond.in_hours and respond.legal
    assert clock.hour_urgency(respond, T(2025, 10, 2, 16, 0)) == clock.OK          # 7 hours left
    assert clock.hour_urgency(respond, T(2025, 10, 2, 17, 0)) == clock.DUE_SOON    # 6 hours left
    assert clock.hour_urgency(respond, T(2025, 10, 2, 23, 0)) == clock.DUE_SOON    # the last moment
    assert clock.hour_urgency(respond, T(2025, 10, 2, 23, 1)) == clock.OVERDUE
    assert clock.time_left(respond, T(2025, 10, 1, 9, 0)) == dt.timedelta(hours=38)


def test_an_important_item_found_at_23_on_the_eve_is_due_that_same_day_at_24():
    """本乡舆情应对工作制度 四(三): 重要 items are answered 当天 — by 24:00 of 30 September, one hour after
    it was found; the report to the 分管领导 (第一时间) falls at the same moment at the latest. The 48-hour
    limit (2 Oct 23:00) is kept but superseded by the earlier one."""
    it = item(EVE, op.LEVEL_IMPORTANT)
    midnight = T(2025, 10, 1, 0, 0)
    assert shown(it) == {op.KEY_REPORT: midnight, op.KEY_RESPOND_DAY: midnight}
    superseded = [lim for lim in op.limits(it) if lim.superseded]
    assert [(lim.key, lim.due_at) for lim in superseded] == [(op.KEY_RESPOND_48, T(2025, 10, 2, 23, 0))]
    day = next(lim for lim in op.limits(it) if lim.key == op.KEY_RESPOND_DAY)
    assert day.due == dt.date(2025, 9, 30)  # 24:00 belongs to the day it ends
    assert not day.legal  # the township's own rule
    assert clock.time_left(day, EVE) == dt.timedelta(hours=1)


def test_an_emergency_found_at_23_on_the_eve_needs_authoritative_information_by_4_and_a_conference_by_23():
    """富阳区实施意见第4条: authoritative information within 5 hours → 1 Oct 04:00; a press conference
    within 24 hours (also 国办发〔2016〕61号 三) → 1 Oct 23:00, both on the 国庆 holiday."""
    it = item(EVE, emergency=True)
    assert shown(it) == {op.KEY_REPORT: T(2025, 10, 1, 0, 0), op.KEY_AUTHORITATIVE: T(2025, 10, 1, 4, 0),
                         op.KEY_PRESS: T(2025, 10, 1, 23, 0)}


# ---------------------------------------------------------------- an important item found at 17:50


FRIDAY_1750 = T(2025, 10, 17, 17, 50)


def test_an_important_item_found_at_17_50_is_due_at_24_the_same_day_not_at_the_end_of_office_hours():
    """当天 is the calendar day: found Friday 17 Oct 17:50, answered by 24:00 — 6 hours 10 minutes, even
    though office hours are over; not Monday (a working-day count) and not 48 hours."""
    it = item(FRIDAY_1750, op.LEVEL_IMPORTANT)
    respond = next(lim for lim in op.limits(it) if lim.key == op.KEY_RESPOND_DAY)
    assert respond.due_at == T(2025, 10, 18, 0, 0)
    assert clock.time_left(respond, FRIDAY_1750) == dt.timedelta(hours=6, minutes=10)
    assert clock.hour_urgency(respond, T(2025, 10, 17, 17, 55)) == clock.OK        # 6 h 05 left
    assert clock.hour_urgency(respond, T(2025, 10, 17, 18, 0)) == clock.DUE_SOON   # 6 h left
    assert clock.hour_urgency(respond, T(2025, 10, 17, 23, 59)) == clock.DUE_SOON
    assert clock.hour_urgency(respond, T(2025, 10, 18, 0, 1)) == clock.OVERDUE
    assert [w for w in op.warnings(it, T(2025, 10, 18, 0, 1)) if "当天回应" in w] == \
        ["当天回应（重要舆情）已超时（时限2025年10月17日24:00）"]


def test_an_important_item_answered_at_21_30_is_in_time_and_one_answered_next_morning_is_late():
    steps = [step(op.REPORT, T(2025, 10, 17, 18, 0), leader="陈建国"),
             step(op.INVESTIGATE, T(2025, 10, 17, 19, 0), section="上垟村", findings="a", facts="b", proposal="c"),
             step(op.APPROVE, T(2025, 10, 17, 20, 0), leader="张书记", wording="口径")]
    on_time = item(FRIDAY_1750, op.LEVEL_IMPORTANT, steps=steps + [
        step(op.RESPOND, T(2025, 10, 17, 21, 30), how="发布权威信息", where="乡政府网站")])
    late = item(FRIDAY_1750, op.LEVEL_IMPORTANT, steps=steps + [
        step(op.RESPOND, T(2025, 10, 18, 8, 0), how="发布权威信息", where="乡政府网站")])
    assert op.responded_in_time(on_time) is True and op.warnings(on_time, T(2025, 10, 20)) == []
    assert op.responded_in_time(late) is False
    assert op.warnings(late, T(2025, 10, 20)) == [
        "当天回应（重要舆情）超时完成（时限2025年10月17日24:00，实际2025年10月18日08:00）"]
    assert op.running(on_time, T(2025, 10, 17, 22, 0)) == []  # nothing left to count down
    assert op.status(on_time) == op.STATUS_RESPONDED


def test_for_an_important_emergency_found_at_21_the_day_end_binds_before_the_five_hours():
    """Found 21:00: 当天 → 24:00 (3 hours) comes before 5 hours (02:00), so 当天 binds; both are kept."""
    it = item(T(2025, 10, 17, 21, 0), op.LEVEL_IMPORTANT, emergency=True)
    responds = [lim for lim in op.limits(it) if lim.key in op.RESPOND_KEYS]
    assert [(lim.key, lim.superseded) for lim in responds] == [
        (op.KEY_RESPOND_48, True), (op.KEY_RESPOND_DAY, False), (op.KEY_AUTHORITATIVE, True)]


def test_a_response_at_a_press_conference_also_meets_the_conference_limit():
    steps = [step(op.REPORT, EVE + dt.timedelta(minutes=10), leader="陈建国"),
             step(op.INVESTIGATE, EVE + dt.timedelta(minutes=30), section="a", findings="a", facts="b", proposal="c"),
             step(op.APPROVE, EVE + dt.timedelta(minutes=50), leader="张书记", wording="口径"),
             step(op.RESPOND, T(2025, 10, 1, 3, 0), how=op.PRESS_WAY, where="乡政府会议室")]
    it = item(EVE, emergency=True, steps=steps)
    press = next(lim for lim in op.limits(it) if lim.key == op.KEY_PRESS)
    assert press.done_at == T(2025, 10, 1, 3, 0) and not press.late


# ---------------------------------------------------------------- the steps


def test_an_important_item_is_answered_only_after_the_report_and_the_approved_wording():
    it = item(FRIDAY_1750, op.LEVEL_IMPORTANT)
    now = T(2025, 10, 17, 23, 0)
    values = {"how": "发布权威信息", "where": "乡政府网站"}
    assert "报告分管领导" in op.check_step(it, op.RESPOND, now, "王丽", values, now)["step"]
    it = item(FRIDAY_1750, op.LEVEL_IMPORTANT, steps=[step(op.REPORT, T(2025, 10, 17, 18, 0), leader="陈")])
    assert "主要领导" in op.check_step(it, op.RESPOND, now, "王丽", values, now)["step"]
    assert "调查" in op.check_step(it, op.APPROVE, now, "王丽", {"leader": "张", "wording": "x"}, now)["step"]


def test_an_ordinary_item_may_be_answered_directly():
    it = item(EVE)
    now = T(2025, 10, 1, 9, 0)
    assert op.check_step(it, op.RESPOND, now, "王丽", {"how": "回复网民留言", "where": "网站"}, now) == {}


def test_step_times_and_fields_are_checked():
    it = item(EVE, steps=[step(op.RESPOND, T(2025, 10, 1, 9, 0), how="回复网民留言", where="网站")])
    now = T(2025, 10, 1, 10, 0)
    assert "早于发现时间" in op.check_step(it, op.FOLLOW, T(2025, 9, 30, 22, 0), "王丽", {"note": "x"}, now)["at"]
    assert "晚于现在" in op.check_step(it, op.FOLLOW, T(2025, 10, 1, 11, 0), "王丽", {"note": "x"}, now)["at"]
    assert "已记录" in op.check_step(it, op.RESPOND, now, "王丽", {"how": "其他", "where": "x"}, now)["step"]
    assert op.check_step(it, op.FOLLOW, now, "", {}, now) == {"person": "请填写经办人（谁办理了这一步）",
                                                             "note": "请填写“跟踪情况”"}
    assert "链接" in op.check_step(it, op.FOLLOW, now, "王丽", {"note": "x", "link": "bbs.cn"}, now)["link"]
    assert "早于前一步骤" in op.check_step(it, op.CLOSE, T(2025, 10, 1, 8, 0), "王丽", {"result": "x"}, now)["at"]


def test_follow_ups_repeat_and_nothing_follows_the_close():
    it = item(EVE, steps=[step(op.FOLLOW, T(2025, 10, 1, 9, 0), note="a")])
    now = T(2025, 10, 1, 10, 0)
    assert op.check_step(it, op.FOLLOW, now, "王丽", {"note": "b"}, now) == {}
    closed = item(EVE, steps=[step(op.CLOSE, T(2025, 10, 1, 9, 0), result="x", no_response_reason="上级统一回应")])
    assert "已办结" in op.check_step(closed, op.FOLLOW, now, "王丽", {"note": "b"}, now)["step"]


def test_closing_an_unanswered_item_needs_the_reason_and_is_flagged():
    it = item(EVE)
    now = T(2025, 10, 1, 10, 0)
    assert "理由" in op.check_step(it, op.CLOSE, now, "王丽", {"result": "经研判"}, now)["no_response_reason"]
    closed = item(EVE, steps=[step(op.CLOSE, now, result="经研判", no_response_reason="不属于政务舆情")])
    assert op.status(closed) == op.STATUS_CLOSED
    assert op.warnings(closed, now) == ["未发布回应即办结：不属于政务舆情"]
    assert op.running(closed, now) == []


def test_the_status_follows_the_steps():
    assert op.status(item(EVE, op.LEVEL_IMPORTANT)) == op.STATUS_TO_REPORT
    assert op.status(item(EVE)) == op.STATUS_HANDLING
    reported = item(EVE, op.LEVEL_IMPORTANT, steps=[step(op.REPORT, EVE, leader="陈")])
    assert op.status(reported) == op.STATUS_HANDLING


def test_an_item_cannot_be_found_in_the_future_or_without_a_level():
    errors = op.validate(ItemData(found_at=T(2025, 10, 2), source="其他", title="x", level="紧急"), T(2025, 10, 1))
    assert set(errors) == {"found_at", "level"}


@pytest.mark.parametrize("day, monday", [(dt.date(2025, 9, 30), dt.date(2025, 9, 29)),
                                         (dt.date(2025, 10, 5), dt.date(2025, 9, 29)),
                                         (dt.date(2025, 10, 6), dt.date(2025, 10, 6))])
def test_the_weekly_report_covers_monday_to_sunday(day, monday):
    assert op.week_bounds(day) == (monday, monday + dt.timedelta(days=6))
