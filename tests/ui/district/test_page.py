"""The 全区 page as a 区级 login sees it (docs/district.md), on a real district server."""
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


def test_the_district_sees_every_office_drills_into_one_and_breaks_a_cell_down(qtbot, district):
    from app.domain.request import CaseQuery
    from app.services import register
    from app.services.workspace import open_workspace

    open_workspace(district.url_of("b_clerk"), readonly=True, create=False)
    b_cases = register.count(CaseQuery())
    page = _page(qtbot, district.url_of("qu"))
    assert page.offices.rowCount() == 2
    assert [page.offices.item(r, 0).text() for r in range(2)] == ["新桥镇（a）", "东郊街道（b）"]
    assert [page.offices.item(r, 3).text() for r in range(2)] == ["未归档", "未归档"]
    assert "1月31日前未归档2025年度：新桥镇、东郊街道" in page.summary.text()
    page.offices.cellDoubleClicked.emit(1, 0)
    assert page.register.rowCount() == b_cases and "东郊街道的登记簿（只读" in page.register_title.text()
    page.year.setValue(2025)
    page.count_button.click()
    new_total = int(page.table3.item(0, page.table3.columnCount() - 1).text())
    assert new_total > 0
    page.table3.cellClicked.emit(0, page.table3.columnCount() - 1)
    values = [int(page.breakdown.item(r, 1).text()) for r in range(page.breakdown.rowCount())]
    assert page.breakdown.rowCount() == 2 and sum(values) == new_total


def test_an_office_login_is_told_the_page_is_the_district_s(qtbot, district):
    page = _page(qtbot, district.url_of("a_clerk"))
    assert page.offices.rowCount() == 0
    assert "不是区级用户" in page.summary.text()
