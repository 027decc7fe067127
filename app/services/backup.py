"""Backups and restores as the clerk asks for them (nothing lost).

When: once a day at start-up (`at_startup`), before a year is locked (the archive calls
`safety_copy("锁定年度前")`), before every migration (store.migrations copies the file aside), and on
demand. A restore saves the current file aside first, so it can itself be undone.

On a database server the backups are the server's job (docs/server.md): none is taken here, the
backup screen says so, and `export_to` writes the office's data to a SQLite file instead, a copy the
program opens like any office's file.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.services.errors import ServiceError
from app.store import audit, backup as store, db as store_db, transfer
from app.store.backup import BackupInfo, BackupPreview
from app.store.transfer import TransferReport

__all__ = ["BackupInfo", "BackupPreview", "RestoreResult", "DAILY_REASON", "backup_now", "at_startup",
           "list_backups", "latest_good_backup", "unchecked_file", "verify_file", "mark_verified", "preview", "restore", "undo_restore", "can_undo",
           "copy_to", "export_to", "server_managed", "safety_copy", "SERVER_BACKUPS", "TransferReport"]

DAILY_REASON = "每日自动备份"
MANUAL_REASON = "手动备份"
SERVER_BACKUPS = store.SERVER_BACKUPS
_SERVER_RESTORE = store.SERVER_RESTORE


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    saved_aside: Path | None  # the copy of the file as it was before (or the damaged file moved aside)


def _db_path(db_path: Path | str | None) -> paths.Location:
    """The given database, else the open one, else the desk's default."""
    if db_path:
        return paths.location(db_path)
    return store_db.current_path() if store_db.is_open() else paths.default_db_path()


def _file(db_path: Path | str | None, refusal: str = SERVER_BACKUPS) -> Path:
    """The database file; a server's database is refused with `refusal`."""
    location = _db_path(db_path)
    if store.server_managed(location):
        raise ServiceError(refusal)
    return Path(location)


def server_managed(db_path: Path | str | None = None) -> bool:
    """Whether the database is on a server, which keeps its own backups (the screen says so)."""
    return store.server_managed(_db_path(db_path))


def backup_now(reason: str = MANUAL_REASON, db_path: Path | str | None = None) -> BackupInfo:
    """Take a backup of the open database (or of `db_path`) into its backups folder now."""
    return store.backup_file(_file(db_path), reason)


def safety_copy(reason: str, db_path: Path | str | None = None) -> BackupInfo | None:
    """A backup before a change that must be undoable (a year locked): of a file, now; a server's
    own backups already cover it (None)."""
    return None if server_managed(db_path) else backup_now(reason, db_path)


def at_startup(today: dt.date | None = None, db_path: Path | str | None = None) -> BackupInfo | None:
    """The daily backup: taken at start-up when none was taken today. Returns it, or None (also on
    a server, whose backups are its own)."""
    today = today or dt.date.today()
    if server_managed(db_path):
        return None
    path = _file(db_path)
    if store_db.unchecked() == path:
        raise ServiceError("数据文件的完整性检查尚未完成，暂不备份")  # never copy an unchecked file
    if any(b.taken_at.date() == today for b in store.list_backups(path)):
        return None
    return store.backup_file(path, DAILY_REASON, dt.datetime.combine(today, dt.datetime.now().time()))


def unchecked_file() -> Path | None:
    """The open file when its full integrity check is still to run (opened with defer_check)."""
    return store_db.unchecked()


def verify_file(path: Path | str) -> None:
    """The full integrity check of `path` on a read-only connection of its own (safe on a thread).

    Raises DatabaseDamaged; the file is only read."""
    store_db.check_contents(Path(path))


def mark_verified(path: Path | str) -> None:
    """`verify_file` passed: the start-up writes (the daily backup) may go ahead."""
    store_db.mark_checked(Path(path))


def list_backups(db_path: Path | str | None = None) -> list[BackupInfo]:
    """Backups newest first, each with its date, reason, size and count of cases (none on a server)."""
    return [] if server_managed(db_path) else store.list_backups(_file(db_path))


def latest_good_backup(db_path: Path | str | None = None) -> BackupInfo | None:
    return None if server_managed(db_path) else store.latest_good_backup(_file(db_path))


def preview(backup: Path | str) -> BackupPreview:
    return store.preview(Path(backup))


def restore(backup: Path | str, db_path: Path | str | None = None) -> RestoreResult:
    """Restore `backup` over the database (the open one, or `db_path` when none is open).

    The current file is saved aside first (a damaged one is moved aside untouched); afterwards the
    database is open on the restored file and the restore is in its audit trail.
    """
    return _replace(Path(backup), db_path, store.BEFORE_RESTORE, "从备份恢复")


def can_undo(db_path: Path | str | None = None) -> bool:
    return not server_managed(db_path) and store.undo_target(_file(db_path)) is not None


