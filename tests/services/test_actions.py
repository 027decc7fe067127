"""Case actions move the legal clock as docs/legal/requests.md, 法定期限 says (2026 calendar of docs/legal/holidays.md)."""
import datetime as dt

import pytest

from app.domain.request import CaseQuery, RequestData
from app.services import actions, calendar, deadlines, register
from app.services.errors import ServiceError

D = dt.date


def make_case(received=D(2026, 11, 2)):
    data = RequestData(name="张三", id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                       info_description="土地征收补偿方案", arrived_on=received, channel="当面")
    return register.register(data, today=D(2026, 12, 31))


def answer_due(case_id, today=None):
    return deadlines.case_limits(case_id, today).answer.due


def test_registration_caches_the_answer_limit(workspace):
    case = make_case()
    # docs/legal/holidays.md worked example: received Mon 2026-11-02 → 20th working day after = 2026-11-30.
    assert answer_due(case.id) == D(2026, 11, 30)
    row = register.list_rows(CaseQuery())[0]
    assert (row.due_on, row.due_key) == (D(2026, 11, 30), "answer")


def test_correction_restarts_the_answer_limit(workspace):
    case = make_case()
    actions.send_correction(case.id, D(2026, 11, 5), "请写明所需信息的文号")
    assert register.get_case(case.id).status == "补正中"
    assert answer_due(case.id) is None  # waiting for the corrected request
    actions.receive_correction(case.id, D(2026, 11, 16))
    # 20 working days after Mon 2026-11-16 → Mon 2026-12-14.
    assert answer_due(case.id) == D(2026, 12, 14)
    assert register.get_case(case.id).status == "办理中"


def test_a_late_correction_notice_needs_confirming(workspace):
    case = make_case()
    # The 7th working day after 2026-11-02 is 2026-11-11 (docs/legal/holidays.md).
    with pytest.raises(actions.LateAction, match="2026年11月11日"):
        actions.send_correction(case.id, D(2026, 11, 12), "补充身份证明")
    actions.send_correction(case.id, D(2026, 11, 12), "补充身份证明", accept_late=True)
    sent = [e for e in register.timeline(case.id) if e.kind == "correction_sent"][0]
    assert "已超过补正告知期限" in sent.summary


def test_consultation_pauses_and_resumes(workspace):
    case = make_case()
    cid = actions.start_consultation(case.id, D(2026, 11, 10), "某建材有限公司")
    assert register.get_case(case.id).status == "征求意见中"
    actions.receive_opinion(case.id, cid, D(2026, 11, 13), "不同意公开")
    # Paused working days in (11-10, 11-13] = 11-11, 11-12, 11-13 = 3 → 11-30 + 3 = 2026-12-03.
    assert answer_due(case.id) == D(2026, 12, 3)
    assert register.get_case(case.id).status == "办理中"


def test_extension_is_20_working_days_after_the_original_limit(workspace):
    case = make_case()
    actions.extend(case.id, D(2026, 11, 20), "陈建国")
    assert answer_due(case.id) == D(2026, 12, 28)  # docs/legal/holidays.md worked example
    with pytest.raises(ServiceError, match="已经延期一次"):
        actions.extend(case.id, D(2026, 11, 20), "陈建国")


def test_fee_lapse_closes_the_case_as_6_2(workspace):
    """国办函〔2020〕109号: 申请人应当自收到收费通知之次日起20个工作日内缴纳费用，逾期未缴纳的视为放弃申请.

    45 pages 按量计收: pages 31–45 at 10 元 = 150 元. Sent Thu 9/3, the postal receipt says Tue 9/8.
    20 working days from 9/9: 9–11 (3), 14–18 (8), Sun 9/20 调休 (9), 21–24 (13), [9/25–27 中秋 and
    weekend], 28–30 (16), [国庆], 10/8, 9 (18), Sat 10/10 调休 (19), Mon 10/12 (20)."""
    case = make_case(D(2026, 9, 1))
    fee_id = actions.send_fee_notice(case.id, D(2026, 9, 3), method="按量计收", pages=45)
    sent = [e for e in register.timeline(case.id) if e.kind == "fee_sent"][0]
    assert sent.data["amount"] == 150
    with pytest.raises(ServiceError, match="送达日期尚未登记"):
        actions.fee_lapsed(case.id, D(2026, 11, 2))
    actions.record_delivery(case.id, fee_id, D(2026, 9, 8), "邮寄送达")
    with pytest.raises(ServiceError, match="2026年10月12日"):
        actions.fee_lapsed(case.id, D(2026, 10, 12))
    actions.fee_lapsed(case.id, D(2026, 10, 13))
    closed = register.get_case(case.id)
    assert (closed.outcome, closed.status) == ("6.2", "已办结")


def test_office_holiday_moves_open_limits_at_once(workspace):
    case = make_case()
    assert register.list_rows(CaseQuery())[0].due_on == D(2026, 11, 30)
    recomputed = calendar.set_day(D(2026, 11, 20), False, "测试：乡镇调休")
    assert recomputed == 1
    assert register.list_rows(CaseQuery())[0].due_on == D(2026, 12, 1)
    calendar.set_day(D(2026, 11, 20), None)
    assert register.list_rows(CaseQuery())[0].due_on == D(2026, 11, 30)


