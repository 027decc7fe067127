"""The 文件/设置 menus reach the backup dialog, the password and the operator name."""
import datetime as dt

from PySide6.QtWidgets import QInputDialog

from app.domain.request import RequestData
from app.services import audit, backup, register


def _window(qtbot):
    from app.ui.app.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    return window


def test_backup_menu_restores_and_the_pages_show_the_restored_register(qtbot, workspace, modal):
    from app.ui.app.backup_dialogs import BackupDialog

    backup.backup_now("测试")
    register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                  address="茅畲村1号", info_description="财政预算",
                                  arrived_on=dt.date(2026, 11, 2), channel="当面"), today=dt.date(2026, 11, 20))
    window = _window(qtbot)
    seen = {}

    def look(dialog: BackupDialog) -> None:
        seen["rows"] = dialog.table.rowCount()
        dialog.reject()

    modal(BackupDialog, look)
    window.ui.actionBackup.trigger()
    modal.check()
    assert seen["rows"] >= 1


def test_operator_name_is_used_by_the_audit_trail_and_remembered(qtbot, workspace, db_path, monkeypatch):
    window = _window(qtbot)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("王丽", True)))
    window.ui.actionOperator.trigger()
    case = register.register(RequestData(name="李四", id_number="11010519491231002X", phone="13812345678",
                                         address="茅畲村1号", info_description="财政预算",
                                         arrived_on=dt.date(2026, 11, 2), channel="当面"), today=dt.date(2026, 11, 20))
    assert audit.case_history(case.id)[-1].operator == "王丽"
    from app.services.workspace import close_workspace, open_workspace

    audit.set_operator("")
    close_workspace()
    open_workspace(db_path)
    assert audit.operator() == "王丽"


def test_a_read_only_register_says_so_in_the_title(qtbot, workspace, db_path):
    from app.services.workspace import close_workspace, open_workspace

    close_workspace()
    open_workspace(db_path, readonly=True)
    window = _window(qtbot)
    assert window.windowTitle().endswith("（只读）")
