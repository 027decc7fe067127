"""A disclosure request (依申请公开申请) as plain data, with its vocabularies.

The fields are those of 条例第二十九条 and docs/legal/requests.md, 登记内容.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

PERSON = "person"
ORGANISATION = "organisation"
APPLICANT_TYPES = {PERSON: "自然人", ORGANISATION: "法人或其他组织"}
# The annual report's columns, in printed order (table 3).
APPLICANT_KINDS: tuple[str, ...] = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
ORGANISATION_KINDS: tuple[str, ...] = APPLICANT_KINDS[1:]

ID_TYPES_PERSON: tuple[str, ...] = ("居民身份证", "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "其他")
ID_TYPES_ORGANISATION: tuple[str, ...] = ("统一社会信用代码", "其他")

CHANNELS: tuple[str, ...] = ("当面", "邮寄", "平常信函", "网络平台", "传真", "电子邮件")
FORMS_WANTED: tuple[str, ...] = ("纸质", "电子", "其他")
DELIVERY_METHODS: tuple[str, ...] = ("邮寄", "电子邮件", "传真", "自行领取", "当场阅读抄录")
# The 获取方式 a request of each channel most likely wants (the clerk may choose another): who walks in
# collects the answer at the office, so no address is asked of her (条例第二十九条 asks for a contact,
# not a postal address).
DELIVERY_FOR_CHANNEL: dict[str, str] = {"当面": "自行领取", "邮寄": "邮寄", "平常信函": "邮寄", "网络平台": "电子邮件",
                                        "传真": "传真", "电子邮件": "电子邮件"}

# Case statuses (docs/legal/requests.md). Terminal statuses end the legal clock; which step may be
# taken in which status is app/domain/case_flow.py.
REGISTERED = "登记"
REVIEWING = "审查中"
CORRECTING = "补正中"  # waiting for the applicant's correction (条例第三十条)
HANDLING = "办理中"
CONSULTING = "征求意见中"  # waiting for a third party or agency (条例第三十二条、第三十四条)
AWAITING_FEE = "待缴费"  # waiting for the fee (国办函〔2020〕109号)
EXTENDED = "已延期"  # the answer limit extended (条例第三十三条第二款)
ANSWERED = "已答复"
CLOSED = "已办结"  # concluded without an answer letter (outcomes 6.x)
STATUSES: tuple[str, ...] = (REGISTERED, REVIEWING, CORRECTING, HANDLING, CONSULTING, AWAITING_FEE, EXTENDED,
                             ANSWERED, CLOSED)
CONCLUDED_STATUSES: frozenset[str] = frozenset((ANSWERED, CLOSED))


def concluded_status(outcome_code: str) -> str:
    """The status a case takes with its outcome: 6.x (其他处理) closes it, every other outcome answers it."""
    return CLOSED if outcome_code.startswith("6") else ANSWERED


@dataclass
class RequestData:
    """Everything the clerk types in the registration form (条例第二十九条)."""

    applicant_type: str = PERSON
    applicant_kind: str = "自然人"
    name: str = ""
    id_type: str = "居民身份证"
    id_number: str = ""
    legal_rep: str = ""
    contact_person: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    email: str = ""
    info_name: str = ""
    info_doc_no: str = ""
    info_description: str = ""
    form_wanted: str = "纸质"
    delivery_method: str = "自行领取"  # DELIVERY_FOR_CHANNEL of the default channel
    channel: str = "当面"
    arrived_on: dt.date | None = None
    confirmed_on: dt.date | None = None
    department: str = ""
    fee_reduction: bool = False
    notes: str = ""


@dataclass
class Case(RequestData):
    """A registered request as the services hand it to screens and scripts."""

    id: int = 0
    case_no: str = ""
    year: int = 0
    seq: int = 0
    received_on: dt.date | None = None
    status: str = REGISTERED
    outcome: str | None = None
    answered_on: dt.date | None = None
    delivered_on: dt.date | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    extra: dict = field(default_factory=dict)


def mask_id(value: str) -> str:
    """Identity numbers shown everywhere but the form field: first 6 and last 4 (个人信息保护法)."""
    value = (value or "").strip()
    if len(value) <= 10:
        return value[:2] + "*" * max(len(value) - 2, 0) if value else ""
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str) -> str:
    """Phone numbers in lists and exports: keep the first 3 and last 4 digits."""
    value = (value or "").strip()
    if len(value) < 8:
        return value
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


@dataclass(frozen=True)
class ReceivedOn:
    """The legal date received and the rule that produced it (条例第三十一条)."""

    date: dt.date | None
    rule: str


def legal_received_on(channel: str, arrived_on: dt.date | None, confirmed_on: dt.date | None) -> ReceivedOn:
    """Derive 收到申请之日 by 条例第三十一条 from the channel and the two recorded dates.

    当面: the day handed in. 邮寄: the day the office signed for it. 平常信函: the day the office
    confirmed with the applicant. 网络平台 / 传真 / 电子邮件: the day both sides confirmed.
    """
    if channel == "当面":
        return ReceivedOn(arrived_on, "条例第三十一条第（一）项：当面提交的，以提交之日为收到申请之日")
    if channel == "邮寄":
        return ReceivedOn(confirmed_on or arrived_on,
                          "条例第三十一条第（二）项：邮寄的，以行政机关签收之日为收到申请之日")
    if channel == "平常信函":
        return ReceivedOn(confirmed_on,
                          "条例第三十一条第（二）项：以平常信函等无需签收的邮寄方式提交的，"
                          "以行政机关与申请人确认之日为收到申请之日")
    if channel in ("网络平台", "传真", "电子邮件"):
        return ReceivedOn(confirmed_on,
                          "条例第三十一条第（三）项：通过互联网渠道或者传真提交的，"
                          "以双方确认之日为收到申请之日")
    raise ValueError(f"未知的申请方式：{channel}")


def channel_needs_confirmation(channel: str) -> bool:
    """Whether the channel's legal date is a separate confirmation / signature date."""
    return channel != "当面"


