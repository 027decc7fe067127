"""The 全区 page on its own (docs/district.md), on a real district server: what an office's login reads
there (the main window does not list it for one: tests/ui/district/test_window.py)."""
from __future__ import annotations

import datetime as dt

TODAY = dt.date(2026, 2, 3)


def _page(qtbot, url: str):
    from app.services.workspace import open_workspace
    from app.ui.common.context import Context
    from app.ui.district.page import DistrictPage

    open_workspace(url, readonly=True, create=False)
    page = DistrictPage(Context.standalone(TODAY))
    qtbot.addWidget(page)
    page.refresh()
    return page


def test_the_district_sees_whether_each_office_archived_last_year(qtbot, district):
    page = _page(qtbot, district.url_of("qu"))
    table = page.ui.officesTable
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["新桥镇（a）", "东郊街道（b）"]
    # 3 February: the 31 January deadline for 2025 has passed and neither office has archived it.
    assert [table.item(r, 3).text() for r in range(2)] == ["未归档", "未归档"]
    assert "1月31日前未归档2025年度：新桥镇、东郊街道" in page.ui.summaryLabel.text()
    assert page.ui.yearSpin.value() == 2025  # the year whose report is due


def test_an_office_login_is_told_the_page_is_the_district_s(qtbot, district):
    page = _page(qtbot, district.url_of("a_clerk"))
    assert page.ui.officesTable.rowCount() == 0
    assert "不是区级用户" in page.ui.summaryLabel.text()
    assert page.printable() is None
