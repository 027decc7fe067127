"""The district's defaults on the server (docs/district.md, "The district's defaults"): the shared
working-day calendar and the template defaults, set once by the 区级 login and inherited by every
office, an office's own entry or edited template winning for that office alone.

The district is the `district` fixture's (offices a and b set up with the program's IT commands); the
district's changes are made with the program's commands as the 区级 login, and what the server lets an
office do to them is probed with raw SQL over psycopg. Each desk has a data folder of its own
(ZWGK_DATA_DIR), as two PCs would.
"""
from __future__ import annotations

import datetime as dt

import pytest

from tests.district_support import cli

psycopg = pytest.importorskip("psycopg")

# A Tuesday of 2025, an ordinary working day by the State Council's 2025 notice (no holiday near it).
FLOOD_DAY = dt.date(2025, 6, 10)


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """desk(login, name): open the district's database as `login` on a PC of its own (`name`)."""
    from app.services.workspace import open_workspace

    def open_as(district, who: str, name: str | None = None):
        monkeypatch.setenv("ZWGK_DATA_DIR", str(tmp_path / (name or who)))
        return open_workspace(district.url_of(who), create=False)

    return open_as


def _working(day: dt.date) -> bool:
    from app.services.work_calendar import work_calendar

    return work_calendar().is_working_day(day)


# ---- the shared calendar ------------------------------------------------------------------------

def test_every_office_inherits_the_district_s_day_off_and_an_office_s_own_entry_wins_for_it_alone(district, desk):
    from app.services import calendar

    desk(district, "a_clerk")
    assert FLOOD_DAY.weekday() == 1 and _working(FLOOD_DAY)
    assert cli("--db", district.url_of("qu"), "server", "district-calendar", "--set", FLOOD_DAY.isoformat(), "休",
               "--note", "区防汛指挥部通知") == 0
    for who in ("a_clerk", "b_clerk"):
        desk(district, who)
        assert not _working(FLOOD_DAY)
        day = next(d for d in calendar.year_view(2025) if d.day == FLOOD_DAY)
        assert day.district_entry and not day.office_entry and day.source == "区防汛指挥部通知"
    # 新桥镇 keeps the day worked (its own entry); 东郊街道 still has it off
    desk(district, "a_admin")
    calendar.set_day(FLOOD_DAY, True, "本镇照常上班")
    assert _working(FLOOD_DAY)
    desk(district, "b_clerk")
    assert not _working(FLOOD_DAY)
    # the office's entry removed, the district's applies again; the district's cannot be removed by it
    desk(district, "a_admin")
    calendar.set_day(FLOOD_DAY, None)
    assert not _working(FLOOD_DAY)
    with pytest.raises(Exception, match="全区统一"):
        calendar.set_day(FLOOD_DAY, None)
    with district.admin() as owner:
        assert owner.execute("SELECT changed_by FROM district_calendar_entry WHERE day = %s",
                             (FLOOD_DAY,)).fetchone() == (district.login("qu"),)
        assert owner.execute("SELECT count(*) FROM calendar_entry").fetchone() == (0,)


def test_a_year_confirmed_by_the_district_is_confirmed_for_every_office(district, desk):
    from app.services.work_calendar import work_calendar

    desk(district, "b_clerk")
    assert not work_calendar().is_confirmed(2031)
    with district.connect("qu") as con:
        con.execute("INSERT INTO district_calendar_year (year, note) VALUES (2031, '国办发明电〔2030〕7号')")
    for who in ("a_clerk", "b_clerk"):
        desk(district, who)
        assert work_calendar().is_confirmed(2031)


