"""The secrecy-review state machine and the form's checks (本乡保密审查制度, docs/legal/sources.md)."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, strategies as st

from app.domain import review as rv
from app.domain.outcomes import RELEASING
from app.domain.review import APPROVE, REJECT, CheckAnswer, Review, ReviewData, Signature

D = dt.date
TODAY = D(2026, 6, 1)


def form(**over) -> ReviewData:
    values = dict(info_name="茅畲乡2026年农村饮用水工程实施方案", info_no="茅政发〔2026〕8号", section="农业农村办",
                  carrier="公文类", channels=("政府网站",), filled_on=D(2026, 5, 6),
                  checks={k: CheckAnswer("否") for k, _l in rv.CHECKS}, proposal="全文公开")
    values.update(over)
    return ReviewData(**values)


def review(signatures=(), round_no=1, four=False, submitted=D(2026, 5, 6)) -> Review:
    return Review(1, rv.PROACTIVE, None, 7, form(), four, round_no, list(signatures), submitted_on=submitted)


def sig(step, decision=APPROVE, day=D(2026, 5, 7), round_no=1, opinion="同意", person="张三"):
    return Signature(round_no, step, decision, opinion, person, day)


def test_a_new_review_waits_for_the_section_first():
    state = review().progress
    assert (state.status, state.next_step) == ("审查中", "section")


def test_a_step_cannot_be_signed_before_the_one_above_it():
    errors = rv.check_signature(review(), "leader", APPROVE, "", "王乡长", D(2026, 5, 7), TODAY)
    assert errors == {"step": "请先完成“科室初审”，再签署“分管领导审批”"}
    after_first = review([sig("section")])
    errors = rv.check_signature(after_first, "leader", APPROVE, "", "王乡长", D(2026, 5, 7), TODAY)
    assert errors == {"step": "请先完成“保密审查”，再签署“分管领导审批”"}
    assert rv.check_signature(after_first, "secrecy", APPROVE, "", "李四", D(2026, 5, 7), TODAY) == {}


def test_approved_only_when_the_last_step_approves():
    two = review([sig("section"), sig("secrecy")])
    assert two.progress.status == "审查中" and two.progress.next_step == "leader"
    three = review([sig("section"), sig("secrecy"), sig("leader")])
    assert three.progress.status == "已通过" and three.approved
    assert rv.check_signature(three, "leader", APPROVE, "", "王乡长", D(2026, 5, 8), TODAY) == {
        "step": "保密审查已通过，不能再签署"}


def test_rejection_returns_the_review_with_its_reason_and_blocks_signing():
    returned = review([sig("section"), sig("secrecy", REJECT, opinion="附件含身份证号")])
    state = returned.progress
    assert state.status == "已退回" and state.next_step is None
    assert state.returned.opinion == "附件含身份证号"
    errors = rv.check_signature(returned, "section", APPROVE, "", "张三", D(2026, 5, 8), TODAY)
    assert "请修改后重新提交" in errors["step"]
    assert rv.can_edit(returned)


def test_resubmission_starts_a_new_round_at_the_first_step():
    sigs = [sig("section"), sig("secrecy", REJECT, opinion="附件含身份证号")]
    again = review(sigs, round_no=2, submitted=D(2026, 5, 9))
    state = again.progress
    assert (state.status, state.next_step, state.current) == ("审查中", "section", {})
    assert state.last_rejection.opinion == "附件含身份证号"
    errors = rv.check_signature(again, "section", APPROVE, "", "张三", D(2026, 5, 8), TODAY)
    assert errors["signed_on"].startswith("签署日期不能早于上一步骤或提交日期")


def test_rejection_needs_a_reason_and_every_signature_a_person_and_date():
    errors = rv.check_signature(review(), "section", REJECT, " ", "", None, TODAY)
    assert errors == {"person": "请填写审查人姓名", "opinion": "退回时须写明理由", "signed_on": "请填写签署日期"}
    assert rv.check_signature(review(), "section", APPROVE, "", "张三", D(2026, 6, 2), TODAY) == {
        "signed_on": "签署日期不能晚于今天"}


def test_content_is_frozen_once_a_step_signed_this_round():
    assert rv.can_edit(review())
    assert not rv.can_edit(review([sig("section")]))


def test_four_step_offices_start_with_the_handler():
    r = review(four=True)
    assert [label for _k, label in r.steps] == ["承办人初审", "科室负责人审核", "保密审核人核定密级", "主要领导签发"]
    assert r.progress.next_step == "handler"
    done = review([sig(k) for k, _l in rv.FOUR_STEPS], four=True)
    assert done.approved


@given(st.lists(st.sampled_from(["section", "secrecy", "leader"]), max_size=6))
def test_signing_in_any_order_is_accepted_only_top_down(order):
    r = review()
    signed: list[str] = []
    for step in order:
        ok = rv.check_signature(r, step, APPROVE, "", "张三", D(2026, 5, 7), TODAY) == {}
        expected = len(signed) < 3 and step == ["section", "secrecy", "leader"][len(signed)]
        assert ok == expected
        if ok:
            signed.append(step)
            r = review([sig(s) for s in signed])
    assert r.approved == (len(signed) == 3)


def test_form_checks_name_every_missing_field():
    errors = rv.validate(ReviewData(), TODAY)
    assert set(errors) == {"info_name", "section", "carrier", "channels", "proposal", "check_state_secret",
                           "check_commercial_secret", "check_privacy", "check_stability"}


def test_withholding_and_redaction_need_a_reason():
    assert rv.validate(form(proposal="不予公开"), TODAY)["proposal_reason"].startswith("请写明不予公开的理由")
    assert "proposal_reason" in rv.validate(form(proposal="非密处理后公开"), TODAY)
    assert rv.validate(form(proposal="不予公开", proposal_reason="属于国家秘密"), TODAY) == {}


def test_secret_information_cannot_be_published_in_full():
    checks = {k: CheckAnswer("否") for k, _l in rv.CHECKS} | {"state_secret": CheckAnswer("是", "附件三为秘密级")}
    errors = rv.validate(form(checks=checks), TODAY)
    assert errors == {"proposal": "涉及国家秘密的信息不得全文公开（保密审查制度第五条）"}
    assert rv.validate(form(checks=checks, proposal="非密处理后公开", proposal_reason="删去附件三"), TODAY) == {}


def test_a_yes_answer_needs_a_note():
    checks = {k: CheckAnswer("否") for k, _l in rv.CHECKS} | {"privacy": CheckAnswer("是")}
    assert rv.validate(form(checks=checks), TODAY) == {"check_privacy": "涉及个人隐私的，请在说明中写明涉及的内容"}


def test_other_channel_needs_its_name():
    assert rv.validate(form(channels=("其他",)), TODAY) == {"channel_other": "选择“其他”公开方式时请写明方式"}


def test_release_gate():
    assert rv.release_block("3.1", RELEASING, None) is None
    assert "须先完成保密审查" in rv.release_block("1", RELEASING, None)
    pending = review([sig("section")])
    assert rv.release_block("2", RELEASING, pending) == "保密审查尚未通过（待“保密审查”），审批通过后才能作出公开答复。"
    returned = review([sig("section", REJECT, opinion="名称有误")])
    assert "名称有误" in rv.release_block("1", RELEASING, returned)
    approved = review([sig("section"), sig("secrecy"), sig("leader")])
    assert rv.release_block("1", RELEASING, approved) is None
    assert rv.release_block("1a", RELEASING, approved) is None


def test_chinese_date_has_no_leading_zeros():
    assert rv.chinese_date(D(2026, 5, 6)) == "2026年5月6日"
