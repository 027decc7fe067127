"""Register GUI benchmarks, each printed beside its budget (a plain script, not a test).

    python bench/bench_register.py [--runs 3]

1. Start-up to the main window's first paint (`python -m app --db X`, offscreen, with
   ZWGK_BENCH_EXIT_AFTER_SHOW=1) over 10,000 and 100,000 cases, against a bare PySide6 window
   measured the same way in the same run. Budget: ≤ 2× the bare window.
2. Search as you type over 100,000 cases: from setting the search text to the model holding its
   first page, per keystroke (the debounce itself excluded). Budget: median and max ≤ 100 ms.
   Also printed: first page plus the status bar's count, which the page runs one event-loop turn later.

Databases are generated once with services.demo.generate and cached under /tmp, keyed by count.
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
CACHE = Path(os.environ.get("ZWGK_BENCH_CACHE", "/tmp/zwgk_bench"))
BARE = """
import os, sys, time
t0 = float(os.environ["ZWGK_BENCH_T0"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
class Hook(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, lambda: (print(f"ZWGK_SHOWN {time.time() - t0:.3f}", flush=True), app.quit()))
        return False
w = QMainWindow(); w.setWindowTitle("bare"); w.resize(1366, 768)
hook = Hook(); w.installEventFilter(hook); w.show()
app.exec()
"""


def database(count: int) -> Path:
    """The cached demo database with `count` cases (generated on first use)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"cases_{count}.sqlite"
    if not path.exists():
        print(f"generating {count} cases into {path} (once) …", flush=True)
        subprocess.run([sys.executable, "-m", "app", "--db", str(path), "demo-data", "--year", "2026",
                        "--count", str(count)], cwd=ROOT, check=True)
    return path


def _launch(cmd: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZWGK_BENCH_EXIT_AFTER_SHOW="1",
               ZWGK_BENCH_T0=repr(time.time()))
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("ZWGK_SHOWN "):
            return float(line.split()[1])
    raise RuntimeError(f"no ZWGK_SHOWN line from {cmd}: {out.stdout}\n{out.stderr}")


def startup(runs: int) -> None:
    bare = min(_launch([sys.executable, "-c", BARE]) for _ in range(runs))
    print(f"start-up, bare PySide6 window:         {bare * 1000:7.0f} ms (reference)")
    for count in (10_000, 100_000):
        db = database(count)
        _launch([sys.executable, "-m", "app", "--db", str(db)])  # warm the file cache once
        best = min(_launch([sys.executable, "-m", "app", "--db", str(db)]) for _ in range(runs))
        ratio = best / bare
        verdict = "OK" if ratio <= 2 else "OVER BUDGET"
        print(f"start-up, main window, {count:>7,} cases: {best * 1000:7.0f} ms  "
              f"ratio {ratio:4.2f}× (budget ≤ 2.00×)  {verdict}")


def search_latency() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from app.services.workspace import open_workspace
    from app.ui.application import prepare_app
    from app.ui.register_page import RegisterPage

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
    parser.add_argument("--runs", type=int, default=3, help="start-ups per measurement (best is kept)")
    args = parser.parse_args()
    startup(args.runs)
    search_latency()
    return 0


if __name__ == "__main__":
    sys.exit(main())
