import sqlite3

import pytest

from app.store import db as store_db
from app.store import migrations

# PRAGMA user_version, WAL and sqlite_master are the file's; the server's schema version, migration and
# shape are tested in tests/store/test_server.py.
pytestmark = pytest.mark.sqlite_only("数据文件的版本号与结构")


def test_new_database_gets_the_current_version_wal_and_foreign_keys(db_path):
    database = store_db.open_database(db_path)
    assert migrations.current_version(database) == migrations.SCHEMA_VERSION
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    store_db.close_database()


def test_a_database_newer_than_the_program_is_refused(db_path):
    store_db.open_database(db_path)
    store_db.close_database()
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(store_db.DatabaseTooNew, match="更新版本"):
        store_db.open_database(db_path)


def test_an_older_database_is_copied_aside_before_migrating(db_path, monkeypatch):
    store_db.open_database(db_path)
    store_db.close_database()
    ran = []
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", migrations.SCHEMA_VERSION + 1)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [lambda d: ran.append(1)])
    store_db.open_database(db_path)
    store_db.close_database()
    assert ran == [1]
    version = migrations.SCHEMA_VERSION - 1  # the version the file had before this test's migration
    copies = list(db_path.parent.glob(f"register.v{version}-迁移前-*.sqlite"))
    assert len(copies) == 1
    assert sqlite3.connect(copies[0]).execute("PRAGMA user_version").fetchone()[0] == version


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(db_path):
    db_path.write_bytes(b"this is a word document, not a database" * 10)
    before = db_path.read_bytes()
    with pytest.raises(store_db.DatabaseDamaged, match="已损坏"):
        store_db.open_database(db_path)
    assert db_path.read_bytes() == before


def test_the_expected_table_names_match_the_models(db_path):
    """migrations.EXPECTED_TABLES lets the usual start skip importing every model; it must not drift."""
    from app.store.schema import all_models

    assert migrations.EXPECTED_TABLES == {m._meta.table_name for m in all_models()}


def test_a_missing_table_is_created_at_the_next_open(db_path):
    store_db.open_database(db_path)
    store_db.close_database()
    con = sqlite3.connect(db_path)
    con.execute("DROP TABLE hearing")
    con.commit()
    con.close()
    store_db.open_database(db_path)
    store_db.close_database()
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT name FROM sqlite_master WHERE name='hearing'").fetchone() == ("hearing",)
    con.close()


def test_a_database_made_before_the_search_index_gets_it_when_opened(db_path):
    name = "request_received_on_id_year_status_outcome_search_text"
    store_db.open_database(db_path)
    store_db.close_database()
    con = sqlite3.connect(db_path)
    con.execute(f"DROP INDEX {name}")  # as a database from before the index was added
    con.close()
    store_db.open_database(db_path)
    store_db.close_database()
    con = sqlite3.connect(db_path)
    indexes = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    con.close()
    assert name in indexes


