"""The annual report's tables (表二、表三、表四), counted from the real register file, and the report page.

    python bench/bench_report.py [--cases 100000 300000] [--runs 5]

Not part of the test run. The measured path is what the report page runs: services.annual_report.build
(year) over a demo database made with `demo-data` (bench/common.py), every table with its balance
check. The baseline, in the same run on the same file, is the cheapest count a database can give:
one `SELECT applicant_kind, outcome, COUNT(*) … GROUP BY` of the year's answered requests, the best
of the planner's own choice of index and the report's covering index. Budgets: the tables ≤ 2× that
GROUP BY, and ≤ 1 s at 300,000 cases. The worst of the runs is reported.

The report page is built too (offscreen), and the longest the GUI thread's event loop is kept
busy while the page counts and shows a year is measured (a 1 ms heartbeat): the count runs off the
GUI thread, only showing the figures runs on it. Budget 50 ms.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import database, line, load  # noqa: E402

RATIO_BUDGET = 2.0
BUDGET_S_300K = 1.0
STALL_BUDGET_S = 0.050
YEAR = 2026
_GROUP_BY = ("SELECT applicant_kind, outcome, COUNT(*) FROM request {index} WHERE answered_on BETWEEN ? AND ? "
             "GROUP BY applicant_kind, outcome")


def _group_by(runs: int) -> float:
    from app.store.base import database as db

    best = 1e9
    for index in ("", "INDEXED BY request_applicant_kind_outcome_answered_on_received_on"):
        for _ in range(runs):
            start = time.perf_counter()
            db.execute_sql(_GROUP_BY.format(index=index), (f"{YEAR}-01-01", f"{YEAR}-12-31")).fetchall()
            best = min(best, time.perf_counter() - start)
    return best


def _page_stall(app) -> float:
    """The longest event-loop turn on the GUI thread while the report page counts and shows a year."""
    from PySide6.QtCore import QTimer

    from app.ui.report.page import ReportPage

    page = ReportPage()
    page.resize(1366, 700)
    beats = {"last": 0.0, "worst": 0.0}

    def beat() -> None:
        now = time.perf_counter()
        if beats["last"]:
            beats["worst"] = max(beats["worst"], now - beats["last"] - 0.001)
        beats["last"] = now

    heart = QTimer(interval=1)
    heart.timeout.connect(beat)
    page.show()  # builds the tables and starts the count
    heart.start()
    worst = 0.0
    for _ in range(2):
        beats.update(last=time.perf_counter(), worst=0.0)
        page.report = None
        page.refresh()
        deadline = time.perf_counter() + 60
        while page.report is None and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)
        end = time.perf_counter() + 0.3  # the turns after the figures arrived
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.0005)
        worst = max(worst, beats["worst"])
    heart.stop()
    page.close()
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, nargs="+", default=[100_000, 300_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from app.services import annual_report
    from app.services.workspace import close_workspace, open_workspace
    from app.ui.app.application import prepare_app

    app = prepare_app([])
    ok = True
    for cases in args.cases:
        open_workspace(database(cases), readonly=True)
        report = annual_report.build(YEAR)  # warm: the file's pages in the cache, as for the baseline
        base = _group_by(args.runs)
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            report = annual_report.build(YEAR)
            times.append(time.perf_counter() - start)
        worst = max(times)
        t3 = report.t3
        print(f"annual report {YEAR}, {cases:,} cases: 新收 {t3.cell('new', '总计'):,}  办结 {t3.cell('total', '总计'):,}  "
              f"结转 {t3.cell('carried_out', '总计'):,}  balanced: {report.balanced}  ({load()})")
        for text, within in (
                line(f"  tables 2-4 + balance, worst of {args.runs} (best {min(times) * 1000:.0f} ms)", worst,
                     BUDGET_S_300K if cases >= 300_000 else None, "ms", base, "one GROUP BY"),
                line("  ratio to the GROUP BY", worst / base, RATIO_BUDGET, "x")):
            print(text)
            ok &= within
        text, within = line("  report page: GUI thread busy, longest turn", _page_stall(app), STALL_BUDGET_S, "ms")
        print(text)
        ok &= within
        close_workspace()
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
