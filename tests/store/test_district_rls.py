"""A district on one server: the offices are kept apart by PostgreSQL itself (docs/district.md).

The district is set up with the program's own commands (`server init`, `add-office`, `add-user`) and
each office registers requests through the program; then every probe is RAW SQL over psycopg, logged
in as the office's people — no program code between the login and the server — so what is proven is
what the server enforces, whatever a client sends.
"""
from __future__ import annotations

import contextlib

import pytest

from tests.district_support import PASSWORD, cli as _cli

psycopg = pytest.importorskip("psycopg")


def _ids(con, table: str, office: str | None = None) -> set[int]:
    sql = f"SELECT id FROM {table}" + (" WHERE office = %s" if office else "")
    return {row[0] for row in con.execute(sql, (office,) if office else ()).fetchall()}


def test_an_office_reads_its_own_rows_and_none_of_another(district):
    with district.admin() as owner:
        a_ids, b_ids = _ids(owner, "request", "a"), _ids(owner, "request", "b")
        b_audit = _ids(owner, "audit_entry", "b")
    # demo-data may carry a request over from the year before: at least the ones asked for
    assert len(a_ids) >= 6 and len(b_ids) >= 4 and b_audit
    with district.connect("a_clerk") as con:
        assert _ids(con, "request") == a_ids
        assert con.execute("SELECT count(*) FROM request WHERE office = 'b'").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM request WHERE id = ANY(%s)", (list(b_ids),)).fetchone()[0] == 0
        assert not _ids(con, "audit_entry") & b_audit
        # the search's pieces of names are personal data too
        assert con.execute("SELECT count(*) FROM request_gram WHERE id = ANY(%s)",
                           (list(b_ids),)).fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM setting WHERE office = 'b'").fetchone()[0] == 0
        # neither a setting of the session nor a role of the login's groups is a way round
        con.execute("SELECT set_config('zwgk.view_office', 'b', false)")
        assert con.execute("SELECT count(*) FROM request WHERE office = 'b'").fetchone()[0] == 0
        con.execute(f'SET ROLE "{district.name}_clerk"')
        assert con.execute("SELECT count(*) FROM request WHERE office = 'b'").fetchone()[0] == 0


