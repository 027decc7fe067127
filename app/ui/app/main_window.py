"""The main window: a left navigation list of pages (首页 first), menus, shortcuts and a status bar.

Adding a page (a home page of due cases, a calendar, reviews …): write a QWidget with a `title`
attribute (and optionally `refresh()`, called whenever the page is shown or a case changes), then
append a factory to `EXTRA_PAGES` — best `lazy_page("标题", "app.ui.module:factory")`, which imports
nothing until the page is first shown — or call `window.add_page(widget)` directly.

Start-up speed (issue 9): only 首页 is built before the first paint. Every other page stands in the
stack as a placeholder with its title and is built when first shown (or when `pages()` is asked
for them all). A plain factory works too: its title comes from a `title` attribute or from the
class it is annotated to return; failing both it is built at once.
"""
from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING, Callable

# QtCore.Qt, not Qt: its 94 enums take 20 ms to build, so not before the first paint (issue 9).
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QInputEvent, QKeySequence, QShortcut, QShortcutEvent
from PySide6.QtWidgets import (QApplication, QDialog, QLabel, QListWidgetItem, QMainWindow, QMessageBox,
                               QWidget)

from app import APP_NAME, __version__, paths
from app.ui.home import page as home_page
from app.ui.forms.ui_main_window import Ui_MainWindow

if TYPE_CHECKING:
    from app.services.startup import FirstLook
    from app.ui.case.view import CaseView
    from app.ui.register.page import RegisterPage


class lazy_page:  # noqa: N801 - used like a function in the registration lines
    """An EXTRA_PAGES factory that knows its title and imports its module only when first called."""

    def __init__(self, title: str, target: str):
        self.title = title
        self.target = target  # "package.module:factory"

    def __call__(self, window: "MainWindow") -> QWidget:
        module, name = self.target.split(":")
        return getattr(importlib.import_module(module), name)(window)


# Each factory builds one page for the window; rooms append theirs (like cli._EXTRA_COMMANDS).
EXTRA_PAGES: list[Callable[["MainWindow"], QWidget]] = []
EXTRA_PAGES += [lazy_page("保密审查", "app.ui.review.page:review_page"),
                lazy_page("主动公开", "app.ui.review.page:proactive_page")]  # issue 5
EXTRA_PAGES.append(lazy_page("台账与归档", "app.ui.ledger.page:ledger_page"))  # issue 6
EXTRA_PAGES.append(lazy_page("工作日历", "app.ui.calendar.page:calendar_page"))  # issue 3
EXTRA_PAGES.append(lazy_page("年度报告", "app.ui.report.page:report_page"))  # issue 7
EXTRA_PAGES.append(lazy_page("文书模板", "app.ui.templates.page:templates_page"))  # issue 4: placeholders, batch receipts


def _register_page(window: "MainWindow") -> QWidget:
    from app.ui.register.page import RegisterPage

    return RegisterPage(window)


def page_title(factory: Callable) -> str | None:
    """A factory's page title without building the page: its `title`, else its return class's."""
    title = getattr(factory, "title", None)
    if isinstance(title, str):
        return title
    hint = getattr(factory, "__annotations__", {}).get("return")
    if isinstance(hint, str):
        hint = getattr(factory, "__globals__", {}).get(hint)
    title = getattr(hint, "title", None) if isinstance(hint, type) else None
    return title if isinstance(title, str) else None


# The menu shortcuts live here, not in main_window.ui: uic writes setShortcut("Ctrl+Q"), and
# resolving that call makes PySide build the whole Qt namespace (94 enums, ~20 ms) before the first
# paint; setShortcuts([QKeySequence]) does not (start-up, issue 9).
SHORTCUTS = {"actionQuit": "Ctrl+Q", "actionNewRequest": "Ctrl+N", "actionFind": "Ctrl+F"}


class _LazyPage(QWidget):
    """Holds a page's place (and title) in the stack until the page is first shown."""

    def __init__(self, factory: Callable, title: str):
        super().__init__()
        self.factory = factory
        self.title = title


