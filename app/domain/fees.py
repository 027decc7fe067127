"""信息处理费: the fee standard of 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), computed.

条例第四十二条 allows a fee only where the quantity or frequency of requests is plainly beyond
reason; 109号 fixes two methods, of which the office uses one, never both (第六条):

* 按件计收 — per applicant per calendar month, progressive over the month's running count:
  10 requests or fewer free; the 11th–30th 100 元 each; from the 31st, bands of 10, each band
  100 元 a request dearer than the one before (31–40: 200 元, 41–50: 300 元 …).
* 按量计收 — per request, progressive over its pages: 30 pages or fewer free; pages 31–100
  10 元 a page; 101–200 20 元 a page; from page 201 40 元 a page.

Both are 超额累进 (each band at its own price). Amounts are whole 元. See docs/legal/.
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


def _count_band(n: int) -> int:
    """The price (元) of the n-th request of an applicant's month (n ≥ 11)."""
    if n <= 30:
        return 100
    return 100 + 100 * ((n - 31) // 10 + 1)


def _count_bands(first: int, last: int) -> list[tuple[int, int, int]]:
    """The requests first..last split into bands of one price: (from, to, price)."""
    bands: list[tuple[int, int, int]] = []
    n = first
    while n <= last:
        price = _count_band(n)
        top = 30 if n <= 30 else 30 + 10 * ((n - 31) // 10 + 1)
        end = min(top, last)
        bands.append((n, end, price))
        n = end + 1
    return bands


def _range(a: int, b: int, unit: str) -> str:
    return f"第{a}{unit}" if a == b else f"第{a}～{b}{unit}"


def fee_by_count(count: int, first: int = 1) -> Fee:
    """按件计收 for an applicant's requests number ``first``..``count`` of one calendar month
    (109号第六条第（一）项). ``fee_by_count(n)`` is the month's total for n requests;
    ``fee_by_count(n, n)`` the fee of the n-th request alone."""
    if count < 0 or first < 1:
        raise ValueError("件数应为不小于0的整数")
    if count < first:
        return Fee(BY_COUNT, 0, ("无申请，不收费",))
    steps, amount = [], 0
    free_to = min(count, FREE_REQUESTS)
    if first <= free_to:
        steps.append(f"{_range(first, free_to, '件')}：{FREE_REQUESTS}件以下（含）不收费")
    if count > FREE_REQUESTS:
        for a, b, price in _count_bands(max(first, FREE_REQUESTS + 1), count):
            n = b - a + 1
            amount += n * price
            steps.append(f"{_range(a, b, '件')}：{n}件×{price}元={n * price}元")
    steps.append(f"合计{amount}元")
    return Fee(BY_COUNT, amount, tuple(steps))


def fee_by_pages(pages: int) -> Fee:
    """按量计收 for one request of ``pages`` pages (109号第六条第（二）项)."""
    if pages < 0:
        raise ValueError("页数应为不小于0的整数")
    steps = [f"{_range(1, min(pages, FREE_PAGES), '页')}：{FREE_PAGES}页以下（含）不收费"] if pages else []
    amount = 0
    for first, last, price in PAGE_BANDS:
        if pages < first:
            break
        top = pages if last is None else min(pages, last)
        n = top - first + 1
        amount += n * price
        steps.append(f"{_range(first, top, '页')}：{n}页×{price}元={n * price}元")
    steps.append(f"合计{amount}元")
    return Fee(BY_PAGES, amount, tuple(steps))


def month_ordinal_fee(ordinal: int) -> Fee:
    """The 按件 fee of one request that is the applicant's ``ordinal``-th of its calendar month."""
    fee = fee_by_count(ordinal, ordinal)
    lead = f"该申请人本月第{ordinal}件申请"
    return Fee(BY_COUNT, fee.amount, (lead,) + fee.steps)
