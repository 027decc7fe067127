"""A year of 1,000 concluded cases with 5 documents each archived (package folder, its .zip, and the
backup taken before the year is locked) in ≤ 5 s, beside copying the same files with their SHA-256
and zipping them, as the baseline; a ledger of 10,000 rows exported in ≤ 3 s and previewed for import
in ≤ 5 s, each beside openpyxl writing (or reading) the same cells with no formatting. Wall time,
with the process's CPU time beside it (a shared machine adds the first, not the second).

    python bench/bench_ledger_archive.py
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TODAY = dt.date(2026, 1, 20)


def _setup(db: Path, year: int, count: int, seed: int) -> None:
    from app.services.demo import demo_settings
    from app.services import demo, settings
    from app.services.workspace import open_workspace

    open_workspace(db)
    settings.save(demo_settings())
    demo.generate(year, count, seed, today=TODAY)


def _baseline_write(rows: list[list[object]], path: Path) -> float:
    from openpyxl import Workbook

    t = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("plain")
    for row in rows:
        ws.append(row)
    wb.save(path)
    return time.perf_counter() - t


def _baseline_read(path: Path) -> float:
    from openpyxl import load_workbook

    t = time.perf_counter()
    wb = load_workbook(path, read_only=True, data_only=True)
    sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return time.perf_counter() - t


def bench_ledger(tmp: Path) -> list[str]:
    from openpyxl import load_workbook

    from app.services import ledger
    from app.services.workspace import close_workspace

    db = tmp / "ledger.sqlite"
    _setup(db, 2025, 10_600, seed=3)  # about 10,000 received in 2025 (5 % carried in)
    t, cpu = time.perf_counter(), time.process_time()
    out = ledger.export_ledger(2025, tmp / "ledger.xlsx", full_ids=True, today=TODAY)
    export_s, export_cpu = time.perf_counter() - t, time.process_time() - cpu
    cells = [list(r) for r in load_workbook(out.path, read_only=True).worksheets[0].iter_rows(values_only=True)]
    base_w = _baseline_write(cells, tmp / "plain.xlsx")
    close_workspace()
    from app.services.workspace import open_workspace

    open_workspace(tmp / "empty.sqlite")
    t = time.perf_counter()
    preview = ledger.preview_import(out.path, today=TODAY)
    preview_s = time.perf_counter() - t
    base_r = _baseline_read(out.path)
    t = time.perf_counter()
    result = ledger.import_confirmed(preview, [r.row_number for r in preview.good_rows])
    import_s = time.perf_counter() - t
    close_workspace()
    return [
        f"ledger export  {out.rows:>6} rows: {export_s:6.2f} s (CPU {export_cpu:5.2f} s) (budget 3 s)   "
        f"plain openpyxl write {base_w:5.2f} s"
        f"   ratio {export_s / base_w:4.1f}x   {'OK' if export_s <= 3 else 'OVER'}",
        f"ledger preview {len(preview.rows):>6} rows: {preview_s:6.2f} s (budget 5 s)   plain openpyxl read  "
        f"{base_r:5.2f} s   ratio {preview_s / base_r:4.1f}x   {'OK' if preview_s <= 5 else 'OVER'}"
        f"   ({preview.counts()['bad']} rows with problems)",
        f"ledger import  {result.imported:>6} rows: {import_s:6.2f} s (no budget; one transaction)",
    ]


def _docx(path: Path, text: str) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph(text)
    d.save(path)


def bench_archive(tmp: Path) -> list[str]:
    from app import paths
    from app.services import archive
    from app.services.workspace import close_workspace
    from app.store import ledger as ledger_store
    from app.store.db import atomic
    from app.store.schema import Document

    db = tmp / "archive.sqlite"
    _setup(db, 2025, 1_150, seed=5)
    cases = ledger_store.cases_concluded_in(2025)[:1000]
    # Small real .docx files: one template saved by python-docx, written per document with its own text.
    template = tmp / "template.docx"
    _docx(template, "政府信息公开答复告知书")
    data = template.read_bytes()
    kinds = ["登记回执", "补正告知书", "延期答复告知书", "答复告知书（予以公开）", "送达回证"]
    with atomic():
        for case in cases:
            folder = paths.case_dir(db, case.case_no)
            folder.mkdir(parents=True, exist_ok=True)
            for n, kind in enumerate(kinds, start=1):
                file = folder / f"{n}_{kind}.docx"
                file.write_bytes(data)
                Document.create(request=case.id, kind=kind, doc_no=f"茅政信{n}〔2025〕{case.id}号", year=2025,
                                issued_on=case.answered_on, path=file.relative_to(paths.documents_dir(db)).as_posix(),
                                sha256=hashlib.sha256(data).hexdigest())
    concluded = len(ledger_store.cases_concluded_in(2025))
    t, cpu = time.perf_counter(), time.process_time()
    package = archive.archive_year(2025, tmp / "out", today=TODAY)
    archive_s, archive_cpu = time.perf_counter() - t, time.process_time() - cpu
    close_workspace()
    # Baseline: the same files copied, hashed and zipped (stored, as a .docx is a zip already).
    import shutil
    import zipfile

    t = time.perf_counter()
    base = tmp / "baseline"
    with zipfile.ZipFile(tmp / "baseline.zip", "w") as z:
        for file in sorted(paths.documents_dir(db).rglob("*.docx")):
            target = base / file.relative_to(paths.documents_dir(db))
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
            hashlib.sha256(target.read_bytes()).hexdigest()
            z.write(target, target.relative_to(base).as_posix())
    base_s = time.perf_counter() - t
    return [
        f"archive {package.cases} concluded cases ({concluded} in the year, {len(cases)} with 5 documents), "
        f"{package.files} files, with the backup before the lock: {archive_s:6.2f} s (CPU {archive_cpu:5.2f} s) "
        f"(budget 5 s)   copy+hash+zip {base_s:5.2f} s   ratio {archive_s / base_s:4.1f}x   "
        f"{'OK' if archive_s <= 5 else 'OVER'}",
    ]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ZWGK_DATA_DIR"] = str(Path(tmp) / "userdata")
        lines = bench_ledger(Path(tmp)) + bench_archive(Path(tmp))
    print(f"ledger and archive ({os.getloadavg()[0]:.1f} load on {os.cpu_count()} cores)")
    print("\n".join(lines))
    return 0 if all("OVER" not in line for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main())
