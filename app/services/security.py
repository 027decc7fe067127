"""The optional start-up password and the idle lock (个人信息保护法: a visitor at the clerk's PC).

The password is stored only as an argon2id hash with its own random salt (argon2-cffi); the
program can check a password but never recover it.
"""
from __future__ import annotations

from app.services import settings as office
from app.services.errors import ServiceError, ValidationError
from app.services.startup import PASSWORD_KEY as _KEY
from app.store import audit, kv
from app.store.db import atomic

MIN_LENGTH = 6


def _hasher():
    from argon2 import PasswordHasher  # lazily: start-up speed

    return PasswordHasher()


def password_required() -> bool:
    """Whether the program asks for a password at start and after the idle time."""
    return bool(kv.get(_KEY))


def verify(password: str) -> bool:
    """True when `password` matches the stored hash (or when no password is set)."""
    stored = kv.get(_KEY)
    if not stored:
        return True
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored, password or "")
    except (VerificationError, InvalidHashError):
        return False


def set_password(new: str | None, current: str | None = None) -> None:
    """Set, change (`current` must match) or clear (`new` None or empty) the start-up password."""
    if password_required() and not verify(current or ""):
        raise ValidationError({"current": "当前密码不正确"})
    if new and len(new) < MIN_LENGTH:
        raise ValidationError({"new": f"密码至少需要{MIN_LENGTH}个字符"})
    hashed = _hasher().hash(new) if new else ""
    action = "设置启动密码" if new else "取消启动密码"
    with atomic():
        kv.put(_KEY, hashed)
        audit.record("settings", "password", action, {})  # never the hash, never the password


def idle_lock_minutes() -> int:
    """Minutes without input before the window locks; 0 means never (机关设置)."""
    if not password_required():
        return 0
    minutes = office.load().idle_lock_minutes
    return minutes if isinstance(minutes, int) and minutes > 0 else 0


def unlock(password: str) -> None:
    """Raise ServiceError unless `password` is right (for the lock screen)."""
    if not verify(password):
        raise ServiceError("密码不正确")
