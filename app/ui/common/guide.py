"""使用说明: the short user guide (resources/使用说明.md) in a window of the program, opened with F1 or
帮助 → 使用说明 from the main window and from every case window."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from shiboken6 import isValid

from app import paths

GUIDE_FILE = "使用说明.md"


def guide_text() -> str:
    path = paths.resource(GUIDE_FILE)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return f"# 使用说明\n\n找不到说明文件：{path}。请重新安装程序。"


class GuideDialog(QDialog):
    """Not modal: the clerk reads it beside the window she works in."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("使用说明")
        self.setObjectName("GuideDialog")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 640)


_open: dict[str, GuideDialog] = {}


def show_guide(parent: QWidget | None) -> GuideDialog:
    """The guide's window, brought to the front (one at a time)."""
    dialog = _open.get("guide")
    if dialog is None or not isValid(dialog) or not dialog.isVisible():
        dialog = GuideDialog(parent)
        _open["guide"] = dialog
    dialog.show()
    dialog.raise_()
    return dialog
