"""What a notice tells the applicant binds the office (docs/legal/rules.md), read back from real .docx files.

* Re-issued notices (条例第三十条: 一次性告知, "说明需要补正的事项和合理的补正期限"): a re-issued 补正告知书
  prints the 补正期限 already given, not one counted from the re-issue; other items or another date
  are a deliberate act with a recorded reason, and the clock follows the last date given. The same
  for 收费通知书 and 征求意见书.
* Periods from the addressee's receipt (国办函〔2020〕109号 "自收到收费通知之次日起20个工作日";
  条例第三十二条 "自收到征求意见书之日起15个工作日"): a date is printed only when the notice is handed
  over on the day of issue; the period counts from the recorded delivery.
* Dates in an unconfirmed year carry 未确认 (docs/legal/requests.md, 未确认); issuing asks and records it.

Dates on the 2026 calendar (holidays.md).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import docx
import pytest

from app.domain.request import CaseQuery, RequestData
from app.services import actions, annual_report, deadlines, notices, register
from app.services.errors import ValidationError
from tests.services.test_notices import all_text

D = dt.date
ITEMS = "所需政府信息的名称或文号"


def make_case(received=D(2026, 11, 2), name="张三", id_number="11010519491231002X"):
    data = RequestData(name=name, id_number=id_number, phone="13812345678", address="茅畲村1号",
                       info_description="土地征收补偿方案", arrived_on=received, channel="当面")
    return register.register(data, today=D(2026, 12, 31))


def text_of(issued) -> str:
    return all_text(docx.Document(str(issued.path)))


# ------------------------------------------------------------------- re-issued notices


def test_a_reissued_correction_notice_prints_the_date_already_given(workspace):
    """Issued Wed 11/4: 15 working days → 5, 6 (2), 9–13 (7), 16–20 (12), 23, 24, 25 (15) = Wed 11/25.
    Re-issued Tue 11/10 (the first letter was lost): still 11/25, not 12/1 (15 after 11/10)."""
    case = make_case()
    first = notices.issue("补正告知书", case.id, {"补正事项": ITEMS}, D(2026, 11, 4))
    assert "请于2026年11月25日之前（含当日）" in text_of(first)
    again = notices.issue("补正告知书", case.id, {"补正事项": ITEMS}, D(2026, 11, 10))
    assert "请于2026年11月25日之前（含当日）" in text_of(again) and "2026年12月1日" not in text_of(again)
    assert deadlines.case_limits(case.id).get("correction_period").due == D(2026, 11, 25)


def test_other_items_on_a_reissue_need_a_recorded_reason(workspace):
    case = make_case()
    notices.issue("补正告知书", case.id, {"补正事项": ITEMS}, D(2026, 11, 4))
    with pytest.raises(notices.TermsChanged, match="一次性告知") as info:
        notices.issue("补正告知书", case.id, {"补正事项": ITEMS + "\n身份证复印件"}, D(2026, 11, 10))
    assert "补正事项" in info.value.changes
    assert len(notices.documents(case.id)) == 1  # refused: nothing issued
    notices.issue("补正告知书", case.id, {"补正事项": ITEMS + "\n身份证复印件"}, D(2026, 11, 10),
                  change_reason="首次告知漏列身份证明，经分管领导同意补充")
    changed = [e for e in register.timeline(case.id) if e.kind == deadlines.TERMS_CHANGED]
    assert len(changed) == 1 and "首次告知漏列身份证明" in changed[0].summary and "补正事项" in changed[0].summary


def test_a_later_date_on_a_reissue_binds_the_office(workspace):
    """Re-issued with 补正期限 12/1 (a deliberate, recorded change): 6.1 is refused until 12/1 has passed."""
    case = make_case()
    notices.issue("补正告知书", case.id, {"补正事项": ITEMS}, D(2026, 11, 4))
    extra = {"补正事项": ITEMS, "另定补正期限": "2026-12-01"}
    with pytest.raises(notices.TermsChanged, match="2026年12月1日"):
        notices.issue("补正告知书", case.id, extra, D(2026, 11, 10))
    again = notices.issue("补正告知书", case.id, extra, D(2026, 11, 10), change_reason="首次告知书被退回，重新邮寄")
    assert "请于2026年12月1日之前（含当日）" in text_of(again)
    assert deadlines.case_limits(case.id).get("correction_period").due == D(2026, 12, 1)
    with pytest.raises(register.OutcomeRefused, match="2026年12月1日"):
        register.record_outcome(case.id, "6.1", D(2026, 11, 27))
    # And a re-issue that keeps quiet about the change now prints the new date.
    assert "请于2026年12月1日之前" in text_of(notices.issue("补正告知书", case.id, {"补正事项": ITEMS}, D(2026, 11, 11)))


def test_a_reissue_cannot_shorten_the_period_given(workspace):
    case = make_case()
    notices.issue("补正告知书", case.id, {"补正事项": ITEMS}, D(2026, 11, 4))
    with pytest.raises(ValidationError, match="不能早于"):
        notices.issue("补正告知书", case.id, {"补正事项": ITEMS, "另定补正期限": "2026-11-20"}, D(2026, 11, 10),
                      change_reason="x")


def test_a_reissued_fee_notice_with_another_amount_needs_a_reason(workspace):
    case = make_case()
    notices.issue("收费通知书", case.id, {"收费方式": "按量计收", "页数": "45"}, D(2026, 11, 9))
    with pytest.raises(notices.TermsChanged, match="应缴金额"):
        notices.issue("收费通知书", case.id, {"收费方式": "按量计收", "页数": "60"}, D(2026, 11, 10))
    notices.issue("收费通知书", case.id, {"收费方式": "按量计收", "页数": "60"}, D(2026, 11, 10),
                  change_reason="页数核对有误，实为60页")
    # Paid: table 2 counts the last amount told (31–60 = 30 pages × 10 = 300 元 = 0.03 万元).
    actions.fee_paid(case.id, D(2026, 11, 12))
    assert annual_report.build(2026).t2.fees_wan == Decimal("0.03")


def test_a_reissued_request_for_opinion_with_other_questions_needs_a_reason(workspace):
    case = make_case()
    extra = {"第三方名称": "某建材有限公司", "征求意见事项": "是否涉及商业秘密"}
    notices.issue("征求意见书（第三方）", case.id, extra, D(2026, 11, 5))
    with pytest.raises(notices.TermsChanged, match="征求意见事项"):
        notices.issue("征求意见书（第三方）", case.id, {**extra, "征求意见事项": "是否同意公开"}, D(2026, 11, 6))
    notices.issue("征求意见书（第三方）", case.id, extra, D(2026, 11, 6))  # the same again: no question
    assert len(actions.open_consultations(case.id)) == 1


# ------------------------------------------------------------------- periods from receipt


def test_a_posted_fee_notice_prints_no_date_and_counts_from_its_delivery(workspace):
    """Posted Mon 11/9, received Thu 11/12: 20 working days from 11/13 → 13 (1), 16–20 (6), 23–27 (11),
    30 (12), 12/1–4 (16), 7–10 (20) = Thu 12/10."""
    case = make_case()
    issued = notices.issue("收费通知书", case.id, {"收费方式": "按量计收", "页数": "45", "送达安排": "邮寄送达"},
                           D(2026, 11, 9))
    text = text_of(issued)
    assert "请自收到本通知书之次日起20个工作日内缴纳" in text and "即于" not in text
    assert deadlines.case_limits(case.id).get("fee_payment").due is None
    (pending,) = actions.pending_deliveries(case.id)
    actions.record_delivery(case.id, pending["id"], D(2026, 11, 12), "邮寄送达", issued.id)
    assert deadlines.case_limits(case.id).get("fee_payment").due == D(2026, 12, 10)
    assert notices.document(issued.id).path.exists()
    from app.store import notices as documents

    assert documents.get(issued.id).delivered_on == D(2026, 11, 12)


def test_a_notice_handed_over_on_the_day_prints_its_date_and_is_delivered(workspace):
    """Handed to the third party Thu 11/5: 15 working days → 6 (1), 9–13 (6), 16–20 (11), 23–26 (15) = 11/26."""
    case = make_case()
    extra = {"第三方名称": "某建材有限公司", "送达安排": "签发当日直接送达"}
    issued = notices.issue("征求意见书（第三方）", case.id, extra, D(2026, 11, 5))
    assert "即于2026年11月26日之前（含当日）" in text_of(issued)
    assert deadlines.case_limits(case.id).get("consultation_reply").due == D(2026, 11, 26)
    posted = notices.issue("征求意见书（第三方）", case.id, {**extra, "第三方名称": "另一家公司", "送达安排": "邮寄送达"},
                           D(2026, 11, 5))
    assert "即于" not in text_of(posted) and "自收到本意见书之日起15个工作日内" in text_of(posted)


# ------------------------------------------------------------------- 未确认 dates (docs/legal/requests.md, 未确认)


def test_an_extension_into_an_unconfirmed_year_is_marked_and_issued_on_confirmation(workspace):
    """Received Mon 11/16: answer limit 17–20 (4), 23–27 (9), 30 (10), 12/1–4 (14), 7–11 (19), 12/14 (20).
    Extended: 15–18 (4), 21–25 (9), 28–31 (13), [Fri 1/1 元旦, a statutory holiday], 1/4–8 (18), 11, 12
    (20) → 2027-01-12, in 2027 whose schedule is not out. The 延期答复告知书 must still go out before 12/14."""
    case = make_case(D(2026, 11, 16))
    draft = all_text(docx.Document(str(notices.render_draft("延期答复告知书", case.id, {"批准人": "陈建国"},
                                                            D(2026, 11, 30)))))
    assert "2027年1月12日（未确认）" in draft
    with pytest.raises(notices.UnconfirmedDates, match="2027") as info:
        notices.issue("延期答复告知书", case.id, {"批准人": "陈建国"}, D(2026, 11, 30))
    assert info.value.years == (2027,)
    issued = notices.issue("延期答复告知书", case.id, {"批准人": "陈建国"}, D(2026, 11, 30), accept_unconfirmed=True)
    assert "2027年1月12日（未确认）" in text_of(issued)
    event = [e for e in register.timeline(case.id) if e.kind == "notice"][-1]
    assert event.data["unconfirmed_years"] == [2027] and "未确认" in event.summary
    row = register.list_rows(CaseQuery())[0]
    assert row.due_on == D(2027, 1, 12) and register.due_unconfirmed_years(row) == (2027,)
