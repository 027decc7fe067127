"""Checks of identity numbers and contact formats, with Chinese messages.

居民身份证号码: GB 11643-1999 (18 characters, ISO 7064 MOD 11-2 check digit, a real birth date).
统一社会信用代码: GB 32100-2015 (18 characters over 31 symbols, MOD 31 check character).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# re.ASCII: \d would otherwise accept full-width and other scripts' digits, stored as typed.
_MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
_LANDLINE = re.compile(r"^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$", re.ASCII)
_SERVICE = re.compile(r"^[48]00-?\d{3}-?\d{4}$", re.ASCII)
_POSTCODE = re.compile(r"^\d{6}$", re.ASCII)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalise_id(value: str) -> str:
    """An identity number in its one stored form: half-width (NFKC), no spaces, upper case.

    Clerks type 1101 0519 … or a lower-case x, and paste full-width digits; stored as typed, the
    same number would look like two to duplicate checks and be masked wrongly (first 6, last 4)."""
    return "".join(unicodedata.normalize("NFKC", value or "").split()).upper()


def id_card_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


def check_id_card(value: str, today: dt.date | None = None) -> str | None:
    """None if `value` is a valid 居民身份证号码, else the Chinese reason (GB 11643)."""
    v = (value or "").strip().upper()
    if len(v) != 18:
        return f"居民身份证号码应为18位，现为{len(v)}位"
    if not (v.isascii() and v[:17].isdigit() and (v[17].isdigit() or v[17] == "X")):
        return "居民身份证号码前17位应为数字，末位为数字或X（请使用半角字符）"
    try:
        birth = dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return f"居民身份证号码中的出生日期 {v[6:14]} 不是真实日期"
    if birth.year < 1900 or birth > (today or dt.date.today()):
        return f"居民身份证号码中的出生日期 {v[6:14]} 不合理"
    expected = id_card_check_char(v[:17])
    if v[17] != expected:
        return f"居民身份证号码校验位错误（末位应为 {expected}），请核对号码"
    return None


def uscc_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    return _USCC_CHARS[(31 - total % 31) % 31]


def check_uscc(value: str) -> str | None:
    """None if `value` is a valid 统一社会信用代码, else the Chinese reason (GB 32100)."""
    v = (value or "").strip().upper()
    if len(v) != 18:
        return f"统一社会信用代码应为18位，现为{len(v)}位"
    bad = sorted({c for c in v if c not in _USCC_CHARS})
    if bad:
        return f"统一社会信用代码含有不允许的字符：{''.join(bad)}（不使用I、O、Z、S、V）"
    if not (v[2:8].isascii() and v[2:8].isdigit()):
        return "统一社会信用代码第3至8位应为行政区划码（数字）"
    expected = uscc_check_char(v[:17])
    if v[17] != expected:
        return f"统一社会信用代码校验位错误（末位应为 {expected}），请核对代码"
    return None


def check_phone(value: str) -> str | None:
    """Mobile (11 digits from 13–19), landline with or without area code, or 400/800 numbers."""
    v = re.sub(r"[\s()（）]", "", value or "")
    if _MOBILE.match(v) or _LANDLINE.match(v) or _SERVICE.match(v):
        return None
    if v.isdigit() and v.startswith("1"):
        return "手机号码应为以13至19开头的11位数字"
    return "电话号码格式不正确：手机为11位数字，固定电话如 0576-84123456"


def check_postcode(value: str) -> str | None:
    return None if _POSTCODE.match((value or "").strip()) else "邮政编码应为6位数字"


def check_email(value: str) -> str | None:
    return None if _EMAIL.match((value or "").strip()) else "电子邮箱格式不正确，如 name@example.com"
