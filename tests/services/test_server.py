"""What an office on a server does differently, as the services show it (docs/server.md): its issued
documents are there for every desk, its backups are the server's own, and the backup screen's
export writes a SQLite file the program opens."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from app import cli, paths
from app.domain.request import CaseQuery, RequestData
from app.services import archive, backup, notices, register, settings
from app.services.demo import demo_settings
from app.services.errors import ServiceError
from app.services.workspace import close_workspace, open_workspace
from app.store.schema import StoredFile

ISSUED = dt.date(2026, 3, 6)


def person(name: str = "张三") -> RequestData:
    return RequestData(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                       info_description="土地征收补偿方案", arrived_on=dt.date(2026, 3, 5), channel="当面")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def office(server):
    url = server.new_database()
    open_workspace(url)
    settings.save(demo_settings())
    yield url
    close_workspace()
    server.drop(url)


def test_a_file_office_keeps_its_documents_in_its_folder_a_server_in_the_database(workspace, engine, db_path):
    case = register.register(person(), today=ISSUED)
    issued = notices.issue("申请接收回执", case.id, on_date=ISSUED)
    assert issued.path.is_relative_to(paths.documents_dir(db_path)) and issued.path.is_file()
    kept = list(StoredFile.select(StoredFile.name, StoredFile.sha256).tuples())
    if engine == "sqlite":
        assert kept == []  # the folder beside the file is the record, as before
    else:
        assert kept == [(issued.path.relative_to(paths.documents_dir(db_path)).as_posix(), sha(issued.path))]


def test_an_issued_notice_is_there_for_every_desk(office, tmp_path, monkeypatch):
    case = register.register(person(), today=ISSUED)
    issued = notices.issue("申请接收回执", case.id, on_date=ISSUED)
    original = sha(issued.path)
    close_workspace()

    monkeypatch.setenv("ZWGK_DATA_DIR", str(tmp_path / "另一台电脑"))  # the leader's PC: a folder of its own
    open_workspace(office)
    [row] = notices.documents(case.id)
    assert row.exists and row.path != issued.path and row.path.is_relative_to(tmp_path / "另一台电脑")
    assert sha(row.path) == original and row.doc_no == issued.doc_no
    row.path.write_bytes(b"changed on this desk")
    assert sha(notices.document(row.id).path) == original  # the office's version is what the desk gets


def test_backups_on_a_server_are_the_servers_own(office, tmp_path):
    register.register(person(), today=ISSUED)
    assert backup.server_managed()
    assert backup.at_startup() is None and backup.list_backups() == [] and not backup.can_undo()
    with pytest.raises(ServiceError, match="pg_dump"):
        backup.backup_now()
    with pytest.raises(ServiceError, match="不能在本程序中用备份替换"):
        backup.restore(tmp_path / "whatever.sqlite")
    # Locking a year needs no copy of its own here: the server's backups cover it.
    archive.archive_year(2025, tmp_path / "归档", today=dt.date(2026, 1, 10))
    assert archive.is_locked(2025)
    assert not paths.backups_dir(office).exists()


def test_backup_out_on_a_server_exports_a_file_the_program_opens(office, tmp_path, capsys):
    case = register.register(person("李四"), today=ISSUED)
    issued = notices.issue("申请接收回执", case.id, on_date=ISSUED)
    close_workspace()
    stick = tmp_path / "U盘"
    stick.mkdir()
    assert cli.run(["backup", "--out", str(stick), "--db", office]) == 0
    [copy] = stick.glob("*.sqlite")
    assert str(copy) in capsys.readouterr().out and copy.with_suffix(".zip").is_file()
    open_workspace(copy)
    assert [r.name for r in register.list_rows(CaseQuery())] == ["李四"]
    [row] = notices.documents(case.id)
    assert row.exists and sha(row.path) == sha(issued.path) and row.path.is_relative_to(paths.documents_dir(copy))
    assert not backup.server_managed()  # a file of its own: backed up on this desk from now on


def test_a_new_server_database_is_set_up_by_the_command_lines_first_start(server_url, tmp_path, capsys):
    """Commands that only read refuse a server database without a register, as they refuse a missing
    file; `settings --import` sets it up (the README's way without a screen)."""
    import json

    assert cli.run(["list", "--db", server_url]) == 2
    assert "还没有登记簿" in capsys.readouterr().err
    office = tmp_path / "机关设置.json"
    from app.domain.settings import SETTING_LABELS

    values = {key: value for key, value in demo_settings().to_dict().items() if key in SETTING_LABELS}
    office.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    assert cli.run(["settings", "--import", str(office), "--db", server_url]) == 0
    assert cli.run(["list", "--db", server_url]) == 0
    open_workspace(server_url)
    assert settings.load().short_name == "茅畲乡"
