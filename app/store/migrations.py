"""Schema version and the ordered chain of migrations (vorta's habit).

The version lives in PRAGMA user_version (on a server: the schema_version table, store.server).
Before any migration a file is copied aside with SQLite's backup API (a server is backed up by
its administrators, docs/server.md); a database newer than the program is refused.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Callable

from app.store.base import peewee

from app.store import engine
from app.store.errors import DatabaseTooNew

SCHEMA_VERSION = 7


def _v1(db: peewee.SqliteDatabase) -> None:
    from app.store.schema import all_models

    db.create_tables(all_models(), safe=True)


def _v2(db: peewee.SqliteDatabase) -> None:
    """舆情回应, 新闻发布, 政策解读 and 信息发布登记 (docs/legal/duties.md): their tables, and the
    interpretation each proactive entry carried as two fields (title, date) becomes its 政策解读
    record, published where the document was, for the clerk to complete."""
    import json

    from app.store.schema import DUTY_MODELS, Interpretation, ProactiveItem

    db.create_tables(DUTY_MODELS, safe=True)
    if "proactive_item" not in db.get_tables():
        return  # a file from before the register had one: nothing to carry over
    old = ProactiveItem.select().where((ProactiveItem.interpretation_title != "")
                                       | ProactiveItem.interpretation_on.is_null(False))
    for item in old:
        if Interpretation.get_or_none(Interpretation.item == item.id) is None:
            Interpretation.create(item=item.id, title=item.interpretation_title or f"《{item.title}》政策解读",
                                  section=item.section, forms=json.dumps(["文字解读"], ensure_ascii=False),
                                  published_on=item.interpretation_on,
                                  place=item.place if item.interpretation_on else "")


def _columns(db: peewee.Database, table: str) -> set[str]:
    if engine.on_server(db):
        from app.store import server

        return server.columns(db, table)
    return {row[1] for row in db.execute_sql(f"PRAGMA table_info({table})").fetchall()}


def _v3(db: peewee.SqliteDatabase) -> None:
    """The delivery (送达) of a notice, and confirmed years only by an explicit, complete act.

    * document.delivered_on / delivery_method: periods that run from the addressee's receipt
      (条例第三十二条、第三十四条; 国办函〔2020〕109号) count from the day a notice was delivered.
    * calendar_year: a year was marked confirmed by merely importing a file (even one row of it).
      A year is confirmed only by an act that checks the schedule is complete and names the State
      Council notice (docs/legal/holidays.md, 已确认年度), so confirmations that name no such source
      are taken back; the clerk confirms the year again on the calendar page.
    """
    document = _columns(db, "document")
    if document and "delivered_on" not in document:
        db.execute_sql("ALTER TABLE document ADD COLUMN delivered_on DATE")
    if document and "delivery_method" not in document:
        db.execute_sql("ALTER TABLE document ADD COLUMN delivery_method VARCHAR(255) NOT NULL DEFAULT ''")
    if _columns(db, "calendar_year"):
        db.execute_sql("DELETE FROM calendar_year WHERE note NOT LIKE '%国务院%' AND note NOT LIKE '%国办%'")


def _v4(db: peewee.SqliteDatabase) -> None:
    """Identity numbers stored as typed (spaces, a lower-case x, full-width digits) take their one
    form (app.domain.ids.normalise_id), as every number entered from now on does."""
    from app.domain.ids import normalise_id

    if not db.table_exists("request"):
        return  # created in its final form below (migrate → create_tables)
    if engine.on_server(db):  # the server runs no Python: the numbers that change are written one by one
        for case_id, number in db.execute_sql("SELECT id, id_number FROM request").fetchall():
            if normalise_id(number) != number:
                db.execute_sql("UPDATE request SET id_number = %s WHERE id = %s", (normalise_id(number), case_id))
        return
    db.connection().create_function("zwgk_normalise_id", 1, normalise_id, deterministic=True)
    db.execute_sql("UPDATE request SET id_number = zwgk_normalise_id(id_number) "
                   "WHERE id_number <> zwgk_normalise_id(id_number)")


def _v5(db: peewee.SqliteDatabase) -> None:
    """The register's text index (store.search), an index for every order of the list and one the
    annual report counts from, and the stored limits of open cases (store.limits); docs/performance.md.

    On a server the text index is PostgreSQL's: pg_trgm over search_text and the set of one- and
    two-character pieces (store.server.tidy, docs/server.md), with no B-tree over the text."""
    from app.store import search
    from app.store.schema import LIMIT_MODELS, Request

    if not db.table_exists("request"):
        return  # created in its final form below (migrate → create_tables, search.ensure)
    Request.create_table(safe=True)  # CREATE INDEX IF NOT EXISTS for the indexes the model declares
    db.create_tables(LIMIT_MODELS, safe=True)
    if engine.on_server(db):
        from app.store import server

        server.tidy(db)
        return
    search.ensure(db)


def _offices(db: peewee.SqliteDatabase) -> None:
    """A district on one server (docs/district.md): on a server every office table gets its `office`
    column, filled by the server from the login, and the keys unique in one office become unique per
    office. A file is one office: nothing changes in it. (The roles and policies are `server init`'s.)"""
    if engine.on_server(db):
        from app.store import district

        district.add_office_columns(db)


def _report_indexes(db: peewee.SqliteDatabase) -> None:
    """The indexes the annual report counts from (store.report, docs/performance.md): the requests not
    concluded in a year, the year's disputes, its fee notices and payments; on a file and on a server."""
    from app.store.schema import REPORT_INDEXES, index_name

    for table, columns in REPORT_INDEXES.items():
        if db.table_exists(table):  # else created in its final form below (migrate → create_tables)
            quoted = ", ".join(f'"{c}"' for c in columns)
            db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{index_name(table, columns)}" ON "{table}" ({quoted})')


# MIGRATIONS[i] brings the schema from version i to i+1; append, never edit.
MIGRATIONS: list[Callable[[peewee.SqliteDatabase], None]] = [_v1, _v2, _v3, _v4, _v5, _offices,
                                                              _report_indexes]


def current_version(db: peewee.Database) -> int:
    if engine.on_server(db):
        from app.store import server

        return server.schema_version(db)
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def _set_version(db: peewee.Database, version: int) -> None:
    if engine.on_server(db):
        from app.store import server

        server.set_schema_version(db, version)
    else:
        db.execute_sql(f"PRAGMA user_version = {version}")


def check_version(db: peewee.SqliteDatabase) -> int:
    version = current_version(db)
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"该数据库由更新版本的政务公开工作台创建（数据版本 {version}，本程序支持 {SCHEMA_VERSION}），"
            "请升级程序后再打开，以免损坏数据。")
    return version


