"""The 区级 login's live view (docs/district.md): the district home page's figures per office and the
annual report over all offices — each office's tables the same as the office's own report, summed
cell by cell as `sum-reports` sums the offices' exported files."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

YEAR = 2025


def _open(url: str, readonly: bool = True) -> None:
    from app.services.workspace import open_workspace

    open_workspace(url, readonly=readonly, create=False)


def _own_report(url: str):
    from app.services import annual_report

    _open(url)
    return annual_report.build(YEAR)


def test_the_district_report_is_each_office_s_own_report_summed(district, tmp_path):
    from app import cli
    from app.services import district as service, report_export

    own = {"a": _own_report(district.url_of("a_clerk")), "b": _own_report(district.url_of("b_clerk"))}
    _open(district.url_of("qu"))
    report = service.annual_report(YEAR)
    assert set(report.reports) == {"a", "b"}
    for code in ("a", "b"):
        assert report.reports[code].t3 == own[code].t3 and report.reports[code].t4 == own[code].t4
    assert report.t3 == own["a"].t3 + own["b"].t3
    assert report.t3.cell("new", "总计") == own["a"].t3.cell("new", "总计") + own["b"].t3.cell("new", "总计") > 0
    assert report.breakdown("total", "总计") == {c: own[c].t3.cell("total", "总计") for c in ("a", "b")}
    # the same cells as sum-reports over the offices' exported tables
    folder = tmp_path / "各单位"
    for who in ("a_clerk", "b_clerk"):
        assert cli.run(["--db", district.url_of(who), "annual-report", "--year", str(YEAR),
                        "--out", str(folder / who)]) in (0, 1)
    files = sorted(folder.rglob("*统计表*.xlsx"))
    assert len(files) == 2
    summed = report_export.sum_reports(files, tmp_path / "汇总.xlsx")
    assert summed.t3 == report.t3 and summed.t4 == report.t4
    # and the district's own export reads back the same
    _open(district.url_of("qu"))
    service.export(report, tmp_path / "区汇总.xlsx")
    back = report_export.read_report_xlsx(tmp_path / "区汇总.xlsx")
    assert back.t3 == report.t3 and back.units == 2


def test_the_district_home_page_counts_each_office(district):
    from app.services import district as service

    today = dt.date(2026, 2, 3)
    with district.connect("a_admin") as con:  # a archived its year; b has an open 舆情 item
        con.execute("INSERT INTO year_lock (year, locked_at, package) VALUES (%s, now(), '')", (YEAR,))
    with district.connect("b_clerk") as con:
        con.execute("INSERT INTO opinion_item (no, year, seq, found_at, source, source_detail, title, summary, "
                    "link, concerned, level, emergency, attachment, attachment_sha256, notes, created_at, "
                    "updated_at) VALUES ('2026-001', 2026, 1, now(), '网络', '', '道路积水', '', '', '', '一般', "
                    "false, '', '', '', now(), now())")
    expected = {}
    for code in ("a", "b"):
        with district.connect(f"{code}_clerk") as con:
            expected[code] = con.execute(
                "SELECT count(*) FILTER (WHERE due_on < %s) FROM request WHERE due_on IS NOT NULL "
                "AND status NOT IN ('已答复', '已办结')", (today,)).fetchone()[0]
    _open(district.url_of("qu"))
    page = service.home(today)
    lines = {line.code: line for line in page.lines}
    assert [line.name for line in page.lines] == ["新桥镇", "东郊街道"]
    assert {c: lines[c].overdue for c in lines} == expected
    assert lines["a"].year_archived is True and lines["b"].year_archived is False
    assert [line.code for line in page.not_archived] == ["b"]
    assert (lines["a"].open_opinions, lines["b"].open_opinions) == (0, 1)
    # before 1 February no office is late with its archive
    assert all(line.year_archived is None for line in service.home(dt.date(2026, 1, 20)).lines)


def test_the_district_drills_into_an_office_s_register_read_only(district):
    from app.domain.request import CaseQuery
    from app.services import district as service, register
    from app.services.errors import StoreError

    query = CaseQuery(year=YEAR, sort="case_no", descending=False)
    _open(district.url_of("a_clerk"))
    own = [(r.case_no, r.name) for r in register.list_rows(query)]
    _open(district.url_of("qu"), readonly=False)  # the server refuses the write, not the program
    with service.looking_at("a"):
        seen = [(r.case_no, r.name) for r in register.list_rows(query)]
        case = register.get_case(register.list_rows(query)[0].id)
        with pytest.raises(StoreError):
            register.update(case.id, dataclasses.replace(case, notes="区里改的"))
    assert seen == own
    assert register.count(query) > len(own)  # every office again once the lens is put away


def test_server_init_by_the_owner_alone_says_the_search_needs_a_superuser_s_init(server, capsys):
    """LEAKPROOF is a superuser's declaration (docs/district.md): `server init` run by the database's
    owner says so and what to do; run again by a superuser, the operators are declared and it is quiet."""
    import psycopg

    from app.services.workspace import close_workspace
    from tests.district_support import PASSWORD, _login_url, cli

    url = server.new_database()
    name = url.rsplit("/", 1)[1]
    owner = f"{name}_owner"
    with psycopg.connect(server.url, autocommit=True) as con:
        con.execute(f"CREATE ROLE \"{owner}\" LOGIN CREATEROLE NOSUPERUSER PASSWORD '{PASSWORD}'")
        con.execute(f'ALTER DATABASE "{name}" OWNER TO "{owner}"')
    try:
        assert cli("server", "init", _login_url(url, owner)) == 0
        said = capsys.readouterr()
        assert "已初始化区级服务器" in said.out and "不是以数据库超级用户运行" in said.err
        assert "超级用户（安装数据库时建立的管理账号）再运行一次" in said.err
        close_workspace()
        with psycopg.connect(url) as con:
            assert con.execute("SELECT bool_or(proleakproof) FROM pg_proc WHERE proname IN "
                               "('textlike', 'arraycontains')").fetchone() == (False,)
        assert cli("server", "init", url) == 0  # the superuser of the test server
        assert "LEAKPROOF" not in capsys.readouterr().err
        with psycopg.connect(url) as con:
            assert con.execute("SELECT bool_and(proleakproof) FROM pg_proc WHERE oid IN "
                               "('textlike(text,text)'::regprocedure, "
                               "'arraycontains(anyarray,anyarray)'::regprocedure)").fetchone() == (True,)
    finally:
        close_workspace()
        server.drop(url)
        from app.services import district as service

        with psycopg.connect(server.url, autocommit=True) as con:  # roles are the cluster's
            for role in [f"{name}_{group}" for group in service.ROLES] + [owner]:
                con.execute(f'DROP ROLE IF EXISTS "{role}"')
