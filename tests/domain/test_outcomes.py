"""Outcome preconditions (app.domain.outcomes.outcome_refusal), from the law's text:

* 条例第三十条: "申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人
  作出补正，说明需要补正的事项和合理的补正期限……申请人无正当理由逾期不补正的，视为放弃申请".
  So 6.1 needs a 补正告知 and a 补正期限 that has passed without a correction; 4.3 (补正后申请内容仍不明确)
  needs a correction.
* 国办函〔2020〕109号: "申请人应当自收到收费通知之次日起20个工作日内缴纳费用……逾期未缴纳的，视为放弃申请".
  So 6.2 needs an unpaid fee notice whose 20 working days from the day after receipt have passed.

Dates on the 2026 calendar (holidays.md): received Mon 11/2; a 补正告知书 sent Thu 11/5 with 15
working days: 6 (1), 9–13 (6), 16–20 (11), 23–26 (15) → Thu 11/26.
"""
from __future__ import annotations

import datetime as dt

from app.domain.calendar import WorkCalendar
from app.domain.clock import FEE, ClockInput, Pause, compute_limits
from app.domain.outcomes import outcome_refusal

D = dt.date
CAL = WorkCalendar()
NOV2 = D(2026, 11, 2)


def limits(inp: ClockInput, on: dt.date):
    return compute_limits(inp, CAL, on)


def test_6_1_needs_a_correction_notice():
    refusal = outcome_refusal("6.1", D(2026, 11, 27), limits(ClockInput(NOV2), D(2026, 11, 27)))
    assert refusal and "未发出补正告知书" in refusal


def test_6_1_waits_for_the_end_of_the_period():
    inp = ClockInput(NOV2, correction_sent_on=D(2026, 11, 5))
    for on in (D(2026, 11, 10), D(2026, 11, 26)):  # the last day still belongs to the applicant
        refusal = outcome_refusal("6.1", on, limits(inp, on))
        assert refusal and "2026年11月26日" in refusal
    assert outcome_refusal("6.1", D(2026, 11, 27), limits(inp, D(2026, 11, 27))) is None


def test_6_1_is_refused_once_the_correction_arrived():
    inp = ClockInput(NOV2, correction_sent_on=D(2026, 11, 5), corrected_on=D(2026, 11, 20))
    refusal = outcome_refusal("6.1", D(2026, 12, 1), limits(inp, D(2026, 12, 1)))
    assert refusal and "收到补正" in refusal


def test_6_1_follows_the_last_date_given():
    """The office gave a later 补正期限 in a re-issued notice (12/1): it is bound by it."""
    inp = ClockInput(NOV2, correction_sent_on=D(2026, 11, 5), correction_due=D(2026, 12, 1))
    assert outcome_refusal("6.1", D(2026, 11, 27), limits(inp, D(2026, 11, 27)))
    assert outcome_refusal("6.1", D(2026, 12, 2), limits(inp, D(2026, 12, 2))) is None


def test_4_3_needs_a_corrected_request():
    assert "未要求补正" in outcome_refusal("4.3", D(2026, 11, 20), limits(ClockInput(NOV2), D(2026, 11, 20)))
    waiting = ClockInput(NOV2, correction_sent_on=D(2026, 11, 5))
    assert "尚未收到补正" in outcome_refusal("4.3", D(2026, 11, 20), limits(waiting, D(2026, 11, 20)))
    corrected = ClockInput(NOV2, correction_sent_on=D(2026, 11, 5), corrected_on=D(2026, 11, 12))
    assert outcome_refusal("4.3", D(2026, 11, 20), limits(corrected, D(2026, 11, 20))) is None


def test_6_2_counts_twenty_working_days_from_the_day_after_receipt():
    """Fee notice sent Thu 9/3, received (postal receipt) Tue 9/8. From 9/9: 9–11 (3), 14–18 (8), Sun 9/20
    调休 (9), 21–24 (13), [中秋 9/25], 28–30 (16), [国庆], 10/8, 10/9 (18), Sat 10/10 调休 (19), 10/12 (20)."""
    sent = Pause(D(2026, 9, 3), None, FEE, D(2026, 9, 8))
    inp = ClockInput(D(2026, 9, 1), pauses=(sent,))
    refusal = outcome_refusal("6.2", D(2026, 10, 12), limits(inp, D(2026, 10, 12)))
    assert refusal and "2026年10月12日" in refusal
    assert outcome_refusal("6.2", D(2026, 10, 13), limits(inp, D(2026, 10, 13))) is None


def test_6_2_needs_a_known_delivery_and_an_unpaid_notice():
    undelivered = ClockInput(D(2026, 9, 1), pauses=(Pause(D(2026, 9, 3), None, FEE),))
    assert "送达日期尚未登记" in outcome_refusal("6.2", D(2026, 11, 2), limits(undelivered, D(2026, 11, 2)))
    paid = ClockInput(D(2026, 9, 1), pauses=(Pause(D(2026, 9, 3), D(2026, 9, 10), FEE, D(2026, 9, 8)),))
    assert "没有未缴费" in outcome_refusal("6.2", D(2026, 11, 2), limits(paid, D(2026, 11, 2)))
    assert "没有未缴费" in outcome_refusal("6.2", D(2026, 11, 2), limits(ClockInput(NOV2), D(2026, 11, 2)))


def test_other_outcomes_have_no_precondition_here():
    for code in ("1", "3.1", "4.1", "5.2", "6.3"):
        assert outcome_refusal(code, D(2026, 11, 20), limits(ClockInput(NOV2), D(2026, 11, 20))) is None
