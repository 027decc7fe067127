"""A township joins the district with its history (docs/district.md, "A township that joins later"):
its SQLite file moves into a server where other offices have registered, every row taking a new id
and every reference following; and an office alone on a server before `server init` is given its
rows (`server assign-office`). The file and the server are read with plain SQL (sqlite3, psycopg),
not with the program's code, and compared row by row, each id replaced by the rank of its row."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from app import paths
from app.domain import opinion as op
from app.domain.request import CaseQuery, RequestData
from tests.district_support import PASSWORD, cli, district  # noqa: F401 - the fixture
from tests.review_support import approve_case_review

D = dt.date
# Where the file's tables hold ids of rows: foreign keys, and the ids inside other columns (listed
# here from the schema and the writers, independently of app/store/transfer.py).
FOREIGN = {("event", "request_id"): "request", ("document", "request_id"): "request",
           ("dispute", "request_id"): "request", ("hearing", "dispute_id"): "dispute",
           ("secrecy_review", "request_id"): "request", ("secrecy_review", "item_id"): "proactive_item",
           ("review_step", "review_id"): "secrecy_review", ("proactive_comment", "item_id"): "proactive_item",
           ("opinion_step", "item_id"): "opinion_item", ("press_event", "opinion_id"): "opinion_item",
           ("interpretation", "item_id"): "proactive_item", ("publication", "item_id"): "proactive_item",
           ("publication", "review_id"): "secrecy_review", ("case_limit", "request_id"): "request",
           ("clock_state", "request_id"): "request", ("audit_entry", "case_id"): "request"}
EVENT_DATA = {"ref": "event", "document_id": "document", "dispute_id": "dispute"}
AUDIT_ENTITY = {"request": "request", "document": "document", "secrecy_review": "secrecy_review",
                "dispute": "dispute", "opinion_item": "opinion_item", "proactive_item": "proactive_item"}
AUDIT_CHANGES = {("opinion_item", "step"): "opinion_step"}
SKIPPED = {"stored_file", "schema_version", "request_gram"}


def _township(path: Path) -> None:
    """Office c's file, made with the program's services: demo cases (timelines with references,
    disputes), a case with a consultation delivered and answered, a receipt issued (a document and its
    file), a secrecy review signed, a dispute with a hearing, a 舆情 item with a step and an attachment
    (a kept file); the audit trail."""
    from app.services import actions, demo, disputes, notices, opinion, register, settings
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(path)
    settings.save(demo.demo_settings())
    demo.generate(2025, 12, seed=11, today=D(2025, 12, 31))
    case = register.register(RequestData(name="南城王五", id_number="11010519491231002X", phone="13812345678",
                                          address="南城街道1号", info_description="南城街道旧城改造补偿方案",
                                          arrived_on=D(2026, 3, 2), channel="当面"), today=D(2026, 3, 2))
    asked = actions.start_consultation(case.id, D(2026, 3, 3), "南城建材有限公司")
    actions.record_delivery(case.id, asked, D(2026, 3, 4), "邮寄送达")
    actions.receive_opinion(case.id, asked, D(2026, 3, 10), "同意公开")
    notices.issue("申请接收回执", case.id, on_date=D(2026, 3, 2))
    approve_case_review(case.id, D(2026, 3, 11))
    other = register.register(RequestData(name="南城赵六", id_number="11010519491231002X", phone="13812345678",
                                           address="南城街道2号", info_description="南城街道低保审批结果",
                                           arrived_on=D(2026, 2, 2), channel="当面"), today=D(2026, 2, 2))
    dispute = disputes.add(other.id, "行政复议", "区人民政府", D(2026, 4, 1), today=D(2026, 4, 1))
    disputes.add_hearing(dispute.id, D(2026, 4, 20), "区行政复议局")
    found = dt.datetime(2026, 5, 6, 9, 0)
    item = opinion.create(op.ItemData(found_at=found, source="网络媒体", title="南城道路积水", level=op.LEVEL_IMPORTANT),
                          found)
    opinion.record_step(item.id, op.REPORT, found, "刘主任", {"leader": "陈副主任"}, found)
    screenshot = path.parent / "截图.png"
    screenshot.write_bytes(b"\x89PNG screenshot of the post")
    opinion.attach(item.id, screenshot)  # a kept file, by the item's 舆情编号
    close_workspace()


def _plain(value: object) -> object:
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, (bytes, memoryview)):
        return hashlib.sha256(bytes(value)).hexdigest()
    return None if value is None else str(value)


def picture(query, tables: list[str]) -> dict[str, list[tuple]]:
    """Every row of `tables` as `query(sql)` (rows as dicts) reads them, each id replaced by the rank
    of its row among the office's rows of its table (in id order); a row's own id dropped."""
    found = {t: query(f'SELECT * FROM "{t}"') for t in tables}
    columns = {t: list(rows[0]) if rows else [] for t, rows in found.items()}
    rank: dict[str, dict[int, int]] = {}
    for table, rows in found.items():
        if "id" in columns[table]:
            rank[table] = {int(i): n for n, i in enumerate(sorted(int(r["id"]) for r in rows))}

    def ranked(table: str, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.isdigit()):
            return value
        return (table, rank[table].get(int(value), "gone"))

    out = {}
    for table, rows in found.items():
        lines = []
        for row in rows:
            row = dict(row)
            row.pop("id", None)
            for (of, column), target in FOREIGN.items():
                if of == table:
                    row[column] = ranked(target, row[column])
            if table == "event":
                data = json.loads(row["data"])
                row["data"] = {k: ranked(EVENT_DATA[k], v) if k in EVENT_DATA else v for k, v in data.items()}
            if table == "audit_entry":
                entity = row["entity"]
                if entity in AUDIT_ENTITY:
                    row["entity_id"] = ranked(AUDIT_ENTITY[entity], row["entity_id"])
                changes = json.loads(row["changes"])
                row["changes"] = {k: [ranked(AUDIT_CHANGES[entity, k], x) for x in v] if (entity, k) in AUDIT_CHANGES
                                  else v for k, v in changes.items()}
            lines.append(repr(sorted((k, _plain(v) if not isinstance(v, (tuple, dict)) else repr(v))
                                     for k, v in row.items())))
        out[table] = sorted(lines)
    return out


def _file_query(path: Path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row

    def query(sql: str) -> list[dict]:
        return [dict(r) for r in con.execute(sql).fetchall()]

    return con, query


def _server_query(con, columns_of: dict[str, list[str]]):
    def query(sql: str) -> list[dict]:
        table = sql.split('"')[1]
        names = columns_of[table]
        listed = ", ".join(f'"{c}"' for c in names)
        return [dict(zip(names, r)) for r in con.execute(f'SELECT {listed} FROM "{table}"').fetchall()]

    return query


def _tables(con) -> dict[str, list[str]]:
    names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                       "'sqlite%' AND name NOT LIKE 'request_search%'").fetchall()]
    return {n: [r[1] for r in con.execute(f'PRAGMA table_info("{n}")').fetchall()] for n in names if n not in SKIPPED}


def _everything(con) -> dict[tuple[str, str], list[str]]:
    """Every row of every office (as the database's owner), with its ids: to see nothing else moved."""
    tables = [t for (t,) in con.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                                        "AND tablename <> 'schema_version'").fetchall()]
    out = {}
    for table in tables:
        cursor = con.execute(f'SELECT * FROM "{table}"')
        names = [c.name for c in cursor.description]
        for row in cursor.fetchall():
            office = row[names.index("office")] if "office" in names else ""
            out.setdefault((table, office), []).append(repr(row))
    return {key: sorted(rows) for key, rows in out.items()}


