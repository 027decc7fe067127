"""行政复议 and 行政诉讼 about an answer (docs/legal/requests.md, 行政争议): records, limits, table 4."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain import clock
from app.domain.clock import Limit
from app.domain.dates import cn_date
from app.domain.disputes import (KIND_LABELS, KINDS, LITIGATION_AFTER, LITIGATION_DIRECT, RECONSIDERATION,  # noqa: F401
                                  RESULTS)
from app.services import register
from app.services.errors import NotFound, ValidationError
from app.store import audit, dispute as store, register as cases
from app.store.db import atomic

_CLOCK_KIND = {RECONSIDERATION: clock.RECONSIDERATION, LITIGATION_DIRECT: clock.LITIGATION, LITIGATION_AFTER: clock.LITIGATION}


@dataclass
class DisputeInfo:
    id: int
    case_id: int
    kind: str
    body: str
    copy_received_on: dt.date
    forwarded_on: dt.date | None
    evidence: str
    reply_filed_on: dt.date | None
    result: str | None
    decided_on: dt.date | None
    notes: str
    hearings: list[tuple[dt.date, str, str]] = field(default_factory=list)
    limits: tuple[Limit, ...] = ()

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def _limits(d: dict) -> tuple[Limit, ...]:
    from app.services.work_calendar import work_calendar

    limits = clock.dispute_limits(_CLOCK_KIND[d["kind"]], d["copy_received_on"], work_calendar(), d["forwarded_on"])
    if d["reply_filed_on"]:
        # The 答辩状 is filed with the evidence (行政诉讼法第六十七条): every limit of the copy is met.
        limits = tuple(l._replace(done_on=d["reply_filed_on"]) for l in limits)
    return limits


def _info(d: dict) -> DisputeInfo:
    return DisputeInfo(**d, limits=_limits(d))


def _get(dispute_id: int) -> dict:
    d = store.get(dispute_id)
    if d is None:
        raise NotFound(f"找不到编号为 {dispute_id} 的复议/诉讼记录")
    return d


def _check(kind: str, body: str, copy_received_on: dt.date | None, today: dt.date) -> None:
    errors = {}
    if kind not in KINDS:
        errors["kind"] = "请选择：行政复议、行政诉讼（未经复议直接起诉）或行政诉讼（复议后起诉）"
    if not body.strip():
        errors["body"] = "请填写复议机关或受理法院"
    if copy_received_on is None:
        errors["copy_received_on"] = "请填写收到复议申请书副本或起诉状副本的日期"
    elif copy_received_on > today:
        errors["copy_received_on"] = "收到副本日期不能晚于今天"
    if errors:
        raise ValidationError(errors)


def add(case_id: int, kind: str, body: str, copy_received_on: dt.date, forwarded_on: dt.date | None = None,
        notes: str = "", today: dt.date | None = None) -> DisputeInfo:
    """Record a 复议申请书副本 / 起诉状副本 received about a case; its limits follow (docs/legal/requests.md, 行政争议)."""
    case = register.get_case(case_id)
    _check(kind, body, copy_received_on, today or dt.date.today())
    if copy_received_on < case.received_on:
        raise ValidationError({"copy_received_on": "收到副本日期不能早于收到申请日期"})
    with atomic():
        dispute_id = store.create(request=case_id, kind=kind, body=body.strip(), copy_received_on=copy_received_on,
                                  forwarded_on=forwarded_on, notes=notes.strip())
        cases.add_event(case_id, "dispute", copy_received_on,
                        f"收到{KIND_LABELS[kind]}{'申请书' if kind == '行政复议' else '起诉状'}副本（{body.strip()}）",
                        {"dispute_id": dispute_id}, audit.operator())
        audit.record("dispute", dispute_id, "登记复议/诉讼", {"kind": [None, kind], "body": [None, body.strip()],
                                                         "copy_received_on": [None, copy_received_on]},
                     case_id=case_id)
    return get(dispute_id)


def get(dispute_id: int) -> DisputeInfo:
    return _info(_get(dispute_id))


def for_case(case_id: int) -> list[DisputeInfo]:
    return [_info(d) for d in store.for_case(case_id)]


def open_disputes() -> list[DisputeInfo]:
    """Undecided disputes with their limits, for the home page."""
    return [_info(d) for d in store.open_ones()]


def _change(dispute_id: int, action: str, summary: str, on: dt.date, **values) -> DisputeInfo:
    old = _get(dispute_id)
    changes = {k: [old[k], v] for k, v in values.items() if old[k] != v}
    with atomic():
        store.update(dispute_id, **values)
        cases.add_event(old["case_id"], "dispute", on, summary, {"dispute_id": dispute_id}, audit.operator())
        audit.record("dispute", dispute_id, action, changes, case_id=old["case_id"])
    return get(dispute_id)


def record_reply(dispute_id: int, filed_on: dt.date, evidence: str = "") -> DisputeInfo:
    """答辩状 and evidence filed (行政复议法第四十八条 / 行政诉讼法第六十七条)."""
    d = _get(dispute_id)
    if filed_on < d["copy_received_on"]:
        raise ValidationError({"filed_on": "提交答辩日期不能早于收到副本日期"})
    return _change(dispute_id, "提交答辩", f"提交答辩状及证据（{cn_date(filed_on)}）", filed_on,
                   reply_filed_on=filed_on, evidence=evidence.strip() or d["evidence"])


def add_hearing(dispute_id: int, held_on: dt.date, place: str = "", note: str = "") -> DisputeInfo:
    d = _get(dispute_id)
    with atomic():
        store.add_hearing(dispute_id, held_on, place.strip(), note.strip())
        cases.add_event(d["case_id"], "dispute", held_on, f"{KIND_LABELS[d['kind']]}开庭/听证：{place.strip()}",
                        {"dispute_id": dispute_id}, audit.operator())
        audit.record("dispute", dispute_id, "开庭/听证", {"hearing": [None, f"{held_on} {place.strip()}"]},
                     case_id=d["case_id"])
    return get(dispute_id)


def record_result(dispute_id: int, result: str | None, decided_on: dt.date | None) -> DisputeInfo:
    """维持 / 纠正 / 其他结果 (table 4); None reopens it as 尚未审结."""
    d = _get(dispute_id)
    if result is not None and result not in RESULTS:
        raise ValidationError({"result": "结果应为维持、纠正或其他结果"})
    if result is not None and decided_on is None:
        raise ValidationError({"decided_on": "请填写审结日期"})
    if decided_on is not None and decided_on < d["copy_received_on"]:
        raise ValidationError({"decided_on": "审结日期不能早于收到副本日期"})
    text = f"{KIND_LABELS[d['kind']]}审结：{result}" if result else f"{KIND_LABELS[d['kind']]}改为尚未审结"
    return _change(dispute_id, "审结结果", text, decided_on or dt.date.today(), result=result,
                   decided_on=decided_on if result else None)
