"""The office's database on a PostgreSQL server (docs/server.md): its schema and version, what it
refuses, the audit trail's protection and the search index — the server's meaning of what the
file's tests (test_db_damage, test_migrations) check for SQLite."""
from __future__ import annotations

import datetime as dt

import psycopg
import pytest

from app.domain.request import CaseQuery, RequestData
from app.services import register, settings
from app.services.demo import demo_settings
from app.services.errors import DatabaseDamaged, DatabaseReadOnly, DatabaseTooNew, StoreError
from app.services.workspace import close_workspace, open_workspace
from app.store import db as store_db
from app.store import migrations, register as store_register, server as store_server
from app.store.db import database

TODAY = dt.date(2026, 11, 20)


def person(name: str = "张三", **values) -> RequestData:
    return RequestData(**{**dict(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                                 info_description="土地征收补偿方案", arrived_on=dt.date(2026, 3, 5), channel="当面"),
                          **values})


@pytest.fixture
def url(server_url):
    return server_url


def admin(url: str):
    return psycopg.connect(url, autocommit=True)


def test_a_new_database_gets_the_schema_its_version_and_the_servers_shape(url):
    open_workspace(url)
    assert migrations.current_version(database.obj) == migrations.SCHEMA_VERSION
    names = store_server.object_names(database.obj)
    assert {("table", t) for t in migrations.EXPECTED_TABLES} <= names
    assert ("index", store_server.SEARCH_INDEX) in names
    assert {("trigger", t) for t in store_server.AUDIT_TRIGGERS} <= names
    assert not store_server.needs_tidying(database.obj)
    close_workspace()
    with admin(url) as con:
        bounded = con.execute("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' "
                              "AND character_maximum_length IS NOT NULL").fetchone()[0]
        assert bounded == 0  # no VARCHAR(255) the file never had
        collations = {c for (c,) in con.execute(
            "SELECT DISTINCT collation_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND data_type IN ('text', 'character varying') AND table_name <> 'schema_version'")}
        assert collations == {"C"}  # text sorts by code point, as in the file
        assert con.execute("SELECT version FROM schema_version").fetchall() == [(migrations.SCHEMA_VERSION,)]


def test_what_fits_in_the_file_fits_on_the_server(url):
    open_workspace(url)
    settings.save(demo_settings())
    long_name = "关于" + "茅畲村土地征收补偿安置方案及补偿款发放明细" * 20  # far beyond VARCHAR(255)
    case = register.register(person(info_name=long_name, info_description="说明" * 3000), today=TODAY)
    assert register.get_case(case.id).info_name == long_name
    assert register.count(CaseQuery(text="补偿款发放")) == 1


def test_a_database_newer_than_the_program_is_refused_and_nothing_opens(url):
    open_workspace(url)
    close_workspace()
    with admin(url) as con:
        con.execute("UPDATE schema_version SET version = %s", (migrations.SCHEMA_VERSION + 1,))
    with pytest.raises(DatabaseTooNew) as info:
        open_workspace(url)
    assert "更新版本" in str(info.value) and "请升级程序" in str(info.value)
    assert not store_db.is_open()


