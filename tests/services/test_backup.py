"""Backups as the clerk uses them: daily at start, on demand, to a USB stick, restore and undo."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from app import paths
from app.domain.request import CaseQuery, RequestData
from app.services import backup, register
from app.services.errors import ServiceError
from app.services.workspace import close_workspace, open_workspace
from app.store import audit, db as store_db

TODAY = dt.date(2026, 11, 20)
pytestmark = pytest.mark.sqlite_only("本机备份只属于数据文件；服务器上的备份界面见 tests/services/test_server.py")


def person(name: str) -> RequestData:
    return RequestData(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                       info_description="土地征收补偿方案", arrived_on=dt.date(2026, 3, 5), channel="当面")


def names() -> list[str]:
    return sorted(r.name for r in register.list_rows(CaseQuery(), 0, 100))


def test_the_daily_backup_is_taken_once_a_day(workspace):
    register.register(person("甲"), today=TODAY)
    first = backup.at_startup(today=TODAY)
    assert first is not None and first.reason == backup.DAILY_REASON and first.cases == 1
    assert backup.at_startup(today=TODAY) is None
    assert backup.at_startup(today=TODAY + dt.timedelta(days=1)) is not None
    assert len(backup.list_backups()) == 2


def test_a_manual_backup_the_day_counts_as_that_days_backup(workspace):
    backup.backup_now()
    assert backup.at_startup() is None


def test_the_pre_lock_backup_is_kept_by_the_retention_rule(workspace):
    kept = backup.backup_now("锁定年度前")
    for day in range(40):  # 40 later days of daily backups
        backup.at_startup(today=dt.date.today() + dt.timedelta(days=day + 1))
    assert kept.path in {b.path for b in backup.list_backups()}


def test_restore_then_undo_through_the_services(workspace, db_path):
    register.register(person("甲"), today=TODAY)
    register.register(person("乙"), today=TODAY)
    taken = backup.backup_now()
    register.register(person("丙"), today=TODAY)

    result = backup.restore(taken.path)
    assert store_db.is_open() and store_db.current_path() == db_path
    assert names() == ["乙", "甲"]
    assert result.restored.cases == 2 and result.saved_aside is not None
    assert audit.entries(entity="database")[-1].action == "从备份恢复"
    assert backup.can_undo()

    undone = backup.undo_restore()
    assert names() == ["丙", "乙", "甲"]
    assert undone.restored.path == result.saved_aside
    assert audit.entries(entity="database")[-1].action == "撤销恢复"
    # The case numbers go on from where the file left off: nothing reused.
    assert register.register(person("丁"), today=TODAY).case_no == "〔2026〕第4号"


def test_restoring_a_damaged_file_at_start(workspace, db_path):
    register.register(person("甲"), today=TODAY)
    backup.at_startup(today=TODAY)
    close_workspace()
    damaged = b"SQLite format 3\x00" + b"\x00" * 4000
    db_path.write_bytes(damaged)
    with pytest.raises(store_db.DatabaseDamaged):
        open_workspace(db_path)
    good = backup.latest_good_backup(db_path)
    result = backup.restore(good.path, db_path)
    assert result.saved_aside.read_bytes() == damaged
    assert not store_db.is_open()  # nothing was open before; the caller opens the restored file
    open_workspace(db_path)
    assert names() == ["甲"]


def test_undo_without_a_restore_is_refused(workspace):
    with pytest.raises(ServiceError, match="没有可以撤销"):
        backup.undo_restore()


def test_restore_is_refused_while_another_copy_of_the_program_has_the_file(workspace, db_path):
    register.register(person("甲"), today=TODAY)
    taken = backup.backup_now()
    close_workspace()
    other = store_db.InstanceLock(db_path)
    other.acquire()
    try:
        with pytest.raises(store_db.DatabaseInUse):
            backup.restore(taken.path, db_path)
    finally:
        other.release()
    assert not list(paths.backups_dir(db_path).glob("*恢复前*"))


def test_copy_to_a_usb_stick(workspace, tmp_path):
    register.register(person("甲"), today=TODAY)
    stick = tmp_path / "U盘"
    stick.mkdir()
    copied = backup.copy_to(stick)
    assert copied.parent == stick and copied.with_suffix(".zip").exists()
    con = sqlite3.connect(copied)
    assert con.execute("SELECT name FROM request").fetchall() == [("甲",)]
    con.close()
    with pytest.raises(ServiceError, match="不是文件夹"):
        backup.copy_to(tmp_path / "没有插入")