def _all_but_office(con) -> dict[str, list[str]]:
    tables = ("setting", "request", "event", "review_step", "secrecy_review", "audit_entry", "case_limit",
              "clock_state", "sequence", "request_gram")
    out = {}
    for table in tables:
        names = [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                                           "AND column_name <> 'office' ORDER BY ordinal_position", (table,)).fetchall()]
        listed = ", ".join(f'"{c}"' for c in names)
        out[table] = sorted(map(repr, con.execute(f'SELECT {listed} FROM "{table}"').fetchall()))
    return out


def _joining(district, tmp_path: Path) -> tuple[Path, dict]:
    """Office c's file, office c with its 单位管理员 on the district's server, and every row there now."""
    source = tmp_path / "南城" / "政务公开.sqlite"
    source.parent.mkdir()
    _township(source)
    _add_office_c(district)
    with district.admin() as con:
        return source, _everything(con)


def _add_office_c(district) -> None:
    from app.services import district as service
    from app.store.db import close_database

    assert cli("--db", district.url, "server", "add-office", "c", "南城街道") == 0
    service.add_user(district.url, district.login("c_admin"), "c", "admin", PASSWORD)
    district.logins.append(district.login("c_admin"))
    close_database()


def _only(rows: dict[tuple[str, str], list], office: str) -> dict[str, list]:
    return {t: found for (t, of), found in rows.items() if of == office}


