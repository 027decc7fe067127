"""One desk of an office on a server, as a separate process: registers requests and issues each a
receipt with its 文号, as a clerk would (tests/services/test_server_concurrency.py, bench/bench_server.py).

    python -m tests.desk URL DESK COUNT [--receipts]

Prints "ready" once its database is open, waits for a line on stdin (every desk starts at the same
moment), then registers COUNT requests named "<DESK>-<n>" and prints "done <seconds>".
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time

ARRIVED = dt.date(2026, 3, 5)
TODAY = dt.date(2026, 3, 6)


def request(desk: str, n: int):
    from app.domain.request import RequestData

    return RequestData(name=f"{desk}-{n}", id_number="11010519491231002X", phone="13812345678",
                       address="茅畲村1号", info_description=f"第{desk}台电脑第{n}件：土地征收补偿方案",
                       arrived_on=ARRIVED, channel="当面")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("desk")
    parser.add_argument("count", type=int)
    parser.add_argument("--receipts", action="store_true", help="issue each case its 申请接收回执 (a 文号)")
    args = parser.parse_args(argv)
    from app.services import notices, register
    from app.services.workspace import open_workspace

    open_workspace(args.url)
    print("ready", flush=True)
    sys.stdin.readline()
    start = time.perf_counter()
    for n in range(1, args.count + 1):
        case = register.register(request(args.desk, n), today=TODAY)
        if args.receipts:
            notices.issue("申请接收回执", case.id, on_date=TODAY)
    print(f"done {time.perf_counter() - start:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
