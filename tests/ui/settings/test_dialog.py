"""机关设置 as a new clerk meets it: required fields marked, the number formats explained with a live
example, and the password note in plain words."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from app.domain.settings import REQUIRED_SETTINGS
from app.ui.settings.dialog import SettingsDialog
from app.ui.settings.password_dialog import PasswordSettingsDialog
from tests.ui.ui_support import type_into

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture
def dialog(qtbot, workspace):
    d = SettingsDialog(first_start=False)
    qtbot.addWidget(d)
    return d


def test_required_fields_are_marked(dialog):
    marked = {name for name in REQUIRED_SETTINGS if getattr(dialog.ui, f"lbl_{name}").text().startswith("＊")}
    assert marked == set(REQUIRED_SETTINGS)
    assert not dialog.ui.lbl_handler.text().startswith("＊")  # 经办人 is not required
    assert "标 ＊ 的为必填项" in dialog.ui.introLabel.text()


def test_the_number_formats_are_explained_with_an_example_that_follows_the_typing(qtbot, dialog):
    hint = dialog.ui.hint_doc_no_format.text()
    assert "{code} 处填文书代字（补、延、答…）" in hint and "例如补正告知书：茅政信补〔2026〕3号" in hint
    assert dialog.ui.hint_case_no_format.text().endswith("例如：〔2026〕第12号")
    type_into(qtbot, dialog.ui.f_case_no_format, "茅信申{year}-{seq}")
    assert dialog.ui.hint_case_no_format.text().endswith("例如：茅信申2026-12")
    type_into(qtbot, dialog.ui.f_case_no_format, "茅信申{year}")  # no {seq}: no example, the error says why
    assert "例如" not in dialog.ui.hint_case_no_format.text()


def test_the_password_note_speaks_plainly(qtbot, workspace):
    d = PasswordSettingsDialog()
    qtbot.addWidget(d)
    texts = " ".join(label.text() for label in d.findChildren(QLabel))
    assert "加盐" not in texts and "散列" not in texts and "忘记后无法找回" in texts
