"""What the start-up may know before the database is opened (the window first).

Only the standard library's sqlite3 is loaded here: `first_look` reads the office's short name and
whether a start-up password is set straight from the file (app.store.peek), so the main window can
be shown while peewee, the store and the services load behind it.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from app import paths
from app.store import peek

OFFICE_KEY = "office"  # the office settings (services.settings)
PASSWORD_KEY = "security.password_hash"  # the start-up password's hash (services.security)


class FirstLook(NamedTuple):
    """A configured office without a start-up password: the window may show before the file opens."""

    path: Path
    short_name: str


def first_look(db_path: Path | str | None = None) -> FirstLook | None:
    """None when the window must wait for the file: a first start (no file or no settings yet), a
    start-up password to ask first, a file the standard library cannot read (damaged, locked …),
    which the full opening explains, or a database server."""
    path = paths.location(db_path) if db_path else paths.default_db_path()
    if paths.is_url(path):
        return None  # a server is read through the store, after its connection is made
    found = peek.read_settings(path, {"office": (OFFICE_KEY, "$"), "short_name": (OFFICE_KEY, "$.short_name"),
                                      "password": (PASSWORD_KEY, "$")})
    if found is None or found["office"] is None or found["password"]:
        return None
    return FirstLook(path, str(found["short_name"] or ""))
