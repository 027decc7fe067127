"""Producing notices: drafts, issuing with a 文号, the case's documents, open / print / PDF.

Every notice is a docxtpl render of the kind's template (services.templates) with a context
built here from the office settings, the case, the dates the legal clock computes (never typed)
and the extra inputs the clerk typed (declared per kind in app.domain.notices).

Issuing (``issue``) is one transaction: the 文号 is taken from the kind's yearly sequence, the
file is rendered, the Document row and the timeline event are written, and the clock action the
notice stands for (补正, 延期, 征求意见, 收费; services.actions) is recorded. The file is rendered
to a temporary name beside the case folders and renamed into its case folder only once all of that
has committed, so a broken template leaves no file and burns no number (docs/legal/notices.md,
Numbering: never skipped), and a file in a case folder always has its row (finish_interrupted_issues).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import oserrors, paths
from app.domain import notices as nd
from app.domain import outcomes
from app.domain.clock import PAUSE_TERMS, CONSULTATION_THIRD_PARTY, FEE
from app.domain.dates import check_plausible
from app.domain.request import CONCLUDED_STATUSES, ORGANISATION, Case
from app.domain.settings import OfficeSettings, format_doc_no
from app.services import files, register, templates
from app.services import settings as office
from app.services.errors import NotFound, ServiceError, ValidationError
from app.store import audit, sequences
from app.store import files as kept
from app.store import notices as store
from app.store import register as cases
from app.store.db import atomic, retried

DRAFT_SEQ = "××"  # a draft shows where the number will go, and that it has none yet
APPLICANT_CONSULTATION_NOTICE = "征求意见告知书（申请人）"


@dataclass(frozen=True)
class IssuedDocument:
    id: int
    case_id: int | None
    kind: str
    doc_no: str | None
    issued_on: dt.date
    path: Path
    earlier: tuple[Path, ...] = ()  # earlier files of the same kind on this case, kept as they were
    message: str = ""               # what happened, in Chinese, for the status bar


@dataclass(frozen=True)
class DocumentRow:
    id: int
    kind: str
    doc_no: str | None
    issued_on: dt.date | None
    path: Path
    exists: bool
    operator: str


# ------------------------------------------------------------------- kinds


def kinds() -> tuple[nd.NoticeKind, ...]:
    """Every notice kind, in the order of the workflow."""
    return nd.KINDS


def kinds_for_case(case_id: int) -> list[nd.NoticeKind]:
    """The kinds that fit the case now, most likely first (docs/legal/requests.md, 办理流程): the receipt while
    registered, the clock notices while open, the answer notice of its outcome, then delivery."""
    case = register.get_case(case_id)
    issued = {d.kind for d in store.for_case(case_id)}
    events = {e.kind for e in cases.timeline(case_id)}
    out: list[str] = []
    open_ = case.status not in CONCLUDED_STATUSES
    if open_ and "申请接收回执" not in issued:
        out.append("申请接收回执")
    if case.outcome:
        out += [k.name for k in nd.answer_kinds(case.outcome)]
    if open_:
        if "correction_sent" not in events:
            out.append("补正告知书")
        if "extended" not in events:
            out.append("延期答复告知书")
        out += ["征求意见书（第三方）", "征求意见书（共同制作机关）", "征求意见告知书（申请人）", "收费通知书",
                "政府信息公开审查呈批单"]
    if any(nd.is_answer(name) for name in issued) or case.outcome:
        out.append("送达回证")
    out.append("政府信息公开申请表")
    return [nd.kind(name) for name in dict.fromkeys(out)]


def placeholder_reference() -> list[nd.Placeholder]:
    """Every placeholder with what it is and an example value (the program's reference page)."""
    return nd.placeholder_catalogue()


def _kind(name: str) -> nd.NoticeKind:
    try:
        return nd.kind(name)
    except KeyError:
        raise ValidationError({"kind": f"未知的文书种类：{name}"}) from None


# ------------------------------------------------------------------- the dates (the clock)


def _calendar():
    from app.services.work_calendar import work_calendar

    return work_calendar()


@dataclass(frozen=True)
class _Date:
    day: dt.date | None
    unconfirmed: tuple[int, ...] = ()


class UnconfirmedDates(ServiceError):
    """A date the notice prints rests on a year whose holiday schedule is not confirmed; issuing it
    needs the clerk's confirmation (``accept_unconfirmed``), which is recorded."""

    def __init__(self, message: str, years: tuple[int, ...]):
        super().__init__(message)
        self.years = years


class TermsChanged(ServiceError):
    """A re-issued notice says something else than the office already told (other items, a later
    date, another amount): a deliberate act that needs a reason (``change_reason``), recorded."""

    def __init__(self, message: str, changes: dict[str, tuple[str, str]]):
        super().__init__(message)
        self.changes = changes


def _handed_over_today(extra: dict | None) -> bool:
    return str((extra or {}).get("送达安排") or "") == nd.HANDED_OVER_TODAY


def _given_correction_due(extra: dict | None, on_date: dt.date) -> dt.date | None:
    """The 补正期限 the clerk typed (另定补正期限), None when left empty."""
    from app.domain.dates import parse_date

    text = str((extra or {}).get("另定补正期限") or "").strip()
    if not text:
        return None
    day = parse_date(text)
    if day is None:
        raise ValidationError({"另定补正期限": f"补正期限应为日期，例如 {on_date.year}-12-20：{text}"})
    if day <= on_date:
        raise ValidationError({"另定补正期限": "补正期限应晚于签发日期"})
    return day


def clock_dates(case: Case, on_date: dt.date, cfg: OfficeSettings, extra: dict | None = None,
                kind_name: str = "") -> dict[str, _Date]:
    """The limits a notice prints, all from the clock (never typed):

    * 答复期限 and 延期后答复期限 from the case's timeline (services.deadlines);
    * 补正期限 (条例第三十条): once a 补正告知书 went out, the date the office gave (it is bound by it);
      otherwise the office's period after the day of issue, or the date the clerk set;
    * 征求意见期限 (条例第三十二条、第三十四条: 自收到之日起15个工作日) and 缴费期限 (国办函〔2020〕109号:
      自收到之次日起20个工作日) run from the addressee's receipt: a date only when the notice is
      handed over on the day of issue, else empty (the notice then says "自收到之日起…" without a
      date it cannot guarantee). The applicant's 征求意见告知书 prints the consultation's date once
      its delivery is recorded."""
    from app.domain.clock import compute_limits
    from app.services import deadlines

    cal = _calendar()
    events = cases.timeline(case.id)
    inp = deadlines.clock_input(case, events, cfg)
    result = compute_limits(inp, cal, on_date)
    answer = result.get("answer")
    extended = compute_limits(_with_extension(inp, on_date), cal, on_date).get("extended")

    def counted(start: dt.date, days: int) -> _Date:
        due = cal.add_working_days(start, days)
        return _Date(due, cal.unconfirmed_years_after(start, due))

    def given(due: dt.date) -> _Date:
        return _Date(due, cal.unconfirmed_years_after(on_date, due))

    period = result.get("correction_period")
    typed = _given_correction_due(extra, on_date)
    if typed is not None:
        correction = given(typed)
    elif period is not None and period.due is not None:
        correction = _Date(period.due, period.unconfirmed_years)
    else:
        correction = counted(on_date, cfg.correction_period)
    today = _handed_over_today(extra)
    consultation = counted(on_date, PAUSE_TERMS[CONSULTATION_THIRD_PARTY]) if today else _Date(None)
    if kind_name == APPLICANT_CONSULTATION_NOTICE:  # the consultation's period, once its delivery is known
        open_replies = [l for l in result.all("consultation_reply") if l.done_on is None and l.due is not None]
        if open_replies:
            consultation = _Date(open_replies[-1].due, open_replies[-1].unconfirmed_years)
    return {
        "答复期限": _Date(answer.due, answer.unconfirmed_years) if answer else _Date(None),
        "延期后答复期限": _Date(extended.due, extended.unconfirmed_years) if extended else _Date(None),
        "补正期限": correction,
        "征求意见期限": consultation,
        "缴费期限": counted(on_date, PAUSE_TERMS[FEE]) if today else _Date(None),
    }


def _with_extension(inp, on_date: dt.date):
    from dataclasses import replace

    return inp if inp.extended else replace(inp, extended=on_date)


# ------------------------------------------------------------------- the context


def defaults(kind_name: str, case_id: int | None) -> dict[str, object]:
    """Initial values of the kind's extra inputs for the GUI form (declared defaults, then what the
    case already says: the outcome's reason, the last answer for 送达回证, the approving leader)."""
    k = _kind(kind_name)
    cfg = office.load()
    values: dict[str, object] = {e.name: e.default for e in k.extras}
    case = register.get_case(case_id) if case_id is not None else None
    if case is None:
        return values
    if case.outcome in nd.REFUSAL_REASONS and "不予公开情形" in values:
        values["不予公开情形"] = nd.REFUSAL_REASONS[case.outcome][0]
    if "批准人" in values:
        values["批准人"] = cfg.leader
    if "拟办理结果" in values and case.outcome:
        values["拟办理结果"] = outcomes.full_label(case.outcome)
    if k.name == "送达回证":
        values.update(_delivery_defaults(case))
    if k.name == "征求意见告知书（申请人）":
        values["被征求意见方"] = "相关第三方"
    if k.action in (nd.ACTION_CORRECTION, nd.ACTION_FEE):
        told = _told(k, cases.timeline(case.id), case, cfg, None)
        if told is not None:  # a re-issue starts from what the office already told
            _, terms = told
            if k.action == nd.ACTION_CORRECTION:
                values["补正事项"] = "\n".join(terms["items"])
            else:
                values.update({"收费方式": terms["method"], "页数": "" if terms.get("pages") is None else str(terms["pages"]),
                               "收费金额": f"{terms['amount']:g}" if terms.get("override_reason") else "",
                               "金额调整理由": terms.get("override_reason") or ""})
    return values


# ------------------------------------------------------------------- what the office already told
# A 补正告知书, 收费通知书 or 征求意见书 issued again must say what the office already told, or the
# change is a deliberate act with a reason (条例第三十条: 一次性告知; the office is bound by the
# last date it gave). The terms compared per kind:

_TERM_LABELS = {"items": "补正事项", "due": "补正期限", "method": "计收方式", "amount": "应缴金额",
                "matter": "征求意见事项"}


def _pending_fee_event(events):
    closed = {int(e.data["ref"]) for e in events if e.kind in ("fee_paid", "fee_lapsed") and e.data.get("ref")}
    pending = [e for e in events if e.kind == "fee_sent" and e.id not in closed]
    return pending[-1] if pending else None


def _action_event(k: nd.NoticeKind, events, party: str | None):
    """The clock event this notice tells the addressee about, if it was recorded already."""
    if k.action == nd.ACTION_CORRECTION:
        return next((e for e in reversed(events) if e.kind == "correction_sent"), None)
    if k.action == nd.ACTION_FEE:
        return _pending_fee_event(events)
    if k.action in (nd.ACTION_THIRD_PARTY, nd.ACTION_AGENCY):
        replied = {int(e.data["ref"]) for e in events if e.kind == "consultation_replied" and e.data.get("ref")}
        return next((e for e in reversed(events) if e.kind == "consultation_sent" and e.id not in replied
                     and e.data.get("party") == party), None)
    return None


def _told(k: nd.NoticeKind, events, case: Case, cfg: OfficeSettings, party: str | None):
    """(event id, terms) of what the office last told about this notice's clock event, or None when
    nothing was told yet: the latest changed terms, the latest notice's terms, or the event's own."""
    from app.services import deadlines

    event = _action_event(k, events, party)
    if event is None:
        return None
    for e in reversed(events):
        if int(e.data.get("ref") or 0) != event.id:
            continue
        if e.kind == deadlines.TERMS_CHANGED or (e.kind == nd.EVENT_KIND and e.data.get("terms")):
            return event.id, dict(e.data["terms"])
    data = event.data
    if k.action == nd.ACTION_CORRECTION:
        due = deadlines.correction_due(events) or _calendar().add_working_days(
            event.happened_on, int(data.get("period_days") or cfg.correction_period))
        return event.id, {"items": nd.lines(data.get("items", "")), "due": due.isoformat()}
    if k.action == nd.ACTION_FEE:
        return event.id, {"method": data.get("method") or data.get("basis") or "按件计收",
                          "amount": float(data.get("amount") or 0), "pages": data.get("pages"),
                          "override_reason": data.get("override_reason", "")}
    return event.id, {}


def _terms(k: nd.NoticeKind, built: _Built) -> dict:
    """What this notice tells, in the form _told keeps."""
    if k.action == nd.ACTION_CORRECTION:
        return {"items": list(built.context["补正事项"]), "due": built.dates["补正期限"].day.isoformat()}  # type: ignore
    if k.action == nd.ACTION_FEE and built.fee is not None:
        return {"method": built.fee["method"], "amount": float(built.fee["amount"]), "pages": built.fee["pages"],
                "override_reason": built.fee["override_reason"]}
    if k.action == nd.ACTION_THIRD_PARTY:
        return {"matter": built.context["征求意见事项"]}
    return {}


def _shown(key: str, value: object) -> str:
    if key == "due":
        return nd.chinese_date(dt.date.fromisoformat(str(value)))
    if key == "items":
        return "；".join(value) if isinstance(value, list) else str(value)
    if key == "amount":
        return f"{float(value):g}元"  # type: ignore[arg-type]
    return str(value)


def _changes(old: dict, new: dict) -> dict[str, tuple[str, str]]:
    """Label → (what was told, what this notice tells), for the terms that differ."""
    out = {}
    for key, label in _TERM_LABELS.items():
        if key in old and key in new and old[key] != new[key]:
            out[label] = (_shown(key, old[key]), _shown(key, new[key]))
    return out


_DELIVERY_METHOD = {"邮寄": "邮寄送达", "电子邮件": "电子送达", "传真": "电子送达", "自行领取": "直接送达",
                    "当场阅读抄录": "直接送达"}


def _delivery_defaults(case: Case) -> dict[str, object]:
    docs = [d for d in store.for_case(case.id) if d.kind != "送达回证" and d.doc_no]
    last = docs[-1] if docs else None
    return {
        "送达文书名称": nd.title_of(last.kind) if last else "",
        "送达文书文号": last.doc_no if last else "",
        "送达方式": _DELIVERY_METHOD.get(case.delivery_method, "直接送达"),
        "送达地点": case.address,
    }


def _clean(value: object, multiline: bool) -> object:
    """Trim what the clerk typed; the template adds the closing punctuation itself."""
    if multiline:
        return nd.lines(value)
    return str(value or "").strip().rstrip("。；;，,")


def _extras(k: nd.NoticeKind, case_id: int | None, extra: dict | None) -> dict[str, object]:
    values = defaults(k.name, case_id)
    values.update({key: v for key, v in (extra or {}).items() if v is not None})
    errors = nd.check_extras(k, values)
    if errors:
        raise ValidationError(errors)
    return {e.name: _clean(values.get(e.name, ""), e.kind == "multiline") for e in k.extras}


def _office_context(cfg: OfficeSettings, on_date: dt.date) -> dict[str, str]:
    return {
        "机关名称": cfg.office_name, "机关简称": cfg.short_name, "公开工作机构": cfg.disclosure_unit,
        "机关地址": cfg.address, "机关邮编": cfg.postcode, "机关电话": cfg.phone, "经办人": cfg.handler,
        "分管领导": cfg.leader, "复议机关": cfg.reconsideration_body, "人民法院": cfg.court,
        "成文日期": nd.chinese_date(on_date),
    }


def _case_context(case: Case) -> dict[str, str]:
    org = case.applicant_type == ORGANISATION
    return {
        "登记编号": case.case_no, "申请人": case.name, "申请人类型": "法人或其他组织" if org else "自然人",
        "称谓": "贵单位" if org else "您", "证件类型": case.id_type, "证件号码": case.id_number,
        "法定代表人": case.legal_rep, "联系人": case.contact_person, "申请人电话": case.phone,
        "申请人地址": case.address, "申请人邮编": case.postcode, "申请人邮箱": case.email,
        "信息名称": case.info_name, "信息文号": case.info_doc_no, "信息描述": case.info_description,
        "申请内容": (case.info_name or case.info_description or "").strip().rstrip("。"),
        "提供形式": case.form_wanted, "获取方式": case.delivery_method, "申请方式": case.channel,
        "承办科室": case.department, "申请减免费用": "是" if case.fee_reduction else "否",
        "到达日期": nd.chinese_date(case.arrived_on), "收到申请日期": nd.chinese_date(case.received_on),
        "收到申请年份": str(case.received_on.year) if case.received_on else "",
        "办理结果": outcomes.full_label(case.outcome) if case.outcome else "",
        "法律依据": _basis(case.outcome),
    }


def _basis(code: str | None) -> str:
    if not code or not outcomes.outcome(code).basis.startswith("条例"):
        return outcomes.outcome(code).basis if code else ""
    return "《中华人民共和国政府信息公开条例》" + outcomes.outcome(code).basis[2:]


@dataclass
class _Built:
    """A notice's context and what issuing it needs besides (the dates as dates, the fee's terms)."""

    context: dict[str, object]
    dates: dict[str, _Date]
    fee: dict | None = None


def build_context(kind_name: str, case_id: int | None, extra: dict | None, on_date: dt.date,
                  doc_no: str | None) -> dict[str, object]:
    """Every placeholder of the kind with its value. Raises ValidationError for missing inputs and
    ServiceError when a date the notice needs cannot be computed (clock stopped)."""
    return _build(kind_name, case_id, extra, on_date, doc_no).context


def _build(kind_name: str, case_id: int | None, extra: dict | None, on_date: dt.date,
           doc_no: str | None) -> _Built:
    k = _kind(kind_name)
    cfg = office.load()
    context: dict[str, object] = {name: "" for name in k.placeholders}
    context.update(_office_context(cfg, on_date))
    if not k.needs_case:
        return _Built(context, {})
    if case_id is None:
        raise ValidationError({"case": f"“{k.name}”需要选择一件申请"})
    case = register.get_case(case_id)
    context.update(_case_context(case))
    extras = _extras(k, case_id, extra)
    context.update(extras)
    context["文号"] = doc_no or _draft_no(k, cfg, on_date)
    dates = clock_dates(case, on_date, cfg, {**defaults(k.name, case_id), **(extra or {})}, k.name)
    for name in k.dates:
        day = dates[name].day
        if day is None and name in nd.RECEIPT_DATES:
            context[name] = ""  # counted from a receipt not yet known: the notice prints no date
            continue
        if day is None:
            raise ServiceError(f"{name}暂停计算中（等待补正、征求意见或缴费），现在无法确定，暂不能制作“{k.name}”")
        context[name] = nd.chinese_date(day) + (nd.UNCONFIRMED_MARK if dates[name].unconfirmed else "")
    if k.action == nd.ACTION_CORRECTION:
        told = _told(k, cases.timeline(case.id), case, cfg, None)
        if told is not None and dates["补正期限"].day < dt.date.fromisoformat(told[1]["due"]):
            raise ValidationError({"另定补正期限": "补正期限不能早于此前已告知申请人的"
                                   f"{nd.chinese_date(dt.date.fromisoformat(told[1]['due']))}（本机关受已告知期限的约束）"})
    fee = _fee_context(context, case_id, extras) if k.action == nd.ACTION_FEE else None
    _derived(context)
    return _Built(context, dates, fee)


def _fee_context(context: dict[str, object], case_id: int, extras: dict[str, object]) -> dict:
    """The 收费通知书's 计收方式, 计算过程 and 金额 by the 109号 standard (services.actions.fee_terms);
    an amount the clerk typed that differs needs its reason, which the notice states."""
    from app.services import actions, fees

    typed = str(extras.get("收费金额") or "").strip()
    terms = actions.fee_terms(case_id, str(extras.get("收费方式") or "按件计收"), fees.parse_pages(extras.get("页数")),
                              float(typed) if typed else None, str(extras.get("金额调整理由") or ""))
    # The steps as printed: the free band is in the 收费标准 just before them, the total is the
    # 应缴金额 just after (one A4 page, notices.md).
    computation = str(extras.get("收费计算") or "").strip() or "；".join(
        step for step in terms["steps"] if not step.startswith("合计") and not step.endswith("不收费"))
    if terms["override_reason"]:
        computation += f"，合计{terms['computed']}元，经本机关调整为{terms['amount']:g}元（{terms['override_reason']}）"
    context["收费方式"] = terms["method"]
    context["收费计算"] = computation
    context["收费金额"] = f"{terms['amount']:g}"
    return terms


def _draft_no(k: nd.NoticeKind, cfg: OfficeSettings, on_date: dt.date) -> str:
    return format_doc_no(cfg.doc_no_format, cfg.doc_prefix, k.code, on_date.year, DRAFT_SEQ) if k.code else ""


def _derived(context: dict[str, object]) -> None:
    reason = str(context.get("不予公开情形") or "")
    code = nd.refusal_code(reason)
    if code:
        context["不予公开依据"] = nd.REFUSAL_REASONS[code][1]
    method = str(context.get("收费方式") or "")
    if method in nd.FEE_STANDARDS:
        context["收费标准"] = nd.FEE_STANDARDS[method]


def unconfirmed_dates(kind_name: str, case_id: int, on_date: dt.date,
                      extra: dict | None = None) -> dict[str, tuple[int, ...]]:
    """The kind's dates that rest on a year whose holiday schedule is not confirmed (docs/legal/requests.md,
    法定期限: never shown as if certain), name → years."""
    k = _kind(kind_name)
    values = {**defaults(k.name, case_id), **(extra or {})}
    dates = clock_dates(register.get_case(case_id), on_date, office.load(), values, k.name)
    return {name: dates[name].unconfirmed for name in k.dates if dates[name].day and dates[name].unconfirmed}


# ------------------------------------------------------------------- drafts and issuing


def render_draft(kind_name: str, case_id: int | None, extra: dict | None = None,
                 on_date: dt.date | None = None) -> Path:
    """A preview to read or print: a temporary file, 文号 shown as ××, nothing recorded."""
    k = _kind(kind_name)
    on_date = on_date or dt.date.today()
    context = build_context(k.name, case_id, extra, on_date, None)
    case_no = str(context.get("登记编号") or "")
    folder = draft_folder()
    out = folder / paths.safe_filename(f"草稿-{case_no + '-' if case_no else ''}{k.name}.docx")
    try:
        templates.render(templates.template_path(k.name), context, out)
    except BaseException:
        discard_draft(out)
        raise
    return out


def draft_folder() -> Path:
    """A folder of its own for each draft (a draft still open in Word never blocks the next one), in
    the data folder's 草稿; the system temp folder only where the data folder cannot be written."""
    base = paths.drafts_dir(_db_path())
    try:
        base.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=paths.DRAFT_PREFIX, dir=base))
    except OSError:
        return Path(tempfile.mkdtemp(prefix=paths.DRAFT_PREFIX))


