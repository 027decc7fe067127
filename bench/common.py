"""What the benchmarks share: the demo databases they start from (made once with `demo-data`, cached
in /tmp/zwgk-bench, keyed by count), the machine's load, and one line per figure: the figure, its
budget, its baseline measured in the same run and the ratio (docs/performance.md)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(os.environ.get("ZWGK_BENCH_WORK", "/tmp/zwgk-bench"))
sys.path.insert(0, str(ROOT))


def env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a program started by a bench: offscreen unless told, this source tree."""
    out = dict(os.environ)
    out.setdefault("QT_QPA_PLATFORM", "offscreen")
    out["PYTHONPATH"] = str(ROOT)
    out.setdefault("ZWGK_DATA_DIR", str(WORK / "userdata"))
    out.update(extra or {})
    return out


def database(count: int, work: Path = WORK) -> Path:
    """A database of `count` demo cases (`python -m app --db X demo-data --count N`), generated once."""
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"cases-{count}.sqlite"
    if not path.exists():
        print(f"generating {count:,} demo cases into {path} (once) …", flush=True)
        partial = path.with_suffix(".partial.sqlite")
        for stale in work.glob(partial.name + "*"):
            stale.unlink()
        subprocess.run([sys.executable, "-m", "app", "--db", str(partial), "demo-data", "--count", str(count)],
                       cwd=ROOT, check=True, env=env())
        for suffix in ("-wal", "-shm", ".lock"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(path)
    return path


def load() -> str:
    """The machine's load, said beside every figure (a shared machine only ever adds time)."""
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f} on {os.cpu_count()} cores"


def line(label: str, value: float, budget: float | None, unit: str = "s", baseline: float | None = None,
         baseline_label: str = "baseline") -> tuple[str, bool]:
    """'label  value (budget …)  baseline …  ratio …  OK|OVER' and whether it is within budget."""
    fmt = (lambda v: f"{v * 1000:7.1f} ms") if unit == "ms" else (lambda v: f"{v:7.2f} s") if unit == "s" else \
        (lambda v: f"{v:7.1f} {unit}")
    ok = budget is None or value <= budget
    parts = [f"{label:58s} {fmt(value)}"]
    parts.append(f"(budget {fmt(budget).strip()})" if budget is not None else "(no budget)")
    if baseline is not None:
        parts.append(f"{baseline_label} {fmt(baseline).strip()}, ratio {value / baseline:5.2f}x" if baseline else
                     f"{baseline_label} 0")
    parts.append("OK" if ok else "OVER")
    return "  ".join(parts), ok


class Stopwatch:
    """`with Stopwatch() as t: …; t.seconds`."""

    def __enter__(self) -> "Stopwatch":
        self.start = time.perf_counter()
        return self

    def __exit__(self, *_exc) -> None:
        self.seconds = time.perf_counter() - self.start
