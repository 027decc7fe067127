"""The main window: a left navigation list of pages (首页 first), menus, shortcuts and a status bar.

The pages are listed once, in `PAGES`; each is a `Page` built with the window's `Context` (events,
today, open a case) and is imported only when first shown (start-up speed, docs/architecture.md):
only 首页 is built before the first paint. Screens never reach into each other or into this
window: they announce what they changed through `ctx.events`, and each refreshes itself.
"""
from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING

# QtCore.Qt, not Qt: its 94 enums take 20 ms to build, so not before the first paint.
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QInputEvent, QKeySequence, QShortcut, QShortcutEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QListWidgetItem, QMainWindow, QWidget

from app import APP_NAME, __version__, paths
from app.ui.common.context import Context
from app.ui.common.events import Changes
from app.ui.common.page import Page
from app.ui.forms.ui_main_window import Ui_MainWindow
from app.ui.home.page import HomePage, title_suffix

if TYPE_CHECKING:
    from app.services.startup import FirstLook
    from app.ui.case.view import CaseView
    from app.ui.register.page import RegisterPage

# Every page after 首页, in the navigation's order: (title, "module:class"). Each class is a `Page`
# taking (ctx, parent); its module is imported when the page is first shown.
PAGES: tuple[tuple[str, str], ...] = (
    ("登记簿", "app.ui.register.page:RegisterPage"),
    ("保密审查", "app.ui.review.page:ReviewPage"),
    ("主动公开", "app.ui.proactive.page:ProactivePage"),
    ("舆情回应", "app.ui.opinion.page:OpinionPage"),
    ("新闻发布", "app.ui.press.page:PressPage"),
    ("台账与归档", "app.ui.ledger.page:LedgerPage"),
    ("工作日历", "app.ui.calendar.page:CalendarPage"),
    ("年度报告", "app.ui.report.page:ReportPage"),
    ("文书模板", "app.ui.templates.page:TemplatesPage"),
    ("全区", "app.ui.district.page:DistrictPage"),  # the 区级 login's (docs/district.md)
)
REGISTER_INDEX = 1
DISTRICT_PAGE = "全区"
# The 区级 login reads every office and writes nothing of theirs (docs/district.md, 区级的窗口): it
# sees 全区 and the 工作日历, where it keeps the district's shared calendar every office inherits,
# and of the menus 打印, 退出 and 帮助; these actions and menus, which write or are an office's, are
# hidden from it and off (so their shortcuts do nothing either).
DISTRICT_PAGES = (DISTRICT_PAGE, "工作日历")
OFFICE_ACTIONS = ("actionNewRequest", "actionOpenCase", "actionFind", "actionOfficeSettings", "actionBackup",
                  "actionPassword", "actionOperator")
OFFICE_MENUS = ("menuRegister", "menuSettings")
# A screen smaller than this gets the window maximized the first time: at 1366×768 with a task bar an
# un-maximized window hides its own status bar, where the new 登记编号 used to be told.
SMALL_SCREEN = (1600, 900)
GEOMETRY_KEY = "window/geometry"

# The menu shortcuts live here, not in main_window.ui: uic writes setShortcut("Ctrl+Q"), and
# resolving that call makes PySide build the whole Qt namespace (94 enums, ~20 ms) before the first
# paint; setShortcuts([QKeySequence]) does not.
SHORTCUTS = {"actionQuit": "Ctrl+Q", "actionNewRequest": "Ctrl+N", "actionFind": "Ctrl+F", "actionGuide": "F1",
             "actionPrint": "Ctrl+P"}


def district_login() -> bool:
    """Whether the open database's login is the district's 区级 login (docs/district.md). A file office
    never is, and does not load the district's code to be told so (start-up)."""
    from app.services.workspace import on_server

    if not on_server():
        return False
    from app.services import district

    return district.is_district_login()


