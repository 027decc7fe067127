"""Opening the database file: checks, the instance lock, pragmas, migrations, the one connection.

One SQLite file per office, WAL journal, foreign keys on (docs/architecture.md). The file is checked
before use so a damaged or foreign file is refused with a Chinese message instead of a traceback,
and it is never written to: the clerk restores a backup beside it. A second copy of the program
on the same file is refused (it may open the file read-only instead), so two writers never meet.

A server URL opens the office's database on PostgreSQL instead (store.server, docs/server.md): no
file to check and no instance lock, since several desks are the point; the same migrations run.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import getpass
import json
import os
import random
import socket
import sqlite3
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, ParamSpec, Sequence, TypeVar

from app.store.base import peewee

from app import oserrors, paths
from app.store import engine
from app.store.base import BaseModel, database
from app.store.errors import (DatabaseBusy, DatabaseDamaged, DatabaseEmpty, DatabaseInUse, DatabaseMissing,
                              DatabaseReadOnly, DatabaseTooNew, DiskFull, LoginRefused, ServerUnavailable, StoreError,
                              WriteConflict, busy_message, damaged_message)
from app.store.peek import readonly_uri

__all__ = ["BaseModel", "database", "StoreError", "DatabaseDamaged", "DatabaseInUse", "DatabaseReadOnly",
           "DatabaseTooNew", "DiskFull", "damaged_message", "DatabaseBusy", "DatabaseMissing", "DatabaseEmpty",
           "busy_message", "LoginRefused", "ServerUnavailable", "WriteConflict"]

_state: dict[str, object] = {"path": None, "readonly": False, "lock": None, "unchecked": None}
P = ParamSpec("P")
T = TypeVar("T")

SQLITE_HEADER = b"SQLite format 3\x00"
CHECK_WAIT_S = 2.0  # a writer's short transaction may finish meanwhile; longer is "busy", never "damaged"
# Tables every database of this program has; a SQLite file with other tables only is not ours.
_OWN_TABLES = set(engine.OWN_TABLES)


def is_busy(exc: BaseException) -> bool:
    """SQLite's "database is locked" / "busy": someone else holds the file, which says nothing of its health."""
    text = str(exc).lower()
    return "locked" in text or "busy" in text


# ---- damaged-file detection ---------------------------------------------------------------

def check_file(path: Path) -> None:
    """Refuse a file that is not a sound SQLite database of this program.

    Three checks, cheapest first: the 16-byte SQLite header, the file length against the page
    count the header declares (a truncated copy), and PRAGMA integrity_check. The file is only
    read, never written.
    """
    if check_header(path):
        check_contents(path)


def check_header(path: Path) -> bytes | None:
    """The two cheap checks (header, truncation); returns the header, None for a new (empty) file.

    Milliseconds whatever the size, so they always run before opening; the full check can then
    run beside the start-up (`open_database(defer_check=True)`).
    """
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    with open(path, "rb") as fh:
        header = fh.read(100)
    if header[:16] != SQLITE_HEADER:
        raise DatabaseDamaged(damaged_message(path, "不是 SQLite 数据库文件"))
    if reason := _truncation(path, header):
        raise DatabaseDamaged(damaged_message(path, reason))
    return header


def _truncation(path: Path, header: bytes) -> str | None:
    if len(header) < 100:
        return "文件不完整"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    size = path.stat().st_size
    wal = Path(f"{path}-wal")
    # While a WAL file holds pages not yet copied back, the main file may lawfully be shorter.
    if wal.exists() and wal.stat().st_size > 0:
        return None
    if page_size < 512 or size % page_size or (pages and size < pages * page_size):
        return "文件被截断"
    return None


def check_contents(path: Path) -> None:
    """PRAGMA integrity_check and "is it ours" on a read-only connection of its own.

    The slow check (a third of a second at 100,000 cases); sqlite3 releases the GIL meanwhile, so
    the GUI runs it on a thread while the window is built. Raises DatabaseDamaged.
    """
    path = Path(path)
    try:
        con = _reading_connection(path)
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            version = con.execute("PRAGMA user_version").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise DatabaseBusy(busy_message(path)) from None
        if isinstance(translate(exc), DatabaseReadOnly):
            raise DatabaseReadOnly(f"无法读取数据文件（没有权限或文件夹只读）：{path}") from None
        raise DatabaseDamaged(damaged_message(path, f"无法读取：{exc}")) from None
    if rows != [("ok",)]:
        raise DatabaseDamaged(damaged_message(path, "未通过完整性检查"))
    if tables and not (tables & _OWN_TABLES) and version == 0:
        raise DatabaseDamaged(damaged_message(path, "这是其他程序的数据库，不是本程序的数据文件"))


