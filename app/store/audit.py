"""The audit trail: append-only; there is deliberately no update or delete here."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from app.store.schema import AuditEntry

_operator = {"name": ""}


def set_operator(name: str) -> None:
    """The operator chosen at start-up (defaults to the OS user)."""
    _operator["name"] = name


def operator() -> str:
    if not _operator["name"]:
        import getpass

        try:
            _operator["name"] = getpass.getuser()
        except Exception:  # getpass raises various errors when no user name can be found
            _operator["name"] = "未知用户"
    return _operator["name"]


def record(entity: str, entity_id: object, action: str, changes: dict | None = None,
           case_id: int | None = None) -> None:
    """Append one entry; `changes` maps field → [old, new].

    `case_id` ties a change of a notice, review or dispute to its case so the case timeline can
    show it; a change of the request itself gets it automatically.
    """
    if case_id is None and entity == "request":
        case_id = int(entity_id)
    AuditEntry.create(operator=operator(), entity=entity, entity_id=str(entity_id), action=action,
                      changes=json.dumps(changes or {}, ensure_ascii=False, default=str), case_id=case_id)


@dataclass
class AuditRow:
    at: dt.datetime
    operator: str
    entity: str
    entity_id: str
    action: str
    changes: dict


def entries(entity: str | None = None, entity_id: object | None = None,
            case_id: int | None = None) -> list[AuditRow]:
    """Entries oldest first, optionally of one entity or of everything belonging to one case."""
    q = AuditEntry.select().order_by(AuditEntry.id)
    if entity is not None:
        q = q.where(AuditEntry.entity == entity)
    if entity_id is not None:
        q = q.where(AuditEntry.entity_id == str(entity_id))
    if case_id is not None:
        q = q.where(AuditEntry.case_id == case_id)
    return [AuditRow(e.at, e.operator, e.entity, e.entity_id, e.action, json.loads(e.changes)) for e in q]
