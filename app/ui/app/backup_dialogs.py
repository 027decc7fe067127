"""Opening the database with recovery (damaged file, second copy, read-only folder), the daily
backup at start, and the backup/restore dialog (nothing lost).

`open_or_recover` is what the start-up calls; `BackupDialog` lists the backups with their date and
count of cases, previews one, restores it (the current file is saved aside first) and undoes that.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
    QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from app import APP_NAME, paths
from app.services import backup, connection
from app.services.errors import (DatabaseDamaged, DatabaseInUse, DatabaseReadOnly, LoginRefused, ServerUnavailable,
                                 ServiceError, StoreError)
from app.services.workspace import is_readonly, open_workspace
from app.ui.common import errors, files, messages, tasks

OPEN_TITLE = f"{APP_NAME}：无法打开数据库"
CHECK_AT_LATEST_MS = 3000  # the integrity check waits for the home page's first count at most this long


# ---- opening at start ---------------------------------------------------------------------

def open_or_recover(db_path: Path | str | None, parent: QWidget | None = None,
                    background_check: bool = False) -> bool:
    """Open the database; on a damaged file offer the latest good backup or another file, on a
    file in use or a read-only folder offer to open it read-only. True when a database is open.

    With `background_check` (the GUI's start) the slow integrity check runs on a thread
    while the window is built: `start_check()` starts it, the daily backup waits for it, and a
    failure is met by the same damaged-file dialog through `recover_after_check`.
    """
    path = paths.location(db_path) if db_path else paths.default_db_path()
    try:
        open_workspace(path, defer_check=background_check)
    except LoginRefused as exc:
        if connection.needs_password(path):  # the saved connection holds no password: log in
            return _log_in(str(exc), parent, background_check)
        return _offer_server_choice(path, str(exc), parent, background_check)
    except ServerUnavailable as exc:
        return _offer_server_choice(path, str(exc), parent, background_check)
    except DatabaseDamaged as exc:
        return _recover_damaged(path, str(exc), parent)
    except (DatabaseInUse, DatabaseReadOnly) as exc:
        return _offer_read_only(path, str(exc), parent)
    except StoreError as exc:
        messages.critical(parent, OPEN_TITLE, str(exc))
        return False
    if not background_check:  # else the start calls start_cleanup, after the home page's first count
        start_cleanup(parent)
    if backup.unchecked_file() is None:
        _daily_backup(parent)
    return True


class StartupCheck(QObject):
    """The full integrity check of the file just opened, on the free lane (it does not write).

    sqlite3 releases the GIL while PRAGMA integrity_check runs, so the window is built meanwhile;
    the check has its own read-only connection. `finished` is emitted on the GUI thread with ""
    when the file is sound, else the Chinese damaged-file message (also kept in `result`).
    """

    finished = Signal(str)

    def __init__(self, path: Path):
        super().__init__()
        self.path = Path(path)
        self.result: str | None = None
        self.handled = False  # the failure has been met by the damaged-file dialog
        self.started = False

    def start(self) -> "StartupCheck":
        if self.started:
            return self
        self.started = True
        path = self.path
        tasks.Operation(None, lambda: backup.verify_file(path), lane=tasks.FREE) \
            .success(lambda _r: self._deliver("")).failure(self._failed).run()
        return self

    def wait(self) -> None:
        """Until the check has run (its verdict is delivered on the GUI thread's next turn)."""
        tasks.wait_for_all()

    def _failed(self, exc: BaseException) -> None:
        # Any failure of the check means "not sound".
        self._deliver(str(exc) if isinstance(exc, StoreError) else f"数据库文件无法检查（{exc}）：{self.path}")

    def _deliver(self, message: str) -> None:
        self.result = message
        if not message and backup.unchecked_file() == self.path:
            backup.mark_verified(self.path)
            _daily_backup(None)  # held back until now: never back up an unchecked file
        self.finished.emit(message)


def start_cleanup(parent: QWidget | None = None, after: SignalInstance | None = None,
                  at_latest_ms: int = CHECK_AT_LATEST_MS) -> None:
    """Remove the leftovers of an interrupted write (services.cleanup) on a thread, once: at once, or
    when `after` (the home page complete) fires, or `at_latest_ms` after now. Its code (the notices',
    the archive's) is imported on that thread, and after the home page is drawn, whose paint would
    wait for the interpreter meanwhile (docs/performance.md, Start-up). A read-only copy leaves them
    to the writer."""
    if is_readonly():
        return
    started: list[bool] = []

    def start(*_args: object) -> None:
        if not started:
            started.append(True)
            tasks.Operation(parent, _clean_leftovers).failure(_cleanup_failed).run()

    if after is None:
        start()
        return
    after.connect(start)
    QTimer.singleShot(at_latest_ms, start)


def _clean_leftovers() -> None:
    from app.services import cleanup  # on the worker thread (above)

    cleanup.clean_leftovers()


def start_check(after: SignalInstance | None = None, at_latest_ms: int = CHECK_AT_LATEST_MS) -> StartupCheck | None:
    """Start the background check of the open file when it is still due, else None.

    With `after` (the home page's first count), the check starts when that signal fires, or
    `at_latest_ms` after now: on a large register both read the whole file, and on a two-core PC
    the clerk would wait for her due lists behind a check she never sees (docs/performance.md)."""
    path = backup.unchecked_file()
    if path is None:
        return None
    check = StartupCheck(path)
    if after is None:
        return check.start()
    after.connect(lambda *_args: check.start())
    QTimer.singleShot(at_latest_ms, check, check.start)
    return check


def recover_after_check(path: Path, message: str, parent: QWidget | None = None) -> bool:
    """The background check failed: close the file (untouched) and offer the way out as at start."""
    from app.services.workspace import close_workspace

    tasks.wait_for_all()
    close_workspace()
    return _recover_damaged(Path(path), message, parent)


class DamagedFileBox(QMessageBox):
    """The damaged-file message with its two ways out: the latest good backup, or another file."""

    def __init__(self, path: Path, message: str, latest: backup.BackupInfo | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(OPEN_TITLE)
        self.setText(message)
        self.restore_button = None
        if latest is not None:
            self.setInformativeText(f"最近一份完好的备份：{latest.taken_at:%Y年%m月%d日 %H:%M}（{latest.reason}，"
                                    f"{latest.cases}件申请）。恢复后，损坏的文件仍保留在原文件夹中。")
            self.restore_button = self.addButton("从最近的备份恢复", QMessageBox.ButtonRole.AcceptRole)
        else:
            self.setInformativeText("没有找到可用的备份。可以打开其他数据文件（例如U盘上的备份）。")
        self.other_button = self.addButton("打开其他文件…", QMessageBox.ButtonRole.ActionRole)
        self.quit_button = self.addButton("退出", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button or self.other_button)


def _recover_damaged(path: Path, message: str, parent: QWidget | None) -> bool:
    latest = backup.latest_good_backup(path)
    box = DamagedFileBox(path, message, latest, parent)
    box.exec()
    clicked = box.clickedButton()
    if clicked is not None and clicked is box.restore_button and latest is not None:
        try:
            backup.restore(latest.path, path)
        except (ServiceError, StoreError) as exc:
            messages.critical(parent, OPEN_TITLE, f"恢复失败：{exc}")
            return False
        return open_or_recover(path, parent)
    if clicked is not None and clicked is box.other_button:
        chosen = choose_database_file(parent, path.parent)
        return open_or_recover(chosen, parent) if chosen else False
    return False


def choose_database_file(parent: QWidget | None, folder: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "打开其他数据文件", str(folder),
                                          "数据文件 (*.sqlite *.db);;所有文件 (*)")
    return Path(name) if name else None


class ServerFailureBox(QMessageBox):
    """The database server cannot be used (unreachable, the login refused): try again, change the
    connection, or quit. The program never starts half-way."""

    def __init__(self, message: str, parent: QWidget | None = None):
        super().__init__(QMessageBox.Icon.Critical, OPEN_TITLE, message, parent=parent)
        self.retry_button = self.addButton("重试", QMessageBox.ButtonRole.AcceptRole)
        self.settings_button = self.addButton("连接设置…", QMessageBox.ButtonRole.ActionRole)
        self.quit_button = self.addButton("退出", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.retry_button)


def _offer_server_choice(location: paths.Location, message: str, parent: QWidget | None,
                         background_check: bool) -> bool:
    box = ServerFailureBox(message, parent)
    box.exec()
    clicked = box.clickedButton()
    if clicked is box.retry_button:
        return open_or_recover(location, parent, background_check)
    if clicked is box.settings_button:
        from app.ui.settings.connection_dialog import ConnectionDialog

        dialog = ConnectionDialog(parent, server_first=True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return open_or_recover(dialog.chosen or paths.default_file(), parent, background_check)
    return False


def _log_in(message: str, parent: QWidget | None, background_check: bool) -> bool:
    """The server asks for the password the desk does not keep: the connection dialog, the server's
    fields filled in, the password to type."""
    from app.ui.settings.connection_dialog import ConnectionDialog

    dialog = ConnectionDialog(parent, server_first=True, message=message)
    dialog.password.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return open_or_recover(dialog.chosen or paths.default_file(), parent, background_check)


def _offer_read_only(path: Path, message: str, parent: QWidget | None) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, OPEN_TITLE, message, parent=parent)
    readonly = box.addButton("以只读方式打开", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("退出", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(readonly)
    box.exec()
    if box.clickedButton() is not readonly:
        return False
    try:
        open_workspace(path, readonly=True)
    except StoreError as exc:
        messages.critical(parent, OPEN_TITLE, str(exc))
        return False
    return True


def _cleanup_failed(exc: BaseException) -> None:
    """Leftovers that could not be removed are tried again at the next start: logged, not shown."""
    errors.setup_logging()
    errors.log.warning("leftovers not cleaned: %s", errors.details_of(exc))


def _daily_backup(parent: QWidget | None) -> None:
    """Once a day at start, in the background; a failure is told but does not stop the program."""
    def failed(exc: BaseException) -> None:
        messages.warn(parent, f"{APP_NAME}：自动备份未完成", f"今天的自动备份没有完成：{exc}\n数据本身未受影响。")

    tasks.Operation(parent, backup.at_startup).failure(failed).run()


# ---- the backup dialog --------------------------------------------------------------------

def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(n // 1024, 1)} KB"


class BackupDialog(QDialog):
    """备份与恢复: the list of backups, a preview of the selected one, and the actions. On a database
    server the backups are the server's (docs/server.md): the dialog says so and offers the export
    of the office's data to a SQLite file instead."""

    restored = Signal()  # the open database was replaced: screens must reload

    COLUMNS = ("备份时间", "原因", "申请件数", "大小")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("备份与恢复")
        self.resize(860, 520)
        self._backups: list[backup.BackupInfo] = []
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.preview = QPlainTextEdit(readOnly=True)
        self.preview.setPlaceholderText("选择一份备份查看其内容")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.backup_button = QPushButton("立即备份")
        self.copy_button = QPushButton("备份到U盘…")
        self.restore_button = QPushButton("恢复所选备份…")
        self.undo_button = QPushButton("撤销上次恢复…")
        self.export_button = QPushButton("导出为数据文件…")
        self.export_button.clicked.connect(self.export_copy)
        self.on_server = backup.server_managed()
        if self.on_server:
            self._server_layout()
            return
        self._layout()
        self.table.itemSelectionChanged.connect(self._show_preview)
        self.backup_button.clicked.connect(self.backup_now)
        self.copy_button.clicked.connect(self.copy_to_stick)
        self.restore_button.clicked.connect(self.restore_selected)
        self.undo_button.clicked.connect(self.undo_restore)
        self.reload()

    def _layout(self) -> None:
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setSizes([520, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("自动备份：每天首次启动时、数据升级前、年度归档锁定前。保留最近30天每天一份、"
                                "最近12个月每月一份。恢复前会先把当前数据另存为备份，可以撤销。"))
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addLayout(self._actions(self.backup_button, self.copy_button, self.restore_button, self.undo_button))

    def _server_layout(self) -> None:
        self.resize(620, 240)
        note = QLabel(backup.SERVER_BACKUPS)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addLayout(self._actions(self.export_button))

    def _actions(self, *buttons: QPushButton) -> QHBoxLayout:
        """The dialog's buttons, then 关闭 at the right."""
        actions = QHBoxLayout()
        for button in buttons:
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        actions.addWidget(close)
        return actions

    def export_copy(self, target: str | None = None) -> None:
        """The office's data on the server into a SQLite file of the clerk's choosing (a portable copy
        the program opens), off the GUI thread."""
        if not target:
            suggested = str(Path.home() / f"政务公开-导出-{dt.datetime.now():%Y%m%d-%H%M}.sqlite")
            target, _ = QFileDialog.getSaveFileName(self, "导出为数据文件", suggested, "数据文件 (*.sqlite)")
        if not target:
            return
        self.export_button.setEnabled(False)
        self.status.setText("正在导出，请稍候…")

        def done(path: Path) -> None:
            self.export_button.setEnabled(True)
            self.status.setText(f"已导出到：{path}（文书在同名的“_文件”文件夹中，并另存一份同名 .zip）。"
                                "这个文件可以在任何一台电脑上用本程序打开。")

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            if isinstance(exc, (ServiceError, StoreError)):
                self.status.setText(f"未完成：{exc}")
            else:
                self.status.setText("未完成。")
                errors.report(self, exc, "导出未完成")

        tasks.Operation(self, lambda: backup.export_to(target), lane=tasks.FREE, busy="正在导出…") \
            .success(done).failure(failed).run()

    # -- list and preview --

    def reload(self) -> None:
        """The list as it is now, with the same backup highlighted (a restore or undo adds a backup
        at the top: the highlighted row and the preview must still be the same backup)."""
        chosen = self.selected()
        self._backups = backup.list_backups()
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(self._backups))
        for row, info in enumerate(self._backups):
            cases = "无法读取" if info.cases is None else str(info.cases)
            values = (f"{info.taken_at:%Y-%m-%d %H:%M:%S}", info.reason, cases, _size(info.size))
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        again = next((row for row, info in enumerate(self._backups) if chosen and info.path == chosen.path), None)
        if again is not None:
            self.table.selectRow(again)
        self.table.blockSignals(False)
        self.undo_button.setEnabled(backup.can_undo())
        self._show_preview()

    def selected(self) -> backup.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.readable)

    def _show_preview(self) -> None:
        self._update_buttons()
        info = self.selected()
        if info is None:
            self.preview.clear()
            return
        try:
            shown = backup.preview(info.path)
        except StoreError as exc:
            self.preview.setPlainText(str(exc))
            return
        lines = [f"备份时间：{info.taken_at:%Y年%m月%d日 %H:%M:%S}（{info.reason}）",
                 f"机关：{shown.office_name or '（未设置）'}",
                 f"申请共 {info.cases} 件：" + "，".join(f"{y}年度{n}件" for y, n in shown.cases_by_year.items()),
                 f"文书及模板文件：{shown.document_files} 个", "", "最近登记的申请："]
        lines += [f"{no}  {received}  {name}  {status}" for no, received, name, status in shown.latest_cases]
        self.preview.setPlainText("\n".join(lines))

    # -- actions --

    def _confirm(self, text: str, yes: str) -> bool:
        return messages.ask(self, "备份与恢复", text, yes=yes, no="取消")

    def _run(self, action, done: str) -> bool:
        try:
            result = action()
        except (ServiceError, StoreError) as exc:
            self.status.setText(f"未完成：{exc}")
            return False
        except Exception as exc:  # noqa: BLE001 - the one error path tells every kind of failure
            self.status.setText("未完成。")
            errors.report(self, exc, "备份与恢复未完成")
            return False
        self.status.setText(done.format(result=result))
        self.reload()
        return True

    def backup_now(self) -> None:
        self._run(lambda: backup.backup_now().path.name, "已备份：{result}")

    def copy_to_stick(self) -> None:
        folder = files.folder_path(self, "选择U盘或文件夹", "backup-copy")
        if folder:
            self._run(lambda: backup.copy_to(folder), "已备份到：{result}")

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or not self._confirm(
                f"用 {info.taken_at:%Y-%m-%d %H:%M} 的备份（{info.cases}件申请）替换当前数据？\n"
                "当前数据会先另存为一份“恢复前”备份，恢复后可以撤销。", "恢复"):
            return
        tasks.wait_for_all()  # a background count or export finishes before its file is replaced
        if self._run(lambda: backup.restore(info.path), "已恢复 " + f"{info.taken_at:%Y-%m-%d %H:%M} 的备份。"
                     "原来的数据已另存为“恢复前”备份，可点击“撤销上次恢复”。"):
            self.restored.emit()

    def undo_restore(self) -> None:
        if not self._confirm("撤销上次恢复，回到恢复之前的数据？", "撤销恢复"):
            return
        tasks.wait_for_all()
        if self._run(backup.undo_restore, "已撤销上次恢复。"):
            self.restored.emit()
