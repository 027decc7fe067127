"""Registering requests, editing them, and the register list (docs/legal/requests.md, 办理流程, 登记内容)."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, fields

from app.domain import outcomes
from app.domain.dates import check_plausible
from app.domain.request import (
    CONCLUDED_STATUSES, FIELD_LABELS, HANDLING, REGISTERED, concluded_status, Case, CaseQuery, CaseRow, RequestData, TimelineEntry, clean_text_fields,
    legal_received_on, mask_id, search_text,
)
from app.domain.dates import or_today
from app.domain.settings import format_case_no
from app.domain.validation import validate_request
from app.services import settings as office
from app.services.errors import NotFound, ServiceError, ValidationError, YearLocked
from app.services.review import ensure_release_approved
from app.store import audit, register as store, sequences
from app.store.db import atomic, retried
from app.store.ledger import year_lock

CASE_SEQUENCE = "case"
UNDO_KEY = "before"  # in a step's timeline data: the case's fields as they were, for 撤销上一步
UNDONE = "undone"  # the timeline entry that says a step was taken back


class OutcomeRefused(ServiceError):
    """The case's history does not allow this outcome (app.domain.outcomes.outcome_refusal)."""
_DATA_FIELDS = [f.name for f in fields(RequestData)]


def _received_on(data: RequestData) -> dt.date:
    received = legal_received_on(data.channel, data.arrived_on, data.confirmed_on).date
    if received is None:
        raise ValidationError({"confirmed_on": "无法确定收到申请日期：请填写确认/签收日期（条例第三十一条）"})
    return received


def ensure_year_open(year: int) -> None:
    """A year archived and locked is read-only (docs/legal/archive.md)."""
    if year_lock(year) is not None:
        raise YearLocked(f"{year}年度已归档锁定，案件为只读。如需修改，请先在“归档”页面解除锁定并说明理由。")


def registration_blocked(year: int) -> str | None:
    """Why no request received in `year` can be registered now (the year is archived and locked),
    told before the clerk fills the form; None when it can."""
    try:
        ensure_year_open(year)
    except YearLocked:
        return (f"{year}年度已归档锁定，收到日期在{year}年的申请现在无法登记。"
                "如需登记，请先在“台账与归档”页解除锁定并说明理由。")
    return None


def ensure_case_open(case: Case) -> None:
    """A case in an archived year's package is read-only: one concluded in a locked year
    (docs/legal/archive.md). A case received in a locked year but still open was carried over and stays
    editable until it is concluded and archived with the year it is concluded in."""
    if case.answered_on is not None and case.status in CONCLUDED_STATUSES:
        ensure_year_open(case.answered_on.year)


def same_id_other_names(id_number: str, name: str, case_id: int | None = None) -> list[tuple[str, str]]:
    """(登记编号, name) of earlier requests with this ID number under another name: one person's ID
    under two names is a typing slip or a borrowed ID, which the clerk should check before saving."""
    number, name = (id_number or "").strip().upper(), (name or "").strip()
    if not number:
        return []
    return [(no, other) for cid, no, other in store.holders_of_id(number) if cid != case_id and other != name]


def locked_reason(case: Case) -> str | None:
    """Why the case is read-only (its year archived and locked), or None when it may be edited."""
    try:
        ensure_case_open(case)
    except YearLocked as exc:
        return str(exc)
    return None


@retried
def register(data: RequestData, today: dt.date | None = None) -> Case:
    """Validate and save a new request whole, allocating its 登记编号 in the same transaction."""
    data = clean_text_fields(data)
    errors = validate_request(data, today)
    if errors:
        raise ValidationError(errors)
    received = _received_on(data)
    ensure_year_open(received.year)
    fmt = office.load().case_no_format
    with atomic():
        seq = sequences.next_value(CASE_SEQUENCE, received.year)
        case_no = format_case_no(fmt, received.year, seq)
        case_id = store.insert(case_no, received.year, seq, data, received, search_text(case_no, data))
        rule = legal_received_on(data.channel, data.arrived_on, data.confirmed_on).rule
        store.add_event(case_id, "registered", received, f"登记申请，编号{case_no}；{rule}",
                        {"case_no": case_no}, audit.operator())
        audit.record("request", case_id, REGISTERED, {"case_no": [None, case_no], "name": [None, data.name]})
    _after_change(case_id)
    return get_case(case_id)


