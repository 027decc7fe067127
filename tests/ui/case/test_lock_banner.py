"""A case concluded in an archived and locked year opens read-only, and reopens after unlocking."""
import datetime as dt

from app.domain.request import RequestData
from app.services import archive, register


def test_locked_case_is_read_only_in_the_view(qtbot, workspace, tmp_path):
    from app.ui.case.view import CaseView

    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="财政预算",
                                         arrived_on=dt.date(2025, 3, 3), channel="当面"), today=dt.date(2025, 12, 1))
    register.record_outcome(case.id, "4.1", dt.date(2025, 3, 20))
    archive.archive_year(2025, tmp_path / "归档", today=dt.date(2026, 1, 10))

    view = CaseView(case.id)
    qtbot.addWidget(view)
    assert not view.form.isEnabled() and not view.ui.actionsBar.isEnabled()
    assert "2025年度已归档锁定" in view.lock_banner.text()
    assert view.lock_banner.isVisibleTo(view)

    archive.unlock_year(2025, "更正答复日期")
    view.reload()
    assert view.form.isEnabled() and view.ui.actionsBar.isEnabled()
    assert not view.lock_banner.isVisibleTo(view)
