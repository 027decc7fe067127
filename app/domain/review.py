"""保密审查 (secrecy review) of information before it is released: the form's fields and the
state machine of its steps.

本乡保密审查制度 (docs/legal/sources.md): "谁主管、谁负责；先审查、后公开；谁公开、谁审查" (第二条). 第六条 fixes the
three steps: the section that made the information gives its first opinion (科室初审), the section
in charge of secrecy review gives its opinion (保密审查), the leader in charge approves (分管领导审批).
Some offices use four steps (docs/legal/notices.md, 政府信息公开保密审查表); `steps_for(four_steps=True)`.

A step can only be signed once every step above it has approved in the same round. A rejection
(退回) ends the round: the review goes back to the first step with the rejection's reason, and the
section resubmits it (a new round, every step signs again). The review is approved when the last
step approves. Pure: no storage, no Qt.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# ---------------------------------------------------------------- vocabulary

CASE = "case"            # the review belongs to an answer to a request
PROACTIVE = "proactive"  # the review belongs to a proactive-publication item

CARRIERS: tuple[str, ...] = ("公文类", "非公文类")
CHANNELS: tuple[str, ...] = ("政府网站", "公开栏", "报刊", "广播电视", "依申请提供", "其他")

# The checklist of 保密审查制度第五条, each answered 是/否 with a note.
CHECKS: tuple[tuple[str, str], ...] = (
    ("state_secret", "国家秘密"),
    ("commercial_secret", "商业秘密"),
    ("privacy", "个人隐私"),
    ("stability", "三安全一稳定"),
)
YES, NO = "是", "否"

FULL = "全文公开"
REDACTED = "非密处理后公开"
WITHHOLD = "不予公开"
PROPOSALS: tuple[str, ...] = (FULL, REDACTED, WITHHOLD)

THREE_STEPS: tuple[tuple[str, str], ...] = (
    ("section", "科室初审"),
    ("secrecy", "保密审查"),
    ("leader", "分管领导审批"),
)
FOUR_STEPS: tuple[tuple[str, str], ...] = (
    ("handler", "承办人初审"),
    ("section", "科室负责人审核"),
    ("secrecy", "保密审核人核定密级"),
    ("leader", "主要领导签发"),
)

APPROVE = "同意"
REJECT = "退回"
DECISIONS: tuple[str, ...] = (APPROVE, REJECT)

PENDING = "审查中"
RETURNED = "已退回"
APPROVED = "已通过"


def steps_for(four_steps: bool) -> tuple[tuple[str, str], ...]:
    """The steps of a review: the township's three (本乡保密审查制度 第六条), or the four-step variant (office setting)."""
    return FOUR_STEPS if four_steps else THREE_STEPS


def step_label(key: str, four_steps: bool = False) -> str:
    return dict(steps_for(four_steps)).get(key, key)


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class CheckAnswer:
    answer: str = ""  # 是 / 否; "" while unanswered
    note: str = ""


@dataclass
class ReviewData:
    """The editable part of a 政府信息公开保密审查表."""

    info_name: str = ""
    info_no: str = ""             # 信息编号 / 文号
    section: str = ""             # 产生信息的科室
    carrier: str = ""             # 公文类 / 非公文类
    channels: tuple[str, ...] = ()  # 拟公开方式
    channel_other: str = ""       # when 其他 is chosen
    planned_on: dt.date | None = None  # 拟公开时间
    filled_on: dt.date | None = None   # 填表日期
    checks: dict[str, CheckAnswer] = field(default_factory=dict)
    proposal: str = ""            # 全文公开 / 非密处理后公开 / 不予公开
    proposal_reason: str = ""


@dataclass(frozen=True)
class Signature:
    """One step signed in one round."""

    round: int
    step: str
    decision: str  # 同意 / 退回
    opinion: str
    person: str
    signed_on: dt.date


