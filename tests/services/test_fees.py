"""The 信息处理费 computed from the register (国办函〔2020〕109号第六条), on the 收费通知书 and the timeline.

按件计收 counts the applicant's requests of one calendar month ("同一申请人一个自然月内累计申请"), matched
by identity document or 统一社会信用代码: the 11th of a month costs 100 元, the first ten nothing.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import docx
import pytest

from app.domain.request import RequestData
from app.services import actions, fees, notices, register
from app.services.errors import ValidationError
from tests.services.test_notices import all_text

D = dt.date
PERSON = "11010519491231002X"


def request(day: dt.date, id_number: str = PERSON, name: str = "张三"):
    data = RequestData(name=name, id_number=id_number, phone="13812345678", address="茅畲村1号",
                       info_description=f"第{day.day}日的申请", arrived_on=day, channel="当面")
    return register.register(data, today=D(2026, 12, 31))


def test_by_count_uses_the_applicants_requests_of_the_month(workspace):
    october = request(D(2026, 10, 30))  # another month: not counted
    others = request(D(2026, 11, 2), id_number="330106198001011235", name="李四")  # another applicant
    cases = [request(D(2026, 11, 2 + i)) for i in range(11)]
    assert fees.month_ordinal(cases[0].id)[0] == 1
    assert fees.month_ordinal(cases[10].id)[0] == 11
    assert fees.compute(cases[9].id, "按件计收").amount == 0  # the 10th is free
    eleventh = fees.compute(cases[10].id, "按件计收")
    assert eleventh.amount == 100 and eleventh.steps[0].startswith("该申请人本月第11件申请")
    assert fees.month_ordinal(october.id)[0] == 1 and fees.month_ordinal(others.id)[0] == 1


def test_the_fee_notice_is_prefilled_from_the_standard(workspace):
    cases = [request(D(2026, 11, 2 + i)) for i in range(11)]
    issued = notices.issue("收费通知书", cases[10].id, {}, D(2026, 11, 13))
    text = all_text(docx.Document(str(issued.path)))
    assert "人民币100元" in text and "该申请人本月第11件申请" in text and "第11件：1件×100元=100元" in text
    assert "按件计收，同一申请人一个自然月内累计申请10件以下（含）不收费" in text
    sent = [e for e in register.timeline(cases[10].id) if e.kind == "fee_sent"][0]
    assert (sent.data["amount"], sent.data["computed"], sent.data["method"]) == (100, 100, "按件计收")


def test_no_fee_notice_when_the_standard_charges_nothing(workspace):
    case = request(D(2026, 11, 2))
    with pytest.raises(ValidationError, match="不收费"):
        actions.send_fee_notice(case.id, D(2026, 11, 5))


def test_another_amount_needs_a_recorded_reason(workspace):
    """45 pages 按量计收 = 150 元; the applicant asked for a reduction (109号第八条) and the office halves it."""
    case = request(D(2026, 11, 2))
    with pytest.raises(ValidationError) as info:
        actions.send_fee_notice(case.id, D(2026, 11, 5), 75, method="按量计收", pages=45)
    assert "150元" in info.value.errors["金额调整理由"]
    actions.send_fee_notice(case.id, D(2026, 11, 5), 75, method="按量计收", pages=45,
                            override_reason="申请人申请减免，经审核减半收取")
    sent = [e for e in register.timeline(case.id) if e.kind == "fee_sent"][0]
    assert sent.data["override_reason"] == "申请人申请减免，经审核减半收取"
    assert "按标准计算150元" in sent.summary and "减半收取" in sent.summary


def test_an_adjusted_amount_is_explained_on_the_notice(workspace):
    case = request(D(2026, 11, 2))
    issued = notices.issue("收费通知书", case.id, {"收费方式": "按量计收", "页数": "45", "收费金额": "75",
                                                  "金额调整理由": "申请人申请减免，经审核减半收取"}, D(2026, 11, 9))
    text = all_text(docx.Document(str(issued.path)))
    assert "第31～45页：15页×10元=150元，合计150元，经本机关调整为75元（申请人申请减免，经审核减半收取）" in text
    assert "人民币75元" in text


def test_the_fee_notice_has_the_contact_line_and_fits_one_page(workspace, tmp_path):
    """notices.md: every notice gives the office's contact; 收费通知书 too, still on one A4 page."""
    case = request(D(2026, 11, 2))
    # The longest computation: four bands.
    issued = notices.issue("收费通知书", case.id, {"收费方式": "按量计收", "页数": "250",
                                                  "送达安排": "签发当日直接送达"}, D(2026, 11, 9))
    text = all_text(docx.Document(str(issued.path)))
    assert "（联系人：王丽，联系电话：0576-84581234）" in text
    assert "人民币4700元" in text  # 700 + 2000 + 50 × 40
    assert "即于2026年12月7日之前（含当日）" in text  # handed over 11/9: 20 working days after it
    if shutil.which("soffice") and shutil.which("pdfinfo"):
        pdf = notices.to_pdf(issued.path, tmp_path)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+1\n", info)
