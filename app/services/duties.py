"""The office's other 政务公开 duties seen together (docs/legal/duties.md): what the home page counts
down, the figures of the annual report's 政策解读 and 回应关切, and the year's records and documents
in the year-end archive."""
from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.domain import opinion as op
from app.domain import press as pr
from app.domain.annual_report import DutiesFigures
from app.domain.dates import cn_date, cn_datetime
from app.domain.interpretation import FORMS
from app.services import interpretation, kept_files, opinion, press, publication
from app.services.opinion import OpinionRow
from app.services.press import PressAttention
from app.store import opinion as opinion_store
from app.store import press as press_store


@dataclass(frozen=True)
class DutiesHome:
    """What the home page shows of the duties: hour countdowns, replies and reports due, the quota."""

    opinions: list[OpinionRow]
    press: PressAttention
    interpretations: int  # 行政规范性文件 flagged for their 政策解读


def home(now: dt.datetime, today: dt.date | None = None) -> DutiesHome:
    today = today or now.date()
    flagged = sum(1 for row in interpretation.documents() if row.flags)
    return DutiesHome(opinion.attention(now), press.attention(today), flagged)


# ---------------------------------------------------------------- the annual report


def annual_figures(year: int) -> DutiesFigures:
    """政策解读 and 回应关切 of ``year`` as recorded, for section 一 of the annual report."""
    interp = interpretation.year_figures(year)
    items = opinion.year_items(year)
    s = op.summary(items)
    events = Counter(e.data.kind for e in press_store.events(year))
    inquiries = press.inquiry_rows(year, dt.date(year, 12, 31))
    return DutiesFigures(
        norm_docs=interp.documents, interpreted=interp.interpreted, in_step=interp.in_step,
        not_interpreted=interp.exempt, forms=tuple((f, interp.forms.get(f, 0)) for f in FORMS),
        opinions=s.total, important=s.important, responded=s.responded, responded_in_time=s.in_time,
        events=tuple((k, events.get(k, 0)) for k in pr.EVENT_KINDS),
        inquiries=len(inquiries), inquiries_in_time=sum(1 for r in inquiries if r.limit.done_on and not r.limit.late))


# ---------------------------------------------------------------- the archive


@dataclass
class ArchivedDuties:
    files: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


FOLDER = "其他政务公开工作"


def archive(year: int, target: Path) -> ArchivedDuties:
    """Write ``year``'s 舆情, 新闻发布, 政策解读 and 发布登记 records into ``target`` (one workbook) with
    the documents and kept files that go with them (reports, attachments, copies of what was
    published). A kept file that is missing or changed since it was kept is named in the warnings.
    A year without any of these records writes nothing."""
    from app.services.xlsx import write_table

    result = ArchivedDuties()
    items = opinion.year_items(year)
    sheets = [("政务舆情", opinion.SUMMARY_COLUMNS, opinion.summary_rows(items)),
              ("舆情处置过程", ("编号", "时间", "步骤", "经办人", "内容"), _steps(items)),
              ("新闻发布", EVENT_COLUMNS, _events(year)),
              ("记者问询", INQUIRY_COLUMNS, _inquiries(year)),
              ("新闻发言人", ROSTER_COLUMNS, _roster()),
              ("政策解读", INTERPRETATION_COLUMNS, _interpretations(year)),
              ("信息发布登记", publication.COLUMNS, publication.table_rows(year))]
    kept = [(kind, path, digest) for kind, path, digest in opinion_store.documents(opinion.DOCUMENT_KINDS, year)]
    kept += [("舆情附件", i.attachment, "") for i in items if i.attachment]
    kept += [("发布存档", p.file, p.sha256) for p in publication.rows(year=year) if p.file]
    result.counts = {name: len(rows) for name, _h, rows in sheets}
    if not kept and not any(result.counts.values()):
        return result  # an office that keeps none of these records in the program: no folder
    from app.services import settings as office

    target.mkdir(parents=True, exist_ok=True)
    write_table(target / f"{year}年度其他政务公开工作记录.xlsx", f"{office.load().office_name}{year}年度", sheets)
    result.files += 1
    for n, (kind, path, digest) in enumerate(kept, start=1):
        problem = _copy(kind, path, digest, target / "文件", n)
        if problem:
            result.warnings.append(problem)
        else:
            result.files += 1
    return result


def _copy(kind: str, relative: str, digest: str, folder: Path, n: int) -> str:
    source = kept_files.absolute(relative)
    if not source.is_file():
        return f"{kind}的文件缺失：{Path(relative).name}"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{n:03d}_{kind}_{source.name}"
    shutil.copyfile(source, target)
    if digest and kept_files.sha256(target) != digest:
        return f"{kind}“{source.name}”在生成或存档后被修改过（校验值不一致）"
    return ""


def _steps(items: list[op.Item]) -> list[list[str]]:
    return [[i.no, cn_datetime(s.at), s.label, s.person, s.summary()] for i in items for s in i.steps]


EVENT_COLUMNS = ("日期", "形式", "举办方式", "主题", "发布人", "发布人身份", "报批", "材料", "报道情况", "关联舆情")


def _events(year: int) -> list[list[str]]:
    return [[cn_date(r.event.data.held_on), r.event.data.kind, r.event.data.host, r.event.data.topic,
             r.event.data.speakers, "、".join(r.event.data.roles),
             f"{r.event.data.approved_by}（{cn_date(r.event.data.approved_on)}）" if r.event.data.approved_on else "未登记",
             r.event.data.materials, r.event.data.coverage, r.opinion] for r in reversed(press.event_rows(year))]


INQUIRY_COLUMNS = ("收到日期", "媒体", "记者", "方式", "问询内容", "答复期限", "答复日期", "答复情况")


def _inquiries(year: int) -> list[list[str]]:
    return [[cn_date(r.inquiry.data.received_on), r.inquiry.data.outlet, r.inquiry.data.journalist,
             r.inquiry.data.channel, r.inquiry.data.question, cn_date(r.limit.due), cn_date(r.inquiry.data.replied_on),
             r.inquiry.data.reply] for r in reversed(press.inquiry_rows(year, dt.date(year, 12, 31)))]


ROSTER_COLUMNS = ("身份", "姓名", "职务", "联系电话", "任命日期", "报送宣传部", "免职日期", "免职报送")


def _roster() -> list[list[str]]:
    return [[p.data.role, p.data.name, p.data.post, p.data.phone, cn_date(p.data.appointed_on),
             cn_date(p.data.appointment_reported_on), cn_date(p.data.removed_on), cn_date(p.data.removal_reported_on)]
            for p in press_store.people()]


INTERPRETATION_COLUMNS = ("文件", "文号", "文件公开日期", "解读标题", "解读科室", "解读形式", "分管领导审定", "解读公开日期",
                          "公开平台", "提示")


def _interpretations(year: int) -> list[list[str]]:
    out = []
    for row in interpretation.documents():
        d = row.item.data
        if not (d.published_on and d.published_on.year == year):
            continue
        i = row.interpretation.data if row.interpretation else None
        out.append([d.title, d.doc_no, cn_date(d.published_on), i.title if i else "", i.section if i else "",
                    "、".join(i.forms) if i else "",
                    f"{i.approved_by}（{cn_date(i.approved_on)}）" if i and i.approved_on else "",
                    cn_date(i.published_on) if i else "", i.place if i else "",
                    "经分管领导同意不解读" if row.exempt else "；".join(row.flags)])
    return out
