"""The case view shows the audit trail with old and new values, masked, and cannot edit it."""
import datetime as dt

from app.domain.request import RequestData
from app.services import register


def test_edit_appears_in_the_audit_panel_with_old_and_new_values(qtbot, workspace):
    from app.ui.case.view import CaseView

    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="财政预算",
                                         arrived_on=dt.date(2026, 11, 2), channel="当面"), today=dt.date(2026, 11, 20))
    view = CaseView(case.id)
    qtbot.addWidget(view)
    assert any("登记" in t for t in view.audit_table.texts())
    data = register.as_data(register.get_case(case.id))
    data.address = "茅畲村2号"
    data.phone = "13900001111"
    register.update(case.id, data, today=dt.date(2026, 11, 20))
    view.reload()
    newest = view.audit_table.texts()[0]
    assert "通信地址：茅畲村1号 → 茅畲村2号" in newest
    assert "138****5678 → 139****1111" in newest and "13812345678" not in newest
    from PySide6.QtCore import Qt

    item = view.audit_table.item(0, 3)
    assert not (item.flags() & Qt.ItemFlag.ItemIsEditable)

