"""Outcome preconditions hold on every path that records an outcome (条例第三十条; 国办函〔2020〕109号):
the generic 答复 action, 记录办理结果 (register.record_outcome), the lapse actions and the ledger import.

条例第三十条: "申请人无正当理由逾期不补正的，视为放弃申请" — 6.1 only after the 补正期限 ran out with no
correction; 4.3 (补正后申请内容仍不明确) only after a correction. 109号: "申请人应当自收到收费通知之次日起
20个工作日内缴纳费用……逾期未缴纳的，视为放弃申请" — 6.2 only after that term.

Dates on the 2026 calendar (holidays.md). Received Mon 11/2; 补正告知 Thu 11/5 with 15 working days:
6 (1), 9–13 (6), 16–20 (11), 23, 24, 25, 26 (15) → Thu 11/26.
"""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from app.domain.request import RequestData
from app.services import actions, ledger, register
from app.services.errors import ServiceError

D = dt.date


def make_case(received=D(2026, 11, 2), name="张三"):
    data = RequestData(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                       info_description="土地征收补偿方案", arrived_on=received, channel="当面")
    return register.register(data, today=D(2026, 12, 31))


PATHS = {
    "answer": lambda cid, code, on: actions.answer(cid, code, on, accept_late=True),
    "record_outcome": lambda cid, code, on: register.record_outcome(cid, code, on),
}


@pytest.mark.parametrize("path", PATHS)
def test_6_1_refused_while_the_correction_period_runs(workspace, path):
    case = make_case()
    actions.send_correction(case.id, D(2026, 11, 5), "请写明所需信息的文号")
    with pytest.raises(ServiceError, match="2026年11月26日"):
        PATHS[path](case.id, "6.1", D(2026, 11, 26))  # the last day is still the applicant's
    assert register.get_case(case.id).outcome is None
    PATHS[path](case.id, "6.1", D(2026, 11, 27))
    assert register.get_case(case.id).outcome == "6.1"


@pytest.mark.parametrize("path", PATHS)
def test_6_1_and_4_3_refused_when_no_correction_was_asked(workspace, path):
    case = make_case()
    with pytest.raises(ServiceError, match="未发出补正告知书"):
        PATHS[path](case.id, "6.1", D(2026, 11, 20))
    with pytest.raises(ServiceError, match="未要求补正"):
        PATHS[path](case.id, "4.3", D(2026, 11, 20))
    assert register.get_case(case.id).outcome is None


def test_4_3_after_the_corrected_request(workspace):
    case = make_case()
    actions.send_correction(case.id, D(2026, 11, 5), "请写明所需信息的文号")
    with pytest.raises(ServiceError, match="尚未收到补正"):
        actions.answer(case.id, "4.3", D(2026, 11, 10))
    actions.receive_correction(case.id, D(2026, 11, 12))
    with pytest.raises(ServiceError, match="已于2026年11月12日收到补正"):
        actions.answer(case.id, "6.1", D(2026, 11, 27))
    actions.answer(case.id, "4.3", D(2026, 11, 20))
    assert register.get_case(case.id).outcome == "4.3"


@pytest.mark.parametrize("path", PATHS)
def test_6_2_refused_inside_the_payment_term(workspace, path):
    """Sent Thu 9/3, received Tue 9/8 (postal receipt): 20 working days from 9/9 end Mon 10/12 (see
    tests/domain/test_outcomes.py for the count)."""
    case = make_case(D(2026, 9, 1))
    fee = actions.send_fee_notice(case.id, D(2026, 9, 3), method="按量计收", pages=45)
    with pytest.raises(ServiceError, match="送达日期尚未登记"):
        PATHS[path](case.id, "6.2", D(2026, 11, 2))
    actions.record_delivery(case.id, fee, D(2026, 9, 8), "邮寄送达")
    with pytest.raises(ServiceError, match="2026年10月12日"):
        PATHS[path](case.id, "6.2", D(2026, 10, 12))
    PATHS[path](case.id, "6.2", D(2026, 10, 13))
    assert register.get_case(case.id).outcome == "6.2"


def test_6_2_refused_without_a_fee_notice(workspace):
    case = make_case()
    with pytest.raises(ServiceError, match="没有未缴费"):
        register.record_outcome(case.id, "6.2", D(2026, 11, 20))


def test_the_lapse_action_follows_the_same_rule(workspace):
    case = make_case()
    actions.send_correction(case.id, D(2026, 11, 5), "请写明所需信息的文号")
    with pytest.raises(ServiceError, match="2026年11月26日"):
        actions.correction_lapsed(case.id, D(2026, 11, 26))
    actions.correction_lapsed(case.id, D(2026, 11, 27))
    assert register.get_case(case.id).outcome == "6.1"


def _ledger(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["登记编号", "收到日期", "申请人", "申请内容", "补正告知日期", "补正日期", "答复日期", "办理结果"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_ledger_import_checks_6_1_and_4_3_against_the_correction_dates(workspace, tmp_path):
    """A hand-kept ledger with 补正 dates: the same rule; rows that break it are shown as problems."""
    path = _ledger(tmp_path / "台账.xlsx", [
        ("〔2026〕第1号", "2026-11-02", "甲", "财政预算", "2026-11-05", "", "2026-11-20", "6.1"),  # period runs to 11/26
        ("〔2026〕第2号", "2026-11-02", "乙", "财政预算", "2026-11-05", "", "2026-11-27", "6.1"),  # after it: fine
        ("〔2026〕第3号", "2026-11-02", "丙", "财政预算", "", "", "2026-11-20", "4.3"),  # no 补正 asked
        ("〔2026〕第4号", "2026-11-02", "丁", "财政预算", "2026-11-05", "2026-11-12", "2026-11-20", "4.3"),
    ])
    preview = ledger.preview_import(path, today=D(2026, 11, 30))
    problems = {r.case_no: r.problems for r in preview.rows}
    assert any("2026年11月26日" in p for p in problems["〔2026〕第1号"])
    assert problems["〔2026〕第2号"] == []
    assert any("未要求补正" in p for p in problems["〔2026〕第3号"])
    assert problems["〔2026〕第4号"] == []
