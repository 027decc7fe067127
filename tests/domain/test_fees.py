"""信息处理费 by 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号) 第六条, computed by hand.

按件计收: "同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分：每件100元；
31件以上的部分：以10件为一档，每增加一档，收费标准提高100元/件".
按量计收: "30页以下（含30页）的，不收费；31—100页（含100页）的部分：每页10元；101—200页（含200页）的部分：
每页20元；200页以上的部分：每页40元".
"""
from __future__ import annotations

import pytest

from app.domain.fees import BY_COUNT, BY_PAGES, fee_by_count, fee_by_pages, month_ordinal_fee


@pytest.mark.parametrize(("count", "amount"), [
    (0, 0), (10, 0),          # ≤10 free
    (11, 100), (12, 200),     # the 11th, 12th at 100
    (30, 2000),               # 20 × 100
    (31, 2200),               # + the 31st at 200
    (40, 4000),               # 2000 + 10 × 200
    (41, 4300),               # + the 41st at 300
    (45, 5500),               # 2000 + 2000 + 5 × 300
    (60, 11000),              # 2000 + 2000 + 3000 + 10 × 400
])
def test_by_count_is_progressive_per_calendar_month(count, amount):
    fee = fee_by_count(count)
    assert fee.method == BY_COUNT and fee.amount == amount


def test_by_count_steps_show_each_band():
    fee = fee_by_count(45)
    assert fee.steps == ("第1～10件：10件以下（含）不收费", "第11～30件：20件×100元=2000元",
                         "第31～40件：10件×200元=2000元", "第41～45件：5件×300元=1500元", "合计5500元")


@pytest.mark.parametrize(("pages", "amount"), [
    (0, 0), (30, 0),          # ≤30 free
    (31, 10), (100, 700),     # 70 × 10
    (101, 720), (200, 2700),  # 700 + 100 × 20
    (201, 2740), (250, 4700),  # 2700 + 50 × 40
])
def test_by_pages_is_progressive(pages, amount):
    fee = fee_by_pages(pages)
    assert fee.method == BY_PAGES and fee.amount == amount


def test_by_pages_steps():
    assert fee_by_pages(250).steps == ("第1～30页：30页以下（含）不收费", "第31～100页：70页×10元=700元",
                                       "第101～200页：100页×20元=2000元", "第201～250页：50页×40元=2000元", "合计4700元")


@pytest.mark.parametrize(("ordinal", "amount"), [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (41, 300)])
def test_one_request_pays_the_price_of_its_place_in_the_month(ordinal, amount):
    fee = month_ordinal_fee(ordinal)
    assert fee.amount == amount
    assert fee.steps[0] == f"该申请人本月第{ordinal}件申请"
    # The month's total is the sum of each request's own fee.
    assert sum(month_ordinal_fee(n).amount for n in range(1, ordinal + 1)) == fee_by_count(ordinal).amount


def test_negative_inputs_are_refused():
    with pytest.raises(ValueError):
        fee_by_count(-1)
    with pytest.raises(ValueError):
        fee_by_pages(-5)
