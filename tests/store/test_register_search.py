"""The register's text search reads its pages through the search index (store.register.rows): page by
page, with and without the year, status and outcome filters and in both directions, it lists exactly
the requests a plain reading of every case finds, in the list's order."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.request import CaseQuery, search_text
from app.services import demo, register
from app.store.db import database


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    from app.services.demo import demo_settings
    from app.services import settings
    from app.services.workspace import close_workspace, open_workspace

    path = tmp_path_factory.mktemp("search") / "t.sqlite"
    open_workspace(path)
    settings.save(demo_settings())
    demo.generate(2026, 240, seed=5, today=dt.date(2026, 11, 20))
    cases = [register.get_case(r.id) for r in register.list_rows(CaseQuery(), 0, 1000)]
    yield cases
    close_workspace()


def expected(cases, query: CaseQuery) -> list[int]:
    terms = query.text.lower().split()
    found = [c for c in cases
             if all(t in search_text(c.case_no, c) for t in terms)
             and (query.year is None or c.year == query.year)
             and (query.status is None or c.status == query.status)
             and (query.outcome is None or c.outcome == query.outcome)]
    found.sort(key=lambda c: (c.received_on, c.id), reverse=query.descending)
    return [c.id for c in found]


def paged(query: CaseQuery, size: int) -> list[int]:
    ids, offset = [], 0
    while page := register.list_rows(query, offset, size):
        ids += [r.id for r in page]
        offset += size
    return ids


@pytest.mark.parametrize("text, year, status, outcome, descending", [
    ("王", None, None, None, True),
    ("〔2026〕第1", None, None, None, True),
    ("村 土地", None, None, None, False),
    ("王", 2026, None, None, True),
    ("〔", None, "已办结", None, True),
    ("〔", 2025, None, "3.1", False),
    ("没有这样的申请", None, None, None, True),
])
def test_pages_of_a_text_search_are_what_reading_every_case_finds(office, text, year, status, outcome, descending):
    query = CaseQuery(text=text, year=year, status=status, outcome=outcome, descending=descending)
    want = expected(office, query)
    assert paged(query, 7) == want
    assert register.count(query) == len(want)
    if text == "〔2026〕第1":
        assert len(want) > 7 * 3  # the paging really is exercised


def test_the_search_reads_the_narrow_index_not_the_table(office):
    from app.store import register as store

    query = CaseQuery(text="王", year=2026, status="已办结")
    ids = store.Request.select(store.Request.id).where(*store._where(query, scanning=True))
    sql, params = ids.sql()
    plan = " ".join(str(row) for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())
    assert "COVERING INDEX request_received_on_id_year_status_outcome_search_text" in plan