@dataclass(frozen=True)
class Progress:
    """Where a review stands, derived from its signatures."""

    status: str                  # 审查中 / 已退回 / 已通过
    round: int
    next_step: str | None        # the step that may sign now; None unless 审查中
    current: dict[str, Signature]  # this round's signatures by step
    returned: Signature | None   # the rejection that ended this round, if any
    last_rejection: Signature | None  # the latest rejection of any round (shown after resubmission)


@dataclass
class Review:
    """A stored review with what it belongs to."""

    id: int
    target: str                  # CASE / PROACTIVE
    case_id: int | None
    item_id: int | None
    data: ReviewData
    four_steps: bool
    round: int
    signatures: list[Signature]
    created_at: dt.datetime | None = None
    submitted_on: dt.date | None = None  # the day this round started (waiting since)
    target_label: str = ""       # 登记编号 or the item's title, for lists

    @property
    def steps(self) -> tuple[tuple[str, str], ...]:
        return steps_for(self.four_steps)

    @property
    def progress(self) -> Progress:
        return progress(self.steps, self.signatures, self.round)

    @property
    def approved(self) -> bool:
        return self.progress.status == APPROVED


@dataclass(frozen=True)
class WaitingRow:
    """One line of the review page: a review waiting at a step (or returned to its section)."""

    review_id: int
    step: str
    step_label: str
    status: str
    waiting_since: dt.date | None
    target: str
    target_label: str
    info_name: str
    section: str
    proposal: str
    note: str  # e.g. the rejection reason


# ---------------------------------------------------------------- state machine


def progress(steps: tuple[tuple[str, str], ...], signatures: list[Signature], round_no: int) -> Progress:
    """Derive the state of a review from its signatures (the module docstring gives the rules)."""
    current = {s.step: s for s in signatures if s.round == round_no}
    rejections = [s for s in signatures if s.decision == REJECT]
    last_rejection = rejections[-1] if rejections else None
    returned = next((s for s in current.values() if s.decision == REJECT), None)
    if returned is not None:
        return Progress(RETURNED, round_no, None, current, returned, last_rejection)
    for key, _label in steps:
        if key not in current:
            return Progress(PENDING, round_no, key, current, None, last_rejection)
    return Progress(APPROVED, round_no, None, current, None, last_rejection)


def check_signature(review: Review, step: str, decision: str, opinion: str, person: str,
                    signed_on: dt.date | None, today: dt.date) -> dict[str, str]:
    """Problems with signing `step` now, field → Chinese message (保密审查制度第六条: in order)."""
    labels = dict(review.steps)
    state = review.progress
    if step not in labels:
        return {"step": f"本审查表没有“{step}”这一步骤"}
    if state.status == APPROVED:
        return {"step": "保密审查已通过，不能再签署"}
    if state.status == RETURNED:
        return {"step": f"审查已被“{labels[state.returned.step]}”退回，请修改后重新提交，再从“"
                        f"{review.steps[0][1]}”开始签署"}
    if step != state.next_step:
        if step in state.current:
            return {"step": f"“{labels[step]}”本轮已签署"}
        return {"step": f"请先完成“{labels[state.next_step]}”，再签署“{labels[step]}”"}
    errors: dict[str, str] = {}
    if decision not in DECISIONS:
        errors["decision"] = "请选择“同意”或“退回”"
    if not person.strip():
        errors["person"] = "请填写审查人姓名"
    if decision == REJECT and not opinion.strip():
        errors["opinion"] = "退回时须写明理由"
    errors.update(_check_sign_date(review, state, signed_on, today))
    return errors


def _check_sign_date(review: Review, state: Progress, signed_on: dt.date | None,
                     today: dt.date) -> dict[str, str]:
    if signed_on is None:
        return {"signed_on": "请填写签署日期"}
    if signed_on > today:
        return {"signed_on": "签署日期不能晚于今天"}
    earlier = [s.signed_on for s in state.current.values()]
    if review.submitted_on:
        earlier.append(review.submitted_on)
    if earlier and signed_on < max(earlier):
        return {"signed_on": f"签署日期不能早于上一步骤或提交日期（{chinese_date(max(earlier))}）"}
    return {}


