"""The store's refusals: problems with the database file that the user must be told about (Chinese)."""
from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A problem with the database file that the user must be told about (message in Chinese)."""


class DatabaseDamaged(StoreError):
    """The file is not a sound database of this program; it has not been touched."""


class DatabaseTooNew(StoreError):
    pass


class DatabaseReadOnly(StoreError):
    """The file or its folder cannot be written (read-only folder, opened read-only)."""


class DiskFull(StoreError):
    """The disk is full: the change was rolled back whole."""


class DatabaseBusy(StoreError):
    """Another program (or another SQLite connection) holds a lock on the file: busy, not damaged."""


class DatabaseMissing(StoreError):
    """No database at the path (or an empty file) where a command only reads: nothing was created."""


class DatabaseEmpty(DatabaseDamaged):
    """The file is missing or empty although a register existed there (its backups or documents are
    beside it): a damaged-file case, the latest backup is offered, nothing is created."""


class DatabaseInUse(StoreError):
    """Another copy of the program has the file open for writing."""

    def __init__(self, message: str, holder: dict | None = None):
        super().__init__(message)
        self.holder = holder or {}


def damaged_message(path: Path, reason: str) -> str:
    """The one message every screen and subcommand shows for a damaged file."""
    return (f"数据库文件已损坏，无法打开（{reason}）：{path}。"
            "原文件已原样保留，未作任何改动。请在图形界面中选择“从备份恢复”，"
            "或在命令行使用 restore 命令恢复最近的备份。")


def busy_message(path: Path | None = None) -> str:
    """The one message for a file another program holds: busy, never called damaged."""
    where = f"（{path}）" if path else ""
    return (f"数据库正忙：另一个程序（可能是另一个政务公开工作台窗口或数据库查看工具）正在使用该文件{where}。"
            "文件没有损坏，也未作任何改动；请关闭那个程序或稍后重试。")


class ServerUnavailable(StoreError):
    """The database server cannot be reached, or the connection to it broke off: nothing was saved
    half-way, and the next operation connects again (docs/server.md)."""


class LoginRefused(StoreError):
    """The database server refused the login (wrong password, or this PC is not allowed in)."""


class WriteConflict(StoreError):
    """Another desk changed the same rows at the same moment; the change was rolled back whole."""
