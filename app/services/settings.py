"""Office settings (机关设置): declared defaults in the domain, stored in the database."""
from __future__ import annotations

from app.domain.settings import OfficeSettings, check_number_format, check_settings
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
    return errors


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
