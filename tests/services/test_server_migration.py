"""Moving an office from its SQLite file to a server and back (docs/server.md, "Moving an office"):
after `migrate-to` every screen shows the same numbers from the server as from the file — the
register's counts and lists, the home page, the annual report, the ledger, the documents, the
archive's catalogue — and the export back to a file shows them again. The migration runs once."""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import openpyxl
import peewee
import pytest

from app import cli
from app.domain.request import CaseQuery, RequestData
from app.services import (annual_report, archive, audit as audit_service, backup, calendar, deadlines, demo, home,
                          ledger, notices, register, review, security, settings, transfer)
from app.services.errors import ServiceError, StoreError
from app.services.workspace import close_workspace, open_workspace
from app.store.db import database
from app.store import transfer as store_transfer
from tests.review_support import approve_case_review

TODAY = dt.date(2026, 5, 20)
QUERIES = [CaseQuery(), CaseQuery(year=2025), CaseQuery(status="已办结"), CaseQuery(outcome="3.1"),
           CaseQuery(text="王"), CaseQuery(text="土地 村"), CaseQuery(text="〔2026〕第1"),
           CaseQuery(sort="name", descending=False), CaseQuery(sort="due_on")]


def _office(path: Path) -> None:
    """Two years of a township's work in its file: cases, timelines, disputes, notices with their
    files, a secrecy review, the office's own calendar day, settings with a start-up password."""
    open_workspace(path)
    settings.save(demo.demo_settings())
    demo.generate(2025, 160, seed=3, today=dt.date(2025, 12, 31))
    demo.generate(2026, 120, seed=4, today=TODAY)
    calendar.set_day(dt.date(2026, 5, 29), False, "乡里停电，全体放假")
    open_2026 = [r.id for r in register.list_rows(CaseQuery(year=2026, sort="case_no", descending=False), 0, 400)
                 if register.get_case(r.id).status not in ("已办结",)]
    approve_case_review(open_2026[0], TODAY)
    issued = 0
    for row in register.list_rows(CaseQuery(year=2025, status="已办结", sort="case_no", descending=False), 0, 60):
        try:  # a case whose clock was paused then has no 答复期限 to print: the next one
            notices.issue("申请接收回执", row.id, on_date=register.get_case(row.id).received_on)
        except ServiceError:
            continue
        issued += 1
        if issued == 6:
            break
    security.set_password("茅畲乡2026")
    close_workspace()


def _xlsx(path: Path) -> list[tuple]:
    sheet = openpyxl.load_workbook(path, read_only=True).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def screens(out: Path) -> dict:
    """What the screens show, through the services behind them."""
    overview = deadlines.due_overview(TODAY)
    numbers = {
        "counts": [register.count(q) for q in QUERIES],
        "pages": [[(r.case_no, r.name, r.status, r.due_on) for r in register.list_rows(q, 0, 40)] for q in QUERIES],
        "years": register.years(),
        "overview": {level: [(i.case_no, i.limit, i.urgency, i.days_left) for i in items] for level, items in
                     (("overdue", overview.overdue), ("today", overview.today), ("soon", overview.soon),
                      ("paused", overview.paused))},
        "months": home.received_per_month(2026), "groups": home.outcome_groups(2025),
        "reviews": [(w.review_id, w.step, w.status, w.waiting_since) for w in review.waiting()],
        "calendar": [(d.day, d.working) for d in calendar.year_view(2026) if d.office_entry],
        "audit": [(h.at, h.operator, h.entity, h.action, h.summary) for h in audit_service.history()],
        "settings": (settings.load(), security.password_required(), security.verify("茅畲乡2026")),
    }
    for year in (2025, 2026):
        report = annual_report.build(year)
        numbers[f"report{year}"] = (report.t3.counts, report.t4, report.errors, report.fee_notices,
                                  report.fees_collected_yuan)
        numbers[f"ledger{year}"] = _xlsx(ledger.export_ledger(year, out / f"ledger{year}.xlsx", today=TODAY).path)
    documents = []
    for r in register.list_rows(CaseQuery(sort="case_no", descending=False), 0, 1000):
        for d in notices.documents(r.id):
            documents.append((r.case_no, d.kind, d.doc_no, d.exists, hashlib.sha256(d.path.read_bytes()).hexdigest()))
    numbers["documents"] = documents
    return numbers


def archived(out: Path) -> tuple:
    """The archive package of 2025 (which locks the year): its catalogue and its document files."""
    package = archive.archive_year(2025, out, today=TODAY)
    catalogue = _xlsx(next(package.folder.glob("*归档文件目录.xlsx")))
    documents = sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest())
                       for p in (package.folder / "文书").rglob("*") if p.is_file())
    return package.cases, package.files, catalogue, documents


