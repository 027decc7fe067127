"""Starting the GUI: the application object, the look, opening the database, the first-start dialog.

`run_gui` is the whole start-up; `prepare_app`, `open_database`, `ensure_configured` and
`build_main_window` are its steps, so tests can drive each one (the modal first-start dialog included).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app import APP_NAME, paths

BENCH_ENV = "ZWGK_BENCH_EXIT_AFTER_SHOW"
BENCH_T0_ENV = "ZWGK_BENCH_T0"
FONT_FAMILIES = ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"]


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", default=None)
    # --self-check and anything else belong to others (the build engineer); ignore them here.
    args, _unknown = parser.parse_known_args(argv)
    return args


def prepare_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the program's name, icon, Chinese font stack and light style sheet."""
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    icon = paths.resource("icon.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    qss = paths.resource("style.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    _install_chinese_translation(app)
    return app  # type: ignore[return-value]


def _install_chinese_translation(app: QApplication) -> None:
    """Qt's own texts (standard buttons 确定/取消, file dialogs, context menus) in Simplified Chinese."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    if getattr(app, "_zh_translator", None) is not None:
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        app._zh_translator = translator  # keep it alive as long as the application


def open_database(db_path: Path | str | None, parent: QWidget | None = None,
                  background_check: bool = False) -> bool:
    """Open the workspace; a damaged, too-new or unwritable file gets a Chinese message box, not a traceback.

    A damaged file is offered the latest good backup, a file in use a read-only opening (issue 8).
    `background_check`: the slow integrity check is left to `backup_dialogs.start_check` (issue 9)."""
    from app.ui.backup_dialogs import open_or_recover

    return open_or_recover(db_path, parent, background_check=background_check)


def ensure_configured(parent: QWidget | None = None) -> bool:
    """On the very first start, ask for the office settings; False if the user cancels."""
    from app.services import settings as office

    if office.is_configured():
        return True
    from app.ui.settings_dialog import SettingsDialog  # only on the first start: start-up speed

    return SettingsDialog(parent, first_start=True).exec() == QDialog.DialogCode.Accepted


def build_main_window():
    """The main window over the open database (the settings must be configured already)."""
    from app.ui.main_window import MainWindow

    return MainWindow()


class _FirstPaint(QObject):
    """Bench hook: at the main window's first paint, print seconds since process start and quit."""

    def __init__(self, t0: float):
        super().__init__()
        self._t0 = t0
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            # Let the paint finish, then report and quit.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"ZWGK_SHOWN {time.time() - self._t0:.3f}", flush=True)
        QApplication.quit()


def _process_start() -> float:
    """Wall-clock time the process started: ZWGK_BENCH_T0 from the launcher, else /proc, else now."""
    if os.environ.get(BENCH_T0_ENV):
        return float(os.environ[BENCH_T0_ENV])
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.time()


def run_gui(argv: list[str]) -> int:
    """`python -m app [--db PATH]`: open the database, first-start settings, then the main window."""
    if "--self-check" in argv:  # the build's smoke test (app/ui/self_check.py), offscreen
        from app.ui.self_check import run_self_check

        return run_self_check(argv)
    args = _parse(argv)
    app = prepare_app(argv)
    if not open_database(args.db, background_check=True):
        return 2
    from app.services import security
    from app.ui import backup_dialogs

    # The full integrity check runs beside the window's construction; writes wait for it.
    check = backup_dialogs.start_check()
    if security.password_required():
        from app.ui import lock

        if not lock.ask_at_start():
            return _finish(check, 0)
    if not ensure_configured():
        return _finish(check, 0)
    window = _show_main_window()
    if check is not None:
        def after_check(message: str) -> None:
            if not handle_check_result(check, message):
                app.exit(2)

        check.finished.connect(after_check)
        if check.result is not None:  # delivered during a start-up dialog
            after_check(check.result)
    code = app.exec()
    return _finish(check, code)


def _show_main_window():
    window = build_main_window()
    window.idle_lock = None
    QTimer.singleShot(0, window, lambda: _watch_idle(window))  # after the first paint: nothing to lock before
    if os.environ.get(BENCH_ENV):
        window._first_paint_hook = hook = _FirstPaint(_process_start())
        window.installEventFilter(hook)
    window.show()
    return window


def _watch_idle(window) -> None:
    from app.ui import lock

    window.idle_lock = lock.watch_idle(window)


def handle_check_result(check, message: str) -> bool:
    """After the background check: on a failure, away with the window, then the damaged-file dialog
    (issue 8) and a new window over the restored or chosen file. False when the clerk quits."""
    if not message or getattr(check, "handled", False):
        return True
    check.handled = True
    from app.ui.backup_dialogs import recover_after_check

    app = QApplication.instance()
    for widget in app.topLevelWidgets():
        if hasattr(widget, "case_views"):  # the main window and its case windows: gone with the file
            for view in list(widget.case_views.values()):
                view.hide()
            widget.hide()
            widget.deleteLater()
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # no window while the dialog asks
    try:
        if not recover_after_check(check.path, message):
            return False
        _show_main_window()
        return True
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)


def _finish(check, code: int) -> int:
    from app.services.workspace import close_workspace
    from app.ui import tasks

    if check is not None:
        check.wait()  # its read-only connection closes before the file is closed
    tasks.wait_for_all()
    close_workspace()
    return code
