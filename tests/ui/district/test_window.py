"""The main window as each login of a district sees it (docs/district.md, 区级的窗口), driven like a
person on a real district server: an office's login has no 全区 page; the 区级 login opens on it,
has no page or action that writes, and reads office B's register read-only; a file office has no
全区 page either."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog

from app.domain import annual_report as ar
from tests.ui.ui_support import bound_to, press, type_text

TODAY = dt.date(2026, 2, 3)
# What the 区级 login keeps of the menus: 打印, 退出 and 帮助 (docs/district.md).
KEPT_ACTIONS = {"actionPrint", "actionQuit", "actionGuide", "actionAbout"}
WRITING_ACTIONS = {"actionNewRequest", "actionOpenCase", "actionFind", "actionOfficeSettings", "actionBackup",
                   "actionPassword", "actionOperator"}


def _window(qtbot, url: str | None = None):
    from app.services.workspace import open_workspace
    from app.ui.app.main_window import MainWindow

    if url is not None:
        open_workspace(url, create=False)
    window = MainWindow(today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _visible_pages(window) -> list[str]:
    nav = window.ui.navList
    return [nav.item(i).text() for i in range(nav.count()) if not nav.item(i).isHidden()]


def _double_click_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _click_cell(qtbot, table, row: int, column: int) -> None:
    table.scrollTo(table.model().index(row, column))
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _column(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _case_numbers(district, who: str, year: int | None = None) -> list[str]:
    """The office's 登记编号 read by its own login with plain SQL (not through the program)."""
    with district.connect(who) as con:
        if year is None:
            rows = con.execute("SELECT case_no FROM request").fetchall()
        else:
            rows = con.execute("SELECT case_no FROM request WHERE received_on BETWEEN %s AND %s",
                               (dt.date(year, 1, 1), dt.date(year, 12, 31))).fetchall()
    return sorted(no for (no,) in rows)


def test_a_file_office_has_no_district_page(qtbot, workspace):
    window = _window(qtbot)
    pages = _visible_pages(window)
    assert "全区" not in pages and pages[0] == "首页" and "登记簿" in pages
    assert window.show_page("全区") is None
    assert window.ui.actionNewRequest.isEnabled() and window.ui.actionNewRequest.isVisible()


def test_an_office_login_has_no_district_page(qtbot, district):
    window = _window(qtbot, district.url_of("a_clerk"))
    pages = _visible_pages(window)
    assert "全区" not in pages and pages[0] == "首页" and "登记簿" in pages
    assert window.ui.navList.currentItem().text() == "首页"
    assert window.show_page("全区") is None
    assert all(getattr(window.ui, name).isEnabled() for name in WRITING_ACTIONS)


def test_the_district_login_opens_on_the_district_page_and_has_no_writing_page(qtbot, district):
    from app.ui.district.page import DistrictPage

    window = _window(qtbot, district.url_of("qu"))
    assert _visible_pages(window) == ["工作日历", "全区"]  # the district's shared calendar is its to keep
    assert window.ui.navList.currentItem().text() == "全区"
    page = window.ui.pages.currentWidget()
    assert isinstance(page, DistrictPage) and page.isVisible()
    assert _column(page.ui.officesTable, 0) == ["新桥镇（a）", "东郊街道（b）"]
    assert "全区 2 个单位" in page.ui.summaryLabel.text()
    assert "区级" in window.windowTitle() and "只读" in window.windowTitle()
    for name in WRITING_ACTIONS:
        action = getattr(window.ui, name)
        assert not action.isEnabled() and not action.isVisible(), name
    assert all(getattr(window.ui, name).isEnabled() for name in KEPT_ACTIONS)
    assert not window.ui.menuRegister.menuAction().isVisible() and not window.ui.menuSettings.menuAction().isVisible()
    # The office pages are not reachable from a link either, and Ctrl+N registers nothing.
    assert window.show_page("登记簿") is None and window.show_page("首页") is None
    assert bound_to(window, "Ctrl+N") == [] and bound_to(window, "Ctrl+O") == []
    # Ctrl+P prints the offices' table.
    title, html = page.printable()
    assert "全区各单位" in title and "东郊街道" in html


