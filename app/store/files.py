"""The office's document files where every desk can reach them (docs/server.md, "Documents").

A SQLite office keeps its issued documents in its folder beside the file (paths.documents_dir), and
these functions leave that as it is. On a server each desk has a folder of its own, so the file is
also kept in the database (StoredFile, ~30 KB a notice), in the transaction that records it, and a
desk that lacks it (or holds another version) gets its copy written from there when it opens the
document list, prints or archives.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from app.store import district, engine
from app.store.schema import StoredFile, now

DOCUMENTS = "文书"
TEMPLATES = "模板"  # the office's edited templates (services.templates)


def keep(area: str, name: str, source: Path) -> None:
    """Keep the file `source` as `name` of `area` where every desk reaches it (call inside the
    transaction that records it). A SQLite office's folder is that place already."""
    if not engine.on_server():
        return
    put(area, name, Path(source).read_bytes())


def put(area: str, name: str, data: bytes) -> None:
    """Store `data` as `name` of `area` in the database, whichever the engine (transfers use it)."""
    digest = hashlib.sha256(data).hexdigest()
    (StoredFile.insert(area=area, name=name, data=data, sha256=digest, saved_at=now())
     .on_conflict(conflict_target=district.conflict_key(StoredFile.area, StoredFile.name),
                  preserve=[StoredFile.data, StoredFile.sha256, StoredFile.saved_at])
     .execute())


def local(area: str, name: str, path: Path) -> bool:
    """Make sure `path` (this desk's copy of `name` of `area`) holds the kept file; False when
    there is no such file. A SQLite office's folder holds the file itself."""
    path = Path(path)
    if not engine.on_server():
        return path.is_file()
    kept = digest(area, name)
    if kept is None:
        return path.is_file()  # e.g. a form printed to a folder of the clerk's choosing
    if path.is_file() and _sha256(path) == kept:
        return True
    write(path, get(area, name) or b"")
    return True


def get(area: str, name: str) -> bytes | None:
    row = (StoredFile.select(StoredFile.data).where((StoredFile.area == area) & (StoredFile.name == name))
           .tuples().first())
    return bytes(row[0]) if row else None


def digest(area: str, name: str) -> str | None:
    """The SHA-256 of `name` of `area` kept in the database (None: not kept), without reading the file."""
    row = (StoredFile.select(StoredFile.sha256).where((StoredFile.area == area) & (StoredFile.name == name))
           .tuples().first())
    return row[0] if row else None


def in_transaction() -> bool:
    """Whether a write is under way (what is kept now would be undone with it)."""
    from app.store.base import database

    return database.in_transaction()


def delete(area: str, name: str) -> None:
    StoredFile.delete().where((StoredFile.area == area) & (StoredFile.name == name)).execute()


def names(area: str) -> list[str]:
    return [n for (n,) in StoredFile.select(StoredFile.name).where(StoredFile.area == area)
            .order_by(StoredFile.name).tuples()]


def stored(area: str = DOCUMENTS) -> Iterator[tuple[str, bytes]]:
    """(name, data) of every file of `area` kept in the database, read one at a time."""
    for name in names(area):
        yield name, get(area, name) or b""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole (a partial file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)
