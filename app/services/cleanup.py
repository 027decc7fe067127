"""What interrupted work leaves behind, finished or removed at the next start (README, for IT staff).

Work that writes files keeps them under temporary names until its record has committed: a notice is
rendered as `文书/.签发中-….part`, becomes `.已签发-<id>.docx.part` with its row and is renamed into its
case folder after the commit (services.notices); a backup is `备份/….partial`; an archive package is
`归档/…_<time>.part/` with `….zip.part` until the year's lock commits (services.archive); a restore
stages `<data>.restoring` (store.backup). A power cut or a killed program leaves these, and a draft
notice opened in Word cannot be deleted while Word has it.

At the next start the work whose record committed is finished (the restore's documents, the
notice's file, the archive's names); what is left is deleted once nothing has touched it for
STALE_AFTER (another copy of the program, or a backup taken from the command line beside it, may
still be writing a fresh one). None of it was ever part of the register.
"""
from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from app import paths
from app.services import archive, files, notices
from app.store import backup as store_backup

STALE_AFTER = dt.timedelta(minutes=10)


def clean_leftovers(db_path: Path | str | None = None, now: float | None = None) -> list[Path]:
    """Complete an interrupted restore, then delete the stale leftovers of `db_path` (the open
    file by default) and old drafts in the system temp folder; returns what was deleted.
    Run only by the copy of the program that writes to the file (not one opened read-only)."""
    from app.services.workspace import current_db_path

    db_path = paths.location(db_path) if db_path else current_db_path()
    if not store_backup.server_managed(db_path):  # a server is never restored from here
        store_backup.finish_restore(db_path)
    notices.finish_interrupted_issues()
    archive.finish_interrupted_archives()
    now = time.time() if now is None else now
    removed = []
    for path in _leftovers(db_path):
        if _untouched_since(path) < now - STALE_AFTER.total_seconds():
            files.remove_quietly(path)
            if not path.exists():
                removed.append(path)
    return removed


def _leftovers(db_path: Path) -> Iterator[Path]:
    documents = paths.documents_dir(db_path)
    yield from _glob(documents, f"{notices.ISSUING_PREFIX}*")
    yield from _glob(documents, f"{notices.ISSUED_PREFIX}*")  # left only when its row never committed
    yield from _glob(paths.backups_dir(db_path), "*.partial*")  # a copy cut short, with its -journal
    archives = paths.archives_dir(db_path)
    yield from _glob(archives, "*.part")  # package folders and .zip.part files
    yield from _glob(paths.drafts_dir(db_path), f"{paths.DRAFT_PREFIX}*")
    yield from _glob(Path(tempfile.gettempdir()), f"{paths.DRAFT_PREFIX}*")  # drafts of earlier versions


def _glob(folder: Path, pattern: str) -> list[Path]:
    try:
        return sorted(folder.glob(pattern)) if folder.is_dir() else []
    except OSError:
        return []


def _untouched_since(path: Path) -> float:
    """The last time anything in `path` (a file, or a folder and what it holds) was written."""
    try:
        times = [path.stat().st_mtime]
        if path.is_dir():
            times += [p.stat().st_mtime for p in path.rglob("*")]
        return max(times)
    except OSError:
        return time.time()  # vanishing as we look: someone is at work on it
