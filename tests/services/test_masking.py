"""Personal data (个人信息保护法): identity and phone numbers masked in every export by default;
full values only where the clerk asked for them, and such a file says so."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest

from app.domain import ids
from app.domain.request import RequestData
from app.services import annual_report, archive, ledger, register

D = dt.date
TODAY = D(2027, 1, 20)

# Hand-checked numbers: GB 11643's own example, and two phones.
PEOPLE = [("张三", "11010519491231002X", "13812345678"), ("李四", None, "13957600001"), ("王五", None, "0576-84581234")]


def id_for(birth: str, serial: str) -> str:
    first17 = "331003" + birth + serial
    return first17 + ids.id_card_check_char(first17)


@pytest.fixture
def cases(workspace):
    made = []
    for n, (name, number, phone) in enumerate(PEOPLE):
        number = number or id_for(f"19{70 + n}0101", f"{n:03d}")
        case = register.register(RequestData(name=name, id_number=number, phone=phone, address="茅畲村1号",
                                             info_name="土地征收补偿方案", channel="当面",
                                             arrived_on=D(2026, 3, 2 + n)), today=TODAY)
        register.record_outcome(case.id, "3.1", D(2026, 3, 20))
        made.append(case)
    return made


def secrets(cases) -> list[str]:
    return [c.id_number for c in cases] + [c.phone for c in cases]


def xlsx_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row
                     if v is not None)


def docx_text(path: Path) -> str:
    d = docx.Document(path)
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def test_the_ledger_masks_by_default(cases, tmp_path):
    out = ledger.export_ledger(2026, tmp_path / "台账.xlsx", today=TODAY)
    text = xlsx_text(out.path)
    assert [s for s in secrets(cases) if s in text] == []
    assert "110105********002X" in text and "138****5678" in text
    assert "脱敏" in text


def test_the_ledger_with_full_numbers_says_so(cases, tmp_path):
    out = ledger.export_ledger(2026, tmp_path / "台账（完整）.xlsx", full_ids=True, today=TODAY)
    text = xlsx_text(out.path)
    assert all(c.id_number in text for c in cases)
    assert ledger.FULL_ID_WARNING in text


def test_the_annual_report_carries_no_personal_data(cases, tmp_path):
    files = annual_report.export(annual_report.build(2026), tmp_path / "年报")
    for path in files:
        text = xlsx_text(path) if path.suffix == ".xlsx" else docx_text(path)
        assert [s for s in secrets(cases) + ["张三", "李四"] if s in text] == [], path.name


def test_the_archive_package_lists_and_catalogues_masked(cases, tmp_path):
    package = archive.archive_year(2026, tmp_path / "归档", today=TODAY)
    checked = 0
    for path in package.folder.rglob("*"):
        if path.suffix == ".xlsx":
            text = xlsx_text(path)
        elif path.suffix in (".txt", ".json", ".csv", ".md"):
            text = path.read_text(encoding="utf-8", errors="replace")
        else:
            continue
        checked += 1
        assert [s for s in secrets(cases) if s in text] == [], path.name
    assert checked >= 2
