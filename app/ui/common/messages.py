"""The program's message boxes, in Chinese, made in one place: a warning, a note, a question with
its own button words, and the few questions every screen asks (discard edits? record it late?)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

WARNING = QMessageBox.Icon.Warning
INFORMATION = QMessageBox.Icon.Information
_YES = QMessageBox.StandardButton.Yes
_NO = QMessageBox.StandardButton.No


def warn(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText("确定")
    box.exec()


def critical(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText("确定")
    box.exec()


def inform(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText("确定")
    box.exec()


def ask(parent: QWidget | None, title: str, text: str, yes: str = "是", no: str = "否",
        default_yes: bool = False, icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> bool:
    """A yes/no question whose buttons say what they do; True for `yes`."""
    box = QMessageBox(icon, title, text, _YES | _NO, parent)
    box.button(_YES).setText(yes)
    box.button(_NO).setText(no)
    box.setDefaultButton(_YES if default_yes else _NO)
    return box.exec() == _YES


def confirm_discard(parent: QWidget, what: str) -> bool:
    """Ask before throwing away unsaved edits."""
    box = QMessageBox(QMessageBox.Icon.Question, "放弃未保存的内容？", f"{what}尚未保存，确定放弃吗？",
                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, parent)
    box.button(QMessageBox.StandardButton.Discard).setText("放弃修改")
    box.button(QMessageBox.StandardButton.Cancel).setText("取消")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Discard


def confirm_late(parent: QWidget, message: str) -> bool:
    """A step after its limit: the clerk decides whether to record it anyway (it is noted as late)."""
    return ask(parent, "已超过期限", message, yes="仍然记录", no="不记录")


def chinese_buttons(box: QDialogButtonBox) -> None:
    """Name the standard OK/Cancel buttons in Chinese whatever translation Qt found."""
    for which, text in ((QDialogButtonBox.StandardButton.Ok, "确定"), (QDialogButtonBox.StandardButton.Cancel, "取消")):
        button = box.button(which)
        if button is not None:
            button.setText(text)
