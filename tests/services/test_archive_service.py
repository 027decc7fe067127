"""The year-end archive against a real database and real files (app/services/archive.py)."""
from __future__ import annotations

import datetime as dt
import hashlib
import zipfile

import docx
import openpyxl
import pytest

from app import paths
from app.domain.request import RequestData
from app.services import archive, register
from app.services.errors import ValidationError, YearLocked
from app.store import audit, files
from app.store.schema import Document, StoredFile

TODAY = dt.date(2026, 1, 20)


def _person(name: str, arrived: dt.date) -> RequestData:
    return RequestData(name=name, id_number="11010519491231002X", phone="13857612345", address="茅畲乡茅畲村1号",
                       info_name=f"{name}所需信息", channel="当面", arrived_on=arrived, delivery_method="邮寄")


def _document(db_path, case, kind: str, doc_no: str, on: dt.date, text: str) -> bytes:
    """A real .docx under the case folder, registered as the notices room does (path relative)."""
    folder = paths.case_dir(db_path, case.case_no)
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / f"{kind}.docx"
    d = docx.Document()
    d.add_paragraph(text)
    d.save(file)
    data = file.read_bytes()
    relative = file.relative_to(paths.documents_dir(db_path)).as_posix()
    Document.create(request=case.id, kind=kind, doc_no=doc_no, year=on.year, issued_on=on, path=relative,
                    sha256=hashlib.sha256(data).hexdigest())
    files.keep(files.DOCUMENTS, relative, file)
    return data


@pytest.fixture
def year_2025(workspace, db_path):
    carried = register.register(_person("王五", dt.date(2024, 12, 20)), today=TODAY)
    register.record_outcome(carried.id, "4.1", dt.date(2025, 1, 10))
    answered = register.register(_person("李四", dt.date(2025, 3, 3)), today=TODAY)
    register.record_outcome(answered.id, "3.1", dt.date(2025, 3, 20))
    still_open = register.register(_person("赵六", dt.date(2025, 12, 22)), today=TODAY)
    next_year = register.register(_person("钱七", dt.date(2025, 12, 1)), today=TODAY)
    register.record_outcome(next_year.id, "5.2", dt.date(2026, 1, 5))
    files = {
        "carried": _document(db_path, carried, "答复告知书（信息不存在）", "茅政信答〔2025〕1号", dt.date(2025, 1, 10), "王五"),
        "ack": _document(db_path, answered, "登记回执", None, dt.date(2025, 3, 3), "回执"),
        "answer": _document(db_path, answered, "答复告知书（不予公开）", "茅政信答〔2025〕7号", dt.date(2025, 3, 20), "李四"),
        "later": _document(db_path, next_year, "告知书（重复申请）", "茅政信答〔2026〕1号", dt.date(2026, 1, 5), "钱七"),
    }
    return {"carried": carried, "answered": answered, "open": still_open, "next_year": next_year, "files": files}


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_package_contents(year_2025, tmp_path):
    steps = []
    package = archive.archive_year(2025, tmp_path / "out", progress=lambda d, t: steps.append((d, t)), today=TODAY)
    folder = package.folder
    assert folder.parent == tmp_path / "out" and folder.name.startswith("2025年度依申请公开归档_")
    assert (package.cases, package.files, package.carried_in) == (2, 3, ["〔2024〕第1号"])
    assert _files(folder) == sorted([
        "2025年度依申请公开登记台账.xlsx", "2025年度归档文件目录.xlsx", "MANIFEST-SHA256.txt", "说明.txt",
        "文书/0001_〔2024〕第1号（上年结转）/01_20250110_答复告知书（信息不存在）_茅政信答〔2025〕1号.docx",
        "文书/0002_〔2025〕第1号/01_20250303_登记回执.docx",
        "文书/0002_〔2025〕第1号/02_20250320_答复告知书（不予公开）_茅政信答〔2025〕7号.docx",
    ])
    copied = folder / "文书/0002_〔2025〕第1号/02_20250320_答复告知书（不予公开）_茅政信答〔2025〕7号.docx"
    assert copied.read_bytes() == year_2025["files"]["answer"]
    assert steps[-1][0] == steps[-1][1] and len(steps) >= 5

    rows = list(openpyxl.load_workbook(folder / "2025年度归档文件目录.xlsx").active.iter_rows(values_only=True))
    assert rows[1] == ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注")
    assert rows[2][:4] == (1, "0194-WS·2025-D30-BGS-0001", "茅政信答〔2025〕1号", "黄岩区茅畲乡人民政府")
    assert rows[2][5] == "20250110" and "上年结转" in rows[2][8]
    assert rows[3][:3] == (2, "0194-WS·2025-D30-BGS-0002", "茅政信答〔2025〕7号")
    assert rows[3][5] == "20250320" and "上年结转" not in rows[3][8]
    assert len(rows) == 4

    ledger_rows = list(openpyxl.load_workbook(folder / "2025年度依申请公开登记台账.xlsx").active.iter_rows(
        min_row=4, values_only=True))
    assert sorted(r[0] for r in ledger_rows) == ["〔2025〕第1号", "〔2025〕第2号", "〔2025〕第3号"]
    readme = (folder / "说明.txt").read_text(encoding="utf-8")
    assert "尚未办结" in readme and "〔2025〕第2号" in readme


