"""Backups on disk: consistent copies, documents beside them, the retention rule, listing."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app import paths
from app.services.demo import demo_settings
from app.domain.request import RequestData
from app.services import register, settings
from app.services.workspace import close_workspace, open_workspace
from app.store import backup
from app.store.db import DatabaseDamaged, StoreError

TODAY = dt.date(2026, 11, 20)
pytestmark = pytest.mark.sqlite_only("备份文件是 SQLite 文件的拷贝；服务器的备份由服务器负责（tests/services/test_server.py）")


def person(name: str, arrived: dt.date = dt.date(2026, 3, 5)) -> RequestData:
    return RequestData(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                       info_description="土地征收补偿方案", arrived_on=arrived, channel="当面")


@pytest.fixture
def office(db_path):
    open_workspace(db_path)
    settings.save(demo_settings())
    yield db_path
    close_workspace()


def add_cases(n: int) -> None:
    for i in range(n):
        register.register(person(f"申请人{i}"), today=TODAY)


def test_a_backup_is_a_whole_single_file_taken_while_the_program_is_open(office):
    add_cases(3)
    info = backup.backup_file(office, "手动备份", dt.datetime(2026, 11, 20, 9, 30))
    assert info.path.parent == paths.backups_dir(office)
    assert info.path.name == "20261120-093000_手动备份.sqlite"
    assert (info.reason, info.cases, info.taken_at) == ("手动备份", 3, dt.datetime(2026, 11, 20, 9, 30))
    con = sqlite3.connect(info.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # no -wal needed beside it
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [r[0] for r in con.execute("SELECT name FROM request ORDER BY id")] == ["申请人0", "申请人1", "申请人2"]
    con.close()
    assert not list(info.path.parent.glob("*.partial"))


def test_documents_and_edited_templates_are_zipped_beside_under_the_same_stem(office):
    add_cases(1)
    case_folder = paths.case_dir(office, "〔2026〕第1号")
    case_folder.mkdir(parents=True)
    (case_folder / "受理通知书.docx").write_bytes(b"docx bytes")
    paths.user_templates_dir(office).mkdir(parents=True)
    (paths.user_templates_dir(office) / "补正告知书.docx").write_bytes(b"template")
    info = backup.backup_file(office, "手动备份")
    assert info.documents == info.path.with_suffix(".zip")
    with zipfile.ZipFile(info.documents) as zf:
        names = set(zf.namelist())
        assert "文书/〔2026〕第1号/受理通知书.docx" in names and "模板/补正告知书.docx" in names
        assert zf.read("文书/〔2026〕第1号/受理通知书.docx") == b"docx bytes"
    assert info.size == info.path.stat().st_size + info.documents.stat().st_size


def test_documents_that_are_zips_already_are_stored_not_deflated_again(office):
    """A .docx or .xlsx is compressed already (docs/performance.md): deflating it again costs time."""
    add_cases(1)
    case_folder = paths.case_dir(office, "〔2026〕第1号")
    case_folder.mkdir(parents=True)
    for name in ("答复告知书.docx", "台账.XLSX", "说明.txt"):
        (case_folder / name).write_bytes(b"x" * 5000)
    info = backup.backup_file(office, "手动备份")
    with zipfile.ZipFile(info.documents) as zf:
        kinds = {Path(i.filename).name: i.compress_type for i in zf.infolist()}
        assert zf.read("文书/〔2026〕第1号/台账.XLSX") == b"x" * 5000
    assert kinds == {"答复告知书.docx": zipfile.ZIP_STORED, "台账.XLSX": zipfile.ZIP_STORED,
                     "说明.txt": zipfile.ZIP_DEFLATED}


def test_list_counts_the_cases_of_each_backup_newest_first(office):
    add_cases(2)
    backup.backup_file(office, "每日自动备份", dt.datetime(2026, 11, 19, 8, 0))
    add_cases(3)
    backup.backup_file(office, "手动备份", dt.datetime(2026, 11, 20, 8, 0))
    listed = backup.list_backups(office)
    assert [(b.reason, b.cases) for b in listed] == [("手动备份", 5), ("每日自动备份", 2)]


def test_two_backups_in_the_same_second_both_stay(office):
    when = dt.datetime(2026, 11, 20, 8, 0)
    a = backup.backup_file(office, "手动备份", when)
    b = backup.backup_file(office, "手动备份", when)
    assert a.path != b.path and a.path.exists() and b.path.exists()


def test_preview_shows_office_years_and_latest_cases(office):
    add_cases(2)
    register.register(person("去年的申请人", arrived=dt.date(2025, 12, 1)), today=TODAY)
    info = backup.backup_file(office, "手动备份")
    shown = backup.preview(info.path)
    assert shown.office_name == "黄岩区茅畲乡人民政府"
    assert shown.cases_by_year == {2026: 2, 2025: 1}
    assert shown.latest_cases[0][0] == "〔2026〕第2号"
    assert {row[2] for row in shown.latest_cases} == {"申请人0", "申请人1", "去年的申请人"}


def test_an_unreadable_backup_is_listed_without_a_count_and_not_offered(office):
    add_cases(1)
    good = backup.backup_file(office, "每日自动备份", dt.datetime(2026, 11, 19, 8, 0))
    bad = backup.backup_file(office, "手动备份", dt.datetime(2026, 11, 20, 8, 0))
    bad.path.write_bytes(b"not a database" * 100)
    listed = backup.list_backups(office)
    assert listed[0].path == bad.path and listed[0].cases is None and not listed[0].readable
    assert backup.latest_good_backup(office).path == good.path


def fake_backups(folder: Path, source: Path, stamps: list[tuple[dt.datetime, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for when, reason in stamps:
        shutil.copyfile(source, folder / f"{when:%Y%m%d-%H%M%S}_{reason}.sqlite")


def test_retention_keeps_30_days_12_months_today_and_pinned_copies(office):
    first = backup.backup_file(office, "手动备份", dt.datetime(2024, 1, 1))
    folder = first.path.parent
    stamps = []
    day = dt.date(2024, 12, 1)
    while day <= dt.date(2026, 3, 31):
        stamps.append((dt.datetime.combine(day, dt.time(9)), "每日自动备份"))
        day += dt.timedelta(days=1)
    stamps += [(dt.datetime(2026, 3, 31, 10), "手动备份"), (dt.datetime(2026, 3, 20, 17), "手动备份"),
               (dt.datetime(2025, 6, 15, 15), "锁定年度前")]
    fake_backups(folder, first.path, stamps)
    first.path.unlink()
    first.documents.unlink()

    backup.prune(office, dt.date(2026, 3, 31))
    kept = {b.taken_at for b in backup.list_backups(office)}
    # Counted by hand: the newest of each day 2 to 31 March 2026 (the 20th: its 17:00 copy), both of
    # today's copies, the last copy of each month April 2025 to February 2026, the pre-lock copy.
    expected = {dt.datetime(2026, 3, d, 9) for d in range(2, 32) if d != 20}
    expected |= {dt.datetime(2026, 3, 20, 17), dt.datetime(2026, 3, 31, 10), dt.datetime(2025, 6, 15, 15)}
    month_ends = [dt.date(2026, 2, 28), dt.date(2026, 1, 31), dt.date(2025, 12, 31), dt.date(2025, 11, 30),
                  dt.date(2025, 10, 31), dt.date(2025, 9, 30), dt.date(2025, 8, 31), dt.date(2025, 7, 31),
                  dt.date(2025, 6, 30), dt.date(2025, 5, 31), dt.date(2025, 4, 30)]
    expected |= {dt.datetime.combine(d, dt.time(9)) for d in month_ends}
    assert kept == expected
    assert len(kept) == 30 + 1 + 11 + 1


def test_restore_saves_the_current_file_aside_and_brings_back_rows_and_documents(office):
    add_cases(2)
    doc = paths.case_dir(office, "〔2026〕第1号") / "受理通知书.docx"
    doc.parent.mkdir(parents=True)
    doc.write_bytes(b"version 1")
    taken = backup.backup_file(office, "手动备份")
    add_cases(1)
    doc.write_bytes(b"version 2")
    later = paths.case_dir(office, "〔2026〕第3号") / "告知书.docx"
    later.parent.mkdir(parents=True)
    later.write_bytes(b"new")
    close_workspace()

    aside = backup.restore(office, taken.path)
    assert aside is not None and backup.describe(aside).cases == 3 and backup.describe(aside).reason == "恢复前"
    open_workspace(office)
    assert register.count(register.CaseQuery()) == 2
    assert doc.read_bytes() == b"version 1" and not later.exists()
    assert backup.undo_target(office).path == aside


def test_a_damaged_current_file_is_moved_aside_untouched(office):
    add_cases(2)
    taken = backup.backup_file(office, "手动备份")
    close_workspace()
    garbage = b"\x00\x01broken" * 3000
    office.write_bytes(garbage)
    aside = backup.restore(office, taken.path)
    assert aside.name.startswith("register.已损坏-") and aside.read_bytes() == garbage
    open_workspace(office)
    assert register.count(register.CaseQuery()) == 2


def test_a_damaged_backup_is_refused_and_the_current_file_kept(office):
    add_cases(1)
    bogus = office.parent / "bogus.sqlite"
    bogus.write_bytes(b"junk" * 1000)
    close_workspace()
    before = office.read_bytes()
    with pytest.raises(DatabaseDamaged, match="所选备份文件已损坏"):
        backup.restore(office, bogus)
    assert office.read_bytes() == before


def test_a_zip_reaching_outside_the_documents_folder_is_refused(office):
    taken = backup.backup_file(office, "手动备份")
    with zipfile.ZipFile(taken.documents, "w") as zf:
        zf.writestr("../../escaped.txt", "x")
    close_workspace()
    with pytest.raises(StoreError, match="不安全"):
        backup.restore(office, taken.path)
    assert not (office.parent.parent / "escaped.txt").exists()


# ---- a restore checks the backup whole, stages everything, swaps at the end ---------------

def _state(db: Path) -> tuple[bytes, list[str]]:
    docs = paths.documents_dir(db)
    return db.read_bytes(), sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())


def _closed_office(office: Path, cases: int = 2) -> Path:
    add_cases(cases)
    doc = paths.case_dir(office, "〔2026〕第1号") / "受理通知书.docx"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_bytes(b"current")
    close_workspace()
    return office


def _refused_untouched(office: Path, candidate: Path, error, match: str) -> str:
    before = _state(office)
    with pytest.raises(error, match=match) as info:
        backup.restore(office, candidate)
    assert _state(office) == before
    assert not list(paths.backups_dir(office).glob("*恢复前*"))  # nothing saved aside: nothing began
    assert not list(office.parent.glob("*.restoring"))
    assert "当前数据未作任何改动" in str(info.value)
    return str(info.value)


def test_an_empty_backup_file_is_refused(office):
    _closed_office(office)
    empty = office.parent / "空.sqlite"
    empty.write_bytes(b"")
    _refused_untouched(office, empty, DatabaseDamaged, "空的")


def test_a_sqlite_file_without_the_registers_tables_is_refused(office):
    _closed_office(office)
    bare = office.parent / "空库.sqlite"
    con = sqlite3.connect(bare)
    con.execute("PRAGMA user_version = 1")  # a sound SQLite file of our version, but no tables at all
    con.close()
    assert bare.stat().st_size > 0
    _refused_untouched(office, bare, DatabaseDamaged, "不是本程序的备份")


def test_a_backup_from_a_newer_program_is_refused_before_anything_is_replaced(office):
    from app.store.db import DatabaseTooNew
    from app.store.migrations import SCHEMA_VERSION

    taken = backup.backup_file(office, "手动备份")
    _closed_office(office)
    con = sqlite3.connect(taken.path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    message = _refused_untouched(office, taken.path, DatabaseTooNew, "更新版本")
    assert "升级" in message


RESTORE_WITH_A_SMALL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) like a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), int(sys.argv[3])))
from app.store import backup
from app.store.db import StoreError
try:
    backup.restore(sys.argv[1], sys.argv[2])
except StoreError as exc:
    print(exc)
"""


