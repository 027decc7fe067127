"""Another program holding a database file through SQLite (a database viewer, a script): a real
second process with a real connection, started and stopped by the test. Nothing is faked."""
from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

_HOLDER = textwrap.dedent("""
    import sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    if sys.argv[2] == "exclusive":      # e.g. a viewer in exclusive locking mode: nobody else may read
        con.execute("PRAGMA locking_mode = EXCLUSIVE")
        con.execute("BEGIN EXCLUSIVE")
    con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # "open": an idle connection that has read
    print("holding", flush=True)
    sys.stdin.read()
""")


@contextlib.contextmanager
def held(path: Path, mode: str = "open") -> Iterator[None]:
    """While inside, another process holds `path`: "open" (an idle connection) or "exclusive"."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path), mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "holding"
        yield
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
