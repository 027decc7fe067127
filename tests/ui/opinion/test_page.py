"""舆情回应 driven as the clerk does, on a real database: an important item found at 17:50 is
registered, counts down on the home page in hours, goes through its steps (report, investigation,
the approved wording, the response) and leaves the home page once answered (docs/legal/duties.md)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QComboBox, QDateTimeEdit

from app.domain import opinion as op
from app.services import opinion
from app.ui.opinion.page import OpinionPage
from tests.ui.ui_support import choose, click, open_main_window, page_of, type_into

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

T = dt.datetime
FOUND = T(2025, 10, 17, 17, 50)   # a Friday, after office hours
NOW = T(2025, 10, 17, 18, 0)


@pytest.fixture
def window(qtbot, db_path):
    from app.ui.home import page as home_page

    home_page.DAILY_REMINDER["enabled"] = False
    w = open_main_window(qtbot, db_path, NOW.date())
    w.ctx.fixed_now = NOW
    w.resize(1366, 768)
    w.show()
    yield w
    home_page.DAILY_REMINDER["enabled"] = True


def type_moment(qtbot, edit, moment: dt.datetime) -> None:
    """Type a moment into a date-time field section by section, as with the keyboard."""
    edit.setFocus()
    sections = (QDateTimeEdit.Section.YearSection, QDateTimeEdit.Section.MonthSection,
                QDateTimeEdit.Section.DaySection, QDateTimeEdit.Section.HourSection, QDateTimeEdit.Section.MinuteSection)
    for section, text in zip(sections, (f"{moment:%Y}", f"{moment:%m}", f"{moment:%d}", f"{moment:%H}", f"{moment:%M}")):
        edit.setSelectedSection(section)  # as a click on the section, or Tab to it
        qtbot.keyClicks(edit, text)
    assert edit.dateTime().toPython() == moment


def test_an_important_item_counts_down_on_the_home_page_and_leaves_it_when_answered(qtbot, window, tmp_path):
    page = page_of(window, OpinionPage)
    dialog = page.new_item()
    form = dialog.form
    type_moment(qtbot, form.widget("found_at"), FOUND)
    choose(form.widget("source"), "网络媒体")
    type_into(qtbot, form.widget("source_detail"), "台州论坛")
    type_into(qtbot, form.widget("title"), "上垟村道路积水")
    type_into(qtbot, form.widget("concerned"), "上垟村")
    choose(form.widget("level"), op.LEVEL_IMPORTANT)
    assert dialog.level_help.isVisibleTo(dialog) and "中央媒体" in dialog.level_help.text()
    screenshot = tmp_path / "论坛截图.png"
    screenshot.write_bytes(b"png bytes")
    dialog.attachment.set_path(str(screenshot))  # as chosen with 选择附件…
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()

    rows = page.rows_text()
    assert [r[:8] for r in rows] == [["2025-001", "2025年10月17日17:50", "网络媒体", "上垟村道路积水", "上垟村", "重要",
                                      op.STATUS_TO_REPORT, "报告分管领导 2025年10月17日24:00前"]]
    assert rows[0][8] == "剩余6小时"
    assert "第一时间" in page.table.item(0, 7).toolTip()
    page.table.selectRow(0)
    assert page.buttons["open_attachment"].isEnabled() and "论坛截图.png" in page.details.text()
    opened = []
    page.open_document = opened.append
    click(qtbot, page.buttons["open_attachment"])
    assert opened[0].read_bytes() == b"png bytes" and opened[0] != screenshot

    home = window.home_page
    home.refresh_now()
    assert home.hours.isVisibleTo(home)
    assert home.hours.texts() == [["2025-001", "上垟村道路积水", "报告分管领导（本机关流程）", "2025年10月17日24:00", "剩余6小时"]]

    page_of(window, OpinionPage)
    page.select(opinion.rows(now=NOW)[0].item.id)
    record(qtbot, page, op.REPORT, T(2025, 10, 17, 18, 0), leader="陈建国")
    record(qtbot, page, op.INVESTIGATE, T(2025, 10, 17, 19, 30), section="上垟村", findings="排水口堵塞",
           facts="暴雨积水", proposal="连夜疏通并发布情况说明")
    record(qtbot, page, op.APPROVE, T(2025, 10, 17, 20, 0), leader="张书记", wording="已连夜疏通，道路恢复通行")
    home.refresh_now()
    assert [r[2] for r in home.hours.texts()] == ["当天回应（重要舆情）（本机关流程）"]

    record(qtbot, page, op.RESPOND, T(2025, 10, 17, 21, 30), how="发布权威信息", where="乡政府网站",
           link="https://maoshe.gov.cn/a/1")
    assert page.rows_text()[0][6:9] == [op.STATUS_RESPONDED, op.STATUS_RESPONDED, ""]
    timeline = [r[1] for r in page.timeline_text()]
    assert timeline[0] == "审计·发布回应"  # the audit trail is stamped when the clerk recorded it
    assert {"步骤·报告分管领导", "步骤·涉事科室调查", "步骤·主要领导审定口径", "步骤·发布回应"} <= set(timeline)
    assert any("https://maoshe.gov.cn/a/1" in r[3] for r in page.timeline_text())

    home.refresh_now()
    assert home.hours.texts() == [] and not home.hours.isVisibleTo(home)


def record(qtbot, page: OpinionPage, key: str, at: dt.datetime, **values: str) -> None:
    """At `at` plus five minutes, open the step from the 记录步骤 menu, fill it in and click 记录."""
    page.ctx.fixed_now = at + dt.timedelta(minutes=5)
    page.step_menu.aboutToShow.emit()  # what opening the menu does
    action = page.step_actions[key]
    assert action.isEnabled(), action.toolTip()
    action.trigger()
    dialog = page.last_dialog
    assert dialog.isVisible() and dialog.key == key
    type_moment(qtbot, dialog.form.widget("at"), at)
    for name, text in values.items():
        widget = dialog.form.widget(name)
        if isinstance(widget, QComboBox):
            choose(widget, text)
        else:
            type_into(qtbot, widget, text)
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible(), dialog.form.general.text()


def test_a_step_out_of_order_is_refused_in_the_dialog_and_nothing_is_saved(qtbot, window):
    item = opinion.create(op.ItemData(found_at=FOUND, source="网络媒体", title="x", level=op.LEVEL_IMPORTANT), NOW)
    page = page_of(window, OpinionPage)
    page.refresh()
    page.select(item.id)
    page.step_menu.aboutToShow.emit()
    assert not page.step_actions[op.RESPOND].isEnabled()
    assert "报告分管领导" in page.step_actions[op.RESPOND].toolTip()
    dialog = page.record_step(op.INVESTIGATE)
    type_into(qtbot, dialog.form.widget("section"), "上垟村")
    click(qtbot, dialog.save_button)  # the findings, facts and proposal are missing
    assert dialog.isVisible()
    assert dialog.form.errors.message("findings") == "请填写“调查结果”"
    assert opinion.get(item.id).steps == ()
    dialog.reject()
