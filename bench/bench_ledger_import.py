"""Importing a hand-kept ledger: preview (read and check every row) and import (one transaction).

Budget for 10,000 rows: preview ≤ 2 s, import ≤ 5 s. Printed beside openpyxl's read-only load of the
same file (every row's values, nothing checked), measured in the same run, as the baseline: the
preview reads, checks and compares every row against the register, so it may take a multiple of
that, never minutes. A larger count (e.g. 100000) shows how it scales; the budget is for 10,000.

    python bench/bench_ledger_import.py [ROWS]
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ledger_archive import _baseline_read as baseline_read  # noqa: E402

TODAY = dt.date(2026, 1, 20)
BUDGET_ROWS = 10_000
PREVIEW_BUDGET_S = 2.0
IMPORT_BUDGET_S = 5.0


def make_ledger(folder: Path, rows: int) -> Path:
    """A genuine ledger of about `rows` rows: demo cases exported with full ID numbers."""
    from app.services import demo, ledger, settings
    from app.services.demo import demo_settings
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(folder / "source.sqlite")
    settings.save(demo_settings())
    demo.generate(2025, int(rows * 1.06), seed=3, today=TODAY)  # about 5 % are received the year before
    out = ledger.export_ledger(2025, folder / "台账.xlsx", full_ids=True, today=TODAY)
    close_workspace()
    return out.path


def preview_and_import(folder: Path, path: Path) -> tuple[float, float, int, int]:
    from app.services import ledger, settings
    from app.services.demo import demo_settings
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(folder / "empty.sqlite")
    settings.save(demo_settings())
    start = time.perf_counter()
    preview = ledger.preview_import(path, today=TODAY)
    preview_s = time.perf_counter() - start
    start = time.perf_counter()
    result = ledger.import_confirmed(preview, [r.row_number for r in preview.good_rows])
    import_s = time.perf_counter() - start
    close_workspace()
    return preview_s, import_s, len(preview.rows), result.imported


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else BUDGET_ROWS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["ZWGK_DATA_DIR"] = str(folder / "userdata")
        path = make_ledger(folder, rows)
        size_kb = path.stat().st_size // 1024
        base_s = baseline_read(path)  # bench_ledger_archive's: openpyxl read-only, every value
        preview_s, import_s, read, imported = preview_and_import(folder, path)
    scale = read / BUDGET_ROWS
    preview_budget, import_budget = PREVIEW_BUDGET_S * scale, IMPORT_BUDGET_S * scale
    ok = preview_s <= preview_budget and import_s <= import_budget
    print(f"ledger of {read} rows ({size_kb} KB) — budget scaled from 10,000 rows")
    print(f"  preview {preview_s:6.2f} s (budget {preview_budget:5.1f} s)   openpyxl read-only load "
          f"{base_s:6.2f} s   ratio {preview_s / base_s:4.2f}x   {'OK' if preview_s <= preview_budget else 'OVER'}")
    print(f"  import  {import_s:6.2f} s (budget {import_budget:5.1f} s)   {imported} cases in one transaction"
          f"   {'OK' if import_s <= import_budget else 'OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
