"""保密审查 use cases: create a review for an answer or a proactive item, sign its steps in order,
reject and resubmit, print the 政府信息公开保密审查表, and the release gate (先审查、后公开).

本乡保密审查制度 (docs/legal/sources.md) 第二条、第六条; docs/legal/notices.md (保密审查表).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, replace
from pathlib import Path

from app import paths
from app.domain.dates import or_today
from app.domain import outcomes
from app.domain.notices import REVIEW_FORM
from app.domain import review as rules
from app.domain.review import (
    APPROVE, CASE, PENDING, REJECT, RETURNED, CheckAnswer, Review, ReviewData, Signature, WaitingRow,
)
from app.services import settings as office
from app.services.errors import NotFound, ReviewRequired, ServiceError, ValidationError
from app.store import audit, files, register as cases, review as store
from app.store.db import atomic, current_path

FORM_TEMPLATE = "政府信息公开保密审查表.docx"
FORM_KIND = REVIEW_FORM  # a document kind of its own (app.domain.notices)


def get(review_id: int) -> Review:
    review = store.get_review(review_id)
    if review is None:
        raise NotFound(f"找不到编号为 {review_id} 的保密审查表")
    return review


def for_case(case_id: int) -> Review | None:
    """The (latest) review of a case's answer, or None."""
    return store.latest_review_for(case_id=case_id)


def for_item(item_id: int) -> Review | None:
    return store.latest_review_for(item_id=item_id)


# ---------------------------------------------------------------- drafts


def draft_for_case(case_id: int, today: dt.date | None = None) -> ReviewData:
    """A form pre-filled from the request: what was asked for, the section, 依申请提供."""
    case = cases.get(case_id)
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的申请")
    lines = (case.info_description or "").strip().splitlines()
    name = case.info_name or (lines[0][:60] if lines else "")
    return ReviewData(info_name=name, info_no=case.info_doc_no, section=case.department,
                      carrier="公文类" if case.info_doc_no else "", channels=("依申请提供",),
                      filled_on=or_today(today))


def draft_for_item(item_id: int, today: dt.date | None = None) -> ReviewData:
    """A form pre-filled from a register entry (title, 文号, section, planned place)."""
    item = store.get_item(item_id)
    if item is None:
        raise NotFound(f"找不到编号为 {item_id} 的主动公开信息")
    d = item.data
    channel = {"政府门户网站": "政府网站", "政务服务网": "政府网站", "公开栏": "公开栏"}.get(d.place, "政府网站")
    carrier = "非公文类" if d.kind == "非公文类信息" else "公文类"
    return ReviewData(info_name=d.title, info_no=d.doc_no, section=d.section, carrier=carrier,
                      channels=(channel,), planned_on=d.published_on, filled_on=or_today(today))


# ---------------------------------------------------------------- create and edit


def _check(data: ReviewData, today: dt.date) -> None:
    errors = rules.validate(data, today)
    if errors:
        raise ValidationError(errors)


def _changes(old: ReviewData | None, new: ReviewData) -> dict:
    before = asdict(old) if old else {}
    after = asdict(new)
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def create_for_case(case_id: int, data: ReviewData, today: dt.date | None = None) -> Review:
    """A review of the answer to a request (条例第三十六条 answers that release information)."""
    if cases.get(case_id) is None:
        raise NotFound(f"找不到编号为 {case_id} 的申请")
    current = for_case(case_id)
    if current is not None and current.progress.status != rules.APPROVED:
        raise ServiceError("本案已有一份未完成的保密审查表，请在该表上继续办理")
    return _create(data, case_id, None, or_today(today))


def create_for_item(item_id: int, data: ReviewData, today: dt.date | None = None) -> Review:
    """A review of a proactive publication (保密审查制度第二条：先审查、后公开)."""
    if store.get_item(item_id) is None:
        raise NotFound(f"找不到编号为 {item_id} 的主动公开信息")
    current = for_item(item_id)
    if current is not None and current.progress.status != rules.APPROVED:
        raise ServiceError("该信息已有一份未完成的保密审查表，请在该表上继续办理")
    return _create(data, None, item_id, or_today(today))


def _create(data: ReviewData, case_id: int | None, item_id: int | None, today: dt.date) -> Review:
    if data.filled_on is None:
        data = replace(data, filled_on=today)
    _check(data, today)
    four = office.load().review_four_steps
    first = rules.steps_for(four)[0][0]
    with atomic():
        review_id = store.insert_review(data, case_id, item_id, four, data.filled_on, PENDING, first)
        audit.record("secrecy_review", review_id, "新建保密审查表", _changes(None, data), case_id=case_id)
    return get(review_id)