def copy_aside(path: Path, version: int) -> Path | None:
    """Copy the file with the online backup API before migrating it."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-迁移前-{stamp}{path.suffix}")
    src = sqlite3.connect(str(path))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def migrate(db: peewee.Database, path: Path | str) -> None:
    """Run every pending migration, each in its own transaction that also bumps the version."""
    if engine.on_server(db):
        from app.store import server

        with server.migration_lock(db):  # a second desk starting now waits, then finds it done
            _migrate(db, path)
        return
    _migrate(db, path)


def _migrate(db: peewee.Database, path: Path | str) -> None:
    from app.store.schema import all_models

    version = check_version(db)
    if 0 < version < SCHEMA_VERSION and not engine.on_server(db):
        copy_aside(Path(path), version)
    for index in range(version, SCHEMA_VERSION):
        with db.atomic(*engine.write_args(db)):
            MIGRATIONS[index](db)
            _set_version(db, index + 1)
    if version == SCHEMA_VERSION and _schema_complete(db):
        return  # the usual start: nothing to add, and no need to import every model
    # Tables added by later rooms before a release are created here; safe=True makes it idempotent.
    # (A server changes its schema in one transaction, so a failure leaves it as it was.)
    with db.atomic() if engine.on_server(db) else contextlib.nullcontext():
        _ensure_columns(db)
        db.create_tables(all_models(), safe=True)
        protect_audit_trail(db)
        from app.store import search

        search.ensure(db)


# Every table, column added since, and trigger the program expects (a test keeps this list equal to
# the models): checking names is one query, where importing all models costs a start-up ~20 ms.
EXPECTED_TABLES = frozenset({
    "audit_entry", "calendar_entry", "calendar_year", "dispute", "document", "event", "hearing",
    "proactive_comment", "proactive_item", "request", "review_step", "secrecy_review", "sequence", "setting",
    "stored_file", "year_lock", "opinion_item", "opinion_step", "press_event", "press_inquiry", "spokesperson",
    "interpretation", "publication", "case_limit", "clock_state"})
_TRIGGERS = frozenset({"audit_entry_no_update", "audit_entry_no_delete"})
# Indexes added to core tables since (create_tables(safe=True) below makes a missing one).
_ADDED_INDEXES = frozenset({"request_received_on_id_year_status_outcome_search_text", "request_year_seq",
                            "request_name", "request_info_name", "request_answered_on",
                            "request_applicant_kind_outcome_answered_on_received_on",
                            "request_answered_before_received", "case_limit_running",
                            "request_answered_on_applicant_kind_outcome_received_on",
                            "dispute_copy_received_on_kind_result_decided_on", "event_kind_happened_on"})


def _schema_complete(db: peewee.Database) -> bool:
    if engine.on_server(db):
        return _server_schema_complete(db)
    from app.store import search

    names = {(kind, name) for kind, name in db.execute_sql(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')").fetchall()}
    expected = ({("table", t) for t in EXPECTED_TABLES} | {("trigger", t) for t in _TRIGGERS}
                | {("index", i) for i in _ADDED_INDEXES} | search.OBJECTS)
    if not expected <= names:
        return False
    for table, column, _sql_type in _ADDED_COLUMNS:
        if column not in _columns(db, table):
            return False
    return True


def _server_schema_complete(db: peewee.Database) -> bool:
    from app.store import server

    expected = ({("table", t) for t in EXPECTED_TABLES}
                | {("index", i) for i in _ADDED_INDEXES if server.keeps_index(i)})
    if not expected <= server.object_names(db) or server.needs_tidying(db):
        return False
    return all(column in server.columns(db, table) for table, column, _sql_type in _ADDED_COLUMNS)


# Columns added to core tables before the first release: (table, column, SQL type).
_ADDED_COLUMNS = [("audit_entry", "case_id", "INTEGER")]


def _ensure_columns(db: peewee.Database) -> None:
    for table, column, sql_type in _ADDED_COLUMNS:
        existing = _columns(db, table)
        if existing and column not in existing:
            db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")


def protect_audit_trail(db: peewee.Database) -> None:
    """Make the audit trail append-only in the database itself: SQLite refuses UPDATE and DELETE (on a
    server, store.server.tidy also brings the rest of the schema to the server's shape)."""
    if engine.on_server(db):
        from app.store import server

        server.tidy(db)
        return
    for verb in ("UPDATE", "DELETE"):
        db.execute_sql(
            f"CREATE TRIGGER IF NOT EXISTS audit_entry_no_{verb.lower()} BEFORE {verb} ON audit_entry "
            "BEGIN SELECT RAISE(ABORT, '审计记录只能追加，不能修改或删除'); END")
