"""打印预览 over a real notice rendered by LibreOffice: the pages in the program, printing to a
printer with copies, the truth when no printer is installed, and no personal data left behind."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from app.services import notices
from app.ui.common import print_preview
from app.ui.common.print_preview import NO_PRINTER, PrintPreviewDialog
from tests.ui.clock_support import office_with_cases

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support"),
              pytest.mark.skipif(notices.soffice() is None, reason="needs LibreOffice to render the pages")]

TODAY = dt.date.today()


@pytest.fixture
def issued(db_path):
    (case_id,) = office_with_cases(db_path, TODAY)
    return notices.issue("补正告知书", case_id, {"补正事项": "请写明所需信息的名称"}, TODAY)


def page_text(document: QPdfDocument) -> str:
    """The pages' text without the spaces the PDF puts between Chinese and digits."""
    return "".join("".join(document.getAllText(p).text().split()) for p in range(document.pageCount()))


def test_the_pages_are_shown_and_print_with_copies(qtbot, issued, tmp_path):
    preview = PrintPreviewDialog(None, issued.path, issued.kind)
    qtbot.addWidget(preview)
    pages = preview.page_count()
    assert pages >= 1 and preview.print_button.isEnabled()
    assert issued.doc_no in page_text(preview.document)
    assert preview.info.text() == f"共{pages}页。点“打印…”选择打印机和份数。"

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "打印机.pdf"))
    printer.setCopyCount(2)
    assert preview.print_to(printer)
    printed = QPdfDocument()
    assert printed.load(str(tmp_path / "打印机.pdf")) == QPdfDocument.Error.None_
    copies = 1 if printer.supportsMultipleCopies() else 2
    assert printed.pageCount() == pages * copies
    # The printed pages are the notice's pages as pictures: ink on them, not blank sheets.
    image = printed.render(0, QSize(210, 297))
    dark = sum(1 for x in range(0, 210, 3) for y in range(0, 297, 3) if image.pixelColor(x, y).lightness() < 128)
    assert dark > 20
    printed.close()
    assert preview.printed == f"已发送到打印机“{tmp_path / '打印机.pdf'}”：第1–{pages}页，2份。"

    pdf = preview.pdf
    assert pdf.parent.name.startswith("zwgk-draft-")
    preview.reject()
    assert not pdf.parent.exists()  # the preview's PDF goes with it
    assert issued.path.exists()  # the issued document stays


def test_without_a_printer_it_says_so_and_prints_nothing(qtbot, issued, modal, monkeypatch):
    monkeypatch.setattr(print_preview, "printers", lambda: [])
    preview = PrintPreviewDialog(None, issued.path, issued.kind)
    qtbot.addWidget(preview)
    told = []
    modal(QMessageBox, lambda box: (told.append(box.text()), box.accept()), needs_focus=False)
    assert preview.print_pages() is False
    modal.check()
    assert told == [NO_PRINTER] and preview.printed == ""
    assert preview.info.text() == "没有打印：本机没有可用的打印机。"


def test_a_draft_is_deleted_with_its_preview(qtbot, db_path):
    (case_id,) = office_with_cases(db_path, TODAY)
    draft = notices.render_draft("补正告知书", case_id, {"补正事项": "请写明所需信息的名称"}, TODAY)
    preview = PrintPreviewDialog(None, draft, "草稿", draft=True)
    qtbot.addWidget(preview)
    assert "××" in page_text(preview.document)
    preview.reject()
    assert not draft.parent.exists()
    assert not list(draft.parent.parent.glob("zwgk-draft-*"))
    assert shutil.which("soffice")
