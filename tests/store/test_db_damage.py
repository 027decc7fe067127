"""Damaged, foreign, busy and read-only database files: refused in Chinese, never written to."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from app.services.demo import demo_settings
from app.domain.request import CaseQuery, RequestData
from app.services import register, settings
from app.services.errors import DatabaseDamaged, DatabaseReadOnly, StoreError
from app.services.workspace import close_workspace, open_workspace
from app.store import db as store_db

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 20)
pytestmark = pytest.mark.sqlite_only("文件损坏、实例锁和磁盘已满是数据文件本身的事；服务器上的对应情形见 tests/store/test_server.py")


def person(name: str = "张三", **kw) -> RequestData:
    base = dict(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                info_description="土地征收补偿方案", arrived_on=dt.date(2026, 3, 5), channel="当面")
    return RequestData(**(base | kw))


def make_db(path: Path, cases: int = 3) -> Path:
    open_workspace(path)
    settings.save(demo_settings())
    for i in range(cases):
        register.register(person(f"申请人{i}"), today=TODAY)
    close_workspace()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refuse_untouched(path: Path) -> str:
    before = digest(path)
    with pytest.raises(DatabaseDamaged) as info:
        open_workspace(path)
    assert digest(path) == before
    message = str(info.value)
    assert message.startswith("数据库文件已损坏") and "原文件已原样保留" and "备份" in message
    return message


def test_not_sqlite_is_refused_untouched(db_path):
    db_path.write_bytes("这是一份 Word 文档，不是数据库".encode() * 200)
    assert "不是 SQLite" in refuse_untouched(db_path)


def test_a_truncated_copy_is_refused_untouched(db_path):
    make_db(db_path, cases=30)
    data = db_path.read_bytes()
    assert len(data) > 4 * 4096
    db_path.write_bytes(data[: len(data) // 2])  # a copy cut short, e.g. a USB stick pulled out
    assert "截断" in refuse_untouched(db_path)


def test_a_truncated_header_is_refused(db_path):
    make_db(db_path)
    db_path.write_bytes(db_path.read_bytes()[:60])
    refuse_untouched(db_path)


def test_a_file_failing_integrity_check_is_refused_untouched(db_path):
    make_db(db_path, cases=200)
    con = sqlite3.connect(db_path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    # The register's search index: its pages are full of cells (search_text), so the scribble lands on them.
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE type='index' "
                       "AND name = 'request_received_on_id_year_status_outcome_search_text'").fetchone()[0]
    con.close()
    with open(db_path, "r+b") as fh:  # scribble over the cells at the end of an index page
        fh.seek((root - 1) * page_size + page_size - 300)
        fh.write(b"\xff\x13" * 120)
    refuse_untouched(db_path)


def test_another_programs_sqlite_file_is_refused_untouched(db_path):
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    con.execute("INSERT INTO contacts VALUES ('甲', '13800000000')")
    con.commit()
    con.close()
    assert "其他程序" in refuse_untouched(db_path)


def test_the_same_message_for_every_damaged_file_starts_the_same(tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    a.write_bytes(b"\x00" * 5000)
    make_db(b)
    b.write_bytes(b.read_bytes()[:5000])
    first, second = refuse_untouched(a), refuse_untouched(b)
    assert first.split("（")[0] == second.split("（")[0] == "数据库文件已损坏，无法打开"


# ---- a second copy of the program ---------------------------------------------------------

def test_a_second_opening_in_the_same_process_is_told_and_may_read(db_path):
    make_db(db_path, cases=2)
    open_workspace(db_path)
    lock = store_db.InstanceLock(db_path)
    with pytest.raises(store_db.DatabaseInUse) as info:
        lock.acquire()
    assert "另一个政务公开工作台窗口" in str(info.value) and "只读" in str(info.value)
    close_workspace()
    lock.acquire()  # released on close
    lock.release()


HOLDER = textwrap.dedent("""
    import sys, time
    from app.services.workspace import open_workspace
    open_workspace(sys.argv[1])
    print("open", flush=True)
    time.sleep(60)
