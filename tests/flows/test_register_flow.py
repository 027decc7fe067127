"""The issue's "Done when", driven as a clerk would: first start, register, list, search, reopen, errors,
the case view (edit → timeline, outcome with its date)."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.ui.app.application import build_main_window, ensure_configured, open_database, prepare_app
from app.ui.register.dialog import RegisterDialog
from app.ui.settings.dialog import SettingsDialog
from tests.ui.ui_support import answer_messages, choose, type_into, type_text

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    # The offscreen platform plugin itself warns about window-manager calls it cannot honour.
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

# GB 11643-1999's own example number and GB 32100-2015's own example code (both valid).
PERSON_ID = "11010519491231002X"
COMPANY_CODE = "91350100M000100Y43"
TODAY = dt.date.today()

OFFICE = {
    "office_name": "黄岩区茅畲乡人民政府", "short_name": "茅畲乡", "doc_prefix": "茅政信",
    "disclosure_unit": "党政办公室", "address": "台州市黄岩区茅畲乡茅畲村", "postcode": "318026",
    "phone": "0576-84581234", "handler": "王丽", "leader": "陈建国",
    "reconsideration_body": "台州市黄岩区人民政府", "court": "台州市黄岩区人民法院", "fonds_no": "0194",
    "org_code": "BGS",
}


def db_count(path) -> int:
    """Rows in the request table, read with sqlite3 directly (not through the program)."""
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT COUNT(*) FROM request").fetchone()[0]
    finally:
        con.close()


def db_row(path, name: str) -> dict:
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        return dict(con.execute("SELECT * FROM request WHERE name = ?", (name,)).fetchone())
    finally:
        con.close()



def table_cells(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def column(model, title: str) -> int:
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index(title)


def fill_settings(qtbot, dialog: SettingsDialog) -> None:
    ui = dialog.ui
    save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # nothing typed yet: the required fields complain
    assert dialog.isVisible()
    assert ui.err_office_name.text() == "请填写机关全称"
    assert ui.err_court.text() == "请填写管辖人民法院"
    for name, value in OFFICE.items():
        type_into(qtbot, getattr(ui, f"f_{name}"), value)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def fill_person(qtbot, form) -> None:
    ui = form.ui
    type_into(qtbot, ui.f_name, "张三")
    choose(ui.f_id_type, "居民身份证")
    type_into(qtbot, ui.f_id_number, PERSON_ID)
    type_into(qtbot, ui.f_phone, "13812345678")
    type_into(qtbot, ui.f_address, "浙江省台州市黄岩区茅畲乡上垟村12号")
    type_into(qtbot, ui.f_postcode, "318026")
    type_into(qtbot, ui.f_info_name, "2025年度乡级财政预算执行情况")
    type_into(qtbot, ui.f_info_description, "申请公开2025年度乡级财政预算及执行情况")
    choose(ui.f_form_wanted, "纸质")
    choose(ui.f_delivery_method, "邮寄")


def fill_company(qtbot, form) -> None:
    ui = form.ui
    choose(ui.f_applicant_type, "法人或其他组织")
    choose(ui.f_applicant_kind, "商业企业")
    type_into(qtbot, ui.f_name, "台州市黄岩东海建材有限公司")
    choose(ui.f_id_type, "统一社会信用代码")
    type_into(qtbot, ui.f_id_number, COMPANY_CODE)
    type_into(qtbot, ui.f_legal_rep, "李四")
    type_into(qtbot, ui.f_contact_person, "王五")
    type_into(qtbot, ui.f_phone, "0576-84123456")
    type_into(qtbot, ui.f_email, "office@donghai.example.com")
    type_into(qtbot, ui.f_info_name, "上垟村土地征收补偿安置方案")
    choose(ui.f_form_wanted, "电子")
    choose(ui.f_delivery_method, "电子邮件")
    choose(ui.f_channel, "电子邮件")
    ui.f_confirmed_check.setChecked(True)
    ui.f_confirmed_on.setDate(QDate(TODAY))
    # The form derives the legal date received and says which rule of 条例第三十一条 it used.
    assert ui.receivedLabel.text() == f"{TODAY.year}年{TODAY.month}月{TODAY.day}日"  # as notices write dates: no leading zeros
    assert "第三十一条第（三）项" in ui.receivedRuleLabel.text()
    assert "双方确认之日" in ui.receivedLabel.toolTip()
    choose(ui.f_department, "自然资源所")
    ui.f_fee_reduction.setChecked(True)


def register_through_dialog(qtbot, modal, window, fill) -> list[str]:
    """Register through the dialog; the 登记完成 message (the new number, the 回执 offered) is
    answered 不需要. Returns that message's text."""
    def act(dialog: RegisterDialog) -> None:
        fill(qtbot, dialog.form)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible(), dialog.form.errors  # saved and closed

    modal(RegisterDialog, act)
    told = answer_messages(modal, "不需要")
    qtbot.mouseClick(window.register_page.ui.newButton, Qt.MouseButton.LeftButton)
    modal.check()
    return told


