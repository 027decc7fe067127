"""主动公开 register use cases: record items, their publication, 政策解读, 征求意见 comments,
动态调整 reviews and repeals; the limits and warnings of each item; table 2 of the annual report.

Rules: 条例第二十六条 and the township's rules (docs/legal/sources.md; see app/domain/proactive.py). Every change is audited.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace

from app.domain.dates import or_today
from app.domain import proactive as rules
from app.domain.annual_report import ProactiveDoc, Table2
from app.domain.clock import DONE, LAPSED, OK, SUPERSEDED, Limit, urgency
from app.domain.proactive import Comment, Item, ItemData
from app.services import settings as office
from app.services.work_calendar import work_calendar
from app.services.errors import NotFound, ServiceError, ValidationError
from app.store import audit, review as store
from app.store.db import atomic


def get(item_id: int) -> Item:
    item = store.get_item(item_id)
    if item is None:
        raise NotFound(f"找不到编号为 {item_id} 的主动公开信息")
    return item


def _changes(old: ItemData | None, new: ItemData) -> dict:
    before = asdict(old) if old else {}
    return {k: [before.get(k), v] for k, v in asdict(new).items() if before.get(k) != v}


def _with_review_date(data: ItemData, old: ItemData | None) -> ItemData:
    """动态调整: an item newly withheld gets its first review date (office default 12 months)."""
    if data.attribute != rules.WITHHELD:
        return replace(data, review_due_on=None)
    if data.review_due_on is not None or data.made_on is None:
        return data
    if old is not None and old.attribute == rules.WITHHELD and old.review_due_on:
        return replace(data, review_due_on=old.review_due_on)
    months = office.load().withheld_review_months
    return replace(data, review_due_on=rules.withheld_review_due(data.made_on, months, work_calendar()))


def _check_release(item_id: int | None, old: ItemData | None, data: ItemData, release_reason: str) -> None:
    """先审查、后公开: nothing is published before its review is approved; releasing a withheld item
    records why (动态调整机制第三条)."""
    if data.published_on and (old is None or old.published_on is None):
        review = store.latest_review_for(item_id=item_id) if item_id else None
        if review is None or not review.approved:
            raise ServiceError("该信息的保密审查尚未通过，不能登记为已公开（先审查、后公开）")
        if review.data.proposal == "不予公开":
            raise ServiceError("保密审查的处理建议为“不予公开”，不能登记为已公开")
    if old is not None and old.attribute == rules.WITHHELD and data.attribute == rules.PROACTIVE \
            and not release_reason.strip():
        raise ValidationError({"release_reason": "将不予公开的信息调整为主动公开，须写明不予公开的理由已消失的情况（动态调整）"})


def create(data: ItemData, today: dt.date | None = None) -> Item:
    """Add an entry to the register (公文类信息主动公开工作流程第一条: its 公开属性 from the start)."""
    errors = rules.validate(data, or_today(today))
    if errors:
        raise ValidationError(errors)
    _check_release(None, None, data, "")
    data = _with_review_date(data, None)
    with atomic():
        item_id = store.insert_item(data)
        audit.record("proactive_item", item_id, "登记主动公开信息", _changes(None, data))
    return get(item_id)


def update(item_id: int, data: ItemData, today: dt.date | None = None, release_reason: str = "") -> Item:
    """Save edits (publication, interpretation, repeal …); the audit keeps old and new values."""
    old = get(item_id).data
    errors = rules.validate(data, or_today(today))
    if errors:
        raise ValidationError(errors)
    _check_release(item_id, old, data, release_reason)
    data = _with_review_date(data, old)
    changes = _changes(old, data)
    if not changes:
        return get(item_id)
    if release_reason.strip():
        changes["release_reason"] = [None, release_reason.strip()]
    with atomic():
        store.update_item(item_id, data)
        audit.record("proactive_item", item_id, "修改主动公开信息", changes)
    return get(item_id)


def publish(item_id: int, published_on: dt.date, place: str, today: dt.date | None = None) -> Item:
    """Record the publication (date and place) of an item whose review is approved."""
    item = get(item_id)
    return update(item_id, replace(item.data, published_on=published_on, place=place), today)


def repeal(item_id: int, repealed_on: dt.date, today: dt.date | None = None) -> Item:
    """Record that a document was repealed or expired (table 2 本年废止 / 现行有效)."""
    item = get(item_id)
    return update(item_id, replace(item.data, repealed_on=repealed_on), today)


def review_withheld(item_id: int, reviewed_on: dt.date, keep: bool, reason: str,
                    today: dt.date | None = None) -> Item:
    """动态调整: a periodic review of a withheld item. Keep it withheld (next review date set one
    period on) or release it — the reason is required either way and goes into the audit."""
    item = get(item_id)
    today = or_today(today)
    if item.data.attribute != rules.WITHHELD:
        raise ServiceError("只有公开属性为“不予公开”的信息需要动态调整复核")
    errors = {}
    if not reason.strip():
        errors["reason"] = "请写明复核意见（继续不予公开的理由，或理由已消失的情况）"
    if reviewed_on > today:
        errors["reviewed_on"] = "复核日期不能晚于今天"
    if errors:
        raise ValidationError(errors)
    if not keep:
        return update(item_id, replace(item.data, attribute=rules.PROACTIVE, attribute_reason="",
                                       made_on=reviewed_on, review_due_on=None), today, release_reason=reason)
    months = office.load().withheld_review_months
    due = rules.withheld_review_due(reviewed_on, months, work_calendar())
    new = replace(item.data, review_due_on=due)
    with atomic():
        store.update_item(item_id, new)
        audit.record("proactive_item", item_id, "动态调整复核：继续不予公开",
                     {"review_due_on": [item.data.review_due_on, due], "reason": [None, reason.strip()],
                      "reviewed_on": [None, reviewed_on]})
    return get(item_id)


# ---------------------------------------------------------------- comments (征求意见)


def add_comment(item_id: int, received_on: dt.date | None, commenter: str, content: str,
                handling: str = "", reply: str = "", today: dt.date | None = None) -> Comment:
    """Record a comment received on a draft and, when known, how it was handled (第十一条)."""
    item = get(item_id)
    errors = _check_comment(item.data, received_on, content, handling, or_today(today))
    if errors:
        raise ValidationError(errors)
    with atomic():
        comment_id = store.add_comment(item_id, received_on, commenter.strip(), content.strip(), handling,
                                       reply.strip())
        audit.record("proactive_comment", comment_id, "登记征求意见",
                     {"item": [None, item_id], "commenter": [None, commenter], "content": [None, content]})
    return next(c for c in store.comments(item_id) if c.id == comment_id)


def _check_comment(data: ItemData, received_on: dt.date | None, content: str, handling: str,
                   today: dt.date) -> dict[str, str]:
    errors = {}
    if data.kind != rules.NORM_DOC:
        errors["item"] = "只有行政规范性文件草案需要公开征求意见"
    if not content.strip():
        errors["content"] = "请填写意见内容"
    if received_on is None:
        errors["received_on"] = "请填写收到意见的日期"
    elif received_on > today:
        errors["received_on"] = "收到意见日期不能晚于今天"
    if handling and handling not in rules.HANDLINGS:
        errors["handling"] = "处理情况应为采纳、部分采纳或不予采纳"
    return errors


def handle_comment(comment_id: int, handling: str, reply: str) -> Comment:
    """Record how a comment was handled; 不予采纳 needs the feedback given (第十一条)."""
    found = store.get_comment(comment_id)
    if found is None:
        raise NotFound(f"找不到编号为 {comment_id} 的意见")
    item_id, old = found
    errors = {}
    if handling not in rules.HANDLINGS:
        errors["handling"] = "请选择采纳、部分采纳或不予采纳"
    if handling == "不予采纳" and not reply.strip():
        errors["reply"] = "不予采纳的意见，须写明向提议人反馈的理由"
    if errors:
        raise ValidationError(errors)
    with atomic():
        store.update_comment(comment_id, handling=handling, reply=reply.strip())
        audit.record("proactive_comment", comment_id, "登记意见处理情况",
                     {"handling": [old.handling, handling], "reply": [old.reply, reply.strip()]})
    return next(c for c in store.comments(item_id) if c.id == comment_id)


# ---------------------------------------------------------------- the register list


@dataclass(frozen=True)
class RegisterRow:
    """One line of the 主动公开 page."""

    item: Item
    limits: tuple[Limit, ...]
    urgent: Limit | None    # the limit to show, if any is still running
    state: str              # clock urgency of that limit (overdue / due_today / due_soon / ok …)
    warnings: tuple[str, ...]


def _row(item: Item, today: dt.date) -> RegisterRow:
    cal = work_calendar()
    limits = tuple(rules.limits(item.data, cal))
    running = [(urgency(lim, today, cal), lim) for lim in limits]
    running = [(s, lim) for s, lim in running if s not in (DONE, SUPERSEDED, LAPSED)]
    running.sort(key=lambda p: (p[1].due or dt.date.max))
    order = {"overdue": 0, "due_today": 1, "due_soon": 2}
    running.sort(key=lambda p: order.get(p[0], 9))
    state, urgent = running[0] if running else (OK, None)
    warns = rules.warnings(item.data, cal, today, item.review_status, item.comments, item.interpretation)
    return RegisterRow(item, limits, urgent, state, tuple(warns))


def register_rows(text: str = "", kind: str = "", attribute: str = "",
                  today: dt.date | None = None) -> list[RegisterRow]:
    """The register with each entry's limits and warnings, newest first."""
    today = or_today(today)
    return [_row(item, today) for item in store.items(text, kind, attribute)]


def row(item_id: int, today: dt.date | None = None) -> RegisterRow:
    return _row(get(item_id), or_today(today))


def attention(today: dt.date | None = None) -> list[RegisterRow]:
    """For the home page: entries whose publication or load limit is overdue or close, and withheld
    items whose 动态调整 review is due — most pressing first."""
    today = or_today(today)
    rows = [r for r in register_rows(today=today) if r.urgent is not None and r.state in
            ("overdue", "due_today", "due_soon")]
    order = {"overdue": 0, "due_today": 1, "due_soon": 2}
    rows.sort(key=lambda r: (order[r.state], r.urgent.due))
    return rows


# ---------------------------------------------------------------- table 2


def table2_docs() -> list[ProactiveDoc]:
    """The register's 行政规范性文件 as annual-report records (feed annual_report.table2)."""
    return rules.table2_docs(i.data for i in store.items())


def table2_counts(year: int) -> Table2:
    """规章 / 行政规范性文件: 本年制发, 本年废止, 现行有效 for `year`, counted from the register."""
    return rules.table2_counts((i.data for i in store.items()), year)
