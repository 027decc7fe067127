"""The 登记簿 page of the main window: search as you type, filters, sortable columns, open a case."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QWidget

from app.domain import outcomes
from app.domain.request import STATUSES, CaseQuery
from app.services import register
from app.ui.common.context import Context
from app.ui.common.events import Changes
from app.ui.common.page import Page, html_table
from app.ui.forms.ui_register_page import Ui_RegisterPage
from app.ui.register.dialog import register_new
from app.ui.register.model import COLUMNS, ID_ROLE, CaseTableModel

DEBOUNCE_MS = 150
_WIDTHS = {"case_no": 130, "received_on": 96, "applicant_kind": 96, "name": 200, "status": 80,
           "outcome": 170, "answered_on": 96, "due_on": 150}


class RegisterPage(Page):
    """A double-click or Enter on a row opens the case (`ctx.open_case`)."""

    counts_changed = Signal(int, int, bool)  # matching, all, more matching than counted

    title = "登记簿"

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.ui = Ui_RegisterPage()
        self.ui.setupUi(self)
        # Every query of the list runs off the GUI thread; while one runs, only the newest of those
        # asked meanwhile waits (coalesced), and a result older than the newest query is dropped.
        self.model = CaseTableModel(self, runner=self._run_query)
        self.ui.table.setModel(self.model)
        self.model.loaded.connect(self._emit_counts)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self._setup_table()
        self._fill_filters()
        ui = self.ui
        ui.searchEdit.textChanged.connect(self._debounce.start)
        for combo in (ui.yearCombo, ui.statusCombo, ui.outcomeCombo):
            combo.currentIndexChanged.connect(self.apply_filters)
        ui.table.activated.connect(self._activated)
        ui.newButton.clicked.connect(lambda: register_new(self, self.ctx))
        # The search box hands Down/Enter to the table so the keyboard alone can open a case.
        QShortcut(QKeySequence(Qt.Key.Key_Down), ui.searchEdit, self._focus_table,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.apply_filters()

    def _setup_table(self) -> None:
        table = self.ui.table
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, (key, _title) in enumerate(COLUMNS):
            if key == "content":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                table.setColumnWidth(column, _WIDTHS.get(key, 100))
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)

    def _fill_filters(self) -> None:
        ui = self.ui
        ui.statusCombo.addItem("全部状态", None)
        for status in STATUSES:
            ui.statusCombo.addItem(status, status)
        ui.outcomeCombo.addItem("全部办理结果", None)
        for o in outcomes.OUTCOMES:
            ui.outcomeCombo.addItem(f"{o.code} {outcomes.short_label(o.code)}", o.code)
            ui.outcomeCombo.setItemData(ui.outcomeCombo.count() - 1, outcomes.full_label(o.code),
                                        Qt.ItemDataRole.ToolTipRole)
        self.refresh_years()

    def refresh_years(self) -> None:
        """The year filter lists the years that have cases (plus 全部年度), read off the GUI thread."""
        self._run_query("register.years", register.years, self._show_years)

    def _show_years(self, years: list[int]) -> None:
        combo = self.ui.yearCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("全部年度", None)
        for year in years:
            combo.addItem(f"{year}年", year)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def current_query(self) -> CaseQuery:
        ui = self.ui
        base = self.model.query()
        return replace(base, text=ui.searchEdit.text().strip(), year=ui.yearCombo.currentData(),
                       status=ui.statusCombo.currentData(), outcome=ui.outcomeCombo.currentData())

    def _run_query(self, key: str, fn, done) -> None:
        from app.ui.common import tasks

        # The free lane: a read needs no writer's turn, and SQLite lets it read beside one.
        tasks.Operation(self, fn, lane=tasks.FREE).coalesce(f"{key}:{id(self)}").success(done).run()

    def apply_filters(self) -> None:
        """Ask for the first page of the query (and its counts); it shows when it arrives."""
        self._debounce.stop()
        self.model.set_query(self.current_query())

    def _heard(self, changes: Changes) -> None:
        # Reloaded even out of sight: the status bar's counts come from here.
        if self.concerned_by(changes):
            self.refresh()

    def refresh(self) -> None:
        """Reload after a case was registered or changed elsewhere."""
        self.refresh_years()
        self.model.refresh()

    def _emit_counts(self) -> None:
        self._show_empty(self.model.total)
        self.counts_changed.emit(*self.shown_counts())

    def shown_counts(self) -> tuple[int, int, bool]:
        """(matching, all, more matching) as far as counted; nothing is asked of the database."""
        return self.model.total, self.model.grand_total, self.model.more

    def count_all(self) -> None:
        """Count every match (the status bar says "1000+" until the clerk asks)."""
        self.model.count_all()

    def _show_empty(self, shown: int) -> None:
        """An empty list says why: nothing found for what she typed, or nothing registered yet."""
        query = self.current_query()
        if shown:
            text = ""
        elif self.model.grand_total == 0:
            text = "登记簿中还没有申请。点“新登记”（Ctrl+N）登记第一件申请。"
        elif query.text:
            text = (f"未找到与“{query.text}”相符的申请。可按登记编号、申请人姓名或名称、联系电话、证件号码、"
                    "所需信息查找；也请检查年度、状态、办理结果的筛选。")
        else:
            text = "未找到符合筛选条件的申请。请检查年度、状态、办理结果的筛选。"
        self.ui.emptyLabel.setText(text)
        self.ui.emptyLabel.setVisible(bool(text))

    def counts(self) -> tuple[int, int]:
        """(matching, all) cases, counted in full now if only a part is known."""
        return self.model.ensure_total(), self.model.grand_total

    PRINT_LIMIT = 2000

    def printable(self) -> tuple[str, str] | None:
        """The list as filtered now (up to PRINT_LIMIT rows), with the filter in its title."""
        query = self.current_query()
        rows = register.list_rows(query, 0, self.PRINT_LIMIT)
        headers = [title for _key, title in COLUMNS]
        model = self.model
        cells = [[model.display(row, key) for key, _title in COLUMNS] for row in rows]
        what = "、".join(part for part in (f"搜索“{query.text}”" if query.text else "",
                                          f"{query.year}年" if query.year else "", query.status or "",
                                          query.outcome or "") if part)
        title = "依申请公开登记簿" + (f"（{what}）" if what else "")
        total = register.count(query)
        note = f"共{total}件" + (f"，列出前{self.PRINT_LIMIT}件" if total > self.PRINT_LIMIT else "") + \
               f"。打印日期：{self.today():%Y年%m月%d日}"
        return title, html_table(title, headers, cells, note)

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def _focus_table(self) -> None:
        table = self.ui.table
        table.setFocus()
        if self.model.rowCount() and not table.currentIndex().isValid():
            table.setCurrentIndex(self.model.index(0, 0))

    def selected_case_id(self) -> int | None:
        index = self.ui.table.currentIndex()
        return self.model.data(index, ID_ROLE) if index.isValid() else None

    def open_selected(self) -> None:
        case_id = self.selected_case_id()
        if case_id is not None:
            self.ctx.open_case(case_id)

    def _activated(self, index) -> None:
        case_id = self.model.data(index, ID_ROLE)
        if case_id is not None:
            self.ctx.open_case(case_id)
