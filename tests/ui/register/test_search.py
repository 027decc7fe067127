"""Searching the 登记簿 as the clerk does: by phone number (as typed or digits only) and ID number,
and an empty result that says 未找到."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.request import RequestData
from app.services import register
from app.ui.register.page import RegisterPage
from tests.ui.ui_support import open_main_window, page_of, type_into

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

TODAY = dt.date.today()


@pytest.fixture
def page(qtbot, db_path):
    window = open_main_window(qtbot, db_path, TODAY)
    window.show()
    register.register(RequestData(name="张三", id_number="11010519491231002X", phone="0576-84123456",
                                  info_name="村道硬化验收报告", arrived_on=TODAY), today=TODAY)
    register.register(RequestData(name="李四", id_number="330103199001010019", phone="13812345678",
                                  info_name="低保审批结果", arrived_on=TODAY), today=TODAY)
    p = page_of(window, RegisterPage)
    p.refresh()
    return p


def names(page) -> list[str]:
    model = page.model
    return sorted(model.index(r, 3).data() for r in range(model.rowCount()))


@pytest.mark.parametrize("typed, found", [("13812345678", ["李四"]), ("84123456", ["张三"]),
                                          ("057684123456", ["张三"]), ("11010519491231002x", ["张三"]),
                                          ("330103", ["李四"])])
def test_a_phone_or_id_number_finds_the_request(qtbot, page, typed, found):
    type_into(qtbot, page.ui.searchEdit, typed)
    qtbot.waitUntil(lambda: names(page) == found, timeout=3000)
    assert not page.ui.emptyLabel.isVisible()


def test_nothing_found_says_so(qtbot, page):
    type_into(qtbot, page.ui.searchEdit, "王五")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=3000)
    page.counts()
    qtbot.waitUntil(page.ui.emptyLabel.isVisible, timeout=3000)
    assert page.ui.emptyLabel.text().startswith("未找到与“王五”相符的申请")
    page.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    page.counts()
    qtbot.waitUntil(lambda: not page.ui.emptyLabel.isVisible(), timeout=3000)