def test_an_office_reads_the_district_s_rows_and_cannot_change_them(district, desk, capsys):
    assert cli("--db", district.url_of("qu"), "server", "district-calendar", "--set", FLOOD_DAY.isoformat(), "休") == 0
    with district.connect("qu") as con:
        con.execute("INSERT INTO district_template (name, data, sha256) VALUES ('x.docx', 'abc', 'h')")
    for who, role in (("a_clerk", "clerk"), ("a_lead", "reviewer"), ("a_admin", "admin"), ("b_admin", "admin")):
        with district.connect(who) as con:
            assert con.execute("SELECT day, is_workday FROM district_calendar_entry").fetchall() == [(FLOOD_DAY, False)]
            assert con.execute("SELECT count(*) FROM district_template").fetchone() == (1,)
            for sql, params in (
                    ("UPDATE district_calendar_entry SET is_workday = true", ()),
                    ("DELETE FROM district_calendar_entry", ()),
                    ("INSERT INTO district_calendar_entry (day, is_workday) VALUES (%s, false)", (dt.date(2025, 6, 11),)),
                    ("INSERT INTO district_calendar_year (year, note) VALUES (2025, '')", ()),
                    ("UPDATE district_template SET data = 'evil'", ()),
                    ("DELETE FROM district_template", ()),
                    ("TRUNCATE district_calendar_entry", ())):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    con.execute(sql, params)
            # nor by taking up one of its groups' roles
            con.execute(f'SET ROLE "{district.name}_{role}"')
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                con.execute("DELETE FROM district_calendar_entry")
    with district.admin() as owner:
        assert owner.execute("SELECT day, is_workday FROM district_calendar_entry").fetchall() == [(FLOOD_DAY, False)]
    # the program's commands, run by an office's login, are refused in Chinese and change nothing
    capsys.readouterr()
    assert cli("--db", district.url_of("a_admin"), "server", "district-calendar", "--set", "2025-06-11", "休") == 2
    assert "只能由区级用户修改" in capsys.readouterr().err
    assert cli("--db", district.url_of("a_admin"), "server", "district-template", "申请接收回执", "--remove") == 2
    assert "只有区级用户" in capsys.readouterr().err  # the server's refusal, told in Chinese
    # a value of changed_by sent by the 区级 login is overwritten with the login
    with district.connect("qu") as con:
        con.execute("UPDATE district_calendar_entry SET note = '改', changed_by = 'someone_else'")
        assert con.execute("SELECT changed_by FROM district_calendar_entry").fetchone() == (district.login("qu"),)


def _register(name: str, arrived: dt.date = dt.date(2026, 3, 5)) -> int:
    from app.domain.request import RequestData
    from app.services import register

    return register.register(RequestData(name=name, id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="预算", arrived_on=arrived,
                                         channel="当面"), today=arrived + dt.timedelta(days=1)).id


def test_the_offices_limits_are_counted_again_when_the_district_changes_the_calendar(district, desk):
    from app.domain.calendar import WorkCalendar
    from app.services import deadlines

    def due(con, case_id: int) -> tuple[dt.date, set[dt.date]]:
        """The register's cached answer limit of the case and its stored limits' days."""
        cached = con.execute("SELECT due_on FROM request WHERE id = %s", (case_id,)).fetchone()[0]
        return cached, {d for (d,) in con.execute("SELECT due FROM case_limit WHERE request_id = %s "
                                                   "AND due IS NOT NULL", (case_id,)).fetchall()}

    cases, before = {}, {}
    for who in ("a_clerk", "b_clerk"):
        desk(district, who)
        cases[who] = _register(f"申请人{who}")
        with district.connect(who) as con:
            before[who] = due(con, cases[who])
    # 20 working days (条例第三十三条) after 5 March 2026 by the State Council's 2026 notice, counted here by hand:
    # March 6, 9–13, 16–20, 23–27, 30–31 (18), April 1–2 (20)
    assert before["a_clerk"][0] == before["b_clerk"][0] == dt.date(2026, 4, 2)
    # the district gives 2 April off: every office's answer limit moves to the next working day, 3 April
    assert cli("--db", district.url_of("qu"), "server", "district-calendar", "--set", "2026-04-02", "休") == 0
    for who in ("a_clerk", "b_clerk"):
        desk(district, who)
        deadlines.due_overview(refresh=True)  # the home page's count at start: the limits are stored again
        with district.connect(who) as con:
            cached, stored = due(con, cases[who])
        assert cached == dt.date(2026, 4, 3)
        assert dt.date(2026, 4, 3) in stored and dt.date(2026, 4, 2) not in stored
    assert WorkCalendar().is_working_day(dt.date(2026, 4, 3))


def test_a_desk_already_open_counts_with_the_district_s_change_at_its_next_reading(district, desk):
    from app.services import deadlines
    from app.services.work_calendar import work_calendar

    desk(district, "a_clerk")
    assert work_calendar().is_working_day(FLOOD_DAY)
    with district.connect("qu") as con:  # meanwhile, on the district's PC
        con.execute("INSERT INTO district_calendar_entry (day, is_workday, note) VALUES (%s, false, '')", (FLOOD_DAY,))
    deadlines.due_overview(refresh=True)
    assert not work_calendar().is_working_day(FLOOD_DAY)


