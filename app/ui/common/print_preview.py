"""打印预览: the rendered document as pages inside the program, then 打印… with the choice of printer,
copies and pages (QPrintDialog); the result is told truthfully — no printer installed, a printer
that refused the job, or the printer and copies it went to.

The PDF comes from LibreOffice or Word (services.notices.preview_pdf) in a draft folder of its own
(app.paths.drafts_dir); it is deleted when the preview closes, and so is the draft it was made from
(personal data).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.services import notices
from app.services.errors import ServiceError
from app.ui.common import errors, messages, tasks

PRINT_DPI = 300  # enough for 仿宋 text and seals; more only makes the job slower
NO_PRINTER = ("本机没有可用的打印机（未安装打印机，或打印服务未启动），文书没有打印。"
              "请安装或连接打印机后再打印；也可以点“用Word/WPS打开”，另存后到有打印机的电脑上打印。")


def printers() -> list[QPrinterInfo]:
    """The printers this computer can print to (none when no printer or print service is installed)."""
    return list(QPrinterInfo.availablePrinters())


class PrintPreviewDialog(QDialog):
    """Preview `source` (.docx or .pdf) as pages; `draft`: the source is a temporary draft, deleted
    with the preview. After closing, `printed` says what was printed (empty when nothing)."""

    def __init__(self, parent: QWidget | None, source: Path, title: str, draft: bool = False):
        super().__init__(parent)
        self.setWindowTitle(f"打印预览 — {title}")
        self.setObjectName("PrintPreviewDialog")
        self.source, self.draft = Path(source), draft
        self.pdf: Path | None = None
        self.printed = ""
        self._kept_source = False
        self._closed = False
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.info = QLabel("正在生成预览…", self)
        self.info.setObjectName("previewInfo")
        self.info.setWordWrap(True)
        self.print_button = QPushButton("打印…", self)
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip("选择打印机、份数和页码后打印（Ctrl+P）")
        self.print_button.setEnabled(False)
        self.open_button = QPushButton("用Word/WPS打开", self)
        self.open_button.setToolTip("在 Word 或 WPS 中打开，修改格式或另存")
        close = QPushButton("关闭", self)
        row = QHBoxLayout()
        for widget in (self.info,):
            row.addWidget(widget, 1)
        for button in (self.open_button, self.print_button, close):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.print_button.clicked.connect(self.print_pages)
        self.open_button.clicked.connect(self.open_in_word)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_pages)
        self.resize(900, 700)
        self._render()

    # ---- the pages ------------------------------------------------------------------------

    def _render(self) -> None:
        if self.source.suffix.lower() == ".pdf":
            self._loaded(self.source)
            return
        source = self.source
        # Not parented to the dialog: a PDF finished after the clerk closed the preview is deleted
        # here instead of being left in the temporary folder.
        tasks.Operation(None, lambda: notices.preview_pdf(source), lane=tasks.FREE, busy="正在生成预览…") \
            .success(self._arrived).failure(lambda exc: self._not_rendered(exc) if self._open() else None).run()

    def _open(self) -> bool:
        return isValid(self) and not self._closed

    def _arrived(self, pdf: Path) -> None:
        if self._open():
            self._loaded(pdf)
        else:
            notices.discard_draft(pdf)

    def _loaded(self, pdf: Path) -> None:
        self.pdf = pdf
        if self.document.load(str(pdf)) != QPdfDocument.Error.None_:
            self.info.setText(f"无法显示预览：{pdf.name} 不是有效的PDF文件。")
            return
        self.info.setText(f"共{self.page_count()}页。点“打印…”选择打印机和份数。")
        self.print_button.setEnabled(True)

    def _not_rendered(self, exc: BaseException) -> None:
        self.info.setText(f"无法生成预览：{exc}。可以点“用Word/WPS打开”后在其中打印。")
        if not isinstance(exc, ServiceError):
            errors.report(self, exc, "无法生成预览")

    def page_count(self) -> int:
        return self.document.pageCount()

    # ---- printing --------------------------------------------------------------------------

    def print_pages(self) -> bool:
        """Choose printer, copies and pages, then print; False (and why) when nothing was printed."""
        if not self.print_button.isEnabled():
            return False
        available = printers()
        if not available:
            messages.warn(self, "无法打印", NO_PRINTER)
            self.info.setText("没有打印：本机没有可用的打印机。")
            return False
        default = QPrinterInfo.defaultPrinter()
        printer = QPrinter(default if not default.isNull() else available[0], QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印")
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Paint the chosen pages (and copies, where the driver does not make them) on `printer`."""
        first = max(printer.fromPage(), 1) - 1 if printer.fromPage() else 0
        last = (printer.toPage() or self.page_count()) - 1
        copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
        painter = QPainter()
        if not painter.begin(printer):
            messages.warn(self, "无法打印", f"打印机“{printer.printerName() or printer.outputFileName()}”不能接收打印任务，"
                          "文书没有打印。请检查打印机是否开机、联网、有纸。")
            self.info.setText("没有打印：打印机不能接收打印任务。")
            return False
        try:
            for copy in range(copies):
                for page in range(first, last + 1):
                    if copy or page > first:
                        printer.newPage()
                    self._paint_page(painter, printer, page)
        finally:
            ok = painter.end()
        if not ok:
            messages.warn(self, "无法打印", "打印任务没有完成，请检查打印机后重试。")
            return False
        where = printer.printerName() or printer.outputFileName()
        self.printed = f"已发送到打印机“{where}”：第{first + 1}–{last + 1}页，{max(printer.copyCount(), 1)}份。"
        self.info.setText(self.printed)
        return True

    def _paint_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        points = self.document.pagePointSize(page)
        dpi = min(printer.resolution(), PRINT_DPI)
        image: QImage = self.document.render(page, QSize(round(points.width() * dpi / 72),
                                                         round(points.height() * dpi / 72)))
        target = painter.viewport()
        size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.setViewport(QRect(target.x(), target.y(), size.width(), size.height()))
        painter.setWindow(image.rect())
        painter.drawImage(0, 0, image)
        painter.setViewport(target)
        painter.setWindow(QRect(0, 0, target.width(), target.height()))

    # ---- leaving ---------------------------------------------------------------------------

    def open_in_word(self) -> None:
        try:
            notices.open_file(self.source)
        except ServiceError as exc:
            errors.report(self, exc, "无法打开")
            return
        self._kept_source = True  # Word has it open now: the start-up clean-up removes it later

    def done(self, result: int) -> None:
        self._closed = True
        self.document.close()
        if self.pdf is not None and self.pdf != self.source:
            notices.discard_draft(self.pdf)
        if self.draft and not self._kept_source:
            notices.discard_draft(self.source)
        super().done(result)


def preview_and_print(parent: QWidget, source: Path, title: str, draft: bool = False) -> str:
    """Show the preview; what was printed ("" when nothing)."""
    dialog = PrintPreviewDialog(parent, source, title, draft)
    try:
        dialog.exec()
        return dialog.printed
    finally:
        dialog.deleteLater()


def preview_html(parent: QWidget, html: str, title: str) -> str:
    """A list or table of the program (HTML) as A4 pages in the preview; the PDF is a draft (it may
    hold personal data) and goes with the preview. What was printed ("" when nothing)."""
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtCore import QMarginsF

    folder = notices.draft_folder()
    pdf = folder / "打印.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # the PDF is complete once its writer is gone
    return preview_and_print(parent, pdf, title, draft=True)