def discard_draft(path: Path | str | None) -> None:
    """Delete a draft and its folder once it is no longer shown. A draft still open in Word/WPS cannot
    be deleted on Windows; it goes at the next start (services.cleanup)."""
    if path is None:
        return
    folder = Path(path).parent
    if folder.name.startswith(paths.DRAFT_PREFIX):
        shutil.rmtree(folder, ignore_errors=True)


def _check_issue_date(case: Case, on_date: dt.date) -> None:
    if on_date > dt.date.today():
        raise ValidationError({"on_date": "签发日期不能晚于今天"})
    if problem := check_plausible(on_date):
        raise ValidationError({"on_date": f"签发{problem}"})
    if case.received_on and on_date < case.received_on:
        raise ValidationError({"on_date": f"签发日期不能早于收到申请日期（{nd.chinese_date(case.received_on)}）"})


def _years_text(years) -> str:
    return "、".join(str(y) for y in sorted(set(years)))


@retried
def issue(kind_name: str, case_id: int, extra: dict | None = None, on_date: dt.date | None = None,
          accept_late: bool = False, accept_unconfirmed: bool = False, change_reason: str = "") -> IssuedDocument:
    """Issue a notice: 文号, file, Document row, timeline event and the clock action, all or nothing.

    The 文号 is the next of the kind code's yearly sequence (docs/legal/notices.md, Numbering), taken inside
    the transaction, so a failure anywhere (a broken template, a refused action) burns no number.
    Re-issuing keeps the earlier file. ``accept_late`` confirms an action past its limit
    (services.actions.LateAction). ``accept_unconfirmed`` confirms printing a date in a year whose
    schedule is not confirmed (UnconfirmedDates; a 延期答复告知书 must be sendable before the first
    limit passes even then); the timeline records it. ``change_reason`` is needed when a re-issued
    补正告知书, 收费通知书 or 征求意见书 tells something else than the office already told
    (TermsChanged); the change and the reason are recorded, and the office is bound by the new terms.
    A fee notice or request for opinion handed over on the day (送达安排) is recorded as delivered.
    """
    k = _kind(kind_name)
    if not k.needs_case:
        raise ServiceError(f"“{k.name}”不需要签发，请直接打印")
    on_date = on_date or dt.date.today()
    case = register.get_case(case_id)
    register.ensure_case_open(case)
    _ensure_released_after_review(k, case_id)
    _check_issue_date(case, on_date)
    cfg = office.load()
    built = _build(k.name, case_id, extra, on_date, None)  # validate inputs before taking the lock
    unconfirmed = {name: built.dates[name].unconfirmed for name in k.dates
                   if built.dates[name].day and built.dates[name].unconfirmed}
    years = tuple(sorted({y for ys in unconfirmed.values() for y in ys}))
    if unconfirmed and not accept_unconfirmed:
        raise UnconfirmedDates(
            f"{'、'.join(unconfirmed)}落在{_years_text(years)}年，该年度节假日安排尚未确认，日期按法定节假日推算"
            "（未计补假和调休），可能变动，文书上将注明“未确认”。仍要签发吗？签发后办理过程将记录按未确认的日期签发。",
            years)
    party = _party(k, built.context)
    told = _told(k, cases.timeline(case_id), case, cfg, party)
    changes = _changes(told[1], _terms(k, built)) if told is not None else {}
    if changes and not change_reason.strip():
        lines = "；".join(f"{label}由“{old}”改为“{new}”" for label, (old, new) in changes.items())
        why = ("补正事项应一次性告知（条例第三十条），本机关受已告知的补正期限约束" if k.action == nd.ACTION_CORRECTION
               else "本机关受已书面告知的内容约束")
        raise TermsChanged(f"本次签发的“{k.name}”与此前已告知的内容不同：{lines}。{why}；确需变更的，"
                           "请说明理由，变更和理由将记入办理过程。", changes)
    earlier = tuple(documents_path(d.path) for d in store.for_case(case_id) if d.kind == k.name)
    folder = paths.case_dir(_db_path(), case.case_no)
    files.make_folder(folder)
    # Rendered beside the case folders (same disk, so every rename is atomic). Inside the transaction
    # the file takes its row's id; the row commits; only then is the file renamed into the case
    # folder. Killed in between, the next start finishes the rename (finish_interrupted_issues): a
    # file in a case folder always has its row, and a committed row its file.
    documents_root = paths.documents_dir(_db_path())
    tmp = documents_root / f"{ISSUING_PREFIX}{os.getpid()}-{k.code or 'x'}.docx.part"
    pending: Path | None = None
    try:
        with atomic():
            seq = sequences.next_value(f"doc:{k.code}", on_date.year) if k.code else None
            doc_no = format_doc_no(cfg.doc_no_format, cfg.doc_prefix, k.code, on_date.year, seq) if k.code else None
            built = _build(k.name, case_id, extra, on_date, doc_no)
            context = built.context
            templates.render(templates.template_path(k.name), context, tmp)
            final = _free_name(folder, nd.document_file_name(case.case_no, k.name, doc_no, on_date))
            digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
            relative = final.relative_to(documents_root).as_posix()
            doc_id = store.insert(case_id, k.name, doc_no, on_date.year, seq, relative, on_date, digest,
                                  audit.operator())
            ref = _clock_action(k, case, built, on_date, accept_late)
            if changes:
                _record_change(case_id, k, ref, on_date, changes, _terms(k, built), change_reason.strip())
            summary = f"签发{k.name}" + (f"，文号{doc_no}" if doc_no else "") + ("（重新签发）" if earlier else "")
            if years:
                summary += f"（所载日期落在{_years_text(years)}年，该年度节假日安排未确认，经确认按未确认的日期签发）"
            data = {"kind": k.name, "doc_no": doc_no, "document_id": doc_id, "path": relative}
            if ref is not None:
                data.update(ref=ref, terms=_terms(k, built))
            if years:
                data["unconfirmed_years"] = list(years)
            cases.add_event(case_id, nd.EVENT_KIND, on_date, summary, data, audit.operator())
            audit.record("document", doc_id, "签发", {"kind": [None, k.name], "doc_no": [None, doc_no]},
                         case_id=case_id)
            if ref is not None and k.action in _RECEIPT_ACTIONS and _handed_over_today(context):
                from app.services import actions

                actions.record_delivery(case_id, ref, on_date, "直接送达", doc_id)
            kept.keep(kept.DOCUMENTS, relative, tmp)  # every desk of a server's office reaches it
            pending = _pending_path(documents_root, doc_id)
            os.replace(tmp, pending)
    except BaseException:
        if pending is not None:  # the commit itself failed: the file must not outlive it
            pending.unlink(missing_ok=True)
        raise
    finally:
        tmp.unlink(missing_ok=True)
    _place(pending, final, doc_no)
    from app.services import deadlines

    deadlines.refresh_case(case_id)
    message = f"已签发{k.name}" + (f"（{doc_no}）" if doc_no else "") + f"，保存为{final.name}"
    if earlier:
        message += f"。此前签发的{len(earlier)}份同类文书仍保留：" + "、".join(p.name for p in earlier)
    return IssuedDocument(doc_id, case_id, k.name, doc_no, on_date, final, earlier, message)