def test_version_2_adds_the_duties_tables_and_makes_each_interpretation_a_record(db_path):
    """A file of version 1 (before 舆情, 新闻发布, 政策解读 records): its tables are added and the
    interpretation an entry carried as title and date becomes its 政策解读 record (docs/legal/duties.md)."""
    store_db.open_database(db_path)
    store_db.close_database()
    con = sqlite3.connect(db_path)
    for table in ("publication", "interpretation", "press_event", "opinion_step", "opinion_item", "press_inquiry",
                  "spokesperson"):
        con.execute(f"DROP TABLE {table}")
    con.execute("INSERT INTO proactive_item (title, doc_no, kind, section, made_on, attribute, attribute_reason, "
                "place, interpretation_title, interpretation_on, no_interpretation_reason, comment_exempt_reason, "
                "notes, created_at, updated_at) VALUES ('宅基地管理办法', '', '行政规范性文件', '农业农村办', "
                "'2025-03-03', '主动公开', '', '政府门户网站', '宅基地管理办法解读', '2025-03-05', '', '', '', "
                "'2025-03-03', '2025-03-03')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    store_db.open_database(db_path)
    store_db.close_database()
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    rows = con.execute("SELECT title, section, forms, published_on, place FROM interpretation").fetchall()
    con.close()
    assert rows == [("宅基地管理办法解读", "农业农村办", '["文字解读"]', "2025-03-05", "政府门户网站")]


def test_version_3_adds_the_delivery_of_a_notice_and_takes_back_unsourced_confirmations(db_path):
    """docs/legal/holidays.md, 已确认年度: a year is confirmed only with its source named (the State Council
    notice); a file of version 2 or older confirmed years by importing any file. Those confirmations are taken back,
    a named one is kept, and documents gain their delivery (送达) columns."""
    store_db.open_database(db_path)
    store_db.close_database()
    con = sqlite3.connect(db_path)
    con.execute("ALTER TABLE document DROP COLUMN delivered_on")
    con.execute("ALTER TABLE document DROP COLUMN delivery_method")
    con.execute("INSERT INTO calendar_year (year, note) VALUES (2027, '导入自 节假日安排示例.csv')")
    con.execute("INSERT INTO calendar_year (year, note) VALUES (2028, '国务院办公厅关于2028年部分节假日安排的通知')")
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()
    database = store_db.open_database(db_path)
    assert migrations.current_version(database) == migrations.SCHEMA_VERSION
    store_db.close_database()
    con = sqlite3.connect(db_path)
    assert [r[0] for r in con.execute("SELECT year FROM calendar_year")] == [2028]
    assert {"delivered_on", "delivery_method"} <= {r[1] for r in con.execute("PRAGMA table_info(document)")}
    con.close()


def test_identity_numbers_stored_as_typed_take_their_one_form_when_the_file_is_migrated(db_path):
    import datetime as dt

    from app.domain.request import RequestData
    from app.services import register, settings
    from app.services.demo import demo_settings
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(db_path)
    settings.save(demo_settings())
    for name in ("甲", "乙"):
        register.register(RequestData(name=name, id_number="11010519491231002X", phone="13812345678",
                                      address="茅畲村1号", info_description="预算", arrived_on=dt.date(2026, 3, 5),
                                      channel="当面"), today=dt.date(2026, 3, 6))
    close_workspace()
    con = sqlite3.connect(db_path)  # as version 3 stored them: typed with spaces, a small x, full-width digits
    con.execute("UPDATE request SET id_number = '110105 19491231 002x' WHERE name = '甲'")
    con.execute("UPDATE request SET id_number = '１１０１０５１９４９１２３１００２Ｘ' WHERE name = '乙'")
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    open_workspace(db_path)
    close_workspace()
    con = sqlite3.connect(db_path)
    stored = {name: number for name, number in con.execute("SELECT name, id_number FROM request")}
    con.close()
    assert stored == {"甲": "11010519491231002X", "乙": "11010519491231002X"}


def test_a_version_1_file_gets_the_text_index_and_the_list_indexes(db_path):
    """Version 2 (docs/performance.md): the register's text index, its triggers, and an index for
    every order of the list; the requests already there are in the index."""
    from app.store import search

    store_db.open_database(db_path)
    store_db.database.execute_sql("INSERT INTO request (case_no, year, seq, applicant_type, applicant_kind, name, "
                                  "channel, arrived_on, received_on, status, search_text, due_key, created_at, "
                                  "updated_at, id_type, id_number, legal_rep, contact_person, phone, address, "
                                  "postcode, email, info_name, info_doc_no, info_description, form_wanted, "
                                  "delivery_method, department, fee_reduction, notes) VALUES ('〔2025〕第1号', 2025, 1, "
                                  "'person', '自然人', '王丽', '当面', '2025-03-03', '2025-03-03', '登记', "
                                  "'〔2025〕第1号\n王丽\n土地征收', '', '2025-03-03', '2025-03-03', '', '', '', '', '', '', "
                                  "'', '', '', '', '', '', '', '', 0, '')")
    store_db.close_database()
    con = sqlite3.connect(db_path)
    for kind, name in search.OBJECTS:
        if kind == "trigger":
            con.execute(f"DROP TRIGGER {name}")
    con.execute(f"DROP TABLE {search.TERMS}")
    con.execute(f"DROP TABLE {search.TABLE}")
    for index in ("request_year_seq", "request_name", "request_info_name", "request_answered_on"):
        con.execute(f"DROP INDEX {index}")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    database = store_db.open_database(db_path)
    names = {(t, n) for t, n in database.execute_sql("SELECT type, name FROM sqlite_master").fetchall()}
    assert search.OBJECTS <= names
    assert ("index", "request_name") in names and ("index", "request_year_seq") in names
    assert migrations.current_version(database) == migrations.SCHEMA_VERSION
    hits = database.execute_sql(f"SELECT rowid FROM {search.TABLE} WHERE {search.TABLE} MATCH ?",
                                ('"土地征"',)).fetchall()
    assert hits == [(1,)]
    store_db.close_database()
    assert list(db_path.parent.glob("register.v1-迁移前-*.sqlite"))


def test_a_version_6_file_gets_the_indexes_the_annual_report_counts_from(db_path):
    from app.store.schema import REPORT_INDEXES, index_name

    store_db.open_database(db_path)
    store_db.close_database()
    names = [index_name(table, columns) for table, columns in REPORT_INDEXES.items()]
    con = sqlite3.connect(db_path)
    for name in names:
        con.execute(f"DROP INDEX {name}")
    con.execute("PRAGMA user_version = 6")
    con.commit()
    con.close()
    database = store_db.open_database(db_path)
    found = {n for (n,) in database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
    assert set(names) <= found
    assert migrations.current_version(database) == 7
    store_db.close_database()
