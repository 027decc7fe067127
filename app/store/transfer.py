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
import json
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
    templates: int = 0  # the office's edited Word templates (docs/server.md, "Moving an office")
    renumbered: bool = False  # the rows took new ids (other offices were on the server already)


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


# ---- new ids for a file that joins a server other offices use ---------------------------------
#
# The server's ids come from sequences shared by every office (docs/district.md): a file's rows then
# take ids freshly drawn from them, and every reference to an id is rewritten with it. References
# are the foreign keys (found from the models) and the ids written inside other columns, listed here
# and in docs/district.md ("Ids inside other columns"); everything else (登记编号, 文号, the
# documents' names, the settings) stays as it is.

# A timeline entry's data (event.data, JSON): key → the table its id is of.
EVENT_DATA_IDS = {"ref": "event", "document_id": "document", "dispute_id": "dispute"}
# The audit trail's entity_id, by entity: the table its id is of (others are no id: "calendar" days,
# years, "settings", file names …; a non-numeric entity_id, such as a week's 舆情 report, stays).
AUDIT_ENTITY_IDS = {
    "request": "request", "document": "document", "secrecy_review": "secrecy_review", "dispute": "dispute",
    "proactive_item": "proactive_item", "proactive_comment": "proactive_comment", "opinion_item": "opinion_item",
    "publication": "publication", "press_event": "press_event", "press_inquiry": "press_inquiry",
    "spokesperson": "spokesperson", "interpretation": "proactive_item"}  # an interpretation by its item's id
# … its changes (JSON, field → [old, new]), by entity and field.
AUDIT_CHANGE_IDS = {("proactive_comment", "item"): "proactive_item", ("publication", "item"): "proactive_item",
                    ("press_event", "opinion_id"): "opinion_item", ("opinion_item", "step"): "opinion_step"}
# audit_entry.case_id is a request's id (not a foreign key: the trail outlives nothing, but is never tied).
AUDIT_CASE_TABLE = "request"


def _own_ids(model: type[peewee.Model]) -> bool:
    return _copied(model) and isinstance(model._meta.primary_key, peewee.AutoField)


