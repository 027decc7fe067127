"""The case actions that move the legal clock (docs/legal/requests.md, 法定期限), each recorded on the timeline.

An action done after its limit (a correction notice after the 7th working day, an extension
after the answer limit) is refused with LateAction unless the caller confirms with
``accept_late=True``; it is then recorded with a note that it was late. A correction received
after the 补正期限 needs more than a confirmation: the applicant's 正当理由 (条例第三十条), which
is recorded on the timeline (ReasonRequired).

Closing a case as abandoned (6.1, 6.2) follows the outcome rules of app.domain.outcomes, which
register.record_outcome applies on every path.
"""
from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Callable

from app.domain import case_flow
from app.domain import fees as fee_rules
from app.domain import outcomes
from app.domain.dates import cn_date
from app.domain.request import (AWAITING_FEE, CONCLUDED_STATUSES, CONSULTING, CORRECTING, EXTENDED, HANDLING,
                                REGISTERED, REVIEWING)
from app.services import deadlines as dl
from app.services import register
from app.services.errors import ServiceError, ValidationError
from app.store import audit, register as store
from app.store.db import atomic


# How a notice reaches its addressee (送达); the same words as the 送达回证.
DELIVERY_METHODS: tuple[str, ...] = ("直接送达", "邮寄送达", "电子送达", "留置送达", "委托送达")


class LateAction(ServiceError):
    """The action is past its limit; the user must confirm to record it anyway."""

    needs_reason = False


class ReasonRequired(LateAction):
    """The late step is only lawful with a reason the user must give (it goes on the timeline)."""

    needs_reason = True


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
        before = {"status": store.get(case_id).status}  # what 撤销上一步 puts back (register.undo_last_step)
        event_id = store.add_event(case_id, kind, on, summary, {**data, register.UNDO_KEY: before},
                                   audit.operator())
        if status:
            store.update(case_id, {"status": status})
        audit.record("request", case_id, summary, {"status": [None, status]} if status else {})
    dl.refresh_case(case_id)
    return event_id


def _calendar():
    from app.services.work_calendar import work_calendar

    return work_calendar()


@_step("send_correction")
def send_correction(case_id: int, on: dt.date, items: str, period_days: int | None = None,
                    accept_late: bool = False, due: dt.date | None = None) -> int:
    """发出补正告知 (条例第三十条): within 7 working days, once and for all, with a period. The
    补正期限 is ``due`` when the notice gave a date, else ``period_days`` working days after ``on``;
    the date is recorded, since the office is bound by the date it gave."""
    case = _open_case(case_id)
    _check_day(case, on)
    if not items.strip():
        raise ValidationError({"items": "请写明需要补正的事项（条例第三十条：一次性告知）"})
    if any(e.kind == dl.CORRECTION_SENT for e in store.timeline(case_id)):
        raise ServiceError("补正告知应一次性告知（条例第三十条），本申请已发出过补正告知书")
    from app.services import settings as office

    cal = _calendar()
    if due is not None:
        if due <= on:
            raise ValidationError({"due": "补正期限应晚于发出补正告知书的日期"})
        days = cal.working_days_between(on, due)
    else:
        days = period_days or office.load().correction_period
        due = cal.add_working_days(on, days)
    note = _late_check(case_id, "correction_notice", on, "补正告知", accept_late)
    return _record(case_id, dl.CORRECTION_SENT, on, f"发出补正告知，补正期限至{cn_date(due)}（{days}个工作日）{note}",
                   {"items": items.strip(), "period_days": days, "due": due.isoformat()}, CORRECTING)


