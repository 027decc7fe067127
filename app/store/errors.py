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