def test_manifest_hashes_match_the_files(year_2025, tmp_path):
    package = archive.archive_year(2025, tmp_path / "out", today=TODAY)
    folder = package.folder
    listed = {}
    for line in (folder / "MANIFEST-SHA256.txt").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    assert set(listed) == set(_files(folder)) - {"MANIFEST-SHA256.txt"}
    for name, digest in listed.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    assert archive.verify_manifest(folder) == []
    (folder / "说明.txt").write_text("改过", encoding="utf-8")
    assert archive.verify_manifest(folder) == ["校验值不一致：说明.txt"]


def test_zip_holds_the_same_files(year_2025, tmp_path):
    package = archive.archive_year(2025, tmp_path / "out", today=TODAY)
    with zipfile.ZipFile(package.zip_path) as z:
        assert z.testzip() is None
        names = sorted(n.split("/", 1)[1] for n in z.namelist())
        assert names == _files(package.folder)
        inner = f"{package.folder.name}/MANIFEST-SHA256.txt"
        assert z.read(inner) == (package.folder / "MANIFEST-SHA256.txt").read_bytes()


def test_a_locked_year_refuses_edits_of_its_cases(year_2025, tmp_path):
    archive.archive_year(2025, tmp_path / "out", today=TODAY)
    answered = year_2025["answered"]
    with pytest.raises(YearLocked):
        register.record_outcome(answered.id, "3.2", dt.date(2025, 3, 21))
    with pytest.raises(YearLocked):
        register.update(answered.id, _person("李四改", dt.date(2025, 3, 3)), today=TODAY)
    with pytest.raises(YearLocked):  # a new request dated in the archived year
        register.register(_person("孙八", dt.date(2025, 6, 1)), today=TODAY)
    assert register.get_case(answered.id).name == "李四"
    # A case received in 2025 and still open was carried over: it stays editable, but its answer
    # may not be dated back into the archived year.
    still_open = year_2025["open"]
    with pytest.raises(YearLocked):
        register.record_outcome(still_open.id, "4.1", dt.date(2025, 12, 30))
    assert register.record_outcome(still_open.id, "4.1", dt.date(2026, 1, 6)).outcome == "4.1"
    # The case concluded in 2026 belongs to next year's archive and is not locked.
    assert register.update(year_2025["next_year"].id, _person("钱七七", dt.date(2025, 12, 1)), today=TODAY).name == "钱七七"


def test_unlock_needs_a_reason_and_archiving_again_makes_a_new_package(year_2025, tmp_path):
    first = archive.archive_year(2025, tmp_path / "out", today=TODAY)
    with pytest.raises(YearLocked):
        archive.archive_year(2025, tmp_path / "out", today=TODAY)
    with pytest.raises(ValidationError) as err:
        archive.unlock_year(2025, "  ")
    assert "reason" in err.value.errors and archive.is_locked(2025)
    archive.unlock_year(2025, "补充送达回证")
    assert not archive.is_locked(2025)
    entry = [e for e in audit.entries("year", 2025) if e.action == "解除归档锁定"][0]
    assert entry.changes["reason"] == [None, "补充送达回证"]
    register.record_outcome(year_2025["answered"].id, "3.2", dt.date(2025, 3, 20))
    second = archive.archive_year(2025, tmp_path / "out", today=TODAY)
    assert second.folder != first.folder and first.folder.exists() and second.folder.exists()
    assert archive.is_locked(2025)


def test_missing_settings_are_refused_before_anything_is_written(workspace, tmp_path):
    from app.services import settings

    cfg = settings.load()
    cfg.fonds_no = ""
    settings.save(cfg)
    with pytest.raises(ValidationError) as err:
        archive.archive_year(2025, tmp_path / "out", today=TODAY)
    assert "fonds_no" in err.value.errors
    assert not (tmp_path / "out").exists() and not archive.is_locked(2025)


def test_a_missing_document_file_is_reported(year_2025, tmp_path, db_path):
    (paths.case_dir(db_path, "〔2025〕第1号") / "登记回执.docx").unlink()
    # Gone from where the office keeps it: its folder, and (on a server) the database too.
    StoredFile.delete().where(StoredFile.name.endswith("登记回执.docx")).execute()
    package = archive.archive_year(2025, tmp_path / "out", today=TODAY)
    assert package.files == 2
    assert any("登记回执" in w and "缺失" in w for w in package.warnings)