def test_a_township_joining_later_brings_its_history_with_new_ids(district, tmp_path):
    from app.services import deadlines, notices, opinion, register
    from app.services.workspace import close_workspace, open_workspace
    from app.store.db import close_database

    source, before = _joining(district, tmp_path)
    assert cli("--db", str(source), "migrate-to", district.url_of("c_admin")) == 0
    close_database()

    file_con, file_query = _file_query(source)
    columns = _tables(file_con)
    with district.connect("c_admin") as con:
        on_server = picture(_server_query(con, columns), list(columns))
        ids = {t: [i for (i,) in con.execute(f'SELECT id FROM "{t}"').fetchall()] for t in columns if "id" in columns[t]}
    in_file = picture(file_query, list(columns))
    file_ids = {t: [i for (i,) in file_con.execute(f'SELECT id FROM "{t}"').fetchall()] for t in ids}
    file_con.close()
    # the file's migration record and its audit entry are the server's additions: the rest is the file's
    on_server["setting"] = [r for r in on_server["setting"] if "migration.from_file" not in r]
    on_server["audit_entry"] = [r for r in on_server["audit_entry"] if "从数据文件迁移到服务器" not in r]
    assert on_server == in_file
    assert all(in_file[t] for t in ("request", "event", "document", "dispute", "hearing", "secrecy_review",
                                     "review_step", "audit_entry", "case_limit", "clock_state", "opinion_step"))
    # new ids: none of the other offices' (they registered first, from 1 on)
    with district.admin() as con:
        after = _everything(con)
        others = {t: {i for (i,) in con.execute(f"SELECT id FROM \"{t}\" WHERE office <> 'c'").fetchall()} for t in ids}
        grams = con.execute("SELECT count(*), count(*) FILTER (WHERE g.office = 'c' AND r.office = 'c') FROM request_gram g "
                            "JOIN request r USING (id) WHERE r.office = 'c'").fetchone()
    assert any(set(ids[t]) != set(file_ids[t]) for t in ids)
    assert all(not (set(ids[t]) & others[t]) for t in ids)
    assert grams == (len(file_ids["request"]),) * 2  # the search's pieces, the office's own
    # a's and b's rows, ids and all, as they were
    assert _only(after, "a") == _only(before, "a") and _only(after, "b") == _only(before, "b")

    # through the program, as c's 单位管理员: its cases, their timelines and files, its limits
    open_workspace(district.url_of("c_admin"))
    try:
        rows = register.list_rows(CaseQuery(sort="case_no", descending=False), 0, 100)
        assert len(rows) == len(file_ids["request"])
        case = next(r for r in rows if r.name == "南城王五")
        timeline = {e.kind: e for e in register.timeline(case.id)}
        asked = timeline["consultation_sent"].id
        assert timeline["delivered"].data["ref"] == asked == timeline["consultation_replied"].data["ref"]
        [receipt] = notices.documents(case.id)
        assert timeline["notice"].data["document_id"] == receipt.id
        kept_in_file = paths.documents_dir(source) / timeline["notice"].data["path"]
        assert receipt.exists and receipt.path.read_bytes() == kept_in_file.read_bytes()
        [row] = opinion.rows(year=2026)
        assert opinion.attachment_path(row.item.id).read_bytes() == b"\x89PNG screenshot of the post"
        assert [r.case_no for r in register.list_rows(CaseQuery(text="南城"), 0, 10)] != []
        assert deadlines.due_overview(D(2026, 3, 12)) is not None
        # new cases register in both offices: the sequences are past every id
        new_c = register.register(RequestData(name="南城新案", id_number="11010519491231002X", phone="13812345678",
                                              address="x", info_description="新申请", arrived_on=D(2026, 11, 2),
                                              channel="当面"), today=D(2026, 11, 2))
    finally:
        close_workspace()
    open_workspace(district.url_of("a_admin"))
    try:
        new_a = register.register(RequestData(name="新桥新案", id_number="11010519491231002X", phone="13812345678",
                                              address="x", info_description="新申请", arrived_on=D(2026, 11, 2),
                                              channel="当面"), today=D(2026, 11, 2))
    finally:
        close_workspace()
    everyone = max(max(ids["request"]), *others["request"])
    assert new_c.id > everyone and new_a.id > everyone and new_c.case_no == "〔2026〕第3号"  # its own numbers go on


