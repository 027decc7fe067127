"""The office's database on a PostgreSQL server on localhost, each figure printed beside SQLite's from
the same run (docs/server.md). A plain script, not a test.

    python bench/bench_server.py [--cases 100000] [--url URL] [--runs 5]

Without --url a PostgreSQL cluster is started for the run (tests/pg_server.py, with its durable
defaults: fsync and synchronous commit on) and removed afterwards. The cases are generated once into
a SQLite file (`demo-data`, cached in /tmp/zwgk-bench-server) and moved to a new database on the
server with `migrate-to` (timed too).

1. Start-up: process start to the main window's first paint and to the database open (ZWGK_READY),
   median of --runs. (A file opens behind the painted window; a server is connected first.)
2. Search as you type over all cases: per keystroke, the first page alone, and the whole work the
   register page runs off the GUI thread (first page, count to 1000, the rows' 未确认 flags; its
   model with the inline runner). Budget: ≤ 100 ms per keystroke.
3. The home page's count (due lists, the month chart, the outcome groups) and the annual report of
   the year (tables 2–4 with the balance check), median of --runs.
4. Registration throughput: one desk registering 1,000 requests on each engine, and four desks
   registering 250 each at the same moment on the server (the file admits one writer).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/startup.py
WORK = Path("/tmp/zwgk-bench-server")
DESKS, EACH = 4, 250
WORDS = ["王丽", "上垟村", "〔2026〕第123", "土地征收补偿", "xyz不存在"]  # as bench_register.py


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", ZWGK_DATA_DIR=str(WORK / "userdata"))


def sqlite_office(count: int) -> Path:
    """The demo office of `count` cases in a file, generated once (as bench/startup.py caches it)."""
    from startup import database

    return database(WORK, count)


def server_office(server, source: Path) -> tuple[str, float]:
    """A new database on the server holding the office of `source` (migrate-to), and its seconds."""
    url = server.new_database()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", "--db", str(source), "migrate-to", url], cwd=ROOT, env=_env(),
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return url, time.perf_counter() - start


def _pair(label: str, file_value: str, server_value: str, note: str = "") -> None:
    print(f"{label:<44} file {file_value:>18}   server {server_value:>18}  {note}".rstrip(), flush=True)


# ---- 1. start-up ----------------------------------------------------------------------------

def startup(location: str, runs: int) -> tuple[float, float]:
    from startup import shown_after

    os.environ["ZWGK_DATA_DIR"] = str(WORK / "userdata")
    program = [sys.executable, "-m", "app", "--db", location]
    shown_after(program)  # warm-up: bytecode, file cache, the server's buffers
    shown, ready = [], {"times": []}
    for _ in range(runs):
        shown.append(shown_after(program, ready))
    return statistics.median(shown), statistics.median(ready["times"]) if ready["times"] else float("nan")


# ---- 2. search as you type --------------------------------------------------------------------

def search(location: str) -> tuple[list[float], list[float], list[str]]:
    """Per keystroke: the register list's first page alone (store.rows), and the whole work the
    register page runs off the GUI thread for a keystroke (its model with the inline runner: the
    first page, its count up to 1000, the 未确认 flags of its rows), on this thread."""
    from PySide6.QtCore import QCoreApplication

    from app.domain.request import CaseQuery
    from app.services import register
    from app.services.workspace import close_workspace, open_workspace
    from app.ui.register.model import PAGE, CaseTableModel, run_here

    app = QCoreApplication.instance() or QCoreApplication([])
    open_workspace(location)
    model = CaseTableModel(runner=run_here)
    model.set_query(CaseQuery())  # the page as opened: every case counted once
    first, complete, typed = [], [], []
    for word in WORDS:
        for n in range(1, len(word) + 1):
            typed.append(word[:n])
            query = CaseQuery(text=word[:n])
            start = time.perf_counter()
            register.list_rows(query, 0, PAGE)
            first.append(time.perf_counter() - start)
            start = time.perf_counter()
            model.set_query(query)
            complete.append(time.perf_counter() - start)
            app.processEvents()
    close_workspace()
    return first, complete, typed


def _slowest(timings: list[float], typed: list[str]) -> str:
    worst = sorted(zip(timings, typed), reverse=True)[:3]
    return "slowest: " + ", ".join(f"“{text}” {seconds * 1000:.0f} ms" for seconds, text in worst)


# ---- 3. the home page's count and the annual report -------------------------------------------

def counts(location: str, runs: int) -> tuple[float, float]:
    from app.services import annual_report, deadlines, home
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(location)
    today = dt.date.today()

    def home_count() -> None:
        deadlines.due_overview(today)
        home.received_per_month(today.year)
        home.outcome_groups(today.year)

    timings = {}
    for name, job in (("home", home_count), ("report", lambda: annual_report.build(today.year))):
        job()  # warm-up
        seconds = []
        for _ in range(runs):
            start = time.perf_counter()
            job()
            seconds.append(time.perf_counter() - start)
        timings[name] = statistics.median(seconds)
    close_workspace()
    return timings["home"], timings["report"]


# ---- 4. registration throughput ---------------------------------------------------------------

def registrations(location: str, desks: int, each: int) -> float:
    """Registrations per second of `desks` processes (tests/desk.py) registering `each` at the same moment."""
    procs = [subprocess.Popen([sys.executable, "-m", "tests.desk", location, f"desk{d}", str(each)], cwd=ROOT,
                              env=_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for d in range(desks)]
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready"
    start = time.perf_counter()
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        out, _err = proc.communicate()
        assert proc.returncode == 0 and out.startswith("done"), out
    return desks * each / (time.perf_counter() - start)


def _fresh_file(workdir: Path) -> Path:
    from app.services import settings
    from app.services.demo import demo_settings
    from app.services.workspace import close_workspace, open_workspace

    path = workdir / f"throughput-{time.time_ns()}.sqlite"
    open_workspace(path)
    settings.save(demo_settings())
    close_workspace()
    return path


def _fresh_server_database(server) -> str:
    from app.services import settings
    from app.services.demo import demo_settings
    from app.services.workspace import close_workspace, open_workspace

    url = server.new_database()
    open_workspace(url)
    settings.save(demo_settings())
    close_workspace()
    return url


# ---- the run ----------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--url", help="a server on which the benchmark may create databases (default: its own)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=("startup", "search", "counts", "registrations"),
                        help="one part of the run (the migration is always made)")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    os.environ.update(QT_QPA_PLATFORM="offscreen", ZWGK_DATA_DIR=str(WORK / "userdata"))
    from tests import pg_server

    server = pg_server.Server(args.url) if args.url else None
    cluster = None
    if server is None:
        cluster = pg_server.start_cluster(fast=False)
        server = pg_server.Server(cluster.url, cluster)
    try:
        run(server, args)
    finally:
        server.close()
    return 0


def run(server, args) -> None:
    source = sqlite_office(args.cases)
    url, moved = server_office(server, source)
    print(f"{args.cases:,} cases; migrate-to the server took {moved:.1f} s", flush=True)
    print(f"{'':<44} {'SQLite file':>23}   {'PostgreSQL on localhost':>25}")
    for part, measure in (("startup", _startup), ("search", _search), ("counts", _counts),
                          ("registrations", _registrations)):
        if args.only in (None, part):
            measure(server, source, url, args)


def _startup(server, source: Path, url: str, args) -> None:
    file_shown, file_ready = startup(str(source), args.runs)
    server_shown, server_ready = startup(url, args.runs)
    _pair("start-up: first paint", f"{file_shown * 1000:.0f} ms", f"{server_shown * 1000:.0f} ms")
    _pair("start-up: database open", f"{file_ready * 1000:.0f} ms", f"{server_ready * 1000:.0f} ms")


def _search(server, source: Path, url: str, args) -> None:
    file_first, file_complete, typed = search(str(source))
    server_first, server_complete, _typed = search(url)
    for label, f, s in (("search as you type: first page", file_first, server_first),
                        ("search as you type: the keystroke's work (page+count)", file_complete, server_complete)):
        verdict = "OK" if max(s) <= 0.1 else "OVER BUDGET"
        _pair(f"{label} (median/max)", f"{statistics.median(f) * 1000:.0f}/{max(f) * 1000:.0f} ms",
              f"{statistics.median(s) * 1000:.0f}/{max(s) * 1000:.0f} ms", f"(budget ≤ 100 ms per keystroke) {verdict}")
        print(f"    file {_slowest(f, typed)}\n    server {_slowest(s, typed)}", flush=True)


def _counts(server, source: Path, url: str, args) -> None:
    file_home, file_report = counts(str(source), args.runs)
    server_home, server_report = counts(url, args.runs)
    _pair("home page's count", f"{file_home * 1000:.0f} ms", f"{server_home * 1000:.0f} ms")
    _pair("annual report (tables 2–4)", f"{file_report * 1000:.0f} ms", f"{server_report * 1000:.0f} ms")


def _registrations(server, source: Path, url: str, args) -> None:
    file_rate = registrations(str(_fresh_file(WORK)), 1, DESKS * EACH)
    alone = registrations(_fresh_server_database(server), 1, DESKS * EACH)
    together = registrations(_fresh_server_database(server), DESKS, EACH)
    _pair("registrations per second, one desk", f"{file_rate:.0f}/s", f"{alone:.0f}/s")
    _pair(f"registrations per second, {DESKS} desks at once", "(one writer only)", f"{together:.0f}/s")


if __name__ == "__main__":
    sys.exit(main())