def test_the_drill_down_shows_office_b_s_register_read_only(qtbot, district):
    window = _window(qtbot, district.url_of("qu"))
    page = window.ui.pages.currentWidget()
    ui = page.ui
    # Ctrl+F before an office is chosen says why it cannot search.
    press(window, "Ctrl+F")
    assert "请先双击一个单位" in window.statusBar().currentMessage()
    _double_click_row(qtbot, ui.officesTable, 1)
    b_cases = _case_numbers(district, "b_clerk")
    assert len(b_cases) == 4
    assert sorted(_column(ui.registerTable, 0)) == b_cases
    assert "东郊街道的登记簿（只读）：共 4 件" in ui.registerTitle.text()
    # Read-only: no editor opens, typing changes nothing, no case window opens.
    assert ui.registerTable.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    before = _column(ui.registerTable, 2)
    _double_click_row(qtbot, ui.registerTable, 0)
    type_text(qtbot, ui.registerTable, "改")
    assert _column(ui.registerTable, 2) == before and not window.case_views
    # Enter on office A shows A's register instead; the search finds within the office shown.
    ui.officesTable.setFocus()
    ui.officesTable.selectRow(0)
    qtbot.keyClick(ui.officesTable, Qt.Key.Key_Return)
    assert sorted(_column(ui.registerTable, 0)) == _case_numbers(district, "a_clerk")
    press(window, "Ctrl+F")
    assert window.focusWidget() is ui.searchEdit  # the window's focus, whether or not it is active
    a_case = _case_numbers(district, "a_clerk")[2]
    type_text(qtbot, ui.searchEdit, a_case)
    qtbot.keyClick(ui.searchEdit, Qt.Key.Key_Return)
    assert _column(ui.registerTable, 0) == [a_case]


def test_the_district_report_sums_the_offices_and_breaks_any_cell_down(qtbot, district, tmp_path, monkeypatch):
    window = _window(qtbot, district.url_of("qu"))
    page = window.ui.pages.currentWidget()
    ui = page.ui
    # Export before counting says why not.
    press(window, "Ctrl+E")
    assert ui.tabs.currentWidget() is ui.reportTab and "请先" in ui.reportStatus.text()
    ui.yearSpin.setFocus()
    ui.yearSpin.selectAll()
    qtbot.keyClicks(ui.yearSpin, "2025")
    press(window, "Ctrl+R")
    assert "2025年度，2个单位" in ui.reportStatus.text()
    table3 = page.printed["表三"]
    row, column = table3.cells[("t3", "new", ar.TOTAL_COLUMN)]
    new_a, new_b = len(_case_numbers(district, "a_clerk", 2025)), len(_case_numbers(district, "b_clerk", 2025))
    assert (new_a, new_b) == (6, 4)
    assert table3.item(row, column).text() == str(new_a + new_b)
    _click_cell(qtbot, table3, row, column)
    assert _column(ui.breakdownTable, 0) == ["新桥镇", "东郊街道"]
    assert _column(ui.breakdownTable, 1) == [str(new_a), str(new_b)]
    assert "本年新收" in ui.breakdownTitle.text()
    # The export is the national layout, read back as `sum-reports` reads it.
    out = tmp_path / "全区.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    ui.exportButton.click()
    from app.services.report_export import read_report_xlsx

    exported = read_report_xlsx(out)
    assert exported.units == 2 and exported.t3.cell("new", ar.TOTAL_COLUMN) == new_a + new_b


def test_the_district_login_is_not_asked_for_an_office_s_settings_at_start(qtbot, district):
    """A district whose offices have set nothing yet: the 区级 login opens without the first-start
    settings dialog (it could save nothing: the server refuses its writes)."""
    from app.services import settings
    from app.services.workspace import open_workspace
    from app.ui.app.application import ensure_configured

    with district.admin() as con:
        con.execute("DELETE FROM setting")
    open_workspace(district.url_of("qu"), create=False)
    assert not settings.is_configured()
    assert ensure_configured(None)  # an unexpected dialog fails the test (tests/ui/conftest.py)
    window = _window(qtbot)
    assert _visible_pages(window) == ["工作日历", "全区"] and "区级" in window.windowTitle()


def test_the_district_login_keeps_the_district_s_calendar_on_its_calendar_page(qtbot, modal, district):
    """The 区级 login's 工作日历 writes the district's shared calendar, which every office reads."""
    from PySide6.QtWidgets import QDialogButtonBox

    from app.ui.calendar.page import CalendarDayDialog
    from tests.ui.calendar.test_page import click_day

    day = dt.date(2026, 6, 9)  # a Tuesday, an ordinary working day
    window = _window(qtbot, district.url_of("qu"))
    page = window.show_page("工作日历")
    assert page is not None and window.ui.navList.currentItem().text() == "工作日历"
    page.year.setValue(2026)
    page.refresh()

    def day_off(dialog: CalendarDayDialog) -> None:
        dialog.ui.offButton.click()
        qtbot.keyClicks(dialog.ui.f_note, "flood")  # QtTest types ASCII only
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    modal(CalendarDayDialog, day_off, needs_focus=False)
    click_day(qtbot, page, day)
    modal.check()
    qtbot.waitUntil(lambda: "已改为休息" in page.message.text())
    for office in ("a_clerk", "b_clerk"):  # each office's own login reads it with plain SQL
        with district.connect(office) as con:
            assert con.execute("SELECT is_workday, note FROM district_calendar_entry WHERE day = %s",
                               (day,)).fetchall() == [(False, "flood")], office