def test_a_migration_failing_midway_leaves_the_server_as_it_was(district, tmp_path):
    from app.services import transfer
    from app.store.db import close_database

    source, before = _joining(district, tmp_path)

    class Broken(Exception):
        pass

    def fail_at_documents(text: str) -> None:
        if text == "正在复制：document":  # requests and timelines are written by now
            raise Broken(text)

    with pytest.raises(Broken):
        transfer.migrate_to(district.url_of("c_admin"), source, progress=fail_at_documents)
    close_database()
    with district.admin() as con:
        assert _everything(con) == before
    # and it can be done again, whole
    assert cli("--db", str(source), "migrate-to", district.url_of("c_admin")) == 0
    close_database()
    with district.connect("c_admin") as con:
        assert con.execute("SELECT count(*) FROM request").fetchone()[0] == 14
        assert con.execute("SELECT count(*) FROM stored_file").fetchone()[0] == 2  # the receipt, the attachment


def test_an_office_alone_before_server_init_is_given_its_rows(server, tmp_path, capsys):
    """A server one office used before the district (its rows office ""): `server assign-office` gives
    them to the office; its people then see them, signatures and the audit trail as written."""
    from app.services import district as service, register
    from app.services.workspace import close_workspace, open_workspace
    from app.store.db import close_database
    from tests.district_support import District
    import psycopg

    url = server.new_database()
    found = District(url)
    try:
        open_workspace(url)
        from app.services import demo, settings

        settings.save(demo.demo_settings())
        case = register.register(RequestData(name="独自张三", id_number="11010519491231002X", phone="13812345678",
                                             address="x", info_description="早先的申请", arrived_on=D(2026, 3, 2),
                                             channel="当面"), today=D(2026, 3, 2))
        approve_case_review(case.id, D(2026, 3, 3))
        close_workspace()
        assert cli("server", "init", url) == 0
        assert cli("--db", url, "server", "add-office", "x", "新桥镇") == 0
        assert cli("--db", url, "server", "add-office", "y", "东郊街道") == 0
        for who, office in (("x_admin", "x"), ("y_admin", "y")):
            service.add_user(url, found.login(who), office, "admin", PASSWORD)
            found.logins.append(found.login(who))
        close_database()
        open_workspace(found.url_of("y_admin"))  # y has begun on the server already
        register.register(RequestData(name="东郊李四", id_number="11010519491231002X", phone="13812345678",
                                      address="x", info_description="东郊的申请", arrived_on=D(2026, 4, 1),
                                      channel="当面"), today=D(2026, 4, 1))
        close_workspace()
        with psycopg.connect(url) as con:
            earlier = _all_but_office(con)
        capsys.readouterr()
        # an office's login may not; an unknown office is refused, and one that holds rows already
        assert cli("--db", url, "server", "assign-office", "y") != 0
        assert "已有数据" in capsys.readouterr().err
        assert cli("--db", found.url_of("x_admin"), "server", "assign-office", "x") != 0
        assert "不是数据库的所有者" in capsys.readouterr().err
        assert cli("--db", url, "server", "assign-office", "z") != 0
        assert "没有代码为“z”的单位" in capsys.readouterr().err
        assert cli("--db", url, "server", "assign-office", "x") == 0
        close_database()
        with psycopg.connect(url) as con:
            now = _all_but_office(con)
            entry = con.execute("SELECT office, entity_id FROM audit_entry WHERE action = %s",
                                ("把区级初始化之前的数据划归本单位",)).fetchall()
            offices = {t: {o for (o,) in con.execute(f'SELECT DISTINCT office FROM "{t}"').fetchall()} for t in now}
        assert entry == [("x", "x")]
        now["audit_entry"] = [r for r in now["audit_entry"] if "把区级初始化之前的数据划归本单位" not in r]
        assert now == earlier  # signatures, steps' and entries' logins as they were written
        assert all(o <= {"x", "y"} for o in offices.values()) and offices["request"] == {"x", "y"}
        # nothing left to give
        assert cli("--db", url, "server", "assign-office", "x") != 0
        assert "没有尚未划归单位的数据" in capsys.readouterr().err
        open_workspace(found.url_of("x_admin"))
        [row] = register.list_rows(CaseQuery(), 0, 10)
        assert row.name == "独自张三" and len(register.timeline(row.id)) >= 1
        close_workspace()
        open_workspace(found.url_of("y_admin"))
        assert [r.name for r in register.list_rows(CaseQuery(), 0, 10)] == ["东郊李四"]
        close_workspace()
    finally:
        close_database()
        server.drop(url)
        with psycopg.connect(server.url, autocommit=True) as con:
            for role in found.logins + [f"{found.name}_{g}" for g in service.ROLES]:
                con.execute(f'DROP ROLE IF EXISTS "{role}"')
