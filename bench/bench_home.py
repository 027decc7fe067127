"""The home page (首页) after start, and the program's peak memory with it filled, over demo databases.

    python bench/bench_home.py [--runs 3] [--cases 100000 300000]

Not part of the test run. The program is started as the clerk starts it (`python -m app --db X`,
offscreen unless QT_QPA_PLATFORM says otherwise) with ZWGK_BENCH_EXIT_AFTER_SHOW=home: the hook in
app/ui/app/application.py prints the first paint (ZWGK_SHOWN), the home page's four lists filled
(ZWGK_HOME) and the longest the event loop was kept busy in between (ZWGK_STALL), then quits.

- lists filled after start: from the first paint to the lists filled. Budget 0.5 s at 100,000 cases.
  Baseline, in the same run: the bare window's start to first paint (bench/bare_window.py).
- event-loop stall between the first paint and the lists filled: budget 50 ms.
- peak memory (ru_maxrss) of the program run until the lists are filled: budget 250 MB at 300,000.
  Baseline: the bare window's.
The worst of the runs is reported.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, database, line, load  # noqa: E402
from startup import TIMEOUT_S, _env, peak_mb  # noqa: E402

HOME_BUDGET_S = 0.5
STALL_BUDGET_S = 0.050
MEMORY_BUDGET_MB = 250


def _run(cmd: list[str]) -> dict[str, float]:
    import subprocess

    t0 = time.time()
    out = subprocess.run(cmd, env=_env({"ZWGK_BENCH_T0": repr(t0), "ZWGK_BENCH_EXIT_AFTER_SHOW": "home"}),
                         capture_output=True, text=True, timeout=TIMEOUT_S, cwd="/")
    figures = {k: float(v) for k, v in (line_.split()[:2] for line_ in out.stdout.splitlines()
                                        if line_.startswith("ZWGK_"))}
    if "ZWGK_HOME" not in figures and "ZWGK_SHOWN" not in figures:
        raise RuntimeError(f"{cmd[0]} reported nothing (exit {out.returncode}):\n{out.stderr[-3000:]}")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cases", type=int, nargs="+", default=[100_000, 300_000])
    args = parser.parse_args(argv)
    bare = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    ok = True
    for cases in args.cases:
        program = [sys.executable, "-m", "app", "--db", str(database(cases))]
        _run(program), _run(bare)  # warm-up: file cache, bytecode
        runs = [(_run(bare), _run(program)) for _ in range(args.runs)]
        worst_home = max(r["ZWGK_HOME"] - r["ZWGK_SHOWN"] for _b, r in runs)
        worst_stall = max(r["ZWGK_STALL"] for _b, r in runs) / 1000
        bare_paint = max(b["ZWGK_SHOWN"] for b, _r in runs)
        from_start = max(r["ZWGK_HOME"] for _b, r in runs)
        print(f"home page, {cases:,} cases, worst of {args.runs} starts ({load()})")
        for text, within in (
                line("  lists filled, from the first paint", worst_home, HOME_BUDGET_S if cases <= 100_000 else None,
                     "s", bare_paint, "bare window start"),
                line("  event loop kept busy, longest, until then", worst_stall, STALL_BUDGET_S, "ms"),
                line("  (lists filled, from process start)", from_start, None, "s")):
            print(text)
            ok &= within
        mb, bare_mb = peak_mb(program), peak_mb(bare)
        text, within = line("  peak memory with the lists filled", mb,
                            MEMORY_BUDGET_MB if cases >= 300_000 else None, "MB", bare_mb, "bare window")
        print(text)
        ok &= within
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
