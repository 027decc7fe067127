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
from app.store.db import DatabaseDamaged, DiskFull, StoreError, check_file, readonly_uri, translate

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


# ---- taking a copy ------------------------------------------------------------------------

def snapshot(db_path: Path, target: Path) -> Path:
    """Copy the database at `db_path` to `target` (a .sqlite file) and its documents beside it.

    The copy is a single self-contained file (rollback journal, not WAL) so it can be carried on a
    USB stick. Half-written files are removed if the disk fills up.
    """
    db_path, target = Path(db_path), Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial_db = target.with_name(target.name + ".partial")
    zip_target = target.with_suffix(".zip")
    partial_zip = zip_target.with_name(zip_target.name + ".partial")
    try:
        _copy_database(db_path, partial_db)
        _zip_documents(db_path, partial_zip)
        os.replace(partial_zip, zip_target)
        os.replace(partial_db, target)  # last: a listed backup is a whole backup
    except (OSError, sqlite3.Error) as exc:
        for junk in (partial_db, partial_zip):
            with contextlib.suppress(OSError):
                junk.unlink()
        raise _file_error(exc, target) from None
    return target


def _file_error(exc: Exception, target: Path) -> StoreError:
    if isinstance(exc, OSError) and exc.errno == 28:
        return DiskFull(f"磁盘空间不足，备份没有完成：{target.parent}。请清理空间或换一个U盘后重试。")
    if isinstance(exc, sqlite3.Error):
        translated = translate(exc, target)
        if isinstance(translated, StoreError):
            return translated
    reason = getattr(exc, "strerror", None) or str(exc)
    return StoreError(f"无法写入备份 {target}：{reason}")


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
                if file.is_file():
                    zf.write(file, file.relative_to(base).as_posix())


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

def restore(db_path: Path, backup: Path, aside_reason: str = BEFORE_RESTORE) -> Path | None:
    """Replace the database at `db_path` (closed by the caller) with `backup`, documents too.

    First the current file is saved aside: a sound file as a backup named `aside_reason` (so the
    restore can be undone), a damaged one moved untouched to `<name>.已损坏-<time>.sqlite`.
    Returns the path it was saved aside to (None if there was no file).
    """
    db_path, backup = Path(db_path), Path(backup)
    try:
        check_file(backup)
    except DatabaseDamaged:
        raise DatabaseDamaged(f"所选备份文件已损坏或不是本程序的备份，不能用来恢复：{backup}") from None
    if not backup.exists():
        raise StoreError(f"找不到备份文件：{backup}")
    aside = _save_aside(db_path, aside_reason)
    try:
        _replace_database(db_path, backup)
        documents = backup.with_suffix(".zip")
        if documents.exists():
            _replace_documents(db_path, documents)
    except (OSError, sqlite3.Error) as exc:
        raise _file_error(exc, db_path) from None
    return aside


def _save_aside(db_path: Path, reason: str) -> Path | None:
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        check_file(db_path)
    except DatabaseDamaged:
        return _move_damaged_aside(db_path)
    return backup_file(db_path, reason).path


def _move_damaged_aside(db_path: Path) -> Path:
    """The damaged file (and its journal files) kept exactly as found, beside the new one."""
    target = paths.damaged_copy_path(db_path, dt.datetime.now().strftime(_STAMP))
    os.replace(db_path, target)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{db_path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    return target


def _replace_database(db_path: Path, backup: Path) -> None:
    temp = db_path.with_name(db_path.name + ".restoring")
    _copy_database(backup, temp)
    # A journal left beside the old file must never be replayed onto the restored one.
    _checkpoint(db_path)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{db_path}{suffix}").unlink()
    os.replace(temp, db_path)


def _checkpoint(db_path: Path) -> None:
    if not db_path.exists():
        return
    with contextlib.suppress(sqlite3.Error):
        con = sqlite3.connect(str(db_path))
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            con.close()


def _replace_documents(db_path: Path, documents: Path) -> None:
    base = paths.data_dir_for(db_path)
    staging = base.with_name(base.name + ".restoring")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with zipfile.ZipFile(documents) as zf:
        for name in zf.namelist():
            _check_member(name)
        zf.extractall(staging)
    for folder in _document_folders(db_path):
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            os.replace(folder, old)
        restored = staging / folder.relative_to(base)
        if restored.exists():
            folder.parent.mkdir(parents=True, exist_ok=True)
            os.replace(restored, folder)
        shutil.rmtree(old, ignore_errors=True)  # already inside the aside backup's zip
    shutil.rmtree(staging, ignore_errors=True)


def _check_member(name: str) -> None:
    """A zip from outside must not write anywhere but the documents folder."""
    parts = Path(name).parts
    if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        raise StoreError(f"备份中的文件名不安全，已拒绝恢复：{name}")


def undo_target(db_path: Path) -> BackupInfo | None:
    """The copy saved before the last restore, which undoing restores."""
    return next((b for b in list_backups(db_path) if b.reason == BEFORE_RESTORE), None)
