"""The legal clock (docs/legal/requests.md, 法定期限–§3) on the 2026 calendar of docs/legal/holidays.md.

Expected dates are counted by hand from the 2026 table; the comments show the counts.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.domain.calendar import WorkCalendar
from app.domain.clock import (
    CONSULTATION_AGENCY,
    CONSULTATION_THIRD_PARTY,
    DONE,
    DUE_SOON,
    DUE_TODAY,
    FEE,
    LAPSED,
    LITIGATION,
    OK,
    OVERDUE,
    PAUSED,
    RECONSIDERATION,
    SUPERSEDED,
    ClockInput,
    InternalLimits,
    Limit,
    Pause,
    answer_due,
    compute_limits,
    compute_many,
    days_left,
    dispute_limits,
    most_urgent,
    same_limits_between,
    urgency,
)

D = dt.date
CAL = WorkCalendar()
NOV2 = D(2026, 11, 2)  # Monday, the worked example of docs/legal/holidays.md


def due(inp: ClockInput, key: str, today: dt.date | None = None) -> dt.date | None:
    limit = compute_limits(inp, CAL, today).get(key)
    assert limit is not None, key
    return limit.due


# ------------------------------------------------------------------ the plain case


def test_worked_example_all_limits() -> None:
    result = compute_limits(ClockInput(NOV2), CAL)
    assert result.get("answer").due == D(2026, 11, 30)
    assert result.get("correction_notice").due == D(2026, 11, 11)
    assert result.get("internal_accept").due == D(2026, 11, 3)
    assert result.get("internal_review").due == D(2026, 11, 4)
    assert result.get("internal_draft").due == D(2026, 11, 11)
    assert result.get("internal_proactive_scope").due == D(2026, 11, 9)
    assert result.get("internal_sign").due == D(2026, 11, 16)  # 3 after 11/11: 12, 13, 16
    assert result.get("extended") is None
    assert result.answer.key == "answer"
    assert answer_due(ClockInput(NOV2), CAL) == D(2026, 11, 30)


def test_limits_carry_label_rule_and_kind() -> None:
    result = compute_limits(ClockInput(NOV2), CAL)
    answer = result.get("answer")
    assert answer.label == "答复期限"
    assert answer.explanation.startswith("条例第三十三条")
    assert "20个工作日" in answer.explanation
    assert answer.legal and not answer.unconfirmed
    assert answer.start == NOV2
    assert result.get("correction_notice").explanation.startswith("条例第三十条")
    assert not result.get("internal_draft").legal
    assert result.get("internal_draft").explanation.startswith("本机关流程")


def test_holiday_cases() -> None:
    assert due(ClockInput(D(2025, 12, 31)), "answer") == D(2026, 1, 29)  # 元旦, Sun 1/4 works
    assert due(ClockInput(D(2025, 12, 31)), "correction_notice") == D(2026, 1, 12)
    assert due(ClockInput(D(2026, 2, 9)), "answer") == D(2026, 3, 13)  # 春节, Sat 2/14 and 2/28 work
    assert due(ClockInput(D(2026, 2, 9)), "correction_notice") == D(2026, 2, 25)
    assert due(ClockInput(D(2026, 4, 28)), "answer") == D(2026, 5, 28)  # 劳动节, Sat 5/9 works
    assert due(ClockInput(D(2026, 9, 18)), "answer") == D(2026, 10, 22)  # 国庆, 9/20 and 10/10 work
    assert due(ClockInput(D(2026, 9, 18)), "correction_notice") == D(2026, 9, 29)


def test_internal_settings_are_honoured() -> None:
    inp = ClockInput(NOV2, internal=InternalLimits(accept=2, review=3, draft=10, proactive_scope=4, sign=2))
    result = compute_limits(inp, CAL)
    assert result.get("internal_accept").due == D(2026, 11, 4)
    assert result.get("internal_review").due == D(2026, 11, 5)
    assert result.get("internal_draft").due == D(2026, 11, 16)
    assert result.get("internal_proactive_scope").due == D(2026, 11, 6)
    assert result.get("internal_sign").due == D(2026, 11, 18)
    assert "10个工作日" in result.get("internal_draft").explanation


# ------------------------------------------------------------------ correction (条例第三十条)


def test_correction_period_and_waiting() -> None:
    # Notice sent Fri 11/6; 15 working days: 9–13, 16–20, 23–27.
    inp = ClockInput(NOV2, correction_sent_on=D(2026, 11, 6))
    result = compute_limits(inp, CAL)
    assert result.get("correction_period").due == D(2026, 11, 27)
    assert result.get("correction_notice").done_on == D(2026, 11, 6)
    answer = result.get("answer")
    assert answer.due is None and answer.paused
    assert "条例第三十条" in answer.explanation
    assert answer_due(inp, CAL) is None
    assert result.get("internal_draft").due is None


def test_correction_restarts_the_answer_clock() -> None:
    # Corrected request received Wed 11/18: 19, 20, 23–27, 30, 12/1–4, 7–11, 14, 15, 16.
    inp = ClockInput(NOV2, correction_sent_on=D(2026, 11, 6), corrected_on=D(2026, 11, 18))
    result = compute_limits(inp, CAL)
    assert result.get("answer").due == D(2026, 12, 16)
    assert result.get("answer").start == D(2026, 11, 18)
    assert "补正" in result.get("answer").explanation
    assert result.get("correction_period").done_on == D(2026, 11, 18)
    assert result.get("internal_draft").due == D(2026, 11, 27)  # 7 after 11/18
    assert result.get("internal_review").due == D(2026, 11, 4)  # still from the first receipt


def test_correction_period_setting() -> None:
    inp = ClockInput(NOV2, correction_sent_on=D(2026, 11, 6), correction_period_days=10)
    assert due(inp, "correction_period") == D(2026, 11, 20)


# ------------------------------------------------------------------ pauses (条例第三十二条)


def test_consultation_pause_moves_the_answer() -> None:
    # Sent Thu 11/5 and handed over the same day, opinion back Thu 11/12: paused 11/6, 9, 10, 11, 12
    # = 5 → 11/30 + 5 = 12/7. The time is not counted by 条例第三十三条第三款.
    inp = ClockInput(NOV2, pauses=(Pause(D(2026, 11, 5), D(2026, 11, 12), CONSULTATION_THIRD_PARTY,
                                         D(2026, 11, 5)),))
    result = compute_limits(inp, CAL)
    assert result.get("answer").due == D(2026, 12, 7)
    assert "5个工作日不计算在内" in result.get("answer").explanation
    assert "条例第三十三条第三款" in result.get("answer").explanation
    reply = result.get("consultation_reply")
    assert reply.due == D(2026, 11, 26)  # 15 after receipt on 11/5
    assert reply.done_on == D(2026, 11, 12)
    assert reply.explanation.startswith("条例第三十二条")


def test_open_pause_stops_the_clock() -> None:
    inp = ClockInput(NOV2, pauses=(Pause(D(2026, 11, 5), None, CONSULTATION_AGENCY),))
    result = compute_limits(inp, CAL)
    answer = result.get("answer")
    assert answer.due is None and answer.paused
    # If nothing comes back, the 15 days run out on 11/26 and the limit is 11/30 + 15 = 12/21.
    assert "2026年12月21日" in answer.explanation and "2026-12-21" not in answer.explanation
    assert result.get("consultation_reply").explanation.startswith("条例第三十四条")
    assert answer_due(inp, CAL) is None
    assert urgency(answer, D(2026, 11, 20), CAL) == PAUSED


def test_open_pause_whose_term_ran_out_resumes_by_itself() -> None:
    inp = ClockInput(NOV2, pauses=(Pause(D(2026, 11, 5), None, CONSULTATION_THIRD_PARTY),))
    assert due(inp, "answer", today=D(2026, 11, 26)) is None  # last day of the term: still paused
    assert due(inp, "answer", today=D(2026, 11, 27)) == D(2026, 12, 21)
    assert answer_due(inp, CAL, today=D(2026, 12, 1)) == D(2026, 12, 21)


def test_late_reply_counts_only_the_term() -> None:
    # Opinion arrived 12/3, after the 15 days ended 11/26: only 15 days are paused.
    inp = ClockInput(NOV2, pauses=(Pause(D(2026, 11, 5), D(2026, 12, 3)),))
    assert due(inp, "answer") == D(2026, 12, 21)


def test_overlapping_pauses_do_not_double_count() -> None:
    # (11/5, 11/12] and (11/10, 11/16] → (11/5, 11/16]: 6, 9, 10, 11, 12, 13, 16 = 7 → 12/9.
    pauses = (
        Pause(D(2026, 11, 5), D(2026, 11, 12), CONSULTATION_THIRD_PARTY),
        Pause(D(2026, 11, 10), D(2026, 11, 16), CONSULTATION_AGENCY),
    )
    result = compute_limits(ClockInput(NOV2, pauses=pauses), CAL)
    assert result.get("answer").due == D(2026, 12, 9)
    assert len(result.all("consultation_reply")) == 2


def test_pause_after_the_limit_does_not_revive_it() -> None:
    inp = ClockInput(NOV2, pauses=(Pause(D(2026, 12, 1), D(2026, 12, 10)),))
    assert due(inp, "answer") == D(2026, 11, 30)


def test_pause_sent_on_the_last_day() -> None:
    # The day of sending still counts as used, so the limit stays on it.
    inp = ClockInput(NOV2, pauses=(Pause(D(2026, 11, 30), D(2026, 12, 4)),))
    assert due(inp, "answer") == D(2026, 11, 30)


def test_fee_pause() -> None:
    # Fee notice Mon 11/9 handed over the same day, paid Fri 11/13: paused 10–13 = 4 → 11/30 + 4 =
    # 12/4. Term: 20 working days from the day after receipt (国办函〔2020〕109号).
    inp = ClockInput(NOV2, pauses=(Pause(D(2026, 11, 9), D(2026, 11, 13), FEE, D(2026, 11, 9)),))
    result = compute_limits(inp, CAL)
    assert result.get("answer").due == D(2026, 12, 4)
    fee = result.get("fee_payment")
    assert fee.due == D(2026, 12, 7)  # 10–13 (4), 16–20 (9), 23–27 (14), 30, 12/1–4 (19), 12/7
    assert "国办函〔2020〕109号" in fee.explanation


# ------------------------------------------------------------------ extension, art. 35


def test_extension_worked_example() -> None:
    result = compute_limits(ClockInput(NOV2, extended=True), CAL)
    assert result.get("extended").due == D(2026, 12, 28)
    assert result.get("answer").superseded
    assert result.answer.key == "extended"
    assert result.answer.explanation.startswith("条例第三十三条")
    assert answer_due(ClockInput(NOV2, extended=D(2026, 11, 20)), CAL) == D(2026, 12, 28)


def test_extension_after_a_pause_runs_into_unconfirmed_2027() -> None:
    # Original 12/7 (pause above); +20: 8–11 (4), 14–18 (9), 21–25 (14), 28–31 (18), Fri 1/1 元旦
    # (a statutory holiday, 全国年节及纪念日放假办法第二条, even before the 2027 notice), Mon 1/4 (19),
    # Tue 1/5 (20).
    inp = ClockInput(NOV2, extended=True, pauses=(Pause(D(2026, 11, 5), D(2026, 11, 12)),))
    ext = compute_limits(inp, CAL).get("extended")
    assert ext.due == D(2027, 1, 5)
    assert ext.unconfirmed and ext.unconfirmed_years == (2027,)
    assert "未确认" in ext.explanation and "法定节假日" in ext.explanation  # says what was assumed


def test_late_extension_is_noted() -> None:
    ext = compute_limits(ClockInput(NOV2, extended=D(2026, 12, 1)), CAL).get("extended")
    assert "晚于原答复期限" in ext.explanation


def test_article_35_custom_date_wins() -> None:
    inp = ClockInput(NOV2, extended=True, custom_due=D(2027, 3, 31))
    result = compute_limits(inp, CAL)
    assert result.answer.key == "custom_answer"
    assert result.answer.due == D(2027, 3, 31)
    assert result.answer.explanation.startswith("条例第三十五条")
    assert result.get("extended").superseded
    assert answer_due(inp, CAL) == D(2027, 3, 31)


# ------------------------------------------------------------------ unconfirmed years


def test_answer_running_into_an_unconfirmed_year() -> None:
    result = compute_limits(ClockInput(D(2026, 12, 15)), CAL)
    answer = result.get("answer")
    assert answer.due == D(2027, 1, 13)  # weekends and 元旦 in 2027 (see test_calendar)
    assert answer.unconfirmed_years == (2027,)
    assert not result.get("correction_notice").unconfirmed  # 12/24 is inside 2026


def test_office_override_moves_the_answer() -> None:
    cal = WorkCalendar({D(2026, 11, 16): (False, "国办发明电〔2026〕X号")})
    assert compute_limits(ClockInput(NOV2), cal).get("answer").due == D(2026, 12, 1)


# ------------------------------------------------------------------ done, days left, urgency


def test_answered_case_is_done() -> None:
    result = compute_limits(ClockInput(NOV2, answered_on=D(2026, 12, 2)), CAL)
    answer = result.get("answer")
    assert answer.done_on == D(2026, 12, 2)
    assert answer.late
    assert urgency(answer, D(2026, 12, 10), CAL) == DONE


@pytest.mark.parametrize(
    ("today", "left", "state"),
    [
        (D(2026, 11, 30), 0, DUE_TODAY),
        (D(2026, 11, 25), 3, DUE_SOON),  # 26, 27, 30
        (D(2026, 11, 28), 1, DUE_SOON),  # a Saturday
        (D(2026, 11, 24), 4, OK),
        (D(2026, 12, 1), -1, OVERDUE),
        (D(2026, 12, 7), -5, OVERDUE),
    ],
)
def test_days_left_and_urgency(today: dt.date, left: int, state: str) -> None:
    answer = compute_limits(ClockInput(NOV2), CAL).get("answer")
    assert days_left(answer, today, CAL) == left
    assert urgency(answer, today, CAL) == state


def test_overdue_over_a_weekend_is_still_overdue() -> None:
    limit = Limit("x", "x", D(2026, 11, 27), "", True)  # due Friday
    assert days_left(limit, D(2026, 11, 28), CAL) == -1
    assert urgency(limit, D(2026, 11, 28), CAL) == OVERDUE


def test_optional_limit_lapses_instead_of_going_overdue() -> None:
    result = compute_limits(ClockInput(NOV2), CAL)
    assert urgency(result.get("correction_notice"), D(2026, 11, 20), CAL) == LAPSED
    assert urgency(result.get("answer"), D(2026, 11, 20), CAL) == OK
    assert urgency(result.get("internal_draft"), D(2026, 11, 20), CAL) == OVERDUE
    limit, state = most_urgent(result.limits, D(2026, 11, 20), CAL)
    assert (limit.key, state) == ("internal_accept", OVERDUE)  # overdue and earliest (11/3)


def test_superseded_answer_limit_is_not_overdue() -> None:
    result = compute_limits(ClockInput(NOV2, extended=True), CAL)
    assert urgency(result.get("answer"), D(2026, 12, 10), CAL) == SUPERSEDED
    assert urgency(result.get("extended"), D(2026, 12, 10), CAL) == OK


def test_compute_many_matches_single() -> None:
    inputs = [ClockInput(NOV2), ClockInput(D(2026, 2, 9), extended=True)]
    assert compute_many(inputs, CAL) == [compute_limits(i, CAL) for i in inputs]


# ------------------------------------------------------------------ disputes (docs/legal/requests.md, 行政争议)


def test_reconsideration_reply_limit_is_ten_working_days() -> None:
    """行政复议法（2023）第四十八条: 被申请人应当自收到申请书副本之日起十日内提出书面答复; 第八十八条第二款:
    本法关于行政复议期间有关“三日”“五日”“七日”“十日”的规定是指工作日，不含法定休假日.

    Copy received Mon 9/28: 29 (1), 30 (2), [10/1–7 国庆], 10/8 (3), 9 (4), Sat 10/10 调休 (5), 12–16
    (10) → Fri 10/16, not the calendar-day 10/8. The township's 10 working days (本乡行政争议处置工作流程) fall on
    the same day; on a tie the legal limit is the one shown. Evidence: 5 working days → Sat 10/10."""
    limits = {lim.key: lim for lim in dispute_limits(RECONSIDERATION, D(2026, 9, 28), CAL)}
    assert limits["dispute_reply_legal"].due == D(2026, 10, 16)
    assert limits["dispute_reply_internal"].due == D(2026, 10, 16)
    assert limits["dispute_evidence"].due == D(2026, 10, 10)
    assert limits["dispute_reply_legal"].shown and not limits["dispute_reply_internal"].shown
    assert "行政复议法第四十八条" in limits["dispute_reply_legal"].explanation
    assert "第八十八条第二款" in limits["dispute_reply_legal"].explanation


def test_reconsideration_counts_working_days_not_calendar_days() -> None:
    """行政复议法第八十八条第二款: Wed 11/4 + 10 working days: 5, 6 (2), 9–13 (7), 16, 17, 18 (10) → Wed 11/18
    (10 calendar days would have given Sat 11/14 → Mon 11/16)."""
    legal = dispute_limits(RECONSIDERATION, D(2026, 11, 4), CAL)[0]
    assert legal.key == "dispute_reply_legal"
    assert legal.due == D(2026, 11, 18)


def test_litigation_township_limit_is_earlier() -> None:
    # Wed 9/16 + 15 days = Thu 10/1 (国庆) → 10/8. Township: 17, 18, Sun 20, 21–24, 28, 29, 30.
    limits = dispute_limits(LITIGATION, D(2026, 9, 16), CAL, forwarded_on=D(2026, 9, 17))
    first = limits[0]
    assert (first.key, first.due, first.shown) == ("dispute_reply_internal", D(2026, 9, 30), True)
    legal = limits[1]
    assert (legal.key, legal.due, legal.shown) == ("dispute_reply_legal", D(2026, 10, 8), False)
    assert "行政诉讼法第六十七条" in legal.explanation
    assert limits[2].due == D(2026, 9, 23)  # evidence, 5 after the forwarding on 9/17: 18, Sun 20, 21, 22, 23


def test_unknown_dispute_kind() -> None:
    with pytest.raises(ValueError):
        dispute_limits("appeal", D(2026, 9, 16), CAL)


# ------------------------------------------------------------------ properties

received_dates = st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 12, 31))
kinds = st.sampled_from((CONSULTATION_THIRD_PARTY, CONSULTATION_AGENCY, FEE))


@st.composite
def closed_pauses(draw: st.DrawFn, received: dt.date) -> Pause:
    start = received + dt.timedelta(days=draw(st.integers(0, 45)))
    end = start + dt.timedelta(days=draw(st.integers(0, 35)))
    return Pause(start, end, draw(kinds))


@st.composite
def clock_inputs(draw: st.DrawFn, open_pauses: bool = True) -> ClockInput:
    received = draw(received_dates)
    kwargs: dict = {}
    if draw(st.booleans()):
        sent = received + dt.timedelta(days=draw(st.integers(0, 10)))
        kwargs["correction_sent_on"] = sent
        if draw(st.booleans()):
            kwargs["corrected_on"] = sent + dt.timedelta(days=draw(st.integers(0, 25)))
    pauses = draw(st.lists(closed_pauses(received), max_size=3))
    if open_pauses and draw(st.booleans()):
        pauses.append(Pause(received + dt.timedelta(days=draw(st.integers(0, 30))), None, draw(kinds)))
    kwargs["pauses"] = tuple(pauses)
    kwargs["extended"] = draw(st.booleans())
    return ClockInput(received, **kwargs)


@settings(max_examples=300, deadline=None)
@given(inp=clock_inputs(), today=st.none() | received_dates)
def test_every_limit_is_a_working_day(inp: ClockInput, today: dt.date | None) -> None:
    for limit in compute_limits(inp, CAL, today).limits:
        if limit.due is not None:
            assert CAL.is_working_day(limit.due), limit


@settings(max_examples=300, deadline=None)
@given(data=st.data(), inp=clock_inputs(open_pauses=False))
def test_adding_a_pause_never_moves_a_limit_earlier(data: st.DataObject, inp: ClockInput) -> None:
    extra = data.draw(closed_pauses(inp.received_on))
    before = compute_limits(inp, CAL)
    after = compute_limits(ClockInput(**{**_fields(inp), "pauses": inp.pauses + (extra,)}), CAL)
    for key in ("answer", "extended"):
        old, new = before.get(key), after.get(key)
        if old is not None and old.due is not None:
            assert new.due is not None and new.due >= old.due


@settings(max_examples=300, deadline=None)
@given(inp=clock_inputs(open_pauses=False))
def test_extension_is_20_working_days_after_the_original_limit(inp: ClockInput) -> None:
    assume(inp.correction_sent_on is None or inp.corrected_on is not None)
    result = compute_limits(ClockInput(**{**_fields(inp), "extended": True}), CAL)
    original, extended = result.get("answer").due, result.get("extended").due
    later_pause = any(p.start >= original for p in inp.pauses)
    if later_pause:  # a consultation during the extension stops the clock again
        assert extended >= CAL.add_working_days(original, 20)
    else:
        assert extended == CAL.add_working_days(original, 20)


@settings(max_examples=200, deadline=None)
@given(inp=clock_inputs(open_pauses=False))
def test_answer_due_agrees_with_compute_limits(inp: ClockInput) -> None:
    assert answer_due(inp, CAL) == compute_limits(inp, CAL).answer.due


def _fields(inp: ClockInput) -> dict:
    return {name: getattr(inp, name) for name in ClockInput.__dataclass_fields__}


# ------------------------------------------------------------------ the rule each pause cites


def test_fee_pause_cites_the_fee_rules_not_the_consultation_article() -> None:
    """A fee pause is not counted by 条例第四十二条 and 国办函〔2020〕109号; consultation time by
    条例第三十三条第三款 (第三十二条 is the third party's own 15 days, not the pause)."""
    fee_only = ClockInput(NOV2, pauses=(Pause(D(2026, 11, 9), D(2026, 11, 13), FEE, D(2026, 11, 9)),))
    text = compute_limits(fee_only, CAL).get("answer").explanation
    assert "缴费期间4个工作日不计算在内" in text
    assert "条例第四十二条" in text and "国办函〔2020〕109号" in text
    assert "第三十二条" not in text and "征求意见" not in text
    both = ClockInput(NOV2, pauses=(Pause(D(2026, 11, 5), D(2026, 11, 6), CONSULTATION_THIRD_PARTY, D(2026, 11, 5)),
                                    Pause(D(2026, 11, 9), D(2026, 11, 13), FEE, D(2026, 11, 9))))
    text = compute_limits(both, CAL).get("answer").explanation
    assert "条例第三十三条第三款" in text and "条例第四十二条" in text


# ------------------------------------------------------------------ periods from the addressee's receipt


def test_periods_from_receipt_count_from_the_delivery() -> None:
    """国办函〔2020〕109号: 自收到收费通知之次日起20个工作日内缴纳. A notice sent Mon 11/9 by post and received
    Thu 11/12: 13 (1), 16–20 (6), 23–27 (11), 30 (12), 12/1–4 (16), 7–10 (20) → Thu 12/10, not 12/7
    (20 after the day sent). Before the delivery is recorded the limit has no date."""
    posted = ClockInput(NOV2, pauses=(Pause(D(2026, 11, 9), None, FEE, D(2026, 11, 12)),))
    fee = compute_limits(posted, CAL).get("fee_payment")
    assert fee.due == D(2026, 12, 10)
    assert "2026年11月12日送达" in fee.explanation
    unknown = compute_limits(ClockInput(NOV2, pauses=(Pause(D(2026, 11, 9), None, FEE),)), CAL).get("fee_payment")
    assert unknown.due is None and "送达日期尚未登记" in unknown.explanation


def test_the_pause_lasts_until_the_addressee_term_ends() -> None:
    """条例第三十二条: the third party has 15 working days from receiving the request; the answer clock
    (条例第三十三条第三款) waits that long. Sent Thu 11/5, received Mon 11/9: 15 after 11/9 is 11/30
    (10–13 (4), 16–20 (9), 23–27 (14), 30 (15)); paused (11/5, 11/30] = 17 working days → 11/30 + 17:
    12/1–4 (4), 7–11 (9), 14–18 (14), 21–23 (17) → Wed 12/23."""
    inp = ClockInput(NOV2, pauses=(Pause(D(2026, 11, 5), None, CONSULTATION_THIRD_PARTY, D(2026, 11, 9)),))
    assert due(inp, "answer", today=D(2026, 12, 1)) == D(2026, 12, 23)
    assert due(inp, "consultation_reply") == D(2026, 11, 30)


@settings(max_examples=200, deadline=None)
@given(inp=clock_inputs(), today=received_dates, offsets=st.lists(st.integers(-60, 90), min_size=1, max_size=8))
def test_limits_hold_exactly_on_the_days_same_limits_between_names(inp: ClockInput, today: dt.date,
                                                                   offsets: list[int]) -> None:
    """services.deadlines keeps limits counted once for the days this names (and counts them again
    outside it, which may be needless but is never wrong): inside, the limits are those of `today`."""
    first, until = same_limits_between(inp, CAL, today)
    assert (first is None or first <= today) and (until is None or today < until)
    counted = compute_limits(inp, CAL, today)
    edges = [d for d in (first, until and until - dt.timedelta(days=1)) if d is not None]
    for day in [today + dt.timedelta(days=offset) for offset in offsets] + edges:
        if (first is None or day >= first) and (until is None or day < until):
            assert compute_limits(inp, CAL, day) == counted
