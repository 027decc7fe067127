"""Outcome codes of a request = rows of table 3 of the annual report (国办公开办函〔2021〕30号).

See docs/legal/outcomes.md: an outcome is stored as its code, never as free text, so that
the annual report is a count over stored codes and nothing else.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.dates import cn_date

if TYPE_CHECKING:  # pragma: no cover
    from app.domain.clock import ClockResult


@dataclass(frozen=True)
class Outcome:
    code: str
    group: str          # "1" … "6"
    label: str          # the row label as printed in the annual report
    basis: str          # legal basis, e.g. "条例第三十六条第（二）项"
    notice_kind: str | None  # the answer notice kind (templates_docx name), None for closing records


GROUP_LABELS: dict[str, str] = {
    "1": "（一）予以公开",
    "2": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "3": "（三）不予公开",
    "4": "（四）无法提供",
    "5": "（五）不予处理",
    "6": "（六）其他处理",
}

OUTCOMES: tuple[Outcome, ...] = (
    Outcome("1", "1", "（一）予以公开", "条例第三十六条第（二）项", "答复告知书（予以公开）"),
    Outcome("1a", "1", "（一）予以公开——已主动公开", "条例第三十六条第（一）项", "答复告知书（已主动公开）"),
    Outcome("2", "2", GROUP_LABELS["2"], "条例第三十七条", "答复告知书（部分公开）"),
    Outcome("3.1", "3", "1.属于国家秘密", "条例第十四条", "答复告知书（不予公开）"),
    Outcome("3.2", "3", "2.其他法律行政法规禁止公开", "条例第十四条", "答复告知书（不予公开）"),
    Outcome("3.3", "3", "3.危及“三安全一稳定”", "条例第十四条", "答复告知书（不予公开）"),
    Outcome("3.4", "3", "4.保护第三方合法权益", "条例第十五条、第三十二条", "答复告知书（不予公开）"),
    Outcome("3.5", "3", "5.属于三类内部事务信息", "条例第十六条第一款", "答复告知书（不予公开）"),
    Outcome("3.6", "3", "6.属于四类过程性信息", "条例第十六条第二款", "答复告知书（不予公开）"),
    Outcome("3.7", "3", "7.属于行政执法案卷", "条例第十六条第二款", "答复告知书（不予公开）"),
    Outcome("3.8", "3", "8.属于行政查询事项", "条例第三十六条第（七）项", "答复告知书（按有关法律法规办理）"),
    Outcome("4.1", "4", "1.本机关不掌握相关政府信息", "条例第三十六条第（四）项、第（五）项", "答复告知书（信息不存在）"),
    Outcome("4.2", "4", "2.没有现成信息需要另行制作", "条例第三十八条", "答复告知书（需另行制作）"),
    Outcome("4.3", "4", "3.补正后申请内容仍不明确", "条例第三十条", "答复告知书（补正后仍不明确）"),
    Outcome("5.1", "5", "1.信访举报投诉类申请", "条例第三十九条第一款", "告知书（信访举报投诉类）"),
    Outcome("5.2", "5", "2.重复申请", "条例第三十六条第（六）项", "告知书（重复申请）"),
    Outcome("5.3", "5", "3.要求提供公开出版物", "条例第三十九条第二款", "告知书（公开出版物）"),
    Outcome("5.4", "5", "4.无正当理由大量反复申请", "条例第三十五条", "告知书（大量反复申请）"),
    Outcome("5.5", "5", "5.要求行政机关确认或重新出具已获取信息", "", "告知书（要求确认或重新出具）"),
    Outcome("6.1", "6", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "条例第三十条", None),
    Outcome("6.2", "6", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "国办函〔2020〕109号", None),
    Outcome("6.3", "6", "3.其他", "", None),
)

BY_CODE: dict[str, Outcome] = {o.code: o for o in OUTCOMES}
CODES: tuple[str, ...] = tuple(o.code for o in OUTCOMES)
# Outcomes that release information: a secrecy review must be approved first (本乡保密审查制度: 先审查、后公开).
RELEASING: frozenset[str] = frozenset({"1", "1a", "2"})


def outcome(code: str) -> Outcome:
    """The outcome for a stored code; KeyError names the unknown code."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise KeyError(f"未知的办理结果代码：{code}") from None


