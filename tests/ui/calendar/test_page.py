"""工作日历 driven as the clerk does: click a day, make it a holiday, and an open case's limit moves;
import a schedule file (with a broken row, then the sample); confirm a year."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app import paths
from app.ui.home import page as home_page
from app.ui.calendar.page import CalendarDayDialog, CalendarPage
from app.ui.app.main_window import MainWindow
from app.ui.common.reason_dialog import ReasonDialog
from tests.ui.clock_support import office_with_cases

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture(autouse=True)
def no_reminder():
    home_page.DAILY_REMINDER["enabled"] = False
    yield
    home_page.DAILY_REMINDER["enabled"] = True


def click_day(qtbot, page: CalendarPage, day: dt.date) -> None:
    grid = page.month(day.month)
    cell = grid.cell_of(day)
    rect = grid.visualItemRect(cell)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def calendar_of(window: MainWindow) -> CalendarPage:
    page = next(p for p in window.pages() if p.title == "工作日历")
    window.ui.navList.setCurrentRow(window.pages().index(page))
    return page


@pytest.fixture
def window(qtbot, db_path):
    office_with_cases(db_path, dt.date(2026, 11, 2))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_holiday_entered_by_clicking_a_day_moves_an_open_cases_limit(qtbot, window, modal):
    view = window.open_case(1)
    # Mon 2 Nov 2026 + 20 working days (no holiday in November) = Mon 30 Nov.
    assert view.case_clock.panel.row_for("答复期限")[1] == "2026年11月30日"
    page = calendar_of(window)
    page.year.setValue(2026)
    friday = dt.date(2026, 11, 20)
    assert "工作日" in page.month(11).cell_of(friday).toolTip()

    def make_holiday(dialog: CalendarDayDialog) -> None:
        assert dialog.ui.defaultButton.isChecked()
        dialog.ui.offButton.click()
        qtbot.keyClicks(dialog.ui.f_note, "test notice 1")
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    modal(CalendarDayDialog, make_holiday)
    click_day(qtbot, page, friday)
    modal.check()
    # One working day fewer before it: the 20th working day is now Tue 1 Dec.
    assert view.case_clock.panel.row_for("答复期限")[1] == "2026年12月1日"
    assert "1件未办结申请" in page.message.text()
    cell = page.month(11).cell_of(friday)
    assert "休息日" in cell.toolTip() and "test notice 1" in cell.toolTip() and "本机关录入" in cell.toolTip()
    assert cell.font().bold()

    def back_to_default(dialog: CalendarDayDialog) -> None:
        assert dialog.ui.offButton.isChecked() and dialog.ui.f_note.text() == "test notice 1"
        dialog.ui.defaultButton.click()
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    modal(CalendarDayDialog, back_to_default)
    click_day(qtbot, page, friday)
    modal.check()
    assert view.case_clock.panel.row_for("答复期限")[1] == "2026年11月30日"


def test_unconfirmed_year_says_so_and_cannot_be_confirmed_without_a_complete_schedule(qtbot, window, modal):
    """docs/legal/requests.md, 未确认: a year is confirmed only from a complete schedule with its source named. 2029 has
    nothing entered: its statutory holidays (元旦 …, 全国年节及纪念日放假办法第二条) count as days off, the
    year stays 未确认, and 确认 names what is missing."""
    page = calendar_of(window)
    page.year.setValue(2029)
    assert "2029年：未确认" in page.status.text()
    tip = page.month(1).cell_of(dt.date(2029, 1, 1)).toolTip()
    assert "元旦" in tip and "法定节假日" in tip and "未确认" in tip
    seen = {}

    def give_source(dialog: ReasonDialog) -> None:
        assert "国务院办公厅" in dialog.reason()  # the source is asked for, with the notice's name
        dialog.ok_button.click()

    def read(box: QMessageBox) -> None:
        seen["text"] = box.text()
        box.button(QMessageBox.StandardButton.Ok).click()

    modal(ReasonDialog, give_source)
    modal(QMessageBox, read)
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    modal.check()
    assert "春节" in seen["text"] and "国庆" in seen["text"]
    assert "2029年：未确认" in page.status.text()


def test_import_lists_problems_in_chinese_and_saves_nothing(qtbot, window, modal, tmp_path):
    page = calendar_of(window)
    bad = tmp_path / "bad.csv"
    bad.write_text("日期,休/班,备注\n2029-10-01,休,国庆\n2029-13-40,休,错\n2029-10-08,上课,错\n", encoding="utf-8")
    seen = {}

    def read(box: QMessageBox) -> None:
        seen["text"] = box.text()
        box.button(QMessageBox.StandardButton.Ok).click()

    modal(QMessageBox, read)
    page.import_from(bad)
    modal.check()
    assert "第3行" in seen["text"] and "日期无法识别" in seen["text"] and "第4行" in seen["text"]
    page.year.setValue(2029)
    assert "未确认" in page.status.text()
    assert page.month(10).cell_of(dt.date(2029, 10, 1)).toolTip().count("本机关录入") == 0


def test_the_sample_file_imports_and_marks_its_days_but_confirms_nothing(qtbot, window, modal):
    """The bundled sample is sample data: it marks its days, and never makes 2027 certain."""
    page = calendar_of(window)
    sample = paths.resource("节假日安排示例.csv")
    page.import_from(sample)
    assert "导入" in page.message.text() and "不确认" in page.message.text()
    page.year.setValue(2027)
    assert "2027年：未确认" in page.status.text()
    makeup = page.month(2).cell_of(dt.date(2027, 2, 20))  # a Saturday worked in the sample
    assert "工作日" in makeup.toolTip()
    seen = {}
    modal(ReasonDialog, lambda dialog: dialog.ok_button.click())
    modal(QMessageBox, lambda box: (seen.setdefault("text", box.text()),
                                    box.button(QMessageBox.StandardButton.Ok).click()))
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    modal.check()
    assert "示例" in seen["text"]
    assert "2027年：未确认" in page.status.text()
