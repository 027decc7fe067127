"""What office users expect: F1 opens the user guide inside the program (with the article behind each
rule), Ctrl+P prints the page's list through the print preview, and a case window takes F1 too."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.domain.request import RequestData
from app.services import notices, register
from app.ui.common import print_preview
from app.ui.common.guide import GuideDialog
from app.ui.common.print_preview import PrintPreviewDialog
from app.ui.register.page import RegisterPage
from tests.ui.ui_support import open_main_window, page_of

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]

TODAY = dt.date.today()


@pytest.fixture
def window(qtbot, db_path):
    w = open_main_window(qtbot, db_path, TODAY)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_f1_opens_the_guide_with_the_articles(qtbot, window):
    window.ui.actionGuide.trigger()
    guide = window.findChild(GuideDialog)
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    for needed in ("登记申请", "期限", "文书", "年终", "第二十九条", "第三十一条", "第三十三条", "第三十条", "1月31日"):
        assert needed in text, needed
    assert window.ui.actionGuide.shortcut().toString() == "F1"
    guide.close()


def test_f1_in_a_case_window(qtbot, window):
    case = register.register(RequestData(name="张三", id_number="11010519491231002X", phone="13812345678",
                                         info_name="村道硬化验收报告", arrived_on=TODAY), today=TODAY)
    view = window.open_case(case.id)
    qtbot.addWidget(view)
    # The window's own F1 (pressing it needs the window to have the focus, which a loaded machine is
    # slow to give: the shortcut itself is activated).
    from PySide6.QtGui import QKeySequence, QShortcut

    f1 = [s for s in view.findChildren(QShortcut) if s.key() == QKeySequence(Qt.Key.Key_F1)]
    assert len(f1) == 1
    f1[0].activated.emit()
    assert any(isinstance(w, GuideDialog) and w.isVisible() for w in view.findChildren(GuideDialog))


@pytest.mark.skipif(notices.soffice() is None, reason="the preview of a list needs no LibreOffice, the test does not either")
def test_ctrl_p_prints_the_register_list_through_the_preview(qtbot, window, modal, monkeypatch):
    monkeypatch.setattr(print_preview, "printers", lambda: [])
    for name in ("张三", "李四"):
        register.register(RequestData(name=name, id_number="11010519491231002X", phone="13812345678",
                                      info_name="村道硬化验收报告", arrived_on=TODAY), today=TODAY)
    page_of(window, RegisterPage).refresh()
    seen = {}

    def look(preview: PrintPreviewDialog) -> None:
        text = "".join("".join(preview.document.getAllText(p).text().split()) for p in range(preview.page_count()))
        seen.update(pages=preview.page_count(), text=text, pdf=preview.pdf)
        preview.reject()

    modal(PrintPreviewDialog, look, needs_focus=False)
    assert window.ui.actionPrint.shortcut().toString() == "Ctrl+P"
    window.ui.actionPrint.trigger()
    modal.check()
    assert seen["pages"] == 1
    assert "依申请公开登记簿" in seen["text"] and "张三" in seen["text"] and "李四" in seen["text"]
    assert "共2件" in seen["text"]
    assert not seen["pdf"].parent.exists()  # the list holds personal data: gone with the preview
