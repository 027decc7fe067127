"""The register as a spreadsheet (依申请公开登记台账, docs/legal/archive.md): columns, header
variants of hand-kept sheets, and the parsing of outcome and date cells. Pure Python.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from app.domain import outcomes
from app.domain.request import APPLICANT_TYPES, ORGANISATION, ORGANISATION_KINDS, PERSON

# The columns auditors ask for (docs/legal/archive.md), in printed order: key → header.
LEDGER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("case_no", "登记编号"),
    ("received_on", "收到日期"),
    ("channel", "申请方式"),
    ("applicant_type", "申请人类型"),
    ("name", "申请人"),
    ("id_number", "证件号码"),
    ("contact", "联系方式"),
    ("content", "申请内容"),
    ("department", "承办科室"),
    ("correction_notice_on", "补正告知日期"),
    ("corrected_on", "补正日期"),
    ("extension_notice_on", "延期告知日期"),
    ("due_on", "答复期限"),
    ("answered_on", "答复日期"),
    ("outcome", "办理结果"),
    ("answer_doc_no", "答复文号"),
    ("overdue", "是否超期"),
    ("fee", "收费"),
    ("dispute", "复议/诉讼"),
    ("notes", "备注"),
)
# The rest of a registration (条例第二十九条), after the printed columns, so that an exported
# ledger imports back into the same cases. They are outside the print area.
DETAIL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("applicant_kind", "申请人类别"),
    ("id_type", "证件类型"),
    ("legal_rep", "法定代表人"),
    ("contact_person", "联系人"),
    ("phone", "联系电话"),
    ("address", "通信地址"),
    ("postcode", "邮政编码"),
    ("email", "电子邮箱"),
    ("info_name", "所需信息名称"),
    ("info_doc_no", "所需信息文号"),
    ("info_description", "所需信息描述"),
    ("form_wanted", "提供形式"),
    ("delivery_method", "获取方式"),
    ("arrived_on", "到达日期"),
    ("confirmed_on", "确认/签收日期"),
    ("fee_reduction", "申请减免费用"),
    ("delivered_on", "送达日期"),
    ("status", "办理状态"),
)
ALL_COLUMNS = LEDGER_COLUMNS + DETAIL_COLUMNS
DATE_KEYS = frozenset({"received_on", "correction_notice_on", "corrected_on", "extension_notice_on", "due_on",
                       "answered_on", "arrived_on", "confirmed_on", "delivered_on"})
DUE_KEYS = frozenset({"due_on"})  # the one date that may lie ahead of today
REQUIRED_KEYS: dict[str, str] = {"received_on": "收到日期", "name": "申请人", "content": "申请内容"}
MAX_SEQ = 999_999      # a year's sequence number: no township registers a million requests a year
MAX_CASE_NO_CHARS = 40

# Headers seen in hand-kept ledgers, normalised (see _norm_header) → key.
HEADER_VARIANTS: dict[str, tuple[str, ...]] = {
    "case_no": ("编号", "申请编号", "登记号", "序号编号", "受理编号"),
    "received_on": ("收到日期", "受理日期", "申请日期", "收到申请日期", "收到申请之日", "登记日期", "接收日期"),
    "channel": ("申请方式", "申请渠道", "提交方式"),
    "applicant_type": ("申请人类型", "申请主体", "申请人性质"),
    "name": ("申请人", "申请人姓名或名称", "申请人姓名", "申请人名称", "姓名或名称", "姓名/名称", "申请人姓名/名称"),
    "id_number": ("证件号码", "身份证号码", "身份证号", "证件号", "统一社会信用代码", "身份证件号码"),
    "contact": ("联系方式", "联系电话/地址"),
    "content": ("申请内容", "申请公开内容", "所需信息", "申请事项", "所需政府信息", "申请信息内容"),
    "department": ("承办科室", "承办部门", "承办单位", "办理科室"),
    "correction_notice_on": ("补正告知日期", "补正告知", "告知补正日期"),
    "corrected_on": ("补正日期", "补正完成日期", "收到补正日期"),
    "extension_notice_on": ("延期告知日期", "延期", "延期日期"),
    "due_on": ("答复期限", "办理期限", "答复截止日期"),
    "answered_on": ("答复日期", "办结日期", "答复时间"),
    "outcome": ("办理结果", "答复结果", "处理结果", "答复类型"),
    "answer_doc_no": ("答复文号", "答复书文号", "告知书文号"),
    "overdue": ("是否超期", "超期"),
    "fee": ("收费", "收费情况", "信息处理费"),
    "dispute": ("复议/诉讼", "复议诉讼", "行政复议/诉讼", "复议或诉讼", "行政争议"),
    "notes": ("备注",),
}


def _norm_header(text: object) -> str:
    text = unicodedata.normalize("NFKC", str(text or ""))
    text = re.sub(r"\s+", "", text)
    return text.replace("（", "(").replace("）", ")").replace("、", "/").strip("*:：")


def _header_lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for key, header in ALL_COLUMNS:
        table[_norm_header(header)] = key
    for key, variants in HEADER_VARIANTS.items():
        for variant in variants:
            table.setdefault(_norm_header(variant), key)
    return table


_HEADERS = _header_lookup()


def column_key(header: object) -> str | None:
    """The ledger field a header cell names, tolerating the usual variants; None if unknown."""
    norm = _norm_header(header)
    if not norm:
        return None
    if norm in _HEADERS:
        return _HEADERS[norm]
    # "收到日期(年月日)" and similar: the header with an explanation in brackets.
    base = re.sub(r"\(.*?\)$", "", norm)
    return _HEADERS.get(base)


def match_header(cells: list[object]) -> dict[int, str]:
    """Column index → key for a header row; the first column wins when a key repeats."""
    found: dict[int, str] = {}
    seen: set[str] = set()
    for index, cell in enumerate(cells):
        key = column_key(cell)
        if key and key not in seen:
            found[index] = key
            seen.add(key)
    return found


def find_header_row(rows: list[list[object]]) -> tuple[int, dict[int, str]] | None:
    """The row (0-based, among the first rows given) that names the most known columns.

    Hand-kept sheets often start with a title line or two, so the header is searched for.
    At least the date received and the applicant must be recognisable.
    """
    best: tuple[int, dict[int, str]] | None = None
    for index, cells in enumerate(rows):
        mapping = match_header(list(cells))
        if {"received_on", "name"} <= set(mapping.values()) and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
    return best


# ------------------------------------------------------------------- outcomes

def _norm_outcome(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\"'“”‘’「」—\-–_:：,，。;；]", "", text)


_GROUP_PREFIX = re.compile(r"^\([一二三四五六]\)")
_ITEM_PREFIX = re.compile(r"^\d+[.、]")


def _outcome_variants(code: str) -> set[str]:
    o = outcomes.BY_CODE[code]
    full = _norm_outcome(outcomes.full_label(code))
    short = _norm_outcome(outcomes.short_label(code))
    variants = {_norm_outcome(code), full, short, _GROUP_PREFIX.sub("", full)}
    group = _norm_outcome(outcomes.GROUP_LABELS[o.group])
    group_bare = _GROUP_PREFIX.sub("", group)
    if o.group in ("3", "4", "5", "6"):
        item = _norm_outcome(o.label)
        variants |= {group_bare + item, group_bare + short, group + short}
    if o.group == "2":
        variants |= {group_bare.split("(")[0], "部分公开"}
    if code == "1a":
        variants |= {"予以公开已主动公开", "已主动公开", "(一)予以公开已主动公开"}
    return variants


def _outcome_lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for code in outcomes.CODES:
        for variant in _outcome_variants(code):
            if variant in table and table[variant] != code:
                clashes.add(variant)
            table[variant] = code
    return {k: v for k, v in table.items() if k not in clashes}


_OUTCOMES = _outcome_lookup()
_CODE_FIRST = re.compile(r"^\s*(1a|[1-6](?:\.[1-8])?)(?:\s+|[、.．]?\s*(?=[^\d.]))(.+)$")


def parse_outcome(value: object) -> tuple[str | None, str | None]:
    """(code, None) for a recognised 办理结果, (None, None) for an empty cell, (None, message) else.

    Accepts a docs/legal/outcomes.md code (``3.1``; Excel may store it as the number 3.1), the
    annual-report wording in full (``（三）不予公开1.属于国家秘密``) or without the numbering
    (``属于国家秘密``), and a code followed by its wording (``3.1 属于国家秘密``).
    """
    if value is None:
        return None, None
    if isinstance(value, float):
        value = f"{value:g}"
    text = str(value).strip()
    if not text:
        return None, None
    code = _OUTCOMES.get(_norm_outcome(text))
    if code:
        return code, None
    head = _CODE_FIRST.match(text)
    if head and head.group(1) in outcomes.BY_CODE:
        return head.group(1), None
    return None, f"无法识别的办理结果“{text}”：请填写年度报告中的办理结果（如“属于国家秘密”）或其代码（如 3.1）"


# ------------------------------------------------------------------- dates

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")
_DATE_8 = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(value: object) -> tuple[dt.date | None, str | None]:
    """(date, None), (None, None) for an empty cell, or (None, Chinese message).

    Accepts Excel dates (read as datetime, or a bare serial number), and text such as
    ``2026-3-5``, ``2026年3月5日``, ``2026.03.05``, ``2026/3/5`` and ``20260305``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 <= value <= 80000:  # Excel serial days, 1954–2118
            return _EXCEL_EPOCH + dt.timedelta(days=int(value)), None
        value = str(int(value)) if float(value).is_integer() else str(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = re.sub(r"\s+00:00(:00)?$", "", text)
    match = _DATE_TEXT.match(text) or _DATE_8.match(text)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups())), None
        except ValueError:
            return None, f"日期“{text}”不存在"
    return None, f"无法识别的日期“{text}”：请写成 2026-3-5、2026年3月5日 或 2026.03.05"


