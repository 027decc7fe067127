"""The report counted from a real register file: cases and disputes entered through the services."""
import datetime as dt
import json

import openpyxl
import pytest

from app import cli
from app.domain.request import RequestData
from app.services import actions, annual_report, disputes, register
from app.services.errors import ServiceError

D = dt.date
TODAY = D(2026, 1, 20)


def person(name, received, **kw):
    return RequestData(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                       info_description="财政预算", arrived_on=received, channel="当面", **kw)


def company(name, kind, received):
    return RequestData(applicant_type="organisation", applicant_kind=kind, name=name, id_type="统一社会信用代码",
                       id_number="91350100M000100Y43", legal_rep="李四", contact_person="王五",
                       phone="0576-84123456", address="黄岩区1号", info_description="招标文件",
                       arrived_on=received, channel="当面")


def approved_review(case_id, on):
    """先审查、后公开: a releasing answer needs its secrecy review signed through every step."""
    from app.domain.review import CHECKS, CheckAnswer
    from app.services import review

    data = review.draft_for_case(case_id, today=on)
    data.section, data.carrier, data.proposal = "党政办公室", "公文类", "全文公开"
    data.checks = {key: CheckAnswer("否") for key, _label in CHECKS}
    rev = review.create_for_case(case_id, data, today=on)
    for step, _label in rev.steps:
        review.approve(rev.id, step, "审查人", on, today=on)


@pytest.fixture
def year_2025(workspace):
    r = register.register
    carried = r(person("甲", D(2024, 12, 20)), today=TODAY)           # carried in from 2024
    approved_review(carried.id, D(2025, 1, 6))
    register.record_outcome(carried.id, "1", D(2025, 1, 8))
    a = r(person("乙", D(2025, 3, 2)), today=TODAY)
    approved_review(a.id, D(2025, 3, 18))
    register.record_outcome(a.id, "1a", D(2025, 3, 20))                  # counted in row 1
    b = r(company("某建材有限公司", "商业企业", D(2025, 4, 1)), today=TODAY)
    register.record_outcome(b.id, "3.4", D(2025, 4, 20))
    c = r(company("某研究所", "科研机构", D(2025, 5, 6)), today=TODAY)  # corrected, then abandoned
    actions.send_correction(c.id, D(2025, 5, 7), "请写明文号", 15)
    actions.correction_lapsed(c.id, D(2025, 6, 30))
    d = r(person("丙", D(2025, 12, 21)), today=TODAY)                  # answered in January 2026
    register.record_outcome(d.id, "4.1", D(2026, 1, 6))
    e = r(company("某律师事务所", "法律服务机构", D(2025, 12, 28)), today=TODAY)  # still open
    disputes.add(b.id, "行政复议", "台州市黄岩区人民政府", D(2025, 5, 10), today=TODAY)
    lawsuit = disputes.add(b.id, "未经复议直接起诉", "台州市黄岩区人民法院", D(2025, 6, 1), today=TODAY)
    disputes.record_result(lawsuit.id, "维持", D(2025, 9, 1))
    return {"carried": carried, "a": a, "b": b, "c": c, "d": d, "e": e}


def test_tables_count_the_register_as_written_out_by_hand(year_2025):
    report = annual_report.build(2025)
    t3 = json.loads(annual_report.to_json(report))["table3"]
    #                   自然人 商业 科研 公益 法律 其他 总计
    assert t3["new"] == [2, 1, 1, 0, 1, 0, 5]
    assert t3["carried_in"] == [1, 0, 0, 0, 0, 0, 1]
    assert t3["1"] == [2, 0, 0, 0, 0, 0, 2]
    assert t3["3.4"] == [0, 1, 0, 0, 0, 0, 1]
    assert t3["3"] == [0, 1, 0, 0, 0, 0, 1]
    assert t3["6.1"] == [0, 0, 1, 0, 0, 0, 1]
    assert t3["4.1"] == [0, 0, 0, 0, 0, 0, 0]
    assert t3["total"] == [2, 1, 1, 0, 0, 0, 4]
    assert t3["carried_out"] == [1, 0, 0, 0, 1, 0, 2]
    assert report.balanced
    t4 = json.loads(annual_report.to_json(report))["table4"]
    assert t4["行政复议"] == [0, 0, 0, 1, 1]
    assert t4["未经复议直接起诉"] == [1, 0, 0, 0, 1]
    assert t4["复议后起诉"] == [0, 0, 0, 0, 0]
    # The next year sees the December case come in and conclude.
    t3_2026 = json.loads(annual_report.to_json(annual_report.build(2026)))["table3"]
    assert t3_2026["carried_in"] == [1, 0, 0, 0, 1, 0, 2]
    assert t3_2026["4.1"] == [1, 0, 0, 0, 0, 0, 1]