# Clock actions whose notice opens a period that runs from the addressee's receipt.
_RECEIPT_ACTIONS = frozenset({nd.ACTION_FEE, nd.ACTION_THIRD_PARTY, nd.ACTION_AGENCY})


def _party(k: nd.NoticeKind, context: dict) -> str | None:
    if k.action == nd.ACTION_THIRD_PARTY:
        return str(context["第三方名称"])
    if k.action == nd.ACTION_AGENCY:
        return str(context["被征求意见机关"])
    return None


def _record_change(case_id: int, k: nd.NoticeKind, ref: int | None, on_date: dt.date,
                   changes: dict[str, tuple[str, str]], terms: dict, reason: str) -> None:
    """A re-issue that changed what the office told: on the timeline, with the reason."""
    from app.services import deadlines

    lines = "；".join(f"{label}由“{old}”改为“{new}”" for label, (old, new) in changes.items())
    cases.add_event(case_id, deadlines.TERMS_CHANGED, on_date, f"重新签发{k.name}并变更：{lines}（理由：{reason}）",
                    {"kind": k.name, "ref": ref, "changes": {label: list(v) for label, v in changes.items()},
                     "terms": terms, "reason": reason}, audit.operator())
    audit.record("request", case_id, f"变更已告知的{k.name}内容", {label: list(v) for label, v in changes.items()})