@_step("receive_correction")
def receive_correction(case_id: int, on: dt.date, reason: str = "") -> int:
    """收到补正: the answer limit counts afresh from this day (条例第三十条).

    A correction received after the 补正期限 is, without 正当理由, an abandoned request
    (条例第三十条: 申请人无正当理由逾期不补正的，视为放弃申请). Accepting it therefore needs the
    reason, which is recorded on the timeline; without one ReasonRequired is raised."""
    case = _open_case(case_id)
    _check_day(case, on)
    sent = [e.happened_on for e in store.timeline(case_id) if e.kind == dl.CORRECTION_SENT]
    if not sent:
        raise ServiceError("尚未发出补正告知，不能登记收到补正")
    if on < sent[-1]:
        raise ValidationError({"on": f"收到补正日期不能早于发出补正告知的日期（{cn_date(sent[-1])}）"})
    period = dl.case_limits(case_id, on).get("correction_period")
    late = period is not None and period.due is not None and on > period.due
    if not late:
        return _record(case_id, dl.CORRECTION_RECEIVED, on, "收到补正后的申请，答复期限重新计算", {}, HANDLING)
    if not reason.strip():
        raise ReasonRequired(
            f"收到补正的日期（{cn_date(on)}）晚于补正期限（{cn_date(period.due)}）。条例第三十条：申请人无正当理由"
            "逾期不补正的，视为放弃申请。申请人有正当理由的，请填写理由后登记，答复期限自收到补正之日起重新计算；"
            "没有正当理由的，请按“申请人逾期未补正”办结。")
    return _record(case_id, dl.CORRECTION_RECEIVED, on,
                   f"收到补正后的申请（已超过补正期限{cn_date(period.due)}，正当理由：{reason.strip()}），答复期限重新计算",
                   {"late": True, "due": period.due.isoformat(), "reason": reason.strip()}, HANDLING)


def _refuse_outcome(case_id: int, code: str, on: dt.date) -> None:
    """The outcome rules of app.domain.outcomes (条例第三十条; 国办函〔2020〕109号), checked before
    anything is written (register.record_outcome checks them again in its transaction)."""
    register.check_outcome_allowed(case_id, code, on)


@_step("correction_lapsed")
def correction_lapsed(case_id: int, on: dt.date) -> int:
    """申请人逾期未补正: treated as abandoned, outcome 6.1 (条例第三十条)."""
    case = _open_case(case_id)
    _check_day(case, on)
    _refuse_outcome(case_id, outcomes.ABANDONED_UNCORRECTED, on)
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


def fee_terms(case_id: int, method: str, pages: int | None = None, amount: float | None = None,
              override_reason: str = "") -> dict:
    """The 信息处理费 of this request by the 109号 standard, and the amount charged: the computed one,
    or another the clerk set with a reason (e.g. a reduction asked for). Raises ValidationError."""
    from app.services import fees

    fee = fees.compute(case_id, method, pages)
    charged = fee.amount if amount is None else amount
    errors = {}
    if charged < 0:
        errors["收费金额"] = "收费金额不能为负数"
    elif charged != fee.amount and not override_reason.strip():
        errors["金额调整理由"] = (f"应缴金额{charged:g}元与按国办函〔2020〕109号标准计算的{fee.amount}元不同，"
                             "请填写调整理由（如申请人申请减免）")
    elif charged <= 0:
        errors["收费金额"] = (f"按国办函〔2020〕109号标准计算，本申请不收费（{fee.computation}），无需发出收费通知")
    if errors:
        raise ValidationError(errors)
    return {"amount": charged, "method": fee.method, "computed": fee.amount, "steps": list(fee.steps),
            "pages": pages, "override_reason": override_reason.strip() if charged != fee.amount else ""}