# ------------------------------------------------------------------- widths

def display_width(text: object) -> int:
    """Width in Excel character units: CJK and full-width characters count as 2."""
    total = 0
    for ch in str(text if text is not None else ""):
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def column_width(header: str, values: list[object], limit: int = 40, minimum: int = 6) -> float:
    """A width that fits the header and most values; long text wraps instead of widening."""
    longest = max([display_width(header)] + [max((display_width(p) for p in str(v).split("\n")), default=0)
                                              for v in values if v not in (None, "")])
    return float(min(max(longest + 2, minimum), limit))


def wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a wrapping cell `width` characters wide (CJK = 2)."""
    usable = max(int(width), 2)  # a CJK glyph is a little narrower than two digits
    return sum(max(1, -(-display_width(part) // usable)) for part in text.split("\n"))


# ------------------------------------------------------------------- rows

def applicant_type_label(applicant_type: str) -> str:
    return APPLICANT_TYPES.get(applicant_type, applicant_type)


def parse_applicant(type_cell: object, kind_cell: object) -> tuple[str, str, str | None]:
    """(applicant_type, applicant_kind, problem) from 申请人类型 and 申请人类别 cells.

    Hand-kept ledgers often write the annual report's kind (商业企业 …) straight into 申请人类型.
    """
    type_text = str(type_cell or "").strip()
    kind_text = str(kind_cell or "").strip()
    for text in (kind_text, type_text):
        if text in ORGANISATION_KINDS:
            return ORGANISATION, text, None
    if type_text in ("", "自然人", "个人", "公民") or kind_text == "自然人":
        if kind_text and kind_text != "自然人" and kind_text not in ORGANISATION_KINDS:
            return PERSON, "自然人", f"无法识别的申请人类别“{kind_text}”"
        return PERSON, "自然人", None
    if type_text in ("法人或其他组织", "法人", "其他组织", "单位", "企业"):
        return ORGANISATION, "其他", None
    return PERSON, "自然人", f"无法识别的申请人类型“{type_text}”：应为“自然人”或“法人或其他组织”"


def yes_no(value: object) -> bool | None:
    text = str(value if value is not None else "").strip()
    if text in ("是", "Y", "y", "True", "TRUE", "1", "√"):
        return True
    if text in ("否", "N", "n", "False", "FALSE", "0", ""):
        return False
    return None


def is_overdue(due_on: dt.date | None, answered_on: dt.date | None, today: dt.date) -> str:
    """是否超期 as the ledger prints it: answered after the limit, or still open past it."""
    if due_on is None:
        return ""
    if answered_on is not None:
        return "是" if answered_on > due_on else "否"
    return "是" if today > due_on else "否"


_SEQ = re.compile(r"(\d+)\D*$")


def seq_of(case_no: str) -> int | None:
    """The yearly sequence number in a case number such as 〔2026〕第12号 (its last number)."""
    match = _SEQ.search(case_no or "")
    return int(match.group(1)) if match else None


def check_case_no(case_no: str) -> str | None:
    """None for a 登记编号 the register can keep (or none at all: one is given), else the reason."""
    if not case_no:
        return None
    if len(case_no) > MAX_CASE_NO_CHARS:
        return f"登记编号“{case_no[:20]}…”过长（最多{MAX_CASE_NO_CHARS}个字符）"
    seq = seq_of(case_no)
    if seq is not None and seq > MAX_SEQ:
        return f"登记编号“{case_no}”中的序号{seq}过大（一年的序号最多为{MAX_SEQ}），请核对"
    return None
