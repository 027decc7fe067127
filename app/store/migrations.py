"""Schema version and the ordered chain of migrations (vorta's habit).

The version lives in PRAGMA user_version. Before any migration the file is copied aside with
SQLite's backup API; a database newer than the program is refused.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Callable

import peewee

from app.store.db import DatabaseTooNew

SCHEMA_VERSION = 1


def _v1(db: peewee.SqliteDatabase) -> None:
    from app.store.models import all_models

    db.create_tables(all_models(), safe=True)


# MIGRATIONS[i] brings the schema from version i to i+1; append, never edit.
MIGRATIONS: list[Callable[[peewee.SqliteDatabase], None]] = [_v1]


def current_version(db: peewee.SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def check_version(db: peewee.SqliteDatabase) -> int:
    version = current_version(db)
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"该数据库由更新版本的政务公开工作台创建（数据版本 {version}，本程序支持 {SCHEMA_VERSION}），"
            "请升级程序后再打开，以免损坏数据。")
    return version


def copy_aside(path: Path, version: int) -> Path | None:
    """Copy the file with the online backup API before migrating it."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-迁移前-{stamp}{path.suffix}")
    src = sqlite3.connect(str(path))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def migrate(db: peewee.SqliteDatabase, path: Path) -> None:
    """Run every pending migration, each in its own transaction that also bumps the version."""
    from app.store.models import all_models

    version = check_version(db)
    if 0 < version < SCHEMA_VERSION:
        copy_aside(path, version)
    for index in range(version, SCHEMA_VERSION):
        with db.atomic("IMMEDIATE"):
            MIGRATIONS[index](db)
            db.execute_sql(f"PRAGMA user_version = {index + 1}")
    # Tables added by later rooms before a release are created here; safe=True makes it idempotent.
    db.create_tables(all_models(), safe=True)