def update(review_id: int, data: ReviewData, today: dt.date | None = None) -> Review:
    """Edit the form's content: only before anyone signed this round, or after a rejection."""
    review = get(review_id)
    if not rules.can_edit(review):
        raise ServiceError("审查已开始签署或已通过，内容不能再修改；如需修改，请由审查人退回")
    _check(data, or_today(today))
    changes = _changes(review.data, data)
    if not changes:
        return review
    with atomic():
        store.update_review(review_id, data)
        audit.record("secrecy_review", review_id, "修改保密审查表", changes, case_id=review.case_id)
    return get(review_id)


# ---------------------------------------------------------------- signing


def sign(review_id: int, step: str, decision: str, person: str, signed_on: dt.date | None,
         opinion: str = "", today: dt.date | None = None) -> Review:
    """Sign one step: 同意 moves the review to the next step (or approves it after the last);
    退回 sends it back to the first step with the reason (保密审查制度第六条)."""
    review = get(review_id)
    errors = rules.check_signature(review, step, decision, opinion, person, signed_on, or_today(today))
    if errors:
        raise ValidationError(errors)
    if decision == APPROVE and not opinion.strip():
        opinion = "同意"
    sig = Signature(review.round, step, decision, opinion.strip(), person.strip(), signed_on)
    state = rules.progress(review.steps, review.signatures + [sig], review.round)
    label = rules.step_label(step, review.four_steps)
    with atomic():
        store.add_signature(review_id, sig)
        store.update_review(review_id, status=state.status, next_step=state.next_step)
        audit.record("secrecy_review", review_id, f"{label}：{decision}",
                     {"status": [review.progress.status, state.status], "opinion": [None, sig.opinion],
                      "person": [None, sig.person], "signed_on": [None, sig.signed_on]}, case_id=review.case_id)
    return get(review_id)


def approve(review_id: int, step: str, person: str, signed_on: dt.date | None, opinion: str = "",
            today: dt.date | None = None) -> Review:
    return sign(review_id, step, APPROVE, person, signed_on, opinion, today)


def reject(review_id: int, step: str, person: str, signed_on: dt.date | None, reason: str,
           today: dt.date | None = None) -> Review:
    return sign(review_id, step, REJECT, person, signed_on, reason, today)


def resubmit(review_id: int, data: ReviewData | None = None, submitted_on: dt.date | None = None,
             today: dt.date | None = None) -> Review:
    """After a rejection: the (revised) form starts a new round at the first step."""
    review = get(review_id)
    today = or_today(today)
    if review.progress.status != RETURNED:
        raise ServiceError("只有被退回的保密审查表才能重新提交")
    data = data or review.data
    _check(data, today)
    submitted = submitted_on or today
    if submitted > today:
        raise ValidationError({"submitted_on": "重新提交日期不能晚于今天"})
    if submitted < review.progress.returned.signed_on:
        raise ValidationError({"submitted_on": "重新提交日期不能早于退回日期"})
    first = review.steps[0][0]
    changes = _changes(review.data, data) | {"round": [review.round, review.round + 1]}
    with atomic():
        store.update_review(review_id, data, round=review.round + 1, submitted_on=submitted, status=PENDING,
                            next_step=first)
        audit.record("secrecy_review", review_id, "修改后重新提交", changes, case_id=review.case_id)
    return get(review_id)


# ---------------------------------------------------------------- lists


def waiting() -> list[WaitingRow]:
    """Reviews not yet approved, by step in workflow order, oldest first within a step; reviews
    returned to their section come first, since nothing moves until they are resubmitted."""
    rows = []
    for review in store.reviews():
        state = review.progress
        if state.status == rules.APPROVED:
            continue
        if state.status == RETURNED:
            by = rules.step_label(state.returned.step, review.four_steps)
            step, label, note, since = "", "退回修改", f"{by}退回：{state.returned.opinion}", state.returned.signed_on
        else:
            step, label = state.next_step or "", rules.step_label(state.next_step or "", review.four_steps)
            since = max([s.signed_on for s in state.current.values()] + [review.submitted_on or dt.date.min])
            note = f"上轮退回理由：{state.last_rejection.opinion}" if state.last_rejection else ""
        rows.append(WaitingRow(review.id, step, label, state.status, since, review.target, review.target_label,
                               review.data.info_name, review.data.section, review.data.proposal, note))
    order = {key: i for i, (key, _l) in enumerate(rules.FOUR_STEPS)}
    order[""] = -1
    rows.sort(key=lambda r: (order.get(r.step, 50), r.waiting_since or dt.date.min, r.review_id))
    return rows


# ---------------------------------------------------------------- the gate


def ensure_release_approved(case_id: int, outcome_code: str | None) -> None:
    """Refuse an answer that releases information (outcomes 1, 1a, 2) before its secrecy review is
    approved (保密审查制度第二条：先审查、后公开). Raises ServiceError with the reason in Chinese."""
    if outcome_code is None or outcome_code not in outcomes.RELEASING:
        return
    message = rules.release_block(outcome_code, outcomes.RELEASING, for_case(case_id))
    if message:
        raise ReviewRequired(message)


