"""Notices rendered from the shipped templates for real cases, read back with python-docx.

Expected dates are counted by hand on the 2026 calendar (docs/legal/holidays.md): 2026-04-06 (Mon) is the
清明 day off; March 2026 has no holidays.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from app import paths
from app.cli import run
from app.domain import notices as nd
from app.domain.request import CaseQuery, RequestData
from app.services import demo, notices, register, templates
from app.services.errors import ServiceError, ValidationError
from app.store import sequences

D = dt.date
ISSUE_DAY = D(2026, 3, 4)

# Inputs the clerk types, enough for every kind.
EXTRA = {
    "补正事项": "所需政府信息的名称、文号或者便于查询的其他特征性描述\n申请人身份证件复印件",
    "延期理由": "所申请信息涉及三个村，需调取核查的材料较多",
    "批准人": "陈建国",
    "第三方名称": "台州市黄岩东海建材有限公司",
    "被征求意见机关": "台州市黄岩区自然资源和规划局",
    "被征求意见方": "台州市黄岩东海建材有限公司",
    "收费方式": "按量计收",
    "页数": "45",
    "送达安排": "签发当日直接送达",
    "公开部分": "补偿安置方案全文",
    "不予公开部分": "补偿款发放明细中的个人银行账号",
    "不予公开情形": nd.REFUSAL_REASONS["3.4"][0],
    "查询途径": "不动产登记机构，依照《不动产登记资料查询暂行办法》办理",
    "负责机关": "台州市黄岩区自然资源和规划局",
    "负责机关联系方式": "0576-84123456",
    "前次答复": "本机关已于2026年2月10日以茅政信答〔2026〕2号作出答复",
    "出版物获取途径": "《黄岩年鉴（2025）》，可在黄岩区图书馆查阅",
    "送达文书名称": "政府信息公开申请答复告知书",
    "送达方式": "邮寄送达",
}
TO_OTHERS = {"征求意见书（第三方）", "征求意见书（共同制作机关）"}


def all_text(document) -> str:
    """Every text of the document: body paragraphs and tables, headers and footers."""
    body = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p")))
    footers = "\n".join(p.text for s in document.sections for p in s.footer.paragraphs)
    return body + "\n" + footers


def make_case(received=D(2026, 3, 2), name="张伟", **kw):
    kw.setdefault("id_number", "11010519491231002X")
    data = RequestData(name=name, phone="13812345678",
                       address="浙江省台州市黄岩区茅畲乡上垟村18号", info_name="上垟村土地征收补偿安置方案",
                       info_description="请求公开上垟村土地征收补偿安置方案", arrived_on=received, channel="当面", **kw)
    return register.register(data, today=D(2026, 12, 31))


@pytest.fixture
def demo_case(workspace):
    """A realistic case from demo-data: the first one received in 2026 by a natural person."""
    demo.generate(2026, 30, seed=7, today=D(2026, 11, 20))
    rows = register.list_rows(CaseQuery(year=2026, sort="case_no", descending=False))
    case = next(register.get_case(r.id) for r in rows if r.applicant_kind == "自然人")
    return case


# ------------------------------------------------------------------- every template


@pytest.mark.parametrize("kind", [k.name for k in nd.KINDS])
def test_every_kind_renders_for_a_demo_case(demo_case, kind):
    k = nd.kind(kind)
    on = max(demo_case.received_on, D(2026, 11, 20))
    path = notices.render_draft(kind, demo_case.id if k.needs_case else None, EXTRA, on)
    document = docx.Document(str(path))
    text = all_text(document)

    assert "{{" not in text and "{%" not in text and "}}" not in text
    assert "黄岩区茅畲乡人民政府" in text
    if not kind.startswith("政府信息公开申请表"):  # the applicant dates the form when signing it
        assert f"{on.year}年{on.month}月{on.day}日" in text
    if k.needs_case:
        received = demo_case.received_on
        if kind in TO_OTHERS:
            # The third party or agency is not told who asked (personal information).
            assert demo_case.name not in text
        else:
            assert demo_case.name in text
        if kind not in ("送达回证",):
            assert f"{received.year}年{received.month}月{received.day}日" in text
        if k.code:
            assert f"茅政信{k.code}〔{on.year}〕××号" in text
    if k.remedy:
        assert "60日内向台州市黄岩区人民政府申请行政复议" in text
        assert "6个月内向台州市黄岩区人民法院提起行政诉讼" in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), "dates must be in Chinese form"
    assert not re.search(r"年0\d月|月0\d日", text), "no leading zeros in dates"

    section = document.sections[0]
    for value, mm in ((section.page_width, 210), (section.page_height, 297), (section.top_margin, 37),
                      (section.bottom_margin, 35), (section.left_margin, 28), (section.right_margin, 26)):
        assert abs(value - Mm(mm)) <= Mm(1)
    normal = document.styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312" and fonts.get(qn("w:ascii")) == "仿宋_GB2312"
    assert normal.font.size.pt == 16
    assert normal.paragraph_format.line_spacing.pt == pytest.approx(28.95)
    body = [p for p in document.paragraphs if p.text.strip() and p.alignment != 1]  # not the centred title
    for p in body:
        for r in p.runs:
            if r.text.strip():
                assert (r.font.size is None or r.font.size.pt in (16, 14, 12)), (p.text, r.font.size)
                assert r._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    title = [p for p in document.paragraphs if p.alignment == 1 and p.text.strip()]
    assert title and title[-1].runs[0].font.size.pt == 22
    assert title[-1].runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert "— " in section.footer.paragraphs[0].text and " —" in section.footer.paragraphs[0].text


def test_dates_are_the_clocks_counted_in_working_days(workspace):
    case = make_case()  # received Mon 2026-03-02
    text = all_text(docx.Document(str(notices.render_draft("申请接收回执", case.id, {}, D(2026, 3, 2)))))
    assert "2026年3月2日" in text
    assert "最迟于2026年3月30日作出答复" in text  # 20th working day after 3-02

    text = all_text(docx.Document(str(notices.render_draft("补正告知书", case.id, EXTRA, ISSUE_DAY))))
    assert "请于2026年3月25日之前（含当日）" in text  # 15 working days after 3-04
    assert "1．所需政府信息的名称" in text and "2．申请人身份证件复印件" in text

    text = all_text(docx.Document(str(notices.render_draft("延期答复告知书", case.id, EXTRA, D(2026, 3, 20)))))
    assert "不能在2026年3月30日之前作出答复" in text
    # 20 more working days after 3-30, skipping the 清明 day off on Mon 4-06.
    assert "将于2026年4月28日之前（含当日）作出答复" in text

    text = all_text(docx.Document(str(notices.render_draft("收费通知书", case.id, EXTRA, ISSUE_DAY))))
    assert "于2026年4月1日之前（含当日）缴纳" in text  # handed over 3-04: 20 working days after it
    # 国办函〔2020〕109号 按量计收: 45 pages → pages 31–45 at 10 元 = 150 元.
    assert "人民币150元" in text and "31～100页每页10元" in text and "第31～45页：15页×10元=150元" in text

    text = all_text(docx.Document(str(notices.render_draft("征求意见书（第三方）", case.id, EXTRA, ISSUE_DAY))))
    assert "即于2026年3月25日之前（含当日）" in text  # 15 working days after 3-04
    assert text.count("台州市黄岩东海建材有限公司：") == 1


def test_refusal_cites_the_article_of_the_reason_chosen(workspace):
    case = make_case()
    for code, article in (("3.1", "第十四条"), ("3.4", "第十五条"), ("3.6", "第十六条第二款")):
        extra = {"不予公开情形": nd.REFUSAL_REASONS[code][0]}
        text = all_text(docx.Document(str(notices.render_draft("答复告知书（不予公开）", case.id, extra, ISSUE_DAY))))
        assert nd.REFUSAL_REASONS[code][0] in text
        assert f"根据《中华人民共和国政府信息公开条例》{article}的规定，本机关决定不予公开" in text


def test_organisation_is_addressed_as_such_and_values_are_escaped(workspace):
    data = dict(applicant_type="organisation", applicant_kind="商业企业", id_type="统一社会信用代码",
                id_number="91331003MA2HXXXX0", legal_rep="李明", contact_person="赵敏")
    from app.domain import ids

    data["id_number"] = data["id_number"][:17] + ids.uscc_check_char(data["id_number"][:17])
    case = make_case(name="台州A&B<建材>有限公司", **data)
    text = all_text(docx.Document(str(notices.render_draft("答复告知书（信息不存在）", case.id, {}, ISSUE_DAY))))
    assert "台州A&B<建材>有限公司：" in text
    assert "贵单位" in text and "您" not in text


# ------------------------------------------------------------------- issuing and numbering


def test_issue_allocates_number_saves_file_and_records_timeline(workspace, db_path):
    case = make_case()
    issued = notices.issue("补正告知书", case.id, EXTRA, ISSUE_DAY)
    assert issued.doc_no == "茅政信补〔2026〕1号"
    assert issued.path.parent == paths.case_dir(db_path, case.case_no)
    assert issued.path.name == "〔2026〕第1号-补正告知书-茅政信补〔2026〕1号.docx"
    text = all_text(docx.Document(str(issued.path)))
    assert "茅政信补〔2026〕1号" in text and "××" not in text
    kinds = [e.kind for e in register.timeline(case.id)]
    assert nd.EVENT_KIND in kinds and "correction_sent" in kinds  # the clock action came with it
    assert register.get_case(case.id).status == "补正中"
    rows = notices.documents(case.id)
    assert [(r.kind, r.doc_no, r.issued_on, r.exists) for r in rows] == [("补正告知书", "茅政信补〔2026〕1号", ISSUE_DAY, True)]
    assert sorted(p.name for p in issued.path.parent.iterdir()) == [issued.path.name]  # no temp file left


def test_reissue_keeps_the_earlier_file_and_says_so(workspace):
    case = make_case()
    first = notices.issue("申请接收回执", case.id, {}, D(2026, 3, 2))
    second = notices.issue("申请接收回执", case.id, {"接收材料": "申请表1份、身份证复印件1份"}, D(2026, 3, 3))
    assert (first.doc_no, second.doc_no) == ("茅政信收〔2026〕1号", "茅政信收〔2026〕2号")
    assert first.path.exists() and second.path.exists() and first.path != second.path
    assert second.earlier == (first.path,)
    assert "仍保留" in second.message and first.path.name in second.message


def test_draft_takes_no_number(workspace):
    case = make_case()
    notices.render_draft("补正告知书", case.id, EXTRA, ISSUE_DAY)
    assert sequences.peek("doc:补", 2026) == 0
    assert notices.issue("补正告知书", case.id, EXTRA, ISSUE_DAY).doc_no == "茅政信补〔2026〕1号"


def test_numbers_are_gap_free_and_unique_per_kind_and_year(workspace):
    late_2025 = [make_case(D(2025, 12, 1), name=f"申请人{i}") for i in range(3)]
    cases_2026 = [make_case(D(2026, 3, 2), name=f"申请人乙{i}") for i in range(40)]
    issued = [notices.issue("答复告知书（信息不存在）", c.id, {}, D(2025, 12, 15)) for c in late_2025]
    assert [i.doc_no for i in issued] == [f"茅政信答〔2025〕{n}号" for n in (1, 2, 3)]
    numbers = []
    for i, c in enumerate(cases_2026):
        kind = "答复告知书（信息不存在）" if i % 2 else "告知书（重复申请）"
        numbers.append(notices.issue(kind, c.id, EXTRA, D(2026, 3, 10)).doc_no)
        numbers.append(notices.issue("申请接收回执", c.id, {}, D(2026, 3, 2)).doc_no)
    answers = [n for n in numbers if "答〔" in n]
    receipts = [n for n in numbers if "收〔" in n]
    assert answers == [f"茅政信答〔2026〕{n}号" for n in range(1, 41)]  # 答 shared by all answer kinds
    assert receipts == [f"茅政信收〔2026〕{n}号" for n in range(1, 41)]
    # A case of 2025 answered in January 2026 takes a 2026 number.
    assert notices.issue("告知书（公开出版物）", late_2025[0].id, EXTRA, D(2026, 1, 5)).doc_no == "茅政信答〔2026〕41号"


def test_broken_template_burns_no_number_and_leaves_no_file(workspace, db_path):
    case = make_case()
    copy = templates.edit_copy("补正告知书")
    document = docx.Document(str(copy))
    document.add_paragraph("{{ 申请人 ")  # unclosed: a typical slip while editing in Word
    document.save(str(copy))
    with pytest.raises(ServiceError, match="补正告知书"):
        notices.issue("补正告知书", case.id, EXTRA, ISSUE_DAY)
    assert sequences.peek("doc:补", 2026) == 0
    assert notices.documents(case.id) == []
    assert "correction_sent" not in [e.kind for e in register.timeline(case.id)]
    folder = paths.case_dir(db_path, case.case_no)
    assert not folder.exists() or list(folder.iterdir()) == []
    templates.restore_default("补正告知书")
    assert notices.issue("补正告知书", case.id, EXTRA, ISSUE_DAY).doc_no == "茅政信补〔2026〕1号"


def test_refused_clock_action_burns_no_number(workspace):
    case = make_case()
    # 2026-03-31 is after the answer limit of 3-30: the extension is late and must be confirmed.
    with pytest.raises(ServiceError, match="晚于"):
        notices.issue("延期答复告知书", case.id, EXTRA, D(2026, 3, 31))
    assert sequences.peek("doc:延", 2026) == 0
    assert notices.issue("延期答复告知书", case.id, EXTRA, D(2026, 3, 31), accept_late=True).doc_no == "茅政信延〔2026〕1号"


def test_batch_issue_reports_progress_and_keeps_going(workspace):
    good = [make_case(name=f"申请人{i}") for i in range(3)]
    late = make_case(D(2026, 3, 5), name="晚到的申请")  # received after the issue day: refused
    seen = []
    result = notices.issue_batch("申请接收回执", [good[0].id, late.id, good[1].id, good[2].id], {}, D(2026, 3, 3),
                                 progress=lambda done, total: seen.append((done, total)))
    assert [i.doc_no for i in result.issued] == [f"茅政信收〔2026〕{n}号" for n in (1, 2, 3)]
    assert list(result.failed) == [late.id] and "早于收到申请日期" in result.failed[late.id]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_missing_inputs_are_reported_by_field(workspace):
    case = make_case()
    with pytest.raises(ValidationError) as info:
        notices.issue("收费通知书", case.id, {"收费金额": "二百"}, ISSUE_DAY)
    assert set(info.value.errors) == {"收费金额"}  # 计收方式 and 计算过程 come from the 109号 standard
    with pytest.raises(ValidationError):
        notices.issue("补正告知书", case.id, {}, D(2026, 3, 1))  # before receipt
    assert sequences.peek("doc:费", 2026) == 0


def test_kinds_for_case_follow_its_state(workspace):
    case = make_case()
    names = [k.name for k in notices.kinds_for_case(case.id)]
    assert names[0] == "申请接收回执" and "补正告知书" in names and "送达回证" not in names
    register.record_outcome(case.id, "4.1", D(2026, 3, 20))
    names = [k.name for k in notices.kinds_for_case(case.id)]
    assert names[:2] == ["答复告知书（信息不存在）", "答复告知书（非本机关负责公开）"]
    assert "补正告知书" not in names and "送达回证" in names


def test_delivery_receipt_defaults_to_the_last_answer(workspace):
    case = make_case()
    answer = notices.issue("答复告知书（信息不存在）", case.id, {}, D(2026, 3, 20))
    values = notices.defaults("送达回证", case.id)
    assert values["送达文书文号"] == answer.doc_no and values["送达文书名称"] == "政府信息公开申请答复告知书"
    text = all_text(docx.Document(str(notices.render_draft("送达回证", case.id, values, D(2026, 3, 20)))))
    assert answer.doc_no in text and "张伟" in text


def test_placeholder_reference_lists_every_name_used_with_an_example():
    ref = {p.name: p for p in notices.placeholder_reference()}
    for k in nd.KINDS:
        for name in k.placeholders:
            assert name in ref, name
            assert ref[name].description
    assert ref["收到申请日期"].example == "2026年3月2日"


# ------------------------------------------------------------------- command line


def test_cli_lists_kinds_and_renders_without_number(workspace, db_path, tmp_path, capsys):
    case = make_case()
    from app.services.workspace import close_workspace

    close_workspace()
    assert run(["notice", "--list"]) == 0
    listed = capsys.readouterr().out.split()
    assert listed == [k.name for k in nd.KINDS]
    assert all((paths.shipped_templates_dir() / f"{name}.docx").exists() for name in listed)

    out = tmp_path / "补正.docx"
    assert run(["notice", "补正告知书", "--case", case.case_no, "--out", str(out), "--db", str(db_path),
                "--set", "补正事项=所需信息的文号", "--date", "2026-03-04"]) == 0
    assert "所需信息的文号" in all_text(docx.Document(str(out)))
    assert run(["notice", "补正告知书", "--case", case.case_no, "--out", str(out), "--db", str(db_path),
                "--set", "补正事项=所需信息的文号", "--date", "2026-03-04", "--issue"]) == 0
    assert "茅政信补〔2026〕1号" in capsys.readouterr().out
    assert "茅政信补〔2026〕1号" in all_text(docx.Document(str(out)))
    assert run(["notice", "补正告知书", "--case", "〔2026〕第99号", "--out", str(out), "--db", str(db_path)]) == 2
    assert "找不到" in capsys.readouterr().err


# ------------------------------------------------------------------- PDF


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_pdf_of_a_notice_is_one_a4_page(workspace, tmp_path):
    case = make_case()
    issued = notices.issue("补正告知书", case.id, EXTRA, ISSUE_DAY)
    pdf = notices.to_pdf(issued.path, tmp_path)
    assert pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+1\n", info)
        assert "(A4)" in info


def test_open_and_print_refuse_a_missing_file(tmp_path):
    with pytest.raises(ServiceError, match="不存在"):
        notices.open_file(tmp_path / "nope.docx")
    with pytest.raises(ServiceError, match="不存在"):
        notices.print_file(tmp_path / "nope.docx")


def test_a_releasing_answer_is_not_issued_before_its_secrecy_review(workspace):
    """先审查、后公开: 答复告知书（予以公开）is refused until the review is approved; no 文号 is used."""
    import datetime as dt

    from app.domain.request import RequestData
    from app.services import notices, register
    from app.services.errors import ServiceError
    from app.store import sequences

    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="财政预算",
                                         arrived_on=dt.date(2026, 11, 2), channel="当面"), today=dt.date(2026, 11, 20))
    with pytest.raises(ServiceError, match="保密审查"):
        notices.issue("答复告知书（予以公开）", case.id, {}, dt.date(2026, 11, 20))
    assert sequences.peek("doc:答", 2026) == 0
    assert notices.documents(case.id) == []


def test_the_responsible_body_is_named_with_its_contact(workspace):
    """条例第三十六条第（五）项: 能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式."""
    case = make_case()
    extra = {"负责机关": "台州市黄岩区自然资源和规划局"}
    with pytest.raises(ValidationError) as info:
        notices.render_draft("答复告知书（非本机关负责公开）", case.id, extra, ISSUE_DAY)
    assert set(info.value.errors) == {"负责机关联系方式"}
    text = all_text(docx.Document(str(notices.render_draft("答复告知书（非本机关负责公开）", case.id,
                                                           {**extra, "负责机关联系方式": "0576-84123456"}, ISSUE_DAY))))
    assert "由台州市黄岩区自然资源和规划局负责公开（联系方式：0576-84123456）" in text


def test_the_application_form_gives_the_id_number_a_whole_row(workspace):
    """An 18-character ID number in a half row wrapped onto two lines: it has a row of its own, as
    wide in the table grid (what LibreOffice and WPS lay out by) as in its cell."""
    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="0576-84123456",
                                         info_name="村道硬化验收报告", arrived_on=D(2026, 3, 2),
                                         delivery_method="自行领取"), today=D(2026, 3, 2))
    path = notices.render_draft("政府信息公开申请表", case.id, {}, D(2026, 3, 2))
    table = docx.Document(str(path)).tables[0]
    row = next(r for r in table.rows if r.cells[0].text == "证件号码")
    cell = row.cells[1]
    assert cell.text == "11010519491231002X"
    assert cell._tc.grid_span == 3 and cell.width >= Mm(115)
    grid = [c.width for c in table.columns]
    assert sum(grid[1:], Mm(0)) >= Mm(115) and abs(sum(grid, Mm(0)) - Mm(156)) < Mm(1)
