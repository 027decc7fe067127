"""主动公开 (proactive publication) register: items, their limits, warnings and table-2 counts.

Rules (docs/legal/requests.md, 其他职责, docs/legal/sources.md):

* 条例第二十六条: information to be published proactively is published within 20 working days of
  being made or changed.
* 公文类信息主动公开工作流程: every 公文 gets a 公开属性 when drafted (主动公开 / 依申请公开 /
  不予公开, with reasons for the last two); a 主动公开 公文 is loaded to the internal platform
  within 1 working day of being issued (印发), then published on the portal.
* 政策解读: a 行政规范性文件 is interpreted ("谁起草谁解读") and the interpretation published together
  with it; not interpreting needs the 分管领导's consent.
* 征求意见: a draft 行政规范性文件 is put out for public comment for at least 7 working days, unless
  it may not be made public or is urgent (then the reason is stated, 第四条).
* 动态调整: withheld information is reviewed periodically and released when the reason lapses.

All limits are counted on the working-day calendar (app.domain.calendar.WorkCalendar); the start
day is never counted (docs/legal/requests.md, 法定期限). Limits are `app.domain.clock.Limit`s so that the home page
reads them like a case's limits. Pure: no storage, no Qt.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.domain.calendar import WorkCalendar
from app.domain.clock import Limit
from app.domain import interpretation as interpretation_rules
from app.domain.interpretation import InterpretationData
from app.domain.dates import add_months

NORM_DOC = "行政规范性文件"
OTHER_DOC = "其他公文"
NON_DOC = "非公文类信息"
KINDS: tuple[str, ...] = (NORM_DOC, OTHER_DOC, NON_DOC)
DOC_KINDS = frozenset({NORM_DOC, OTHER_DOC})  # 公文: carry a 文号 and an issue date

PROACTIVE = "主动公开"
ON_REQUEST = "依申请公开"
WITHHELD = "不予公开"
ATTRIBUTES: tuple[str, ...] = (PROACTIVE, ON_REQUEST, WITHHELD)

PLACES: tuple[str, ...] = ("政府门户网站", "政务服务网", "公开栏", "微信公众号", "其他")
HANDLINGS: tuple[str, ...] = ("采纳", "部分采纳", "不予采纳")

PUBLISH_DAYS = 20   # 条例第二十六条
LOAD_DAYS = 1       # 本乡公文类信息主动公开工作流程 第四条 (docs/legal/sources.md)
COMMENT_DAYS = 7    # 本乡行政规范性文件草案公开征求意见的规定 第五条

KEY_PUBLISH = "proactive_publish"
KEY_LOAD = "proactive_load"
KEY_WITHHELD_REVIEW = "withheld_review"


@dataclass
class ItemData:
    """The editable part of one register entry."""

    title: str = ""
    doc_no: str = ""
    kind: str = ""
    section: str = ""                       # 起草（产生）科室
    made_on: dt.date | None = None          # 形成或变更之日
    issued_on: dt.date | None = None        # 印发日期 (公文)
    attribute: str = ""                     # 公开属性
    attribute_reason: str = ""              # required for 依申请公开 / 不予公开
    published_on: dt.date | None = None
    place: str = ""                         # 公开载体: portal, 公开栏 …
    loaded_on: dt.date | None = None        # 加载到非涉密内网工作平台之日 (公文)
    interpretation_title: str = ""
    interpretation_on: dt.date | None = None  # 政策解读公开日期
    no_interpretation_reason: str = ""      # 不解读的，须经分管领导同意: who agreed and why
    comment_start: dt.date | None = None    # 征求意见 from
    comment_end: dt.date | None = None      # 征求意见 to (inclusive)
    comment_exempt_reason: str = ""         # 依法不得公开或应急性的事项 (第四条)
    repealed_on: dt.date | None = None      # 废止 / 失效
    review_due_on: dt.date | None = None    # 动态调整: next review of a withheld item
    notes: str = ""


@dataclass(frozen=True)
class Comment:
    """One comment received during 征求意见 and how it was handled (第十一条)."""

    id: int
    received_on: dt.date
    commenter: str
    content: str
    handling: str = ""   # 采纳 / 部分采纳 / 不予采纳; "" while not yet handled
    reply: str = ""


@dataclass
class Item:
    id: int
    data: ItemData
    review_id: int | None = None
    review_status: str = ""
    comments: list[Comment] = field(default_factory=list)
    # The document's 政策解读 record (app/domain/interpretation.py), if one was made.
    interpretation: InterpretationData | None = None


# ---------------------------------------------------------------- validation


def validate(data: ItemData, today: dt.date) -> dict[str, str]:
    """Every problem of a register entry, field → Chinese message."""
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = "请填写信息名称（标题）"
    if data.kind not in KINDS:
        errors["kind"] = "请选择信息类别"
    if data.attribute not in ATTRIBUTES:
        errors["attribute"] = "请选择公开属性"
    elif data.attribute != PROACTIVE and not data.attribute_reason.strip():
        errors["attribute_reason"] = f"公开属性为“{data.attribute}”的，须注明理由（公文类信息主动公开工作流程第一条）"
    if data.made_on is None:
        errors["made_on"] = "请填写信息形成或变更日期"
    _check_dates(data, errors, today)
    _check_publication(data, errors)
    return errors


def _not_future(data: ItemData, errors: dict[str, str], today: dt.date) -> None:
    labels = {"made_on": "形成或变更日期", "issued_on": "印发日期", "published_on": "公开日期",
              "loaded_on": "内网加载日期", "interpretation_on": "政策解读公开日期", "repealed_on": "废止日期"}
    for name, label in labels.items():
        value = getattr(data, name)
        if value is not None and value > today:
            errors[name] = f"{label}不能晚于今天"


def _check_dates(data: ItemData, errors: dict[str, str], today: dt.date) -> None:
    _not_future(data, errors, today)
    # made_on is "made or changed": a document changed after issue has made_on after issued_on.
    if data.made_on and data.published_on and data.published_on < data.made_on and "published_on" not in errors:
        errors["published_on"] = "公开日期不能早于形成或变更日期"
    if data.issued_on and data.loaded_on and data.loaded_on < data.issued_on and "loaded_on" not in errors:
        errors["loaded_on"] = "内网加载日期不能早于印发日期"
    first = data.issued_on or data.made_on
    if first and data.repealed_on and data.repealed_on < first and "repealed_on" not in errors:
        errors["repealed_on"] = "废止日期不能早于印发日期"
    if data.comment_start and data.comment_end and data.comment_end < data.comment_start:
        errors["comment_end"] = "征求意见截止日期不能早于开始日期"
    if bool(data.comment_start) != bool(data.comment_end):
        errors["comment_end" if data.comment_start else "comment_start"] = "请同时填写征求意见的起止日期"


def _check_publication(data: ItemData, errors: dict[str, str]) -> None:
    if data.published_on and data.attribute in (ON_REQUEST, WITHHELD):
        errors["published_on"] = f"公开属性为“{data.attribute}”的信息不主动公开；如需公开，请先将公开属性改为主动公开并说明理由"
    if data.published_on and not data.place.strip():
        errors["place"] = "请填写公开载体（如政府门户网站、公开栏）"
    if data.kind not in DOC_KINDS and data.issued_on:
        errors["issued_on"] = "非公文类信息没有印发日期，请填写形成或变更日期"


# ---------------------------------------------------------------- limits


def limits(data: ItemData, calendar: WorkCalendar) -> list[Limit]:
    """The limits of one entry, as clock Limits (done_on set once the step was done)."""
    out: list[Limit] = []
    if data.attribute == PROACTIVE and data.made_on:
        out.append(_limit(calendar, KEY_PUBLISH, "主动公开期限", data.made_on, PUBLISH_DAYS, data.published_on,
                          "条例第二十六条：自形成或变更之日起20个工作日内公开"))
    if data.attribute == PROACTIVE and data.kind in DOC_KINDS and data.issued_on:
        done = data.loaded_on or data.published_on
        # A 公文 withheld when issued and released later by 动态调整 (made_on moves to the release day)
        # becomes 主动公开 only then: its loading day runs from that day, not from the old issue date.
        start = max(data.issued_on, data.made_on) if data.made_on else data.issued_on
        out.append(_limit(calendar, KEY_LOAD, "公文内网加载期限", start, LOAD_DAYS, done,
                          "公文类信息主动公开工作流程：印发后1个工作日内加载到非涉密内网工作平台"))
    if data.attribute == WITHHELD and data.review_due_on and data.repealed_on is None:
        out.append(Limit(KEY_WITHHELD_REVIEW, "动态调整复核", data.review_due_on,
                         "动态调整机制：定期评估不予公开的信息，理由消失的应予公开", legal=False))
    return out


def _limit(calendar: WorkCalendar, key: str, label: str, start: dt.date, days: int, done: dt.date | None,
           rule: str) -> Limit:
    due, unsure = calendar.add_working_days_flagged(start, days)
    return Limit(key, label, due, f"{rule}（{_cn(start)}起算，至{_cn(due)}）", legal=key == KEY_PUBLISH,
                 start=start, unconfirmed_years=unsure, done_on=done)


def earliest_comment_end(start: dt.date, calendar: WorkCalendar) -> dt.date:
    """The first day a comment period opened on `start` may close: 7 working days after it
    (第五条 "一般不得少于7个工作日"; the opening day is not counted, docs/legal/requests.md, 法定期限)."""
    return calendar.add_working_days(start, COMMENT_DAYS)


def withheld_review_due(from_day: dt.date, months: int, calendar: WorkCalendar) -> dt.date:
    """动态调整: next review of a withheld item, `months` on, moved to a working day."""
    return calendar.working_day_on_or_after(add_months(from_day, months))


# ---------------------------------------------------------------- warnings


def warnings(data: ItemData, calendar: WorkCalendar, today: dt.date, review_status: str = "",
             comments: Iterable[Comment] = (), interpretation: InterpretationData | None = None) -> list[str]:
    """What the register flags on an entry (not errors: the register records what happened)."""
    out: list[str] = []
    for limit in limits(data, calendar):
        if limit.done_on and limit.due and limit.done_on > limit.due:
            out.append(f"{limit.label}已超期完成（期限为{_cn(limit.due)}，实际{_cn(limit.done_on)}）")
        elif limit.done_on is None and limit.due and today > limit.due:
            out.append(f"{limit.label}已超期（期限为{_cn(limit.due)}）")
    if data.kind == NORM_DOC:
        out.extend(interpretation_warnings(data, interpretation))
        out.extend(comment_warnings(data, calendar, comments))
    if data.attribute == PROACTIVE and data.published_on is None and review_status and review_status != "已通过":
        out.append(f"保密审查尚未通过（{review_status}），通过后方可公开（先审查、后公开）")
    return out


def interpretation_warnings(data: ItemData, record: InterpretationData | None = None) -> list[str]:
    """政策解读: published with the document, same day (政策解读公开工作流程第四条); with a 政策解读 record,
    also the same place, its drafting section and its approval (app/domain/interpretation.py)."""
    if data.attribute != PROACTIVE or data.no_interpretation_reason.strip():
        return []
    if record is not None:
        doc = interpretation_rules.Document(data.title, data.section, data.issued_on, data.published_on, data.place)
        return interpretation_rules.flags(record, doc)
    if data.interpretation_on is None:
        if data.published_on:
            return ["缺少政策解读：行政规范性文件应同步公开政策解读（谁起草谁解读）；不解读的须经分管领导同意并注明"]
        return ["尚未登记政策解读（行政规范性文件应与政策解读一并公开）"]
    if data.published_on and data.interpretation_on != data.published_on:
        return [f"政策解读公开日期（{_cn(data.interpretation_on)}）与文件公开日期（{_cn(data.published_on)}）"
                "不一致，应一并公开"]
    return []


def comment_warnings(data: ItemData, calendar: WorkCalendar, comments: Iterable[Comment] = ()) -> list[str]:
    """征求意见: at least 7 working days, every comment answered (征求意见规定第五条、第十一条)."""
    if data.comment_exempt_reason.strip():
        return []
    if data.comment_start is None or data.comment_end is None:
        return ["未登记公开征求意见（不少于7个工作日）；依法不得公开或应急性事项不征求意见的，须注明理由"]
    out = []
    earliest = earliest_comment_end(data.comment_start, calendar)
    if data.comment_end < earliest:
        held = calendar.working_days_between(data.comment_start, data.comment_end)
        out.append(f"征求意见期仅{held}个工作日，不足7个工作日（自{_cn(data.comment_start)}起应至少至{_cn(earliest)}）")
    open_ = [c for c in comments if not c.handling]
    if open_:
        out.append(f"有{len(open_)}条征求意见尚未登记处理情况")
    return out


# ---------------------------------------------------------------- table 2


def table2_docs(items: Iterable[ItemData]) -> list[ProactiveDoc]:
    """The 行政规范性文件 of the register as annual-report records (条例第二十条第（一）项).

    A township makes no 规章, so that row stays 0; a document counts from its issue date
    (else the day it was made) and stops counting from its repeal date.
    """
    # Imported here, not at the top: the store imports this module while the program starts,
    # and the report arithmetic is not needed before the window shows.
    from app.domain.annual_report import ProactiveDoc

    docs = []
    for d in items:
        issued = d.issued_on or d.made_on
        if d.kind == NORM_DOC and issued is not None:
            docs.append(ProactiveDoc(NORM_DOC, issued, d.repealed_on))
    return docs


def table2_counts(items: Iterable[ItemData], year: int) -> Table2:
    """Table 2's 规章 / 行政规范性文件 rows (本年制发, 本年废止, 现行有效) for `year`."""
    from app.domain.annual_report import table2

    return table2(table2_docs(items), year)


def _cn(d: dt.date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""
