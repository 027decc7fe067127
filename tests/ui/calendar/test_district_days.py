"""工作日历 and 文书模板 of an office in a district (docs/district.md, "The district's defaults"), on a
real district server: the district's days are shown as the district's and the office cannot change
them, only set its own entry for the day; the templates page says where each template comes from."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.ui.calendar.page import CalendarDayDialog, CalendarPage
from tests.district_support import cli
from tests.ui.calendar.test_page import click_day

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

FLOOD_DAY = dt.date(2025, 6, 10)  # a Tuesday, an ordinary working day of 2025


@pytest.fixture
def office_desk(district, tmp_path, monkeypatch):
    from app.services.workspace import open_workspace

    monkeypatch.setenv("ZWGK_DATA_DIR", str(tmp_path / "a-pc"))
    assert cli("--db", district.url_of("qu"), "server", "district-calendar", "--set", FLOOD_DAY.isoformat(), "休",
               "--note", "区防汛指挥部通知") == 0
    open_workspace(district.url_of("a_admin"), create=False)
    return district


def _calendar_page(qtbot) -> CalendarPage:
    from app.ui.common.context import Context

    page = CalendarPage(Context.standalone(dt.date(2025, 6, 2)))
    qtbot.addWidget(page)
    page.show()
    page.year.setValue(2025)
    page.refresh()
    return page


def test_the_district_s_day_is_shown_as_the_district_s_and_the_office_sets_its_own_beside_it(qtbot, modal, office_desk):
    page = _calendar_page(qtbot)
    cell = page.month(6).cell_of(FLOOD_DAY)
    assert "休息日" in cell.toolTip() and "区防汛指挥部通知" in cell.toolTip()
    assert "全区统一设定" in cell.toolTip() and "本机关不能修改或删除" in cell.toolTip()
    assert cell.font().italic() and not cell.font().bold()

    def keep_the_district_s(dialog: CalendarDayDialog) -> None:
        assert dialog.ui.defaultButton.isChecked() and dialog.ui.defaultButton.text() == "按全区统一设定"
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    modal(CalendarDayDialog, keep_the_district_s, needs_focus=False)
    click_day(qtbot, page, FLOOD_DAY)
    modal.check()
    assert "未作改动" in page.message.text()

    def work_that_day(dialog: CalendarDayDialog) -> None:
        dialog.ui.workButton.click()
        qtbot.keyClicks(dialog.ui.f_note, "town works 6-10")  # QtTest types ASCII only
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    modal(CalendarDayDialog, work_that_day, needs_focus=False)
    click_day(qtbot, page, FLOOD_DAY)
    modal.check()
    qtbot.waitUntil(lambda: "已改为上班" in page.message.text())
    cell = page.month(6).cell_of(FLOOD_DAY)
    assert "工作日" in cell.toolTip() and "town works 6-10" in cell.toolTip()
    assert "本机关录入（优先于全区统一设定和节假日数据）" in cell.toolTip() and cell.font().bold()

    def back_to_the_district_s(dialog: CalendarDayDialog) -> None:
        assert dialog.ui.workButton.isChecked() and dialog.ui.f_note.text() == "town works 6-10"
        dialog.ui.defaultButton.click()
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    modal(CalendarDayDialog, back_to_the_district_s, needs_focus=False)
    click_day(qtbot, page, FLOOD_DAY)
    modal.check()
    qtbot.waitUntil(lambda: "已改为恢复默认" in page.message.text())
    cell = page.month(6).cell_of(FLOOD_DAY)
    assert "休息日" in cell.toolTip() and "全区统一设定" in cell.toolTip() and cell.font().italic()
    with office_desk.admin() as owner:  # the district's row untouched, the office's gone
        assert owner.execute("SELECT count(*) FROM district_calendar_entry").fetchone() == (1,)
        assert owner.execute("SELECT count(*) FROM calendar_entry").fetchone() == (0,)


def test_the_templates_page_says_where_each_template_comes_from(qtbot, office_desk, tmp_path):
    import docx

    from app.services import templates
    from app.ui.common.context import Context
    from app.ui.templates.page import TemplatesPage

    default = tmp_path / "区统一回执.docx"
    document = docx.Document(str(templates.shipped_path("申请接收回执")))
    document.add_paragraph("本区统一格式")
    document.save(str(default))
    assert cli("--db", office_desk.url_of("qu"), "server", "district-template", "申请接收回执", str(default)) == 0
    from app.services.workspace import open_workspace

    open_workspace(office_desk.url_of("a_admin"), create=False)
    templates.edit_copy("补正告知书")
    page = TemplatesPage(Context.standalone(dt.date(2026, 3, 6)))
    qtbot.addWidget(page)
    table = page.templates_tab.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())}
    assert table.horizontalHeaderItem(4).text() == "来源"
    assert rows["申请接收回执"][2] == "区统一模板" and rows["申请接收回执"][4] == "区统一"
    assert rows["补正告知书"][2].startswith("本机关修改版") and rows["补正告知书"][4] == "本单位"
    assert rows["延期答复告知书"][2] == "默认模板" and rows["延期答复告知书"][4] == "程序自带"