@_step("send_fee_notice")
def send_fee_notice(case_id: int, on: dt.date, amount: float | None = None, basis: str = "", *,
                    method: str | None = None, pages: int | None = None, override_reason: str = "") -> int:
    """发出收费通知 (条例第四十二条; 国办函〔2020〕109号): pauses the clock until paid; 20 working days to
    pay from the day after the applicant receives it. The amount is computed by the 109号 standard
    (``method``: 按件计收 or 按量计收, one only); another amount needs ``override_reason``."""
    case = _open_case(case_id)
    _check_day(case, on)
    method = method or (basis if basis in fee_rules.METHODS else fee_rules.BY_COUNT)
    terms = fee_terms(case_id, method, pages, amount, override_reason)
    note = f"（按标准计算{terms['computed']}元，调整理由：{terms['override_reason']}）" if terms["override_reason"] else ""
    return _record(case_id, dl.FEE_SENT, on,
                   f"发出收费通知书，{terms['method']}，金额{terms['amount']:.2f}元{note}，缴费期间不计入答复期限",
                   {**terms, "basis": basis or terms["method"]}, AWAITING_FEE)


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
    """逾期未缴费: treated as abandoned, outcome 6.2 (国办函〔2020〕109号): only once the applicant's 20
    working days from the day after receiving the notice have passed."""
    case = _open_case(case_id)
    _check_day(case, on)
    ref = _pending_fee(case_id)
    _refuse_outcome(case_id, outcomes.ABANDONED_UNPAID, on)
    return _close_as_abandoned(case_id, dl.FEE_LAPSED, on, "申请人逾期未缴纳费用，不再处理", {"ref": ref}, "6.2")


def pending_deliveries(case_id: int) -> list[dict]:
    """Notices whose period runs from the addressee's receipt and are still running: unpaid fee
    notices and unanswered consultations, [{'id', 'what', 'on', 'delivered_on'}]."""
    events = store.timeline(case_id)
    closed = {int(e.data["ref"]) for e in events
              if e.kind in (dl.FEE_PAID, dl.FEE_LAPSED, dl.CONSULTATION_REPLIED) and e.data.get("ref")}
    out = []
    for e in events:
        if e.id in closed:
            continue
        if e.kind == dl.FEE_SENT:
            what = "收费通知书"
        elif e.kind == dl.CONSULTATION_SENT:
            what = f"征求意见书（{e.data.get('party', '')}）"
        else:
            continue
        out.append({"id": e.id, "what": what, "on": e.happened_on, "delivered_on": dl.delivered_on(events, e.id)})
    return out


@_step("record_delivery")
def record_delivery(case_id: int, ref: int, on: dt.date, method: str, document_id: int | None = None) -> int:
    """送达: the day a fee notice or request for opinion reached its addressee (送达回证, the postal
    receipt; in person: the day handed over). The applicant's 20 working days to pay
    (国办函〔2020〕109号: 自收到收费通知之次日起) and the 15 working days for an opinion
    (条例第三十二条、第三十四条: 自收到征求意见书之日起) count from it."""
    case = _open_case(case_id)
    _check_day(case, on)
    if method not in DELIVERY_METHODS:
        raise ValidationError({"method": "送达方式应为：" + "、".join(DELIVERY_METHODS)})
    events = store.timeline(case_id)
    sent = next((e for e in events if e.id == ref and e.kind in (dl.FEE_SENT, dl.CONSULTATION_SENT)), None)
    if sent is None:
        raise ServiceError("找不到要登记送达的收费通知或征求意见")
    if on < sent.happened_on:
        raise ValidationError({"on": f"送达日期不能早于发出日期（{cn_date(sent.happened_on)}）"})
    what = "收费通知书" if sent.kind == dl.FEE_SENT else f"征求意见书（{sent.data.get('party', '')}）"
    period = "缴费期限自送达次日起20个工作日" if sent.kind == dl.FEE_SENT else "提出意见的期限自送达之日起15个工作日"
    from app.store import notices as documents

    with atomic():
        event_id = store.add_event(case_id, dl.DELIVERED, on, f"{what}已送达（{method}，{cn_date(on)}），{period}",
                                   {"ref": ref, "method": method, "document_id": document_id}, audit.operator())
        if document_id is not None:
            documents.set_delivery(document_id, on, method)
        audit.record("request", case_id, f"登记送达：{what}", {"delivered_on": [None, on.isoformat()],
                                                            "method": [None, method]})
    dl.refresh_case(case_id)
    return event_id


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
    """答复: record the outcome (docs/legal/outcomes.md). Late answers need confirming; an outcome the
    case's history does not allow (6.1, 6.2, 4.3: app.domain.outcomes) is refused."""
    case = _open_case(case_id)
    _check_day(case, on)
    _refuse_outcome(case_id, code, on)
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