@dataclass
class TimelineEntry:
    """One event of a case's timeline as screens show it."""

    id: int
    kind: str
    happened_on: dt.date
    summary: str
    data: dict
    operator: str
    created_at: dt.datetime | None


@dataclass
class CaseRow:
    """One line of the register list (lighter than a whole Case)."""

    id: int
    case_no: str
    received_on: dt.date
    applicant_kind: str
    name: str
    content: str
    status: str
    outcome: str | None
    answered_on: dt.date | None
    due_on: dt.date | None
    due_key: str


@dataclass
class CaseQuery:
    """What the register list shows: search text over case number, applicant and content."""

    text: str = ""
    year: int | None = None
    status: str | None = None
    outcome: str | None = None
    sort: str = "received_on"
    descending: bool = True


def search_text(case_no: str, data: RequestData) -> str:
    """The text search-as-you-type matches against: the number, who asked (name, contact, phone as
    typed and as digits only, ID number) and what for."""
    digits = "".join(ch for ch in data.phone or "" if ch.isdigit())
    parts = (case_no, data.name, data.contact_person, data.phone, digits, data.id_number, data.info_name,
             data.info_doc_no, data.info_description, data.department)
    return "\n".join(p for p in parts if p).lower()


FIELD_LABELS: dict[str, str] = {
    "applicant_type": "申请人类型", "applicant_kind": "申请人类别", "name": "申请人姓名/名称",
    "id_type": "证件类型", "id_number": "证件号码", "legal_rep": "法定代表人", "contact_person": "联系人",
    "phone": "联系电话", "address": "通信地址", "postcode": "邮政编码", "email": "电子邮箱",
    "info_name": "所需信息名称", "info_doc_no": "所需信息文号", "info_description": "所需信息描述",
    "form_wanted": "提供形式", "delivery_method": "获取方式", "channel": "申请方式",
    "arrived_on": "到达日期", "confirmed_on": "确认/签收日期", "received_on": "收到申请日期",
    "department": "承办科室", "fee_reduction": "申请减免费用", "notes": "备注", "status": "办理状态",
    "outcome": "办理结果", "answered_on": "答复日期", "delivered_on": "送达日期",
}


_CONTROL = {c: None for c in range(32) if chr(c) not in "\t\n\r"} | {0x0B: "\n", 0x0C: "\n", 0x7F: None}


def clean_text_fields(data: RequestData) -> RequestData:
    """The request with control characters taken out of its text (Word's manual line break becomes
    a new line: they cannot be printed, exported to Excel or searched) and its identity number in
    its one stored form."""
    from dataclasses import replace

    from app.domain.ids import normalise_id

    changes = {f.name: getattr(data, f.name).translate(_CONTROL) for f in fields(RequestData)
               if isinstance(getattr(data, f.name), str)}
    changes["id_number"] = normalise_id(changes["id_number"])  # one stored form (app.domain.ids)
    return replace(data, **changes)