def _number(value: object) -> int | None:
    """An id as written inside text or JSON (an int, or its digits), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


Visit = Callable[[str, object], object]  # (table, an id as written) → the id to write


class Renumbering:
    """Old id → new id of every table with ids of its own, for the rows of a file moved into a server
    where other offices have rows. Each table's ids come from its server sequence (engine.take_ids) in
    the order of the old ones, so every list ordered by id keeps its order. An id that is referred to
    but whose row is gone (a step taken back, say) gets a new id too, which no row will ever have."""

    def __init__(self, new: dict[str, dict[int, int]]):
        self.new = new

    @classmethod
    def drawn(cls, source: peewee.Database, target: peewee.Database) -> Renumbering:
        wanted = _ids_in(source)
        return cls({table: dict(zip(sorted(ids), engine.take_ids(table, len(ids), target)))
                    for table, ids in wanted.items()})

    def of(self, table: str, old: object) -> object:
        """The new id of `old` (an id of `table`, as an int or its digits, in the same form); anything
        that is no id (None, "list") as it is."""
        number = _number(old)
        if number is None:
            return old
        new = self.new[table][number]
        return str(new) if isinstance(old, str) else new

    def row_of(self, model: type[peewee.Model]) -> Callable[[tuple], tuple]:
        """A function giving a row of `model` (as `rows` reads it) with its new ids."""
        return _ids_of_row(model, self.of)


def _ids_of_row(model: type[peewee.Model], visit: Visit) -> Callable[[tuple], tuple]:
    """A function passing every id of a row of `model` through `visit` (its own, its foreign keys, those
    inside its columns), giving the row with what `visit` returned."""
    fields = model._meta.sorted_fields
    by_position: list[tuple[int, str]] = []
    for i, f in enumerate(fields):
        if isinstance(f, peewee.ForeignKeyField):
            by_position.append((i, f.rel_model._meta.table_name))
        elif isinstance(f, peewee.AutoField):
            by_position.append((i, model._meta.table_name))
    within = _WITHIN.get(model._meta.table_name)
    index = {f.column_name: i for i, f in enumerate(fields)}

    def row_with_ids(row: tuple) -> tuple:
        values = list(row)
        for i, table in by_position:
            values[i] = visit(table, values[i])
        if within is not None:
            within(visit, values, index)
        return tuple(values)

    return row_with_ids


def _json_rewritten(text: str, rewrite: Callable[[dict], bool]) -> str:
    """`text` (a JSON object) with ids rewritten by `rewrite` (True when it changed any); text that
    needs no change is kept as it was, byte for byte."""
    value = _loaded(text)
    if not rewrite(value):
        return text
    return json.dumps(value, ensure_ascii=False, default=str)


def _loaded(text: str) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _event_ids(visit: Visit, values: list, index: dict[str, int]) -> None:
    def rewrite(data: dict) -> bool:
        found = [key for key in EVENT_DATA_IDS if _number(data.get(key)) is not None]
        for key in found:
            data[key] = visit(EVENT_DATA_IDS[key], data[key])
        return bool(found)

    values[index["data"]] = _json_rewritten(values[index["data"]], rewrite)


def _audit_ids(visit: Visit, values: list, index: dict[str, int]) -> None:
    entity = values[index["entity"]]
    if entity in AUDIT_ENTITY_IDS:
        values[index["entity_id"]] = visit(AUDIT_ENTITY_IDS[entity], values[index["entity_id"]])
    values[index["case_id"]] = visit(AUDIT_CASE_TABLE, values[index["case_id"]])
    fields = {name: table for (of, name), table in AUDIT_CHANGE_IDS.items() if of == entity}

    def rewrite(changes: dict) -> bool:
        found = [name for name in fields if isinstance(changes.get(name), list)]
        for name in found:
            changes[name] = [visit(fields[name], v) for v in changes[name]]
        return bool(found)

    if fields:
        values[index["changes"]] = _json_rewritten(values[index["changes"]], rewrite)


_WITHIN: dict[str, Callable[[Visit, list, dict[str, int]], None]] = {"event": _event_ids, "audit_entry": _audit_ids}


def _ids_in(source: peewee.Database) -> dict[str, set[int]]:
    """Every id of the file that needs a new one: its rows' own and every one referred to (foreign
    keys, and inside columns), whether or not its row is still there."""
    wanted: dict[str, set[int]] = {m._meta.table_name: set() for m in _models() if _own_ids(m)}

    def seen(table: str, value: object) -> object:
        number = _number(value)
        if number is not None:
            wanted[table].add(number)
        return value

    for model in _models():
        holds_ids = _own_ids(model) or model._meta.table_name in _WITHIN or any(
            isinstance(f, peewee.ForeignKeyField) for f in model._meta.sorted_fields)
        if _copied(model) and holds_ids:
            look = _ids_of_row(model, seen)
            for row in rows(source, model):
                look(row)
    return wanted


def _canon(value: object) -> str:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def digest(db: peewee.Database, model: type[peewee.Model], renumbered: Renumbering | None = None) -> tuple[int, str]:
    """(rows, SHA-256 over every row) of `model` in `db`: equal on both engines for equal data. With
    `renumbered`, each row as it reads with its new ids (the source of a file that moved in renumbered)."""
    h, n = hashlib.sha256(), 0
    for row in _rows_as(db, model, renumbered):
        h.update(("\x1f".join(_canon(v) for v in row) + "\x1e").encode("utf-8"))
        n += 1
    return n, h.hexdigest()


def _rows_as(db: peewee.Database, model: type[peewee.Model], renumbered: Renumbering | None) -> Iterator[tuple]:
    if renumbered is None:
        return rows(db, model)
    return map(renumbered.row_of(model), rows(db, model))


def _insert(target: peewee.Database, model: type[peewee.Model], source: peewee.Database,
            renumbered: Renumbering | None = None) -> int:
    fields = model._meta.sorted_fields
    batch, n = [], 0
    for row in _rows_as(source, model, renumbered):
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
            tables: set[str] | None = None, renumbered: Renumbering | None = None) -> TransferReport:
    """Count and checksum every copied table (or `tables`) on both sides; StoreError on a difference.
    With `renumbered`, the source's rows are compared as they read with their new ids."""
    report = report or TransferReport()
    for model in _models():
        name = model._meta.table_name
        if not _copied(model) or (tables is not None and name not in tables):
            continue
        mine, theirs = digest(source, model, renumbered), digest(target, model)
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
    """Whether any office has had rows on the server (its id sequences have handed out an id), whatever
    the district's policies let this login see: then the file's rows take new ids (Renumbering)."""
    return any(engine.ids_taken(m._meta.table_name, db, m._meta.primary_key.column_name)
               for m in _models() if _own_ids(m))