def can_edit(review: Review) -> bool:
    """The content may change only before anyone signed this round, or after a rejection."""
    state = review.progress
    return state.status == RETURNED or (state.status == PENDING and not state.current)


# ---------------------------------------------------------------- the form's content


def validate(data: ReviewData, today: dt.date) -> dict[str, str]:
    """Every problem of the form's content, field → Chinese message (保密审查制度第五条、第十条)."""
    errors: dict[str, str] = {}
    if not data.info_name.strip():
        errors["info_name"] = "请填写信息名称"
    if not data.section.strip():
        errors["section"] = "请填写产生信息的科室（保密审查制度第六条：由产生信息的科室提出初步意见）"
    if data.carrier not in CARRIERS:
        errors["carrier"] = "请选择载体形式（公文类或非公文类）"
    if not data.channels or any(c not in CHANNELS for c in data.channels):
        errors["channels"] = "请选择拟公开方式"
    elif "其他" in data.channels and not data.channel_other.strip():
        errors["channel_other"] = "选择“其他”公开方式时请写明方式"
    if data.filled_on and data.filled_on > today:
        errors["filled_on"] = "填表日期不能晚于今天"
    _check_checklist(data, errors)
    _check_proposal(data, errors)
    return errors


def _check_checklist(data: ReviewData, errors: dict[str, str]) -> None:
    for key, label in CHECKS:
        answer = data.checks.get(key, CheckAnswer())
        if answer.answer not in (YES, NO):
            errors[f"check_{key}"] = f"请选择是否涉及{label}"
        elif answer.answer == YES and not answer.note.strip():
            errors[f"check_{key}"] = f"涉及{label}的，请在说明中写明涉及的内容"


def _check_proposal(data: ReviewData, errors: dict[str, str]) -> None:
    if data.proposal not in PROPOSALS:
        errors["proposal"] = "请选择处理建议"
        return
    if data.proposal != FULL and not data.proposal_reason.strip():
        what = "不予公开的理由" if data.proposal == WITHHOLD else "需作非密处理的内容和理由"
        errors["proposal_reason"] = f"请写明{what}（保密审查制度第十条、第十一条）"
    if data.proposal == FULL:
        hits = [label for key, label in CHECKS if data.checks.get(key, CheckAnswer()).answer == YES
                and key in ("state_secret", "stability")]
        if hits:
            errors["proposal"] = f"涉及{'、'.join(hits)}的信息不得全文公开（保密审查制度第五条）"


# ---------------------------------------------------------------- the release gate


def release_block(outcome_code: str, releasing: frozenset[str], review: Review | None) -> str | None:
    """Why an answer with `outcome_code` may not be issued yet, or None (先审查、后公开, 第二条)."""
    if outcome_code not in releasing:
        return None
    if review is None:
        return ("该答复将公开政府信息，须先完成保密审查（先审查、后公开）。请在本案窗口右侧“保密审查”栏点"
                "“保密审查表…”为本案新建审查表，审批通过后再记录办理结果。")
    state = review.progress
    if state.status == RETURNED:
        label = step_label(state.returned.step, review.four_steps)
        return f"保密审查已被“{label}”退回（理由：{state.returned.opinion}），须修改后重新提交并审批通过，才能答复公开。"
    if state.status == PENDING:
        label = step_label(state.next_step or "", review.four_steps)
        return f"保密审查尚未通过（待“{label}”），审批通过后才能作出公开答复。"
    if review.data.proposal == WITHHOLD:
        return "保密审查的处理建议为“不予公开”，不能作出公开政府信息的答复。"
    if outcome_code == "1" and review.data.proposal == REDACTED:
        return "保密审查的处理建议为“非密处理后公开”，应按部分公开（区分处理）答复，而不是全部予以公开。"
    return None


# ---------------------------------------------------------------- helpers


def chinese_date(d: dt.date | None) -> str:
    """2026年5月6日 (GB/T 9704: Arabic numerals, no leading zeros)."""
    return f"{d.year}年{d.month}月{d.day}日" if d else ""