def undo_restore(db_path: Path | str | None = None) -> RestoreResult:
    """Put back the file as it was before the last restore (saving the restored one aside too)."""
    target = store.undo_target(_file(db_path, _SERVER_RESTORE))
    if target is None:
        raise ServiceError("没有可以撤销的恢复操作")
    return _replace(target.path, db_path, "撤销恢复前", "撤销恢复")


def _replace(backup: Path, db_path: Path | str | None, aside_reason: str, action: str) -> RestoreResult:
    """Restore with the file to itself: this program's own connection closed, no second copy of the
    program (instance lock) and no other SQLite connection (another program) on it. Whatever
    happens, the file that was open is open again afterwards."""
    was_open = store_db.is_open()
    path = _file(db_path, _SERVER_RESTORE)
    store.verify_backup(backup)  # before the open file is closed: a bad backup changes nothing
    store_db.close_database()
    try:
        aside = _restore_alone(path, backup, aside_reason)
    except BaseException:
        if was_open:  # the refusal's message is the one to tell; the old file opens again as before
            with contextlib.suppress(store_db.StoreError):
                store_db.open_database(path)
        raise
    store_db.open_database(path)
    audit.record("database", path.name, action,
                 {"backup": [None, backup.name], "saved_aside": [None, aside.name if aside else None]})
    if not was_open and db_path is not None:
        store_db.close_database()
    return RestoreResult(store.describe(backup), aside)


def _restore_alone(path: Path, backup: Path, aside_reason: str) -> Path | None:
    lock = store_db.InstanceLock(path)
    try:
        lock.acquire()
    except store_db.DatabaseInUse as exc:
        who = "，".join(v for v in (exc.holder.get("user"), exc.holder.get("host"), exc.holder.get("since")) if v)
        raise store_db.DatabaseInUse(f"不能恢复：该数据库正在被另一个政务公开工作台窗口使用{f'（{who}）' if who else ''}。"
                                     f"请先关闭那个窗口再恢复。{store.NOTHING_CHANGED}", exc.holder) from None
    try:
        try:
            store_db.ensure_not_held(path)
        except store_db.DatabaseBusy as exc:
            raise store_db.DatabaseBusy(f"不能恢复：{exc}") from None
        return store.restore(path, backup, aside_reason)
    finally:
        lock.release()


def export_to(target: Path | str, db_path: Path | str | None = None) -> Path:
    """`backup --out PATH`: a backup written to exactly the file named, documents beside it as `.zip`.

    A folder — one that exists, or a path ending in a separator (created if missing) — gets a file
    named after the office's database and the time. Returns the path written. The office's data on a
    server (open) is exported to a SQLite file the program can open (`export_server`).
    """
    source = _db_path(db_path)
    on_server = store.server_managed(source)
    stem = "政务公开" if on_server else Path(source).stem
    text = str(target)
    target = Path(target)
    if target.is_dir() or text.endswith(("/", "\\")):
        target = target / f"{stem}-备份-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite"
    if target.suffix.lower() == ".zip":
        raise ServiceError(f"备份文件名不能以 .zip 结尾（文书压缩包与备份同名、扩展名为 .zip）：{target}")
    if on_server:
        export_server(target)
        return target
    source = Path(source)
    if target.resolve() in {source.resolve(), *(Path(f"{source.resolve()}{s}") for s in ("-wal", "-shm"))}:
        raise ServiceError(f"备份不能写到数据库文件本身：{target}。请指定另一个文件或文件夹。")
    store.snapshot(source, target)
    return target


def export_server(target: Path | str, progress=None) -> TransferReport:
    """The office's data on the open server written to a new SQLite file `target`, its documents in
    the file's folder and zipped beside it as a backup's are: a portable copy the program opens
    (`--db target`) or restores on a desk of its own. Compared row for row before it is kept."""
    target = Path(target)
    if not store_db.on_server():
        raise ServiceError("只有数据保存在服务器上时才需要导出为数据文件；本机数据文件请使用“备份”。")
    if target.exists():
        raise ServiceError(f"文件已存在，不会覆盖：{target}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        report = transfer.server_into_file(target, progress)
        store.zip_documents(target)
    except OSError as exc:
        raise ServiceError(f"无法写入 {target}：{exc.strerror or exc}") from None
    if not store_db.is_readonly():  # (`backup --out` reads only, beside the desks at work)
        _audit_export(target, report)
    return report


def _audit_export(target: Path, report: TransferReport) -> None:
    with store_db.atomic():
        audit.record("database", "export", "导出为数据文件",
                     {"file": [None, target.name], "cases": [None, report.tables.get("request", 0)],
                      "documents": [None, report.documents]})


def copy_to(folder: Path | str, db_path: Path | str | None = None) -> Path:
    """A fresh backup copied to a folder the clerk chose (a USB stick)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ServiceError(f"所选位置不是文件夹或不存在：{folder}")
    target = folder / paths.safe_filename(f"政务公开备份-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite")
    return export_to(target, db_path)
