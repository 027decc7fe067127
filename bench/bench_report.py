"""Benchmark: the annual report's tables for 100,000 synthetic cases within 1 second.

Not part of the test run. Usage: ``python bench/bench_report.py [cases]``. Exits 1 if over budget.

The cases live in an in-memory SQLite table (stdlib sqlite3, here only, to have a baseline). The
measured path is what the program will do: read the rows, make `ReportCase` / `ReportDispute`
records, count tables 3 and 4 (with the case_ids behind every cell) and check the balance. The
baseline, in the same run on the same rows, is the cheapest count a database can give: one
``SELECT applicant_kind, outcome, COUNT(*) … GROUP BY`` of the year's concluded cases.
"""
from __future__ import annotations

import datetime as dt
import random
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.annual_report import ReportCase, ReportDispute, check_balance, table3, table4  # noqa: E402
from app.domain.outcomes import CODES  # noqa: E402
from app.domain.request import APPLICANT_KINDS  # noqa: E402

BUDGET_S = 1.0
SEED = 20261231
YEAR = 2026
KINDS_WEIGHTS = (70, 12, 2, 3, 5, 8)  # most applicants are persons


def fill(db: sqlite3.Connection, count: int, seed: int = SEED) -> None:
    """Cases received over 2025–2026, answered 0–60 days later; about a twentieth still open."""
    rng = random.Random(seed)
    first, last = dt.date(2025, 1, 1).toordinal(), dt.date(2026, 12, 31).toordinal()
    rows = []
    for i in range(count):
        received = dt.date.fromordinal(rng.randint(first, last))
        concluded = None if rng.random() < 0.05 else received + dt.timedelta(days=rng.randint(0, 60))
        kind = rng.choices(APPLICANT_KINDS, KINDS_WEIGHTS)[0]
        outcome = rng.choice(CODES) if concluded else None
        rows.append((i + 1, received.isoformat(), kind, outcome, concluded and concluded.isoformat()))
    db.execute("CREATE TABLE cases (id INTEGER PRIMARY KEY, received_on TEXT, applicant_kind TEXT,"
               " outcome TEXT, concluded_on TEXT)")
    db.executemany("INSERT INTO cases VALUES (?, ?, ?, ?, ?)", rows)
    db.execute("CREATE TABLE disputes (kind TEXT, received_on TEXT, result TEXT, decided_on TEXT)")
    disputes = []
    for _ in range(count // 50):
        received = dt.date.fromordinal(rng.randint(first, last))
        decided = None if rng.random() < 0.3 else received + dt.timedelta(days=rng.randint(30, 200))
        disputes.append((rng.choice(("行政复议", "未经复议直接起诉", "复议后起诉")), received.isoformat(),
                         rng.choice(("维持", "纠正", "其他结果")) if decided else None,
                         decided and decided.isoformat()))
    db.executemany("INSERT INTO disputes VALUES (?, ?, ?, ?)", disputes)
    db.commit()


def load(db: sqlite3.Connection) -> tuple[list[ReportCase], list[ReportDispute]]:
    """The rows as the plain records the domain takes (what app/store will hand over)."""
    day = dt.date.fromisoformat
    cases = [ReportCase(i, day(r), k, o, day(c) if c else None)
             for i, r, k, o, c in db.execute("SELECT * FROM cases")]
    disputes = [ReportDispute(k, day(r), res, day(d) if d else None)
                for k, r, res, d in db.execute("SELECT * FROM disputes")]
    return cases, disputes


def baseline(db: sqlite3.Connection) -> float:
    start = time.perf_counter()
    db.execute("SELECT applicant_kind, outcome, COUNT(*) FROM cases WHERE concluded_on BETWEEN ? AND ?"
               " GROUP BY applicant_kind, outcome", (f"{YEAR}-01-01", f"{YEAR}-12-31")).fetchall()
    return time.perf_counter() - start


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    db = sqlite3.connect(":memory:")
    fill(db, count)
    base = min(baseline(db) for _ in range(3))

    start = time.perf_counter()
    cases, disputes = load(db)
    loaded = time.perf_counter()
    t3, t4 = table3(cases, YEAR), table4(disputes, YEAR)
    errors = check_balance(t3, t4)
    done = time.perf_counter()

    total = done - start
    print(f"annual report tables for {count:,} cases, {len(disputes):,} disputes ({YEAR})")
    print(f"  read rows into records : {loaded - start:8.3f} s")
    print(f"  tables 3+4 + balance   : {done - loaded:8.3f} s")
    print(f"  total                  : {total:8.3f} s   budget {BUDGET_S:.3f} s   "
          f"{'OK' if total <= BUDGET_S else 'OVER BUDGET'}")
    print(f"  baseline SQL GROUP BY  : {base:8.3f} s   ratio {total / base:6.1f}x "
          f"(tables only {(done - loaded) / base:.1f}x)")
    print(f"  新收 {t3.cell('new', '总计'):,}  办结 {t3.cell('total', '总计'):,}  "
          f"结转 {t3.cell('carried_out', '总计'):,}  balanced: {not errors}")
    return 0 if total <= BUDGET_S and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
