"""Starting the GUI: the application object, the look, opening the database, the first-start dialog.

`run_gui` is the whole start-up; `prepare_app`, `open_database`, `ensure_configured` and
`build_main_window` are its steps, so tests can drive each one (the modal first-start dialog included).
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.app.qt_app import prepare_app
from app.ui.common.painted import AfterPaint

if TYPE_CHECKING:
    from app.services.startup import FirstLook

BENCH_ENV = "ZWGK_BENCH_EXIT_AFTER_SHOW"
BENCH_T0_ENV = "ZWGK_BENCH_T0"


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", default=None)
    # --self-check and anything else belong to others (the build engineer); ignore them here.
    args, _unknown = parser.parse_known_args(argv)
    return args


def open_database(db_path: Path | str | None, parent: QWidget | None = None,
                  background_check: bool = False) -> bool:
    """Open the workspace; a damaged, too-new or unwritable file gets a Chinese message box, not a traceback.

    A damaged file is offered the latest good backup, a file in use a read-only opening.
    `background_check`: the slow integrity check is left to `backup_dialogs.start_check`."""
    from app.ui.app.backup_dialogs import open_or_recover

    return open_or_recover(db_path, parent, background_check=background_check)


def ensure_configured(parent: QWidget | None = None) -> bool:
    """On the very first start, ask for the office settings; False if the user cancels."""
    from app.services import settings as office

    if office.is_configured():
        return True
    from app.ui.app.main_window import district_login

    if district_login():  # it reads the offices' settings and has none to set (docs/district.md)
        return True
    from app.ui.settings.dialog import SettingsDialog  # only on the first start: start-up speed

    return SettingsDialog(parent, first_start=True).exec() == SettingsDialog.DialogCode.Accepted


def build_main_window(look: "FirstLook | None" = None):
    """The main window over the open database (the settings must be configured already), or, given
    the `first_look` of a file not opened yet, the window that shows before it opens."""
    from app.ui.app.main_window import MainWindow

    return MainWindow(first_look=look)


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


def _bench_hook(window) -> None:
    """Bench (ZWGK_BENCH_EXIT_AFTER_SHOW): print seconds since process start at the first paint
    (ZWGK_SHOWN) and when the database is open behind the window (ZWGK_READY), then quit. With the
    value `home` it waits for the home page's lists (ZWGK_HOME) and prints the longest the event
    loop was kept from running between the first paint and then (ZWGK_STALL, milliseconds)."""
    t0 = _process_start()
    until_home = os.environ.get(BENCH_ENV) == "home"
    beats = {"last": 0.0, "worst": 0.0}

    def beat() -> None:
        now = time.perf_counter()
        if beats["last"]:
            beats["worst"] = max(beats["worst"], now - beats["last"] - _BEAT_S)
        beats["last"] = now

    heart = QTimer(window, interval=int(_BEAT_S * 1000))
    heart.timeout.connect(beat)

    def home() -> None:
        print(f"ZWGK_HOME {time.time() - t0:.3f}", flush=True)
        # The turns that drew the lists (and the charts after them) are over once the heart beats again.
        QTimer.singleShot(200, window, stall)

    def stall() -> None:
        print(f"ZWGK_STALL {beats['worst'] * 1000:.1f}", flush=True)
        QApplication.quit()

    def ready() -> None:
        print(f"ZWGK_READY {time.time() - t0:.3f}", flush=True)
        if not until_home:
            QApplication.quit()
        elif window.home_page.counts:
            home()
        else:
            window.home_page.due_counts.connect(lambda _counts: home())

    def shown() -> None:
        print(f"ZWGK_SHOWN {time.time() - t0:.3f}", flush=True)
        heart.start()
        if window.ready:
            ready()
        else:
            window.workspace_ready.connect(ready)

    AfterPaint(window, shown)  # a child of the window: lives as long as it


_BEAT_S = 0.005  # the heartbeat's interval: a longer gap between beats is the event loop kept busy


def run_gui(argv: list[str]) -> int:
    """`python -m app [--db PATH]`: the main window, the database, first-start settings.

    A configured office without a start-up password sees its window first, and the file opens
    behind it (peewee and the store load after the first paint); a first start, a
    password or a file that needs explaining open the file before any window."""
    if "--self-check" in argv:  # the build's smoke test (app/ui/app/self_check.py), offscreen
        from app.ui.app.self_check import run_self_check

        return run_self_check(argv)
    args = _parse(argv)
    app = prepare_app(argv)
    from app.ui.common import hooks

    hooks.install()  # from here on nothing fails silently: a dialog, and the log in 日志/
    from app.services.startup import first_look

    look = first_look(args.db)
    if look is None:
        return _start_file_first(app, args.db)
    return _start_window_first(app, look)


def _start_file_first(app: QApplication, db: str | None) -> int:
    if not open_database(db, background_check=True):
        return 2
    from app.ui.app import backup_dialogs

    # The full integrity check runs beside the window's construction; writes wait for it.
    check = backup_dialogs.start_check()
    backup_dialogs.start_cleanup()
    if not _unlock_and_configure(None):
        return _finish(check, 0)
    window = _show_main_window()
    _after_open(app, window, check)
    return _finish(check, app.exec())


def _start_window_first(app: QApplication, look: "FirstLook") -> int:
    started: dict[str, object] = {}

    def load_behind() -> None:
        # peewee, the store and the services load on a thread, so the painted window stays
        # responsive meanwhile (docs/performance.md, Start-up); a failure is met by the opening.
        from app.ui.common import tasks

        tasks.Operation(window, _preload, lane=tasks.FREE) \
            .success(lambda _loaded: open_behind()).failure(lambda _exc: open_behind()).run()

    def open_behind() -> None:
        try:
            opened = open_database(look.path, window, background_check=True)
        except Exception as exc:  # noqa: BLE001 - a timer slot: unanswered, the window would wait for ever
            from app.ui.app.backup_dialogs import OPEN_TITLE
            from app.ui.common import errors

            errors.report(window, exc, OPEN_TITLE, doing=f"打开数据库时出错：{look.path}")
            opened = False
        if not opened:
            app.exit(2)
            return
        from app.ui.app import backup_dialogs

        started["check"] = check = backup_dialogs.start_check(after=window.home_page.count_attempted)
        backup_dialogs.start_cleanup(window, after=window.home_page.rest_attempted)
        if not _unlock_and_configure(window):  # the file changed since the first look
            app.exit(0)
            return
        window.workspace_opened()
        _after_open(app, window, check)

    window = _show_main_window(look, after_paint=load_behind)
    code = app.exec()
    return _finish(started.get("check"), code)


def _preload() -> None:
    from app.services.preload import load_store  # on the thread that runs it, as all it imports

    load_store()


def _unlock_and_configure(parent: QWidget | None) -> bool:
    """The start-up password, then the first-start settings; False when the clerk quits."""
    from app.services import security

    if security.password_required():
        from app.ui.app import lock

        if not lock.ask_at_start(parent):
            return False
    return ensure_configured(parent)


def _show_main_window(look: "FirstLook | None" = None, after_paint=None):
    window = build_main_window(look)
    if after_paint is not None:
        AfterPaint(window, after_paint, at_paint=window.hold_input)
    if os.environ.get(BENCH_ENV):  # installed last, so it sees the first paint first (Qt's order)
        _bench_hook(window)
    window.show_as_last_time()
    return window


def _after_open(app: QApplication, window, check) -> None:
    """With the file open: the idle lock after the first paint, and the integrity check's verdict."""
    QTimer.singleShot(0, window, lambda: _after_first_paint(window))
    if check is None:
        return

    def after_check(message: str) -> None:
        if not handle_check_result(check, message):
            app.exit(2)

    check.finished.connect(after_check)
    if check.result is not None:  # delivered during a start-up dialog
        after_check(check.result)


def _after_first_paint(window) -> None:
    """The idle lock (nothing to lock before) and the log file (Qt's messages waited for it)."""
    from app.ui.app import lock
    from app.ui.common import hooks

    window.idle_lock = lock.watch_idle(window)
    hooks.open_log()


def handle_check_result(check, message: str) -> bool:
    """After the background check: on a failure, away with the window, then the damaged-file dialog
    and a new window over the restored or chosen file. False when the clerk quits."""
    if not message or check.handled:
        return True
    check.handled = True
    from app.ui.app.backup_dialogs import recover_after_check
    from app.ui.app.main_window import MainWindow

    app = QApplication.instance()
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow):  # the main window and its case windows: gone with the file
            widget.close_case_views()
            widget.hide()
            widget.deleteLater()
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # no window while the dialog asks
    try:
        if not recover_after_check(check.path, message):
            return False
        _after_open(app, _show_main_window(), None)
        return True
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)


def _finish(_check, code: int) -> int:
    from app.services.workspace import close_workspace
    from app.ui.common import tasks

    tasks.wait_for_all()  # the integrity check's read-only connection closes before the file is closed
    close_workspace()
    return code
