"""Files the office's other duties keep beside the register (docs/legal/duties.md): an opinion
item's attachment, the copy of what was published (登记存档), the reports made from templates. They
live under the documents folder (paths.documents_dir), are recorded by their path relative to it
(a moved or restored register keeps finding them) and by their SHA-256 (the archive checks them).
An office on a database server also keeps them in the database, where every desk reaches them
(store.files, docs/server.md); a desk's folder then holds its copies."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from app import paths
from app.services.errors import ServiceError
from app.store import files
from app.store.db import current_path


def documents_root() -> Path:
    return paths.documents_dir(current_path())


def absolute(relative: str) -> Path:
    """The file recorded as ``relative`` (an absolute path is returned as it is), this desk's copy
    written from the database first where the office keeps it there."""
    path = Path(relative)
    if path.is_absolute():
        return path
    path = documents_root() / path
    files.local(files.DOCUMENTS, Path(relative).as_posix(), path)
    return path


def relative(path: Path) -> str:
    """``path`` as recorded: relative to the documents folder when inside it."""
    try:
        return Path(path).resolve().relative_to(documents_root().resolve()).as_posix()
    except ValueError:
        return str(path)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def new_path(folder: str, name: str) -> Path:
    """A path in ``folder`` (under the documents folder) for a new file named ``name``; a name taken
    already gets -2, -3 … so nothing kept is ever overwritten."""
    target_dir = documents_root() / folder
    target = target_dir / paths.safe_filename(name)
    n = 1
    while target.exists():
        n += 1
        target = target_dir / paths.safe_filename(f"{Path(name).stem}-{n}{Path(name).suffix}")
    return target


def keep(source: Path | str, folder: str, name: str | None = None) -> tuple[str, str]:
    """Copy ``source`` into ``folder``; (relative path, SHA-256). A file that cannot be read or
    written is refused in Chinese, and nothing is recorded."""
    source = Path(source)
    if not source.is_file():
        raise ServiceError(f"找不到文件：{source}")
    target = new_path(folder, name or source.name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    except OSError as exc:
        raise ServiceError(f"无法保存文件 {target.name}：{exc.strerror or exc}") from None
    recorded = relative(target)
    files.keep(files.DOCUMENTS, recorded, target)
    return recorded, sha256(target)
