"""新闻发布: the yearly quota, the one-month roster limit and the one-working-day reply to journalists
(docs/legal/duties.md, 新闻发布). Expected values are worked out by hand from the rules cited."""
from __future__ import annotations

import datetime as dt

from app.domain import clock
from app.domain import press as pr
from app.domain.calendar import WorkCalendar
from app.domain.press import EventData, InquiryData, PersonData

D = dt.date
CAL = WorkCalendar()


def conference(day: dt.date, host: str = pr.OWN, roles: tuple[str, ...] = (pr.SPOKESPERSON,),
               kind: str = pr.CONFERENCE) -> EventData:
    return EventData(held_on=day, kind=kind, host=host, topic="x", speakers="张三", roles=roles)


def by_period(periods: list[pr.QuotaPeriod]) -> dict[tuple[str, str], tuple[int, int, str]]:
    return {(p.rule.key, p.period): (p.required, p.held, p.state) for p in periods}


# ---------------------------------------------------------------- the quota


def test_a_year_with_the_third_quarter_missing_under_4_2_1():
    """六宣发〔2019〕26号 二(一): a conference each quarter (here Q1, Q2, Q4 but not Q3), the spokesperson
    at a government conference each half-year (here only in the first), the principal leader once a
    year (here in May). Read on 5 January 2026: Q3 and H2 are over and short; the rest is met. A 政策吹风会
    in Q3 does not count as a 新闻发布会."""
    events = [conference(D(2025, 2, 10)), conference(D(2025, 5, 20)), conference(D(2025, 11, 3)),
              conference(D(2025, 8, 8), kind=pr.BRIEFING),
              conference(D(2025, 5, 28), pr.GOVERNMENT, (pr.SPOKESPERSON, pr.PRINCIPAL))]
    got = by_period(pr.quota(events, pr.PATTERN_4_2_1_N, 2025, D(2026, 1, 5)))
    assert got == {
        ("quarter", "2025-Q1"): (1, 1, pr.MET), ("quarter", "2025-Q2"): (1, 1, pr.MET),
        ("quarter", "2025-Q3"): (1, 0, pr.SHORT), ("quarter", "2025-Q4"): (1, 1, pr.MET),
        ("spokesperson", "2025-H1"): (1, 1, pr.MET), ("spokesperson", "2025-H2"): (1, 0, pr.SHORT),
        ("principal", "2025"): (1, 1, pr.MET),
    }
    short = pr.quota_attention(pr.quota(events, pr.PATTERN_4_2_1_N, 2025, D(2026, 1, 5)), D(2026, 1, 5))
    assert [p.text() for p in short] == ["第三季度举办新闻发布会：已0次，未完成1次（要求1次）",
                                         "下半年新闻发言人或相关负责人出席政府新闻发布会：已0次，未完成1次（要求1次）"]


def test_the_quarter_running_is_still_short_and_the_quarters_to_come_are_not_listed():
    """Read on 15 August: Q3 runs and has nothing yet (尚缺); Q4 has not begun, so the home page leaves it out."""
    events = [conference(D(2025, 2, 10)), conference(D(2025, 5, 20))]
    periods = pr.quota(events, pr.PATTERN_4_2_1_N, 2025, D(2025, 8, 15))
    assert by_period(periods)[("quarter", "2025-Q3")] == (1, 0, pr.RUNNING)
    assert by_period(periods)[("quarter", "2025-Q4")] == (1, 0, pr.RUNNING)
    keys = [(p.rule.key, p.period) for p in pr.quota_attention(periods, D(2025, 8, 15))]
    assert ("quarter", "2025-Q3") in keys and ("quarter", "2025-Q4") not in keys


def test_1_2_n_two_conferences_in_spring_meet_the_year_but_not_the_second_half():
    """富阳区实施意见第1条: at least one each half-year, two a year. Two in the first half make the year's
    two, but the second half still needs its one. An event dated after today is not counted yet."""
    events = [conference(D(2025, 3, 1)), conference(D(2025, 4, 1)), conference(D(2025, 12, 1))]
    got = by_period(pr.quota(events, pr.PATTERN_1_2_N, 2025, D(2025, 10, 15)))
    assert got == {("half", "2025-H1"): (1, 2, pr.MET), ("half", "2025-H2"): (1, 0, pr.RUNNING),
                   ("year", "2025"): (2, 2, pr.MET)}


