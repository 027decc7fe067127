"""Power-cut tests: a process doing real work (registering, issuing notices, importing ledgers,
taking backups, restoring them, archiving a year) is killed with SIGKILL at a random moment of that
work, round after round. After each kill the next start runs (services.cleanup) and then: the file
passes PRAGMA integrity_check, everything the process had reported done is there, and nothing is
left half-done — no case without its event, no notice file without its row or row without its file,
no half-imported ledger, no half backup listed, no restore with the documents of another state, no
archive package that is not whole.

A child says "begun" once its file is open and it starts writing; the kill comes a random time after
that, so no round depends on how fast a child starts on a busy machine.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 20)

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")

OPEN = """
import datetime as dt, sys
from pathlib import Path
from app.services.workspace import open_workspace
open_workspace(sys.argv[1])
"""

WORKERS = {
    "register": OPEN + """
from app.domain.request import RequestData
from app.services import register
print("begun", flush=True)
i = 0
while True:
    i += 1
    case = register.register(RequestData(
        name=f"申请人{i}", id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
        info_description="土地征收补偿方案" * 20, arrived_on=dt.date(2026, 3, 5), channel="当面"),
        today=dt.date(2026, 11, 20))
    print(case.case_no, flush=True)
""",
    "notice": OPEN + """
from app.domain.request import CaseQuery
from app.services import notices, register
cases = [row.id for row in register.list_rows(CaseQuery(), 0, 50)]
print("begun", flush=True)
i = 0
while True:
    issued = notices.issue("申请接收回执", cases[i % len(cases)], on_date=dt.date(2026, 10, 9))
    print("issued", issued.doc_no, flush=True)
    i += 1
""",
    "import": OPEN + """
from app.services import ledger
print("begun", flush=True)
for sheet in sorted(Path(sys.argv[2]).glob("*.xlsx")):
    preview = ledger.preview_import(sheet, today=dt.date(2026, 11, 20))
    if preview.good_rows and not preview.bad_rows:
        ledger.import_confirmed(preview, [r.row_number for r in preview.good_rows])
        print("imported", sheet.name, flush=True)
""",
    "backup": OPEN + """
from app.services import backup
print("begun", flush=True)
while True:
    print("backup", backup.backup_now().path, flush=True)
""",
    "restore": OPEN + """
from app.services import backup
print("begun", flush=True)
i = 0
while True:
    backup.restore(sys.argv[2 + i % 2])
    print("restored", i % 2, flush=True)
    i += 1
""",
    "archive": OPEN + """
from app.services import archive
print("begun", flush=True)
while True:
    if archive.is_locked(2025):  # the last run was killed after its lock: open the year again
        archive.unlock_year(2025, "断电测试")
    package = archive.archive_year(2025, sys.argv[2], today=dt.date(2026, 1, 20))
    print("archived", package.folder, flush=True)
