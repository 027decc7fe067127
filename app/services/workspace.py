"""Opening the office's database (one at a time: a desktop program for one clerk)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.store import db as store_db


@dataclass(frozen=True)
class Workspace:
    db_path: paths.Location  # the file, or the server's URL (a string passed through to the store)
    readonly: bool

    @property
    def data_dir(self) -> Path:
        return paths.data_dir_for(self.db_path)


def open_workspace(db_path: Path | str | None = None, readonly: bool = False,
                   defer_check: bool = False, create: bool = True) -> Workspace:
    """Open (create, migrate) the database; raises services.errors.StoreError subclasses.

    `db_path` is a file or a server URL (docs/server.md); None means the desk's default.
    `defer_check`: the slow integrity check is left to the caller (services.backup.verify_open_file).
    `create=False` (commands that only read): a missing file is refused (DatabaseMissing), never made.
    A missing or empty file where a register existed is always refused (DatabaseEmpty, a damaged file)."""
    path = paths.location(db_path) if db_path else paths.default_db_path()
    _forget_cached_state()
    store_db.open_database(path, readonly=readonly, defer_check=defer_check, create=create)
    from app.services import audit

    audit.restore_operator()
    return Workspace(path, readonly)


def close_workspace() -> None:
    store_db.close_database()
    _forget_cached_state()


def release_thread_connection() -> None:
    """A background task is done: its thread's own connection to the file is closed."""
    store_db.close_thread_connection()


def _forget_cached_state() -> None:
    """Caches built from one office's database (its calendar entries) must not leak into another.
    (Nothing to forget, and nothing to import at start-up, before the calendar was first used.)"""
    import sys

    calendar = sys.modules.get("app.services.work_calendar")
    if calendar is not None:
        calendar.invalidate()


def is_readonly() -> bool:
    """Whether the open database was opened read-only (another copy of the program has it)."""
    return store_db.is_readonly()


def on_server() -> bool:
    """Whether the open database is on a server (docs/server.md), where a login may be a district's."""
    return store_db.on_server()


def current_db_path() -> paths.Location:
    return store_db.current_path()