# ---- the template defaults -----------------------------------------------------------------------

RECEIPT = "申请接收回执"


def _template_with(path, words: str) -> None:
    """The shipped receipt template with one paragraph more (as an editor would save it in Word)."""
    import docx

    from app.services import templates

    document = docx.Document(str(templates.shipped_path(RECEIPT)))
    document.add_paragraph(words)
    document.save(str(path))


def _receipt_text(case_no_suffix: str) -> str:
    """Register a request on the open desk, issue its receipt and read the .docx back."""
    import docx

    from app.domain.request import RequestData
    from app.services import notices, register

    case = register.register(RequestData(name=f"申请人{case_no_suffix}", id_number="11010519491231002X",
                                         phone="13812345678", address="茅畲村1号", info_description="预算",
                                         arrived_on=dt.date(2026, 3, 5), channel="当面"),
                             today=dt.date(2026, 3, 6))
    issued = notices.issue(RECEIPT, case.id, on_date=dt.date(2026, 3, 6))
    return "\n".join(p.text for p in docx.Document(str(issued.path)).paragraphs)


def _origin() -> str:
    from app.services import templates

    return next(t for t in templates.list_templates() if t.kind == RECEIPT).origin


def test_the_district_s_default_serves_every_office_until_an_office_edits_its_own(district, desk, tmp_path):
    import docx

    from app.services import templates

    district_file = tmp_path / "区统一回执.docx"
    _template_with(district_file, "本区统一格式：请保管好本回执")
    desk(district, "a_clerk")
    assert _origin() == "程序自带" and "本区统一格式" not in _receipt_text("甲")
    assert cli("--db", district.url_of("qu"), "server", "district-template", RECEIPT, str(district_file)) == 0
    for who in ("a_clerk", "b_clerk"):
        desk(district, who)
        assert _origin() == "区统一"
        assert "本区统一格式：请保管好本回执" in _receipt_text(who)
    # 新桥镇 edits its own copy on its first PC (made from the district's default)
    desk(district, "a_clerk", "a-pc1")
    copy = templates.edit_copy(RECEIPT)
    edited = docx.Document(str(copy))
    assert "本区统一格式：请保管好本回执" in [p.text for p in edited.paragraphs]
    edited.add_paragraph("新桥镇：咨询电话 0576-1234567")
    edited.save(str(copy))
    assert templates.check(RECEIPT) == []  # 检查, as the templates page asks after an edit
    text = _receipt_text("乙")
    assert "新桥镇：咨询电话 0576-1234567" in text and _origin() == "本单位"
    # its second PC (another login of the office, a data folder of its own) uses the office's copy
    desk(district, "a_admin", "a-pc2")
    assert _origin() == "本单位"
    assert "新桥镇：咨询电话 0576-1234567" in _receipt_text("丙")
    # 东郊街道 still gets the district's default
    desk(district, "b_clerk")
    text = _receipt_text("丁")
    assert "本区统一格式：请保管好本回执" in text and "新桥镇" not in text
    # the office goes back to the default on its second PC: the first PC follows, its copy set aside
    desk(district, "a_admin", "a-pc2")
    assert templates.restore_default(RECEIPT) is not None and _origin() == "区统一"
    desk(district, "a_clerk", "a-pc1")
    assert _origin() == "区统一" and "新桥镇" not in _receipt_text("戊")
    assert list((tmp_path / "a-pc1").rglob("已替换/*.docx"))
    # the district removes its default: the shipped template again
    assert cli("--db", district.url_of("qu"), "server", "district-template", RECEIPT, "--remove") == 0
    desk(district, "b_clerk")
    assert _origin() == "程序自带" and "本区统一格式" not in _receipt_text("己")


def test_a_district_default_that_cannot_render_is_refused(district, tmp_path, capsys):
    broken = tmp_path / "坏模板.docx"
    _template_with(broken, "{{ 没有这个占位符 }}")
    assert cli("--db", district.url_of("qu"), "server", "district-template", RECEIPT, str(broken)) == 2
    assert "未知的占位符“没有这个占位符”" in capsys.readouterr().err
    assert cli("--db", district.url_of("qu"), "server", "district-template", "没有的文书", str(broken)) == 2
    assert "没有“没有的文书”这种文书" in capsys.readouterr().err
    with district.admin() as owner:
        assert owner.execute("SELECT count(*) FROM district_template").fetchone() == (0,)
