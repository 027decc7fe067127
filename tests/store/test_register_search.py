"""The register's search (store.register.rows / count) reads the text index and the list's indexes
(docs/performance.md); whichever way it takes, it must list exactly the requests a plain reading of
every case finds, in the list's order, page by page: for demo data, and for random text with one- and
two-character terms, Latin letters, digits, ID numbers and phone numbers, in every sort order."""
from __future__ import annotations

import datetime as dt
import random
import sqlite3
from dataclasses import replace
from types import SimpleNamespace

import pytest

from app.domain.request import CaseQuery, search_text
from app.services import demo, register
from app.store import register as store, search
from app.store.db import atomic, database

SORTS = list(store._ORDERS)


def _key(case, sort: str):
    """The list's order as Python sees it: SQLite puts NULL first, then compares the stored text."""
    columns = store._ORDERS[sort][0]
    return tuple((getattr(case, c) is not None, getattr(case, c) if getattr(case, c) is not None else 0)
                 for c in columns)


def expected(cases, query: CaseQuery) -> list[int]:
    terms = query.text.lower().split()
    found = [c for c in cases
             if all(t in c.search_text for t in terms)
             and (query.year is None or c.year == query.year)
             and (query.status is None or c.status == query.status)
             and (query.outcome is None or c.outcome == query.outcome)]
    found.sort(key=lambda c: _key(c, query.sort), reverse=query.descending)
    return [c.id for c in found]


def paged(query: CaseQuery, size: int) -> list[int]:
    ids, offset = [], 0
    while page := register.list_rows(query, offset, size):
        ids += [r.id for r in page]
        offset += size
    return ids


def all_cases() -> list:
    """Every request as stored, read plainly (dates stay ISO text, which sorts as the dates do)."""
    cursor = database.execute_sql("SELECT * FROM request")
    names = [d[0] for d in cursor.description]
    return [SimpleNamespace(**dict(zip(names, row))) for row in cursor.fetchall()]


@pytest.fixture(scope="module")
def office_file(tmp_path_factory):
    from app.services import settings
    from app.services.workspace import close_workspace, open_workspace

    path = tmp_path_factory.mktemp("search") / "t.sqlite"
    open_workspace(path)
    settings.save(demo.demo_settings())
    demo.generate(2026, 240, seed=5, today=dt.date(2026, 11, 20))
    cases = all_cases()
    close_workspace()
    return path, cases


@pytest.fixture
def office(office_file):
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(office_file[0])
    yield office_file[1]
    close_workspace()


# Small limits make every way of answering happen on a few hundred cases: a source read whole, a
# walk of the order's index, one that gives way to a walk probing the text index, short terms looked
# up or tested.
PLANS = [(4000, 5, 200, 100_000, 20), (5, 2, 3, 2000, 10), (0, 1000, 1000, 1, 1000), (3, 50, 2, 1, 2)]


@pytest.fixture(params=PLANS, ids=["as shipped", "small", "tiny", "read after the walk"])
def plan_limits(request, monkeypatch):
    sparse, common, cheap, steps, share = request.param
    monkeypatch.setattr(store, "SPARSE", sparse)
    monkeypatch.setattr(store, "COMMON", common)
    monkeypatch.setattr(store, "CHEAP_TRIGRAMS", cheap)
    monkeypatch.setattr(store, "WALK_STEPS", steps)
    monkeypatch.setattr(store, "READ_SHARE", share)
    return request.param


@pytest.mark.parametrize("text, year, status, outcome, descending", [
    ("王", None, None, None, True),
    ("〔2026〕第1", None, None, None, True),
    ("村 土地", None, None, None, False),
    ("王", 2026, None, None, True),
    ("〔", None, "已办结", None, True),
    ("〔", 2025, None, "3.1", False),
    ("没有这样的申请", None, None, None, True),
    ("", None, "已答复", None, True),
    ("", 2025, None, None, False),
])
def test_pages_of_a_search_are_what_reading_every_case_finds(office, plan_limits, text, year, status, outcome,
                                                             descending):
    for sort in SORTS:
        query = CaseQuery(text=text, year=year, status=status, outcome=outcome, sort=sort, descending=descending)
        want = expected(office, query)
        assert paged(query, 7) == want, sort
        assert register.count(query) == len(want)
        assert register.count(query, at_most=10) == min(len(want), 10)
        if text == "〔2026〕第1":
            assert len(want) > 7 * 3  # the paging really is exercised


# ---- the same on a server ---------------------------------------------------------------------
# The server searches through pg_trgm and its set of one- and two-character pieces (docs/server.md,
# "Search as you type"), not the file's text index: the pages must be the same.


@pytest.fixture(scope="module")
def server_office(pg_server):
    from app.services import settings
    from app.services.workspace import close_workspace, open_workspace
    from tests import pg_server as pg

    server = pg.require(pg_server)
    url = server.new_database()
    open_workspace(url)
    settings.save(demo.demo_settings())
    demo.generate(2026, 240, seed=5, today=dt.date(2026, 11, 20))
    yield all_cases()
    close_workspace()
    server.drop(url)