ISSUING_PREFIX = ".签发中-"  # rendered, not yet recorded: deleted when stale (services.cleanup)
ISSUED_PREFIX = ".已签发-"   # recorded, not yet in its case folder: finished at the next start


def _pending_path(documents_root: Path, doc_id: int) -> Path:
    return documents_root / f"{ISSUED_PREFIX}{doc_id}.docx.part"


def _place(pending: Path, final: Path, doc_no: str | None) -> None:
    try:
        os.replace(pending, final)
    except OSError as exc:
        raise ServiceError(f"文书已签发并记录（{doc_no or '无文号'}），但未能放入案件文件夹：{oserrors.reason(exc)}。"
                           "下次启动程序时会自动放入。") from None


def finish_interrupted_issues() -> list[Path]:
    """Notices whose row committed but whose file was not yet renamed into its case folder (the
    program was killed in between): renamed now, where the file is the one the row recorded."""
    documents_root = paths.documents_dir(_db_path())
    placed = []
    for pending in sorted(documents_root.glob(f"{ISSUED_PREFIX}*.docx.part")):
        number = pending.name[len(ISSUED_PREFIX):-len(".docx.part")]
        row = store.get(int(number)) if number.isdigit() else None
        if row is None:
            continue  # never committed: stale, deleted by services.cleanup
        target = documents_path(row.path)
        if not target.exists() and hashlib.sha256(pending.read_bytes()).hexdigest() == row.sha256:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(pending, target)
            placed.append(target)
    return placed


