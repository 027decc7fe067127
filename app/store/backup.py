"""Backups of the database file and the office's documents, and restoring them.

A backup is a consistent copy taken with SQLite's online backup API (the program may be writing at
the same time) plus a zip of the documents and edited templates under the same stem, so a restore
brings back the files as well as the rows. Backups live in paths.backups_dir(db_path) as
`YYYYMMDD-HHMMSS_<reason>.sqlite` + `.zip`; the .sqlite is renamed into place last, so a backup
that is listed is whole. Retention keeps the newest copy of each of the last 30 days and of each of
the last 12 months, every copy taken today, and the copies taken before a year was locked or the
schema migrated.

The caller makes sure no connection of this process is open while a file is replaced (see
services.backup); these functions only touch files.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from app import paths
from app import oserrors
from app.domain.archive import stored_as_is
from app.store import engine
from app.store.db import (
    DatabaseDamaged, DatabaseTooNew, DiskFull, StoreError, check_file, readonly_uri, translate,
)
from app.store.migrations import SCHEMA_VERSION

DAILY_KEEP = 30
MONTHLY_KEEP = 12
PINNED_REASONS = ("锁定年度前", "迁移前")
BEFORE_RESTORE = "恢复前"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(\d{8}-\d{6})(?:-\d+)?_(.+)$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the restore dialog lists it."""

    path: Path
    taken_at: dt.datetime
    reason: str
    size: int                # bytes of the copy and its documents zip
    cases: int | None        # None when the copy cannot be read
    documents: Path | None   # the zip beside it, if any

    @property
    def readable(self) -> bool:
        return self.cases is not None


@dataclass
class BackupPreview:
    """What a backup holds, for the clerk to check before restoring it."""

    info: BackupInfo
    office_name: str = ""
    cases_by_year: dict[int, int] = field(default_factory=dict)
    latest_cases: list[tuple[str, str, str, str]] = field(default_factory=list)  # no, received, name, status
    document_files: int = 0


SERVER_BACKUPS = ("数据保存在数据库服务器上，备份由服务器负责（信息技术人员使用 pg_dump 或基础备份），本程序不在本机另做备份。"
                  "需要一份可以带走的副本时，请“导出为数据文件”：得到的文件本程序可以直接打开。")
SERVER_RESTORE = ("数据保存在数据库服务器上，不能在本程序中用备份替换。需要恢复服务器上的数据时，"
                  "请联系信息技术人员（pg_restore 或基础备份）。")


def server_managed(location: paths.Location) -> bool:
    """Whether the database at `location` is on a server, whose backups are the server's own job
    (pg_dump, base backups; docs/server.md): everything below is about a SQLite file."""
    return engine.is_server(location)


# ---- taking a copy ------------------------------------------------------------------------

