"""The annual report's table 3 counted by the database in groups (store.report, docs/performance.md)
is the table counting every request one by one gives, cell for cell and case for case."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain import annual_report as ar
from app.services import annual_report, demo
from app.store import engine
from app.store.db import database

TODAY = dt.date(2026, 11, 20)


def _records() -> list[ar.ReportCase]:
    """Every request read plainly, as the domain's records."""
    def day(value):  # the file gives the stored text, the server a date
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)

    return [ar.ReportCase(i, day(r), k, o, day(a) if a else None) for i, r, k, o, a in database.execute_sql(
        "SELECT id, received_on, applicant_kind, outcome, answered_on FROM request").fetchall()]


@pytest.fixture
def office(workspace):
    demo.generate(2025, 500, seed=21, today=dt.date(2025, 12, 31))
    demo.generate(2026, 700, seed=22, today=TODAY)
    # Some answered in the next year, some still open from two years back.
    database.execute_sql("UPDATE request SET answered_on = '2026-01-08' WHERE id % 17 = 0 AND year = 2025 "
                         "AND outcome IS NOT NULL")
    database.execute_sql("UPDATE request SET outcome = NULL, answered_on = NULL, status = '办理中' "
                         "WHERE id % 29 = 0 AND year = 2025")


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2027])
def test_grouped_counts_are_the_one_by_one_counts(office, year):
    report = annual_report.build(year)
    one_by_one = ar.table3(_records(), year)
    assert report.t3 == one_by_one
    for row in ar.ROW_KEYS:
        for column in range(len(ar.COLUMNS)):
            listed = [r.id for r in annual_report.cases_in_cell(report, row, column)]
            assert sorted(listed) == sorted(one_by_one.case_ids(row, column)), (row, column)
            assert len(listed) == report.t3.cell(row, column)


def test_a_request_that_cannot_be_counted_is_named(office):
    first = database.execute_sql("SELECT min(id) FROM request WHERE received_on > '2026-02-01' "
                                 "AND outcome IS NOT NULL").fetchone()[0]
    database.execute_sql(engine.sql("UPDATE request SET applicant_kind = '外星人' WHERE id = ?"), (first,))
    with pytest.raises(ValueError, match=f"申请{first}的申请人类别无法计入表三"):
        annual_report.build(2026)
    database.execute_sql(engine.sql("UPDATE request SET applicant_kind = '自然人', outcome = NULL WHERE id = ?"), (first,))
    with pytest.raises(ValueError, match=f"申请{first}已办结但没有记录办理结果"):
        annual_report.build(2026)
    database.execute_sql(engine.sql("UPDATE request SET outcome = '9.9' WHERE id = ?"), (first,))
    with pytest.raises(ValueError, match=f"申请{first}的办理结果代码无法识别"):
        annual_report.build(2026)
    received = database.execute_sql(engine.sql("SELECT received_on FROM request WHERE id = ?"), (first,)).fetchone()[0]
    received = received if isinstance(received, dt.date) else dt.date.fromisoformat(received)
    database.execute_sql(engine.sql("UPDATE request SET outcome = '1', answered_on = ? WHERE id = ?"),
                         ((received - dt.timedelta(days=1)).isoformat(), first))
    with pytest.raises(ValueError, match=f"申请{first}的办结日期早于收到日期"):
        annual_report.build(2026)
    with pytest.raises(ValueError, match="办结日期早于收到日期"):
        ar.table3(_records(), 2026)


def _disputes() -> list[ar.ReportDispute]:
    """Every 复议/诉讼 read plainly, as the domain's records."""
    def day(value):
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)

    return [ar.ReportDispute(k, day(r), res, day(d) if d else None) for k, r, res, d in database.execute_sql(
        "SELECT kind, copy_received_on, result, decided_on FROM dispute").fetchall()]


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_table_4_counted_in_groups_is_table_4_counted_one_by_one(office, year):
    # Some decided after the year they were received in (尚未审结 in that year's table).
    database.execute_sql("UPDATE dispute SET result = '纠正', decided_on = '2026-02-02' WHERE id % 5 = 0 "
                         "AND copy_received_on < '2026-01-01'")
    disputes = _disputes()
    assert sum(d.received_on.year == 2025 and d.decided_on is not None and d.decided_on.year == 2026
               for d in disputes), "the case this test is about"
    assert annual_report.build(year).t4 == ar.table4(disputes, year)


@pytest.mark.sqlite_only("a file of an older version opened read-only")
def test_a_file_without_the_report_indexes_opened_read_only_counts_the_same(office, db_path):
    """A file of schema version 6 (a backup, say) opened read-only has not got the indexes of version 7:
    the report reads it through the others, with the same figures."""
    import sqlite3

    from app.services.workspace import close_workspace, open_workspace
    from app.store.schema import REPORT_INDEXES, index_name

    expected = {year: annual_report.build(year) for year in (2025, 2026)}
    close_workspace()
    con = sqlite3.connect(db_path)
    for table, columns in REPORT_INDEXES.items():
        con.execute(f"DROP INDEX {index_name(table, columns)}")
    con.execute("PRAGMA user_version = 6")
    con.commit()
    con.close()
    open_workspace(db_path, readonly=True)
    for year, report in expected.items():
        again = annual_report.build(year)
        assert (again.t3, again.t4, again.fee_notices) == (report.t3, report.t4, report.fee_notices)
