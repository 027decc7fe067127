"""The data-safety screens driven like a person: a damaged file restored from a backup at start,
a second copy opened read-only, the backup dialog (list, preview, restore, undo), the password."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton

from app.services.demo import demo_settings
from app.domain.request import CaseQuery, RequestData
from app.services import backup, register, security, settings
from app.services.workspace import close_workspace, open_workspace
from app.store import audit
from app.ui.app.backup_dialogs import BackupDialog, DamagedFileBox, open_or_recover
from app.ui.app.lock import IdleLock, PasswordDialog, ask_at_start

TODAY = dt.date(2026, 11, 20)


def person(name: str) -> RequestData:
    return RequestData(name=name, id_number="11010519491231002X", phone="13812345678", address="茅畲村1号",
                       info_description="土地征收补偿方案", arrived_on=dt.date(2026, 3, 5), channel="当面")


def office_with(db_path, *names: str) -> None:
    open_workspace(db_path)
    settings.save(demo_settings())
    for name in names:
        register.register(person(name), today=TODAY)


def names() -> list[str]:
    return sorted(r.name for r in register.list_rows(CaseQuery(), 0, 100))


def click(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    button.click()


def test_a_damaged_file_at_start_is_restored_from_the_latest_backup(qtbot, modal, db_path):
    office_with(db_path, "甲", "乙")
    backup.backup_now(backup.DAILY_REASON)
    close_workspace()
    damaged = b"SQLite format 3\x00" + b"\x07" * 8000
    db_path.write_bytes(damaged)
    seen = {}

    def restore(box: DamagedFileBox) -> None:
        seen["text"], seen["info"] = box.text(), box.informativeText()
        click(box, "从最近的备份恢复")

    modal(DamagedFileBox, restore)
    assert open_or_recover(db_path) is True
    modal.check()
    assert seen["text"].startswith("数据库文件已损坏") and "2件申请" in seen["info"]
    assert names() == ["乙", "甲"]
    kept = list(db_path.parent.glob("t.已损坏-*.sqlite"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_a_damaged_file_without_backups_can_only_open_another_or_quit(qtbot, modal, db_path):
    db_path.write_bytes(b"garbage" * 1000)

    def check(box: DamagedFileBox) -> None:
        assert box.restore_button is None and "没有找到可用的备份" in box.informativeText()
        click(box, "退出")

    modal(DamagedFileBox, check)
    assert open_or_recover(db_path) is False
    modal.check()
    assert db_path.read_bytes() == b"garbage" * 1000


def test_a_second_copy_is_told_and_opens_read_only(qtbot, modal, db_path):
    from app.services.errors import DatabaseReadOnly
    from app.store.db import InstanceLock

    office_with(db_path, "甲")
    close_workspace()
    first = InstanceLock(db_path)
    first.acquire()
    seen = {}

    def read_only(box: QMessageBox) -> None:
        seen["text"] = box.text()
        click(box, "以只读方式打开")

    modal(QMessageBox, read_only)
    try:
        assert open_or_recover(db_path) is True
        modal.check()
        assert "正在被另一个政务公开工作台窗口使用" in seen["text"]
        assert names() == ["甲"]
        with pytest.raises(DatabaseReadOnly):
            register.register(person("乙"), today=TODAY)
    finally:
        close_workspace()
        first.release()


def test_the_backup_dialog_lists_previews_restores_and_undoes(qtbot, modal, db_path):
    office_with(db_path, "甲", "乙")
    dialog = BackupDialog()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert "已备份" in dialog.status.text()
    register.register(person("丙"), today=TODAY)
    dialog.reload()
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in (1, 2)] == ["手动备份", "2"]
    assert not dialog.restore_button.isEnabled()

    dialog.table.selectRow(0)
    preview = dialog.preview.toPlainText()
    assert "黄岩区茅畲乡人民政府" in preview and "2026年度2件" in preview and "甲" in preview and "丙" not in preview
    restored = []
    dialog.restored.connect(lambda: restored.append(1))
    modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    modal.check()
    assert names() == ["乙", "甲"] and restored == [1]
    assert "已恢复" in dialog.status.text() and dialog.undo_button.isEnabled()
    assert dialog.table.rowCount() == 2  # the copy saved before the restore is listed too
    # The highlighted row and the preview are still the same backup (the new one came in above it).
    assert highlighted_and_previewed(dialog) == ("手动备份", "手动备份")

    modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    modal.check()
    assert names() == ["丙", "乙", "甲"]
    assert "已撤销" in dialog.status.text()
    highlighted, previewed = highlighted_and_previewed(dialog)
    assert highlighted == previewed == "手动备份"


def highlighted_and_previewed(dialog: BackupDialog) -> tuple[str, str]:
    """The reason of the highlighted row, and the one the preview names in its first line."""
    rows = dialog.table.selectionModel().selectedRows()
    highlighted = dialog.table.item(rows[0].row(), 1).text() if rows else ""
    first = dialog.preview.toPlainText().splitlines()[0] if dialog.preview.toPlainText() else ""
    previewed = first.rsplit("（", 1)[-1].rstrip("）") if first else ""
    time_ok = rows and first and dialog.table.item(rows[0].row(), 0).text()[-8:] in first
    return highlighted, previewed if time_ok else f"{previewed}（时间不一致）"


def test_password_at_start_refuses_a_wrong_one_and_records_the_operator(qtbot, modal, db_path):
    office_with(db_path)
    security.set_password("maoshe2026")
    seen = {}

    def type_passwords(dialog: PasswordDialog) -> None:
        dialog.operator.setText("李明")  # Chinese comes through the input method, not key clicks
        qtbot.keyClicks(dialog.password, "wrong-one")
        dialog.accept()
        seen["error"] = dialog.error.text()
        qtbot.keyClicks(dialog.password, "maoshe2026")
        dialog.accept()

    modal(PasswordDialog, type_passwords)
    try:
        assert ask_at_start() is True
        modal.check()
        assert seen["error"] == "密码不正确，请重新输入"
        assert audit.operator() == "李明"
    finally:
        audit.set_operator("")


def test_the_idle_lock_hides_the_window_until_the_password_is_typed(qtbot, modal, db_path):
    office_with(db_path)
    security.set_password("maoshe2026")
    window = QMainWindow()
    window.setCentralWidget(QPushButton("登记簿"))
    qtbot.addWidget(window)
    window.show()
    seen = {}

    def unlock(dialog: PasswordDialog) -> None:
        seen["hidden"] = not window.centralWidget().isVisible()
        qtbot.keyClicks(dialog.password, "maoshe2026")
        dialog.accept()

    modal(PasswordDialog, unlock)
    guard = IdleLock(window, 50)
    try:
        qtbot.waitUntil(lambda: "hidden" in seen and not guard.locked, timeout=5000)
    finally:
        guard.stop()
    modal.check()
    assert seen["hidden"] is True
    assert window.centralWidget().isVisible()


def test_an_empty_file_at_start_is_offered_the_latest_backup_not_the_first_start(qtbot, modal, db_path):
    office_with(db_path, "甲", "乙", "丙")
    backup.backup_now(backup.DAILY_REASON)
    close_workspace()
    db_path.write_bytes(b"")  # a copy that failed
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    seen = {}

    def restore(box: DamagedFileBox) -> None:
        seen["text"], seen["info"] = box.text(), box.informativeText()
        click(box, "从最近的备份恢复")

    modal(DamagedFileBox, restore)
    assert open_or_recover(db_path) is True
    modal.check()
    assert "空的（0字节）" in seen["text"] and "3件申请" in seen["info"]
    assert names() == ["丙", "乙", "甲"]


def test_leftovers_of_an_interrupted_run_are_cleaned_when_the_program_starts(qtbot, db_path):
    import os
    import time

    from app import paths
    from app.ui.common import tasks

    office_with(db_path, "甲")
    close_workspace()
    leftover = paths.documents_dir(db_path) / ".签发中-999-补.docx.part"
    partial = paths.backups_dir(db_path) / "20261120-093000_手动备份.sqlite.partial"
    for path in (leftover, partial):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    from PySide6.QtCore import QObject, Signal

    from app.ui.app.backup_dialogs import start_cleanup

    class HomePage(QObject):
        rest_attempted = Signal()

    home = HomePage()
    # The GUI's start opens with the check in the background, and cleans after the home page is drawn.
    assert open_or_recover(db_path, background_check=True) is True
    start_cleanup(after=home.rest_attempted, at_latest_ms=600_000)
    tasks.wait_for_all()
    assert leftover.exists() and partial.exists()  # the home page is not drawn yet
    home.rest_attempted.emit()
    qtbot.waitUntil(lambda: not leftover.exists() and not partial.exists(), timeout=5000)
    home.rest_attempted.emit()  # once only
    tasks.wait_for_all()
    close_workspace()


def test_leftovers_are_cleaned_at_once_when_the_file_is_opened_otherwise(qtbot, db_path):
    import os
    import time

    from app import paths
    from app.ui.common import tasks

    office_with(db_path, "甲")
    close_workspace()
    leftover = paths.documents_dir(db_path) / ".签发中-999-补.docx.part"
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_bytes(b"half")
    os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    assert open_or_recover(db_path) is True  # e.g. another file chosen from the backup dialog
    tasks.wait_for_all()
    qtbot.waitUntil(lambda: not leftover.exists(), timeout=5000)
    close_workspace()