def test_clicking_a_cell_lists_its_cases(year_2025):
    report = annual_report.build(2025)
    rows = annual_report.cases_in_cell(report, "1", "自然人")
    assert [r.name for r in rows] == ["甲", "乙"]


def test_export_refuses_an_unbalanced_report_unless_overridden(year_2025, tmp_path):
    report = annual_report.build(2025)
    report.t3 = report.t3.with_cell("1", 0, 5)
    from app.domain.annual_report import check_balance

    report.errors = check_balance(report.t3, report.t4)
    with pytest.raises(ServiceError, match="不平衡"):
        annual_report.export(report, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    paths = annual_report.export(report, tmp_path / "out", override_note="核对后确认")
    assert all(p.exists() for p in paths)


def test_cli_json_and_export(year_2025, db_path, tmp_path, capsys):
    from app.services.workspace import close_workspace

    close_workspace()
    assert cli.run(["annual-report", "--year", "2025", "--json", "--db", str(db_path),
                    "--out", str(tmp_path / "r")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["year"] == 2025 and out["balanced"] is True
    assert set(out["table4"]) == {"行政复议", "未经复议直接起诉", "复议后起诉"}
    assert {"new", "carried_in", "1", "2", "3", "3.1", "6.3", "total", "carried_out"} <= set(out["table3"])
    xlsx = next((tmp_path / "r").glob("*.xlsx"))
    wb = openpyxl.load_workbook(xlsx)
    assert "表三" in wb.sheetnames


def test_disputes_have_limits_and_reach_the_timeline(year_2025):
    b = year_2025["b"]
    open_ones = disputes.open_disputes()
    assert [d.kind for d in open_ones] == ["行政复议"]
    limits = {l.key: l for l in open_ones[0].limits}
    # Received Sat 2025-05-10: 行政复议法第四十八条、第八十八条第二款 10 working days → 12–16 (5), 19–23 (10) =
    # Fri 05-23; the township's 10 working days fall on the same day, so the legal one is shown.
    assert limits["dispute_reply_legal"].due == D(2025, 5, 23)
    assert limits["dispute_reply_internal"].due == D(2025, 5, 23)
    assert limits["dispute_reply_internal"].superseded
    kinds = [e.summary for e in register.timeline(b.id) if e.kind == "dispute"]
    assert any("行政复议申请书副本" in s for s in kinds)


def test_the_fee_figures_are_the_notices_sent_and_the_amounts_paid_in_the_year(workspace):
    """Section 六 and table 2's 收费金额 (国办函〔2020〕109号): the fee notices sent in the year, and the
    amounts paid in it, each at the last amount the applicant was told. Amounts with fen whose sum a
    binary fraction would miss (10.1 + 20.2 + 8.08 is 38.379999… in floating point)."""
    from decimal import Decimal

    from app.services import notices

    def case(name, received):
        return register.register(person(name, received), today=received)

    reduced = "申请人申请减免"
    december = case("甲", D(2025, 12, 1))                # sent in 2025, paid in 2026
    actions.send_fee_notice(december.id, D(2025, 12, 2), amount=10.1, override_reason=reduced)
    actions.fee_paid(december.id, D(2026, 1, 5))
    march = case("乙", D(2026, 3, 2))
    actions.send_fee_notice(march.id, D(2026, 3, 3), amount=20.2, override_reason=reduced)
    actions.fee_paid(march.id, D(2026, 3, 10))
    unpaid = case("丙", D(2026, 4, 1))
    actions.send_fee_notice(unpaid.id, D(2026, 4, 2), amount=0.7, override_reason=reduced)
    reissued = case("丁", D(2026, 5, 6))                 # one notice, told three amounts: 8.08 is paid
    for day, amount in ((D(2026, 5, 7), "12.35"), (D(2026, 5, 8), "45.45"), (D(2026, 5, 11), "8.08")):
        notices.issue("收费通知书", reissued.id, {"收费方式": "按件计收", "收费金额": amount, "金额调整理由": reduced},
                      day, change_reason="" if amount == "12.35" else "金额核对有误")
    actions.fee_paid(reissued.id, D(2026, 5, 12))

    last_year, this_year = annual_report.build(2025), annual_report.build(2026)
    assert (last_year.fee_notices, last_year.fees_collected_yuan) == (1, 0)
    assert (this_year.fee_notices, this_year.fees_collected_yuan) == (3, Decimal("38.38"))
    assert this_year.t2.fees_wan == Decimal("0.003838")
    assert annual_report.build(2024).fee_notices == 0
