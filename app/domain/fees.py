"""信息处理费: the fee standard of 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), computed.

条例第四十二条 allows a fee only where the quantity or frequency of requests is plainly beyond
reason; 109号 fixes two methods, of which the office uses one, never both (第六条):

* 按件计收 — per applicant per calendar month, progressive over the month's running count:
  10 requests or fewer free; the 11th–30th 100 元 each; from the 31st, bands of 10, each band
  100 元 a request dearer than the one before (31–40: 200 元, 41–50: 300 元 …).
* 按量计收 — per request, progressive over its pages: 30 pages or fewer free; pages 31–100
  10 元 a page; 101–200 20 元 a page; from page 201 40 元 a page.

Both are 超额累进 (each band at its own price). Amounts are whole 元. See docs/legal/rules.md.
"""
from __future__ import annotations

from dataclasses import dataclass

BY_COUNT = "按件计收"
BY_PAGES = "按量计收"
METHODS: tuple[str, ...] = (BY_COUNT, BY_PAGES)

FREE_REQUESTS = 10
FREE_PAGES = 30
# (first page, last page or None, 元 a page) — 109号第六条第（二）项.
PAGE_BANDS: tuple[tuple[int, int | None, int], ...] = ((31, 100, 10), (101, 200, 20), (201, None, 40))


@dataclass(frozen=True)
class Fee:
    """An amount (元) with the steps of its computation, as printed on the 收费通知书."""

    method: str
    amount: int
    steps: tuple[str, ...]

    @property
    def computation(self) -> str:
        return "；".join(self.steps)


def _count_bands(last: int) -> list[tuple[int, int | None, int]]:
    """按件 bands up to the ``last``-th request: 11–30 at 100 元, then bands of 10, each 100 元 dearer."""
    bands: list[tuple[int, int | None, int]] = [(FREE_REQUESTS + 1, 30, 100)]
    while bands[-1][1] is not None and bands[-1][1] < last:
        lo = bands[-1][1] + 1
        bands.append((lo, lo + 9, bands[-1][2] + 100))
    return bands


def _range(a: int, b: int, unit: str) -> str:
    return f"第{a}{unit}" if a == b else f"第{a}～{b}{unit}"


def _progressive(method: str, first: int, last: int, free: int, bands, unit: str) -> Fee:
    """超额累进: units first..last, the first ``free`` free, then each band at its own price."""
    steps, amount = [], 0
    if first <= min(last, free):
        steps.append(f"{_range(first, min(last, free), unit)}：{free}{unit}以下（含）不收费")
    for lo, hi, price in bands:
        a, b = max(lo, first), last if hi is None else min(hi, last)
        if a > b:
            continue
        n = b - a + 1
        amount += n * price
        steps.append(f"{_range(a, b, unit)}：{n}{unit}×{price}元={n * price}元")
    steps.append(f"合计{amount}元")
    return Fee(method, amount, tuple(steps))


def fee_by_count(count: int, first: int = 1) -> Fee:
    """按件计收 for an applicant's requests number ``first``..``count`` of one calendar month
    (109号第六条第（一）项). ``fee_by_count(n)`` is the month's total for n requests;
    ``fee_by_count(n, n)`` the fee of the n-th request alone."""
    if count < 0 or first < 1:
        raise ValueError("件数应为不小于0的整数")
    return _progressive(BY_COUNT, first, count, FREE_REQUESTS, _count_bands(count), "件")


def fee_by_pages(pages: int) -> Fee:
    """按量计收 for one request of ``pages`` pages (109号第六条第（二）项)."""
    if pages < 0:
        raise ValueError("页数应为不小于0的整数")
    return _progressive(BY_PAGES, 1, pages, FREE_PAGES, PAGE_BANDS, "页")


def month_ordinal_fee(ordinal: int) -> Fee:
    """The 按件 fee of one request that is the applicant's ``ordinal``-th of its calendar month."""
    fee = fee_by_count(ordinal, ordinal)
    lead = f"该申请人本月第{ordinal}件申请"
    return Fee(BY_COUNT, fee.amount, (lead,) + fee.steps)
