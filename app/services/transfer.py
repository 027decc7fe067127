"""Moving an office from its SQLite file to a database server: `python -m app migrate-to URL`
(docs/server.md, "Moving an office"). The reverse, the server's data out to a file, is the backup
screen's export (services.backup.export_server).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from app import paths
from app.services.errors import ServiceError
from app.store import audit, db as store_db, kv
from app.store import transfer as store
from app.store.transfer import TransferReport

__all__ = ["TransferReport", "migrate_to", "MIGRATION_KEY"]

MIGRATION_KEY = "migration.from_file"  # when and from which file the office came to the server


def migrate_to(url: str, source: Path | str | None = None,
               progress: Callable[[str], None] | None = None) -> TransferReport:
    """Copy the office in the file `source` (default: the desk's file) into the empty database at
    the server `url`: cases, documents, reviews, calendar, settings and the audit trail, with their
    ids. Counts and checksums are compared before anything is kept; a database that holds an office
    already is refused, so it never runs twice. The file is checked and brought to the program's
    version first, and held (the instance lock) so no desk writes to it meanwhile."""
    source = paths.location(source) if source else paths.default_db_path()
    target = paths.location(url)
    if paths.is_url(source):
        raise ServiceError("migrate-to 的来源应是本机的数据文件（用 --db 指定），而不是服务器地址")
    if not paths.is_url(target):
        raise ServiceError(f"目标应是数据库服务器的地址，例如 {paths.SERVER_EXAMPLE}，而不是：{url}")
    source = Path(source)
    if not source.is_file() or source.stat().st_size == 0:
        raise ServiceError(f"找不到要迁移的数据文件：{source}")
    store_db.open_database(source)  # checked whole and migrated to this program's version
    store_db.close_database()
    lock = store_db.InstanceLock(source)
    lock.acquire()
    try:
        store_db.open_database(str(target))
        report = store.file_into_server(source, progress)
        _record(source, report)
    finally:
        store_db.close_database()
        lock.release()
    return report


def _record(source: Path, report: TransferReport) -> None:
    """The migration in the server's settings and audit trail (after the comparison)."""
    with store_db.atomic():
        kv.put(MIGRATION_KEY, {"file": str(source), "at": dt.datetime.now().isoformat(" ", "seconds"),
                               "tables": report.tables, "documents": report.documents,
                               "templates": report.templates})
        audit.record("database", source.name, "从数据文件迁移到服务器",
                     {"cases": [None, report.tables.get("request", 0)], "documents": [None, report.documents]})
