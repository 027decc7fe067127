"""A correction received after the 补正期限 (条例第三十条: "申请人无正当理由逾期不补正的，视为放弃申请").

Accepting it restarts the answer clock only with the applicant's 正当理由, which goes on the timeline.
Received Mon 11/2; 补正告知 Wed 11/4 with 15 working days: 5, 6 (2), 9–13 (7), 16–20 (12), 23–25 (15) →
Wed 11/25.
"""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.request import RequestData
from app.services import actions, deadlines, register

D = dt.date


def make_case():
    data = RequestData(name="张三", id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                       info_description="土地征收补偿方案", arrived_on=D(2026, 11, 2), channel="当面")
    return register.register(data, today=D(2026, 12, 31))


def test_a_correction_in_time_needs_no_reason(workspace):
    case = make_case()
    actions.send_correction(case.id, D(2026, 11, 4), "请写明文号")
    actions.receive_correction(case.id, D(2026, 11, 25))  # the last day of the period
    assert register.get_case(case.id).status == "办理中"


def test_a_late_correction_needs_its_reason_and_records_it(workspace):
    case = make_case()
    actions.send_correction(case.id, D(2026, 11, 4), "请写明文号")
    with pytest.raises(actions.ReasonRequired, match="2026年11月25日") as info:
        actions.receive_correction(case.id, D(2026, 11, 26))
    assert info.value.needs_reason and "正当理由" in str(info.value)
    with pytest.raises(actions.ReasonRequired):
        actions.receive_correction(case.id, D(2026, 11, 26), reason="   ")
    assert register.get_case(case.id).status == "补正中"  # nothing recorded, the clock still waits
    assert deadlines.case_limits(case.id).answer.due is None

    actions.receive_correction(case.id, D(2026, 11, 26), reason="申请人住院，有医院证明")
    entry = [e for e in register.timeline(case.id) if e.kind == deadlines.CORRECTION_RECEIVED][-1]
    assert "申请人住院，有医院证明" in entry.summary and "已超过补正期限2026年11月25日" in entry.summary
    assert entry.data["reason"] == "申请人住院，有医院证明"
    # The answer limit runs from the corrected request: 20 working days after Thu 11/26: 27 (1), 30 (2),
    # 12/1–4 (6), 7–11 (11), 14–18 (16), 21–24 (20) → Thu 12/24.
    assert deadlines.case_limits(case.id).answer.due == D(2026, 12, 24)
