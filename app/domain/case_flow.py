"""Which step of a request may be taken in which status (docs/legal/requests.md, 条例第三十条至第三十五条).

The services refuse a step its status does not allow, whatever asked for it (the case view, the
command line, an import); the case view enables only the steps allowed, from the same table.
"""
from __future__ import annotations

from app.domain.request import (AWAITING_FEE, CONCLUDED_STATUSES, CONSULTING, CORRECTING, EXTENDED, HANDLING,
                                REGISTERED, REVIEWING)

# Before the answer, with no correction outstanding.
BEFORE_ANSWER: frozenset[str] = frozenset({REGISTERED, REVIEWING, HANDLING, CONSULTING, AWAITING_FEE, EXTENDED})
OPEN: frozenset[str] = BEFORE_ANSWER | {CORRECTING}

# Step key -> the statuses it may be taken in.
STEPS: dict[str, frozenset[str]] = {
    # 条例第三十条: the correction is asked for once, while the request is being examined.
    "send_correction": frozenset({REGISTERED, REVIEWING, HANDLING}),
    "receive_correction": frozenset({CORRECTING}),
    "correction_lapsed": frozenset({CORRECTING}),
    # The township's own steps (本机关流程): examination, draft answer, sent for signature.
    "reviewed": frozenset({REGISTERED, REVIEWING}),
    "draft_done": BEFORE_ANSWER,
    "signed": BEFORE_ANSWER,
    # 条例第三十二条、第三十四条: consultation pauses the clock.
    "start_consultation": BEFORE_ANSWER,
    "receive_opinion": frozenset({CONSULTING}),
    # 国办函〔2020〕109号: one fee notice at a time; payment or lapse ends it.
    "send_fee_notice": BEFORE_ANSWER - {AWAITING_FEE},
    "fee_paid": frozenset({AWAITING_FEE}),
    "fee_lapsed": frozenset({AWAITING_FEE}),
    # A fee notice or request for opinion reaches its addressee (送达): its period counts from then.
    "record_delivery": OPEN,
    # 条例第三十三条第二款: one extension.
    "extend": BEFORE_ANSWER - {EXTENDED},
    # 条例第三十五条: a reasonable later date.
    "custom_due": OPEN,
    "answer": OPEN,
}

STEP_NAMES: dict[str, str] = {
    "send_correction": "发出补正告知", "receive_correction": "收到补正", "correction_lapsed": "按逾期未补正办结",
    "reviewed": "审查完成", "draft_done": "拟答复完成", "signed": "已送签", "start_consultation": "发起征求意见",
    "receive_opinion": "收到意见", "send_fee_notice": "发出收费通知", "fee_paid": "已缴费", "fee_lapsed": "按逾期未缴费办结",
    "record_delivery": "登记送达",
    "extend": "延期", "custom_due": "另定期限", "answer": "答复",
}


# Where the law itself says why a step cannot be taken again, that is the message.
REASONS: dict[tuple[str, str], str] = {
    ("extend", EXTENDED): "本申请已经延期一次，延长期限最长不得超过20个工作日（条例第三十三条第二款）",
    ("send_correction", CORRECTING): "补正告知应一次性告知（条例第三十条），本申请已发出过补正告知书",
    ("send_fee_notice", AWAITING_FEE): "本申请已有一份收费通知等待缴费（国办函〔2020〕109号）",
}


def allowed(step: str, status: str) -> bool:
    return status in STEPS[step]


def refusal(step: str, status: str, case_no: str = "") -> str | None:
    """Why `step` may not be taken in `status`, in Chinese; None when it may."""
    if allowed(step, status):
        return None
    if (step, status) in REASONS:
        return REASONS[(step, status)]
    name = STEP_NAMES[step]
    who = f"申请{case_no}" if case_no else "本申请"
    if status in CONCLUDED_STATUSES:
        return f"{who}已{status}，不能再{name}"
    return f"{who}当前状态为“{status}”，此时不能{name}"