def report_row(code: str) -> str:
    """The code whose table-3 row counts this outcome ("1a" counts in row （一）)."""
    return "1" if code == "1a" else outcome(code).code


def full_label(code: str) -> str:
    """The wording a clerk reads: group label plus sub-row, as the annual report prints it."""
    o = outcome(code)
    if o.group in ("1", "2"):
        return o.label
    return f"{GROUP_LABELS[o.group]}{o.label}"


def short_label(code: str) -> str:
    """The sub-row wording without its numbering, e.g. 属于国家秘密."""
    o = outcome(code)
    label = o.label
    if o.group in ("3", "4", "5", "6"):
        label = label.split(".", 1)[1]
    return label.replace("（一）", "").replace("（二）", "").split("（区分")[0]


# ------------------------------------------------------------------- preconditions

# Outcomes that close a request because the applicant let a period run out, or that answer a
# corrected request: each needs the case's history to allow it (outcome_refusal).
ABANDONED_UNCORRECTED = "6.1"
ABANDONED_UNPAID = "6.2"
STILL_UNCLEAR = "4.3"


def outcome_refusal(code: str | None, on: dt.date, limits: ClockResult) -> str | None:
    """Why ``code`` may not be recorded on ``on`` for a case with these limits (counted as if the
    case were not yet answered), in Chinese; None when it may. The rule holds on every path that
    records an outcome.

    * 6.1 (条例第三十条): only when a 补正告知书 was sent, no corrected request has been received,
      and the 补正期限 (the last date the office gave) has passed: "申请人无正当理由逾期不补正的，
      视为放弃申请".
    * 6.2 (国办函〔2020〕109号; 条例第四十二条): only when a 收费通知书 is unpaid and the applicant's
      20 working days from the day after receiving it have passed; without a recorded delivery the
      period cannot be known.
    * 4.3 (条例第三十条): "补正后申请内容仍不明确" needs a 补正告知书 and a corrected request.
    """
    if code == ABANDONED_UNCORRECTED:
        period = limits.get("correction_period")
        if period is None:
            return "本申请未发出补正告知书，不能按“逾期不补正”办结（条例第三十条：应先一次性书面告知补正并给予合理期限）"
        if period.done_on is not None:
            return f"已于{cn_date(period.done_on)}收到补正后的申请，不能按“逾期不补正”办结（条例第三十条）"
        if period.due is not None and on <= period.due:
            return (f"补正期限至{cn_date(period.due)}（含当日），期限届满前不能按“逾期不补正”办结"
                    "（条例第三十条：申请人无正当理由逾期不补正的，视为放弃申请）")
        return None
    if code == ABANDONED_UNPAID:
        pending = [limit for limit in limits.all("fee_payment") if limit.done_on is None]
        if not pending:
            return "本申请没有未缴费的收费通知，不能按“逾期未缴纳费用”办结（国办函〔2020〕109号）"
        limit = pending[-1]
        if limit.due is None:
            return ("收费通知书的送达日期尚未登记，无法确定缴费期限（国办函〔2020〕109号：自收到收费通知之次日起"
                    "20个工作日内缴纳），请先登记送达日期")
        if on <= limit.due:
            return (f"缴费期限至{cn_date(limit.due)}（含当日），期限届满前不能按“逾期未缴纳费用”办结"
                    "（国办函〔2020〕109号）")
        return None
    if code == STILL_UNCLEAR:
        period = limits.get("correction_period")
        if period is None:
            return "本申请未要求补正，不能按“补正后申请内容仍不明确”答复（条例第三十条）"
        if period.done_on is None:
            return "尚未收到补正后的申请，不能按“补正后申请内容仍不明确”答复（条例第三十条）"
        if on < period.done_on:
            return f"答复日期早于收到补正的日期（{cn_date(period.done_on)}）"
        return None
    return None
