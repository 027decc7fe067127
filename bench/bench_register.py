"""Register GUI benchmarks, each printed beside its budget (a plain script, not a test).

    python bench/bench_register.py [--runs 3]

1. Start-up to the main window's first paint over 10,000 and 100,000 cases, against a bare PySide6
   window in the same run, measured by bench/startup.py's functions (median, runs interleaved).
   Budget: ≤ 2× the bare window.
2. Search as you type over 100,000 cases: from setting the search text to the model holding its
   first page, per keystroke (the debounce itself excluded). Budget: median and max ≤ 100 ms.
   Also printed: first page plus the status bar's count, which the page runs one event-loop turn later.

Databases are generated once (`demo-data`) and cached under /tmp/zwgk-bench, keyed by count.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/startup.py
WORK = Path("/tmp/zwgk-bench")


def database(count: int) -> Path:
    """The cached demo database with `count` cases (the same cache as bench/startup.py)."""
    from startup import database as cached

    WORK.mkdir(parents=True, exist_ok=True)
    return cached(WORK, count)


def startup(runs: int) -> None:
    """Median start-up against the bare window, measured exactly as bench/startup.py does."""
    from startup import SOURCE_BUDGET, median_shown

    bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    for count in (10_000, 100_000):
        program = [sys.executable, "-m", "app", "--db", str(database(count))]
        bare, best, ready = median_shown(program, bare_cmd, runs)
        ratio = best / bare
        verdict = "OK" if ratio <= SOURCE_BUDGET else "OVER BUDGET"
        opened = f", database open {ready * 1000:5.0f} ms" if ready else ""
        print(f"start-up, {count:>7,} cases: bare window {bare * 1000:5.0f} ms, main window {best * 1000:5.0f} ms  "
              f"ratio {ratio:4.2f}× (budget ≤ {SOURCE_BUDGET:.2f}×)  {verdict}{opened}")


def search_latency() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from app.services.workspace import open_workspace
    from app.ui.app.application import prepare_app
    from app.ui.register.page import RegisterPage

    db = database(100_000)
    app = prepare_app([])
    open_workspace(db)
    page = RegisterPage()
    page.resize(1366, 700)
    page.show()
    app.processEvents()
    # What a clerk types: a name, a village, a case number, a topic; each keystroke is one query.
    words = ["王丽", "上垟村", "〔2026〕第123", "土地征收补偿", "xyz不存在"]
    first: list[float] = []
    complete: list[float] = []
    for word in words:
        for n in range(1, len(word) + 1):
            page.ui.searchEdit.setText(word[:n])
            start = time.perf_counter()
            page.apply_filters()  # what the 150 ms debounce timer calls
            first.append(time.perf_counter() - start)
            page.counts()  # the deferred count for the status bar, run now to time it too
            complete.append(time.perf_counter() - start)
            app.processEvents()
        page.ui.searchEdit.clear()
        page.apply_filters()
    for label, timings in (("first page", first), ("first page + count", complete)):
        median, worst = statistics.median(timings) * 1000, max(timings) * 1000
        verdict = "OK" if worst <= 100 else "OVER BUDGET"
        print(f"search as you type, 100,000 cases, {len(timings)} keystrokes, {label + ':':19} "
              f"median {median:5.1f} ms, max {worst:5.1f} ms (budget ≤ 100 ms)  {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="start-ups per measurement (the median is kept)")
    args = parser.parse_args()
    startup(args.runs)
    search_latency()
    return 0


if __name__ == "__main__":
    sys.exit(main())
