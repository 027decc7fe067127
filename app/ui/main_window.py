"""The main window: a left navigation list of pages (登记簿 first), menus, shortcuts and a status bar.

Adding a page (a home page of due cases, a calendar, reviews …): write a QWidget with a `title`
attribute (and optionally `refresh()`, called whenever the page is shown or a case changes), then
append a factory to `EXTRA_PAGES`, or call `window.add_page(widget)` directly.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QListWidgetItem, QMainWindow, QMessageBox, QWidget

from app import APP_NAME, __version__, paths
from app.services import settings as office
from app.ui.forms.ui_main_window import Ui_MainWindow
from app.ui.register_page import RegisterPage
from app.ui import ledger_page, review_page

if TYPE_CHECKING:
    from app.ui.case_view import CaseView

# Each factory builds one page for the window; rooms append theirs (like cli._EXTRA_COMMANDS).
EXTRA_PAGES: list[Callable[["MainWindow"], QWidget]] = []
EXTRA_PAGES += [review_page.review_page, review_page.proactive_page]  # 保密审查, 主动公开 (issue 5)
EXTRA_PAGES.append(ledger_page.ledger_page)  # 台账与归档 (issue 6)
from app.ui import calendar_page, home_page  # noqa: E402  (issue 3: 首页 first, 工作日历)
EXTRA_PAGES.append(calendar_page.calendar_page)
from app.ui.report_page import report_page  # noqa: E402  (issue 7: 年度报告; report code loads on first show)
EXTRA_PAGES.append(report_page)
from app.ui.templates_page import templates_page  # noqa: E402  (issue 4: 文书模板, placeholders, batch receipts)
EXTRA_PAGES.append(templates_page)


class MainWindow(QMainWindow):
    def __init__(self, today: dt.date | None = None):
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._today = today
        self.case_views: dict[int, "CaseView"] = {}
        icon = paths.resource("icon.png")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.home_page = home_page.home_page(self)  # 首页: what is due, shown at start (issue 3)
        self.add_page(self.home_page)
        self.register_page = RegisterPage(self)
        self.add_page(self.register_page)
        for make_page in EXTRA_PAGES:
            self.add_page(make_page(self))
        self.ui.navList.currentRowChanged.connect(self._show_page)
        self.ui.navList.setCurrentRow(0)
        self._counts = QLabel(self)
        self.statusBar().addPermanentWidget(self._counts)
        self._connect()
        self.update_title()
        self._show_counts(*self.register_page.counts())

    def _connect(self) -> None:
        ui, page = self.ui, self.register_page
        ui.actionQuit.triggered.connect(self.close)
        ui.actionNewRequest.triggered.connect(self.new_request)
        ui.actionFind.triggered.connect(self.focus_search)
        ui.actionOpenCase.triggered.connect(page.open_selected)
        ui.actionOfficeSettings.triggered.connect(self.edit_settings)
        ui.actionAbout.triggered.connect(self.about)
        page.open_case.connect(self.open_case)
        page.new_request.connect(self.new_request)
        page.counts_changed.connect(self._show_counts)
        # Enter on a selected row opens it, as a double-click does.
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), page.ui.table, page.open_selected,
                      context=Qt.ShortcutContext.WidgetShortcut)

    # ---- pages --------------------------------------------------------------------------------

    def add_page(self, widget: QWidget, title: str | None = None) -> int:
        """Add a page to the navigation list; returns its index."""
        title = title or getattr(widget, "title", widget.objectName())
        index = self.ui.pages.addWidget(widget)
        QListWidgetItem(title, self.ui.navList)
        return index

    def pages(self) -> list[QWidget]:
        return [self.ui.pages.widget(i) for i in range(self.ui.pages.count())]

    def _show_page(self, index: int) -> None:
        self.ui.pages.setCurrentIndex(index)
        page = self.ui.pages.widget(index)
        if page is not self.register_page and hasattr(page, "refresh"):
            page.refresh()

    def show_register(self) -> None:
        self.ui.navList.setCurrentRow(self.ui.pages.indexOf(self.register_page))

    def _refresh_pages(self) -> None:
        for page in self.pages():
            if hasattr(page, "refresh"):
                page.refresh()

    # ---- actions ------------------------------------------------------------------------------

    def update_title(self) -> None:
        name = office.load().short_name if office.is_configured() else ""
        self.setWindowTitle(f"{APP_NAME} — {name}" if name else APP_NAME)

    def _show_counts(self, shown: int, total: int) -> None:
        self._counts.setText(f"显示 {shown} 件 / 共 {total} 件")

    def focus_search(self) -> None:
        self.show_register()
        self.register_page.focus_search()

    def new_request(self) -> None:
        from app.ui.register_dialog import RegisterDialog  # imported when first used: start-up speed

        dialog = RegisterDialog(self, today=self._today)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.case is not None:
            self._refresh_pages()
            self.statusBar().showMessage(f"已登记：{dialog.case.case_no} {dialog.case.name}", 8000)

    def open_case(self, case_id: int) -> "CaseView":
        from app.ui.case_view import CaseView  # imported when first used: start-up speed

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
        from app.ui.settings_dialog import SettingsDialog

        if SettingsDialog(self).exec() == QDialog.DialogCode.Accepted:
            self.update_title()
            self.statusBar().showMessage("机关设置已保存", 5000)

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