class _Placeholder(QWidget):
    """Holds a page's place in the stack until the page is first shown."""

    def __init__(self, target: str):
        super().__init__()
        self.target = target

    def build(self, ctx: Context, parent: QWidget) -> Page:
        module, name = self.target.split(":")
        page_class = vars(importlib.import_module(module))[name]
        return page_class(ctx, parent)


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
    """`first_look`: the window shows before its database opens; the start-up calls
    `workspace_opened()` once it is open, and `ready` (with `workspace_ready`) says so."""

    workspace_ready = Signal()

    def __init__(self, today: dt.date | None = None, first_look: "FirstLook | None" = None):
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.case_views: dict[int, "CaseView"] = {}
        self.idle_lock = None  # the idle lock screen's watcher, once the file is open
        self.ctx = Context(fixed_today=today, open_case=self.open_case, show_status=self._status,
                           show_page=self.show_page, issue_notice=self.issue_notice)
        self.district_login = False  # the 区级 login (_fit_to_login), known once the database is open
        self.ctx.events.settings_changed.connect(self.update_title)
        self.ctx.events.workspace_replaced.connect(self._fit_to_login)
        icon = paths.resource("icon.png")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self._counts = QLabel(self)
        self.statusBar().addPermanentWidget(self._counts)
        self.ready = first_look is None
        self.ctx.workspace_open = self.ready
        # 首页 is made inside the page stack, not moved into it later: moving a built page re-applies
        # the style sheet to every child, a tenth of the start-up.
        self.home_page = HomePage(self.ctx, self.ui.pages)
        self.home_page.due_counts.connect(self._show_due_in_title)
        self._title = (APP_NAME, "")  # (the office's part, the due counts' part)
        self._add_to_nav(self.home_page, HomePage.title)
        for title, target in PAGES:
            self._add_to_nav(_Placeholder(target), title)
        self.ui.navList.currentRowChanged.connect(self._show_page)
        self._connect()
        self._gate = None if self.ready else _InputGate(self)
        if self.ready:
            self._fit_to_login()
        else:  # a file office (a server is opened before its window): 全区 is not its page
            self._nav_item(DISTRICT_PAGE).setHidden(True)
            self.ui.navList.setCurrentRow(0)
            self._set_title(first_look.short_name)

    def hold_input(self) -> None:
        """Until `workspace_opened`, input meant for this window is dropped (the start-up calls this
        at the first paint)."""
        if self._gate is not None:
            self._gate.close()

    def workspace_opened(self) -> None:
        """The database is open behind the window shown before it: the title, the pages, input."""
        self.ready = self.ctx.workspace_open = True
        if self._gate is not None:
            self._gate.open()
            self._gate = None
        self.ctx.announce(Changes(workspace=True))
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
        ui.actionGuide.triggered.connect(self.show_guide)
        ui.actionPrint.triggered.connect(self.print_page)

    @property
    def register_page(self) -> "RegisterPage":
        """登记簿, built on first use."""
        return self._page_at(REGISTER_INDEX)  # type: ignore[return-value]

    def _connect_register(self, page: "RegisterPage") -> None:
        page.counts_changed.connect(self._show_counts)
        # Enter on a selected row opens it, as a double-click does.
        for key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), page.ui.table, page.open_selected,
                      context=QtCore.Qt.ShortcutContext.WidgetShortcut)
        self._counts.linkActivated.connect(lambda _link: page.count_all())
        self._show_counts(*page.shown_counts())

    # ---- pages --------------------------------------------------------------------------------

    def _nav_item(self, title: str) -> QListWidgetItem:
        return self.ui.navList.findItems(title, QtCore.Qt.MatchFlag.MatchExactly)[0]

    def _fit_to_login(self) -> None:
        """The pages and menus of the open database's login: a 区级 login opens on 全区 and sees no
        office page and no writing action; a file office or an office's login has no 全区 page."""
        district = self.district_login = district_login()
        nav = self.ui.navList
        for row in range(nav.count()):
            item = nav.item(row)
            item.setHidden((item.text() not in DISTRICT_PAGES) if district else (item.text() == DISTRICT_PAGE))
        for name in OFFICE_ACTIONS:
            action = getattr(self.ui, name)
            action.setVisible(not district)
            action.setEnabled(not district)
        for name in OFFICE_MENUS:
            getattr(self.ui, name).menuAction().setVisible(not district)
        current = nav.currentItem()
        if district:
            nav.setCurrentItem(self._nav_item(DISTRICT_PAGE))
        elif current is None or current.isHidden():
            nav.setCurrentRow(0)
        self.update_title()

    def _add_to_nav(self, widget: QWidget, title: str) -> None:
        self.ui.pages.addWidget(widget)
        QListWidgetItem(title, self.ui.navList)

    def pages(self) -> list[Page]:
        """Every page, built (the pages not shown yet are built now)."""
        current = self.ui.pages.currentIndex()
        built = [self._page_at(i) for i in range(self.ui.pages.count())]
        self.ui.pages.setCurrentIndex(current)
        return built

    def _page_at(self, index: int) -> Page:
        """The page at `index`, built now if it is still a placeholder."""
        stack = self.ui.pages
        page = stack.widget(index)
        if not isinstance(page, _Placeholder):
            return page  # type: ignore[return-value]
        real = page.build(self.ctx, stack)
        current = stack.currentIndex()
        stack.insertWidget(index, real)
        stack.removeWidget(page)
        page.deleteLater()
        stack.setCurrentIndex(current)
        if index == REGISTER_INDEX:
            self._connect_register(real)  # type: ignore[arg-type]
        return real

    def _show_page(self, index: int) -> None:
        page = self._page_at(index)
        self.ui.pages.setCurrentIndex(index)
        if index != REGISTER_INDEX:  # the register keeps its place; it reloads on announced changes
            page.refresh()

    def show_register(self) -> None:
        self.ui.navList.setCurrentRow(REGISTER_INDEX)

    def show_page(self, title: str, key: object = None) -> Page | None:
        """Go to the page titled `title` and, with a `key`, to that record on it."""
        rows = [self.ui.navList.item(i).text() for i in range(self.ui.navList.count())]
        if title not in rows or self.ui.navList.item(rows.index(title)).isHidden():
            return None  # not this login's page
        self.ui.navList.setCurrentRow(rows.index(title))
        page = self._page_at(rows.index(title))
        if key is not None:
            page.select(key)
        return page

    # ---- actions ------------------------------------------------------------------------------

    def update_title(self) -> None:
        from app.services import settings as office
        from app.services.workspace import is_readonly

        if self.district_login:  # every office's, none its own
            self._set_title("全区（区级，只读）")
            return
        self._set_title(office.load().short_name if office.is_configured() else "", is_readonly())

    def _set_title(self, short_name: str, readonly: bool = False) -> None:
        title = f"{APP_NAME} — {short_name}" if short_name else APP_NAME
        self._title = (title + ("（只读）" if readonly else ""), self._title[1])
        self._apply_title()

    def _show_due_in_title(self, counts: dict[str, int]) -> None:
        """'— 超期2 今日1' at the end of the title, so the clerk sees it from the task bar."""
        self._title = (self._title[0], title_suffix(counts))
        self._apply_title()

    def _apply_title(self) -> None:
        base, due = self._title
        self.setWindowTitle(f"{base} — {due}" if due else base)

    def _show_counts(self, shown: int, total: int, more: bool = False) -> None:
        # Matches are counted as far as 1000 while the clerk types; a click counts them all.
        matching = f"<a href='count'>{shown}+</a>" if more else str(shown)
        self._counts.setText(f"显示 {matching} 件 / 共 {total} 件")

    def _status(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def focus_search(self) -> None:
        self.show_register()
        self.register_page.focus_search()

    def new_request(self) -> None:
        from app.ui.register.dialog import register_new  # imported when first used: start-up speed

        register_new(self, self.ctx)

    def open_case(self, case_id: int) -> "CaseView":
        from app.ui.case.view import CaseView  # imported when first used: start-up speed

        view = self.case_views.get(case_id)
        if view is None:
            view = CaseView(case_id, self, ctx=self.ctx)
            view.destroyed.connect(lambda *_a, cid=case_id: self.case_views.pop(cid, None))
            self.case_views[case_id] = view
            view.resize(min(1280, self.width()), min(760, self.height()))
        elif not view.isVisible():
            view.reload()  # closed earlier: show the case as it is now
        if self._small_screen() and not view.isVisible():
            view.showMaximized()  # its status bar and answer box stay on a 1366×768 screen
        else:
            view.show()
        view.raise_()
        view.activateWindow()
        return view

    def issue_notice(self, case_id: int, kind_name: str) -> object:
        """The case's window with its 出具文书 dialog on `kind_name` (the issued document, or None)."""
        return self.open_case(case_id).documents_panel.issue(kind_name)

    def edit_settings(self) -> None:
        from app.ui.settings.dialog import SettingsDialog

        if SettingsDialog(self).exec() == QDialog.DialogCode.Accepted:
            self.ctx.announce(Changes(settings=True))
            self._status("机关设置已保存")

    def backups(self) -> None:
        """备份与恢复; after a restore every screen shows the restored register."""
        from app.ui.app.backup_dialogs import BackupDialog

        dialog = BackupDialog(self)
        dialog.restored.connect(self._after_restore)
        dialog.exec()

    def _after_restore(self) -> None:
        self.ctx.announce(Changes(workspace=True))
        self._status("已从备份恢复（可在“备份与恢复”中撤销）", 8000)

    def edit_password(self) -> None:
        from app.ui.settings.password_dialog import PasswordSettingsDialog

        if PasswordSettingsDialog(self).exec() == QDialog.DialogCode.Accepted:
            self._status("启动密码与自动锁定设置已保存")

    def edit_operator(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from app.services import audit

        name, ok = QInputDialog.getText(self, "操作人", "审计记录中的操作人姓名：", text=audit.operator())
        if ok and name.strip():
            audit.remember_operator(name)
            self._status(f"操作人：{name.strip()}")

    def show_guide(self) -> object:
        from app.ui.common.guide import show_guide

        return show_guide(self)

    def print_page(self) -> str:
        """Ctrl+P: the current page's list in the print preview; what was printed ("" when nothing)."""
        from app.ui.common.print_preview import preview_html

        page = self._page_at(self.ui.pages.currentIndex())
        printable = page.printable()
        if printable is None:
            self._status("本页没有可打印的列表。打印文书请在案件窗口的“文书”中选中后按 Ctrl+P。", 8000)
            return ""
        title, html = printable
        printed = preview_html(self, html, title)
        self._status(printed or "没有打印。", 8000)
        return printed

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, f"关于{APP_NAME}",
                          f"{APP_NAME} {__version__}\n\n乡镇政府信息依申请公开登记、期限、文书与年度报告。\n"
                          "依据《中华人民共和国政府信息公开条例》（2019年修订）。")

    def close_case_views(self) -> None:
        """Hide every case window (the file they show is going away)."""
        for view in list(self.case_views.values()):
            view.hide()

    def show_as_last_time(self) -> None:
        """Where and how large the clerk left it on this desk; the first time, maximized on a small screen."""
        from app.ui.common.files import desk_settings

        saved = desk_settings().value(GEOMETRY_KEY)
        if saved is not None and self.restoreGeometry(saved):
            self.show()  # a window left maximized comes back maximized
            return
        if self._small_screen():
            self.showMaximized()
        else:
            self.show()

    def _small_screen(self) -> bool:
        screen = self.screen().availableGeometry()
        return screen.width() < SMALL_SCREEN[0] or screen.height() < SMALL_SCREEN[1]

    def remember_geometry(self) -> None:
        from app.ui.common.files import desk_settings

        settings = desk_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Open case windows ask about their unsaved edits first; any refusal keeps the program open.
        for view in list(self.case_views.values()):
            if not view.close():
                event.ignore()
                return
        self.remember_geometry()
        event.accept()
