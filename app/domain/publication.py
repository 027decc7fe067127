"""信息发布审核 and 登记存档: everything the office publishes on the website or the 公开栏 passes its
check before release, and what was published is registered and kept (docs/legal/duties.md,
信息发布审核).

本乡政务信息发布审核制度:

* 第二条: every item is checked before it is released (正式发布前，必须进行预先审核).
* 第五条: "谁审查、谁负责，谁公开、谁负责": the sections collect, a 党政办 reviewer re-checks, important
  content goes to the 分管领导, who confirms it before release. These are the steps of the secrecy
  review (app/domain/review.py: 科室初审, 保密审查 by the 党政办, 分管领导审批), so the check is that
  review: an item is released only once its review is approved, and the register names who signed
  each step.
* 第三条、第八条: the content is true, accurate, complete and proof-read before release.
* 第七条: eight kinds of content may never be published.
* 第六条: the website administrator registers and keeps what is published (登记并存档).

Pure: no storage, no Qt.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain import review as rv
from app.domain.validation import link_problem

PROHIBITED: tuple[str, ...] = (
    "危害国家安全，泄露国家秘密，颠覆国家政权，破坏国家统一的",
    "损害国家荣誉和利益的",
    "煽动民族仇恨、民族歧视，破坏民族团结的",
    "破坏国家宗教政策，宣扬邪教和封建迷信的",
    "散布谣言，扰乱社会秩序，破坏社会稳定的",
    "散布色情、赌博、暴力、凶杀、恐怖或者教唆犯罪的",
    "侮辱或者诽谤他人，侵害他人合法权益的",
    "含有法律、行政法规禁止的其他内容的",
)
CONTENT_CHECK = "经核对，不含政务信息发布审核制度第七条所列禁止制作和传播的内容"
PROOF_CHECK = "发布前已认真校对和审核，内容真实、准确、完整（第三条、第八条）"


@dataclass
class PublicationData:
    published_on: dt.date | None = None
    place: str = ""
    link: str = ""
    publisher: str = ""          # 网站管理员 / the person who published it
    important: bool = False      # 重要内容: confirmed by the 分管领导 (第五条)
    content_checked: bool = False
    proofread: bool = False
    notes: str = ""


@dataclass(frozen=True)
class Publication:
    id: int
    item_id: int
    item_title: str
    data: PublicationData
    reviewers: str               # who signed each step of the check (谁审查、谁负责)
    file: str = ""               # the copy kept (登记存档), relative to the documents folder
    sha256: str = ""


def validate(data: PublicationData, places: tuple[str, ...], today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.published_on is None:
        errors["published_on"] = "请填写发布日期"
    elif data.published_on > today:
        errors["published_on"] = "发布日期不能晚于今天"
    if data.place not in places:
        errors["place"] = "请选择发布平台（政府门户网站、公开栏等）"
    if not data.publisher.strip():
        errors["publisher"] = "请填写发布人（网站管理员，第六条）"
    if problem := link_problem(data.link):
        errors["link"] = problem
    if not data.content_checked:
        errors["content_checked"] = "发布前须核对内容不含第七条所列禁止内容"
    if not data.proofread:
        errors["proofread"] = "发布前须认真校对和审核，确认无误后方可发布（第八条）"
    return errors


def release_block(review: rv.Review | None, important: bool) -> str | None:
    """Why the item may not be released yet, or None (第二条、第五条: checked before release)."""
    if review is None:
        return "该信息尚未经发布审核：请先填写保密审查表并逐级签署（科室初审、党政办审查、分管领导审核）"
    state = review.progress
    if state.status == rv.RETURNED:
        return f"发布审核已被“{rv.step_label(state.returned.step, review.four_steps)}”退回：{state.returned.opinion}"
    if state.status == rv.PENDING:
        who = rv.step_label(state.next_step or "", review.four_steps)
        extra = "（重要内容须经分管领导审核确定后方可发布）" if important else ""
        return f"发布审核尚未完成，待“{who}”签署{extra}"
    if review.data.proposal == rv.WITHHOLD:
        return "审核意见为“不予公开”，不能发布"
    return None


def reviewers(review: rv.Review) -> str:
    """科室初审：张三（2026年5月6日）；保密审查：李四（…）… — the signatures of the approving round."""
    state = review.progress
    parts = []
    for key, label in review.steps:
        sig = state.current.get(key)
        if sig is not None:
            parts.append(f"{label}：{sig.person}（{rv.chinese_date(sig.signed_on)}）")
    return "；".join(parts)