def _display(name: str, value: object) -> object:
    if name == "id_number":
        return mask_id(str(value or ""))
    if name == "fee_reduction":
        return "是" if value else "否"
    return value if value not in (None, "") else "（空）"


def update(case_id: int, data: RequestData, today: dt.date | None = None) -> Case:
    """Save edits to a request's registration fields; the timeline says what changed."""
    case = get_case(case_id)
    ensure_case_open(case)
    data = clean_text_fields(data)
    errors = validate_request(data, today)
    if errors:
        raise ValidationError(errors)
    received = _received_on(data)
    old = {n: getattr(case, n) for n in _DATA_FIELDS} | {"received_on": case.received_on}
    new = {n: getattr(data, n) for n in _DATA_FIELDS} | {"received_on": received}
    changed = {n: [old[n], new[n]] for n in new if old[n] != new[n]}
    if not changed:
        return case
    summary = "；".join(f"{FIELD_LABELS.get(n, n)}：{_display(n, a)} → {_display(n, b)}"
                       for n, (a, b) in changed.items())
    with atomic():
        store.update(case_id, {**new, "search_text": search_text(case.case_no, data)})
        store.add_event(case_id, "edited", dt.date.today(), "修改登记信息：" + summary,
                        {"changes": changed}, audit.operator())
        audit.record("request", case_id, "修改", changed)
    _after_change(case_id)
    return get_case(case_id)


def record_outcome(case_id: int, code: str | None, answered_on: dt.date | None) -> Case:
    """Set (or clear) the outcome code and its answer date (docs/legal/outcomes.md)."""
    case = get_case(case_id)
    ensure_release_approved(case_id, code)  # 先审查、后公开: outcomes 1, 1a, 2 need an approved review
    ensure_case_open(case)
    if answered_on is not None:
        ensure_year_open(answered_on.year)
    errors = {}
    if code is not None and code not in outcomes.BY_CODE:
        errors["outcome"] = f"未知的办理结果代码：{code}"
    if code is not None and answered_on is None:
        errors["answered_on"] = "请填写答复（办结）日期"
    if answered_on and case.received_on and answered_on < case.received_on:
        errors["answered_on"] = "答复日期不能早于收到申请日期"
    if answered_on and answered_on > dt.date.today():
        errors["answered_on"] = "答复日期不能晚于今天"
    elif answered_on and (problem := check_plausible(answered_on)):
        errors["answered_on"] = f"答复{problem}"
    if errors:
        raise ValidationError(errors)
    if code is not None:
        check_outcome_allowed(case_id, code, answered_on)
    status = case.status
    if code is None:
        status = HANDLING if case.status in CONCLUDED_STATUSES else case.status
    else:
        status = concluded_status(code)
    values = {"outcome": code, "answered_on": answered_on if code else None, "status": status}
    changed = {k: [getattr(case, k), v] for k, v in values.items() if getattr(case, k) != v}
    if not changed:
        return case
    label = outcomes.full_label(code) if code else "（清除）"
    with atomic():
        store.update(case_id, values)
        before = {"outcome": case.outcome, "answered_on": case.answered_on, "status": case.status}
        store.add_event(case_id, "outcome", answered_on or dt.date.today(), f"办理结果：{label}",
                        {"outcome": code, UNDO_KEY: before}, audit.operator())
        audit.record("request", case_id, "办理结果", changed)
    _after_change(case_id)
    return get_case(case_id)


def check_outcome_allowed(case_id: int, code: str, on: dt.date) -> None:
    """Outcome preconditions (条例第三十条; 国办函〔2020〕109号), the same on every path that records
    an outcome: the 答复 action, the 记录办理结果 button, the lapse actions, scripts."""
    from app.services import deadlines

    refusal = outcomes.outcome_refusal(code, on, deadlines.limits_before_answer(case_id, on))
    if refusal:
        raise OutcomeRefused(refusal)


