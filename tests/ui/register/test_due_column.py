"""The register list's 期限 column: the binding limit's date, or 暂停计时 while the clock is stopped."""
import datetime as dt

from app.domain.request import RequestData
from app.services import actions, register


def register_page_with_a_case(qtbot, received: dt.date):
    """A register page listing one request received on `received`: (case, page, model, 期限 column)."""
    from app.ui.register.page import RegisterPage

    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="财政预算",
                                         arrived_on=received, channel="当面"), today=dt.date(2026, 12, 31))
    page = RegisterPage()
    qtbot.addWidget(page)
    page.apply_filters()
    model = page.ui.table.model()
    due_column = [model.headerData(c, qtbot_orientation()) for c in range(model.columnCount())].index("期限")
    return case, page, model, due_column


def test_due_column_shows_the_answer_limit_then_paused(qtbot, workspace):
    case, page, model, due_column = register_page_with_a_case(qtbot, dt.date(2026, 11, 2))
    assert model.index(0, due_column).data() == "2026-11-30"  # docs/legal/holidays.md worked example
    actions.send_correction(case.id, dt.date(2026, 11, 4), "请写明文号")
    page.apply_filters()
    cell = model.index(0, due_column)
    assert cell.data() == "暂停计时"
    from PySide6.QtCore import Qt

    assert "条例第三十条" in cell.data(Qt.ItemDataRole.ToolTipRole)


def qtbot_orientation():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_due_column_marks_a_limit_in_an_unconfirmed_year(qtbot, workspace):
    """docs/legal/requests.md, 未确认: a limit resting on a year whose schedule is not confirmed is never shown
    as certain. Received Tue 2026-12-15: 20 working days → 2027-01-13 (元旦 counted as the statutory holiday
    it is)."""
    from PySide6.QtCore import Qt

    _, _, model, due_column = register_page_with_a_case(qtbot, dt.date(2026, 12, 15))
    cell = model.index(0, due_column)
    assert cell.data() == "2027-01-13（未确认）"
    assert "2027年节假日安排尚未确认" in cell.data(Qt.ItemDataRole.ToolTipRole)