@pytest.mark.parametrize("text, year, status, outcome, descending", [
    ("王", None, None, None, True),
    ("〔2026〕第1", None, None, None, True),
    ("村 土地", None, None, None, False),
    ("〔", 2025, None, "3.1", False),
    ("没有这样的申请", None, None, None, True),
    ("王 土地", None, None, None, True),   # a short and a long term together
    ("丽 村 号", 2026, None, None, False),  # several short terms
    ("%", None, None, None, True),          # LIKE's wildcards are text
    ("", None, "已答复", None, True),
])
@pytest.mark.parametrize("walk_rows, cap", [(20000, 2000), (30, 5), (0, 2000)],
                         ids=["as shipped", "short walk, few sorted", "no walk"])
def test_pages_on_a_server_are_what_reading_every_case_finds(server_office, monkeypatch, walk_rows, cap, text, year,
                                                             status, outcome, descending):
    """Each way engine.search_page finds a page (among the first rows walked, the matches sorted, the
    whole list walked) gives the same pages."""
    from app.store import engine

    monkeypatch.setattr(engine, "WALK_ROWS", walk_rows)
    monkeypatch.setattr(engine, "SEARCH_CAP", cap)
    assert not search.available()  # the server has its own indexes
    for sort in SORTS:
        query = CaseQuery(text=text, year=year, status=status, outcome=outcome, sort=sort, descending=descending)
        want = expected(server_office, query)
        assert paged(query, 7) == want, sort
        assert register.count(query) == len(want)
        assert register.count(query, at_most=10) == min(len(want), 10)
        lines, total = register.search(query, limit=7, at_most=20)
        assert [r.id for r in lines] == want[:7] and total == min(len(want), 20)


@pytest.mark.parametrize("text, year, status, descending", [
    ("王", None, None, True),                # matches in nearly every request
    ("〔2026〕第1", None, None, False),
    ("村 土地", 2026, None, True),
    ("〔", None, "已办结", False),
    ("没有这样的申请", None, None, True),
    ("王 土地", None, None, False),
])
@pytest.mark.parametrize("walk_rows, cap", [(20000, 2000), (20000, 20), (30, 20), (3, 20), (0, 20)],
                         ids=["as shipped", "many matches, page walked", "short walk", "walk too short for a page",
                              "no walk"])
def test_a_keystroke_on_a_server_is_one_statement(server_office, monkeypatch, walk_rows, cap, text, year, status,
                                                  descending):
    """A keystroke's first page and its count (engine.search_first_page) whichever way they are found:
    the matches few enough to sort, or a page among the newest requests walked, or (the walk too short
    for a page) the whole list walked; in one statement with the rows shown, but in the last case."""
    from app.store import engine

    monkeypatch.setattr(engine, "WALK_ROWS", walk_rows)
    monkeypatch.setattr(engine, "SEARCH_CAP", cap)
    statements = []
    real = database.obj.execute_sql
    monkeypatch.setattr(database.obj, "execute_sql",
                        lambda sql, *args, **kwargs: statements.append(sql) or real(sql, *args, **kwargs))
    query = CaseQuery(text=text, year=year, status=status, descending=descending)
    want = expected(server_office, query)
    lines, total = register.search(query, limit=7, at_most=cap)
    assert [r.id for r in lines] == want[:7]
    assert total == min(len(want), cap)
    newest = {c.id for c in sorted(server_office, key=lambda c: (c.received_on, c.id), reverse=descending)[:walk_rows]}
    walked_whole = len(want) > cap and len(newest & set(want)) < 7
    assert len(statements) == (3 if walked_whole else 1), statements


def test_the_server_search_reads_its_indexes(server_office):
    from app.store import district, server

    database.execute_sql("ANALYZE")
    with database.atomic():  # 240 requests: show that the indexes can answer, not which the planner prefers
        database.execute_sql("SET LOCAL enable_seqscan = off")
        database.execute_sql("SET LOCAL enable_indexscan = off")
        # Either the search's own index or the district's with the office in front (store.district).
        for text, indexes in (("王丽", (server.GRAMS_INDEX, district.OFFICE_GRAMS_INDEX)),
                              ("土地征收", (server.SEARCH_INDEX, district.OFFICE_SEARCH_INDEX))):
            sql, params = store.Request.select(store.Request.id).where(*store._where(CaseQuery(text=text))).sql()
            plan = " ".join(r[0] for r in database.execute_sql("EXPLAIN " + sql, params).fetchall())
            assert any(index in plan for index in indexes), plan


# ---- random text ------------------------------------------------------------------------------

_ALPHABET = "王李土地征收村上垟号第〔〕2026abcXYZ-0123456789申请公开"


def _random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(1, 4)):
        kind = rng.random()
        if kind < 0.3:
            parts.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(1, 12))))
        elif kind < 0.5:
            parts.append(rng.choice(("138", "139", "0576-8")) + "".join(rng.choice("0123456789") for _ in range(8)))
        elif kind < 0.65:
            parts.append(demo._id_card(rng))
        elif kind < 0.8:
            parts.append("".join(rng.choice("abcxyzABCXYZ0123") for _ in range(rng.randrange(1, 6))))
        else:
            parts.append(rng.choice(("土地征收补偿", "申请公开", "上垟村", "宅基地审批", "Email: A@B.cn")))
    return rng.choice(("", " ", "\n", "，")).join(parts)


