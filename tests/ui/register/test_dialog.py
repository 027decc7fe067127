"""Registering through the dialog as the clerk does: a walk-in is not asked for an address, one ID
under two names is remarked on before saving, and the new number is told in front with the 回执
offered."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.request import RequestData
from app.services import register
from app.ui.register.dialog import RegisterDialog, register_new
from tests.ui.ui_support import answer_messages, choose, click, open_main_window, type_into

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

TODAY = dt.date.today()
ID = "11010519491231002X"


@pytest.fixture
def window(qtbot, db_path):
    w = open_main_window(qtbot, db_path, TODAY)
    return w


def fill_walk_in(qtbot, form, name: str = "张三") -> None:
    ui = form.ui
    type_into(qtbot, ui.f_name, name)
    type_into(qtbot, ui.f_id_number, ID)
    type_into(qtbot, ui.f_phone, "13812345678")
    type_into(qtbot, ui.f_info_name, "茅畲村道路硬化工程验收资料")


def test_a_walk_in_collects_the_answer_and_needs_no_address(qtbot, window):
    dialog = RegisterDialog(window, window.ctx)
    qtbot.addWidget(dialog)
    ui = dialog.form.ui
    assert ui.f_channel.currentText() == "当面" and ui.f_delivery_method.currentText() == "自行领取"
    choose(ui.f_channel, "邮寄")
    assert ui.f_delivery_method.currentText() == "邮寄"
    choose(ui.f_channel, "当面")
    fill_walk_in(qtbot, dialog.form)
    assert dialog.form.validate() == {}
    # Once she chose the method herself, the channel no longer changes it.
    choose(ui.f_delivery_method, "当场阅读抄录")
    choose(ui.f_channel, "电子邮件")
    assert ui.f_delivery_method.currentText() == "当场阅读抄录"


def test_the_same_id_under_another_name_is_remarked_before_saving(qtbot, modal, window):
    register.register(RequestData(name="李四", id_number=ID, phone="13812345678", info_name="村务公开",
                                  arrived_on=TODAY, delivery_method="自行领取"), today=TODAY)
    dialog = RegisterDialog(window, window.ctx)
    qtbot.addWidget(dialog)
    fill_walk_in(qtbot, dialog.form, "张三")
    asked = answer_messages(modal, "返回核对")
    click(qtbot, dialog.save_button)
    modal.check()
    assert f"证件号码 {ID} 此前登记的申请人姓名不同：〔{TODAY.year}〕第1号（李四）" in asked[0]
    assert dialog.case is None and len(register.same_id_other_names(ID, "王五")) == 1
    asked = answer_messages(modal, "仍然登记")
    click(qtbot, dialog.save_button)
    modal.check()
    assert dialog.case is not None and dialog.case.name == "张三"


def test_the_new_number_is_told_in_front_and_the_receipt_offered(qtbot, modal, window):
    issued = []
    window.ctx.issue_notice = lambda case_id, kind: issued.append((case_id, kind))

    def fill_and_save(dialog: RegisterDialog) -> None:
        fill_walk_in(qtbot, dialog.form)
        click(qtbot, dialog.save_button)

    modal(RegisterDialog, fill_and_save)
    told = answer_messages(modal, "出具回执…")
    case = register_new(window, window.ctx)
    modal.check()
    assert told == [f"已登记，登记编号：{case.case_no}\n申请人：张三\n\n是否现在出具《政府信息公开申请接收回执》交给申请人？"]
    assert issued == [(case.id, "申请接收回执")]


def test_a_received_date_in_a_locked_year_is_told_while_typing(qtbot, window, tmp_path):
    from PySide6.QtCore import QDate

    from app.services import archive

    register.register(RequestData(name="李四", id_number=ID, phone="13812345678", info_name="村务公开",
                                  arrived_on=dt.date(2025, 3, 2), delivery_method="自行领取"), today=TODAY)
    archive.archive_year(2025, tmp_path / "归档", today=max(TODAY, dt.date(2026, 1, 5)))
    dialog = RegisterDialog(window, window.ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.locked_year.isVisible()
    dialog.form.ui.f_arrived_on.setDate(QDate(2025, 12, 30))  # a letter handed in late last year
    assert dialog.locked_year.isVisible()
    assert dialog.locked_year.text().startswith("2025年度已归档锁定，收到日期在2025年的申请现在无法登记")
    dialog.form.ui.f_arrived_on.setDate(QDate(TODAY))
    assert not dialog.locked_year.isVisible()
    dialog.form.mark_clean()
