"""The case actions that move the legal clock (docs/legal/requests.md, 法定期限), each recorded on the timeline.

An action done after its limit (a correction notice after the 7th working day, an extension
after the answer limit) is refused with LateAction unless the caller confirms with
``accept_late=True``; it is then recorded with a note that it was late.
"""
from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Callable

from app.domain import case_flow
from app.domain.dates import cn_date
from app.domain.request import (AWAITING_FEE, CONCLUDED_STATUSES, CONSULTING, CORRECTING, EXTENDED, HANDLING,
                                REGISTERED, REVIEWING)
from app.services import deadlines as dl
from app.services import register
from app.services.errors import ServiceError, ValidationError
from app.store import audit, register as store
from app.store.db import atomic


class LateAction(ServiceError):
    """The action is past its limit; the user must confirm to record it anyway."""


def _open_case(case_id: int):
    case = register.get_case(case_id)
    register.ensure_case_open(case)
    if case.status in CONCLUDED_STATUSES:
        raise ServiceError(f"申请{case.case_no}已{case.status}，不能再进行此操作")
    return case


def _step(key: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Refuse the step where the case's status does not allow it (app/domain/case_flow.py), on every path."""
    def wrap(action: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(action)
        def checked(case_id: int, *args: Any, **kwargs: Any) -> Any:
            case = register.get_case(case_id)
            register.ensure_case_open(case)  # a locked year says so before anything else
            _require_step(case, key)
            return action(case_id, *args, **kwargs)
        return checked
    return wrap


def _require_step(case, key: str) -> None:
    why = case_flow.refusal(key, case.status, case.case_no)
    if why is not None:
        raise ServiceError(why)


def _check_day(case, on: dt.date, today: dt.date | None = None) -> None:
    if on > (today or dt.date.today()):
        raise ValidationError({"on": "日期不能晚于今天"})
    if on < case.received_on:
        raise ValidationError({"on": f"日期不能早于收到申请日期（{cn_date(case.received_on)}）"})


def _late_check(case_id: int, key: str, on: dt.date, what: str, accept_late: bool) -> str:
    limit = dl.case_limits(case_id, on).get(key)
    if limit is None or limit.due is None or on <= limit.due:
        return ""
    note = f"（已超过{limit.label}{cn_date(limit.due)}）"
    if not accept_late:
        raise LateAction(f"{what}已晚于{limit.label}（{cn_date(limit.due)}）。{limit.explanation}。确定仍要记录吗？")
    return note


def _record(case_id: int, kind: str, on: dt.date, summary: str, data: dict, status: str | None) -> int:
    with atomic():
        event_id = store.add_event(case_id, kind, on, summary, data, audit.operator())
        if status:
            store.update(case_id, {"status": status})
        audit.record("request", case_id, summary, {"status": [None, status]} if status else {})
    dl.refresh_case(case_id)
    return event_id


@_step("send_correction")
def send_correction(case_id: int, on: dt.date, items: str, period_days: int | None = None,
                    accept_late: bool = False) -> int:
    """发出补正告知 (条例第三十条): within 7 working days, once and for all, with a period."""
    case = _open_case(case_id)
    _check_day(case, on)
    if not items.strip():
        raise ValidationError({"items": "请写明需要补正的事项（条例第三十条：一次性告知）"})
    if any(e.kind == dl.CORRECTION_SENT for e in store.timeline(case_id)):
        raise ServiceError("补正告知应一次性告知（条例第三十条），本申请已发出过补正告知书")
    from app.services import settings as office

    days = period_days or office.load().correction_period
    note = _late_check(case_id, "correction_notice", on, "补正告知", accept_late)
    return _record(case_id, dl.CORRECTION_SENT, on, f"发出补正告知，补正期限{days}个工作日{note}",
                   {"items": items.strip(), "period_days": days}, CORRECTING)


@_step("receive_correction")
def receive_correction(case_id: int, on: dt.date) -> int:
    """收到补正: the answer limit counts afresh from this day (条例第三十条)."""
    case = _open_case(case_id)
    _check_day(case, on)
    sent = [e.happened_on for e in store.timeline(case_id) if e.kind == dl.CORRECTION_SENT]
    if not sent:
        raise ServiceError("尚未发出补正告知，不能登记收到补正")
    if on < sent[-1]:
        raise ValidationError({"on": f"收到补正日期不能早于发出补正告知的日期（{cn_date(sent[-1])}）"})
    return _record(case_id, dl.CORRECTION_RECEIVED, on, "收到补正后的申请，答复期限重新计算", {}, HANDLING)


@_step("correction_lapsed")
def correction_lapsed(case_id: int, on: dt.date) -> int:
    """申请人逾期未补正: treated as abandoned, outcome 6.1 (条例第三十条)."""
    case = _open_case(case_id)
    _check_day(case, on)
    limit = dl.case_limits(case_id, on).get("correction_period")
    if limit is None or limit.due is None:
        raise ServiceError("尚未发出补正告知，不能按逾期未补正办结")
    if on <= limit.due:
        raise ServiceError(f"补正期限至{cn_date(limit.due)}，期限届满后才能按逾期未补正办结")
    return _close_as_abandoned(case_id, dl.CORRECTION_LAPSED, on, "申请人逾期未补正，视为放弃申请", {}, "6.1")


def _close_as_abandoned(case_id: int, kind: str, on: dt.date, summary: str, data: dict, code: str) -> int:
    """The lapse event and the outcome (6.1 / 6.2) in one transaction: both or neither."""
    with atomic():
        event_id = store.add_event(case_id, kind, on, summary, data, audit.operator())
        audit.record("request", case_id, summary, {})
        register.record_outcome(case_id, code, on)
    return event_id


@_step("start_consultation")
def start_consultation(case_id: int, on: dt.date, party: str, party_kind: str = "third_party") -> int:
    """发起征求意见 (条例第三十二条 third party / 第三十四条 other agency): pauses the clock."""
    case = _open_case(case_id)
    _check_day(case, on)
    if not party.strip():
        raise ValidationError({"party": "请填写征求意见对象的名称"})
    if party_kind not in ("third_party", "agency"):
        raise ValidationError({"party_kind": "征求意见对象应为第三方或其他机关"})
    who = "第三方" if party_kind == "third_party" else "其他机关"
    return _record(case_id, dl.CONSULTATION_SENT, on, f"向{who}“{party.strip()}”发出征求意见书，期间不计入答复期限",
                   {"party": party.strip(), "party_kind": party_kind}, CONSULTING)


def open_consultations(case_id: int) -> list[dict]:
    """Consultations still waiting for an opinion: [{'id', 'party', 'on'}]."""
    events = store.timeline(case_id)
    closed = {int(e.data["ref"]) for e in events if e.kind == dl.CONSULTATION_REPLIED and e.data.get("ref")}
    return [{"id": e.id, "party": e.data.get("party", ""), "on": e.happened_on}
            for e in events if e.kind == dl.CONSULTATION_SENT and e.id not in closed]


@_step("receive_opinion")
def receive_opinion(case_id: int, consultation_id: int, on: dt.date, opinion: str = "") -> int:
    """收到意见 (or the 15 working days ran out): the clock resumes the next working day."""
    case = _open_case(case_id)
    _check_day(case, on)
    pending = {c["id"]: c for c in open_consultations(case_id)}
    if consultation_id not in pending:
        raise ServiceError("该征求意见已收到回复或不存在")
    if on < pending[consultation_id]["on"]:
        raise ValidationError({"on": "收到意见日期不能早于发出征求意见日期"})
    still_open = len(pending) > 1
    status = None if still_open else _resumed_status(case_id)
    return _record(case_id, dl.CONSULTATION_REPLIED, on,
                   f"收到“{pending[consultation_id]['party']}”的意见" + (f"：{opinion.strip()}" if opinion.strip() else ""),
                   {"ref": consultation_id, "opinion": opinion.strip()}, status)


def _resumed_status(case_id: int) -> str:
    return EXTENDED if any(e.kind == dl.EXTENDED for e in store.timeline(case_id)) else HANDLING


@_step("send_fee_notice")
def send_fee_notice(case_id: int, on: dt.date, amount: float, basis: str = "") -> int:
    """发出收费通知 (国办函〔2020〕109号): pauses the clock until paid; 20 working days to pay."""
    case = _open_case(case_id)
    _check_day(case, on)
    if amount <= 0:
        raise ValidationError({"amount": "收费金额应大于0"})
    return _record(case_id, dl.FEE_SENT, on, f"发出收费通知书，金额{amount:.2f}元，缴费期间不计入答复期限",
                   {"amount": amount, "basis": basis}, AWAITING_FEE)


def _pending_fee(case_id: int) -> int:
    events = store.timeline(case_id)
    closed = {int(e.data["ref"]) for e in events if e.kind in (dl.FEE_PAID, dl.FEE_LAPSED) and e.data.get("ref")}
    pending = [e.id for e in events if e.kind == dl.FEE_SENT and e.id not in closed]
    if not pending:
        raise ServiceError("没有待缴费的收费通知")
    return pending[-1]


@_step("fee_paid")
def fee_paid(case_id: int, on: dt.date) -> int:
    case = _open_case(case_id)
    _check_day(case, on)
    return _record(case_id, dl.FEE_PAID, on, "申请人已缴纳信息处理费，恢复计算答复期限",
                   {"ref": _pending_fee(case_id)}, _resumed_status(case_id))


@_step("fee_lapsed")
def fee_lapsed(case_id: int, on: dt.date) -> int:
    """逾期未缴费: treated as abandoned, outcome 6.2 (国办函〔2020〕109号)."""
    case = _open_case(case_id)
    _check_day(case, on)
    ref = _pending_fee(case_id)
    limit = next((l for l in dl.case_limits(case_id, on).all("fee_payment") if l.done_on is None), None)
    if limit is not None and limit.due is not None and on <= limit.due:
        raise ServiceError(f"缴费期限至{cn_date(limit.due)}，期限届满后才能按逾期未缴费办结")
    return _close_as_abandoned(case_id, dl.FEE_LAPSED, on, "申请人逾期未缴纳费用，不再处理", {"ref": ref}, "6.2")


@_step("extend")
def extend(case_id: int, on: dt.date, approved_by: str, accept_late: bool = False) -> int:
    """延期 (条例第三十三条第二款): approved, told before the first limit passes; +20 working days."""
    case = _open_case(case_id)
    _check_day(case, on)
    if any(e.kind == dl.EXTENDED for e in store.timeline(case_id)):
        raise ServiceError("本申请已经延期一次，延长期限最长不得超过20个工作日（条例第三十三条）")
    if not approved_by.strip():
        raise ValidationError({"approved_by": "延期须经政府信息公开工作机构负责人同意，请填写批准人"})
    note = _late_check(case_id, "answer", on, "延期答复告知", accept_late)
    return _record(case_id, dl.EXTENDED, on, f"经{approved_by.strip()}同意延期答复{note}",
                   {"approved_by": approved_by.strip()}, EXTENDED)


@_step("custom_due")
def set_custom_due(case_id: int, on: dt.date, due: dt.date, reason: str) -> int:
    """条例第三十五条: a reasonable later date fixed and told to the applicant."""
    case = _open_case(case_id)
    _check_day(case, on)
    if due <= on:
        raise ValidationError({"due": "另行确定的答复期限应晚于告知日期"})
    if not reason.strip():
        raise ValidationError({"reason": "请写明另行确定期限的理由（条例第三十五条）"})
    return _record(case_id, dl.CUSTOM_DUE, on, f"依条例第三十五条另行确定答复期限为{cn_date(due)}：{reason.strip()}",
                   {"due": due.isoformat(), "reason": reason.strip()}, None)


@_step("answer")
def answer(case_id: int, code: str, on: dt.date, accept_late: bool = False):
    """答复: record the outcome (docs/legal/outcomes.md). Late answers need confirming and are noted."""
    case = _open_case(case_id)
    _check_day(case, on)
    limit = dl.case_limits(case_id, on).answer
    if limit.due is not None and on > limit.due and not accept_late:
        raise LateAction(f"答复日期已晚于{limit.label}（{cn_date(limit.due)}）。{limit.explanation}。确定仍要记录吗？")
    return register.record_outcome(case_id, code, on)


# The township's own steps (本乡依申请公开办理工作流程, docs/legal/sources.md): done steps stop their internal limits.
INTERNAL_STEPS: dict[str, tuple[str, str, str | None]] = {
    "reviewed": (dl.REVIEWED, "审查完成：申请内容明确，无需补正", HANDLING),
    "draft_done": (dl.DRAFT_DONE, "拟答复意见已完成", None),
    "signed": (dl.SIGNED, "答复已送分管领导签发", None),
}


def complete_step(case_id: int, step: str, on: dt.date, note: str = "") -> int:
    """Record that an internal step (审查, 拟答复, 送签) was done, so its limit stops running."""
    case = _open_case(case_id)
    _check_day(case, on)
    if step not in INTERNAL_STEPS:
        raise ValidationError({"step": f"未知的办理环节：{step}"})
    kind, summary, status = INTERNAL_STEPS[step]
    if any(e.kind == kind for e in store.timeline(case_id)):
        raise ServiceError(f"本申请已登记过“{summary.split('：')[0]}”")
    _require_step(case, step)
    if status and case.status not in (REGISTERED, REVIEWING):
        status = None
    return _record(case_id, kind, on, summary + (f"（{note.strip()}）" if note.strip() else ""), {}, status)
