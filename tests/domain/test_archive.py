"""档号, eight-digit dates and the 归档文件目录 rows (app/domain/archive.py, DA/T 22-2015)."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain import archive


def test_archive_number_of_archive_md():
    assert archive.archive_no("0194", 2026, "D30", "BGS", 1) == "0194-WS·2026-D30-BGS-0001"


def test_item_number_has_four_digits():
    assert archive.archive_no("0194", 2025, "Y", "BGS", 37) == "0194-WS·2025-Y-BGS-0037"
    assert archive.archive_no("0194", 2025, "D10", "BGS", 1234) == "0194-WS·2025-D10-BGS-1234"


def test_archive_number_without_organisation_code():
    assert archive.archive_no("J012", 2026, "D30", "", 5) == "J012-WS·2026-D30-0005"


@pytest.mark.parametrize("retention, item", [("D20", 1), ("D30", 0), ("D30", 10000)])
def test_bad_archive_number_parts(retention, item):
    with pytest.raises(ValueError):
        archive.archive_no("0194", 2026, retention, "BGS", item)


def test_settings_check():
    assert archive.check_archive_settings("0194", "BGS", "D30") == {}
    errors = archive.check_archive_settings("", "办公室", "D5")
    assert set(errors) == {"fonds_no", "org_code", "retention"}


def test_dates_are_eight_digits():
    assert archive.date8(dt.date(2026, 11, 2)) == "20261102"
    assert archive.date8(dt.date(2026, 1, 5)) == "20260105"
    assert archive.date8(None) == ""


def test_deadline_and_reminder_year():
    assert archive.archive_deadline(2025) == dt.date(2026, 1, 31)
    assert archive.reminder_year(dt.date(2025, 12, 1)) == 2025
    assert archive.reminder_year(dt.date(2026, 1, 20)) == 2025
    assert archive.reminder_year(dt.date(2025, 11, 30)) == 2024


def test_catalogue_rows_in_order_of_conclusion_with_carried_cases_marked():
    files = [
        archive.CaseFile("〔2025〕第9号", dt.date(2025, 5, 6), dt.date(2025, 6, 1), "李四", "低保审批结果",
                         "茅政信答〔2025〕4号", pages=3),
        archive.CaseFile("〔2024〕第30号", dt.date(2024, 12, 20), dt.date(2025, 1, 10), "王五", "预算执行情况",
                         "茅政信答〔2025〕1号", carried_in=True),
    ]
    rows = archive.catalogue_rows(files, fonds_no="0194", year=2025, retention="D30", org_code="BGS",
                                  author="黄岩区茅畲乡人民政府")
    assert [r.archive_no for r in rows] == ["0194-WS·2025-D30-BGS-0001", "0194-WS·2025-D30-BGS-0002"]
    first, second = rows
    assert (first.seq, first.doc_no, first.date) == (1, "茅政信答〔2025〕1号", "20250110")
    assert "上年结转" in first.note and "〔2024〕第30号" in first.note
    assert second.pages == 3 and "上年结转" not in second.note
    assert second.title == "关于李四申请公开“低保审批结果”的政府信息公开申请办理材料"
    assert len(first.cells()) == len(archive.CATALOGUE_COLUMNS) == 9


def test_manifest_line_is_sha256sum_format():
    assert archive.manifest_line("ab" * 32, "文书/a.docx") == "ab" * 32 + "  文书/a.docx"