""")


def start_holder(db_path: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_a_second_copy_of_the_program_is_refused_then_reads_and_a_killed_one_leaves_no_stale_lock(db_path):
    make_db(db_path, cases=2)
    holder = start_holder(db_path)
    try:
        with pytest.raises(store_db.DatabaseInUse) as info:
            open_workspace(db_path)
        assert "正在被另一个" in str(info.value)
        open_workspace(db_path, readonly=True)
        assert register.count(CaseQuery()) == 2
        with pytest.raises(DatabaseReadOnly):
            register.register(person("只读时登记"), today=TODAY)
        close_workspace()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert paths_lock(db_path).exists()  # the lock file is left behind by the kill...
    open_workspace(db_path)  # ...and does not block: the OS released the lock with the process
    assert register.register(person("之后"), today=TODAY).case_no == "〔2026〕第3号"
    close_workspace()


def paths_lock(db_path: Path) -> Path:
    from app import paths

    return paths.instance_lock_path(db_path)


# ---- read-only folder, full disk ----------------------------------------------------------

READONLY_PROBE = textwrap.dedent("""
    import json, sys, datetime as dt
    from app.domain.request import CaseQuery
    from app.services import register
    from app.services.errors import StoreError
    from app.services.workspace import open_workspace
    out = {}
    try:
        open_workspace(sys.argv[1])
        out["writable"] = "opened"
    except StoreError as exc:
        out["writable"] = str(exc)
    open_workspace(sys.argv[1], readonly=True)
    out["count"] = register.count(CaseQuery())
    print(json.dumps(out, ensure_ascii=False))
""")


def without_root_powers() -> list[str]:
    """Root ignores file modes; drop the capabilities that let it, as an ordinary clerk's PC would."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root without setpriv: cannot make a folder read-only")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, "--bounding-set", caps, "--inh-caps", caps]


