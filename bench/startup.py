"""Benchmark: process start to the main window shown (first paint), from source and frozen.

Not part of the test run. Usage::

    python bench/startup.py [--runs 9] [--cases 10000] [--memory-cases 100000] [--no-frozen]

The program is started with a database of 10,000 cases and ZWGK_BENCH_EXIT_AFTER_SHOW=1 (the hook in
app/ui/app/application.py prints ``ZWGK_SHOWN <seconds>`` after the first paint, ``ZWGK_READY <seconds>``
once the database is open behind the window, and quits). The budget is on the first paint; the
ready figure is printed beside it. The baseline,
measured the same way in the same run, is bench/bare_window.py: a bare PySide6 QMainWindow, from
source and frozen. Budgets: the program ≤ 2× the bare window from source, ≤ 3× frozen (against the
frozen bare window); peak memory (ru_maxrss of the child, run until the home page's lists are
filled: ZWGK_BENCH_EXIT_AFTER_SHOW=home) ≤ 250 MB with 100,000 cases (bench/bench_home.py: 300,000).
Databases and the frozen baseline are made once and kept in --work (default /tmp/zwgk-bench).
Exits 1 if over budget.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "政务公开工作台"
SOURCE_BUDGET = 2.0
FROZEN_BUDGET = 3.0
MEMORY_BUDGET_MB = 250
TIMEOUT_S = 300
PYCACHE = Path("/tmp/zwgk-bench/pycache")


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # As on the clerk's PC, source runs use compiled bytecode (kept out of the tree, made by the warm-up).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env["ZWGK_BENCH_EXIT_AFTER_SHOW"] = "1"
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra or {})
    return env


def shown_after(cmd: list[str], ready: dict[str, list[float]] | None = None) -> float:
    """Seconds from just before the process is started to its first paint (as the child reports it);
    its ZWGK_READY figure, if any, is appended to ready["times"]."""
    t0 = time.time()
    out = subprocess.run(cmd, env=_env({"ZWGK_BENCH_T0": repr(t0)}), capture_output=True, text=True,
                         timeout=TIMEOUT_S, cwd="/")
    figures = dict(line.split()[:2] for line in out.stdout.splitlines() if line.startswith("ZWGK_"))
    if "ZWGK_SHOWN" not in figures:
        raise RuntimeError(f"{cmd[0]} did not report its first paint (exit {out.returncode}):\n{out.stderr[-2000:]}")
    if ready is not None and "ZWGK_READY" in figures:
        ready["times"].append(float(figures["ZWGK_READY"]))
    return float(figures["ZWGK_SHOWN"])


def median_shown(program: list[str], bare: list[str], runs: int) -> tuple[float, float, float | None]:
    """Median seconds of the bare window and of the program (and of the program's database being open
    behind its window), runs interleaved so that a busy machine slows both alike; one warm-up run of
    each (file cache, bytecode) is not counted."""
    shown_after(bare), shown_after(program)
    ready: dict[str, list[float]] = {"times": []}
    times = [(shown_after(bare), shown_after(program, ready)) for _ in range(runs)]
    t_ready = statistics.median(ready["times"]) if ready["times"] else None
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times), t_ready


def _ready_note(t_ready: float | None) -> str:
    return f"\n          database open behind the window {t_ready:6.3f} s (no budget)" if t_ready else ""


def peak_mb(cmd: list[str]) -> float:
    """Peak resident memory of `cmd` run until it quits (the program: once the home page's lists are
    filled): RUSAGE_CHILDREN of a fresh helper process (ru_maxrss is a maximum over all children
    ever waited for, so each measurement gets its own)."""
    helper = [sys.executable, str(Path(__file__).resolve()), "--peak-of", "--", *cmd]
    out = subprocess.run(helper, env=_env(), capture_output=True, text=True, timeout=TIMEOUT_S, check=True)
    return int(out.stdout.split()[-1]) / 1024  # Linux: kilobytes


def _peak_of(cmd: list[str]) -> int:
    subprocess.run(cmd, env=_env({"ZWGK_BENCH_EXIT_AFTER_SHOW": "home"}), stdout=subprocess.DEVNULL,
                   timeout=TIMEOUT_S, check=True, cwd="/")
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return 0


# ------------------------------------------------------------------- inputs, made once


def database(work: Path, count: int) -> Path:
    """A database of `count` demo cases, generated once (bench/common.py)."""
    from common import database as cached

    return cached(count, work)


def frozen_program(rebuild: bool) -> Path:
    exe = ROOT / "dist" / NAME / NAME
    if rebuild or not exe.exists():
        print("building the bundle (python -m PyInstaller build.spec) …", flush=True)
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "build.spec"],
                       cwd=ROOT, check=True)
    return exe


def frozen_bare(work: Path) -> Path:
    """bench/bare_window.py frozen one-folder, windowed, with PyInstaller's defaults (made once)."""
    exe = work / "dist" / "bare_window" / "bare_window"
    if not exe.exists():
        print("freezing bench/bare_window.py (once) …", flush=True)
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--onedir",
                        "--windowed",
                        "--exclude-module", "tkinter", "--distpath", str(work / "dist"),
                        "--workpath", str(work / "build"), "--specpath", str(work),
                        str(ROOT / "bench" / "bare_window.py")], check=True)
    return exe


