"""The one shape of background work (docs/architecture.md, "One background shape"; anki's
CollectionOp/QueryOp).

    Operation(parent, lambda: register.update(case_id, data, today), busy="正在保存…") \\
        .success(after_save).announce(ctx.events, Changes.case(case_id)).run()

- `fn` runs off the GUI thread and never touches a widget; `success(result)` or `failure(exc)` runs
  on the GUI thread afterwards. Without a failure callback the error goes to the one error path
  (`errors.report`), so no failure is ever silent.
- Two lanes: `STORE` (the default) is one worker thread, so writes never run two at a time and a
  click never waits on the GUI thread for another write's lock; `FREE` is for work that does not
  write the register (the integrity check, printing, PDF), which may run beside the store lane.
- `with_progress(cb)`: `fn` is called with a `report(done, total, text="")` function; every report
  reaches `cb` on the GUI thread through one queued signal.
- `coalesce(key)`: while an operation with the same key runs, a new one waits, and a newer one
  replaces the waiting one (the home page's recount: only the latest is worth doing).
- `announce(events, changes)`: on success, the `Changes` (or `changes(result)`) are announced.

Tests call `set_inline(True)`: every operation then runs at once on the calling thread (picard's
fake thread pool), with the same callbacks in the same order.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget
from shiboken6 import isValid

STORE = "store"
FREE = "free"
_state = {"inline": False}
_pools: dict[str, QThreadPool] = {}
_pending: set["Operation"] = set()  # keeps running operations (and their signals) alive
_coalescing: dict[str, dict[str, Any]] = {}  # key -> {"running": Operation | None, "waiting": Operation | None}

Progress = Callable[..., None]


def set_inline(inline: bool) -> None:
    """Run every operation at once on the calling thread (for tests)."""
    _state["inline"] = inline


def _pool(lane: str) -> QThreadPool:
    pool = _pools.get(lane)
    if pool is None:
        pool = _pools[lane] = QThreadPool()
        pool.setMaxThreadCount(1 if lane == STORE else 2)
    return pool


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Runner(QRunnable):
    def __init__(self, call: Callable[[], Any], signals: _Signals):
        super().__init__()
        self._call = call
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._call()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)
        finally:
            from app.services.workspace import release_thread_connection

            release_thread_connection()  # the file is held open by the GUI thread only


class Operation:
    """One piece of background work with its callbacks (see the module docstring)."""

    def __init__(self, parent: QWidget | None, fn: Callable[..., Any], *, lane: str = STORE, busy: str = "",
                 failure_title: str | None = None):
        self.parent = parent
        self._fn = fn
        self._lane = lane
        self._busy = busy
        self._failure_title = failure_title
        self._on_success: Callable[[Any], None] = lambda _result: None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_progress: Callable[[int, int, str], None] | None = None
        self._key: str | None = None
        self._events = None
        self._changes: Any = None
        self._signals: _Signals | None = None

    # ---- building ----

    def success(self, callback: Callable[[Any], None]) -> "Operation":
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "Operation":
        self._on_failure = callback
        return self

    def with_progress(self, callback: Callable[[int, int, str], None]) -> "Operation":
        self._on_progress = callback
        return self

    def coalesce(self, key: str) -> "Operation":
        self._key = key
        return self

    def announce(self, events, changes: Any) -> "Operation":
        """On success, `events.announce(changes)` (or `changes(result)` when it is callable)."""
        self._events, self._changes = events, changes
        return self

    # ---- running ----

    def run(self) -> None:
        if self._key is not None:
            slot = _coalescing.setdefault(self._key, {"running": None, "waiting": None})
            if slot["running"] is not None:
                slot["waiting"] = self  # a newer request replaces one that has not started
                return
            slot["running"] = self
        if _state["inline"]:
            self._run_inline()
        else:
            self._start()

    def _call(self, report: Progress | None) -> Any:
        return self._fn(report) if self._on_progress is not None else self._fn()

    def _run_inline(self) -> None:
        self._set_busy(True)
        try:
            result = self._call(self._report_inline)
        except Exception as exc:  # noqa: BLE001 - same contract as the threaded path
            self._finish(False, exc)
        else:
            self._finish(True, result)

    def _report_inline(self, done: int, total: int, text: str = "") -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, text)

    def _start(self) -> None:
        signals = self._signals = _Signals()
        _pending.add(self)
        self._set_busy(True)
        # Queued connections deliver on the GUI thread, where `signals` lives.
        queued = Qt.ConnectionType.QueuedConnection
        signals.succeeded.connect(lambda r: self._finish(True, r), queued)
        signals.failed.connect(lambda e: self._finish(False, e), queued)
        if self._on_progress is not None:
            signals.progressed.connect(self._on_progress, queued)
        report = lambda done, total, text="": signals.progressed.emit(int(done), int(total), str(text))  # noqa: E731
        _pool(self._lane).start(_Runner(lambda: self._call(report), signals))

    def _finish(self, ok: bool, value: Any) -> None:
        _pending.discard(self)
        self._set_busy(False)
        try:
            if self.parent is not None and not isValid(self.parent):
                return  # its window was closed meanwhile: nobody is left to tell
            if ok:
                self._on_success(value)
                if self._events is not None:
                    changes = self._changes(value) if callable(self._changes) else self._changes
                    if changes is not None:
                        self._events.announce(changes)
            elif self._on_failure is not None:
                self._on_failure(value)
            else:
                from app.ui.common import errors

                errors.report(self.parent, value, self._failure_title or errors.UNEXPECTED_TITLE)
        finally:
            self._next_in_line()

    def _next_in_line(self) -> None:
        if self._key is None:
            return
        slot = _coalescing.get(self._key)
        if slot is None or slot["running"] is not self:
            return
        waiting, slot["running"], slot["waiting"] = slot["waiting"], None, None
        if waiting is not None:
            waiting.run()

    def _set_busy(self, on: bool) -> None:
        if not self._busy:
            return
        if on:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
        window = self.parent.window() if self.parent is not None and isValid(self.parent) else None
        if isinstance(window, QMainWindow):
            if on:
                window.statusBar().showMessage(self._busy)
            else:
                window.statusBar().clearMessage()


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Block until every queued operation has run (for shutdown, a restore, and tests)."""
    return all(pool.waitForDone(timeout_ms) for pool in list(_pools.values()))
