"""行政复议 and 行政诉讼 about an answer: their kinds and results as table 4 of the annual report
counts them (docs/legal/annual-report.md, 表四; docs/legal/requests.md, 行政争议)."""
from __future__ import annotations

RECONSIDERATION = "行政复议"
LITIGATION_DIRECT = "未经复议直接起诉"  # 行政诉讼 without a 复议 first
LITIGATION_AFTER = "复议后起诉"  # 行政诉讼 after a 复议
KINDS: tuple[str, ...] = (RECONSIDERATION, LITIGATION_DIRECT, LITIGATION_AFTER)
KIND_LABELS: dict[str, str] = {RECONSIDERATION: "行政复议", LITIGATION_DIRECT: "行政诉讼（未经复议直接起诉）",
                               LITIGATION_AFTER: "行政诉讼（复议后起诉）"}

UPHELD = "维持"
CORRECTED = "纠正"
OTHER_RESULT = "其他结果"
RESULTS: tuple[str, ...] = (UPHELD, CORRECTED, OTHER_RESULT)


def is_reconsideration(kind: str) -> bool:
    """行政复议 (answered to the 复议机关) rather than a lawsuit (answered to the court)."""
    return kind == RECONSIDERATION
