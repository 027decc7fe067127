"""首页 driven as the clerk does: it is the page shown at start, lists the overdue case first, counts
in the title, opens a case on double-click, reminds once a day, and draws this year's charts."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.services import actions
from app.ui.common.events import Changes
from app.ui.home import page as home_page
from app.ui.app.main_window import MainWindow
from tests.ui.clock_support import office_with_cases

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

LONG_AGO = dt.date(2026, 3, 2)   # answer limit long passed by any 'today' this test runs on
OLDER = dt.date(2026, 2, 2)
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def reminder_off():
    home_page.DAILY_REMINDER["enabled"] = False
    yield
    home_page.DAILY_REMINDER["enabled"] = True


def open_window(qtbot, today=TODAY) -> MainWindow:
    window = MainWindow(today=today)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_home_page_is_first_and_lists_the_overdue_case_first(qtbot, db_path, reminder_off):
    recent, old, older = office_with_cases(db_path, dt.date(2026, 11, 20), LONG_AGO, OLDER)
    window = open_window(qtbot)
    assert window.ui.navList.currentRow() == 0 and window.ui.navList.item(0).text() == "首页"
    page = window.home_page
    assert window.ui.pages.currentWidget() is page
    qtbot.waitUntil(lambda: bool(page.counts), timeout=3000)  # built on a timer after the window shows
    overdue = page.lists["overdue"].rows()
    # Both old cases are overdue; the one received first has fewer (more negative) days left.
    assert [r[1] for r in overdue[:2]] == ["申请人3", "申请人2"]
    assert overdue[0][2] == "答复期限" and overdue[0][4].startswith("已超期")
    assert page.boxes["overdue"].title() == "已超期（2件）"
    assert "已超期 2 件" in page.summary.text()
    assert window.windowTitle().endswith("— 超期2")
    assert "申请人1" not in [r[1] for r in overdue]
    tip = page.lists["overdue"].model().index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "条例第三十三条" in tip


def test_double_click_opens_the_case(qtbot, db_path, reminder_off):
    office_with_cases(db_path, LONG_AGO)
    window = open_window(qtbot)
    page = window.home_page
    qtbot.waitUntil(lambda: bool(page.counts), timeout=3000)
    table = page.lists["overdue"]
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a real double-click
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # starts with a press
    assert 1 in window.case_views and window.case_views[1].isVisible()


def test_a_case_change_moves_it_to_paused(qtbot, db_path, reminder_off):
    """A fresh case with its internal steps done is not due; a fee notice stops its clock (暂停计时)."""
    today = dt.date.today()
    (case_id,) = office_with_cases(db_path, today)
    for step in ("reviewed", "draft_done", "signed"):
        actions.complete_step(case_id, step, today)
    window = open_window(qtbot, today=None)
    page = window.home_page
    qtbot.waitUntil(lambda: bool(page.counts), timeout=3000)
    assert page.counts == {"overdue": 0, "today": 0, "soon": 0, "paused": 0}
    view = window.open_case(case_id)
    actions.send_fee_notice(case_id, today, method="按量计收", pages=45)  # 109号: pages 31–45 at 10 元
    window.ctx.announce(Changes.case(case_id))  # what every change to a case announces
    qtbot.waitUntil(lambda: page.counts.get("paused") == 1, timeout=3000)
    assert page.lists["paused"].rows()[0][2] == "缴费期限"
    assert page.boxes["paused"].title().endswith("（1件）")


def test_daily_reminder_once_a_day(qtbot, db_path):
    office_with_cases(db_path, LONG_AGO)
    window = open_window(qtbot)
    page = window.home_page
    qtbot.waitUntil(lambda: page.reminder is not None, timeout=3000)
    assert "已超期 1 件" in page.reminder.text() and "申请人1" in page.reminder.text()
    assert not page.reminder.isModal()
    page.reminder.close()
    second = open_window(qtbot)  # started again the same day: no second reminder
    qtbot.waitUntil(lambda: bool(second.home_page.counts), timeout=3000)
    qtbot.wait(50)
    assert second.home_page.reminder is None
    third = open_window(qtbot, today=TODAY + dt.timedelta(days=1))  # next day: reminded again
    qtbot.waitUntil(lambda: third.home_page.reminder is not None, timeout=3000)
    third.home_page.reminder.close()


def test_charts_count_this_years_requests_and_outcomes(qtbot, db_path, reminder_off):
    ids = office_with_cases(db_path, dt.date(2026, 3, 2), dt.date(2026, 3, 9), dt.date(2026, 5, 6))
    from app.services import register
    register.record_outcome(ids[0], "4.1", dt.date(2026, 3, 20))  # 无法提供 (group 4)
    window = open_window(qtbot)
    page = window.home_page
    qtbot.waitUntil(lambda: page._charts is not None, timeout=3000)
    monthly = page._charts.values["monthly"]
    assert monthly[2] == 2 and monthly[4] == 1 and sum(monthly) == 3
    assert page._charts.values["outcomes"] == [0, 0, 0, 1, 0, 0]
    assert "共3件" in page._charts.monthly.title


def test_the_count_runs_beside_the_window_and_a_long_list_shows_its_most_urgent_rows(qtbot, db_path, reminder_off,
                                                                                      monkeypatch):
    """Recounting happens on the worker thread (with thousands of open cases it takes seconds), and a
    list shows only its first rows with a line saying how many more the register holds."""
    from app.ui.common import tasks

    office_with_cases(db_path, OLDER, LONG_AGO, LONG_AGO, dt.date(2026, 11, 20))
    monkeypatch.setattr(home_page, "LIST_ROWS", 2)
    tasks.set_inline(False)  # the real worker thread, as in the program
    try:
        window = open_window(qtbot)
        page = window.home_page
        qtbot.waitUntil(lambda: bool(page.counts), timeout=5000)
    finally:
        tasks.wait_for_all()
        tasks.set_inline(True)
    assert page.counts["overdue"] == 3
    assert page.boxes["overdue"].title() == "已超期（3件）"
    overdue = page.lists["overdue"].rows()
    assert [r[1] for r in overdue] == ["申请人1", "申请人2"]  # the two with fewest working days left
    note = page.empty["overdue"]
    assert page.isVisible() and not note.isHidden() and note.text() == "另有1件未列出：在“登记簿”中按“期限”列排序可查看全部。"
    assert page.empty["today"].text() == "（无）"


def test_from_november_the_page_says_next_year_is_not_loaded_and_which_cases_reach_into_it(
        qtbot, db_path, reminder_off):
    """An extension on 30 November 2026 runs into 2027, whose schedule is not loaded (docs/legal/holidays.md)."""
    late, early = office_with_cases(db_path, dt.date(2026, 11, 20), dt.date(2026, 11, 27))
    from app.services.work_calendar import work_calendar

    if work_calendar().is_confirmed(2027):
        pytest.skip("this holidays package already has 2027")
    actions.extend(late, dt.date(2026, 11, 30), "陈建国")
    window = open_window(qtbot, dt.date(2026, 11, 30))
    page = window.home_page
    qtbot.waitUntil(lambda: bool(page.counts), timeout=3000)
    warning = page.year_ahead
    qtbot.waitUntil(warning.isVisible, timeout=3000)  # counted after the due lists are painted
    text = warning.text()
    assert text.startswith("⚠ 2027年节假日安排尚未载入") and "只按周末和法定节假日当日推算（不含补假和调休）" in text
    # Answer limit Fri 2026-12-18, extended by 20 working days: 12/21–25 (5), 28–31 (9), [1/1 元旦], 1/4–8 (14),
    # 11–15 (19), 18 (20): into 2027; the other case stays in 2026.
    assert "〔2026〕第1号 申请人1（延期答复期限 2027年1月18日），共1件" in text
    assert "申请人2" not in text
    assert "条例第三十三条" in warning.toolTip()

    # Before November nothing is said.
    other = open_window(qtbot, dt.date(2026, 10, 30))
    qtbot.waitUntil(lambda: other.home_page._charts is not None, timeout=3000)  # the rest of the page is shown
    assert not other.home_page.year_ahead.isVisible()


def test_an_empty_year_s_chart_counts_in_whole_numbers(qtbot, db_path, reminder_off):
    """No request yet this year: the axis reads 0, 1 — not 0, 0, 1, 1, 2."""
    office_with_cases(db_path)
    window = open_window(qtbot, dt.date(2026, 1, 5))
    page = window.home_page
    qtbot.waitUntil(lambda: page._charts is not None, timeout=3000)
    for view in (page._charts.monthly, page._charts.outcomes):
        assert view.ticks == [0, 1]
    from app.ui.home.charts import count_axis

    assert count_axis([7, 2]) == (8, 5) and count_axis([1]) == (2, 3) and count_axis([0, 0]) == (1, 2)
