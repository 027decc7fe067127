"""The case window as a whole: it follows the workspace's announcements."""
import datetime as dt

from app.domain.request import RequestData
from app.services import register


def test_a_case_window_closes_when_a_restore_leaves_its_case_out(qtbot, workspace, tmp_path):
    """After a restore (the whole file replaced, announced as such) a window showing a case that the
    restored file does not have closes instead of failing to reload."""
    from app.services import backup
    from app.ui.case.view import CaseView
    from app.ui.common.events import Changes

    backup.backup_now(backup.MANUAL_REASON)  # a register without the case
    case = register.register(RequestData(name="李四", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="财政预算",
                                         arrived_on=dt.date(2026, 11, 2), channel="当面"), today=dt.date(2026, 11, 20))
    view = CaseView(case.id)
    qtbot.addWidget(view)
    view.show()
    backup.restore(backup.list_backups()[0].path)
    view.ctx.announce(Changes(workspace=True))
    assert not view.isVisible()