def test_another_programs_database_is_refused_untouched(url):
    with admin(url) as con:
        con.execute("CREATE TABLE invoices (id serial PRIMARY KEY, total numeric)")
    with pytest.raises(DatabaseDamaged, match="其他程序"):
        open_workspace(url)
    assert not store_db.is_open()
    with admin(url) as con:
        tables = {t for (t,) in con.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert tables == {"invoices"}


def test_the_audit_trail_refuses_update_delete_and_truncate(url):
    open_workspace(url)
    settings.save(demo_settings())
    register.register(person(), today=TODAY)
    close_workspace()
    with admin(url) as con:
        n = con.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
        assert n >= 2
        for statement in ("UPDATE audit_entry SET operator = '他人'", "DELETE FROM audit_entry",
                          "TRUNCATE audit_entry"):
            with pytest.raises(psycopg.errors.RaiseException, match="只能追加"):
                con.execute(statement)
        con.execute("INSERT INTO audit_entry (at, operator, entity, entity_id, action, changes) "
                    "VALUES (now(), 'x', 'test', '1', '追加', '{}')")  # appending still works
        assert con.execute("SELECT count(*) FROM audit_entry").fetchone()[0] == n + 1


def test_a_read_only_connection_refuses_every_write(url):
    open_workspace(url)
    settings.save(demo_settings())
    close_workspace()
    open_workspace(url, readonly=True)
    assert settings.load().short_name == "茅畲乡"
    with pytest.raises(DatabaseReadOnly, match="只读"):
        settings.save(demo_settings())


def test_a_pending_migration_runs_once_with_its_version(url, monkeypatch):
    open_workspace(url)
    close_workspace()
    ran = []
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", migrations.SCHEMA_VERSION + 1)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [lambda db: ran.append(1)])
    open_workspace(url)
    close_workspace()
    open_workspace(url)
    assert ran == [1]
    assert migrations.current_version(database.obj) == migrations.SCHEMA_VERSION


def test_a_failed_migration_leaves_the_schema_as_it_was(url, monkeypatch):
    open_workspace(url)
    close_workspace()

    def broken(db):
        db.execute_sql("CREATE TABLE half_done (id integer)")
        raise RuntimeError("迁移出错")

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", migrations.SCHEMA_VERSION + 1)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [broken])
    with pytest.raises(RuntimeError):
        open_workspace(url)
    with admin(url) as con:
        assert con.execute("SELECT to_regclass('half_done')").fetchone() == (None,)
        assert con.execute("SELECT version FROM schema_version").fetchall() == [(migrations.SCHEMA_VERSION - 1,)]


def test_a_missing_table_and_trigger_are_made_again_at_the_next_open(url):
    open_workspace(url)
    close_workspace()
    with admin(url) as con:
        con.execute("DROP TABLE hearing")
        con.execute("DROP TRIGGER audit_entry_no_delete ON audit_entry")
    open_workspace(url)
    names = store_server.object_names(database.obj)
    assert ("table", "hearing") in names and ("trigger", "audit_entry_no_delete") in names


def test_the_search_is_answered_by_the_servers_indexes(url):
    open_workspace(url)
    settings.save(demo_settings())
    for name in ("王丽", "李明", "张伟"):
        register.register(person(name), today=TODAY)
    with database.atomic():
        database.execute_sql("SET LOCAL enable_seqscan = off")  # three rows: show the index can answer
        plans = {}
        for text in ("王丽", "土地征收"):
            sql, params = store_register.Request.select().where(*store_register._where(CaseQuery(text=text))).sql()
            plans[text] = " ".join(r[0] for r in database.execute_sql("EXPLAIN " + sql, params).fetchall())
    # The pieces' index or the district's one with the office in front (store.district), whichever the
    # planner takes; never a scan of the table.
    from app.store import district

    grams = (store_server.GRAMS_INDEX, district.OFFICE_GRAMS_INDEX)
    texts = (store_server.SEARCH_INDEX, district.OFFICE_SEARCH_INDEX)
    assert any(i in plans["王丽"] for i in grams) and any(i in plans["土地征收"] for i in texts), plans
    assert [r.name for r in register.list_rows(CaseQuery(text="王丽"))] == ["王丽"]
    assert register.count(CaseQuery(text="%")) == 0  # LIKE's wildcards are searched as text


def test_a_real_serialization_failure_is_a_write_conflict_in_chinese(url):
    """Two transactions of the server changing the same row: the later one fails with SQLSTATE 40001,
    which the store tells as WriteConflict (store.db.retried runs such a save again)."""
    from app.store.errors import WriteConflict

    open_workspace(url)
    settings.save(demo_settings())
    register.register(person(), today=TODAY)
    close_workspace()
    with admin(url) as first, admin(url) as second:
        first.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        first.execute("SELECT last FROM sequence").fetchall()
        second.execute("UPDATE sequence SET last = last + 1")
        with pytest.raises(psycopg.errors.SerializationFailure) as info:
            first.execute("UPDATE sequence SET last = last + 1")
        first.execute("ROLLBACK")
    translated = store_server.translate(info.value, url)
    assert isinstance(translated, WriteConflict) and "请重试" in str(translated)


def test_sql_written_for_both_engines_runs_on_the_server(url):
    """A migration's plain SQL with a literal % (LIKE '%…%', as _v3's) and no parameters runs as it
    does in the file (psycopg would read the % as a placeholder)."""
    open_workspace(url)
    settings.save(demo_settings())
    assert database.execute_sql("SELECT count(*) FROM setting WHERE key LIKE '%offic%'").fetchone() == (1,)
    assert database.execute_sql("SELECT count(*) FROM setting WHERE key LIKE %s", ("%offic%",)).fetchone() == (1,)


def test_the_password_never_shows_in_messages():
    assert store_server.display("postgresql://clerk:s3cret@db.example:5433/zwgk") == "clerk@db.example:5433/zwgk"


def test_an_address_that_is_not_a_server_is_refused_in_chinese(tmp_path):
    with pytest.raises(StoreError, match="无法识别的数据库地址"):
        open_workspace("mysql://clerk@db/zwgk")
