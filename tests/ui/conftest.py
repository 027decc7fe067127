"""Fixtures for the GUI tests: offscreen Qt, a fresh database per test, inline background tasks,
and a helper that drives modal dialogs (exec()) the way a person would."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Callable  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture
def db_path(tmp_path):
    """A database file in tmp_path, closed again after the test."""
    yield tmp_path / "t.sqlite"
    from app.services.workspace import close_workspace

    close_workspace()


@pytest.fixture(autouse=True)
def no_lasting_hooks():
    """A test that starts the program (run_gui) installs the program's exception hooks and Qt message
    handler; later tests get pytest's and pytest-qt's back."""
    yield
    from app.ui.common import hooks

    hooks.uninstall()


@pytest.fixture(autouse=True)
def inline_tasks():
    from app.ui.common import tasks

    tasks.set_inline(True)
    yield
    tasks.set_inline(False)


@pytest.fixture
def modal(qtbot):
    """modal(cls, action) arms a timer that waits for a modal `cls` and runs action(dialog) inside its
    event loop. A failing action closes the dialog (so nothing hangs) and the error is re-raised by
    `modal.check()`."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    errors: list[BaseException] = []
    timers: list[QTimer] = []

    def arm(cls: type, action: Callable[[object], None], timeout_ms: int = 5000, needs_focus: bool = True) -> None:
        """`needs_focus`: wait for the dialog to be the active window first (an action that types);
        reading and clicking need no focus, which a loaded machine may be slow to give."""
        timer = QTimer()
        timer.setInterval(10)
        state = {"waited": 0}

        def poll() -> None:
            widget = QApplication.activeModalWidget()
            state["waited"] += 10
            if isinstance(widget, cls) and needs_focus and not widget.isActiveWindow() \
                    and state["waited"] <= timeout_ms:
                widget.activateWindow()  # a person types into the window in front
            elif isinstance(widget, cls):
                timer.stop()
                try:
                    action(widget)
                except BaseException as exc:  # noqa: BLE001 - reported by check()
                    errors.append(exc)
                    widget.done(0)
            elif state["waited"] > timeout_ms:
                timer.stop()
                errors.append(AssertionError(f"no modal {cls.__name__} appeared"))

        timer.timeout.connect(poll)
        timer.start()
        timers.append(timer)

    def check() -> None:
        if errors:
            raise errors[0]

    arm.check = check  # type: ignore[attr-defined]
    yield arm
    for timer in timers:
        timer.stop()
    check()


@pytest.fixture(autouse=True)
def no_hanging_modals(qapp):
    """An unexpected modal dialog would block the test run for ever: close any modal that stays open
    longer than 15 s and fail the test with its text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: dict[str, object] = {"widget": None, "ticks": 0}
    stuck: list[str] = []

    def tick() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or widget is not seen["widget"]:
            seen.update(widget=widget, ticks=0)
            return
        seen["ticks"] = int(seen["ticks"]) + 1
        if int(seen["ticks"]) >= 30:
            text = getattr(widget, "text", lambda: "")()
            stuck.append(f"{type(widget).__name__} {widget.windowTitle()!r} {text!r}")
            widget.done(0)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(500)
    yield
    timer.stop()
    assert not stuck, "a modal dialog was left open: " + "; ".join(stuck)
