"""Office settings (机关设置): declared defaults in the domain, stored in the database."""
from __future__ import annotations

import json
from dataclasses import replace

from app.domain.archive import check_archive_settings
from app.domain.settings import (
    SETTING_LABELS, OfficeSettings, check_number_format, check_settings, parse_setting, setting_key,
)
from app.services.errors import ValidationError
from app.services.startup import OFFICE_KEY as _KEY
from app.store import audit, kv
from app.store.db import atomic


def is_configured() -> bool:
    """Whether the first-start settings dialog has been completed."""
    return kv.has(_KEY)


def load() -> OfficeSettings:
    return OfficeSettings.from_dict(kv.get(_KEY, {}))


def validate(s: OfficeSettings) -> dict[str, str]:
    errors = check_settings(s)
    if message := check_number_format(s.case_no_format, ("year", "seq")):
        errors["case_no_format"] = message
    if message := check_number_format(s.doc_no_format, ("prefix", "code", "year", "seq")):
        errors["doc_no_format"] = message
    for name in ("limit_accept", "limit_review", "limit_draft", "limit_proactive_scope", "limit_sign",
                 "correction_period"):
        value = getattr(s, name)
        if not isinstance(value, int) or not 1 <= value <= 60:
            errors[name] = "工作日数应为1至60之间的整数"
    archive = check_archive_settings(s.fonds_no or "0", s.org_code, s.retention)  # 全宗号 may wait for the archive
    return errors | archive


def save(s: OfficeSettings) -> None:
    """Save after validation; the change is audited with old and new values."""
    errors = validate(s)
    if errors:
        raise ValidationError(errors)
    old = load().to_dict() if is_configured() else {}
    new = s.to_dict()
    changes = {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}
    with atomic():
        kv.put(_KEY, new)
        audit.record("settings", "office", "修改机关设置" if old else "初始化机关设置", changes)
    from app.services import audit as trail

    trail.restore_operator()  # the 经办人 entered here signs the audit trail unless another was chosen


def labelled() -> list[tuple[str, str, object]]:
    """Every setting as (key, Chinese label, value), in the dialog's order (for `settings --show`)."""
    current = load().to_dict()
    return [(key, label, current[key]) for key, label in SETTING_LABELS.items()]


def save_values(values: dict[str, object]) -> OfficeSettings:
    """Change the named settings (keys: field names or their Chinese labels; text values are parsed)
    over the current ones — or the declared defaults on a new register — then validate and save.
    An unknown name or a bad value is refused whole (ValidationError keyed by the field name)."""
    changes: dict[str, object] = {}
    errors: dict[str, str] = {}
    for name, raw in values.items():
        key = setting_key(str(name))
        if key is None:
            errors[str(name)] = f"没有名为“{name}”的设置项。可用的有：" + "、".join(SETTING_LABELS)
            continue
        value, problem = parse_setting(key, _as_text(raw))
        if problem:
            errors[key] = problem
        changes[key] = value
    if errors:
        raise ValidationError(errors)
    new = replace(load(), **changes)
    save(new)
    return new


def _as_text(raw: object) -> str:
    """A value from a JSON file as the text a clerk would type (true → 是, 3 → "3")."""
    if isinstance(raw, bool):
        return "是" if raw else "否"
    if isinstance(raw, (int, float, str)):
        return str(raw)
    return json.dumps(raw, ensure_ascii=False)
