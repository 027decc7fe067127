"""Opening the database file: checks, pragmas, migrations, the one connection.

One SQLite file per office, WAL journal, foreign keys on (ARCHITECTURE.md). The file is checked
before use so a damaged or foreign file is refused with a Chinese message instead of a traceback.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee

database = peewee.DatabaseProxy()
_state: dict[str, object] = {"path": None, "readonly": False}

SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A problem with the database file that the user must be told about (message in Chinese)."""


class DatabaseDamaged(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class DatabaseReadOnly(StoreError):
    pass


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


def check_file(path: Path) -> None:
    """Refuse a file that is not a sound SQLite database (header, then PRAGMA quick_check)."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise DatabaseDamaged(f"数据库文件已损坏或不是本程序的数据文件：{path}")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(f"数据库文件已损坏（{exc}）：{path}") from None
    if rows != [("ok",)]:
        raise DatabaseDamaged(f"数据库文件未通过完整性检查：{path}")


def open_database(path: Path, readonly: bool = False) -> peewee.SqliteDatabase:
    """Open (creating if needed) and migrate the database at `path`, binding the proxy to it."""
    from app.store import migrations

    path = Path(path)
    check_file(path)
    if not readonly:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseReadOnly(f"无法创建数据目录 {path.parent}：{exc.strerror or exc}") from None
    close_database()
    target = f"file:{path}?mode=ro" if readonly else str(path)
    db = peewee.SqliteDatabase(
        target,
        uri=readonly,
        pragmas={"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000, "synchronous": "normal"}
        if not readonly else {"foreign_keys": 1, "busy_timeout": 5000},
        check_same_thread=False,
    )
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        _state.update(path=path, readonly=readonly)
        if not readonly:
            migrations.migrate(db, path)
        else:
            migrations.check_version(db)
    except peewee.OperationalError as exc:
        close_database()
        raise DatabaseReadOnly(f"无法写入数据库 {path}：{exc}") from None
    except sqlite3.DatabaseError as exc:
        close_database()
        raise DatabaseDamaged(f"数据库文件已损坏（{exc}）：{path}") from None
    except StoreError:
        close_database()
        raise
    return db


def close_database() -> None:
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()
    _state.update(path=None, readonly=False)


def current_path() -> Path:
    """The path of the open database file (services build document paths from it)."""
    path = _state["path"]
    if path is None:
        raise StoreError("尚未打开数据库")
    return path  # type: ignore[return-value]


def is_readonly() -> bool:
    return bool(_state["readonly"])


def atomic():
    """A write transaction that takes the write lock at once, so allocations never race."""
    if is_readonly():
        raise DatabaseReadOnly("数据库以只读方式打开，不能保存修改")
    return database.atomic("IMMEDIATE")