def test_the_periods_of_a_year():
    assert [(k, first, last) for k, _n, first, last in pr.periods("half", 2024)] == [
        ("2024-H1", D(2024, 1, 1), D(2024, 6, 30)), ("2024-H2", D(2024, 7, 1), D(2024, 12, 31))]
    assert pr.periods("quarter", 2024)[0][3] == D(2024, 3, 31)
    assert pr.periods("quarter", 2024)[3][2:] == (D(2024, 10, 1), D(2024, 12, 31))


# ---------------------------------------------------------------- the roster's one-month limit


def test_an_appointment_on_31_january_is_reported_by_28_february():
    """富阳区实施意见第7条: within one month; 民法典第二百零二条: February has no 31st, so its last day,
    Friday 28 February 2025 (a working day)."""
    limits = pr.person_limits(PersonData(name="张三", appointed_on=D(2025, 1, 31)), CAL)
    assert [(lim.key, lim.due) for lim in limits] == [(pr.KEY_APPOINTED, D(2025, 2, 28))]


def test_a_month_ending_on_the_national_day_moves_to_the_first_working_day_after_the_holiday():
    """Appointed 1 September 2025: one month is 1 October, the 国庆 holiday (1–8 October); 民法典第二百零三条
    moves the last day to the day after the holiday, Thursday 9 October."""
    assert pr.month_limit_due(D(2025, 9, 1), CAL) == D(2025, 10, 9)
    assert pr.month_limit_due(D(2025, 8, 31), CAL) == D(2025, 9, 30)


def test_the_report_limit_is_done_when_reported_and_late_after_the_month_and_removal_has_its_own():
    person = PersonData(name="张三", appointed_on=D(2025, 1, 31), appointment_reported_on=D(2025, 3, 3),
                        removed_on=D(2025, 6, 16))
    appointed, removed = pr.person_limits(person, CAL)
    assert appointed.done_on == D(2025, 3, 3) and appointed.late
    assert removed.key == pr.KEY_REMOVED and removed.due == D(2025, 7, 16)
    assert clock.urgency(removed, D(2025, 7, 16), CAL) == clock.DUE_TODAY
    assert clock.urgency(removed, D(2025, 7, 17), CAL) == clock.OVERDUE


def test_a_roster_entry_is_checked():
    errors = pr.validate_person(PersonData(name="张三", role="发言人", appointed_on=D(2025, 3, 1),
                                           appointment_reported_on=D(2025, 2, 1)), D(2025, 3, 2))
    assert set(errors) == {"role", "post", "appointment_reported_on"}


# ---------------------------------------------------------------- journalists' questions


def test_a_question_on_the_eve_of_the_holiday_is_answered_on_the_first_working_day_after_it():
    """富阳区实施意见第11条: one working day; the day received is not counted. Received Tuesday 30
    September 2025: 1–8 October are the holiday, so the reply is due Thursday 9 October. Received on
    Friday 17 October: due Monday 20 October."""
    assert pr.inquiry_limit(InquiryData(received_on=D(2025, 9, 30)), CAL).due == D(2025, 10, 9)
    assert pr.inquiry_limit(InquiryData(received_on=D(2025, 10, 17)), CAL).due == D(2025, 10, 20)
    replied = pr.inquiry_limit(InquiryData(received_on=D(2025, 10, 17), replied_on=D(2025, 10, 21)), CAL)
    assert replied.late


# ---------------------------------------------------------------- events


def test_a_conference_is_approved_before_it_is_held_and_one_without_approval_is_flagged():
    data = conference(D(2025, 5, 20))
    assert pr.event_warnings(data) == ["未登记报批情况：召开新闻发布会须经同级政府新闻办公室和主管部门审批同意"]
    late = EventData(**{**data.__dict__, "approved_by": "区委宣传部", "approved_on": D(2025, 5, 21)})
    assert "先报批" in pr.validate_event(late, D(2025, 6, 1))["approved_on"]
    approved = EventData(**{**data.__dict__, "approved_by": "区委宣传部", "approved_on": D(2025, 5, 18)})
    assert pr.validate_event(approved, D(2025, 6, 1)) == {} and pr.event_warnings(approved) == []
    assert pr.event_warnings(conference(D(2025, 5, 20), pr.GOVERNMENT)) == []