def snapshot(db_path: Path, target: Path) -> Path:
    """Copy the database at `db_path` to `target` (a .sqlite file) and its documents beside it.

    The copy is a single self-contained file (rollback journal, not WAL) so it can be carried on a
    USB stick. Half-written files are removed if the disk fills up.
    """
    db_path, target = Path(db_path), Path(target)
    partial_db = target.with_name(target.name + ".partial")
    zip_target = target.with_suffix(".zip")
    partial_zip = zip_target.with_name(zip_target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy_database(db_path, partial_db)
        _zip_documents(db_path, partial_zip)
        os.replace(partial_zip, zip_target)
        os.replace(partial_db, target)  # last: a listed backup is a whole backup
    except (OSError, sqlite3.Error) as exc:
        for junk in (partial_db, Path(f"{partial_db}-journal"), partial_zip):
            with contextlib.suppress(OSError):
                junk.unlink()
        raise _file_error(exc, target) from None
    return target


def _file_error(exc: Exception, target: Path, action: str = "备份没有完成") -> StoreError:
    """A Chinese StoreError (DiskFull for a full disk) naming the file that could not be written."""
    if isinstance(exc, sqlite3.Error):
        translated = translate(exc, target)
        if isinstance(translated, DiskFull):
            return DiskFull(f"{action}：无法写入 {target}：磁盘或U盘空间已满。请清理空间或换一个U盘后重试。")
        if "disk i/o" in str(exc).lower():  # writing the copy failed: the target disk, not the register
            return StoreError(f"{action}：无法写入 {target}：读写磁盘时出错（磁盘或U盘空间已满、已拔出或损坏）。"
                              "请检查后重试。")
        if isinstance(translated, StoreError):
            return type(translated)(f"{action}：{translated}")
    kind = DiskFull if oserrors.is_disk_full(exc) else StoreError
    return kind(f"{action}：{oserrors.describe(exc, '无法写入', target)}请检查磁盘或U盘后重试。")


def _copy_database(source: Path, target: Path) -> None:
    src = sqlite3.connect(readonly_uri(source), uri=True)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        dst.commit()
    finally:
        dst.close()
        src.close()


def _document_folders(db_path: Path) -> list[Path]:
    """Folders whose files belong with the rows: generated documents and the office's templates."""
    return [paths.documents_dir(db_path), paths.user_templates_dir(db_path)]


def _zip_documents(db_path: Path, target: Path) -> None:
    base = paths.data_dir_for(db_path)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for folder in _document_folders(db_path):
            if not folder.is_dir():
                continue
            for file in sorted(folder.rglob("*")):
                if file.is_file() and not is_leftover(file):  # a .docx is a zip already: stored as it is
                    zf.write(file, file.relative_to(base).as_posix(),
                             compress_type=zipfile.ZIP_STORED if stored_as_is(file.name) else zipfile.ZIP_DEFLATED)


LEFTOVER_SUFFIXES = (".part", ".partial", _STAGE_SUFFIX := ".restoring")


def is_leftover(path: Path) -> bool:
    """A file an interrupted write left behind (a notice being issued, a backup being taken): never
    part of a backup, and removed at the next start (services.cleanup)."""
    return path.name.endswith(LEFTOVER_SUFFIXES)


def zip_documents(db_path: Path) -> Path:
    """The documents (and edited templates) of the file at `db_path` zipped beside it under the same
    stem, as a backup's are, so the file can also be restored on a desk with its documents."""
    target = Path(db_path).with_suffix(".zip")
    partial = target.with_name(target.name + ".partial")
    try:
        _zip_documents(Path(db_path), partial)
        os.replace(partial, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise _file_error(exc, target) from None
    return target


def backup_file(db_path: Path, reason: str, now: dt.datetime | None = None) -> BackupInfo:
    """Take a backup into the backups folder, then apply the retention rule."""
    now = now or dt.datetime.now()
    folder = paths.backups_dir(db_path)
    target = _free_name(folder, now, reason)
    snapshot(db_path, target)
    prune(db_path, now.date())
    return describe(target)


def _free_name(folder: Path, when: dt.datetime, reason: str) -> Path:
    tag = paths.safe_filename(reason)[:40]
    stamp = when.strftime(_STAMP)
    target = folder / f"{stamp}_{tag}.sqlite"
    n = 2
    while target.exists():
        target = folder / f"{stamp}-{n}_{tag}.sqlite"
        n += 1
    return target


# ---- listing ------------------------------------------------------------------------------

def _parse_name(path: Path) -> tuple[dt.datetime, str] | None:
    match = _NAME.match(path.stem)
    if not match:
        return None
    try:
        return dt.datetime.strptime(match.group(1), _STAMP), match.group(2)
    except ValueError:
        return None


def _count_cases(path: Path) -> int | None:
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            return con.execute("SELECT count(*) FROM request").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return None


def describe(path: Path) -> BackupInfo:
    """The listing line of one backup file, opened read-only to count its cases."""
    path = Path(path)
    parsed = _parse_name(path)
    taken_at, reason = parsed if parsed else (dt.datetime.fromtimestamp(path.stat().st_mtime), "外部备份")
    zip_path = path.with_suffix(".zip")
    documents = zip_path if zip_path.exists() else None
    size = path.stat().st_size + (zip_path.stat().st_size if documents else 0)
    return BackupInfo(path, taken_at, reason, size, _count_cases(path), documents)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of this database, newest first."""
    folder = paths.backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = [describe(p) for p in folder.glob("*.sqlite") if _parse_name(p)]
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def latest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes the damaged-file checks (what a damaged start offers)."""
    for info in list_backups(db_path):
        if not info.readable:
            continue
        try:
            check_file(info.path)
        except DatabaseDamaged:
            continue
        return info
    return None


def preview(path: Path, latest: int = 20) -> BackupPreview:
    """Counts per year, the office and the latest cases of a backup, read without changing it."""
    info = describe(path)
    result = BackupPreview(info)
    try:
        con = sqlite3.connect(readonly_uri(info.path), uri=True)
        try:
            result.cases_by_year = dict(con.execute(
                "SELECT year, count(*) FROM request GROUP BY year ORDER BY year DESC").fetchall())
            result.latest_cases = [tuple(str(v or "") for v in row) for row in con.execute(
                "SELECT case_no, received_on, name, status FROM request ORDER BY received_on DESC, id DESC "
                "LIMIT ?", (latest,))]
            row = con.execute("SELECT value FROM setting WHERE key='office'").fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise DatabaseDamaged(f"备份文件无法读取（{exc}）：{info.path}") from None
    if row:
        import json

        result.office_name = json.loads(row[0]).get("office_name", "")
    if info.documents:
        with zipfile.ZipFile(info.documents) as zf:
            result.document_files = sum(1 for n in zf.namelist() if not n.endswith("/"))
    return result


# ---- retention ----------------------------------------------------------------------------

def prune(db_path: Path, today: dt.date) -> list[Path]:
    """Delete backups outside the retention rule; returns what was deleted."""
    backups = list_backups(db_path)
    keep = _kept(backups, today)
    deleted = []
    for info in backups:
        if info.path in keep:
            continue
        for file in (info.path, info.documents):
            if file is not None:
                with contextlib.suppress(OSError):
                    file.unlink()
        deleted.append(info.path)
    return deleted


def _kept(backups: list[BackupInfo], today: dt.date) -> set[Path]:
    """Newest per day for the last 30 days with backups, newest per month for the last 12 months,
    everything taken today, pinned reasons, and the newest copy saved before a restore (undo)."""
    keep: set[Path] = set()
    days: dict[dt.date, Path] = {}
    months: dict[tuple[int, int], Path] = {}
    for info in backups:  # newest first, so setdefault keeps the newest of each bucket
        days.setdefault(info.taken_at.date(), info.path)
        months.setdefault((info.taken_at.year, info.taken_at.month), info.path)
        if info.taken_at.date() >= today or info.reason in PINNED_REASONS:
            keep.add(info.path)
    keep.update(list(days.values())[:DAILY_KEEP])
    keep.update(list(months.values())[:MONTHLY_KEEP])
    undo = next((b.path for b in backups if b.reason == BEFORE_RESTORE), None)
    if undo:
        keep.add(undo)
    return keep


# ---- restoring ----------------------------------------------------------------------------

NOTHING_CHANGED = "当前数据未作任何改动。"
# Tables every register has had since its first version; a backup without them is not one.
REGISTER_TABLES = frozenset({"request", "setting", "sequence", "event", "audit_entry"})
_STAGE = _STAGE_SUFFIX
_OLD = ".恢复前"


def verify_backup(backup: Path) -> BackupInfo:
    """Everything a restore relies on, checked before anything is touched: the file exists and is not
    empty, passes the damaged-file checks (header, length, integrity), was written by this version of
    the program or an older one, holds the register's tables, and its documents zip is readable with
    safe names. Returns it with its count of cases; every refusal says the current data is unchanged."""
    backup = Path(backup)
    if not backup.is_file():
        raise StoreError(f"找不到备份文件：{backup}。{NOTHING_CHANGED}")
    if backup.stat().st_size == 0:
        raise DatabaseDamaged(f"所选备份文件是空的（0字节），不能用来恢复：{backup}。{NOTHING_CHANGED}")
    try:
        check_file(backup)
    except DatabaseDamaged:
        raise DatabaseDamaged(f"所选备份文件已损坏或不是本程序的备份，不能用来恢复：{backup}。{NOTHING_CHANGED}") from None
    version, tables = _schema(backup)
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(f"所选备份由更新版本的政务公开工作台创建（数据版本 {version}，本程序支持 {SCHEMA_VERSION}），"
                             f"不能用本程序恢复：{backup}。请先升级程序再恢复。{NOTHING_CHANGED}")
    if not REGISTER_TABLES <= tables:
        raise DatabaseDamaged(f"所选文件不是本程序的备份（其中没有登记簿的数据表），不能用来恢复：{backup}。{NOTHING_CHANGED}")
    info = describe(backup)
    if info.documents is not None:
        _check_zip(info.documents)
    return info


def _schema(path: Path) -> tuple[int, set[str]]:
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise DatabaseDamaged(f"备份文件无法读取（{exc}）：{path}。{NOTHING_CHANGED}") from None
    return version, tables


def _check_zip(documents: Path) -> None:
    try:
        with zipfile.ZipFile(documents) as zf:
            for name in zf.namelist():
                _check_member(name)
    except (OSError, zipfile.BadZipFile) as exc:
        raise DatabaseDamaged(f"备份的文书压缩包已损坏，不能用来恢复：{documents}（{exc}）。{NOTHING_CHANGED}") from None


def restore(db_path: Path, backup: Path, aside_reason: str = BEFORE_RESTORE) -> Path | None:
    """Replace the database at `db_path` (closed by the caller) with `backup`, documents too.

    The backup is checked whole first (verify_backup), then copied and unpacked beside its place
    (staged); only then is the current file saved aside — a sound file as a backup named
    `aside_reason` (so the restore can be undone), a damaged one moved untouched to
    `<name>.已损坏-<time>.sqlite` with its documents zipped beside it. The database is swapped in
    with one rename (the commit point: until then nothing current has changed), then the staged
    document folders; a run killed after the commit point is completed by `finish_restore` at the
    next start. Returns the path the current file was saved aside to (None if there was no file).
    """
    db_path, backup = Path(db_path), Path(backup)
    info = verify_backup(backup)
    finish_restore(db_path)
    stage_db, stage_docs = _database_stage(db_path), _documents_stage(db_path)
    try:
        _stage(db_path, info, stage_db, stage_docs)
        aside = _save_aside(db_path, aside_reason)
        _replace_database(db_path, stage_db)
    except (OSError, sqlite3.Error, zipfile.BadZipFile) as exc:
        _discard(stage_docs, stage_db)
        raise _restore_error(exc, db_path, NOTHING_CHANGED) from None
    except BaseException:
        _discard(stage_docs, stage_db)
        raise
    try:
        finish_restore(db_path)
    except OSError as exc:
        raise _restore_error(exc, paths.documents_dir(db_path),
                             "数据库已恢复，但文书文件夹未能替换，下次启动时会自动完成；"
                             "也可用“撤销上次恢复”（restore --undo）回到恢复前的数据。") from None
    return aside


def _restore_error(exc: Exception, path: Path, after: str) -> StoreError:
    error = _file_error(exc, path, "恢复没有完成")
    return type(error)(f"{error}{after}")


def _database_stage(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + _STAGE)


def _documents_stage(db_path: Path) -> Path:
    base = paths.data_dir_for(db_path)
    return base.with_name(base.name + _STAGE)


def _stage(db_path: Path, info: BackupInfo, stage_db: Path, stage_docs: Path) -> None:
    """The backup's database copied and its documents unpacked beside their places (same disk, so
    the swap is a rename): a disk that fills here has not touched the current data. Every document
    folder is staged, empty where the backup has none, so what is still to be moved in is known."""
    _discard(stage_docs, stage_db)
    _copy_database(info.path, stage_db)
    base = paths.data_dir_for(db_path)
    stage_docs.mkdir(parents=True)
    if info.documents is not None:
        with zipfile.ZipFile(info.documents) as zf:
            zf.extractall(stage_docs)
    for folder in _document_folders(db_path):
        (stage_docs / folder.relative_to(base)).mkdir(parents=True, exist_ok=True)


def _discard(*staged: Path) -> None:
    """Remove staged copies, documents first: staged documents without a staged database mean the
    database was swapped in already (see finish_restore)."""
    for path in staged:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            for file in (path, Path(f"{path}-journal")):  # the copy's own journal, if it was cut short
                with contextlib.suppress(OSError):
                    file.unlink()


def finish_restore(db_path: Path) -> bool:
    """Complete or undo a restore that was interrupted (a power cut, a killed program).

    Staged documents with the staged database still beside them: the database was never swapped, so
    the staging is thrown away and nothing current has changed. Staged documents alone: the restored
    database is in place, so its document folders are moved in (each current one aside first; a
    repeated run picks up where the last stopped). True when a restore was completed."""
    db_path = Path(db_path)
    stage_db, stage_docs = _database_stage(db_path), _documents_stage(db_path)
    if not stage_docs.is_dir():
        _discard(stage_db)
        return False
    if stage_db.exists():
        _discard(stage_docs, stage_db)
        return False
    base = paths.data_dir_for(db_path)
    for folder in _document_folders(db_path):
        restored, old = stage_docs / folder.relative_to(base), folder.with_name(folder.name + _OLD)
        if not restored.exists():
            continue  # moved in already
        if folder.exists():
            if old.exists():
                shutil.rmtree(old)
            os.replace(folder, old)
        folder.parent.mkdir(parents=True, exist_ok=True)
        os.replace(restored, folder)
    for folder in _document_folders(db_path):
        shutil.rmtree(folder.with_name(folder.name + _OLD), ignore_errors=True)  # kept in the copy saved aside
    shutil.rmtree(stage_docs, ignore_errors=True)
    return True


def _save_aside(db_path: Path, reason: str) -> Path | None:
    if not db_path.exists() or db_path.stat().st_size == 0:
        return _zip_documents_aside(db_path)
    try:
        check_file(db_path)
    except DatabaseDamaged:
        return _move_damaged_aside(db_path)
    return backup_file(db_path, reason).path


def _has_documents(db_path: Path) -> bool:
    return any(f.is_dir() and any(f.iterdir()) for f in _document_folders(db_path))


def _zip_documents_aside(db_path: Path) -> Path | None:
    """No sound database to back up, but documents that the restore replaces: kept in a zip beside."""
    if not _has_documents(db_path):
        return None
    target = paths.damaged_copy_path(db_path, dt.datetime.now().strftime(_STAMP)).with_suffix(".zip")
    partial = target.with_name(target.name + ".partial")
    _zip_documents(db_path, partial)
    os.replace(partial, target)
    return target


def _move_damaged_aside(db_path: Path) -> Path:
    """The damaged file (and its journal files) kept exactly as found, its documents zipped beside."""
    target = paths.damaged_copy_path(db_path, dt.datetime.now().strftime(_STAMP))
    if _has_documents(db_path):
        partial = target.with_name(target.stem + ".zip.partial")
        _zip_documents(db_path, partial)
        os.replace(partial, target.with_suffix(".zip"))
    os.replace(db_path, target)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{db_path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    return target


def _replace_database(db_path: Path, staged: Path) -> None:
    # A journal left beside the old file must never be replayed onto the restored one.
    _checkpoint(db_path)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{db_path}{suffix}").unlink()
    os.replace(staged, db_path)


def _checkpoint(db_path: Path) -> None:
    if not db_path.exists():
        return
    with contextlib.suppress(sqlite3.Error):
        con = sqlite3.connect(str(db_path))
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            con.close()


def _check_member(name: str) -> None:
    """A zip from outside must not write anywhere but the documents folder."""
    parts = Path(name).parts
    if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        raise StoreError(f"备份中的文件名不安全，已拒绝恢复：{name}。{NOTHING_CHANGED}")


def undo_target(db_path: Path) -> BackupInfo | None:
    """The copy saved before the last restore, which undoing restores."""
    return next((b for b in list_backups(db_path) if b.reason == BEFORE_RESTORE), None)