@pytest.fixture
def office_file(tmp_path) -> Path:
    path = tmp_path / "茅畲乡" / "政务公开.sqlite"
    path.parent.mkdir()
    _office(path)
    return path


def test_after_migrate_to_every_screen_shows_the_same_and_the_export_brings_it_back(server, office_file, tmp_path,
                                                                                      capsys):
    url = server.new_database()
    try:
        open_workspace(office_file)
        in_file = screens(tmp_path / "file")
        close_workspace()
        assert sum(in_file["counts"][:1]) == 280 and len(in_file["documents"]) == 6

        assert cli.run(["--db", str(office_file), "migrate-to", url]) == 0
        said = capsys.readouterr().out
        assert "核对一致" in said and "申请 280 件" in said and "文书 6 个" in said

        open_workspace(url)
        on_server = screens(tmp_path / "server")
        moved = on_server["audit"].pop()  # the server's trail goes on with the migration itself
        assert moved[3] == "从数据文件迁移到服务器"
        assert on_server == {**in_file, "audit": in_file["audit"]}
        exported = tmp_path / "导出" / "茅畲乡-导出.sqlite"
        report = backup.export_server(exported)
        assert report.tables["request"] == 280 and report.documents == 6
        server_archive = archived(tmp_path / "server-archive")
        close_workspace()

        # A second run finds the office there already and keeps nothing of itself.
        with pytest.raises(StoreError, match="只能做一次"):
            transfer.migrate_to(url, office_file)

        with contextlib.closing(sqlite3.connect(exported)) as con:  # the file's text index, filled
            assert con.execute("SELECT count(*) FROM request_search_terms").fetchone()[0] > 0
        open_workspace(exported)
        in_export = screens(tmp_path / "export")
        assert in_export["audit"].pop()[3] == "从数据文件迁移到服务器"  # (the export is on the server's trail)
        assert in_export == in_file
        close_workspace()
        open_workspace(office_file)
        assert archived(tmp_path / "file-archive") == server_archive
        close_workspace()
    finally:
        close_workspace()
        server.drop(url)


def test_a_difference_between_the_two_sides_is_found(server, office_file):
    url = server.new_database()
    try:
        transfer.migrate_to(url, office_file)
        open_workspace(url)
        reader = peewee.SqliteDatabase(str(office_file))
        assert store_transfer.compare(reader, database.obj, tables={"event"}).tables["event"] > 280  # as moved
        database.execute_sql("UPDATE event SET summary = summary || '。' WHERE id = 7")
        with pytest.raises(StoreError, match="核对不一致：表 event"):
            store_transfer.compare(reader, database.obj, tables={"event"})
        reader.close()
    finally:
        close_workspace()
        server.drop(url)


def test_migrate_to_wants_a_file_and_a_server(server, office_file, tmp_path):
    with pytest.raises(ServiceError, match="目标应是数据库服务器的地址"):
        transfer.migrate_to(str(tmp_path / "other.sqlite"), office_file)
    with pytest.raises(ServiceError, match="找不到要迁移的数据文件"):
        transfer.migrate_to(server.url, tmp_path / "missing.sqlite")


def _read_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_the_office_s_edited_template_moves_with_it_to_every_desk_and_back(server, office_file, tmp_path,
                                                                           monkeypatch):
    """A township's edited 申请接收回执 is its wording: after migrate-to another desk (another data folder)
    issues the receipt from it, and the export back to a file brings the edit beside the file."""
    import docx

    from app.services import templates

    open_workspace(office_file)
    edited = templates.edit_copy("申请接收回执")
    document = docx.Document(str(edited))
    document.add_paragraph("茅畲乡党政办专用落款")
    document.save(str(edited))
    wording = edited.read_bytes()
    close_workspace()

    url = server.new_database()
    try:
        assert cli.run(["--db", str(office_file), "migrate-to", url]) == 0
        monkeypatch.setenv("ZWGK_DATA_DIR", str(tmp_path / "另一台电脑"))
        open_workspace(url)
        used = {t.kind: t for t in templates.list_templates()}["申请接收回执"]
        assert used.customised and used.path.read_bytes() == wording
        case = register.list_rows(CaseQuery(year=2026, sort="case_no", descending=False), 0, 1)[0]
        issued = notices.issue("申请接收回执", case.id, on_date=register.get_case(case.id).received_on)
        assert "茅畲乡党政办专用落款" in _read_text(issued.path)
        exported = tmp_path / "导出" / "茅畲乡-导出.sqlite"
        report = backup.export_server(exported)
        assert report.templates == 1
        close_workspace()
        from app import paths

        assert (paths.user_templates_dir(exported) / edited.name).read_bytes() == wording
    finally:
        close_workspace()
        server.drop(url)
