"""新闻发布 records against a real database and real Excel files (app/services/press.py;
docs/legal/duties.md, 新闻发布)."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from app.domain import clock
from app.domain import press as pr
from app.domain.press import EventData, InquiryData, PersonData
from app.services import audit, press
from app.services import settings as office
from app.services.errors import ValidationError, YearLocked
from app.store import ledger

D = dt.date


def conference(day: dt.date, host: str = pr.OWN, roles=(pr.SPOKESPERSON,)) -> EventData:
    return EventData(held_on=day, kind=pr.CONFERENCE, host=host, topic="秋季防汛工作", speakers="张乡长",
                     roles=tuple(roles), approved_by="区委宣传部", approved_on=day - dt.timedelta(days=3))


def test_a_press_event_changes_the_quota_and_is_audited(workspace):
    """1+2+N (the default): read on 15 August 2025, the second half still needs its conference; one
    held on 12 August meets it."""
    press.save_event(None, conference(D(2025, 3, 1)), D(2025, 8, 15))
    before = {p["period"]: p["held"] for p in press.quota_json(2025, D(2025, 8, 15))["periods"]}
    assert before == {"2025-H1": 1, "2025-H2": 0, "2025": 1}
    event = press.save_event(None, conference(D(2025, 8, 12)), D(2025, 8, 15))
    after = press.quota_json(2025, D(2025, 8, 15))
    assert after["pattern"] == "1+2+N"
    assert [(p["period"], p["required"], p["held"], p["state"]) for p in after["periods"]] == [
        ("2025-H1", 1, 1, pr.MET), ("2025-H2", 1, 1, pr.MET), ("2025", 2, 2, pr.MET)]
    assert [h.action for h in audit.history("press_event", event.id)] == ["登记新闻发布"]


def test_the_pattern_is_an_audited_setting(workspace):
    press.set_pattern(pr.PATTERN_4_2_1_N)
    assert press.pattern() == pr.PATTERN_4_2_1_N and office.load().press_pattern == pr.PATTERN_4_2_1_N
    assert audit.history("settings")[-1].changes[0].new == pr.PATTERN_4_2_1_N
    with pytest.raises(ValidationError):
        press.set_pattern("3+3")
    assert press.pattern() == pr.PATTERN_4_2_1_N
    periods = press.quota_json(2025, D(2025, 8, 15))["periods"]
    assert [p["period"] for p in periods] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025-H1", "2025-H2", "2025"]


def test_bad_events_are_refused_whole(workspace):
    with pytest.raises(ValidationError) as caught:
        press.save_event(None, EventData(held_on=D(2025, 3, 1), topic=" ", speakers="", roles=()), D(2025, 3, 2))
    assert set(caught.value.errors) == {"topic", "speakers", "roles"}
    assert press.event_rows() == []
    ledger.lock_year(2024, "归档包")
    with pytest.raises(YearLocked):
        press.save_event(None, conference(D(2024, 5, 1)), D(2025, 3, 2))


def test_a_journalists_question_is_due_the_next_working_day_and_leaves_the_list_when_answered(workspace):
    """富阳区实施意见第11条: received Tuesday 30 September 2025, due Thursday 9 October (国庆 1–8 October)."""
    q = press.save_inquiry(None, InquiryData(received_on=D(2025, 9, 30), journalist="李记者", outlet="台州日报",
                                             question="防汛物资储备情况"), D(2025, 9, 30))
    row = press.inquiry_rows(today=D(2025, 10, 9))[0]
    assert row.limit.due == D(2025, 10, 9) and row.state == clock.DUE_TODAY and row.days_left == 0
    assert [r.inquiry.id for r in press.attention(D(2025, 10, 9)).inquiries] == [q.id]
    with pytest.raises(ValidationError, match="回复情况"):
        press.reply(q.id, D(2025, 10, 9), " ", D(2025, 10, 9))
    press.reply(q.id, D(2025, 10, 9), "已说明受理情况，安排采访", D(2025, 10, 9))
    assert press.attention(D(2025, 10, 9)).inquiries == []
    assert [h.action for h in audit.history("press_inquiry", q.id)] == ["登记记者问询", "答复记者问询"]


def test_the_roster_watches_the_one_month_report_and_exports_those_serving(workspace, tmp_path):
    """富阳区实施意见第7条: appointed 1 September 2025 → report by 9 October (1 October is 国庆; 民法典第二百零三条)."""
    spokesperson = press.save_person(None, PersonData(name="张乡长", role=pr.SPOKESPERSON, post="乡长",
                                                      phone="0576-84123456", appointed_on=D(2025, 9, 1)), D(2025, 9, 2))
    press.save_person(None, PersonData(name="陈副书记", role=pr.ASSISTANT, post="党委副书记", appointed_on=D(2023, 1, 5),
                                       appointment_reported_on=D(2023, 1, 20), removed_on=D(2025, 8, 30),
                                       removal_reported_on=D(2025, 9, 3)), D(2025, 9, 3))
    rows = {r.person.data.name: r for r in press.roster_rows(D(2025, 10, 8))}
    assert rows["张乡长"].urgent.due == D(2025, 10, 9) and rows["张乡长"].state == clock.DUE_SOON
    assert rows["陈副书记"].urgent is None and not rows["陈副书记"].serving
    assert [r.person.id for r in press.attention(D(2025, 10, 8)).roster] == [spokesperson.id]
    press.save_person(spokesperson.id, PersonData(**{**spokesperson.data.__dict__,
                                                     "appointment_reported_on": D(2025, 9, 20)}), D(2025, 10, 8))
    assert press.attention(D(2025, 10, 8)).roster == []
    path = press.export_roster(tmp_path / "名单.xlsx", D(2025, 10, 8))
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "黄岩区茅畲乡人民政府新闻发言人名单（截至2025年10月8日）"
    assert list(sheet.iter_rows(min_row=2, values_only=True)) == [
        ("职务（身份）", "姓名", "现任职务", "联系电话", "任职日期"),
        ("新闻发言人", "张乡长", "乡长", "0576-84123456", "2025年9月1日")]


def test_the_home_page_lists_the_periods_still_short(workspace):
    press.set_pattern(pr.PATTERN_4_2_1_N)
    press.save_event(None, conference(D(2025, 2, 10)), D(2025, 8, 15))
    texts = [p.text() for p in press.attention(D(2025, 8, 15)).quota]
    assert texts == ["第二季度举办新闻发布会：已0次，未完成1次（要求1次）",
                     "第三季度举办新闻发布会：已0次，尚缺1次（要求1次）",
                     "上半年新闻发言人或相关负责人出席政府新闻发布会：已0次，未完成1次（要求1次）",
                     "下半年新闻发言人或相关负责人出席政府新闻发布会：已0次，尚缺1次（要求1次）",
                     "全年主要负责同志出席政府新闻发布会：已0次，尚缺1次（要求1次）"]
