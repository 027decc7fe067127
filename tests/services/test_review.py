"""Secrecy review use cases on a real database: steps in order, rejection and resubmission, the
printed form read back, and the release gate on record_outcome (先审查、后公开)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import docx
import pytest

from app.domain.proactive import ItemData
from app.domain.request import RequestData
from app.domain.review import CheckAnswer, ReviewData
from app.services import proactive, register, review, settings
from app.services.errors import ServiceError, ValidationError
from app.store import audit
from app.store.review import ReviewStep, SecrecyReview
from tests.review_support import approve_case_review, clean_checklist

D = dt.date
TODAY = D(2026, 10, 20)


def person(name="张三", arrived=D(2026, 9, 28)) -> RequestData:
    return RequestData(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                       info_name="茅畲村2025年度土地征收补偿方案", info_description="土地征收补偿方案",
                       arrived_on=arrived, channel="当面", department="国土所")


def norm_item(**over) -> ItemData:
    values = dict(title="茅畲乡农村生活垃圾分类管理办法", doc_no="茅政发〔2026〕12号", kind="行政规范性文件",
                  section="农业农村办", made_on=D(2026, 9, 25), issued_on=D(2026, 9, 25), attribute="主动公开")
    values.update(over)
    return ItemData(**values)


def filled(data: ReviewData, **over) -> ReviewData:
    return replace(data, checks=clean_checklist(), proposal="全文公开", **over)


@pytest.fixture
def item(workspace):
    return proactive.create(norm_item(), today=TODAY)


def test_walk_all_steps_with_a_rejection_and_resubmission(item):
    r = review.create_for_item(item.id, filled(review.draft_for_item(item.id, today=D(2026, 9, 28))),
                               today=D(2026, 9, 28))
    assert (r.progress.status, r.progress.next_step, r.round) == ("审查中", "section", 1)
    with pytest.raises(ValidationError) as info:
        review.approve(r.id, "secrecy", "李保密", D(2026, 9, 28), today=TODAY)
    assert info.value.errors["step"] == "请先完成“科室初审”，再签署“保密审查”"

    r = review.approve(r.id, "section", "王科长", D(2026, 9, 28), "同意公开", today=TODAY)
    r = review.reject(r.id, "secrecy", "李保密", D(2026, 9, 29), "附件二含村民身份证号码，须删除后再审", today=TODAY)
    assert r.progress.status == "已退回"
    with pytest.raises(ServiceError, match="请修改后重新提交"):
        review.approve(r.id, "section", "王科长", D(2026, 9, 29), today=TODAY)

    r = review.resubmit(r.id, replace(r.data, proposal="非密处理后公开", proposal_reason="删去附件二中的身份证号码"),
                        submitted_on=D(2026, 9, 30), today=TODAY)
    assert (r.round, r.progress.next_step, r.progress.current) == (2, "section", {})
    r = review.approve(r.id, "section", "王科长", D(2026, 9, 30), "已删除个人信息，同意", today=TODAY)
    r = review.approve(r.id, "secrecy", "李保密", D(2026, 10, 8), "经审查不涉密", today=TODAY)
    r = review.approve(r.id, "leader", "陈建国", D(2026, 10, 9), today=TODAY)
    assert r.approved
    assert [(s.round, s.step, s.decision) for s in r.signatures] == [
        (1, "section", "同意"), (1, "secrecy", "退回"), (2, "section", "同意"), (2, "secrecy", "同意"),
        (2, "leader", "同意")]
    actions = [e.action for e in audit.entries("secrecy_review", r.id)]
    assert actions == ["新建保密审查表", "科室初审：同意", "保密审查：退回", "修改后重新提交", "科室初审：同意",
                       "保密审查：同意", "分管领导审批：同意"]


def test_printed_form_carries_names_opinions_and_dates(item, tmp_path):
    r = review.create_for_item(item.id, filled(review.draft_for_item(item.id, today=D(2026, 9, 28))),
                               today=D(2026, 9, 28))
    r = review.approve(r.id, "section", "王科长", D(2026, 9, 28), "同意公开", today=TODAY)
    r = review.reject(r.id, "secrecy", "李保密", D(2026, 9, 29), "附件二含身份证号码", today=TODAY)
    r = review.resubmit(r.id, submitted_on=D(2026, 9, 30), today=TODAY)
    r = review.approve(r.id, "section", "王科长", D(2026, 9, 30), "已删除个人信息", today=TODAY)
    r = review.approve(r.id, "secrecy", "李保密", D(2026, 10, 8), "经审查不涉密", today=TODAY)
    path = review.render_form(r.id)
    assert path.exists() and path.suffix == ".docx"
    doc = docx.Document(str(path))
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    by_label = {}
    for cells in rows:
        by_label.setdefault(cells[0], []).append(cells[1])
    assert by_label["信息名称"] == ["茅畲乡农村生活垃圾分类管理办法"]
    assert by_label["信息编号/文号"] == ["茅政发〔2026〕12号"]
    assert by_label["载体形式"] == ["☑公文类\u3000□非公文类"]
    assert by_label["涉及国家秘密"][0].startswith("□是") and "☑否" in by_label["涉及国家秘密"][0]
    assert by_label["处理建议"][0].startswith("☑全文公开")
    section, secrecy, leader = by_label["科室初审意见"], by_label["保密审查意见"], by_label["分管领导审批意见"]
    assert section[0] == "已删除个人信息" and "审查人：王科长" in section[1] and "2026年9月30日" in section[1]
    assert secrecy[0] == "经审查不涉密" and "审查人：李保密" in secrecy[1] and "2026年10月8日" in secrecy[1]
    assert leader[0] == "" and "签名：＿" in leader[1] and "年\u3000\u3000月\u3000\u3000日" in leader[1]
    assert "附件二含身份证号码" in by_label["退回记录"][0]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "填表单位：黄岩区茅畲乡人民政府" in text and "填表日期：2026年9月28日" in text


def test_waiting_lists_each_step_oldest_first(workspace):
    ids = []
    for n, day in enumerate((D(2026, 10, 12), D(2026, 10, 9), D(2026, 10, 14))):
        it = proactive.create(norm_item(title=f"信息{n}", doc_no=""), today=TODAY)
        ids.append(review.create_for_item(it.id, filled(review.draft_for_item(it.id, today=day)), today=day).id)
    review.approve(ids[2], "section", "王科长", D(2026, 10, 15), today=TODAY)
    rows = review.waiting()
    assert [(r.review_id, r.step_label) for r in rows] == [(ids[1], "科室初审"), (ids[0], "科室初审"),
                                                           (ids[2], "保密审查")]
    assert rows[2].waiting_since == D(2026, 10, 15)
    review.reject(ids[0], "section", "王科长", D(2026, 10, 16), "信息名称与文件不一致", today=TODAY)
    first = review.waiting()[0]
    assert (first.review_id, first.step_label, first.note) == (ids[0], "退回修改", "科室初审退回：信息名称与文件不一致")


def test_bad_input_saves_nothing(item):
    with pytest.raises(ValidationError) as info:
        review.create_for_item(item.id, review.draft_for_item(item.id, today=TODAY), today=TODAY)
    assert info.value.errors["proposal"] == "请选择处理建议"
    assert SecrecyReview.select().count() == 0
    r = review.create_for_item(item.id, filled(review.draft_for_item(item.id, today=TODAY)), today=TODAY)
    with pytest.raises(ValidationError):
        review.reject(r.id, "section", "王科长", TODAY, "  ", today=TODAY)
    assert ReviewStep.select().count() == 0 and review.get(r.id).progress.next_step == "section"


def test_content_frozen_once_signed(item):
    r = review.create_for_item(item.id, filled(review.draft_for_item(item.id, today=TODAY)), today=TODAY)
    r = review.update(r.id, replace(r.data, info_no="茅政发〔2026〕13号"), today=TODAY)
    assert r.data.info_no == "茅政发〔2026〕13号"
    review.approve(r.id, "section", "王科长", TODAY, today=TODAY)
    with pytest.raises(ServiceError, match="内容不能再修改"):
        review.update(r.id, replace(r.data, info_no="x"), today=TODAY)
    with pytest.raises(ServiceError, match="未完成的保密审查表"):
        review.create_for_item(item.id, r.data, today=TODAY)


def test_four_step_office_setting(workspace):
    s = settings.load()
    s.review_four_steps = True
    settings.save(s)
    it = proactive.create(norm_item(), today=TODAY)
    r = review.create_for_item(it.id, filled(review.draft_for_item(it.id, today=TODAY)), today=TODAY)
    assert [k for k, _l in r.steps] == ["handler", "section", "secrecy", "leader"]
    for key, person in (("handler", "赵办事员"), ("section", "王科长"), ("secrecy", "李保密"), ("leader", "陈建国")):
        r = review.approve(r.id, key, person, TODAY, today=TODAY)
    assert r.approved
    path = review.render_form(r.id)
    labels = [row.cells[0].text for row in docx.Document(str(path)).tables[0].rows]
    assert "承办人初审意见" in labels and "主要领导签发意见" in labels


# ---------------------------------------------------------------- the release gate


def test_releasing_answer_refused_until_review_approved(workspace):
    case = register.register(person(), today=TODAY)
    with pytest.raises(ServiceError) as info:
        register.record_outcome(case.id, "1", D(2026, 10, 16))
    assert "须先完成保密审查" in str(info.value)
    assert register.get_case(case.id).outcome is None

    draft = review.draft_for_case(case.id, today=D(2026, 10, 12))
    assert (draft.info_name, draft.section, draft.channels) == ("茅畲村2025年度土地征收补偿方案", "国土所", ("依申请提供",))
    r = review.create_for_case(case.id, filled(draft, carrier="非公文类"), today=D(2026, 10, 12))
    review.approve(r.id, "section", "王科长", D(2026, 10, 12), today=TODAY)
    with pytest.raises(ServiceError, match="待“保密审查”"):
        register.record_outcome(case.id, "2", D(2026, 10, 16))
    review.approve(r.id, "secrecy", "李保密", D(2026, 10, 13), today=TODAY)
    review.approve(r.id, "leader", "陈建国", D(2026, 10, 14), today=TODAY)
    done = register.record_outcome(case.id, "1", D(2026, 10, 16))
    assert done.outcome == "1"
    assert review.release_status(case.id) == "保密审查已通过（处理建议：全文公开）"
    assert [e.action for e in audit.entries(case_id=case.id) if e.entity == "secrecy_review"][0] == "新建保密审查表"


def test_refusals_need_no_review(workspace):
    case = register.register(person(), today=TODAY)
    assert register.record_outcome(case.id, "3.1", D(2026, 10, 16)).outcome == "3.1"


def test_withhold_proposal_blocks_release(workspace):
    case = register.register(person(), today=TODAY)
    approve_case_review(case.id, D(2026, 10, 12), proposal="不予公开", reason="涉及国家秘密")
    with pytest.raises(ServiceError, match="不予公开"):
        register.record_outcome(case.id, "1", D(2026, 10, 16))


def test_redacted_proposal_allows_partial_release_only(workspace):
    case = register.register(person(), today=TODAY)
    approve_case_review(case.id, D(2026, 10, 12), proposal="非密处理后公开", reason="删去个人信息")
    with pytest.raises(ServiceError, match="部分公开"):
        register.record_outcome(case.id, "1", D(2026, 10, 16))
    assert register.record_outcome(case.id, "2", D(2026, 10, 16)).outcome == "2"


def test_secret_checklist_is_refused_full_release(item):
    checks = clean_checklist() | {"state_secret": CheckAnswer("是", "附件三为秘密级")}
    data = replace(review.draft_for_item(item.id, today=TODAY), checks=checks, proposal="全文公开")
    with pytest.raises(ValidationError) as info:
        review.create_for_item(item.id, data, today=TODAY)
    assert info.value.errors == {"proposal": "涉及国家秘密的信息不得全文公开（保密审查制度第五条）"}


# ---------------------------------------------------------------- the printed form among the documents


def test_printed_form_is_a_dated_document_of_its_own_kind_and_the_answer_can_still_be_issued(workspace, tmp_path):
    from app.services import archive, notices
    from app.store.schema import Document

    case = register.register(person(arrived=D(2026, 3, 2)), today=D(2026, 3, 2))
    review_id = approve_case_review(case.id, D(2026, 3, 10))
    path = review.render_form(review_id, today=D(2026, 3, 11))
    assert path.is_file()

    docs = notices.documents(case.id)
    assert [(d.kind, d.doc_no, d.issued_on, d.exists) for d in docs] == [("保密审查表", None, D(2026, 3, 11), True)]
    # 出具文书 still lists the kinds (it raised KeyError on the form's kind), the answer among them.
    register.record_outcome(case.id, "1", D(2026, 3, 12))
    names = [k.name for k in notices.kinds_for_case(case.id)]
    assert names[0] == "答复告知书（予以公开）" and "保密审查表" not in names
    issued = notices.issue("答复告知书（予以公开）", case.id, {}, D(2026, 3, 12))
    assert issued.doc_no == "茅政信答〔2026〕1号"

    # The archive files the form under the day it was printed, never 00000000.
    settings_ = settings.load()
    settings_.fonds_no = "0194"
    settings.save(settings_)
    package = archive.archive_year(2026, tmp_path / "归档", today=D(2027, 1, 5))
    names = sorted(p.name for p in package.folder.rglob("*.docx"))
    assert any(n.startswith("01_20260311_保密审查表") for n in names), names
    assert not any("00000000" in n for n in names)
    assert Document.get(Document.kind == "保密审查表").year == 2026