def release_status(case_id: int, outcome_code: str | None = None) -> str:
    """One line for the case view: the review state of the case's answer."""
    review = for_case(case_id)
    if review is None:
        return "未进行保密审查（予以公开、部分公开的答复须先经保密审查）"
    state = review.progress
    if state.status == PENDING:
        return f"保密审查中：待“{rules.step_label(state.next_step or '', review.four_steps)}”"
    if state.status == RETURNED:
        return f"保密审查已退回：{state.returned.opinion}"
    return f"保密审查已通过（处理建议：{review.data.proposal}）"


# ---------------------------------------------------------------- the printed form


def _box(chosen: bool) -> str:
    return "☑" if chosen else "□"


def form_context(review: Review) -> dict:
    """The placeholders of 政府信息公开保密审查表.docx (Chinese names a clerk can read in Word)."""
    d = review.data
    state = review.progress
    boxes = {c: _box(c == d.carrier) for c in rules.CARRIERS}
    boxes.update({c: _box(c in d.channels) for c in rules.CHANNELS})
    boxes.update({p: _box(p == d.proposal) for p in rules.PROPOSALS})
    checks = {}
    for key, label in rules.CHECKS:
        answer = d.checks.get(key, CheckAnswer())
        checks[label] = {"是": _box(answer.answer == rules.YES), "否": _box(answer.answer == rules.NO),
                         "说明": answer.note}
    steps = []
    for key, label in review.steps:
        sig = state.current.get(key)
        steps.append({"名称": f"{label}意见", "意见": sig.opinion if sig else "",
                      "审查人": sig.person if sig else "", "日期": rules.chinese_date(sig.signed_on) if sig else
                      "\u3000" * 4 + "年\u3000\u3000月\u3000\u3000日"})
    returns = [f"第{s.round}轮 {rules.step_label(s.step, review.four_steps)}（{s.person}，"
               f"{rules.chinese_date(s.signed_on)}）退回：{s.opinion}" for s in review.signatures if s.decision == REJECT]
    return {
        "机关名称": office.load().office_name, "填表日期": rules.chinese_date(d.filled_on),
        "信息名称": d.info_name, "信息编号": d.info_no, "科室": d.section, "框": boxes,
        "其他方式": d.channel_other, "拟公开时间": rules.chinese_date(d.planned_on), "检查": checks,
        "处理理由": d.proposal_reason, "步骤": steps, "退回记录": "；".join(returns) or "无",
        "审查状态": state.status, "关联": review.target_label,
    }


def _template_path() -> Path:
    """The office's edited copy wins over the shipped template."""
    from app.services import templates  # noqa: PLC0415 - as in _render

    return templates.form_template(FORM_TEMPLATE)


def _render(template: Path, context: dict, out: Path) -> None:
    """Through the notices' one sandboxed renderer (app.services.templates.render)."""
    from app.services import templates  # noqa: PLC0415 - docxtpl is loaded only when printing

    templates.render(template, context, out)  # whole or not at all, a Chinese message naming the file


def _output_path(review: Review) -> Path:
    db = current_path()
    name = paths.safe_filename(f"保密审查表-{review.data.info_name[:30]}-第{review.round}轮.docx")
    if review.target == CASE:
        return paths.case_dir(db, review.target_label) / name
    return paths.documents_dir(db) / paths.safe_filename(f"主动公开-{review.target_label[:30]}") / name


def render_form(review_id: int, out: Path | None = None, today: dt.date | None = None) -> Path:
    """Fill the 政府信息公开保密审查表 from the review (☑ for chosen options, the signed steps with
    opinion, name and date; blank signature lines for hand signatures) and file it among the case's
    documents as a 保密审查表 dated the day it was printed (docs/legal/notices.md: no 文号)."""
    review = get(review_id)
    printed_on = or_today(today)
    target = Path(out) if out else _output_path(review)
    _render(_template_path(), form_context(review), target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    stored = _stored_path(target)
    with atomic():
        if not Path(stored).is_absolute():  # kept where every desk of a server's office reaches it
            files.keep(files.DOCUMENTS, stored, target)
        store.add_document(review.case_id, FORM_KIND, printed_on, stored, digest, audit.operator())
        audit.record("secrecy_review", review_id, "打印保密审查表", {"file": [None, target.name]},
                     case_id=review.case_id)
    return target


def _stored_path(target: Path) -> str:
    """Relative to the office's documents folder, as the notices are; absolute when saved elsewhere."""
    try:
        return target.resolve().relative_to(paths.documents_dir(current_path()).resolve()).as_posix()
    except ValueError:
        return str(target)