def test_an_office_changes_no_row_of_another(district):
    with district.admin() as owner:
        b_id = min(_ids(owner, "request", "b"))
        b_name = owner.execute("SELECT name FROM request WHERE id = %s", (b_id,)).fetchone()[0]
        a_id = min(_ids(owner, "request", "a"))
    with district.connect("a_admin") as con:
        assert con.execute("UPDATE request SET name = '改' WHERE id = %s", (b_id,)).rowcount == 0
        assert con.execute("DELETE FROM event WHERE office = 'b'").rowcount == 0
        assert con.execute("UPDATE setting SET value = '{}' WHERE office = 'b'").rowcount == 0
        # a row of its own cannot be given away, nor a row made in another's name
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("UPDATE request SET office = 'b' WHERE id = %s", (a_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("INSERT INTO setting (office, key, value) VALUES ('b', 'x', '1')")
    with district.admin() as owner:
        assert owner.execute("SELECT name, office FROM request WHERE id = %s", (b_id,)).fetchone() == (b_name, "b")
        assert owner.execute("SELECT office FROM request WHERE id = %s", (a_id,)).fetchone() == ("a",)


def test_a_row_written_by_an_office_is_that_office_s(district):
    with district.connect("b_clerk") as con:
        con.execute("INSERT INTO setting (key, value) VALUES ('probe', '1')")
    with district.admin() as owner:
        assert owner.execute("SELECT office FROM setting WHERE key = 'probe'").fetchall() == [("b",)]


def _review(con, case_id: int) -> int:
    return con.execute(
        "INSERT INTO secrecy_review (request_id, info_name, info_no, section, carrier, channels, channel_other, "
        "checks, proposal, proposal_reason, four_steps, round, status, created_at, updated_at) VALUES "
        "(%s, '答复', '', '', '', '[]', '', '{}', '', '', false, 1, '审查中', now(), now()) RETURNING id",
        (case_id,)).fetchone()[0]


def _sign(con, review_id: int, step: str, person: str, signed_by: str | None = None) -> None:
    extra, value = (", signed_by", ", %s") if signed_by else ("", "")
    con.execute(f"INSERT INTO review_step (review_id, round, step, decision, opinion, person, signed_on, "
                f"created_at{extra}) VALUES (%s, 1, %s, '同意', '', %s, current_date, now(){value})",
                (review_id, step, person) + ((signed_by,) if signed_by else ()))


def test_a_clerk_cannot_sign_as_the_leader_and_a_signature_names_the_login(district):
    with district.admin() as owner:
        a_id = min(_ids(owner, "request", "a"))
    with district.connect("a_clerk") as clerk:
        review = _review(clerk, a_id)
        _sign(clerk, review, "section", "张科长", signed_by=district.login("a_lead"))  # a forged name
        for step in ("secrecy", "leader"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                _sign(clerk, review, step, "李书记")
        for sql in ("UPDATE review_step SET step = 'leader'", "UPDATE review_step SET signed_by = 'x'",
                    "DELETE FROM review_step"):  # a signature is never changed afterwards
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                clerk.execute(sql)
    with district.connect("a_lead") as lead:
        _sign(lead, review, "secrecy", "王主任")
        _sign(lead, review, "leader", "李书记")
    with district.admin() as owner:
        signed = owner.execute("SELECT step, signed_by FROM review_step WHERE review_id = %s ORDER BY id",
                               (review,)).fetchall()
    assert signed == [("section", district.login("a_clerk")), ("secrecy", district.login("a_lead")),
                      ("leader", district.login("a_lead"))]


def test_the_district_reads_every_office_and_writes_nothing(district):
    with district.admin() as owner:
        every = _ids(owner, "request")
        some_id = min(every)
    with district.connect("qu") as con:
        assert _ids(con, "request") == every
        for sql in ("UPDATE request SET name = '改' WHERE id = %s" % some_id,
                    "DELETE FROM audit_entry",
                    "INSERT INTO setting (key, value) VALUES ('x', '1')",
                    "UPDATE sequence SET last = last + 1"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                con.execute(sql)
        # looking at one office is a lens on what the district may read anyway
        con.execute("SELECT set_config('zwgk.view_office', 'a', false)")
        with district.admin() as owner:
            assert _ids(con, "request") == _ids(owner, "request", "a")


def test_numbers_stay_gap_free_per_office(district):
    with district.admin() as owner:
        rows = owner.execute("SELECT office, seq FROM request WHERE year = 2025 ORDER BY office, seq").fetchall()
    for office in ("a", "b"):
        seqs = [seq for o, seq in rows if o == office]
        assert seqs == list(range(1, len(seqs) + 1))
    # the same 登记编号 lives in both offices
    with district.admin() as owner:
        shared = owner.execute("SELECT count(*) FROM (SELECT case_no FROM request GROUP BY case_no "
                               "HAVING count(DISTINCT office) = 2) AS s").fetchone()[0]
    assert shared >= 4


def test_a_login_without_an_office_sees_nothing(district, server):
    with district.admin() as owner:
        owner.execute(f'CREATE ROLE "{district.name}_stranger" LOGIN PASSWORD %s' % "'" + PASSWORD + "'")
        owner.execute(f'GRANT "{district.name}_clerk" TO "{district.name}_stranger"')
        district.logins.append(f"{district.name}_stranger")
    with district.connect("stranger") as con:
        assert con.execute("SELECT count(*) FROM request").fetchone()[0] == 0


@pytest.mark.parametrize("argv", [["init"], ["add-office", "c", "西山乡"], ["list-users"],
                                  ["add-user", "someone", "--office", "a", "--role", "clerk", "--no-password"]])
def test_the_it_commands_refuse_an_office_login_in_chinese(district, argv, capsys):
    with contextlib.suppress(SystemExit):
        code = _cli("--db", district.url_of("a_admin"), "server", *argv)
    assert code == 2
    err = capsys.readouterr().err
    assert "不是数据库的所有者" in err and district.login("a_admin") in err


def test_list_users_names_each_login_with_its_office_and_role(district, capsys):
    capsys.readouterr()
    assert _cli("--db", district.url, "server", "list-users") == 0
    out = capsys.readouterr().out
    assert f"{district.login('a_lead')}\ta 新桥镇\t审核人" in out
    assert f"{district.login('qu')}\t（全区）\t区级" in out


def _event(con, case_id: int, kind: str, operator: str = "") -> None:
    con.execute("INSERT INTO event (request_id, kind, happened_on, summary, data, operator, created_at) "
                "VALUES (%s, %s, current_date, '', '{}', %s, now())", (case_id, kind, operator))


def test_only_a_reviewer_approves_an_extension_and_the_login_is_recorded(district):
    with district.admin() as owner:
        a_id = min(_ids(owner, "request", "a"))
    with district.connect("a_clerk") as clerk:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _event(clerk, a_id, "extended", operator="李书记")
        _event(clerk, a_id, "note", operator=district.login("a_lead"))  # a name typed is not the login
        clerk.execute("INSERT INTO audit_entry (at, operator, entity, entity_id, action, changes) "
                      "VALUES (now(), '李书记', 'request', %s, '探测', '{}')", (str(a_id),))
    with district.connect("a_lead") as lead:
        _event(lead, a_id, "extended", operator="李书记")
    with district.admin() as owner:
        recorded = owner.execute("SELECT kind, recorded_by FROM event WHERE request_id = %s AND kind IN "
                                 "('note', 'extended') ORDER BY id", (a_id,)).fetchall()
        audit = owner.execute("SELECT login FROM audit_entry WHERE action = '探测'").fetchall()
    assert recorded == [("note", district.login("a_clerk")), ("extended", district.login("a_lead"))]
    assert audit == [(district.login("a_clerk"),)]


def test_the_it_commands_ask_for_a_server(tmp_path, capsys):
    assert _cli("--db", str(tmp_path / "本机.sqlite"), "server", "list-users") == 2
    assert "请给出数据库服务器的地址" in capsys.readouterr().err


def test_the_office_admin_may_carry_signed_steps_and_extensions_in(district):
    with district.admin() as owner:
        a_id = min(_ids(owner, "request", "a"))
    with district.connect("a_admin") as admin:  # what migrate-to writes for a township's history
        review = _review(admin, a_id)
        _sign(admin, review, "leader", "李书记")
        _event(admin, a_id, "extended", operator="李书记")
