"""Issue 5's register actions driven as a clerk would, on a real database: 征求意见 comments of a
行政规范性文件 added and handled in their dialog; a withheld entry due for its 动态调整 review released
with a reason; a document repealed and table 2 counting it."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.proactive import ItemData
from app.services import audit, proactive
from app.ui.home.page import HomePage
from app.ui.proactive.dialogs import ProactiveCommentsDialog, RepealDialog, WithheldReviewDialog
from app.ui.proactive.page import ProactivePage
from tests.ui.ui_support import choose, click, db_rows, open_main_window, page_of, type_into

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

D = dt.date
TODAY = D(2026, 10, 20)  # a Tuesday
LIMIT_COL, ATTR_COL, HINT_COL = 6, 3, 8


@pytest.fixture
def window(qtbot, db_path):
    w = open_main_window(qtbot, db_path, TODAY)
    w.show()
    return w



def select_title(page: ProactivePage, title: str) -> int:
    t = page.table
    for i in range(t.rowCount()):
        if t.item(i, 0).text() == title:
            t.selectRow(i)
            return i
    raise AssertionError(f"{title} is not in the register")


def cells(table, column: int) -> list[str]:
    return [table.item(i, column).text() for i in range(table.rowCount())]




def item(**over) -> ItemData:
    values = dict(title="茅畲乡农村生活垃圾分类管理办法", doc_no="茅政发〔2026〕12号", kind="行政规范性文件",
                  section="农业农村办", made_on=D(2026, 10, 19), issued_on=D(2026, 10, 19), attribute="主动公开")
    values.update(over)
    return ItemData(**values)


# ---------------------------------------------------------------- 征求意见


def test_comments_added_and_handled_with_the_warnings_kept_in_view(qtbot, window, db_path):
    # Comment period Mon 12 Oct – Fri 16 Oct: 4 working days; 7 would have run to Wed 21 Oct.
    proactive.create(item(comment_start=D(2026, 10, 12), comment_end=D(2026, 10, 16)), today=TODAY)
    page = page_of(window, ProactivePage)
    page.refresh()
    assert not page.comments_button.isEnabled()  # nothing selected yet
    select_title(page, "茅畲乡农村生活垃圾分类管理办法")
    click(qtbot, page.comments_button)
    dialog = page.findChild(ProactiveCommentsDialog)
    ui = dialog.ui
    assert dialog.isVisible() and ui.commentsTable.rowCount() == 0
    assert "不足7个工作日" in ui.warningLabel.text() and "2026年10月21日" in ui.warningLabel.text()
    assert "2026年10月12日至2026年10月16日" in ui.periodLabel.text()

    # An empty comment is refused and nothing is stored.
    click(qtbot, ui.addButton)
    assert ui.err_content.text() == "请填写意见内容"
    assert db_rows(db_path, "SELECT count(*) FROM proactive_comment") == [(0,)]

    type_into(qtbot, ui.f_received_on, "2026-10-14")
    type_into(qtbot, ui.f_commenter, "茅畲村村民委员会")
    type_into(qtbot, ui.f_content, "建议在每个自然村增设厨余垃圾收集点")
    click(qtbot, ui.addButton)
    assert ui.err_content.isHidden()
    type_into(qtbot, ui.f_received_on, "2026年10月15日")
    type_into(qtbot, ui.f_commenter, "李某")
    type_into(qtbot, ui.f_content, "第十二条罚款数额过高")
    click(qtbot, ui.addButton)

    t = ui.commentsTable
    assert cells(t, 0) == ["2026年10月14日", "2026年10月15日"]
    assert cells(t, 1) == ["茅畲村村民委员会", "李某"]
    assert cells(t, 3) == ["未处理", "未处理"]
    assert "有2条征求意见尚未登记处理情况" in ui.warningLabel.text()

    # 不予采纳 without the feedback given to the commenter is refused.
    t.selectRow(1)
    choose(ui.f_handling, "不予采纳")
    click(qtbot, ui.handleButton)
    assert ui.err_reply.text() == "不予采纳的意见，须写明向提议人反馈的理由"
    assert cells(t, 3) == ["未处理", "未处理"]

    t.selectRow(0)
    choose(ui.f_handling, "采纳")
    type_into(qtbot, ui.f_reply, "已在第五条增加收集点设置要求")
    click(qtbot, ui.handleButton)
    assert cells(t, 3) == ["采纳", "未处理"]
    assert cells(t, 4)[0] == "已在第五条增加收集点设置要求"
    warning = ui.warningLabel.text()
    assert "有1条征求意见尚未登记处理情况" in warning and "不足7个工作日" in warning
    assert ui.warningLabel.isVisible()
    assert db_rows(db_path, "SELECT commenter, handling, reply FROM proactive_comment ORDER BY received_on") == [
        ("茅畲村村民委员会", "采纳", "已在第五条增加收集点设置要求"), ("李某", "", "")]

    click(qtbot, ui.closeButton)
    row = select_title(page, "茅畲乡农村生活垃圾分类管理办法")
    assert "有1条征求意见尚未登记处理情况" in page.table.item(row, HINT_COL).text()
    assert "收到征求意见2条，未处理1条" in page.details.text()


def test_comments_only_for_normative_documents(qtbot, window):
    proactive.create(item(title="2026年第三季度财政收支情况", doc_no="", kind="非公文类信息", issued_on=None),
                     today=TODAY)
    page = page_of(window, ProactivePage)
    page.refresh()
    select_title(page, "2026年第三季度财政收支情况")
    assert not page.comments_button.isEnabled()
    assert not page.withheld_button.isEnabled()


# ---------------------------------------------------------------- 动态调整


def withheld(title: str, made_on: dt.date) -> int:
    return proactive.create(item(title=title, doc_no="", kind="其他公文", made_on=made_on, issued_on=made_on,
                                 attribute="不予公开", attribute_reason="内部管理信息"), today=TODAY).id


def home_text(window) -> str:
    home = page_of(window, HomePage)
    home.refresh_now()
    return home.others.text()


def test_withheld_item_due_for_review_is_released_with_its_reason(qtbot, window, db_path):
    # Made Tue 15 Sep 2025: the review falls due one year on, Tue 15 Sep 2026 — past by today.
    item_id = withheld("关于村级财务审计问题线索的处理意见", D(2025, 9, 15))
    assert "关于村级财务审计问题线索的处理意见" in home_text(window)
    page = page_of(window, ProactivePage)
    page.refresh()
    row = select_title(page, "关于村级财务审计问题线索的处理意见")
    assert page.table.item(row, LIMIT_COL).text() == "已超期！动态调整复核：2026年9月15日"
    assert "应于2026年9月15日复核" in page.details.text()

    click(qtbot, page.withheld_button)
    dialog = page.findChild(WithheldReviewDialog)
    ui = dialog.ui
    assert "应复核日期：2026年9月15日" in ui.dueLabel.text()
    assert ui.f_reviewed_on.text() == "2026-10-20"
    ui.releaseButton.click()
    assert "20个工作日内公开" in ui.effectLabel.text()
    click(qtbot, dialog.ok_button)  # no reason given
    assert ui.err_reason.text().startswith("请写明复核意见")
    assert dialog.isVisible()
    assert db_rows(db_path, f"SELECT attribute FROM proactive_item WHERE id = {item_id}") == [("不予公开",)]

    type_into(qtbot, ui.f_reason, "审计问题已整改完毕并通报，不予公开的理由已消失")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert db_rows(db_path, f"SELECT attribute, review_due_on, made_on FROM proactive_item WHERE id = {item_id}") == [
        ("主动公开", None, "2026-10-20")]
    last = audit.history("proactive_item", item_id)[-1]
    recorded = {c.field: c.new for c in last.changes}
    assert recorded["release_reason"] == "审计问题已整改完毕并通报，不予公开的理由已消失"
    assert recorded["attribute"] == "主动公开"

    row = select_title(page, "关于村级财务审计问题线索的处理意见")
    assert page.table.item(row, ATTR_COL).text() == "主动公开"
    # Now a 主动公开 公文 from today: loaded by the next working day (Wed 21 Oct), published within
    # 20 working days (Tue 17 Nov) — not judged by its 2025 issue date.
    assert page.table.item(row, LIMIT_COL).text() == "公文内网加载期限：2026年10月21日"
    assert "20个工作日内公开（2026年10月20日起算，至2026年11月17日）" in page.details.text()
    assert not page.withheld_button.isEnabled()
    home = home_text(window)
    assert "动态调整复核" not in home
    assert "关于村级财务审计问题线索的处理意见 — 公文内网加载期限 2026年10月21日" in home


def test_withheld_item_kept_gets_its_next_review_date(qtbot, window, db_path):
    item_id = withheld("信访人员个人情况汇总", D(2025, 9, 16))
    page = page_of(window, ProactivePage)
    page.refresh()
    select_title(page, "信访人员个人情况汇总")
    click(qtbot, page.withheld_button)
    dialog = page.findChild(WithheldReviewDialog)
    assert dialog.ui.keepButton.isChecked()
    type_into(qtbot, dialog.ui.f_reason, "涉及个人隐私，仍不宜公开")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert db_rows(db_path, f"SELECT attribute, review_due_on FROM proactive_item WHERE id = {item_id}") == [
        ("不予公开", "2027-10-20")]
    row = select_title(page, "信访人员个人情况汇总")
    assert page.table.item(row, LIMIT_COL).text() == "动态调整复核：2027年10月20日"
    assert "信访人员个人情况汇总" not in home_text(window)

    page_of(window, ProactivePage)
    select_title(page, "信访人员个人情况汇总")
    click(qtbot, page.withheld_button)
    again = [d for d in page.findChildren(WithheldReviewDialog) if d.isVisible()][0]
    assert "动态调整复核：继续不予公开" in again.ui.historyLabel.text()
    again.reject()


# ---------------------------------------------------------------- 废止


def test_repeal_changes_the_table_2_counts(qtbot, window, db_path):
    proactive.create(item(title="茅畲乡村规民约指导意见", made_on=D(2026, 3, 2), issued_on=D(2026, 3, 2)), today=TODAY)
    proactive.create(item(title="茅畲乡农村宅基地管理暂行办法", doc_no="茅政发〔2025〕3号",
                          made_on=D(2025, 5, 6), issued_on=D(2025, 5, 6)), today=TODAY)
    # 2026: one made this year, none repealed, both in force.
    assert proactive.table2_counts(2026).documents["行政规范性文件"] == (1, 0, 2)

    page = page_of(window, ProactivePage)
    page.refresh()
    select_title(page, "茅畲乡农村宅基地管理暂行办法")
    click(qtbot, page.repeal_button)
    dialog = page.findChild(RepealDialog)
    ui = dialog.ui
    type_into(qtbot, ui.f_repealed_on, "2025-01-01")
    click(qtbot, dialog.ok_button)
    assert ui.err_repealed_on.text() == "废止日期不能早于印发日期"
    type_into(qtbot, ui.f_repealed_on, "2026-11-01")
    click(qtbot, dialog.ok_button)
    assert ui.err_repealed_on.text() == "废止日期不能晚于今天"
    type_into(qtbot, ui.f_repealed_on, "明天")
    click(qtbot, dialog.ok_button)
    assert ui.err_repealed_on.text().startswith("日期格式不正确")
    assert db_rows(db_path, "SELECT count(*) FROM proactive_item WHERE repealed_on IS NOT NULL") == [(0,)]

    type_into(qtbot, ui.f_repealed_on, "2026-09-30")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert proactive.table2_counts(2026).documents["行政规范性文件"] == (1, 1, 1)
    assert proactive.table2_counts(2025).documents["行政规范性文件"] == (1, 0, 1)
    row = select_title(page, "茅畲乡农村宅基地管理暂行办法")
    assert page.table.item(row, LIMIT_COL).text() == "已于2026年9月30日废止"
    assert "已于2026年9月30日废止" in page.details.text()


def test_the_item_form_fits_a_small_screen_and_shows_a_long_title_whole(qtbot, workspace):
    from app.ui.proactive.page import ItemDialog

    dialog = ItemDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    title = "茅畲乡人民政府关于印发茅畲乡农村生活垃圾分类管理办法（试行）的通知"
    dialog.ui.f_title.setText(title)
    assert dialog.width() >= 900 and dialog.sizeHint().height() <= 700  # 1366×768 less a task bar
    metrics = dialog.ui.f_title.fontMetrics()
    assert dialog.ui.f_title.width() >= metrics.horizontalAdvance(title) * 0.9
