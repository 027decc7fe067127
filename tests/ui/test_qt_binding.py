"""The Qt binding keeps Python's reference counts straight (PySide6 6.12.0 on Python 3.11 did not).

That binding released a reference to None on most calls of a method returning nothing — setText,
setVisible, setItem, setMaximumHeight … — so None's count ran down as the clerk worked, and the
program aborted with "Fatal Python error: none_dealloc" (at start-up, once the home page listed a few
hundred due cases of a 100,000-case register). pyproject.toml keeps that version out; this test
fails on any binding that does it. (From Python 3.12 on, None is immortal and its count never moves.)
"""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem

CALLS = 20_000  # more than None's whole reference count in a freshly started program


def test_calls_that_return_nothing_leave_none_alone(qtbot):
    label, table = QLabel(), QTableWidget(1, 1)
    qtbot.addWidget(label)
    qtbot.addWidget(table)
    before = sys.getrefcount(None)
    for batch in range(CALLS // 100):  # checked as it goes: a faulty binding fails, not aborts, the run
        for n in range(100):
            label.setText("正在统计到期事项…")
            label.setVisible(False)
            table.setMaximumHeight(100 + n % 7)
            table.setItem(0, 0, QTableWidgetItem("〔2026〕第1号"))
        lost = before - sys.getrefcount(None)
        assert lost < 100, f"None lost {lost} references in {(batch + 1) * 400} calls"


def test_the_program_runs_on_a_binding_without_that_fault():
    from PySide6 import __version__

    assert sys.version_info >= (3, 12) or tuple(int(p) for p in __version__.split(".")[:2]) != (6, 12)
