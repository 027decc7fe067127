"""The annual report's arithmetic (国办公开办函〔2021〕30号) against a year built and counted by hand."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.annual_report import (
    PREFACE, SECTION_TITLES, ProactiveDoc, ReportCase, ReportDispute, Table3, check_balance,
    draft_texts, table2, table3, table4, to_dict, to_json,
)
from app.domain.outcomes import CODES
from app.domain.request import APPLICANT_KINDS

D = dt.date

# Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他
YEAR_2026 = [
    ReportCase("A", D(2025, 11, 10), "自然人", "1", D(2026, 1, 8)),          # carried in, answered 2026
    ReportCase("B", D(2025, 12, 20), "商业企业", "4.1", D(2026, 1, 15)),     # carried in, answered 2026
    ReportCase("C", D(2025, 6, 1), "自然人", "2", D(2025, 6, 20)),           # all in 2025: not counted
    ReportCase("D", D(2026, 3, 2), "自然人", "1a", D(2026, 3, 20)),          # 已主动公开 counts in （一）
    ReportCase("E", D(2026, 4, 1), "科研机构", "3.4", D(2026, 4, 28)),
    ReportCase("F", D(2026, 5, 6), "社会公益组织", "6.1", D(2026, 5, 30)),   # 补正 asked, never answered
    ReportCase("G", D(2026, 6, 1), "法律服务机构", "5.2", D(2026, 6, 15)),
    ReportCase("H", D(2026, 7, 1), "其他", "2", D(2026, 7, 20)),
    ReportCase("I", D(2026, 12, 28), "自然人", "1", D(2027, 1, 12)),         # December in, January out
    ReportCase("J", D(2026, 10, 10), "商业企业", None, None),                # still open
    ReportCase("K", D(2025, 12, 30), "法律服务机构", None, None),            # open through 2026
    ReportCase("L", D(2027, 1, 5), "自然人", "1", D(2027, 1, 20)),           # next year's
    ReportCase("M", D(2026, 9, 9), "自然人", "3.1", None),                   # draft outcome: still open
    ReportCase("N", None, "自然人", None, None),                             # letter not yet confirmed
]

Z = [0, 0, 0, 0, 0, 0, 0]
EXPECTED_2026 = {
    "new":         [3, 1, 1, 1, 1, 1, 8],
    "carried_in":  [1, 1, 0, 0, 1, 0, 3],
    "1":           [2, 0, 0, 0, 0, 0, 2],
    "2":           [0, 0, 0, 0, 0, 1, 1],
    "3":           [0, 0, 1, 0, 0, 0, 1],
    "3.1": Z, "3.2": Z, "3.3": Z,
    "3.4":         [0, 0, 1, 0, 0, 0, 1],
    "3.5": Z, "3.6": Z, "3.7": Z, "3.8": Z,
    "4":           [0, 1, 0, 0, 0, 0, 1],
    "4.1":         [0, 1, 0, 0, 0, 0, 1],
    "4.2": Z, "4.3": Z,
    "5":           [0, 0, 0, 0, 1, 0, 1],
    "5.1": Z,
    "5.2":         [0, 0, 0, 0, 1, 0, 1],
    "5.3": Z, "5.4": Z, "5.5": Z,
    "6":           [0, 0, 0, 1, 0, 0, 1],
    "6.1":         [0, 0, 0, 1, 0, 0, 1],
    "6.2": Z, "6.3": Z,
    "total":       [2, 1, 1, 1, 1, 1, 7],
    "carried_out": [2, 1, 0, 0, 1, 0, 4],
}

DISPUTES = [
    ReportDispute("行政复议", D(2026, 2, 1), "维持", D(2026, 3, 15)),
    ReportDispute("行政复议", D(2026, 11, 1), "纠正", D(2027, 1, 10)),      # decided after 31 Dec
    ReportDispute("行政复议", D(2025, 12, 1), "维持", D(2026, 2, 1)),       # last year's
    ReportDispute("未经复议直接起诉", D(2026, 5, 1), "其他结果", D(2026, 9, 1)),
    ReportDispute("复议后起诉", D(2026, 6, 1)),
    ReportDispute("复议后起诉", D(2026, 3, 1), "纠正", D(2026, 8, 1)),
]
EXPECTED_T4 = {
    "行政复议": [1, 0, 0, 1, 2],
    "未经复议直接起诉": [0, 0, 1, 0, 1],
    "复议后起诉": [0, 1, 0, 1, 2],
}


def test_table3_of_a_hand_built_year():
    t = table3(YEAR_2026, 2026)
    assert {k: list(v) for k, v in t.counts.items()} == EXPECTED_2026


def test_december_case_is_carried_out_then_carried_in_and_answered_next_year():
    t = table3(YEAR_2026, 2027)
    assert list(t.row("carried_in")) == [2, 1, 0, 0, 1, 0, 4]   # I, M, J, K
    assert list(t.row("new")) == [1, 0, 0, 0, 0, 0, 1]          # L
    assert list(t.row("1")) == [2, 0, 0, 0, 0, 0, 2]            # I and L
    assert list(t.row("carried_out")) == [1, 1, 0, 0, 1, 0, 3]  # M, J, K
    assert sorted(t.case_ids("1", "自然人")) == ["I", "L"]
    assert check_balance(t) == []


def test_case_ids_behind_cells():
    t = table3(YEAR_2026, 2026)
    assert sorted(t.case_ids("1", "自然人")) == ["A", "D"]
    assert sorted(t.case_ids("carried_out", "总计")) == ["I", "J", "K", "M"]
    assert t.case_ids("3", "总计") == ["E"]
    assert sorted(t.case_ids("total", 6)) == ["A", "B", "D", "E", "F", "G", "H"]
    assert t.case_ids("3.1", "自然人") == []


def test_table4_counts_in_year_received_and_pending_if_undecided_by_31_december():
    t = table4(DISPUTES, 2026)
    assert {k: list(v) for k, v in t.counts.items()} == EXPECTED_T4


def test_table2_documents_and_hand_entered_rows():
    docs = [
        ProactiveDoc("规章", D(2019, 4, 1), D(2026, 6, 30)),
        ProactiveDoc("行政规范性文件", D(2026, 3, 1)),
        ProactiveDoc("行政规范性文件", D(2020, 1, 1)),
        ProactiveDoc("行政规范性文件", D(2020, 5, 1), D(2027, 2, 1)),
        ProactiveDoc("行政规范性文件", D(2027, 1, 3)),
    ]
    t = table2(docs, 2026, licensing=12, penalties=3, coercion=1, fees_wan="1.25")
    assert t.documents == {"规章": (0, 1, 0), "行政规范性文件": (1, 0, 3)}
    assert (t.licensing, t.penalties, t.coercion, t.fees_wan) == (12, 3, 1, Decimal("1.25"))


def test_balanced_year_has_no_errors():
    assert check_balance(table3(YEAR_2026, 2026), table4(DISPUTES, 2026)) == []


def test_altered_sub_row_is_named():
    t = table3(YEAR_2026, 2026).with_cell("3.4", "科研机构", 2)
    messages = [str(e) for e in check_balance(t)]
    cells = {(e.row, e.column) for e in check_balance(t)}
    assert cells == {("3", "科研机构"), ("3.4", "总计")}
    assert any("（三）不予公开 4.保护第三方合法权益" in m and "「总计」列" in m for m in messages)
    assert any("「（三）不予公开」行「科研机构」列为1，其分项之和为2" in m for m in messages)


def test_altered_carry_over_breaks_the_corner_rule_of_its_column():
    t = table3(YEAR_2026, 2026).with_cell("carried_out", "自然人", 3)
    errors = check_balance(t)
    assert {(e.row, e.column) for e in errors} == {("carried_out", "总计"), ("carried_out", "自然人")}
    corner = [e for e in errors if e.column == "自然人"][0]
    assert str(corner) == ("表三「自然人」列：第一项加第二项之和为4，第三项（七）总计加第四项之和为5，两者不等"
                           "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")


def test_altered_total_row_and_negative_number():
    t = table3(YEAR_2026, 2026).with_cell("total", "其他", 2)
    rules = {(e.row, e.column, e.rule) for e in check_balance(t)}
    assert ("total", "其他", "（七）总计应等于（一）至（六）之和") in rules
    t = table3(YEAR_2026, 2026).with_cell("5.3", "自然人", -1)
    assert any(e.rule == "数值应为非负整数" and e.row == "5.3" for e in check_balance(t))


def test_table4_total_checked():
    t = table4(DISPUTES, 2026)
    broken = type(t)({**t.counts, "行政复议": (1, 0, 0, 1, 3)})
    errors = check_balance(table3([], 2026), broken)
    assert [e.row for e in errors] == ["行政复议"] and "总计" in str(errors[0])


def test_table3_from_raw_numbers_derives_groups_and_keeps_what_it_was_given():
    raw = {k: v for k, v in EXPECTED_2026.items() if k not in ("3", "4", "5", "6")}
    t = Table3.from_counts(raw)
    assert list(t.row("3")) == [0, 0, 1, 0, 0, 0, 1]
    assert t == table3(YEAR_2026, 2026)
    raw["new"] = [3, 1, 1, 1, 1, 1, 9]
    errors = check_balance(Table3.from_counts(raw))
    assert {(e.row, e.column, e.rule) for e in errors} == {
        ("new", "总计", "总计列应等于自然人与法人或其他组织各列之和"),
        ("carried_out", "总计", "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"),
    }


def test_table3_from_raw_numbers_rejects_missing_rows_and_text():
    raw = dict(EXPECTED_2026)
    del raw["carried_out"]
    with pytest.raises(ValueError, match="表三缺少一行：四、结转下年度继续办理"):
        Table3.from_counts(raw)
    with pytest.raises(ValueError, match="不是整数"):
        Table3.from_counts({**EXPECTED_2026, "new": ["三", 1, 1, 1, 1, 1, 8]})


def test_to_json_shape():
    data = json.loads(to_json(2026, table3(YEAR_2026, 2026), table4(DISPUTES, 2026)))
    assert list(data) == ["year", "table3", "table4", "balanced"]
    assert data["year"] == 2026 and data["balanced"] is True
    assert set(data["table3"]) == {
        "new", "carried_in", "1", "2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
        "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.4", "5.5", "6.1", "6.2", "6.3",
        "3", "4", "5", "6", "total", "carried_out"}
    assert data["table3"] == EXPECTED_2026
    assert data["table4"] == EXPECTED_T4
    broken = table3(YEAR_2026, 2026).with_cell("new", 0, 4)
    assert to_dict(2026, broken, table4(DISPUTES, 2026))["balanced"] is False


def test_bad_records_give_chinese_errors():
    with pytest.raises(ValueError, match="申请X的申请人类别"):
        table3([ReportCase("X", D(2026, 1, 2), "个体户")], 2026)
    with pytest.raises(ValueError, match="申请Y已办结但没有记录办理结果"):
        table3([ReportCase("Y", D(2026, 1, 2), "自然人", None, D(2026, 1, 5))], 2026)
    with pytest.raises(ValueError, match="办理结果代码无法识别"):
        table3([ReportCase("Z", D(2026, 1, 2), "自然人", "9", D(2026, 1, 5))], 2026)
    with pytest.raises(ValueError, match="无法识别的复议诉讼类别"):
        table4([ReportDispute("申诉", D(2026, 1, 2))], 2026)


def test_draft_texts_carry_the_figures():
    t3, t4 = table3(YEAR_2026, 2026), table4(DISPUTES, 2026)
    t2 = table2([], 2026, licensing=12)
    texts = draft_texts(2026, "某某乡人民政府", t2, t3, t4, fee_notices=1, fees_collected_yuan=100)
    assert list(texts) == [PREFACE, *SECTION_TITLES]
    assert SECTION_TITLES == ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                              "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                              "六、其他需要报告的事项")
    requests = texts["三、收到和处理政府信息公开申请情况"]
    assert "本年度共收到政府信息公开申请8件，上年结转3件" in requests
    assert "予以公开2件，部分公开1件，不予公开1件（其中保护第三方合法权益1件）" in requests
    assert "结转下年度继续办理4件" in requests
    assert "行政许可决定12件" in texts["二、主动公开政府信息情况"]
    assert "被申请行政复议2件（结果维持1件，结果纠正0件，其他结果0件，尚未审结1件）" in texts[SECTION_TITLES[3]]
    assert "收取信息处理费100元" in texts["六、其他需要报告的事项"]
    assert "2026年1月1日至2026年12月31日" in texts[PREFACE]


def test_texts_for_an_empty_year():
    texts = draft_texts(2026, "某某乡", table2([], 2026), table3([], 2026), table4([], 2026))
    assert "未收到政府信息公开申请" in texts[SECTION_TITLES[2]]
    assert "未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况" in texts[SECTION_TITLES[3]]
    assert "未收取信息处理费" in texts[SECTION_TITLES[5]]


def test_domain_module_is_pure():
    code = ("import sys, app.domain.annual_report; "
            "bad = {'peewee', 'PySide6', 'openpyxl', 'docx', 'docxtpl'} & set(sys.modules); "
            "sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


dates = st.dates(D(2024, 1, 1), D(2028, 12, 31))


@st.composite
def cases(draw):
    received = draw(dates)
    concluded = draw(st.one_of(st.none(), st.integers(0, 400).map(lambda n: received + dt.timedelta(n))))
    outcome = draw(st.sampled_from(CODES)) if concluded else draw(st.one_of(st.none(), st.sampled_from(CODES)))
    return ReportCase(draw(st.integers()), received, draw(st.sampled_from(APPLICANT_KINDS)), outcome, concluded)


@settings(max_examples=200, deadline=None)
@given(st.lists(cases(), max_size=60), st.lists(cases(), max_size=60), st.integers(2025, 2027))
def test_any_register_balances_and_pools_cell_by_cell(a, b, year):
    t = table3(a, year)
    assert check_balance(t) == []
    assert t.cell("new", "总计") == sum(c.received_on.year == year for c in a)
    assert table3(a, year) + table3(b, year) == table3(a + b, year)
    assert table3(a, year).row("carried_out") == table3(a, year + 1).row("carried_in")