def test_a_read_only_data_folder_gives_a_message_and_read_only_access(tmp_path):
    base = Path(tempfile.mkdtemp(prefix="zwgk-ro-", dir="/tmp"))
    try:
        folder = base / "数据"
        folder.mkdir()
        db = make_db(folder / "政务公开.sqlite", cases=4)
        before = digest(db)
        for p in (base, folder):
            p.chmod(0o755)
        for p in folder.iterdir():
            p.chmod(0o444)
        folder.chmod(0o555)
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        proc = subprocess.run([*without_root_powers(), sys.executable, "-c", READONLY_PROBE, str(db)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60, env=env)
        assert proc.returncode == 0, proc.stderr
        out = json.loads(proc.stdout)
        assert "不可写" in out["writable"] or "只读" in out["writable"]
        assert out["count"] == 4
        assert digest(db) == before
    finally:
        for p in [base, *base.rglob("*")]:
            p.chmod(0o755)
        shutil.rmtree(base)


def test_a_full_disk_saves_nothing_and_the_program_keeps_going(db_path):
    make_db(db_path, cases=1)
    database = store_db.open_database(db_path)
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
    with pytest.raises(store_db.DiskFull) as info:
        register.register(person("乙", notes="备注" * 20000), today=TODAY)
    assert "磁盘空间已满" in str(info.value) and "没有保存" in str(info.value)
    assert register.count(CaseQuery()) == 1
    database.execute_sql(f"PRAGMA max_page_count = {pages * 100}")  # space freed
    # Nothing was half-written: the number the failed save had taken is given again.
    assert register.register(person("乙", notes="备注" * 20000), today=TODAY).case_no == "〔2026〕第2号"
    assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    close_workspace()


def test_opening_read_only_refuses_every_write(db_path):
    make_db(db_path, cases=1)
    open_workspace(db_path, readonly=True)
    with pytest.raises(DatabaseReadOnly, match="只读"):
        settings.save(demo_settings())
    close_workspace()


# ---- the audit trail is append-only in the file itself ------------------------------------

def test_the_audit_trail_refuses_update_and_delete(db_path):
    make_db(db_path, cases=2)
    con = sqlite3.connect(db_path)
    n = con.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
    assert n >= 3
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        con.execute("UPDATE audit_entry SET operator = '他人'")
    with pytest.raises(sqlite3.IntegrityError, match="只能追加"):
        con.execute("DELETE FROM audit_entry")
    con.execute("INSERT INTO audit_entry (at, operator, entity, entity_id, action, changes) "
                "VALUES ('2026-01-01', 'x', 'test', '1', '追加', '{}')")  # appending still works
    con.commit()
    assert con.execute("SELECT count(*) FROM audit_entry").fetchone()[0] == n + 1
    con.close()


def test_an_old_audit_table_gains_case_id_and_triggers_when_opened(db_path):
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE audit_entry (id INTEGER PRIMARY KEY, at DATETIME, operator TEXT, entity TEXT, "
                "entity_id TEXT, action TEXT, changes TEXT)")
    con.execute("INSERT INTO audit_entry VALUES (1, '2026-01-01', 'x', 'request', '1', '登记', '{}')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    open_workspace(db_path)
    close_workspace()
    con = sqlite3.connect(db_path)
    assert "case_id" in {r[1] for r in con.execute("PRAGMA table_info(audit_entry)")}
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("DELETE FROM audit_entry")
    con.close()


def test_store_errors_are_store_errors():
    assert issubclass(store_db.DatabaseInUse, StoreError) and issubclass(store_db.DiskFull, StoreError)


# ---- busy is not damaged; empty is not new -------------------------------------------------

def test_a_file_another_program_holds_is_busy_not_damaged(db_path):
    from tests.sqlite_holder import held

    make_db(db_path, cases=2)
    before = digest(db_path)
    with held(db_path, "exclusive"):
        with pytest.raises(store_db.DatabaseBusy) as info:
            store_db.check_contents(db_path)
        assert "数据库正忙" in str(info.value) and "没有损坏" in str(info.value)
        with pytest.raises(store_db.DatabaseBusy):
            open_workspace(db_path, readonly=True)
    assert not isinstance(info.value, DatabaseDamaged)
    assert digest(db_path) == before


@pytest.mark.parametrize("state", ["empty", "missing"])
def test_an_empty_or_missing_file_beside_a_backup_is_a_damaged_file_not_a_new_register(db_path, state):
    from app.store import backup

    make_db(db_path, cases=4)
    backup.backup_file(db_path, "每日自动备份")
    for companion in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        companion.unlink(missing_ok=True)
    if state == "empty":
        db_path.write_bytes(b"")  # a copy that failed
    with pytest.raises(store_db.DatabaseEmpty) as info:
        open_workspace(db_path)
    assert isinstance(info.value, DatabaseDamaged)  # the GUI offers the latest backup for it
    assert "备份" in str(info.value) and "没有创建新的空白登记簿" in str(info.value)
    assert db_path.exists() == (state == "empty") and (state == "missing" or db_path.stat().st_size == 0)
    assert backup.latest_good_backup(db_path).cases == 4


def test_a_read_only_opening_never_creates_a_file(db_path):
    with pytest.raises(store_db.DatabaseMissing, match="不存在"):
        open_workspace(db_path, create=False)
    with pytest.raises(store_db.DatabaseMissing):
        open_workspace(db_path, readonly=True)
    assert not db_path.exists() and not Path(f"{db_path}.lock").exists()


MID_WRITE = textwrap.dedent("""
    import sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("PRAGMA cache_size = 1")  # pages spill into the file before the commit
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE request SET notes = hex(randomblob(2000))")
    print("writing", flush=True)
    time.sleep(60)
""")


def test_a_file_left_mid_write_by_a_power_cut_is_recovered_not_called_read_only(db_path):
    make_db(db_path, cases=60)
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode = DELETE")  # as a restored backup is, until the program opens it
    con.close()
    writer = subprocess.Popen([sys.executable, "-c", MID_WRITE, str(db_path)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "writing"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert Path(f"{db_path}-journal").stat().st_size > 0  # a hot journal: SQLite must roll it back
    store_db.check_contents(db_path)
    open_workspace(db_path, readonly=True)
    assert register.count(CaseQuery()) == 60
    close_workspace()
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT count(*) FROM request WHERE notes != ''").fetchone()[0] == 0  # rolled back
    con.close()
