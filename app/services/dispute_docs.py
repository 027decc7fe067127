"""The 答辩状 draft of a 行政复议 or 行政诉讼 (docs/legal/requests.md, 行政争议), rendered from templates_docx/答辩状.docx.

行政复议法第四十八条: the office answers a 复议 within 10 days of receiving the copy (行政复议答复书);
行政诉讼法第六十七条: it files its 答辩状 and evidence within 15 days of receiving the complaint.
The draft carries the facts of the case from the register; the reasons are the clerk's to write.
It is rendered through the notices' one sandboxed renderer (services.templates.render).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from app import paths
from app.domain import notices as nd
from app.domain import outcomes
from app.domain.disputes import LITIGATION_AFTER, LITIGATION_DIRECT, RECONSIDERATION, is_reconsideration
from app.services import disputes, files, register
from app.services import settings as office

TEMPLATE = "答辩状.docx"
TITLES = {RECONSIDERATION: "行政复议答复书", LITIGATION_DIRECT: "行政诉讼答辩状", LITIGATION_AFTER: "行政诉讼答辩状"}


def _db_path() -> Path:
    from app.services.workspace import current_db_path

    return current_db_path()


def template_path() -> Path:
    """The office's edited copy wins over the district's default and the shipped template (services.templates)."""
    from app.services import templates

    return templates.form_template(TEMPLATE)


def _basis(code: str | None) -> str:
    if not code:
        return ""
    basis = outcomes.outcome(code).basis
    return "《中华人民共和国政府信息公开条例》" + basis[2:] if basis.startswith("条例") else basis


def defence_context(dispute_id: int, on_date: dt.date | None = None) -> dict[str, object]:
    """Every placeholder of 答辩状.docx: the office, the case, the dispute and the evidence list."""
    d = disputes.get(dispute_id)
    case = register.get_case(d.case_id)
    cfg = office.load()
    reconsideration = is_reconsideration(d.kind)
    evidence = [line.strip() for line in d.evidence.splitlines() if line.strip()]
    answer = _answer_limit(case)
    return {
        "文书名称": TITLES[d.kind], "机关名称": cfg.office_name, "机关地址": cfg.address, "机关电话": cfg.phone,
        "经办人": cfg.handler,
        "对方称谓": "申请人" if reconsideration else "原告", "本机关称谓": "被申请人" if reconsideration else "被告",
        "申请人": case.name, "申请人地址": case.address or "【请补充】",
        "受理机关": d.body, "提起方式": "申请行政复议" if reconsideration else "提起行政诉讼",
        "副本名称": "行政复议申请书副本" if reconsideration else "起诉状副本",
        "收到副本日期": nd.chinese_date(d.copy_received_on), "收到申请日期": nd.chinese_date(case.received_on),
        "登记编号": case.case_no,
        "申请内容": (case.info_name or case.info_description or "").strip().rstrip("。"),
        "答复日期": nd.chinese_date(case.answered_on) if case.answered_on else "【请补充】",
        "答复期限": nd.chinese_date(answer.due) if answer is not None and answer.due else "【请补充】",
        "答复逾期": bool(answer is not None and answer.late),
        "办理结果": outcomes.full_label(case.outcome) if case.outcome else "【请补充】",
        "法律依据": _basis(case.outcome) or "【请补充】",
        "请求事项": "维持被申请人作出的政府信息公开答复" if reconsideration else "驳回原告的诉讼请求",
        "证据": evidence or ["政府信息公开申请表", "答复告知书及送达回证", "【请补充】"],
        "成文日期": nd.chinese_date(on_date or dt.date.today()),
    }


def _answer_limit(case):
    """The binding answer limit with the answer date, so a late answer is not defended as timely."""
    from app.services import deadlines

    if case.answered_on is None:
        return None
    return deadlines.case_limits(case.id, case.answered_on).answer


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    n = 2
    while target.exists():
        target = folder / f"{Path(name).stem}（{n}）.docx"
        n += 1
    return target


def render_defence(dispute_id: int, on_date: dt.date | None = None) -> Path:
    """Render the 答辩状 draft into the case's folder (never over an earlier draft) and return it."""
    from app.services import templates  # docxtpl loads only when a draft is made

    context = defence_context(dispute_id, on_date)
    case_no = str(context["登记编号"])
    folder = paths.case_dir(_db_path(), case_no)
    files.make_folder(folder)
    stamp = (on_date or dt.date.today()).isoformat()
    out = _free_name(folder, paths.safe_filename(f"{context['文书名称']}（草稿）-{case_no}-{stamp}.docx"))
    templates.render(template_path(), context, out)
    return out