@pytest.fixture
def started(qtbot, modal, db_path):
    """The program started for the first time on an empty database: settings typed in."""
    prepare_app([])
    assert open_database(db_path)
    modal(SettingsDialog, lambda d: fill_settings(qtbot, d))
    assert ensure_configured() is True
    modal.check()
    window = build_main_window()
    qtbot.addWidget(window)
    window.show()
    return window


def test_first_start_register_list_search_and_reopen(qtbot, modal, started, db_path):
    window = started
    assert "茅畲乡" in window.windowTitle()
    told = register_through_dialog(qtbot, modal, window, fill_person)
    assert told[0].startswith(f"已登记，登记编号：〔{TODAY.year}〕第1号\n申请人：张三")
    register_through_dialog(qtbot, modal, window, fill_company)
    assert db_count(db_path) == 2

    page, model = window.register_page, window.register_page.model
    names = {row[column(model, "申请人")] for row in table_cells(model)}
    assert names == {"张三", "台州市黄岩东海建材有限公司"}
    kinds = {row[column(model, "申请人类别")] for row in table_cells(model)}
    assert kinds == {"自然人", "商业企业"}
    numbers = {row[column(model, "登记编号")] for row in table_cells(model)}
    assert numbers == {f"〔{TODAY.year}〕第1号", f"〔{TODAY.year}〕第2号"}
    assert window._counts.text() == "显示 2 件 / 共 2 件"

    # Search as you type: the list follows after the debounce.
    page.focus_search()
    type_text(qtbot, page.ui.searchEdit, "东海")
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=2000)
    assert model.index(0, column(model, "申请人")).data() == "台州市黄岩东海建材有限公司"
    assert window._counts.text() == "显示 1 件 / 共 2 件"
    type_into(qtbot, page.ui.searchEdit, "财政预算")  # content is searched too
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, 3).data() == "张三", timeout=2000)
    page.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=2000)
    before = sorted(table_cells(model))

    # Reopen the program on the same file: nothing asked again, everything as it was.
    window.close()
    from app.services.workspace import close_workspace

    close_workspace()
    assert open_database(db_path)
    assert ensure_configured() is True  # no dialog: already configured
    again = build_main_window()
    qtbot.addWidget(again)
    assert sorted(table_cells(again.register_page.model)) == before
    company = db_row(db_path, "台州市黄岩东海建材有限公司")
    assert (company["id_number"], company["legal_rep"], company["contact_person"]) == (COMPANY_CODE, "李四", "王五")
    assert (company["channel"], company["confirmed_on"], company["fee_reduction"]) == ("电子邮件", TODAY.isoformat(), 1)
    assert company["department"] == "自然资源所"
    person = db_row(db_path, "张三")
    assert (person["id_number"], person["phone"], person["postcode"]) == (PERSON_ID, "13812345678", "318026")
    assert person["received_on"] == TODAY.isoformat()


def test_wrong_check_digit_and_missing_field_save_nothing(qtbot, modal, started, db_path):
    window = started
    assert db_count(db_path) == 0

    def act(dialog: RegisterDialog) -> None:
        form = dialog.form
        fill_person(qtbot, form)
        # A wrong last digit: the message appears as the user leaves the field.
        type_into(qtbot, form.ui.f_id_number, PERSON_ID[:-1] + "1")
        qtbot.keyClick(form.ui.f_id_number, Qt.Key.Key_Tab)
        assert "校验位错误" in form.ui.err_id_number.text()
        assert form.ui.err_id_number.isVisibleTo(dialog)
        assert form.ui.f_id_number.property("invalid") is True
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and db_count(db_path) == 0

        # Correct number, but the name left empty: saved neither.
        type_into(qtbot, form.ui.f_id_number, PERSON_ID)
        form.ui.f_name.clear()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert form.ui.err_name.text() == "请填写申请人姓名或名称（条例第二十九条）"
        assert form.ui.err_id_number.text() == ""
        assert dialog.isVisible() and db_count(db_path) == 0

        # Esc with unsaved typing asks first; "放弃" closes without saving.
        modal(QMessageBox, lambda box: qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard),
                                                         Qt.MouseButton.LeftButton))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()

    modal(RegisterDialog, act)
    qtbot.mouseClick(window.register_page.ui.newButton, Qt.MouseButton.LeftButton)
    modal.check()
    assert db_count(db_path) == 0
    assert window.register_page.model.rowCount() == 0


