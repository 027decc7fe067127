"""What goes out with a register entry, driven as the clerk does on a real database: the 政策解读 of a
行政规范性文件 (flagged when it goes out a day after its document) and a release registered only after
its check (信息发布审核, 登记存档; docs/legal/duties.md)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from app.domain.proactive import ItemData
from app.services import interpretation, proactive, publication
from app.ui.proactive.duties import InterpretationDialog, PublicationDialog
from app.ui.proactive.page import ProactivePage
from tests.review_support import full_release
from tests.ui.proactive.test_dialogs import HINT_COL, select_title
from tests.ui.ui_support import choose, click, open_main_window, page_of, type_into

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

D = dt.date
TODAY = D(2026, 10, 20)
TITLE = "茅畲乡农村生活垃圾分类管理办法"


@pytest.fixture
def window(qtbot, db_path):
    w = open_main_window(qtbot, db_path, TODAY)
    w.show()
    return w


def approve(item_id: int, on: dt.date) -> None:
    from app.services import review

    r = review.create_for_item(item_id, full_release(review.draft_for_item(item_id, today=on)), today=on)
    for key, person in zip(("section", "secrecy", "leader"), ("张三", "李四", "陈建国")):
        r = review.approve(r.id, key, person, on, today=on)


def document(published: bool = True) -> int:
    item = proactive.create(ItemData(title=TITLE, doc_no="茅政发〔2026〕12号", kind="行政规范性文件", section="农业农村办",
                                     made_on=D(2026, 10, 12), issued_on=D(2026, 10, 12), attribute="主动公开",
                                     comment_exempt_reason="应急性事项"), today=TODAY)
    approve(item.id, D(2026, 10, 14))
    if published:
        proactive.publish(item.id, D(2026, 10, 14), "政府门户网站", today=TODAY)
    return item.id


def test_an_interpretation_a_day_after_its_document_is_flagged_in_the_register(qtbot, window):
    item_id = document()
    page = page_of(window, ProactivePage)
    page.refresh()
    select_title(page, TITLE)
    click(qtbot, page.interpretation_button)
    dialog = page.findChild(InterpretationDialog)
    form = dialog.form
    assert form.widget("section").text() == "农业农村办"  # 谁起草谁解读
    assert "政策解读尚未公开" in dialog.flags.text()
    click(qtbot, form.widget("forms").boxes["图解"])
    type_into(qtbot, form.widget("draft_on"), "2026-10-09")
    type_into(qtbot, form.widget("approved_by"), "陈建国")
    type_into(qtbot, form.widget("approved_on"), "2026-10-14")
    type_into(qtbot, form.widget("published_on"), "2026-10-15")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible(), form.general.text()
    row = select_title(page, TITLE)
    assert "晚于文件1天，未与文件同步公开" in page.table.item(row, HINT_COL).text()
    assert interpretation.for_item(item_id).data.forms == ("文字解读", "图解")


def test_an_interpretation_cannot_be_published_before_approval(qtbot, window):
    document()
    page = page_of(window, ProactivePage)
    page.refresh()
    select_title(page, TITLE)
    dialog = page.interpretation_selected()
    type_into(qtbot, dialog.form.widget("published_on"), "2026-10-14")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert "审定后方可公开" in dialog.form.errors.message("published_on")
    dialog.reject()


def test_a_release_is_registered_after_its_check_with_a_copy_kept(qtbot, window, tmp_path):
    item_id = document(published=False)
    page = page_of(window, ProactivePage)
    page.refresh()
    select_title(page, TITLE)
    click(qtbot, page.publish_button)
    dialog = page.findChild(PublicationDialog)
    assert dialog.gate.text() == "发布审核已通过。"
    form = dialog.form
    type_into(qtbot, form.widget("published_on"), "2026-10-14")
    choose(form.widget("place"), "政府门户网站")
    click(qtbot, dialog.save_button)  # the 第七条 and 第八条 checks are not ticked
    assert dialog.isVisible() and "第八条" in form.errors.message("proofread")
    click(qtbot, form.widget("content_checked"))
    click(qtbot, form.widget("proofread"))
    page_file = tmp_path / "发布页面.pdf"
    page_file.write_bytes(b"%PDF-1.4 page")
    dialog.copy.set_path(str(page_file))  # as chosen with 选择存档文件…
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible(), form.general.text()
    (release,) = publication.rows(item_id)
    assert release.reviewers.startswith("科室初审：张三") and release.file.endswith(".pdf")
    assert proactive.get(item_id).data.published_on == D(2026, 10, 14)
    page.export_publications(2026, tmp_path / "登记表.xlsx")
    assert (tmp_path / "登记表.xlsx").is_file()


def test_a_release_before_the_check_is_refused_in_the_dialog(qtbot, window, modal):
    item = proactive.create(ItemData(title="防汛工作部署会", kind="非公文类信息", section="党政办", made_on=D(2026, 10, 19),
                                     attribute="主动公开"), today=TODAY)
    page = page_of(window, ProactivePage)
    page.refresh()
    select_title(page, "防汛工作部署会")
    assert not page.interpretation_button.isEnabled()
    dialog = page.publish_selected()
    assert "尚未经发布审核" in dialog.gate.text()
    for name in ("content_checked", "proofread"):
        click(qtbot, dialog.form.widget(name))
    choose(dialog.form.widget("place"), "公开栏")
    told = []
    modal(QMessageBox, lambda box: (told.append(box.text()), box.accept()), needs_focus=False)
    click(qtbot, dialog.save_button)
    modal.check()
    assert told and told[0].startswith("该信息尚未经发布审核")
    assert dialog.isVisible()  # kept open: the check can be signed and the release registered then
    dialog.reject()
    assert publication.rows(item.id) == [] and proactive.get(item.id).data.published_on is None