def test_reminder_from_december_until_archived(year_2025, tmp_path):
    assert archive.archive_reminder(dt.date(2025, 11, 30)).year == 2024
    reminder = archive.archive_reminder(dt.date(2025, 12, 1))
    assert (reminder.year, reminder.deadline, reminder.days_left) == (2025, dt.date(2026, 1, 31), 61)
    assert [c.case_no for c in reminder.open_cases] == ["〔2025〕第2号"]
    assert "还有61天" in reminder.text and "尚有1件未办结" in reminder.text
    late = archive.archive_reminder(dt.date(2026, 2, 3))
    assert late.days_left == -3 and "已逾期3天" in late.text
    archive.archive_year(2025, tmp_path / "out", today=TODAY)
    assert archive.archive_reminder(dt.date(2026, 1, 20)) is None


def test_no_reminder_for_an_empty_year(workspace):
    assert archive.archive_reminder(dt.date(2025, 12, 15)) is None


def test_a_form_filed_without_a_date_is_dated_by_the_day_it_was_recorded(year_2025, tmp_path, db_path):
    """A 保密审查表 printed by an older version has no issued_on: it is filed under the day recorded."""
    answered = year_2025["answered"]
    _document(db_path, answered, "保密审查表", None, dt.date(2025, 3, 18), "审查表")
    Document.update(issued_on=None, created_at=dt.datetime(2025, 3, 18, 9, 30)).where(
        Document.kind == "保密审查表").execute()
    package = archive.archive_year(2025, tmp_path / "out", today=TODAY)
    names = [p.name for p in package.folder.rglob("*保密审查表*")]
    assert len(names) == 1 and "_20250318_保密审查表" in names[0]


def test_the_catalogue_prints_readably(workspace, tmp_path):
    """Every row as tall as its wrapped text, the header repeated on each page, A4 landscape on one
    page width (DA/T 22-2015 附录; docs/legal/archive.md)."""
    long_subject = "上垟村土地征收补偿安置方案及补偿款发放明细、村集体经济组织成员名单和历年分配情况"
    for n, subject in enumerate((long_subject, "低保审批结果")):
        case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13857612345",
                                             info_name=subject, arrived_on=dt.date(2025, 3, 2 + n),
                                             delivery_method="自行领取"), today=TODAY)
        register.record_outcome(case.id, "4.1", dt.date(2025, 3, 20 + n))
    package = archive.archive_year(2025, tmp_path / "out", today=TODAY)
    ws = openpyxl.load_workbook(package.folder / "2025年度归档文件目录.xlsx").active
    assert "A1:I1" in [str(r) for r in ws.merged_cells.ranges]
    assert ws.print_title_rows == "$1:$2"
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert all(ws.cell(3, c).alignment.wrap_text for c in range(1, 10))
    # 题名 holds about 22 Chinese characters a line: the long title (关于张三申请公开“…”的…办理材料, 61
    # characters) takes three lines of 15 pt, the short one (30 characters) two.
    long_row, short_row = ws.row_dimensions[3].height, ws.row_dimensions[4].height
    assert long_row >= 3 * 15 and 2 * 15 <= short_row < long_row


@pytest.mark.parametrize("how", ["deflated", "stored", "descriptor", "no app.xml", "not a zip"])
def test_the_page_count_read_from_memory_is_what_zipfile_reads(how):
    """archive._page_count finds docProps/app.xml by its local header; it must read what zipfile
    reads, and hand over to zipfile where it cannot (sizes after the data)."""
    import io
    import zipfile

    class Unseekable(io.RawIOBase):  # zipfile then writes the sizes after each member's data
        def __init__(self):
            self.buffer = bytearray()

        def writable(self):
            return True

        def write(self, b):
            self.buffer += b
            return len(b)

    out = Unseekable() if how == "descriptor" else io.BytesIO()
    method = zipfile.ZIP_STORED if how == "stored" else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", method) as z:
        z.writestr("word/document.xml", "<w:document>docProps/app.xml</w:document>" * 50)
        if how != "no app.xml":
            z.writestr("docProps/app.xml", "<Properties><Pages>7</Pages></Properties>")
    data = bytes(out.buffer) if how == "descriptor" else out.getvalue()
    if how == "not a zip":
        data = b"docProps/app.xml" * 10
    expected = {"deflated": 7, "stored": 7, "descriptor": 7, "no app.xml": None, "not a zip": None}[how]
    assert archive._page_count(".docx", data) == expected
