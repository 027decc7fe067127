"""Leftovers of interrupted work are removed at the next start; drafts never linger
(app/services/cleanup.py, the drafts of app/services/notices.py)."""
from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from app import paths
from app.domain.request import RequestData
from app.services import backup, cleanup, notices, register

HOUR_AGO = time.time() - 3600


def _aged(path: Path, when: float = HOUR_AGO) -> Path:
    for p in [path, *path.rglob("*")] if path.is_dir() else [path]:
        os.utime(p, (when, when))
    return path


def _file(path: Path, data: bytes = b"half") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def own_temp(tmp_path, monkeypatch) -> Path:
    """The system temp folder of this test (older versions wrote drafts there)."""
    folder = tmp_path / "系统临时"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_stale_leftovers_go_and_everything_else_stays(workspace, db_path, own_temp):
    docs, backups, archives = paths.documents_dir(db_path), paths.backups_dir(db_path), paths.archives_dir(db_path)
    stale = [
        _aged(_file(docs / ".签发中-4242-补.docx.part")),
        _aged(_file(backups / "20261120-093000_手动备份.sqlite.partial")),
        _aged(_file(backups / "20261120-093000_手动备份.zip.partial")),
        _aged(_file(archives / "2025年度依申请公开归档_20260120-101010.part" / "台账.xlsx").parent),
        _aged(_file(archives / "2025年度依申请公开归档_20260120-101010.zip.part")),
        _aged(_file(paths.drafts_dir(db_path) / "zwgk-draft-abc" / "草稿-申请表.docx", b"ID 11010519491231002X").parent),
        _aged(_file(own_temp / "zwgk-draft-old" / "草稿-申请表.docx").parent),
    ]
    fresh = [_file(backups / "20261120-110000_手动备份.sqlite.partial"),  # a backup being taken right now
             _file(paths.drafts_dir(db_path) / "zwgk-draft-new" / "草稿.docx")]
    kept = [_aged(_file(paths.case_dir(db_path, "〔2026〕第1号") / "补正告知书.docx", b"issued")),
            _aged(_file(backups / "20261120-093000_手动备份.sqlite", b"whole")),
            _aged(_file(archives / "2025年度依申请公开归档_20260101-090000" / "说明.txt"))]

    removed = cleanup.clean_leftovers(db_path)
    assert sorted(removed) == sorted(stale)
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in fresh + kept)


@pytest.mark.sqlite_only("a backup of the file zips its folder; a server's export writes the documents it keeps")
def test_a_backup_never_carries_a_leftover(workspace, db_path):
    _file(paths.documents_dir(db_path) / ".签发中-77-补.docx.part")
    _file(paths.case_dir(db_path, "〔2026〕第1号") / ".签发中-78-补.docx.part")  # where earlier versions left it
    _file(paths.case_dir(db_path, "〔2026〕第1号") / "补正告知书.docx", b"issued")
    taken = backup.backup_now()
    with zipfile.ZipFile(taken.documents) as zf:
        assert [n for n in zf.namelist() if n.endswith(".part")] == []
        assert any(n.endswith("补正告知书.docx") for n in zf.namelist())


def test_drafts_live_in_the_data_folder_and_go_when_discarded(workspace, db_path, own_temp):
    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="预算", arrived_on=dt.date(2026, 3, 5),
                                         channel="当面"), today=dt.date(2026, 3, 6))
    draft = notices.render_draft("政府信息公开申请表", case.id)
    assert paths.drafts_dir(db_path) in draft.parents and draft.exists()
    assert list(own_temp.iterdir()) == []  # nothing with the applicant's ID number in the temp folder
    notices.discard_draft(draft)
    assert not draft.exists() and not draft.parent.exists()


def test_a_notice_recorded_but_not_yet_in_its_folder_is_put_there_at_the_next_start(workspace, db_path):
    import hashlib

    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="预算", arrived_on=dt.date(2026, 3, 5),
                                         channel="当面"), today=dt.date(2026, 3, 6))
    issued = notices.issue("申请接收回执", case.id, on_date=dt.date(2026, 3, 6))
    data = issued.path.read_bytes()
    # The state a kill leaves between the commit and the rename: the row is there, its file is not.
    pending = paths.documents_dir(db_path) / f".已签发-{issued.id}.docx.part"
    issued.path.replace(pending)
    never_committed = _aged(_file(paths.documents_dir(db_path) / f".已签发-{issued.id + 50}.docx.part"))
    cleanup.clean_leftovers(db_path)
    assert issued.path.read_bytes() == data and hashlib.sha256(data).hexdigest()
    assert not pending.exists() and not never_committed.exists()
    assert [d.exists for d in notices.documents(case.id)] == [True]