@dataclass(frozen=True)
class BatchResult:
    issued: tuple[IssuedDocument, ...]
    failed: dict[int, str]  # case id → the Chinese reason it was not issued


def _ensure_released_after_review(k, case_id: int) -> None:
    """先审查、后公开 (本乡保密审查制度, docs/legal/sources.md): an answer that releases information (outcomes 1, 1a, 2)
    is not issued before the case's secrecy review is approved."""
    from app.domain.outcomes import RELEASING
    from app.services.review import ensure_release_approved

    for code in k.outcomes:
        if code in RELEASING:
            ensure_release_approved(case_id, code)
            return


def issue_batch(kind_name: str, case_ids: list[int], extra: dict | None = None, on_date: dt.date | None = None,
                progress: Callable[[int, int], None] | None = None) -> BatchResult:
    """Issue one kind for many cases (e.g. receipts for the day's new cases). Each case is its own
    transaction, so one refusal does not stop the rest; ``progress(done, total)`` after each case
    (the GUI's worker forwards it to its progress bar)."""
    issued, failed = [], {}
    for done, case_id in enumerate(case_ids, 1):
        try:
            issued.append(issue(kind_name, case_id, extra, on_date))
        except ValidationError as exc:
            failed[case_id] = "；".join(exc.errors.values())
        except ServiceError as exc:
            failed[case_id] = str(exc)
        if progress is not None:
            progress(done, len(case_ids))
    return BatchResult(tuple(issued), failed)


