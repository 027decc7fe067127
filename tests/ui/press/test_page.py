"""新闻发布 driven as the clerk does, on a real database: a press event recorded through its dialog
changes the year's quota; the pattern is switched to 4·2·1+N; a spokesperson appointed is watched
until reported; a journalist's question is answered (docs/legal/duties.md, 新闻发布)."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from app.domain import press as pr
from app.services import press
from app.ui.press.page import PressPage
from tests.ui.ui_support import choose, click, open_main_window, page_of, type_into

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

D = dt.date
TODAY = D(2025, 8, 15)


@pytest.fixture
def window(qtbot, db_path):
    from app.ui.home import page as home_page

    home_page.DAILY_REMINDER["enabled"] = False
    w = open_main_window(qtbot, db_path, TODAY)
    w.resize(1366, 768)
    w.show()
    yield w
    home_page.DAILY_REMINDER["enabled"] = True


def quota(page: PressPage) -> dict[str, str]:
    return {f"{r[0]}·{r[1]}": f"{r[3]}/{r[2]} {r[4]}" for r in page.quota_text()}


def test_a_press_event_recorded_through_its_dialog_changes_the_quota(qtbot, window):
    """1+2+N (富阳区实施意见第1条), read on 15 August 2025 with nothing held: both halves and the year are
    short. A conference on 12 August meets the second half and one of the year's two."""
    page = page_of(window, PressPage)
    assert quota(page) == {"上半年·新闻发布会": "0次/1次 未完成，缺1次", "下半年·新闻发布会": "0次/1次 尚缺1次",
                           "全年·新闻发布会": "0次/2次 尚缺2次"}
    dialog = page.new_event()
    form = dialog.form
    type_into(qtbot, form.widget("held_on"), "2025-08-12")
    choose(form.widget("kind"), pr.CONFERENCE)
    choose(form.widget("host"), pr.OWN)
    type_into(qtbot, form.widget("topic"), "秋季防汛工作新闻发布会")
    type_into(qtbot, form.widget("speakers"), "张乡长")
    click(qtbot, form.widget("roles").boxes[pr.SPOKESPERSON])
    type_into(qtbot, form.widget("approved_by"), "区委宣传部")
    type_into(qtbot, form.widget("approved_on"), "2025-08-08")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible(), form.general.text()
    assert quota(page) == {"上半年·新闻发布会": "0次/1次 未完成，缺1次", "下半年·新闻发布会": "1次/1次 已完成",
                           "全年·新闻发布会": "1次/2次 尚缺1次"}
    assert page.events_text()[0][:4] == ["2025年8月12日", pr.CONFERENCE, pr.OWN, "秋季防汛工作新闻发布会"]
    assert page.events_text()[0][-1] == ""  # approved, so nothing to flag

    window.home_page.refresh_now()
    assert "新闻发布（“1+2+N”，2025年）" in window.home_page.others.text()
    assert "上半年新闻发布会：已0次，未完成1次" in window.home_page.others.text()


def test_switching_to_4_2_1_shows_quarters_and_half_years(qtbot, window):
    press.save_event(None, pr.EventData(held_on=D(2025, 2, 10), kind=pr.CONFERENCE, host=pr.OWN, topic="x",
                                        speakers="张乡长", roles=(pr.SPOKESPERSON,)), TODAY)
    page = page_of(window, PressPage)
    choose(page.pattern, pr.PATTERN_4_2_1_N)
    page.pattern.activated.emit(page.pattern.currentIndex())  # what picking it from the list does
    assert press.pattern() == pr.PATTERN_4_2_1_N
    rows = quota(page)
    assert rows["第一季度·举办新闻发布会"] == "1次/1次 已完成"
    assert rows["第二季度·举办新闻发布会"] == "0次/1次 未完成，缺1次"
    assert rows["第三季度·举办新闻发布会"] == "0次/1次 尚缺1次"
    assert len(rows) == 7 and "4·2·1+N" in page.pattern_help.text()


def test_bad_input_is_told_in_the_dialog_and_nothing_is_saved(qtbot, window):
    page = page_of(window, PressPage)
    dialog = page.new_event()
    type_into(qtbot, dialog.form.widget("held_on"), "2025-13-40")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and "日期格式不正确" in dialog.form.errors.message("held_on")
    type_into(qtbot, dialog.form.widget("held_on"), "2025-08-12")
    click(qtbot, dialog.save_button)
    assert dialog.form.errors.message("topic") == "请填写发布主题"
    assert press.event_rows() == []
    dialog.reject()


def test_a_spokesperson_is_watched_until_reported_and_the_list_is_exported(qtbot, window, tmp_path):
    """富阳区实施意见第7条: appointed 1 August 2025 → report by 1 September (a Monday)."""
    page = page_of(window, PressPage)
    page.tabs.setCurrentIndex(2)
    dialog = page.new_person()
    form = dialog.form
    type_into(qtbot, form.widget("name"), "张乡长")
    choose(form.widget("role"), pr.SPOKESPERSON)
    type_into(qtbot, form.widget("post"), "乡长")
    type_into(qtbot, form.widget("phone"), "0576-84123456")
    type_into(qtbot, form.widget("appointed_on"), "2025-08-01")
    click(qtbot, dialog.save_button)
    row = [page.roster_table.item(0, c).text() for c in range(page.roster_table.columnCount())]
    assert row[:2] == [pr.SPOKESPERSON, "张乡长"] and row[7:] == ["2025年9月1日", "剩余11个工作日"]
    assert "一个月内" in page.roster_table.item(0, 7).toolTip()
    window.home_page.refresh_now()
    assert "张乡长（新闻发言人）任命报送宣传部 2025年9月1日" in window.home_page.others.text()

    page.roster_table.selectRow(0)
    dialog = page.edit_person()
    type_into(qtbot, dialog.form.widget("appointment_reported_on"), "2025-08-14")
    click(qtbot, dialog.save_button)
    assert page.roster_table.item(0, 8).text() == "已报送"
    page.export_roster(tmp_path / "名单.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "名单.xlsx").active.iter_rows(min_row=3, values_only=True))
    assert rows == [("新闻发言人", "张乡长", "乡长", "0576-84123456", "2025年8月1日")]


def test_a_question_is_answered_from_its_row(qtbot, window):
    press.save_inquiry(None, pr.InquiryData(received_on=D(2025, 8, 14), outlet="台州日报", question="防汛物资"), TODAY)
    page = page_of(window, PressPage)
    page.tabs.setCurrentIndex(1)
    assert [page.inquiry_table.item(0, c).text() for c in (5, 6)] == ["2025年8月15日", "今日到期"]
    page.inquiry_table.selectRow(0)
    dialog = page.reply_inquiry()
    type_into(qtbot, dialog.form.widget("reply"), "已说明受理情况，安排采访")
    click(qtbot, dialog.save_button)
    assert [page.inquiry_table.item(0, c).text() for c in (6, 7)] == ["已完成", "2025年8月15日"]