_check_contents = check_contents  # the earlier private name


def _reading_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection that has read the file's schema.

    After a power cut the file may need SQLite's own recovery first — a hot rollback journal to
    roll back, or a WAL index to rebuild — which a read-only connection is not allowed to do (it
    fails with "attempt to write a readonly database"). Then a second, ordinary connection runs
    the recovery and is closed while the read-only one is open, so it never checkpoints the WAL
    into the file being checked; only what SQLite needs to make the file consistent is written.
    """
    try:
        return _schema_read(sqlite3.connect(readonly_uri(path), uri=True, timeout=CHECK_WAIT_S))
    except sqlite3.DatabaseError as exc:
        if not _left_mid_write(path, exc):
            raise
    helper = _schema_read(sqlite3.connect(str(path), timeout=CHECK_WAIT_S))
    try:
        return _schema_read(sqlite3.connect(readonly_uri(path), uri=True, timeout=CHECK_WAIT_S))
    finally:
        helper.close()


def _schema_read(con: sqlite3.Connection) -> sqlite3.Connection:
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        con.close()
        raise
    return con


def _left_mid_write(path: Path, exc: sqlite3.DatabaseError) -> bool:
    """A read-only connection refused because the file awaits recovery (and the folder allows it)."""
    text = str(exc).lower()
    journals = (Path(f"{path}-journal"), Path(f"{path}-wal"))
    return (("readonly" in text or "unable to open" in text) and os.access(path.parent, os.W_OK)
            and any(j.exists() and j.stat().st_size > 0 for j in journals))


def ensure_not_held(path: Path) -> None:
    """Raise DatabaseBusy when any SQLite connection (another program, a database viewer, a second
    copy of this one) has the file open, so a restore never swaps a file out from under a writer.

    In WAL mode every open connection holds a shared lock on the file; an exclusive transaction in
    exclusive locking mode is granted only when there is none. Nothing is written. A file SQLite
    cannot read (damaged) is not "held": the restore that cures it goes on.
    """
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(str(path), timeout=CHECK_WAIT_S, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        con.execute("PRAGMA locking_mode = EXCLUSIVE")
        con.execute("BEGIN EXCLUSIVE")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        con.execute("COMMIT")
    except sqlite3.Error as exc:
        if is_busy(exc):
            raise DatabaseBusy(busy_message(path)) from None
    finally:
        con.close()


# ---- the instance lock --------------------------------------------------------------------

class InstanceLock:
    """An OS lock on a file beside the database, held while the program writes to it.

    The operating system drops the lock when the process ends, however it ends, so a lock file
    left behind by a crash or a power cut never blocks the next start (stale-lock safe). Byte 0
    is locked; the holder's name and start time follow it so the second copy can say who.
    """

    def __init__(self, db_path: Path):
        self.path = paths.instance_lock_path(db_path)
        self._fh = None

    def acquire(self) -> None:
        try:
            fh = open(self.path, "a+b")
        except OSError as exc:
            raise DatabaseReadOnly(f"数据目录不可写，无法打开数据库进行修改：{self.path.parent}"
                                   f"（{oserrors.reason(exc)}）。可以只读方式打开查看。") from None
        try:
            _lock_byte(fh)
        except BlockingIOError:
            holder = _read_holder(fh)
            fh.close()
            who = holder.get("user") or "另一用户"
            since = holder.get("since", "")
            raise DatabaseInUse(
                f"该数据库正在被另一个政务公开工作台窗口使用（{who}，{holder.get('host', '')}，"
                f"自 {since} 起）。为避免数据冲突，本窗口只能以只读方式打开，或先关闭另一个窗口。",
                holder) from None
        except OSError:
            # A file system without locks (some network shares): carry on unlocked, as SQLite does.
            pass
        self._fh = fh
        _write_holder(fh)

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        with contextlib.suppress(OSError):
            _unlock_byte(fh)
        fh.close()


def _lock_byte(fh) -> None:
    fh.seek(0)
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except PermissionError:
            raise BlockingIOError from None
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock_byte(fh) -> None:
    fh.seek(0)
    if os.name == "nt":
        import msvcrt

        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _holder_info() -> dict:
    try:
        user = getpass.getuser()
    except Exception:  # getpass raises various errors when no user name can be found
        user = ""
    return {"pid": os.getpid(), "user": user, "host": socket.gethostname(),
            "since": dt.datetime.now().strftime("%Y-%m-%d %H:%M")}


def _write_holder(fh) -> None:
    with contextlib.suppress(OSError):
        fh.truncate(0)
        fh.seek(0)
        fh.write(b"\n" + json.dumps(_holder_info(), ensure_ascii=False).encode("utf-8"))
        fh.flush()


def _read_holder(fh) -> dict:
    try:
        fh.seek(1)  # byte 0 is the locked one (Windows locks are mandatory)
        return json.loads(fh.read().decode("utf-8") or "{}")
    except (OSError, ValueError):
        return {}


# ---- opening and closing ------------------------------------------------------------------

def open_database(path: Path | str, readonly: bool = False, defer_check: bool = False,
                  create: bool = True) -> peewee.Database:
    """Open (creating if needed and `create`) and migrate the database at `path`, binding the proxy to it.

    `path` may be a server URL: see `_open_server`.

    Raises DatabaseDamaged (file untouched; DatabaseEmpty for a missing or empty file where a
    register existed), DatabaseMissing (no file and not `create`, or read-only), DatabaseBusy
    (another program holds a lock), DatabaseInUse (another copy writes to it; open it with
    readonly=True instead), DatabaseReadOnly (folder or file not writable) or DatabaseTooNew.

    With `defer_check` (the GUI's start) only the cheap checks run now and `unchecked()` names the
    file until the caller has run `check_contents` (on a thread) and called `mark_checked`. Nothing
    is written to an unchecked file: when opening would write (a pending migration, a missing
    table, a file not yet in WAL mode) the full check runs here first.
    """
    if engine.is_server(path):
        return _open_server(str(path), readonly, create)
    if paths.is_url(path):
        raise StoreError(f"无法识别的数据库地址：{engine.display(path)}。服务器地址应写成 {paths.SERVER_EXAMPLE} 的样子")
    path = Path(path)
    close_database()
    header = check_header(path)
    if header is None:
        refuse_blank(path, create and not readonly)
    # Header byte 18 is 2 once the file is in WAL mode; before that, opening it switches (a write).
    if header is not None and (not defer_check or (header[18] != 2 and not readonly)):
        check_contents(path)
        header = None
    lock = None if readonly else _prepare_for_writing(path)
    try:
        db = _connect(path, readonly)
        _state.update(path=path, readonly=readonly, lock=lock, unchecked=path if header else None)
        _migrate_or_check(db, path, readonly)
    except BaseException:
        close_database()
        if lock is not None:
            lock.release()
        raise
    return db


def refuse_blank(path: Path, create: bool) -> None:
    """A missing or empty (0-byte) file becomes a new register only where none existed and the
    caller creates one (the GUI's first start, demo data, a ledger import); otherwise it is refused."""
    what = "是空的（0字节）" if path.exists() else "不存在"
    if register_existed(path):
        raise DatabaseEmpty(
            f"数据库文件{what}：{path}，但它旁边有这份登记簿的备份或文书，说明这里原来有数据"
            "（可能是复制或保存中断）。请在图形界面中选择“从备份恢复”，或在命令行使用 restore 命令恢复最近的备份"
            "（backup --list 列出备份）。没有创建新的空白登记簿。")
    if not create:
        raise DatabaseMissing(f"数据库文件{what}：{path}。请检查 --db 指定的路径。只读的命令不会新建登记簿；"
                              "新建请启动图形界面，或使用 demo-data、import-ledger、settings --import 命令。")


def register_existed(path: Path) -> bool:
    """Whether a register lived at `path`: its backups folder holds a backup, or its documents folder a file."""
    backups = paths.backups_dir(path)
    if backups.is_dir() and any(backups.glob("*.sqlite")):
        return True
    documents = paths.documents_dir(path)
    return documents.is_dir() and any(p.is_file() for p in documents.rglob("*.docx"))


def _open_server(url: str, readonly: bool, create: bool = True) -> peewee.Database:
    """Connect to the office's database on a PostgreSQL server, check it is ours and migrate it.

    Raises ServerUnavailable (unreachable), LoginRefused (user or password), DatabaseDamaged (another
    program's database), DatabaseMissing (no register there yet, and not `create` or read-only) or
    DatabaseTooNew; then nothing is open (docs/server.md)."""
    from app.store import migrations, server

    close_database()
    db = server.connect(url, readonly)
    database.initialize(db)
    _state.update(path=url, readonly=readonly, lock=None, unchecked=None)
    try:
        db.connect()
        server.check_ours(db, url, _OWN_TABLES)
        if (readonly or not create) and not server.table_names(db) & _OWN_TABLES:
            raise DatabaseMissing(f"服务器上的数据库还没有登记簿（{server.display(url)}）。只读的命令不会新建登记簿；"
                                  "请先启动图形界面连接它，或使用 settings --import 等命令建立。")
        if readonly:
            migrations.check_version(db)
        else:
            migrations.migrate(db, url)
    except peewee.DatabaseError as exc:
        close_database()
        raise translate(exc) from None
    except BaseException:
        close_database()
        raise
    return db


def _prepare_for_writing(path: Path) -> InstanceLock:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseReadOnly(f"无法创建数据目录 {path.parent}：{oserrors.reason(exc)}") from None
    lock = InstanceLock(path)
    lock.acquire()
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(path.parent, os.W_OK):
        lock.release()
        raise DatabaseReadOnly(f"数据文件或其所在目录是只读的，无法保存修改：{path}。可以只读方式打开查看，"
                               "或将数据文件复制到可写的位置后再打开。")
    return lock


def _connect(path: Path, readonly: bool) -> peewee.SqliteDatabase:
    target = readonly_uri(path) if readonly else str(path)
    pragmas = ({"foreign_keys": 1, "busy_timeout": 5000} if readonly else
               {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000, "synchronous": "normal"})
    db = peewee.SqliteDatabase(target, uri=readonly, pragmas=pragmas, check_same_thread=False)
    database.initialize(db)
    return db


def _migrate_or_check(db: peewee.SqliteDatabase, path: Path, readonly: bool) -> None:
    from app.store import migrations

    try:
        db.connect(reuse_if_open=True)
        if readonly:
            migrations.check_version(db)
        elif unchecked() is not None:
            _migrate_unchecked(db, path)
        else:
            migrations.migrate(db, path)
    except peewee.DatabaseError as exc:
        raise translate(exc, path) from None
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise DatabaseBusy(busy_message(path)) from None
        raise DatabaseDamaged(damaged_message(path, f"无法读取：{exc}")) from None


def _migrate_unchecked(db: peewee.SqliteDatabase, path: Path) -> None:
    """Migrate a file whose full check is still to come, without writing to it unchecked.

    A pending version is checked first (a migration writes); otherwise the idempotent part of the
    migration (tables and triggers added since) runs with writes refused, and only if it wanted
    to write is the file checked now and the migration run for real.
    """
    from app.store import migrations

    if migrations.check_version(db) < migrations.SCHEMA_VERSION:
        check_now(path)
        migrations.migrate(db, path)
        return
    db.execute_sql("PRAGMA query_only = 1")
    try:
        migrations.migrate(db, path)
    except peewee.OperationalError as exc:
        if "readonly" not in str(exc).lower():
            raise
        db.execute_sql("PRAGMA query_only = 0")
        check_now(path)
        migrations.migrate(db, path)
    finally:
        db.execute_sql("PRAGMA query_only = 0")


def check_now(path: Path) -> None:
    """Run the full check of the open file now (if still due) and mark it checked."""
    if unchecked() is not None:
        check_contents(path)
        mark_checked(path)


def unchecked() -> Path | None:
    """The open file when its full check (`check_contents`) has not run yet, else None."""
    return _state.get("unchecked")  # type: ignore[return-value]


def mark_checked(path: Path) -> None:
    """The full check of `path` passed: start-up writes may go ahead."""
    if _state.get("unchecked") == Path(path):
        _state["unchecked"] = None


def close_thread_connection() -> None:
    """Close the calling thread's connection (peewee keeps one per thread). A worker thread's must
    not outlive its task: it would hold the file open, and on Windows a restore cannot replace it.
    (A server's connection that broke off is closed all the same.)"""
    obj = database.obj
    if obj is not None and not obj.is_closed():
        try:
            obj.close()
        except peewee.DatabaseError:
            if not engine.on_server(obj):
                raise
            obj.dispose()


def close_database() -> None:
    """Close the connection and release the instance lock."""
    close_thread_connection()
    lock = _state.get("lock")
    if lock is not None:
        lock.release()  # type: ignore[union-attr]
    _state.update(path=None, readonly=False, lock=None, unchecked=None)


def probe(location: str) -> tuple[str, int | None]:
    """What the server database at `location` holds, read on a connection of its own without opening
    it: (the office's short name, its number of requests, or None before the program's tables are
    there). Raises the Chinese StoreError (unreachable, the login refused, another program's, newer)."""
    from app.store import migrations, server

    db = server.connect(location, readonly=True)
    try:
        db.connect()
        migrations.check_version(db)
        return server.probe(db, location, _OWN_TABLES)
    except peewee.DatabaseError as exc:
        raise server.translate(exc, location) from None
    finally:
        db.close()


def current_path() -> Path | str:
    """Where the open database is: its file, or its server's URL (services build the office's local
    folders from it through app.paths)."""
    path = _state["path"]
    if path is None:
        raise StoreError("尚未打开数据库")
    return path  # type: ignore[return-value]


def on_server() -> bool:
    """Whether the open database is on a server, where it keeps documents and backups itself."""
    return is_open() and engine.on_server()


def is_readonly() -> bool:
    return bool(_state["readonly"])


def is_open() -> bool:
    return _state["path"] is not None


class Interrupted(Exception):
    """A query stopped by `steps_at_most`."""


@contextlib.contextmanager
def steps_at_most(steps: int) -> Iterator[None]:
    """Stop a query of this thread's connection after about `steps` SQLite virtual-machine steps,
    raising Interrupted: a plan that turns out costly gives way to another (store.register)."""
    connection = database.connection()
    # Asked ten times in all: each asking takes Python's lock from the GUI thread while the query runs
    # off it (docs/performance.md, "Search as you type").
    left = [10]

    def tick() -> bool:
        left[0] -= 1
        return left[0] < 0

    connection.set_progress_handler(tick, max(steps // 10, 1))
    try:
        yield
    except (peewee.OperationalError, sqlite3.OperationalError) as exc:
        if "interrupt" not in str(exc).lower():
            raise
        raise Interrupted from None
    finally:
        connection.set_progress_handler(None, 0)


# ---- writing ------------------------------------------------------------------------------

def translate(exc: BaseException, path: Path | None = None) -> BaseException:
    """The Chinese StoreError for a failure the clerk can act on; others pass unchanged."""
    if engine.on_server():
        from app.store import server

        return server.translate(exc, str(_state["path"] or ""))
    text = str(exc).lower()
    where = f"：{path}" if path else ""
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull("磁盘空间已满，本次修改没有保存（已全部撤回）。请清理磁盘或U盘空间后重试。")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseReadOnly(f"数据文件或其所在目录不可写，本次修改没有保存{where}。"
                                "请检查文件是否被设为只读、U盘是否已拔出。")
    if is_busy(exc):
        return DatabaseBusy("数据库正忙（可能有另一个程序正在使用该文件），本次操作没有完成，数据未作改动，请稍后重试。")
    if "malformed" in text or "not a database" in text:
        return DatabaseDamaged(damaged_message(path or Path("?"), str(exc)))
    if "disk i/o" in text:
        return StoreError(f"读写数据文件时出错，本次修改没有保存{where}。请检查磁盘或U盘。")
    return exc


CONFLICT_RETRIES = 3


def retried(fn: Callable[P, T]) -> Callable[P, T]:
    """A write that may meet another desk's at the same moment: when the server rolled it back whole
    (WriteConflict: a serialization failure or a deadlock, docs/server.md) it runs again, a moment
    later, up to CONFLICT_RETRIES times; the last conflict is told. Inside an outer transaction it
    runs once: the outer one is what can be run again."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        for attempt in range(1, CONFLICT_RETRIES + 1):
            if database.obj is not None and database.in_transaction():
                return fn(*args, **kwargs)
            try:
                return fn(*args, **kwargs)
            except WriteConflict:
                if attempt == CONFLICT_RETRIES:
                    raise
                time.sleep(random.uniform(0.02, 0.1) * attempt)
        raise AssertionError("unreachable")

    return run


@contextlib.contextmanager
def atomic() -> Iterator[None]:
    """A write transaction that takes the write lock at once, so allocations never race.

    Everything inside is saved whole or not at all; a full disk or a read-only file becomes a
    Chinese DiskFull / DatabaseReadOnly after the rollback, so the program keeps running.
    """
    if is_readonly():
        raise DatabaseReadOnly("数据库以只读方式打开，不能保存修改")
    if (path := unchecked()) is not None:
        check_now(path)  # never write to a file whose integrity check has not passed yet
    try:
        with database.atomic(*engine.write_args()):
            yield
    except peewee.DatabaseError as exc:
        if isinstance(exc, peewee.IntegrityError):
            raise
        # SQLite rolls back by itself on a full disk, so peewee's own ROLLBACK then fails with
        # "no transaction is active"; the cause worth telling is further down the chain.
        cause: BaseException | None = exc
        while cause is not None:
            translated = translate(cause, _state["path"])  # type: ignore[arg-type]
            if translated is not cause:
                raise translated from None
            cause = cause.__context__
        raise


def snapshot() -> contextlib.AbstractContextManager:
    """A read transaction: every read inside sees the file as it was when the first one ran, even if
    another thread writes meanwhile (nothing is locked against writers; engine.snapshot)."""
    return engine.snapshot()


def _plain(field: peewee.Field):
    """How one column's Python value is stored (as peewee stores it), for `insert_many`."""
    if isinstance(field, peewee.DateTimeField):
        return lambda v: None if v is None else v.isoformat(" ")
    if isinstance(field, peewee.DateField):
        return lambda v: None if v is None else v.isoformat()
    if isinstance(field, peewee.BooleanField):
        return lambda v: None if v is None else int(bool(v))
    return None


def reader(model: type[peewee.Model], columns: Sequence[str]):
    """A function turning a raw row of `columns` of `model` (from a cursor) into Python values as
    peewee would give them, converting only the columns that need it (dates, booleans)."""
    fields = [model._meta.fields[name] for name in columns]
    convert = [(i, f.python_value) for i, f in enumerate(fields)
               if isinstance(f, (peewee.DateField, peewee.DateTimeField, peewee.BooleanField))]

    def read(row: Sequence[Any]) -> list[Any]:
        values = list(row)
        for i, python_value in convert:
            values[i] = python_value(values[i])
        return values

    return read


def insert_many(model: type[peewee.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Insert many rows of `model` (values in the order of `columns`, Python values as for the model;
    other columns get the model's defaults) with one prepared statement: no model object and no
    round trip per row. Call inside atomic()."""
    given = [model._meta.fields[name] for name in columns]
    defaulted = [f for f in model._meta.sorted_fields
                 if f.name not in columns and f.default is not None and not f.primary_key]
    defaults = tuple(f.default() if callable(f.default) else f.default for f in defaulted)
    fields = given + defaulted
    converters = [(i, c) for i, c in enumerate(_plain(f) for f in fields) if c is not None]
    names = ", ".join(f'"{f.column_name}"' for f in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({names}) VALUES ({", ".join("?" * len(fields))})'

    def plain(row: Sequence[Any]) -> list[Any]:
        values = [*row, *defaults]
        for i, convert in converters:
            values[i] = convert(values[i])
        return values

    if engine.on_server():  # the server's driver takes the Python values as they are
        engine.executemany(sql, [[*row, *defaults] for row in rows])
        if "id" in columns:
            engine.after_ids_given(model._meta.table_name)
        return
    try:
        database.connection().executemany(sql, map(plain, rows))
    except sqlite3.Error as exc:
        raise translate(exc, _state["path"]) from None  # type: ignore[arg-type]