def _free_name(folder: Path, name: str) -> Path:
    """The file name, or name（2）… when a file of that name exists (a form issued twice a day)."""
    name = paths.safe_filename(name)
    candidate = folder / name
    stem, n = candidate.stem, 2
    while candidate.exists():
        candidate = folder / f"{stem}（{n}）.docx"
        n += 1
    return candidate


def _clock_action(k: nd.NoticeKind, case: Case, built: _Built, on_date: dt.date, accept_late: bool) -> int | None:
    """Record the case action the notice stands for, unless the timeline already has it (a notice
    re-issued must not send a second correction or extension); returns the action's event id for
    the notices that tell its terms (补正, 征求意见, 收费)."""
    if k.action is None or case.status in CONCLUDED_STATUSES:
        return None
    from app.services import actions

    context = built.context
    events = cases.timeline(case.id)
    kinds_ = {e.kind for e in events}
    party = _party(k, context)
    existing = _action_event(k, events, party)
    if k.action == nd.ACTION_CORRECTION:
        if "correction_sent" not in kinds_:
            items = "\n".join(context["补正事项"])  # type: ignore[arg-type]
            return actions.send_correction(case.id, on_date, items, accept_late=accept_late,
                                           due=built.dates["补正期限"].day)
        return existing.id if existing is not None else None
    if k.action == nd.ACTION_EXTENSION:
        if "extended" not in kinds_:
            actions.extend(case.id, on_date, str(context["批准人"]), accept_late=accept_late)
        return None
    if k.action in (nd.ACTION_THIRD_PARTY, nd.ACTION_AGENCY):
        if existing is None:
            return actions.start_consultation(case.id, on_date, str(party), k.action)
        return existing.id
    if k.action == nd.ACTION_FEE and built.fee is not None:
        if existing is None:
            fee = built.fee
            return actions.send_fee_notice(case.id, on_date, fee["amount"], method=fee["method"], pages=fee["pages"],
                                           override_reason=fee["override_reason"])
        return existing.id
    return None