# ------------------------------------------------------------------- the report


def _verdict(ok: bool) -> str:
    return "ok" if ok else "OVER BUDGET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--memory-cases", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/zwgk-bench"))
    parser.add_argument("--no-frozen", action="store_true", help="source only")
    parser.add_argument("--rebuild", action="store_true", help="rebuild dist/ from build.spec first")
    parser.add_argument("--peak-of", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("cmd", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.peak_of:
        return _peak_of(args.cmd)
    args.work.mkdir(parents=True, exist_ok=True)
    db = database(args.work, args.cases)
    big = database(args.work, args.memory_cases)
    source = [sys.executable, "-m", "app", "--db", str(db)]
    bare = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    ok = True

    print(f"start to first paint, median of {args.runs} (after one warm-up), {args.cases} cases, "
          f"QT_QPA_PLATFORM={_env()['QT_QPA_PLATFORM']}, load average {os.getloadavg()[0]:.1f}")
    t_bare, t_app, t_ready = median_shown(source, bare, args.runs)
    ratio = t_app / t_bare
    ok &= ratio <= SOURCE_BUDGET
    print(f"  source  bare window {t_bare:6.3f} s   program {t_app:6.3f} s   ratio {ratio:4.2f}  "
          f"(budget ≤ {SOURCE_BUDGET:.0f}×) {_verdict(ratio <= SOURCE_BUDGET)}{_ready_note(t_ready)}")
    frozen = None
    if not args.no_frozen:
        frozen = frozen_program(args.rebuild)
        t_fbare, t_frozen, t_fready = median_shown([str(frozen), "--db", str(db)], [str(frozen_bare(args.work))],
                                                   args.runs)
        ratio = t_frozen / t_fbare
        ok &= ratio <= FROZEN_BUDGET
        print(f"  frozen  bare window {t_fbare:6.3f} s   program {t_frozen:6.3f} s   ratio {ratio:4.2f}  "
              f"(budget ≤ {FROZEN_BUDGET:.0f}×) {_verdict(ratio <= FROZEN_BUDGET)}"
              f"   [vs bare from source: {t_frozen / t_bare:4.2f}×]{_ready_note(t_fready)}")

    print(f"peak memory (ru_maxrss, RUSAGE_CHILDREN) until the home page's lists are filled, "
          f"{args.memory_cases} cases")
    targets = [("bare window", bare, None), ("source", [*source[:-1], str(big)], MEMORY_BUDGET_MB)]
    if frozen is not None:
        targets.append(("frozen", [str(frozen), "--db", str(big)], MEMORY_BUDGET_MB))
    for label, cmd, budget in targets:
        mb = peak_mb(cmd)
        within = budget is None or mb <= budget
        ok &= within
        note = f"(budget ≤ {budget} MB) {_verdict(within)}" if budget else "(baseline)"
        print(f"  {label:12s} {mb:7.1f} MB  {note}")
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
