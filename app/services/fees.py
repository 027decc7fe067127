"""The 信息处理费 of a request, computed from the register (国办函〔2020〕109号; app.domain.fees).

按件计收 counts the applicant's requests in the calendar month of this one's receipt, matched by
identity document number or 统一社会信用代码 (109号第六条第（一）项: 同一申请人一个自然月内);
按量计收 prices the pages entered by the clerk.
"""
from __future__ import annotations

import datetime as dt

from app.domain import fees
from app.domain.fees import Fee
from app.services import register
from app.services.errors import ValidationError
from app.store import register as store


def month_ordinal(case_id: int) -> tuple[int, str]:
    """Which request of its applicant's calendar month this one is (1 = the first), and how that
    was counted, in words."""
    case = register.get_case(case_id)
    number = (case.id_number or "").strip()
    if not number:
        return 1, "未登记身份证件号码或统一社会信用代码，只计本件"
    first = case.received_on.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    ids = [row_id for row_id, _ in store.same_applicant_in_month(number, first, last)]
    ordinal = ids.index(case_id) + 1 if case_id in ids else len(ids) + 1
    return ordinal, f"按证件号码统计该申请人{first.year}年{first.month}月的申请"


def compute(case_id: int, method: str, pages: int | None = None) -> Fee:
    """The fee of this request by ``method`` (109号第六条; one method only)."""
    if method == fees.BY_COUNT:
        ordinal, how = month_ordinal(case_id)
        fee = fees.month_ordinal_fee(ordinal)
        return Fee(fee.method, fee.amount, (f"{fee.steps[0]}（{how}）",) + fee.steps[1:])
    if method == fees.BY_PAGES:
        if pages is None or pages < 0:
            raise ValidationError({"页数": "按量计收请填写页数（不小于0的整数）"})
        return fees.fee_by_pages(pages)
    raise ValidationError({"收费方式": "计收方式应为按件计收或按量计收（国办函〔2020〕109号，二者只能选其一）"})


def parse_pages(value: object) -> int | None:
    """Pages as typed ('' → None); a clear message for anything else."""
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValidationError({"页数": "页数应为不小于0的整数"})
    return int(text)