# ------------------------------------------------------------------- the case's documents


def _db_path() -> Path:
    from app.services.workspace import current_db_path

    return current_db_path()


def documents_path(relative: str) -> Path:
    return paths.documents_dir(_db_path()) / relative


def local_document(relative: str) -> tuple[Path, bool]:
    """This desk's copy of an issued document (written from the database first where the office
    keeps them there, store.files) and whether it exists."""
    path = documents_path(relative)
    return path, kept.local(kept.DOCUMENTS, relative, path)


def documents(case_id: int) -> list[DocumentRow]:
    """A case's issued documents, oldest first, with where the file is and whether it is still there."""
    register.get_case(case_id)
    out = []
    for d in store.for_case(case_id):
        path, exists = local_document(d.path)
        out.append(DocumentRow(d.id, d.kind, d.doc_no, d.issued_on, path, exists, d.operator))
    return out


def document(document_id: int) -> DocumentRow:
    d = store.get(document_id)
    if d is None:
        raise NotFound(f"找不到编号为 {document_id} 的文书")
    path, exists = local_document(d.path)
    return DocumentRow(d.id, d.kind, d.doc_no, d.issued_on, path, exists, d.operator)


# ------------------------------------------------------------------- open, print, PDF


def _existing(path: Path | str) -> Path:
    path = Path(path)
    if not path.exists():
        raise ServiceError(f"文件不存在：{path}")
    return path