@pytest.mark.skipif(os.name == "nt", reason="file-size limits (RLIMIT_FSIZE) are POSIX")
def test_a_disk_that_fills_while_documents_are_unpacked_leaves_the_database_as_it_was(office):
    add_cases(1)
    big = paths.case_dir(office, "〔2026〕第1号") / "扫描件.docx"
    big.parent.mkdir(parents=True)
    big.write_bytes(os.urandom(3 * 1024 * 1024))  # does not compress: unpacking it needs the space
    taken = backup.backup_file(office, "手动备份")
    big.unlink()
    add_cases(2)
    close_workspace()
    before = _state(office)
    limit = 2 * 1024 * 1024  # the database and the small zips fit, the scanned document does not
    proc = subprocess.run([sys.executable, "-c", RESTORE_WITH_A_SMALL_DISK, str(office), str(taken.path), str(limit)],
                          capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "恢复没有完成" in proc.stdout and "当前数据未作任何改动" in proc.stdout, proc.stdout
    assert _state(office) == before
    assert not list(office.parent.glob("*.restoring"))
    open_workspace(office)
    assert register.count(register.CaseQuery()) == 3


def test_a_restore_killed_after_the_database_was_swapped_is_completed_at_the_next_start(office):
    add_cases(1)
    doc = paths.case_dir(office, "〔2026〕第1号") / "受理通知书.docx"
    doc.parent.mkdir(parents=True)
    doc.write_bytes(b"from the backup")
    taken = backup.backup_file(office, "手动备份")
    doc.write_bytes(b"newer")
    close_workspace()
    # The state a power cut leaves between the swap of the database and of the document folders:
    # the staged documents are there, the staged database is not (it was renamed into place).
    stage = paths.data_dir_for(office).with_name(paths.data_dir_for(office).name + ".restoring")
    with zipfile.ZipFile(taken.documents) as zf:
        zf.extractall(stage)
    (stage / "模板").mkdir(exist_ok=True)
    assert backup.finish_restore(office) is True
    assert doc.read_bytes() == b"from the backup" and not stage.exists()
    assert not list(paths.data_dir_for(office).glob("*.恢复前"))
    # Staged documents with the staged database beside them: the swap never happened, nothing moves.
    stage.mkdir()
    (stage / "文书").mkdir()
    staged_db = office.with_name(office.name + ".restoring")
    staged_db.write_bytes(b"half a copy")
    assert backup.finish_restore(office) is False
    assert doc.read_bytes() == b"from the backup" and not stage.exists() and not staged_db.exists()