def test_importing_a_schedule_never_confirms_a_year(workspace, tmp_path):
    """docs/legal/requests.md, 未确认: a year is confirmed only from a complete schedule (every holiday of
    全国年节及纪念日放假办法第二条) with its source named. A file with two 2027 rows leaves 2027
    unconfirmed, so the limit keeps its 未确认 mark."""
    case = make_case(D(2026, 12, 15))
    limit = deadlines.case_limits(case.id).answer
    assert limit.unconfirmed_years == (2027,)
    sheet = tmp_path / "2027.csv"
    sheet.write_text("日期,休/班,备注\n2027-01-01,休,元旦\n2027-01-04,休,测试假日\n", encoding="utf-8")
    assert calendar.import_schedule(sheet) == (2, 1)
    limit = deadlines.case_limits(case.id).answer
    assert limit.unconfirmed_years == (2027,)
    assert 2027 not in calendar.confirmed_years()


def test_import_with_a_bad_row_saves_nothing(workspace, tmp_path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("2027-01-01,休,元旦\n2027-02-30,休,坏日期\n2027-01-09,加班,x\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        calendar.import_schedule(sheet)
    assert "第2行" in info.value.errors and "第3行" in info.value.errors
    assert calendar.confirmed_years() == {}


def test_due_overview_puts_overdue_first(workspace):
    old = make_case(D(2026, 9, 1))
    new = make_case(D(2026, 11, 16))
    overview = deadlines.due_overview(D(2026, 11, 23))
    first = overview.overdue[0]
    assert first.case_no == old.case_no and first.limit.key == "answer" and first.limit.legal
    # The new case's legal limit (2026-12-14) is far off; it is listed only for the township's
    # own 2-working-day review step (2026-11-18), after every missed legal limit.
    listed = {i.case_no: i for i in overview.overdue}
    assert listed[new.case_no].limit.key == "internal_review"
    assert [i.case_no for i in overview.overdue].index(new.case_no) > 0


def test_internal_steps_stop_their_limits(workspace):
    case = make_case(D(2026, 11, 16))
    review = deadlines.case_limits(case.id, D(2026, 11, 23)).get("internal_review")
    assert review.due == D(2026, 11, 18) and review.done_on is None
    actions.complete_step(case.id, "reviewed", D(2026, 11, 17))
    review = deadlines.case_limits(case.id, D(2026, 11, 23)).get("internal_review")
    assert review.done_on == D(2026, 11, 17)
    assert register.get_case(case.id).status == "办理中"
    with pytest.raises(ServiceError, match="已登记过"):
        actions.complete_step(case.id, "reviewed", D(2026, 11, 17))


def test_a_refused_lapse_leaves_nothing_half_saved(workspace):
    """Review finding: the lapse event and outcome 6.1 are stored together or not at all."""
    case = make_case(D(2026, 9, 1))
    actions.send_correction(case.id, D(2026, 9, 3), "请写明文号")
    future = dt.date.today() + dt.timedelta(days=5)
    with pytest.raises(Exception):
        actions.correction_lapsed(case.id, future)
    kinds = [e.kind for e in register.timeline(case.id)]
    assert "correction_lapsed" not in kinds and register.get_case(case.id).outcome is None


def test_a_correction_cannot_be_received_before_it_was_asked_for(workspace):
    case = make_case(D(2026, 11, 2))
    actions.send_correction(case.id, D(2026, 11, 6), "请写明文号")
    with pytest.raises(Exception) as info:
        actions.receive_correction(case.id, D(2026, 11, 5))
    assert "不能早于发出补正告知的日期" in str(info.value)


def test_the_cached_limit_resumes_after_an_unanswered_consultation_runs_out(workspace):
    """Review finding: a pause whose 15 working days ran out no longer shows 暂停 in the list."""
    received = dt.date.today() - dt.timedelta(days=70)
    case = make_case(received)
    actions.start_consultation(case.id, received + dt.timedelta(days=5), "李四")
    row = register.list_rows(CaseQuery())[0]
    assert row.due_key == "answer" and row.due_on == deadlines.case_limits(case.id, dt.date.today()).answer.due


def test_the_last_step_can_be_taken_back_and_the_trail_shows_both(workspace):
    """撤销上一步: an extension recorded by mistake goes, the limit is as before, the audit trail keeps
    the step and its undoing; an issued notice is never taken back."""
    from app.services import audit as trail, deadlines, notices, register
    from app.domain.request import RequestData

    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         info_name="村道硬化验收报告", arrived_on=dt.date(2026, 3, 2)),
                             today=dt.date(2026, 3, 2))
    answer_limit = deadlines.case_limits(case.id, dt.date(2026, 3, 20)).answer.due
    actions.extend(case.id, dt.date(2026, 3, 20), "陈建国")
    assert register.get_case(case.id).status == "已延期"
    assert register.last_step(case.id).summary.startswith("经陈建国同意延期答复")
    undone = register.undo_last_step(case.id, dt.date(2026, 3, 20))
    assert undone.status == "登记"
    assert deadlines.case_limits(case.id, dt.date(2026, 3, 20)).answer.due == answer_limit
    assert [e.kind for e in register.timeline(case.id)] == ["registered", "undone"]
    assert register.timeline(case.id)[-1].summary == "撤销上一步：经陈建国同意延期答复"
    actions_ = [e.action for e in trail.case_history(case.id)]
    assert actions_[-2:] == ["经陈建国同意延期答复", "撤销上一步"]
    assert register.last_step(case.id) is None  # the undoing itself is not undone
    with pytest.raises(ServiceError, match="没有可撤销|不能撤销"):
        register.undo_last_step(case.id)

    # The outcome comes back as it was; an issued notice stays.
    register.record_outcome(case.id, "4.1", dt.date(2026, 3, 25))
    register.undo_last_step(case.id, dt.date(2026, 3, 25))
    back = register.get_case(case.id)
    assert (back.outcome, back.answered_on, back.status) == (None, None, "登记")
    notices.issue("申请接收回执", case.id, {}, dt.date(2026, 3, 25))
    with pytest.raises(ServiceError, match="文号不得空号"):
        register.undo_last_step(case.id)