def test_case_view_edit_timeline_and_outcome(qtbot, modal, started, db_path):
    window = started
    register_through_dialog(qtbot, modal, window, fill_person)
    table, model = window.register_page.ui.table, window.register_page.model
    assert model.rowCount() == 1

    # Double-click the row (a click first, as a hand does).
    rect = table.visualRect(model.index(0, 3))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(window.case_views) == 1
    view = next(iter(window.case_views.values()))
    qtbot.addWidget(view)
    assert view.ui.caseNoLabel.text() == f"〔{TODAY.year}〕第1号"
    # Masked everywhere but the field itself: first 6 and last 4.
    assert "110105********002X" in view.ui.applicantLabel.text()
    assert PERSON_ID not in view.ui.applicantLabel.text()
    assert view.form.ui.f_id_number.text() == PERSON_ID
    assert not view.ui.actionSave.isEnabled()

    type_into(qtbot, view.form.ui.f_phone, "13900001111")
    assert view.ui.actionSave.isEnabled()
    qtbot.mouseClick(view.ui.actionsBar.widgetForAction(view.ui.actionSave), Qt.MouseButton.LeftButton)
    assert db_row(db_path, "张三")["phone"] == "13900001111"
    assert any("联系电话：13812345678 → 13900001111" in t for t in view.timeline_texts())
    assert not view.ui.actionSave.isEnabled()

    # 先审查、后公开: releasing the information is refused while no secrecy review is approved.
    choose(view.ui.f_outcome, "1 予以公开")
    view.ui.f_answered_on.setDate(QDate(TODAY))
    refusal = answer_messages(modal, "记录", "关闭")
    qtbot.mouseClick(view.ui.recordOutcomeButton, Qt.MouseButton.LeftButton)
    modal.check()
    assert "记录办理结果：（一）予以公开" in refusal[0]
    assert "保密审查" in refusal[1]
    assert db_row(db_path, "张三")["outcome"] is None

    # An answer date before the date received is refused at the field.
    choose(view.ui.f_outcome, "4.1 本机关不掌握相关政府信息")
    view.ui.f_answered_on.setDate(QDate(TODAY - dt.timedelta(days=1)))
    answer_messages(modal, "记录")
    qtbot.mouseClick(view.ui.recordOutcomeButton, Qt.MouseButton.LeftButton)
    modal.check()
    assert view.ui.err_answered_on.text() == "答复日期不能早于收到申请日期"
    assert db_row(db_path, "张三")["outcome"] is None

    view.ui.f_answered_on.setDate(QDate(TODAY))
    offered = answer_messages(modal, "记录", "稍后")
    qtbot.mouseClick(view.ui.recordOutcomeButton, Qt.MouseButton.LeftButton)
    modal.check()
    assert offered[1] == "是否立即出具答复告知书（信息不存在）？"
    stored = db_row(db_path, "张三")
    assert (stored["outcome"], stored["answered_on"], stored["status"]) == ("4.1", TODAY.isoformat(), "已答复")
    assert view.ui.statusLabel.text() == "已答复"
    assert any("本机关不掌握相关政府信息" in t for t in view.timeline_texts())
    # The list follows the case.
    assert model.index(0, column(model, "状态")).data() == "已答复"
    assert model.index(0, column(model, "答复日期")).data() == TODAY.isoformat()


def test_the_form_offers_only_plausible_dates(qtbot):
    from app.ui.common.context import Context
    from app.ui.common.request_form import RequestForm

    form = RequestForm(ctx=Context.standalone(TODAY))
    qtbot.addWidget(form)
    for edit in (form.ui.f_arrived_on, form.ui.f_confirmed_on):
        assert edit.minimumDate() == QDate(2008, 5, 1) and edit.maximumDate() == QDate(TODAY)
        edit.setDate(QDate(1, 1, 1))
        assert edit.date() == QDate(2008, 5, 1)
