"""Reading the audit trail (who changed what, when, old and new values). Nothing here writes:
entries are appended by the services that make the changes, and SQLite refuses to alter them."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.store import audit

ENTITY_LABELS = {"request": "申请", "document": "文书", "secrecy_review": "保密审查", "dispute": "复议诉讼",
                 "settings": "设置", "calendar": "工作日历", "database": "数据文件", "year": "年度归档",
                 "proactive_item": "主动公开", "proactive_comment": "征求意见", "ledger": "台账",
                 "annual_report": "年度报告", "opinion_item": "舆情", "press_event": "新闻发布",
                 "press_inquiry": "记者问询", "spokesperson": "新闻发言人", "interpretation": "政策解读",
                 "publication": "发布登记"}
# Field names of the duties' records (docs/legal/duties.md) as the timeline shows them.
DUTY_FIELD_LABELS = {
    "found_at": "发现时间", "source": "来源", "source_detail": "媒体或平台", "summary": "主要内容", "link": "链接",
    "concerned": "涉及科室或村居", "level": "级别", "emergency": "突发事件", "attachment": "附件", "step": "步骤",
    "at": "时间", "person": "经办人", "leader": "领导", "how": "方式", "where": "平台或地点", "section": "科室",
    "findings": "调查结果", "facts": "事实真相", "proposal": "处置意见", "wording": "回应口径", "content": "内容",
    "speaker": "发布人", "note": "跟踪情况", "result": "办结情况", "no_response_reason": "未回应的理由",
    "held_on": "日期", "kind": "形式", "host": "举办方式", "topic": "主题", "speakers": "发布人", "roles": "发布人身份",
    "approved_by": "审批（审定）人", "approved_on": "审批（审定）日期", "materials": "材料", "coverage": "报道情况",
    "opinion_id": "关联舆情", "received_on": "收到日期", "journalist": "记者", "outlet": "媒体", "contact": "联系方式",
    "channel": "方式", "question": "问询内容", "replied_on": "答复日期", "reply": "答复情况", "name": "姓名",
    "role": "身份", "post": "职务", "phone": "电话", "appointed_on": "任命日期", "appointment_reported_on": "任命报送日期",
    "removed_on": "免职日期", "removal_reported_on": "免职报送日期", "title": "标题", "interpreter": "解读人",
    "forms": "解读形式", "draft_on": "初稿报送日期", "revised_on": "修改完成日期", "published_on": "公开日期",
    "place": "平台", "publisher": "发布人", "important": "重要内容", "content_checked": "内容核对",
    "proofread": "校对审核", "file": "存档文件", "item": "主动公开信息", "notes": "备注",
}
_MASKED = {"id_number": "mask_id", "phone": "mask_phone"}


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    operator: str
    entity: str
    action: str
    changes: tuple[Change, ...]

    @property
    def summary(self) -> str:
        """One line for the timeline, e.g. 修改：联系电话 138****5678 → 139****0000."""
        parts = "；".join(f"{c.label}：{c.old} → {c.new}" for c in self.changes)
        return f"{self.action}：{parts}" if parts else self.action


# Keys of the audit entries that are not fields of a request, in the clerk's words.
CHANGE_LABELS = {
    "path": "文件", "file": "文件", "opinion": "意见", "person": "签署人", "signed_on": "签署日期",
    "round": "审查轮次", "kind": "文书种类", "doc_no": "文号", "package": "归档包", "cases": "案件数",
    "reason": "理由", "effect": "影响", "confirmed": "已确认", "note": "说明", "day": "日期", "entries": "条目数",
    "year": "年度", "info_name": "信息名称", "info_no": "信息编号", "section": "产生信息科室", "carrier": "载体形式",
    "channels": "拟公开方式", "channel_other": "其他方式", "planned_on": "拟公开时间", "filled_on": "填表日期",
    "proposal": "处理建议", "proposal_reason": "处理理由", "checks": "审查事项", "submitted_on": "提交日期",
    "outcome_code": "办理结果", "result": "结果", "undone": "撤销的步骤",
}


_DUTY_ENTITIES = frozenset({"opinion_item", "press_event", "press_inquiry", "spokesperson", "interpretation",
                            "publication"})


def _label(field: str, entity: str = "") -> str:
    """A recorded key in the clerk's words; a duty's record reads its own (a 舆情's person is its 经办人)."""
    from app.domain.request import FIELD_LABELS

    if entity in _DUTY_ENTITIES:
        return DUTY_FIELD_LABELS.get(field) or FIELD_LABELS.get(field) or CHANGE_LABELS.get(field, field)
    return FIELD_LABELS.get(field) or CHANGE_LABELS.get(field) or DUTY_FIELD_LABELS.get(field, field)


def _text(field: str, value: object) -> str:
    if value in (None, ""):
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if field in ("outcome", "outcome_code"):
        from app.domain import outcomes

        return outcomes.full_label(str(value)) if str(value) in outcomes.BY_CODE else str(value)
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    masker = _MASKED.get(field)
    if masker is None:
        return str(value)
    from app.domain import request  # imported on first read: the operator is restored at start-up

    return getattr(request, masker)(str(value))


def _entry(row: audit.AuditRow) -> HistoryEntry:
    changes = []
    for name, pair in row.changes.items():
        old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        changes.append(Change(name, _label(name, row.entity), _text(name, old), _text(name, new)))
    return HistoryEntry(row.at, row.operator, ENTITY_LABELS.get(row.entity, row.entity), row.action,
                        tuple(changes))


def case_history(case_id: int) -> list[HistoryEntry]:
    """Every recorded change of a case and of its notices, reviews and disputes, oldest first.

    Identity and phone numbers are masked: the timeline is a list, not the case form.
    """
    return [_entry(r) for r in audit.entries(case_id=case_id)]


def history(entity: str | None = None, entity_id: object | None = None) -> list[HistoryEntry]:
    """Changes of settings, the calendar or the database file (restores), oldest first."""
    return [_entry(r) for r in audit.entries(entity, entity_id)]


def set_operator(name: str) -> None:
    """The operator name chosen at start-up (empty: the OS user)."""
    audit.set_operator(name.strip())


def operator() -> str:
    return audit.operator()


_OPERATOR_KEY = "operator:last"


def remember_operator(name: str) -> None:
    """Set the operator and keep the name for the next start (the audit trail's 操作人)."""
    from app.store import kv
    from app.store.db import atomic

    set_operator(name)
    with atomic():
        kv.put(_OPERATOR_KEY, name.strip())


def restore_operator() -> None:
    """At start-up: the name chosen last time on this register, else the office's 经办人 entered at
    first start, else (an office not yet set up) the OS user."""
    from app.store import kv

    name = kv.get(_OPERATOR_KEY, "") or _office_handler()
    set_operator(name)


def _office_handler() -> str:
    from app.services.startup import OFFICE_KEY
    from app.store import kv

    office = kv.get(OFFICE_KEY) or {}
    return str(office.get("handler") or "").strip() if isinstance(office, dict) else ""
