"""The 台账与归档 page: export a year's ledger, import a hand-kept ledger (preview first), archive a
year with a progress bar, unlock it with a reason, and the 31 January reminder
(docs/legal/archive.md). Views call services only; long work runs as background operations.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView,
    QInputDialog, QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from app import paths
from app.domain import archive as rules
from app.services import archive, ledger
from app.services.errors import ServiceError, StoreError
from app.services.workspace import current_db_path
from app.ui.common import errors, files, messages, tasks
from app.ui.common.context import Context
from app.ui.common.events import Changes
from app.ui.common.page import Page


class ImportPreviewDialog(QDialog):
    """Every row of the file with its problems; only rows without problems can be ticked."""

    def __init__(self, parent: QWidget | None, preview: ledger.ImportPreview):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(f"导入台账预览 — {preview.path.name}")
        self.resize(900, 520)
        counts = preview.counts()
        self.summary = QLabel(f"共 {counts['total']} 行：可导入 {counts['good']} 行，有问题 {counts['bad']} 行。"
                              "有问题的行不能导入，请在表格中改正后重新导入。")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(preview.rows), 5, self)
        self.table.setHorizontalHeaderLabels(["行号", "登记编号", "申请人", "收到日期", "问题"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for i, row in enumerate(preview.rows):
            number = QTableWidgetItem(str(row.row_number))
            number.setFlags(Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.ItemIsUserCheckable if row.ok else Qt.ItemFlag(0)))
            number.setCheckState(Qt.CheckState.Checked if row.ok else Qt.CheckState.Unchecked)
            cells = [number, QTableWidgetItem(row.case_no or "（自动编号）"), QTableWidgetItem(row.name),
                     QTableWidgetItem(row.received_on.isoformat() if row.received_on else ""),
                     QTableWidgetItem("；".join(row.problems) or "可以导入")]
            for column, item in enumerate(cells):
                self.table.setItem(i, column, item)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton("导入所选行", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.setEnabled(counts["good"] > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def chosen_rows(self) -> list[int]:
        out = []
        for i in range(self.table.rowCount()):
            item = self.table.item(i, 0)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.text()))
        return out


class LedgerPage(Page):
    title = "台账与归档"

    def __init__(self, ctx: Context | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.last_package: archive.ArchivePackage | None = None
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.reminder = QLabel(self)
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today().year - 1)
        self.year.valueChanged.connect(self.refresh)
        self.lock_state = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("年度："))
        top.addWidget(self.year)
        top.addWidget(self.lock_state, 1)

        self.full_ids = QCheckBox("含完整证件号码和电话（注意保密）", self)
        self.export_button = QPushButton("导出台账…", self)
        self.import_button = QPushButton("导入手工台账…", self)
        self.export_button.clicked.connect(self._choose_export)
        self.import_button.clicked.connect(self._choose_import)
        ledger_box = QGroupBox("登记台账（Excel）", self)
        row = QHBoxLayout(ledger_box)
        row.addWidget(self.export_button)
        row.addWidget(self.full_ids)
        row.addStretch(1)
        row.addWidget(self.import_button)

        self.out_dir = QLineEdit(self)
        self.out_dir.setPlaceholderText("归档包保存位置")
        browse = QPushButton("选择…", self)
        browse.clicked.connect(self._choose_out_dir)
        self.archive_button = QPushButton("归档并锁定本年度", self)
        self.unlock_button = QPushButton("解除锁定…", self)
        self.archive_button.clicked.connect(self.start_archive)
        self.unlock_button.clicked.connect(self._ask_unlock)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        archive_box = QGroupBox("年度归档（次年1月31日前）", self)
        box = QVBoxLayout(archive_box)
        where = QHBoxLayout()
        where.addWidget(QLabel("保存到："))
        where.addWidget(self.out_dir, 1)
        where.addWidget(browse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        box.addLayout(where)
        box.addLayout(buttons)
        box.addWidget(self.progress)
        box.addWidget(self.result)

        layout = QVBoxLayout(self)
        layout.addWidget(self.reminder)
        layout.addLayout(top)
        layout.addWidget(ledger_box)
        layout.addWidget(archive_box)
        layout.addStretch(1)

    def refresh(self) -> None:
        try:
            reminder = archive.archive_reminder(self.today())
            locked = archive.is_locked(self.year.value())
            if not self.out_dir.text():
                self.out_dir.setText(str(paths.archives_dir(current_db_path())))
        except (ServiceError, StoreError):
            return  # no database open yet
        self.reminder.setText(reminder.text if reminder else "")
        self.reminder.setVisible(reminder is not None)
        self.lock_state.setText("已归档锁定：本年度办结的案件为只读" if locked else "未归档")
        self.archive_button.setEnabled(not locked)
        self.unlock_button.setEnabled(locked)

    # ---- ledger ---------------------------------------------------------------------------------

    def _choose_export(self) -> None:
        year = self.year.value()
        name = files.save_path(self, "导出台账", "ledger-export", f"{year}年度依申请公开登记台账.xlsx",
                               "Excel 工作簿 (*.xlsx)")
        if name:
            self.export_to(name)

    def export_to(self, path: Path) -> None:
        year, full = self.year.value(), self.full_ids.isChecked()
        tasks.Operation(self, lambda: ledger.export_ledger(year, path, full_ids=full), busy="正在导出台账…",
                        failure_title="未能导出台账") \
            .success(lambda out: self.result.setText(f"已导出 {out.rows} 件到 {out.path}")).run()

    def _choose_import(self) -> None:
        name = files.open_path(self, "导入手工台账", "ledger-import", "Excel 工作簿 (*.xlsx)")
        if name:
            self.import_from(name)

    def import_from(self, path: Path) -> None:
        self._progress_from(0)
        tasks.Operation(self, lambda report: ledger.preview_import(path, progress=report), lane=tasks.FREE,
                        busy="正在检查台账…") \
            .with_progress(self._show_progress).success(self._show_preview) \
            .failure(lambda exc: self._import_failed(exc, "无法读取台账")).run()

    def _progress_from(self, done: int) -> None:
        self.progress.setValue(done)
        self.progress.setVisible(True)

    def _import_failed(self, exc: BaseException, title: str) -> None:
        self.progress.setVisible(False)
        errors.report(self, exc, title)

    def _show_preview(self, preview: ledger.ImportPreview) -> None:
        self.progress.setVisible(False)
        dialog = ImportPreviewDialog(self, preview)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        rows = dialog.chosen_rows()
        self._progress_from(0)
        tasks.Operation(self, lambda report: ledger.import_confirmed(preview, rows, progress=report), busy="正在导入…") \
            .with_progress(self._show_progress).success(self._imported) \
            .failure(lambda exc: self._import_failed(exc, "未能导入台账")) \
            .announce(self.ctx.events, Changes(cases=True)).run()

    def _imported(self, result: ledger.ImportResult) -> None:
        self.progress.setVisible(False)
        self.result.setText(f"已导入 {result.imported} 件")

    # ---- archive --------------------------------------------------------------------------------

    def _choose_out_dir(self) -> None:
        folder = files.folder_path(self, "归档包保存位置", "archive", self.out_dir.text())
        if folder:
            self.out_dir.setText(str(folder))

    def start_archive(self) -> None:
        year, today = self.year.value(), self.today()
        early = ""
        if not rules.year_ended(year, today):
            early = self._ask_early(year)
            if not early:
                return
        elif not messages.ask(self, "年度归档", f"将生成{year}年度归档包并锁定该年度，锁定后{year}年内办结的案件"
                              "不能再修改，也不能再登记收到日期在该年度的申请。是否继续？", yes="归档并锁定", no="取消"):
            return
        out_dir = Path(self.out_dir.text().strip() or paths.archives_dir(current_db_path()))
        self._progress_from(0)
        self.archive_button.setEnabled(False)
        tasks.Operation(self, lambda report: archive.archive_year(year, out_dir, progress=report, today=today,
                                                                  early_reason=early), busy="正在归档…") \
            .with_progress(self._show_progress).success(self._archived).failure(self._archive_failed) \
            .announce(self.ctx.events, Changes(cases=True)).run()

    def _ask_early(self, year: int) -> str:
        """A year not yet ended is archived only deliberately: what it blocks, then a reason that is
        recorded. Empty when the clerk stepped back."""
        if not messages.ask(self, "年度尚未结束", rules.early_archive_effects(year) +
                            f"\n\n年度归档应在{year}年结束后、次年1月31日前进行。确实要提前归档吗？",
                            yes="提前归档…", no="不归档", icon=messages.WARNING):
            return ""
        reason, ok = QInputDialog.getText(self, "提前归档的理由", f"请写明提前归档{year}年度的理由（将记入操作日志）：")
        return reason.strip() if ok else ""

    def _show_progress(self, done: int, total: int, _text: str = "") -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _archived(self, package: archive.ArchivePackage) -> None:
        self.last_package = package
        text = (f"已归档 {package.cases} 件（{package.files} 个文书文件），年度已锁定。\n"
                f"文件夹：{package.folder}\n压缩包：{package.zip_path}")
        if package.warnings:
            text += "\n注意：" + "；".join(package.warnings)
        self.result.setText(text)
        self.refresh()

    def _archive_failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.refresh()
        errors.report(self, exc, "归档未完成")

    def _ask_unlock(self) -> None:
        year = self.year.value()
        reason, ok = QInputDialog.getText(self, "解除归档锁定", f"请说明解除{year}年度锁定的理由（将记入操作日志）：")
        if ok:
            self.unlock(reason)

    def unlock(self, reason: str) -> None:
        year = self.year.value()
        tasks.Operation(self, lambda: archive.unlock_year(year, reason), failure_title="未解除锁定") \
            .success(lambda _r: self.refresh()).failure(lambda exc: (errors.report(self, exc, "未解除锁定"), self.refresh())) \
            .announce(self.ctx.events, Changes(cases=True)).run()
