"""Files the program hands to the clerk (exports, copies): written whole or not at all.

A file is written under a temporary name beside its place (`<name>.part`), flushed to the disk and
renamed into place only at the end; on any failure the temporary file is removed, so a full or
pulled-out USB stick never leaves a 0-byte .xlsx or a `.part` behind, and the failure is one Chinese
sentence naming the file (app.oserrors). Documents are built in memory first where they can be:
a library writing straight to a failing disk leaves its own half-closed file behind.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from app import oserrors
from app.services.errors import ServiceError

PART_SUFFIX = ".part"
_RETRY = "请检查磁盘或U盘（空间、写保护、是否已拔出）后重试；未留下不完整的文件。"


def os_error(exc: OSError, action: str, path: Path | str) -> ServiceError:
    """The ServiceError for an OS failure: what, which path, why, what to do."""
    return ServiceError(oserrors.describe(exc, action, path) + _RETRY)


def part_path(path: Path) -> Path:
    return path.with_name(path.name + PART_SUFFIX)


def make_folder(folder: Path | str) -> Path:
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(exc, "无法创建文件夹", folder) from None
    return folder


def remove_quietly(path: Path) -> None:
    """Remove a file or folder left by a failed write; a vanished USB stick is no second error."""
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


@contextlib.contextmanager
def replacing(path: Path | str) -> Iterator[Path]:
    """Yield the temporary path to write; on success it becomes `path`, on failure it is removed and
    an OSError becomes a Chinese ServiceError naming `path`."""
    path = Path(path)
    make_folder(path.parent)
    tmp = part_path(path)
    try:
        yield tmp
        _flush_to_disk(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        remove_quietly(tmp)
        raise os_error(exc, "无法写入", path) from None
    except BaseException:
        remove_quietly(tmp)
        raise


def _flush_to_disk(path: Path) -> None:
    """The bytes reach the stick before the name does (a stick pulled right after the message)."""
    if path.is_file():
        with open(path, "rb+") as fh:
            os.fsync(fh.fileno())


def write_bytes(path: Path | str, data: bytes) -> Path:
    """Write `data` to `path` whole or not at all."""
    path = Path(path)
    with replacing(path) as tmp:
        tmp.write_bytes(data)
    return path


def copy_file(source: Path | str, target: Path | str) -> Path:
    """Copy `source` to `target` whole or not at all (e.g. a notice to --out)."""
    target = Path(target)
    with replacing(target) as tmp:
        shutil.copyfile(source, tmp)
    return target


def save_document(document: object, path: Path | str) -> Path:
    """An openpyxl workbook or python-docx document saved whole or not at all: built in memory,
    then written (neither library cleans up after a disk that fills while it writes)."""
    import io

    buffer = io.BytesIO()
    with building(path):
        document.save(buffer)
    return write_bytes(path, buffer.getvalue())


@contextlib.contextmanager
def building(path: Path | str) -> Iterator[None]:
    """Around building a document for `path`. openpyxl streams each sheet through a file of its own
    in the system temp folder; when that disk is full, the failure becomes one Chinese ServiceError
    naming `path`, and the library's half-written streams are closed now, quietly (left to the
    garbage collector, each would print a traceback of the same full disk)."""
    try:
        yield
    except OSError as exc:
        _close_half_written(exc)
        raise os_error(exc, "无法写入", path) from None
    except Exception as exc:
        if type(exc).__name__ != "SerialisationError" or not str(exc).startswith("IO_"):
            raise
        _close_half_written(exc)
        raise ServiceError(f"无法生成 {path}：系统磁盘（临时文件夹所在的磁盘）空间已满或无法写入。"
                           "请清理磁盘后重试；未留下不完整的文件。") from None


def _close_half_written(exc: BaseException) -> None:
    """Close what the failed build left open in its frames: openpyxl's XML streams (`xf` generators)
    and zip archives. Nothing of it is kept (the document was being built in memory)."""
    import inspect
    import zipfile

    tb = exc.__traceback__
    while tb is not None:
        for value in list(tb.tb_frame.f_locals.values()):
            for holder in (value, getattr(value, "_writer", None)):
                stream = getattr(holder, "xf", None)
                if inspect.isgenerator(stream):
                    with contextlib.suppress(Exception):
                        stream.close()
            if isinstance(value, zipfile.ZipFile):
                with contextlib.suppress(Exception):
                    value.close()
        tb = tb.tb_next
