"""A first look into a database file with the standard library alone, before the program opens it.

The start-up shows the main window before peewee and the store are loaded; to know
whether it may — the office is configured, no start-up password is set — and what to put in the
title, it reads a few settings through a read-only sqlite3 connection that never writes to the
file and leaves no journal beside it. Anything unusual (no file, not a database, no settings table, locked) answers
None, and the caller takes the full opening path with its messages.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

SETTINGS_TABLE = "setting"  # app.store.schema.Setting


def readonly_uri(path: Path) -> str:
    """A URI that opens `path` for reading without ever writing to it or beside it.

    A WAL file in a read-only folder cannot get its -shm index created; when no journal files
    are left beside it (the last writer closed cleanly) the file is whole and is read immutable.
    """
    path = Path(path).resolve()
    uri = path.as_uri() + "?mode=ro"
    if not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists():
        uri += "&immutable=1"
    return uri


def _look_uri(path: Path) -> str:
    """Closed cleanly (no -wal beside it), the file is whole: read it immutable, which creates no
    -wal/-shm beside it. Otherwise a writer is at work or did not close: read through its journal."""
    path = Path(path).resolve()
    if Path(f"{path}-wal").exists():
        return readonly_uri(path)
    return path.as_uri() + "?mode=ro&immutable=1"


def read_settings(path: Path, fields: dict[str, tuple[str, str]]) -> dict[str, Any] | None:
    """Values from the settings table: `fields` maps a name to (key, JSON path) and gets SQLite's
    json_extract of that key's stored JSON ('$' the whole value; None where the key or the path is
    absent), so not even the json module is loaded. None when the file cannot be read that way."""
    path = Path(path)
    names = list(fields)
    sql = "SELECT " + ", ".join(f"(SELECT json_extract(value, ?) FROM {SETTINGS_TABLE} WHERE key = ?)"
                                for _ in names)
    params = [part for name in names for part in (fields[name][1], fields[name][0])]
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        con = sqlite3.connect(_look_uri(path), uri=True, timeout=0.5)
        try:
            row = con.execute(sql, params).fetchone()
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return None
    return dict(zip(names, row))