class _InputGate(QObject):
    """While the database opens behind a window shown before it (a few tens of milliseconds), clicks,
    keys and shortcuts meant for that window are dropped: nothing could answer them yet. Dialogs
    shown meanwhile (a damaged file, a file in use) are answered as usual.

    It watches every event of the program, so it is put up at the first paint, not before: the
    show and the first paint deliver hundreds of events, each one a Python call here."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self._window = window
        self._up = False

    def close(self) -> None:
        if not self._up:
            QApplication.instance().installEventFilter(self)
            self._up = True

    def open(self) -> None:
        if self._up:
            QApplication.instance().removeEventFilter(self)
            self._up = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Mouse, keys, wheel, context menu (QInputEvent) and shortcuts; a type test, not event.type(),
        # because this sees every event of the program while it is installed.
        if not isinstance(event, (QInputEvent, QShortcutEvent)):
            return False
        target = watched if isinstance(watched, QWidget) else watched.parent()  # a QAction's window
        return isinstance(target, QWidget) and target.window() is self._window


class MainWindow(QMainWindow):
    """`first_look`: the window shows before its database opens (start-up, issue 9); the start-up
    calls `workspace_opened()` once it is open, and `ready` (with `workspace_ready`) says so."""

    workspace_ready = Signal()

    def __init__(self, today: dt.date | None = None, first_look: "FirstLook | None" = None):
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._today = today
        self.case_views: dict[int, "CaseView"] = {}
        icon = paths.resource("icon.png")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self._counts = QLabel(self)
        self.statusBar().addPermanentWidget(self._counts)
        self.home_page = home_page.home_page(self)  # 首页: what is due, shown at start (issue 3)
        self.add_page(self.home_page)
        self._register_index = self.add_lazy_page(_register_page, "登记簿")
        for make_page in EXTRA_PAGES:
            title = page_title(make_page)
            if title is None:
                self.add_page(make_page(self))
            else:
                self.add_lazy_page(make_page, title)
        self.ui.navList.currentRowChanged.connect(self._show_page)
        self.ui.navList.setCurrentRow(0)
        self._connect()
        self.ready = first_look is None
        self._gate = None if self.ready else _InputGate(self)
        if self.ready:
            self.update_title()
        else:
            self._set_title(first_look.short_name)

    def hold_input(self) -> None:
        """Until `workspace_opened`, input meant for this window is dropped (the start-up calls this
        at the first paint)."""
        if self._gate is not None:
            self._gate.close()

    def workspace_opened(self) -> None:
        """The database is open behind the window shown before it: the title, the pages, input."""
        self.ready = True
        if self._gate is not None:
            self._gate.open()
            self._gate = None
        self.update_title()
        self._refresh_pages()
        self.workspace_ready.emit()

    def _connect(self) -> None:
        ui = self.ui
        for name, keys in SHORTCUTS.items():
            getattr(ui, name).setShortcuts([QKeySequence(keys)])
        ui.actionQuit.triggered.connect(self.close)
        ui.actionNewRequest.triggered.connect(self.new_request)
        ui.actionFind.triggered.connect(self.focus_search)
        ui.actionOpenCase.triggered.connect(lambda: self.register_page.open_selected())
        ui.actionOfficeSettings.triggered.connect(self.edit_settings)
        ui.actionBackup.triggered.connect(self.backups)
        ui.actionPassword.triggered.connect(self.edit_password)
        ui.actionOperator.triggered.connect(self.edit_operator)
        ui.actionAbout.triggered.connect(self.about)

    @property
    def register_page(self) -> "RegisterPage":
        """登记簿, built on first use."""
        return self._page_at(self._register_index)  # type: ignore[return-value]

    def _connect_register(self, page: "RegisterPage") -> None:
        page.open_case.connect(self.open_case)
        page.new_request.connect(self.new_request)
        page.counts_changed.connect(self._show_counts)
        # Enter on a selected row opens it, as a double-click does.
        for key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), page.ui.table, page.open_selected,
                      context=QtCore.Qt.ShortcutContext.WidgetShortcut)
        self._show_counts(*page.counts())

    # ---- pages --------------------------------------------------------------------------------

    def add_page(self, widget: QWidget, title: str | None = None) -> int:
        """Add a page to the navigation list; returns its index."""
        title = title or getattr(widget, "title", widget.objectName())
        index = self.ui.pages.addWidget(widget)
        QListWidgetItem(title, self.ui.navList)
        return index

    def add_lazy_page(self, factory: Callable[["MainWindow"], QWidget], title: str) -> int:
        """Add a page that is built by `factory(window)` when first shown; returns its index."""
        return self.add_page(_LazyPage(factory, title), title)

    def pages(self) -> list[QWidget]:
        """Every page, built (the pages not shown yet are built now)."""
        current = self.ui.pages.currentIndex()
        built = [self._page_at(i) for i in range(self.ui.pages.count())]
        self.ui.pages.setCurrentIndex(current)
        return built

    def _built_pages(self) -> list[QWidget]:
        stack = self.ui.pages
        return [w for w in (stack.widget(i) for i in range(stack.count())) if not isinstance(w, _LazyPage)]

    def _page_at(self, index: int) -> QWidget:
        """The page at `index`, built now if it is still a placeholder."""
        stack = self.ui.pages
        page = stack.widget(index)
        if not isinstance(page, _LazyPage):
            return page
        real = page.factory(self)
        current = stack.currentIndex()
        stack.insertWidget(index, real)
        stack.removeWidget(page)
        page.deleteLater()
        stack.setCurrentIndex(current)
        if index == self._register_index:
            self._connect_register(real)  # type: ignore[arg-type]
        return real

    def _show_page(self, index: int) -> None:
        page = self._page_at(index)
        self.ui.pages.setCurrentIndex(index)
        if index != self._register_index and hasattr(page, "refresh"):
            page.refresh()

    def show_register(self) -> None:
        self.ui.navList.setCurrentRow(self._register_index)

    def _refresh_pages(self) -> None:
        # Pages not built yet show the current state when they are built.
        for page in self._built_pages():
            if hasattr(page, "refresh"):
                page.refresh()

    # ---- actions ------------------------------------------------------------------------------

    def update_title(self) -> None:
        from app.services import settings as office
        from app.services.workspace import is_readonly

        self._set_title(office.load().short_name if office.is_configured() else "", is_readonly())

    def _set_title(self, short_name: str, readonly: bool = False) -> None:
        title = f"{APP_NAME} — {short_name}" if short_name else APP_NAME
        self.setWindowTitle(title + ("（只读）" if readonly else ""))

    def _show_counts(self, shown: int, total: int) -> None:
        self._counts.setText(f"显示 {shown} 件 / 共 {total} 件")

    def focus_search(self) -> None:
        self.show_register()
        self.register_page.focus_search()

    def new_request(self) -> None:
        from app.ui.register.dialog import RegisterDialog  # imported when first used: start-up speed

        dialog = RegisterDialog(self, today=self._today)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.case is not None:
            self._refresh_pages()
            self.statusBar().showMessage(f"已登记：{dialog.case.case_no} {dialog.case.name}", 8000)

    def open_case(self, case_id: int) -> "CaseView":
        from app.ui.case.view import CaseView  # imported when first used: start-up speed

        view = self.case_views.get(case_id)
        if view is None:
            view = CaseView(case_id, self, today=self._today)
            view.saved.connect(lambda _id: self._refresh_pages())
            view.destroyed.connect(lambda *_a, cid=case_id: self.case_views.pop(cid, None))
            self.case_views[case_id] = view
            view.resize(min(1280, self.width()), min(760, self.height()))
        elif not view.isVisible():
            view.reload()  # closed earlier: show the case as it is now
        view.show()
        view.raise_()
        view.activateWindow()
        return view

    def edit_settings(self) -> None:
        from app.ui.settings.dialog import SettingsDialog

        if SettingsDialog(self).exec() == QDialog.DialogCode.Accepted:
            self.update_title()
            self.statusBar().showMessage("机关设置已保存", 5000)

    def backups(self) -> None:
        """备份与恢复; after a restore every page shows the restored register."""
        from app.ui.app.backup_dialogs import BackupDialog

        dialog = BackupDialog(self)
        dialog.restored.connect(self._after_restore)
        dialog.exec()

    def _after_restore(self) -> None:
        self.update_title()
        self._refresh_pages()
        self.statusBar().showMessage("已从备份恢复（可在“备份与恢复”中撤销）", 8000)

    def edit_password(self) -> None:
        from app.ui.settings.password_dialog import PasswordSettingsDialog

        if PasswordSettingsDialog(self).exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage("启动密码与自动锁定设置已保存", 5000)

    def edit_operator(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from app.services import audit

        name, ok = QInputDialog.getText(self, "操作人", "审计记录中的操作人姓名：", text=audit.operator())
        if ok and name.strip():
            audit.remember_operator(name)
            self.statusBar().showMessage(f"操作人：{name.strip()}", 5000)

    def about(self) -> None:
        QMessageBox.about(self, f"关于{APP_NAME}",
                          f"{APP_NAME} {__version__}\n\n乡镇政府信息依申请公开登记、期限、文书与年度报告。\n"
                          "依据《中华人民共和国政府信息公开条例》（2019年修订）。")

    def closeEvent(self, event: QCloseEvent) -> None:
        # Open case windows ask about their unsaved edits first; any refusal keeps the program open.
        for view in list(self.case_views.values()):
            if not view.close():
                event.ignore()
                return
        event.accept()
