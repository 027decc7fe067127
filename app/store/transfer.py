"""Moving an office between engines (docs/server.md, "Moving an office"): its SQLite file into a
server (`migrate-to`), and a server's data out to a SQLite file the program can open (the export).

Every table is copied whole, row for row with its ids, in one transaction on the receiving side
when it is the server; then the rows are read back on both sides and compared: the count and a
SHA-256 over every row of every table, and every document file by its own SHA-256. Any difference
and nothing is kept. The queries are compiled for each side's database object explicitly, so
nothing is rebound: the program may go on using the open database meanwhile.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.store.base import peewee

from app import paths
from app.store import engine, files
from app.store.base import database
from app.store.errors import StoreError
from app.store.peek import readonly_uri

BATCH = 500
Progress = Callable[[str], None]


@dataclass
class TransferReport:
    """What was moved: rows per table and document files, each compared on both sides."""

    tables: dict[str, int] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)
    documents: int = 0


def _models() -> list[type[peewee.Model]]:
    from app.store.schema import all_models

    return peewee.sort_models(all_models())


def _copied(model: type[peewee.Model]) -> bool:
    from app.store.schema import StoredFile

    return model is not StoredFile  # documents travel as files (below), not as table rows


def _order(model: type[peewee.Model]) -> list[peewee.Field]:
    pk = model._meta.primary_key
    if isinstance(pk, peewee.CompositeKey):
        return [model._meta.fields[name] for name in pk.field_names]
    return [pk]


def rows(db: peewee.Database, model: type[peewee.Model]) -> Iterator[tuple]:
    """Every row of `model` in `db` in primary-key order, as Python values (dates as dates …)."""
    fields = model._meta.sorted_fields
    convert = [f.python_value for f in fields]
    order = _order(model)
    if len(order) > 1 or not isinstance(order[0], peewee.AutoField):
        cursor = db.execute(model.select(*fields).order_by(*order))
        yield from (tuple(c(v) for c, v in zip(convert, row)) for row in cursor.fetchall())
        return
    last = None
    while True:  # keyset pages: a large table is never held whole
        query = model.select(*fields).order_by(order[0]).limit(BATCH)
        if last is not None:
            query = query.where(order[0] > last)
        page = db.execute(query).fetchall()
        if not page:
            return
        yield from (tuple(c(v) for c, v in zip(convert, row)) for row in page)
        last = page[-1][fields.index(order[0])]


def _canon(value: object) -> str:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def digest(db: peewee.Database, model: type[peewee.Model]) -> tuple[int, str]:
    """(rows, SHA-256 over every row) of `model` in `db`: equal on both engines for equal data."""
    h, n = hashlib.sha256(), 0
    for row in rows(db, model):
        h.update(("\x1f".join(_canon(v) for v in row) + "\x1e").encode("utf-8"))
        n += 1
    return n, h.hexdigest()


def _insert(target: peewee.Database, model: type[peewee.Model], source: peewee.Database) -> int:
    fields = model._meta.sorted_fields
    batch, n = [], 0
    for row in rows(source, model):
        batch.append(row)
        if len(batch) == BATCH:
            target.execute(model.insert_many(batch, fields=fields))
            n, batch = n + len(batch), []
    if batch:
        target.execute(model.insert_many(batch, fields=fields))
        n += len(batch)
    return n


def _restart_sequences(db: peewee.Database) -> None:
    """A server hands out ids from sequences: after rows came with their ids, start past them."""
    if not engine.on_server(db):
        return
    for model in _models():
        pk = model._meta.primary_key
        if isinstance(pk, peewee.AutoField):
            engine.after_ids_given(model._meta.table_name, db, pk.column_name)


def compare(source: peewee.Database, target: peewee.Database, report: TransferReport | None = None,
            tables: set[str] | None = None) -> TransferReport:
    """Count and checksum every copied table (or `tables`) on both sides; StoreError on a difference."""
    report = report or TransferReport()
    for model in _models():
        name = model._meta.table_name
        if not _copied(model) or (tables is not None and name not in tables):
            continue
        mine, theirs = digest(source, model), digest(target, model)
        if mine != theirs:
            raise StoreError(f"核对不一致：表 {name} 源 {mine[0]} 行、目标 {theirs[0]} 行（或内容校验值不同），"
                             "本次迁移没有保留任何数据。")
        report.tables[name], report.checksums[name] = mine
    return report


# ---- a SQLite file into the open server ------------------------------------------------------

def _document_files(source: Path) -> Iterator[tuple[str, Path]]:
    folder = paths.documents_dir(source)
    if folder.is_dir():
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                yield file.relative_to(folder).as_posix(), file


def has_data(db: peewee.Database) -> bool:
    """Whether a database holds anything of an office (settings, cases, an audit trail …)."""
    return any(db.execute(m.select(peewee.SQL("1")).limit(1)).fetchone() for m in _models())


def _others_there(db: peewee.Database) -> bool:
    """Rows keep their ids when a file moves in: on a server where any office has had rows, its ids
    could meet another office's (which the district's policies hide from this login)."""
    return any(engine.ids_taken(m._meta.table_name, db, m._meta.primary_key.column_name)
               for m in _models() if _copied(m) and isinstance(m._meta.primary_key, peewee.AutoField))


def file_into_server(source: Path, progress: Progress | None = None) -> TransferReport:
    """Copy the office in the SQLite file `source` (closed, checked, at the current version) into the
    open server database, which must hold no office yet; all in one transaction, compared before
    it commits. Raises StoreError (nothing kept)."""
    target = database.obj
    say = progress or (lambda _text: None)
    reader = peewee.SqliteDatabase(readonly_uri(source), uri=True)
    report = TransferReport()
    try:
        with target.atomic():
            if has_data(target):
                raise StoreError("服务器上的这个数据库已经有数据（机关设置、申请或审计记录），迁移只能做一次，"
                                 "不会覆盖已有数据。如需重来，请信息技术人员清空或新建数据库。")
            if _others_there(target):
                raise StoreError("服务器上已有其他单位的数据（或曾经有过）：数据文件只能迁入还没有任何单位登记过的数据库，"
                                 "本次迁移没有改动服务器。新加入的单位请在服务器上从新的一年起登记，"
                                 "以前年度的数据文件按年度归档保存（docs/district.md）。")
            for model in _models():
                if _copied(model):
                    say(f"正在复制：{model._meta.table_name}")
                    _insert(target, model, reader)
            _restart_sequences(target)
            say("正在复制文书文件")
            report.documents = _documents_in(source)
            say("正在核对行数和校验值")
            compare(reader, target, report)
            _compare_documents(source)
        target.execute_sql("ANALYZE")  # the planner's statistics of the tables just filled, at once
    except sqlite3.Error as exc:
        raise StoreError(f"无法读取数据文件 {source}：{exc}") from None
    finally:
        reader.close()
    return report


def _documents_in(source: Path) -> int:
    n = 0
    for name, file in _document_files(source):
        files.put(files.DOCUMENTS, name, file.read_bytes())
        n += 1
    return n


def _compare_documents(source: Path) -> None:
    kept = {name: hashlib.sha256(data).hexdigest() for name, data in files.stored()}
    for name, file in _document_files(source):
        if kept.get(name) != hashlib.sha256(file.read_bytes()).hexdigest():
            raise StoreError(f"核对不一致：文书文件 {name} 没有完整复制，本次迁移没有保留任何数据。")


# ---- the open server out to a SQLite file ----------------------------------------------------

def server_into_file(target: Path, progress: Progress | None = None) -> TransferReport:
    """Write the open database's office into a new SQLite file `target` (its documents into the
    file's folder, as a SQLite office keeps them), from one consistent reading, compared before the
    file is put in place. Raises StoreError; a half-written file is removed."""
    from app.store import migrations

    say = progress or (lambda _text: None)
    source = database.obj
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    writer = peewee.SqliteDatabase(str(partial), pragmas={"foreign_keys": 1})
    report = TransferReport()
    try:
        with engine.snapshot():
            say("正在建立数据文件")
            _create_file_schema(writer, migrations.SCHEMA_VERSION)
            with writer.atomic():
                for model in _models():
                    if _copied(model):
                        say(f"正在复制：{model._meta.table_name}")
                        _insert(writer, model, source)
                from app.store import search

                search.ensure(writer)  # the file's text index, filled once from the copied register
            say("正在核对行数和校验值")
            compare(source, writer, report)
            say("正在写出文书文件")
            report.documents = _documents_out(target)
        writer.close()
        os.replace(partial, target)
    except BaseException:
        writer.close()
        partial.unlink(missing_ok=True)
        raise
    return report


def _create_file_schema(writer: peewee.SqliteDatabase, version: int) -> None:
    from app.store import migrations

    writer.connect()
    for model in _models():
        peewee.SchemaManager(model, database=writer).create_all(safe=True)
    migrations.protect_audit_trail(writer)
    writer.execute_sql(f"PRAGMA user_version = {version}")


def _documents_out(target: Path) -> int:
    folder = paths.documents_dir(target)
    n = 0
    for name, data in files.stored():
        path = folder / name
        files.write(path, data)
        if hashlib.sha256(path.read_bytes()).hexdigest() != hashlib.sha256(data).hexdigest():
            raise StoreError(f"核对不一致：文书文件 {name} 没有完整写出。")
        n += 1
    return n
