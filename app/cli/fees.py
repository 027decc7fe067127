"""The 信息处理费 standard from the command line: `fee --count N` or `fee --pages N`.

`--count N`: the total for an applicant's N requests in one calendar month (按件计收); `--pages N`: the
total for N pages (按量计收). 国办函〔2020〕109号, one method only. `--json` prints
{"amount": <元, integer>, "steps": [...]}.
"""
from __future__ import annotations

import argparse
import json


def _count(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"应为不小于0的整数：{text}")
    return int(text)


def cmd_fee(args: argparse.Namespace) -> int:
    from app.domain import fees

    fee = fees.fee_by_count(args.count) if args.count is not None else fees.fee_by_pages(args.pages)
    if args.json:
        print(json.dumps({"amount": fee.amount, "method": fee.method, "steps": list(fee.steps)}, ensure_ascii=False))
        return 0
    print(f"{fee.method}（国办函〔2020〕109号）")
    for step in fee.steps:
        print(step)
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("fee", help="按国办函〔2020〕109号计算信息处理费（按件或按量，二者选一）")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--count", type=_count, metavar="N", help="同一申请人一个自然月内累计申请的件数（按件计收）")
    group.add_argument("--pages", type=_count, metavar="N", help="页数（按量计收）")
    p.add_argument("--json", action="store_true", help='以 JSON 输出 {"amount": 元, "steps": [...]}')
    p.set_defaults(handler=cmd_fee)