def soffice() -> str | None:
    """The LibreOffice program if it is on the PATH."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def open_file(path: Path | str) -> None:
    """Open the file in the system's default program (Word or WPS for .docx)."""
    path = _existing(path)
    try:
        if sys.platform == "win32":
            os.startfile(str(path))  # type: ignore[attr-defined]
            return
        opener = "open" if sys.platform == "darwin" else shutil.which("xdg-open")
        if not opener:
            raise ServiceError("找不到可以打开该文件的程序，请安装 Word、WPS 或 LibreOffice")
        subprocess.Popen([opener, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError as exc:
        raise ServiceError(f"无法打开{path.name}：{oserrors.reason(exc)}。请确认已安装 Word 或 WPS。") from None


def print_file(path: Path | str) -> None:
    """Send the file to the default printer (Windows: the shell's print verb; else LibreOffice)."""
    path = _existing(path)
    try:
        if sys.platform == "win32":
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
            return
        program = soffice()
        if not program:
            raise ServiceError("未找到 LibreOffice，无法直接打印。请用 Word/WPS 打开文件后打印。")
        subprocess.run([program, "--headless", "-p", str(path)], check=True, timeout=120,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ServiceError("打印超时，请检查打印机是否可用") from None
    except (OSError, subprocess.CalledProcessError) as exc:
        raise ServiceError(f"无法打印{path.name}：{oserrors.reason(exc)}") from None


def to_pdf(path: Path | str, out_dir: Path | None = None) -> Path:
    """Save a PDF beside the file (or in ``out_dir``) with LibreOffice, or with Word on Windows."""
    path = _existing(path)
    out_dir = Path(out_dir) if out_dir else path.parent
    target = out_dir / (path.stem + ".pdf")
    program = soffice()
    if program:
        _soffice_pdf(program, path, out_dir)
    elif sys.platform == "win32":
        _word_pdf(path, target)
    else:
        raise ServiceError("未找到 Word 或 LibreOffice，无法另存为PDF")
    if not target.exists():
        raise ServiceError(f"转换PDF失败：没有生成{target.name}")
    return target


def preview_pdf(path: Path | str) -> Path:
    """A PDF of the file for the program's print preview, in a draft folder of its own (it holds the
    applicant's personal data); the preview deletes it when closed (discard_draft)."""
    folder = draft_folder()
    try:
        return to_pdf(path, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _soffice_pdf(program: str, path: Path, out_dir: Path) -> None:
    # A private profile so a LibreOffice window the clerk has open does not swallow the job.
    with tempfile.TemporaryDirectory(prefix="zwgk-lo-") as profile:
        command = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", "pdf",
                   "--outdir", str(out_dir), str(path)]
        try:
            subprocess.run(command, check=True, timeout=180, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ServiceError("转换PDF超时") from None
        except (OSError, subprocess.CalledProcessError) as exc:
            raise ServiceError(f"LibreOffice转换PDF失败：{exc}") from None


def _word_pdf(path: Path, target: Path) -> None:
    """Word's own export (wdExportFormatPDF = 17) through PowerShell's COM bridge; WPS 文字 answers to
    the same calls as KWps.Application where Word is not installed."""
    src, dst = str(path).replace("'", "''"), str(target).replace("'", "''")
    script = ("try { $w = New-Object -ComObject Word.Application } catch { $w = New-Object -ComObject KWps.Application }; "
              "$w.Visible = $false; "
              f"$d = $w.Documents.Open('{src}', $false, $true); $d.ExportAsFixedFormat('{dst}', 17); "
              "$d.Close($false); $w.Quit()")
    try:
        subprocess.run(["powershell", "-NoProfile", "-Command", script], check=True, timeout=180,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        raise ServiceError("未找到 Word、WPS 或 LibreOffice，无法另存为PDF") from None