""",
}


def kill_rounds(job: str, db: Path, args: list[str], rounds: int, latest_kill_s: float,
                after_each: Callable[[], None], seed: int) -> list[str]:
    """Run the worker `rounds` times, killing it a random time (up to `latest_kill_s`) after it has
    begun; `after_each` is the next start and the checks. Returns every line the workers printed."""
    rng = random.Random(seed)
    printed: list[str] = []
    for _ in range(rounds):
        proc = subprocess.Popen([sys.executable, "-c", WORKERS[job], str(db), *args], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = proc.stdout.readline()
        if first.strip() != "begun":  # it died before starting its work: say why
            proc.kill()
            pytest.fail(f"{job} worker did not begin: {first}{proc.communicate()[1][-3000:]}")
        time.sleep(rng.uniform(0, latest_kill_s))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=60)
        assert "Traceback" not in err, err[-3000:]
        printed += [line for line in out.splitlines() if line.strip()]
        after_each()
    return printed


# ---- helpers: a register, the next start, the checks ------------------------------------------

def make_register(db: Path, cases: int = 0, year: int = 2026, today: dt.date = TODAY) -> None:
    from app.services import demo, settings
    from app.services.demo import demo_settings
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(db)
    settings.save(demo_settings())
    if cases:
        demo.generate(year, cases, seed=9, today=today)
    close_workspace()


def next_start(db: Path) -> None:
    """What the next start does before anything else: finish the work whose record committed, then
    remove what the kill left (everything is stale: no copy of the program runs now)."""
    from app.services import cleanup
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(db)
    cleanup.clean_leftovers(db, now=time.time() + 24 * 3600)
    close_workspace()


def query(db: Path, sql: str, *params) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def assert_sound(db: Path) -> None:
    assert query(db, "PRAGMA integrity_check") == [("ok",)]


# ---- the jobs -----------------------------------------------------------------------------------

def test_killing_registration_loses_no_saved_case(tmp_path):
    db = tmp_path / "crash.sqlite"
    make_register(db)
    printed = kill_rounds("register", db, [], rounds=12, latest_kill_s=1.5, after_each=lambda: assert_sound(db),
                          seed=20261120)
    saved = {line for line in printed if line.startswith("〔")}
    stored = {no for (no,) in query(db, "SELECT case_no FROM request")}
    seqs = [s for (s,) in query(db, "SELECT seq FROM request WHERE year = 2026 ORDER BY seq")]
    events = query(db, "SELECT count(*) FROM event WHERE kind = 'registered'")[0][0]
    audits = query(db, "SELECT count(*) FROM audit_entry WHERE action = '登记'")[0][0]
    assert len(saved) > 10
    assert saved <= stored, sorted(saved - stored)[:5]
    assert seqs == list(range(1, len(seqs) + 1))  # a number is taken in the same transaction as its case
    assert events == audits == len(stored)  # never a case without its event and audit entry


def test_killing_notices_leaves_every_file_with_its_row_and_every_row_with_its_file(tmp_path):
    from app import paths

    db = tmp_path / "notices.sqlite"
    make_register(db, cases=8, today=dt.date(2026, 9, 1))  # received before the notices' date, 2026-10-09
    docs = paths.documents_dir(db)

    def check() -> None:
        next_start(db)
        assert_sound(db)
        rows = {path for (path,) in query(db, "SELECT path FROM document")}
        on_disk = {p.relative_to(docs).as_posix() for p in docs.glob("*/*.docx")}
        assert rows == on_disk  # no file without its row, no row without its file
        assert not list(docs.glob(".*")), list(docs.glob(".*"))  # nothing half-issued is left

    printed = kill_rounds("notice", db, [], rounds=6, latest_kill_s=2.0, after_each=check, seed=31)
    issued = {line.split(" ", 1)[1] for line in printed if line.startswith("issued")}
    numbers = {no for (no,) in query(db, "SELECT doc_no FROM document")}
    seqs = [s for (s,) in query(db, "SELECT seq FROM document ORDER BY seq")]
    assert len(issued) > 5 and issued <= numbers
    assert seqs == list(range(1, len(seqs) + 1))  # 文号 never skipped


def test_killing_a_ledger_import_imports_each_file_whole_or_not_at_all(tmp_path):
    import openpyxl

    db = tmp_path / "import.sqlite"
    make_register(db)
    sheets = tmp_path / "台账"
    sheets.mkdir()
    rows_per_file = 200
    for f in range(40):
        wb = openpyxl.Workbook()
        wb.active.append(["登记编号", "收到日期", "申请人", "申请内容", "证件号码"])
        for r in range(rows_per_file):
            wb.active.append([f"T{f:02d}-{r:03d}", "2025-3-5", f"申请人{f}-{r}", "财政预算", "11010519491231002X"])
        wb.save(sheets / f"{f:02d}.xlsx")

    def per_file() -> dict[str, int]:
        counts: dict[str, int] = {}
        for (case_no,) in query(db, "SELECT case_no FROM request"):
            counts[case_no[:3]] = counts.get(case_no[:3], 0) + 1
        return counts

    def check() -> None:
        next_start(db)
        assert_sound(db)
        assert set(per_file().values()) <= {rows_per_file}  # whole files only

    printed = kill_rounds("import", db, [str(sheets)], rounds=6, latest_kill_s=2.5, after_each=check, seed=47)
    done = {line.split()[1][:2] for line in printed if line.startswith("imported")}
    counts = per_file()
    assert done and {f"T{d}" for d in done} <= set(counts)
    imports = query(db, "SELECT count(*) FROM audit_entry WHERE action = '导入台账'")[0][0]
    events = query(db, "SELECT count(*) FROM event WHERE kind = 'ledger_import'")[0][0]
    assert imports == len(counts) and events == sum(counts.values())


def test_killing_a_backup_never_leaves_a_half_backup_listed(tmp_path):
    from app.services import backup
    from app.store import backup as store_backup

    db = tmp_path / "backup.sqlite"
    make_register(db, cases=300)

    def check() -> None:
        next_start(db)
        assert_sound(db)
        for info in backup.list_backups(db):
            store_backup.check_file(info.path)  # every listed backup is whole
            assert info.cases == 300
        assert not list((db.parent / "backup_文件" / "备份").glob("*.partial"))

    printed = kill_rounds("backup", db, [], rounds=6, latest_kill_s=1.5, after_each=check, seed=53)
    taken = [Path(line.split(" ", 1)[1]) for line in printed if line.startswith("backup")]
    assert taken and all(p.exists() for p in taken)


def test_killing_a_restore_leaves_one_whole_state(tmp_path):
    from app import paths
    from app.services import backup
    from app.services.workspace import close_workspace, open_workspace

    db = tmp_path / "restore.sqlite"
    make_register(db, cases=3)
    docs = paths.documents_dir(db)
    (docs / "甲").mkdir(parents=True)
    (docs / "甲" / "三件时的文书.docx").write_bytes(os.urandom(200_000))
    open_workspace(db)
    small = backup.backup_now("三件").path
    close_workspace()
    make_register(db, cases=0)
    from app.services import demo

    open_workspace(db)
    demo.generate(2026, 3, seed=10, today=TODAY)
    (docs / "甲" / "三件时的文书.docx").unlink()
    (docs / "乙").mkdir()
    (docs / "乙" / "六件时的文书.docx").write_bytes(os.urandom(200_000))
    large = backup.backup_now("六件").path
    close_workspace()
    expected = {3: ["甲/三件时的文书.docx"], 6: ["乙/六件时的文书.docx"]}

    def check() -> None:
        next_start(db)
        assert_sound(db)
        cases = query(db, "SELECT count(*) FROM request")[0][0]
        on_disk = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
        assert cases in expected and on_disk == expected[cases]  # the rows and documents of one backup
        assert not list(tmp_path.glob("*.restoring")) and not list(paths.data_dir_for(db).glob("*.恢复前"))

    printed = kill_rounds("restore", db, [str(small), str(large)], rounds=6, latest_kill_s=2.0, after_each=check,
                          seed=61)
    assert any(line.startswith("restored") for line in printed)


def test_killing_an_archive_leaves_only_whole_packages(tmp_path):
    from app.services import archive

    from app import paths

    db = tmp_path / "archive.sqlite"
    make_register(db, cases=60, year=2025, today=dt.date(2026, 1, 20))
    out = paths.archives_dir(db)  # where the archive page puts it, and the next start looks
    out.mkdir(parents=True)

    def check() -> None:
        next_start(db)
        assert_sound(db)
        packages = sorted(p for p in out.iterdir() if p.is_dir())
        assert all(not p.name.endswith(".part") for p in out.iterdir())
        for folder in packages:
            assert archive.verify_manifest(folder) == [] and folder.with_suffix(".zip").is_file()
        locks = query(db, "SELECT count(*) FROM audit_entry WHERE action = '归档并锁定'")[0][0]
        assert len(packages) == locks  # a package on disk for each lock ever recorded, and no other
        for (package,) in query(db, "SELECT package FROM year_lock"):
            assert Path(package) in packages

    printed = kill_rounds("archive", db, [str(out)], rounds=6, latest_kill_s=2.5, after_each=check, seed=67)
    assert any(line.startswith("archived") for line in printed)
