"""信息发布审核: checked before release with the secrecy review's steps, the content and proof checks
(本乡政务信息发布审核制度第二、五、七、八条; docs/legal/duties.md)."""
from __future__ import annotations

import datetime as dt

from app.domain import publication as pub
from app.domain import review as rv
from app.domain.publication import PublicationData

D = dt.date
PLACES = ("政府门户网站", "公开栏")


def review(*signatures: rv.Signature, proposal: str = rv.FULL) -> rv.Review:
    return rv.Review(1, rv.PROACTIVE, None, 1, rv.ReviewData(proposal=proposal), False, 1, list(signatures))


def sign(step: str, person: str, decision: str = rv.APPROVE, opinion: str = "同意") -> rv.Signature:
    return rv.Signature(1, step, decision, opinion, person, D(2025, 5, 6))


def test_nothing_is_released_before_its_check_is_signed_to_the_end():
    assert "尚未经发布审核" in pub.release_block(None, False)
    waiting = review(sign("section", "张三"), sign("secrecy", "李四"))
    assert pub.release_block(waiting, True) == "发布审核尚未完成，待“分管领导审批”签署（重要内容须经分管领导审核确定后方可发布）"
    returned = review(sign("section", "张三"), sign("secrecy", "李四", rv.REJECT, "数据有误"))
    assert pub.release_block(returned, False) == "发布审核已被“保密审查”退回：数据有误"
    withheld = review(sign("section", "张三"), sign("secrecy", "李四"), sign("leader", "陈建国"), proposal=rv.WITHHOLD)
    assert "不予公开" in pub.release_block(withheld, False)


def test_an_approved_check_names_who_signed_each_step():
    done = review(sign("section", "张三"), sign("secrecy", "李四"), sign("leader", "陈建国"))
    assert pub.release_block(done, True) is None
    assert pub.reviewers(done) == ("科室初审：张三（2025年5月6日）；保密审查：李四（2025年5月6日）；"
                                   "分管领导审批：陈建国（2025年5月6日）")


def test_the_content_and_proof_checks_are_confirmed_before_release():
    errors = pub.validate(PublicationData(published_on=D(2025, 5, 7), place="公开栏", publisher="王丽"), PLACES,
                          D(2025, 5, 7))
    assert set(errors) == {"content_checked", "proofread"}
    ok = PublicationData(published_on=D(2025, 5, 7), place="公开栏", publisher="王丽", content_checked=True,
                         proofread=True)
    assert pub.validate(ok, PLACES, D(2025, 5, 7)) == {}
    assert set(pub.validate(PublicationData(published_on=D(2025, 5, 8)), PLACES, D(2025, 5, 7))) == {
        "published_on", "place", "publisher", "content_checked", "proofread"}