@pytest.fixture(scope="module")
def random_file(tmp_path_factory):
    from app.services import settings
    from app.services.workspace import close_workspace, open_workspace

    rng = random.Random(20)
    path = tmp_path_factory.mktemp("random") / "r.sqlite"
    open_workspace(path)
    settings.save(demo.demo_settings())
    rows = []
    for n in range(1, 301):
        data = demo.make_request(rng, dt.date(2026, 1, 1), 300, 2026)
        data = replace(data, name=_random_text(rng)[:40] or "甲", info_name=_random_text(rng),
                       info_description=_random_text(rng), contact_person=rng.choice(("", _random_text(rng))))
        case_no = f"〔2026〕第{n}号"
        rows.append((case_no, 2026, n, data, data.arrived_on, search_text(case_no, data),
                     rng.choice(("登记", "已答复")), None, None))
    with atomic():
        ids = store.insert_many(rows)
        # Rewritten texts: the index follows an update (its trigger) and forgets the old text.
        for case_id in ids[::10]:
            database.execute_sql("UPDATE request SET search_text = ? WHERE id = ?",
                                 (f"改写后的文本{case_id}号 abc", case_id))
    cases = all_cases()
    terms = set()
    for case in cases:
        text = case.search_text
        for _ in range(4):
            length = rng.choice((1, 1, 2, 2, 3, 4, 6, 11))
            start = rng.randrange(max(len(text) - length, 0) + 1)
            term = text[start:start + length].split()
            terms.update(term)
    terms.update(("q", "Q", "9", "@", "鑫", "z0", "13", "0576-8", "331003", "改写", "abc", "ABC", "\"", "a\"b"))
    close_workspace()
    return path, cases, sorted(terms)


@pytest.fixture
def random_office(random_file):
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(random_file[0])
    yield random_file[1:]
    close_workspace()


def test_random_terms_find_what_a_substring_test_finds(random_office, plan_limits):
    cases, terms = random_office
    rng = random.Random(7)
    checked = 0
    for term in terms:
        words = [term] + ([rng.choice(terms)] if rng.random() < 0.3 else [])
        sort = rng.choice(SORTS)
        query = CaseQuery(text=" ".join(words), sort=sort, descending=rng.random() < 0.5,
                          status=rng.choice((None, None, "已答复")))
        want = expected(cases, query)
        assert paged(query, 50) == want, (query, len(want))
        assert register.count(query) == len(want), query
        checked += bool(want)
    assert checked > 200
    # The rewritten texts are found by their new words only.
    assert len(expected(cases, CaseQuery(text="改写后"))) == 30


def test_a_rare_term_is_looked_up_in_the_text_index(office):
    plan = store._Plan(CaseQuery(text="〔2026〕第12", year=2026))
    few = plan._few()
    assert few is not None and plan._hits[0] is few and search.TABLE in plan.sources[0][0]
    assert store._Plan(CaseQuery(text="没有这样的申请")).page(0, 10) == []
    with pytest.raises(search.NoMatch):
        search.expression(["鑫"], 200, 400)
    assert search.expression(["王"], 10**9, 10**9)[2] == [] and search.expression(["王"], 10**9, 0)[2] == ["王"]
    now, whole, _tested = search.expression(["王", "土地征收"], 1, 10**9)
    assert now == '"土地征收"' and whole.startswith('"土地征收" AND (')


def test_a_file_of_the_older_version_opened_read_only_still_searches(tmp_path):
    """No text index (and no list indexes) in it: the plain reading answers."""
    from app.services import settings
    from app.services.workspace import close_workspace, open_workspace

    path = tmp_path / "old.sqlite"
    open_workspace(path)
    settings.save(demo.demo_settings())
    demo.generate(2026, 60, seed=2, today=dt.date(2026, 11, 20))
    cases = all_cases()
    close_workspace()
    con = sqlite3.connect(path)
    for name in search._TRIGGERS:
        con.execute(f"DROP TRIGGER {name}")
    con.execute(f"DROP TABLE {search.TERMS}")
    con.execute(f"DROP TABLE {search.TABLE}")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    open_workspace(path, readonly=True)
    try:
        assert not search.available()
        for text in ("王", "土地征收", "没有"):
            query = CaseQuery(text=text, sort="name")
            assert paged(query, 9) == expected(cases, query)
    finally:
        close_workspace()
    open_workspace(path)  # opened for writing, it is brought up to date
    try:
        assert search.available()
        query = CaseQuery(text="土地征收")
        assert paged(query, 9) == expected(cases, query)
    finally:
        close_workspace()


def test_a_page_and_its_count_come_together(office):
    for text in ("王", "土地征收", "没有", ""):
        query = CaseQuery(text=text, sort="name")
        want = expected(office, query)
        lines, total = register.search(query, limit=7, at_most=20)
        assert [r.id for r in lines] == want[:7] and total == min(len(want), 20)
