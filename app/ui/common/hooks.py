"""The last-resort hooks (docs/architecture.md, "One error path"): `sys.excepthook`,
`threading.excepthook` and Qt's message handler. An exception nobody caught reaches the 操作未完成
dialog and the log (app/ui/common/errors.py); Qt's warnings go to the same log.

Installed first thing at start, so it is kept light: the error dialog and the log file are loaded
when first needed, and Qt's messages wait in memory until the log is opened after the first paint.
"""
from __future__ import annotations

import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Signal, qInstallMessageHandler

_state: dict[str, object] = {"installed": False, "previous_hooks": None, "previous_qt": None, "relay": None,
                             "log_open": False, "pending": []}


class _Relay(QObject):
    """Carries an exception from another thread to the GUI thread (queued delivery)."""

    raised = Signal(object)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    from app.ui.common import errors

    if threading.current_thread() is not threading.main_thread():
        errors.setup_logging()
        errors.log.error("uncaught error: %s", errors.details_of(exc))
        relay = _state["relay"]
        if isinstance(relay, _Relay):
            relay.raised.emit(exc)
        return
    errors.uncaught(exc)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        _excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def _qt_message(kind, context, message: str) -> None:
    # Qt calls this from deep inside its own code: an exception here would take the program down.
    try:
        if _state["log_open"]:
            _write_qt(kind, message)
        else:
            _state["pending"].append((kind, message))  # type: ignore[union-attr]
        previous = _state["previous_qt"]
        if callable(previous):
            previous(kind, context, message)
    except Exception:  # noqa: BLE001 - nothing may escape into Qt
        pass


def _write_qt(kind, message: str) -> None:
    import logging

    from PySide6.QtCore import QtMsgType

    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtCriticalMsg: logging.ERROR, QtMsgType.QtFatalMsg: logging.CRITICAL}.get(kind, logging.WARNING)
    logging.getLogger("app.qt").log(level, message)


def open_log() -> None:
    """Open the log file and write what Qt said meanwhile (the start-up calls this after the first
    paint; an error opens it at once)."""
    from app.ui.common import errors

    errors.setup_logging()
    _state["log_open"] = True
    pending, _state["pending"] = _state["pending"], []
    for kind, message in pending:  # type: ignore[union-attr]
        _write_qt(kind, message)


def install() -> None:
    """The hooks (the GUI's start calls this once, before anything can fail)."""
    if _state["installed"]:
        return
    relay = _Relay()
    relay.raised.connect(_uncaught_from_thread)
    _state.update(installed=True, relay=relay, previous_hooks=(sys.excepthook, threading.excepthook))
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    _state["previous_qt"] = qInstallMessageHandler(_qt_message)


def _uncaught_from_thread(exc: BaseException) -> None:
    from app.ui.common import errors

    errors.unexpected(errors.front_window(), exc)


def uninstall() -> None:
    """Put back the hooks that were there before `install` (tests)."""
    if not _state["installed"]:
        return
    sys.excepthook, threading.excepthook = _state["previous_hooks"]  # type: ignore[misc]
    previous = _state["previous_qt"]
    qInstallMessageHandler(previous if callable(previous) else None)
    _state.update(installed=False, relay=None, previous_qt=None, previous_hooks=None, log_open=False, pending=[])
