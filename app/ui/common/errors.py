"""The one error path of the program (docs/architecture.md, "One error path").

- `report(parent, exc, title, show_errors)`: a validation error goes to the field labels, a refusal of a service or
  the store (`ServiceError`, `StoreError`) to a Chinese message box, a file-system error to a
  Chinese message naming the file, anything else to the "操作未完成" dialog with a
  "复制详细信息" button and the traceback written to the log file.
- `uncaught(exc)`: what the last-resort hooks (app/ui/common/hooks.py) do with an exception nobody
  caught (a button handler, a slot): the same dialog and the log, so the windowed build never fails
  silently.

The log is a rotating file in the user data folder's 日志 folder (`app.paths.log_dir`).
"""
from __future__ import annotations

import logging
import traceback
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)
from shiboken6 import isValid

from app import APP_NAME, paths

log = logging.getLogger("app")
LOG_FILE = "政务公开工作台.log"
LOG_BYTES = 1_000_000
LOG_KEEP = 5
UNEXPECTED_TITLE = "操作未完成"
_state: dict[str, object] = {"handler": None, "showing": False}


# ---- the log file -------------------------------------------------------------------------

def log_file() -> Path:
    return paths.log_dir() / LOG_FILE


def setup_logging() -> Path | None:
    """Send the program's log to the rotating file (once; again after the data folder changed).
    Returns the file, or None when the folder cannot be written (the program runs on without)."""
    target = log_file()
    handler = _state["handler"]
    if isinstance(handler, logging.Handler):
        if Path(getattr(handler, "baseFilename", "")) == target:
            return target
        log.removeHandler(handler)
        handler.close()
        _state["handler"] = None
    from logging.handlers import RotatingFileHandler  # here, not at start-up: set up with the first line

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(target, maxBytes=LOG_BYTES, backupCount=LOG_KEEP,
                                                       encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    _state["handler"] = handler
    return target


def details_of(exc: BaseException) -> str:
    """The traceback of `exc` as text (it travels with the exception across threads)."""
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


# ---- reporting one failure ----------------------------------------------------------------

def report(parent: QWidget | None, exc: BaseException, title: str = UNEXPECTED_TITLE,
           show_errors: Callable[[dict[str, str]], None] | None = None, doing: str = "") -> None:
    """Tell the clerk about `exc` the one way the program does (see the module docstring)."""
    # Imported here: the store (and peewee) must not load before the window's first paint.
    from app.services.errors import ServiceError, StoreError, ValidationError

    if isinstance(exc, ValidationError):
        if show_errors is not None:
            show_errors(exc.errors)
        else:
            from app.ui.common import messages

            messages.warn(parent, title, "\n".join(exc.errors.values()))
    elif isinstance(exc, (ServiceError, StoreError)):
        from app.ui.common import messages

        messages.warn(parent, title, str(exc))
    elif isinstance(exc, OSError):
        from app.ui.common import messages

        setup_logging()
        log.warning("file error: %s", details_of(exc))
        messages.warn(parent, title, os_error_text(exc))
    else:
        unexpected(parent, exc, doing)


def os_error_text(exc: OSError) -> str:
    """A file-system error in Chinese (app.oserrors), with the file it concerns."""
    from app import oserrors

    name = f"：{exc.filename}" if exc.filename else ""
    return f"{oserrors.reason(exc)}{name}。请检查后重试；已保存的数据不受影响。"


def unexpected(parent: QWidget | None, exc: BaseException, doing: str = "") -> None:
    """Anything not foreseen: logged with its traceback, then the "操作未完成" dialog. `doing` says
    what the program was doing (e.g. "打开数据库时出错：D:\\政务公开.sqlite")."""
    details = details_of(exc)
    setup_logging()
    log.error("unexpected error%s: %s", f" ({doing})" if doing else "", details)
    if _state["showing"]:  # an error while telling of an error: the log has it
        return
    _state["showing"] = True
    try:
        UnexpectedErrorDialog(parent, exc, details, doing).exec()
    finally:
        _state["showing"] = False


class UnexpectedErrorDialog(QDialog):
    """操作未完成: what happened in one Chinese sentence, where the log is, and the details to copy."""

    def __init__(self, parent: QWidget | None, exc: BaseException, details: str, doing: str = ""):
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME}：{UNEXPECTED_TITLE}")
        self.details = details
        self.text = QLabel((f"{doing}\n" if doing else "") +
                           "程序遇到意外错误，刚才的操作没有完成。已经保存的数据不受影响，可以继续使用；"
                           "如果再次出现，请点“复制详细信息”，把内容发给技术人员。", self)
        self.text.setObjectName("errorText")
        self.text.setWordWrap(True)
        where = QLabel(f"详细信息已记录在日志文件：{log_file()}", self)
        where.setWordWrap(True)
        where.setObjectName("logLocation")
        self.detail_box = QPlainTextEdit(f"{type(exc).__name__}：{exc}\n\n{details}", self)
        self.detail_box.setReadOnly(True)
        self.detail_box.setMinimumSize(560, 160)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton("复制详细信息", self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.text, where, self.detail_box, buttons):
            layout.addWidget(widget)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.detail_box.toPlainText())
        self.copy_button.setText("已复制")


def uncaught(exc: BaseException) -> None:
    """An exception nobody caught, on the GUI thread: the dialog in front of the clerk's window."""
    try:
        report(front_window(), exc)
    except Exception:  # noqa: BLE001 - the last resort must never fail; the log keeps both
        setup_logging()
        log.exception("the error dialog itself failed; the first error was: %s", details_of(exc))


def front_window() -> QWidget | None:
    """The window the clerk is looking at, to stand the dialog in front of (None: on its own).
    A window closed meanwhile can still be the application's "active" one; it is passed over."""
    for widget in (QApplication.activeModalWidget(), QApplication.activeWindow()):
        if widget is not None and isValid(widget) and widget.isVisible():
            return widget
    return None
