"""The one shape of background work (anki's operations): `fn` runs off the GUI thread; the success or
failure callback runs on the GUI thread. `fn` must never touch a widget.

Database work is serialised on one worker thread, so two tasks never write at the same time.
Tests call `set_inline(True)` to run tasks synchronously (picard's fake thread pool).
"""
from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

_state = {"inline": False}
_pending: set["_Signals"] = set()
_pool: QThreadPool | None = None


def set_inline(inline: bool) -> None:
    """Run every task at once on the calling thread (for tests)."""
    _state["inline"] = inline


def _worker_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals):
        super().__init__()
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)
        finally:
            from app.services.workspace import release_thread_connection

            release_thread_connection()  # the file is held open by the GUI thread only


def _default_failure(parent: QWidget | None, exc: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.services.errors import ServiceError, StoreError

    text = str(exc) if isinstance(exc, (ServiceError, StoreError)) else f"操作失败：{exc}"
    QMessageBox.warning(parent, "操作未完成", text)


def run_in_background(parent: QWidget | None, fn: Callable[[], Any], on_success: Callable[[Any], None],
                      on_failure: Callable[[BaseException], None] | None = None, busy_text: str = "") -> None:
    """Run `fn()` off the GUI thread; then `on_success(result)` or `on_failure(exc)` on the GUI thread.

    While it runs the cursor shows busy and `busy_text` stands in the parent window's status bar.
    """
    failure = on_failure or (lambda exc: _default_failure(parent, exc))
    if _state["inline"]:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - same contract as the threaded path
            failure(exc)
        else:
            on_success(result)
        return
    signals = _Signals()
    _pending.add(signals)
    _busy(parent, busy_text, True)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _pending.discard(signals)
        _busy(parent, busy_text, False)
        callback(value)

    # Queued connections deliver on the GUI thread, where `signals` lives.
    signals.succeeded.connect(lambda r: finish(on_success, r), Qt.ConnectionType.QueuedConnection)
    signals.failed.connect(lambda e: finish(failure, e), Qt.ConnectionType.QueuedConnection)
    _worker_pool().start(_Task(fn, signals))


def _busy(parent: QWidget | None, text: str, on: bool) -> None:
    if on:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    else:
        QGuiApplication.restoreOverrideCursor()
    window = parent.window() if parent is not None else None
    if text and isinstance(window, QMainWindow):
        if on:
            window.statusBar().showMessage(text)
        else:
            window.statusBar().clearMessage()


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Block until queued tasks are done (for shutdown and tests)."""
    return _pool.waitForDone(timeout_ms) if _pool is not None else True
