"""`demo-data --count N`, what every benchmark starts from: a fresh file of N reproducible demo cases.

    python bench/bench_demo.py [--cases 100000]

Not part of the test run. The command is run as the clerk (or a benchmark) runs it, in a fresh
process on a new file; its wall time and CPU time (user + system of the process: a shared machine
adds to the first, not the second) and its peak memory are printed. Budget: 30 s at 100,000 cases.
The baseline, measured in the same run, is the least such a command can cost: the same requests made
in memory by the same generator (services.demo.make_request), nothing written.
"""
from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, env, line, load  # noqa: E402

BUDGET_S = 30.0


def _generator_only(count: int) -> float:
    import datetime as dt

    from app.services import demo

    rng = random.Random(7)
    start = time.perf_counter()
    for _ in range(count):
        demo.make_request(rng, dt.date(2026, 1, 1), 300, 2026)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "app", "--db", str(db), "demo-data", "--count", str(args.cases)],
                       cwd=ROOT, check=True, env=env({"ZWGK_DATA_DIR": str(Path(tmp) / "userdata")}),
                       stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    base = _generator_only(args.cases)
    print(f"demo-data --count {args.cases:,} ({load()})")
    text, ok = line("  wall time", wall, BUDGET_S, "s", base, "the requests made in memory only")
    print(text)
    print(line("  CPU time of the process", cpu, None, "s")[0])
    print(line("  peak memory", after.ru_maxrss / 1024, None, "MB")[0])
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
