"""Ledger columns, header variants, outcome and date cells (app/domain/ledger.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain import ledger


@pytest.mark.parametrize("header, key", [
    ("收到日期", "received_on"), ("受理日期", "received_on"), ("申请日期", "received_on"),
    (" 收到日期（年月日）", "received_on"), ("申请人", "name"), ("申请人姓名或名称", "name"),
    ("申请人姓名/名称", "name"), ("身份证号码", "id_number"), ("申请公开内容", "content"),
    ("办理结果", "outcome"), ("答复文号", "answer_doc_no"), ("复议/诉讼", "dispute"), ("复议、诉讼", "dispute"),
])
def test_header_variants_are_recognised(header, key):
    assert ledger.column_key(header) == key


def test_unknown_header_is_ignored():
    assert ledger.column_key("经办人签字") is None
    assert ledger.column_key(None) is None


def test_header_row_is_found_below_a_title():
    rows = [["某乡2025年依申请公开台账"], [None], ["序号", "受理日期", "申请人姓名或名称", "申请内容", "办理结果"]]
    index, mapping = ledger.find_header_row(rows)
    assert index == 2
    assert mapping == {1: "received_on", 2: "name", 3: "content", 4: "outcome"}


def test_no_header_row_without_date_and_applicant():
    assert ledger.find_header_row([["序号", "内容"], ["1", "x"]]) is None


@pytest.mark.parametrize("cell, code", [
    ("3.1", "3.1"), (3.1, "3.1"), (1, "1"), ("1a", "1a"), ("6.3", "6.3"),
    ("属于国家秘密", "3.1"), ("（三）不予公开1.属于国家秘密", "3.1"), ("（三）不予公开 1.属于国家秘密", "3.1"),
    ("不予公开 属于国家秘密", "3.1"), ("3.1 属于国家秘密", "3.1"),
    ("（一）予以公开", "1"), ("予以公开", "1"), ("已主动公开", "1a"), ("部分公开", "2"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "2"),
    ('危及"三安全一稳定"', "3.3"), ("危及“三安全一稳定”", "3.3"),
    ("本机关不掌握相关政府信息", "4.1"), ("（四）无法提供3.补正后申请内容仍不明确", "4.3"),
    ("信访举报投诉类申请", "5.1"), ("重复申请", "5.2"),
    ("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "6.2"),
])
def test_outcome_cells(cell, code):
    assert ledger.parse_outcome(cell) == (code, None)


@pytest.mark.parametrize("cell", ["同意", "3.9", "不予公开", "7"])
def test_unknown_outcome_is_named(cell):
    code, problem = ledger.parse_outcome(cell)
    assert code is None
    assert f"“{cell}”" in problem and "无法识别的办理结果" in problem


def test_empty_outcome_is_no_problem():
    assert ledger.parse_outcome(None) == (None, None)
    assert ledger.parse_outcome("  ") == (None, None)


@pytest.mark.parametrize("cell", ["2026-3-5", "2026年3月5日", "2026.03.05", "2026/3/5", "20260305",
                                  "2026 年 3 月 5 日", dt.datetime(2026, 3, 5, 0, 0), dt.date(2026, 3, 5),
                                  46086, 46086.0])
def test_date_cells(cell):
    assert ledger.parse_date(cell) == (dt.date(2026, 3, 5), None)


@pytest.mark.parametrize("cell", ["2026-2-30", "三月五日", "2026-13-01", "5/3"])
def test_bad_dates_are_named(cell):
    day, problem = ledger.parse_date(cell)
    assert day is None and cell in problem


def test_widths_count_cjk_as_two():
    assert ledger.display_width("申请人") == 6
    assert ledger.display_width("2026-03-05") == 10
    assert ledger.display_width("（三）") == 6
    assert ledger.column_width("备注", ["短", "这是一个很长很长很长很长很长很长很长很长的备注"], limit=20) == 20
    assert ledger.column_width("申请方式", ["当面"]) == 10


def test_wrapped_lines():
    assert ledger.wrapped_lines("申请人", 10) == 1
    assert ledger.wrapped_lines("申请公开本村土地征收补偿", 10) == 3
    assert ledger.wrapped_lines("甲\n乙", 10) == 2


def test_case_number_sequence():
    assert ledger.seq_of("〔2026〕第12号") == 12
    assert ledger.seq_of("2025-003") == 3
    assert ledger.seq_of("甲号") is None


def test_overdue():
    due = dt.date(2026, 3, 31)
    assert ledger.is_overdue(due, dt.date(2026, 4, 1), dt.date(2026, 5, 1)) == "是"
    assert ledger.is_overdue(due, dt.date(2026, 3, 31), dt.date(2026, 5, 1)) == "否"
    assert ledger.is_overdue(due, None, dt.date(2026, 4, 1)) == "是"
    assert ledger.is_overdue(None, None, dt.date(2026, 4, 1)) == ""


def test_applicant_type_from_a_hand_kept_sheet():
    assert ledger.parse_applicant("自然人", None) == ("person", "自然人", None)
    assert ledger.parse_applicant("商业企业", None) == ("organisation", "商业企业", None)
    assert ledger.parse_applicant("法人或其他组织", "法律服务机构") == ("organisation", "法律服务机构", None)
    assert "无法识别" in ledger.parse_applicant("外星人", None)[2]
