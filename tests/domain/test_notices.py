"""The notice catalogue: kinds, outcome coverage, inputs, placeholders, the Chinese date."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import notices as nd
from app.domain import outcomes


def test_chinese_date_has_no_leading_zeros():
    assert nd.chinese_date(dt.date(2026, 11, 2)) == "2026年11月2日"
    assert nd.chinese_date(dt.date(2026, 1, 9)) == "2026年1月9日"
    assert nd.chinese_date(None) == ""


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_chinese_date_reads_back(d):
    text = nd.chinese_date(d)
    year, rest = text.split("年")
    month, rest = rest.split("月")
    assert dt.date(int(year), int(month), int(rest.rstrip("日"))) == d
    assert "年0" not in text and "月0" not in text


def test_every_answered_outcome_has_an_answer_notice_with_remedy():
    for o in outcomes.OUTCOMES:
        found = nd.answer_kinds(o.code)
        if o.group == "6":
            assert found == ()  # closing records, no notice (docs/legal/outcomes.md)
        else:
            assert found and all(k.remedy and k.code == "答" for k in found), o.code
            assert o.notice_kind in {k.name for k in found}


def test_kinds_have_unique_names_and_the_issue_list():
    names = [k.name for k in nd.KINDS]
    assert len(names) == len(set(names))
    for required in ("申请接收回执", "补正告知书", "延期答复告知书", "征求意见书（第三方）", "征求意见书（共同制作机关）",
                     "征求意见告知书（申请人）", "收费通知书", "送达回证", "政府信息公开审查呈批单",
                     "政府信息公开申请表", "政府信息公开申请表（空白）"):
        assert required in names
    assert set(nd.KIND_CODES) == {"收", "补", "延", "征", "费", "答", "送"}


def test_refusal_reasons_are_the_rows_3_1_to_3_7():
    assert list(nd.REFUSAL_REASONS) == [f"3.{i}" for i in range(1, 8)]
    for code, (label, _) in nd.REFUSAL_REASONS.items():
        assert nd.refusal_code(label) == code
    assert nd.refusal_code("随便写的理由") is None


def test_check_extras_names_missing_and_bad_inputs():
    fee = nd.kind("收费通知书")
    errors = nd.check_extras(fee, {"收费方式": "按页", "收费计算": "", "收费金额": "1e3"})
    # 计算过程 left empty is computed from 国办函〔2020〕109号 (services), so it is not missing.
    assert set(errors) == {"收费方式", "收费金额"}
    assert "按件计收" in errors["收费方式"]
    ok = {"收费方式": "按件计收", "收费计算": "2件×100元", "收费金额": "200.50", "缴费方式": "现场缴纳"}
    assert nd.check_extras(fee, ok) == {}
    assert nd.check_extras(nd.kind("补正告知书"), {"补正事项": ["  ", ""]}) == {"补正事项": "请填写“需要补正的事项”"}
    # Optional inputs and defaults need nothing typed.
    assert nd.check_extras(nd.kind("答复告知书（信息不存在）"), {}) == {}


@pytest.mark.parametrize("kind", nd.KINDS, ids=lambda k: k.name)
def test_every_placeholder_has_an_example(kind):
    examples = nd.example_values()
    for name in kind.placeholders:
        assert name in examples, name


def test_lines_splits_multiline_inputs():
    assert nd.lines("第一项\n\n 第二项 \n") == ["第一项", "第二项"]
    assert nd.lines(["a", " ", "b"]) == ["a", "b"]


def test_document_file_name():
    assert (nd.document_file_name("〔2026〕第12号", "补正告知书", "茅政信补〔2026〕3号", dt.date(2026, 3, 4))
            == "〔2026〕第12号-补正告知书-茅政信补〔2026〕3号.docx")
    assert nd.document_file_name("〔2026〕第12号", "政府信息公开审查呈批单", None, dt.date(2026, 3, 4)).endswith(
        "-2026年3月4日.docx")


def test_domain_imports_nothing_outside_stdlib():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(nd))
    modules = {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert modules <= {"__future__", "datetime", "re", "dataclasses", "app"}


def test_a_page_count_left_blank_is_not_printed():
    """The answer notice printed “共  页” with a blank: the default no longer has it, and a blank one
    typed in is refused before anything is printed."""
    from app.domain import notices as nd

    k = nd.kind("答复告知书（予以公开）")
    assert nd.check_extras(k, {}) == {}
    assert "共" not in nd.extra_field("提供方式说明").default
    errors = nd.check_extras(k, {"提供方式说明": "随本告知书一并提供（纸质，共\u3000页）"})
    assert errors == {"提供方式说明": "“提供信息的方式和时间”中“共  页”缺少页数：请填写页数，或删去“共  页”"}
    assert nd.check_extras(k, {"提供方式说明": "随本告知书一并提供（纸质，共3页）"}) == {}