def file_into_server(source: Path, progress: Progress | None = None) -> TransferReport:
    """Copy the office in the SQLite file `source` (closed, checked, at the current version) into the
    open server database, where this login's office holds nothing yet; all in one transaction,
    compared before it commits. On a server where other offices have had rows, every row takes a new
    id and every reference to it follows (Renumbering; 登记编号 and 文号 stay). Raises StoreError
    (nothing kept)."""
    target = database.obj
    say = progress or (lambda _text: None)
    reader = peewee.SqliteDatabase(readonly_uri(source), uri=True)
    report = TransferReport()
    try:
        with target.atomic():
            if has_data(target):
                raise StoreError("服务器上的这个数据库已经有本单位的数据（机关设置、申请或审计记录），迁移只能做一次，"
                                 "不会覆盖已有数据。如需重来，请信息技术人员清空或新建数据库。")
            renumbered = None
            if _others_there(target):
                say("服务器上已有其他单位的数据：为迁入的每一行分配新的内部编号（登记编号和文号不变）")
                renumbered = Renumbering.drawn(reader, target)
            for model in _models():
                if _copied(model):
                    say(f"正在复制：{model._meta.table_name}")
                    _insert(target, model, reader, renumbered)
            _restart_sequences(target)
            say("正在复制文书文件和本单位修改过的模板")
            report.documents = _documents_in(source)
            report.templates = _templates_in(source)
            say("正在核对行数和校验值")
            compare(reader, target, report, renumbered=renumbered)
            _compare_documents(source)
            _compare_templates(source)
            report.renumbered = renumbered is not None
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


def _template_files(db_path: Path) -> list[Path]:
    """The office's edited templates beside its file: the .docx files of its 模板 folder (what was
    set aside, in its subfolders, stays behind)."""
    folder = paths.user_templates_dir(db_path)
    return sorted(p for p in folder.glob("*.docx") if p.is_file()) if folder.is_dir() else []


def _templates_in(source: Path) -> int:
    """The file's edited templates into the database, where every desk of the office finds them
    (services.templates keeps an office's templates there on a server)."""
    found = _template_files(source)
    for file in found:
        files.put(files.TEMPLATES, file.name, file.read_bytes())
    return len(found)


def _compare_templates(source: Path) -> None:
    for file in _template_files(source):
        if files.digest(files.TEMPLATES, file.name) != hashlib.sha256(file.read_bytes()).hexdigest():
            raise StoreError(f"核对不一致：模板 {file.name} 没有完整复制，本次迁移没有保留任何数据。")


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
            say("正在写出文书文件和本单位修改过的模板")
            report.documents = _documents_out(target)
            report.templates = _templates_out(target)
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


def _templates_out(target: Path) -> int:
    """The office's edited templates beside the new file, where a SQLite office keeps them."""
    folder = paths.user_templates_dir(target)
    n = 0
    for name, data in files.stored(files.TEMPLATES):
        files.write(folder / name, data)
        n += 1
    return n


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