def _after_change(case_id: int) -> None:
    """Hook for derived state (the cached nearest limit); see services.deadlines."""
    from app.services import deadlines

    deadlines.refresh_case(case_id)


def get_case(case_id: int) -> Case:
    case = store.get(case_id)
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的申请")
    return case


def case_exists(case_id: int) -> bool:
    return store.get(case_id) is not None


def case_numbers(case_ids: list[int]) -> dict[int, str]:
    """登记编号 of many cases at once (case id → number), in one query per 500."""
    return {row.id: row.case_no for row in store.rows_by_ids(list(case_ids))}


def find_case(case_no: str) -> Case:
    case = store.get_by_no(case_no)
    if case is None:
        raise NotFound(f"找不到登记编号为“{case_no}”的申请")
    return case


def timeline(case_id: int) -> list[TimelineEntry]:
    return store.timeline(case_id)


def list_rows(query: CaseQuery, offset: int = 0, limit: int = 200) -> list[CaseRow]:
    return store.rows(query, offset, limit)


def due_unconfirmed_years(row: CaseRow) -> tuple[int, ...]:
    """Years whose holiday schedule is not confirmed that the row's cached limit was counted
    through (docs/legal/requests.md, 未确认: such a date is never shown as if certain)."""
    if row.due_on is None or row.received_on is None:
        return ()
    from app.services.work_calendar import work_calendar

    return work_calendar().unconfirmed_years_after(row.received_on, row.due_on)


def search(query: CaseQuery, limit: int = 200, at_most: int | None = None) -> tuple[list[CaseRow], int]:
    """The first `limit` lines of the register list and how many the query finds (counting stops at
    `at_most`: the register shows "1000+" until asked), from one reading of the search index."""
    return store.search_page(query, limit, at_most)


def count(query: CaseQuery, at_most: int | None = None) -> int:
    """How many cases the query finds; with `at_most`, counting stops there."""
    return store.count(query, at_most)


def years() -> list[int]:
    return store.years()


def as_data(case: Case) -> RequestData:
    """The editable part of a case, for the form."""
    return RequestData(**{n: v for n, v in asdict(case).items() if n in _DATA_FIELDS})


# ---------------------------------------------------------------- 撤销上一步


def last_step(case_id: int) -> TimelineEntry | None:
    """The case's last timeline entry if it can be taken back (a clock step or the outcome, recorded
    with what it changed), else None."""
    entries = store.timeline(case_id)
    last = entries[-1] if entries else None
    return last if last is not None and UNDO_KEY in last.data else None


def undo_last_step(case_id: int, today: dt.date | None = None) -> Case:
    """Take back the case's last recorded step: its timeline entry goes, the case's status (and
    outcome) are as before it, and both the step and its undoing stay in the audit trail and the
    timeline says so. An issued notice is never taken back: its 文号 is used (docs/legal/notices.md)."""
    case = get_case(case_id)
    ensure_case_open(case)
    entries = store.timeline(case_id)
    last = entries[-1] if entries else None
    if last is None or last.kind == "registered":
        raise ServiceError("本案除登记外还没有办理步骤，没有可撤销的操作")
    if UNDO_KEY not in last.data:
        why = ("已出具的文书已编文号、可能已送达申请人，不能撤销（文号不得空号）；如有错误，请重新出具"
               if last.kind == "notice" else "请直接修改或重新记录")
        raise ServiceError(f"最后一步“{last.summary}”不能撤销：{why}。")
    before = {k: (dt.date.fromisoformat(v) if k == "answered_on" and v else v) for k, v in last.data[UNDO_KEY].items()}
    changed = {k: [getattr(case, k), v] for k, v in before.items() if getattr(case, k) != v}
    with atomic():
        store.delete_event(last.id)
        store.update(case_id, before)
        store.add_event(case_id, UNDONE, or_today(today), f"撤销上一步：{last.summary}",
                        {"event": {"kind": last.kind, "on": last.happened_on.isoformat(), "summary": last.summary}},
                        audit.operator())
        audit.record("request", case_id, "撤销上一步", {"undone": [last.summary, None], **changed})
    _after_change(case_id)
    return get_case(case_id)
