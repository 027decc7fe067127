"""Key/value settings stored as JSON."""
from __future__ import annotations

import json
from typing import Any

from app.store import district
from app.store.schema import Setting


def get(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    return json.loads(row.value) if row else default


def put(key: str, value: Any) -> None:
    payload = json.dumps(value, ensure_ascii=False, default=str)
    Setting.insert(key=key, value=payload).on_conflict(conflict_target=district.conflict_key(Setting.key),
                                                 preserve=[Setting.value]).execute()


def has(key: str) -> bool:
    return Setting.select().where(Setting.key == key).exists()
