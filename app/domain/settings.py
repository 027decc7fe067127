"""Office settings (机关设置) with declared defaults, and the number formats they drive."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields


@dataclass
class OfficeSettings:
    office_name: str = ""            # 机关全称, e.g. 黄岩区茅畲乡人民政府
    short_name: str = ""             # 简称, e.g. 茅畲乡
    doc_prefix: str = ""             # 文号前缀, e.g. 茅政信
    disclosure_unit: str = "党政办公室"  # 政府信息公开工作机构
    address: str = ""
    postcode: str = ""
    phone: str = ""
    handler: str = ""                # 经办人
    leader: str = ""                 # 分管领导
    reconsideration_body: str = ""   # 行政复议机关
    court: str = ""                  # 管辖人民法院
    fonds_no: str = ""               # 全宗号
    org_code: str = ""               # 机构（问题）代码
    retention: str = "D30"           # 依申请公开文件的默认保管期限 (Y / D30 / D10)
    case_no_format: str = "〔{year}〕第{seq}号"
    doc_no_format: str = "{prefix}{code}〔{year}〕{seq}号"
    # Township internal limits in working days (本乡依申请公开办理工作流程, docs/legal/sources.md): settings, not law.
    limit_accept: int = 1
    limit_review: int = 2
    limit_draft: int = 7
    limit_proactive_scope: int = 5
    limit_sign: int = 3
    correction_period: int = 15      # 补正期限 given in the notice (working days)
    review_four_steps: bool = False  # 保密审查 with a fourth step
    withheld_review_months: int = 12  # 动态调整: review date for items withheld
    idle_lock_minutes: int = 0       # 0 = no idle lock
    press_pattern: str = "1+2+N"     # 新闻发布 quota (app/domain/press.py PATTERNS; docs/legal/duties.md)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "OfficeSettings":
        known = {f.name: f.type for f in fields(cls)}
        clean = {k: v for k, v in data.items() if k in known}
        return cls(**clean)


# Every setting as the clerk knows it (the settings dialog's labels); the command line accepts either.
SETTING_LABELS: dict[str, str] = {
    "office_name": "机关全称", "short_name": "简称", "doc_prefix": "文号前缀", "disclosure_unit": "政府信息公开工作机构",
    "address": "地址", "postcode": "邮编", "phone": "联系电话", "handler": "经办人", "leader": "分管领导",
    "reconsideration_body": "行政复议机关", "court": "管辖人民法院", "fonds_no": "全宗号", "org_code": "机构（问题）代码",
    "retention": "保管期限", "case_no_format": "登记编号格式", "doc_no_format": "文号格式",
    "limit_accept": "受理登记时限", "limit_review": "审查时限", "limit_draft": "拟答复意见时限",
    "limit_proactive_scope": "主动公开范围告知时限", "limit_sign": "送签时限", "correction_period": "补正期限",
    "review_four_steps": "保密审查四级签批", "withheld_review_months": "暂不公开复核间隔（月）",
    "idle_lock_minutes": "无操作自动锁定（分钟）",
}


def setting_key(name: str) -> str | None:
    """The field a name means: the field name itself or its Chinese label; None if neither."""
    name = name.strip()
    if name in SETTING_LABELS:
        return name
    return next((key for key, label in SETTING_LABELS.items() if label == name), None)


def parse_setting(key: str, text: str) -> tuple[object, str | None]:
    """A typed value for field `key` from text (numbers, 是/否), or (None, the Chinese reason)."""
    kind = {f.name: f.type for f in fields(OfficeSettings)}[key]
    text = text.strip()
    if kind in ("int", int):
        try:
            return int(text), None
        except ValueError:
            return None, f"“{SETTING_LABELS[key]}”应为整数，现为“{text}”"
    if kind in ("bool", bool):
        if text.lower() in ("是", "true", "1", "yes", "y"):
            return True, None
        if text.lower() in ("否", "false", "0", "no", "n", ""):
            return False, None
        return None, f"“{SETTING_LABELS[key]}”应为 是 或 否，现为“{text}”"
    return text, None


REQUIRED_SETTINGS: dict[str, str] = {
    "office_name": "机关全称",
    "short_name": "简称",
    "doc_prefix": "文号前缀",
    "disclosure_unit": "政府信息公开工作机构",
    "reconsideration_body": "行政复议机关",
    "court": "管辖人民法院",
}


def check_settings(s: OfficeSettings) -> dict[str, str]:
    """Missing required settings, field → Chinese message."""
    return {k: f"请填写{label}" for k, label in REQUIRED_SETTINGS.items() if not str(getattr(s, k)).strip()}


def format_case_no(fmt: str, year: int, seq: int) -> str:
    """登记编号 from the office's format, e.g. 〔2026〕第12号 (〔〕 are U+3014/U+3015)."""
    return fmt.format(year=year, seq=seq)


def format_doc_no(fmt: str, prefix: str, code: str, year: int, seq: int) -> str:
    """文号 such as 茅政信补〔2026〕3号 (docs/legal/notices.md, Numbering)."""
    return fmt.format(prefix=prefix, code=code, year=year, seq=seq)


def check_number_format(fmt: str, keys: tuple[str, ...]) -> str | None:
    """None if `fmt` formats with `keys` and contains {seq}; else a Chinese message."""
    if "{seq}" not in fmt:
        return "编号格式必须包含 {seq}（序号）"
    try:
        fmt.format(**{k: 1 for k in keys})
    except (KeyError, IndexError, ValueError) as exc:
        return f"编号格式有误：{exc}，可用的占位符为 " + "、".join("{" + k + "}" for k in keys)
    return None
