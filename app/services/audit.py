"""Reading the audit trail (who changed what, when, old and new values). Nothing here writes:
entries are appended by the services that make the changes, and SQLite refuses to alter them."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.store import audit

ENTITY_LABELS = {"request": "申请", "document": "文书", "secrecy_review": "保密审查", "dispute": "复议诉讼",
                 "settings": "设置", "calendar": "工作日历", "database": "数据文件", "year": "年度归档",
                 "proactive_item": "主动公开", "proactive_comment": "征求意见", "ledger": "台账",
                 "annual_report": "年度报告"}
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


def _text(field: str, value: object) -> str:
    if value in (None, ""):
        return "（空）"
    masker = _MASKED.get(field)
    if masker is None:
        return str(value)
    from app.domain import request  # imported on first read: the operator is restored at start-up

    return getattr(request, masker)(str(value))


def _entry(row: audit.AuditRow) -> HistoryEntry:
    from app.domain.request import FIELD_LABELS

    changes = []
    for name, pair in row.changes.items():
        old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        changes.append(Change(name, FIELD_LABELS.get(name, name), _text(name, old), _text(name, new)))
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
    """At start-up: the name chosen last time on this register, else the OS user."""
    from app.store import kv

    name = kv.get(_OPERATOR_KEY, "")
    if name:
        set_operator(name)
