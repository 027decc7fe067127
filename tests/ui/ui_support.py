"""How the GUI tests act like a person: type (Chinese through the input method), choose, click,
go to a page, and open the main window over a configured office."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QComboBox

from app.services.demo import demo_settings
from app.services import settings


def bound_to(window, keys: str) -> list:
    """The enabled actions and window-wide shortcuts `keys` sets off in `window`, as Qt's shortcut map
    would find them (a key pressed on a busy test machine may reach the window late or never)."""
    sequence = QKeySequence(keys)
    actions = [a for a in window.findChildren(QAction) if sequence in a.shortcuts() and a.isEnabled()]
    shortcuts = [s for s in window.findChildren(QShortcut) if s.key() == sequence and s.isEnabled()
                 and s.context() != Qt.ShortcutContext.WidgetShortcut]
    return actions + shortcuts


def press(window, keys: str) -> None:
    """What pressing `keys` in `window` does: the one enabled action or shortcut bound to it, set off."""
    bound = bound_to(window, keys)
    assert len(bound) == 1, f"{keys} is bound to {len(bound)} things in {window.windowTitle()}"
    target = bound[0]
    if isinstance(target, QAction):
        assert target.shortcutContext() == Qt.ShortcutContext.WindowShortcut
        target.trigger()
    else:
        target.activated.emit()


def type_text(qtbot, widget, text: str) -> None:
    """Type like a clerk: Latin characters as key presses, Chinese as the input method commits them
    (QTest's keyClicks knows only ASCII keys)."""
    for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def type_into(qtbot, widget, text: str) -> None:
    """Clear the field, then type."""
    widget.setFocus()
    widget.clear()
    type_text(qtbot, widget, text)


def choose(combo: QComboBox, text: str) -> None:
    """Pick an entry of a combo box by its visible text, as a person would."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered in {combo.objectName()}"
    combo.setCurrentIndex(index)


def click(qtbot, button) -> None:
    """Click a button a person can click (a disabled one is a test failure, not a silent no-op)."""
    assert button.isEnabled(), f"{button.text()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_toolbar(qtbot, view, text: str) -> None:
    """Click a case view's toolbar button by its text (it must be enabled)."""
    action = next(a for a in view.ui.actionsBar.actions() if a.text() == text)
    assert action.isEnabled(), f"{text} is disabled"
    qtbot.mouseClick(view.ui.actionsBar.widgetForAction(action), Qt.MouseButton.LeftButton)


def page_of(window, cls):
    """Go to the main window's page of class `cls` through the navigation list."""
    for i, page in enumerate(window.pages()):
        if isinstance(page, cls):
            window.ui.navList.setCurrentRow(i)
            return page
    raise AssertionError(f"no {cls.__name__} in the main window")


def open_main_window(qtbot, db_path, today, prepare=None):
    """The program as started on `db_path` for the township of docs/legal/sources.md (茅畲乡); `prepare()` runs before the
    window is built (e.g. to generate demo data)."""
    from app.ui.app.application import open_database, prepare_app
    from app.ui.app.main_window import MainWindow

    prepare_app([])
    assert open_database(db_path)
    settings.save(demo_settings())
    if prepare is not None:
        prepare()
    window = MainWindow(today=today)
    qtbot.addWidget(window)
    return window


def answer_messages(modal, *answers: str) -> list[str]:
    """Answer the message boxes that come next, in turn, by clicking the button reading each of
    `answers`; returns the list their texts are written to (read it after `modal.check()`)."""
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []
    left = list(answers)

    def act(box: QMessageBox) -> None:
        seen.append(box.text())
        wanted = left.pop(0)
        buttons = {b.text(): b for b in box.buttons()}
        assert wanted in buttons, f"{wanted!r} not among {list(buttons)} in {box.text()!r}"
        if left:
            modal(QMessageBox, act, needs_focus=False)
        buttons[wanted].click()

    modal(QMessageBox, act, needs_focus=False)
    return seen


def db_rows(path, sql: str) -> list[tuple]:
    """Read the register file as another program would (what was really stored)."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
