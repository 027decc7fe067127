"""Every committed app/ui/forms/ui_X.py is exactly what forms/compile.py makes of forms/X.ui
(pyside6-uic's output with its imports cut to the names the form uses)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from app import paths

FORMS = sorted(paths.forms_dir().glob("*.ui"))
GENERATED = Path(paths.root(), "app", "ui", "forms")


def _compiler():
    spec = importlib.util.spec_from_file_location("forms_compile", paths.forms_dir() / "compile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


compiler = _compiler()


def _strip_version(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if "Created by: Qt User Interface Compiler" not in line)


def test_every_form_has_a_module():
    assert FORMS, "no .ui files found"
    expected = {f"ui_{f.stem}.py" for f in FORMS}
    present = {p.name for p in GENERATED.glob("ui_*.py")}
    assert expected == present


@pytest.mark.parametrize("ui_file", FORMS, ids=lambda p: p.name)
def test_generated_module_is_current(ui_file: Path):
    name = f"ui_{ui_file.stem}.py"
    committed = (GENERATED / name).read_text(encoding="utf-8")
    assert _strip_version(compiler.compile_form(ui_file)) == _strip_version(committed), (
        f"{name} is stale: run python forms/compile.py")


def test_a_form_imports_only_what_it_uses():
    source = """from PySide6.QtCore import (QCoreApplication, QDate, QMetaObject,
    QRect, Qt)
from PySide6.QtGui import (QBrush, QColor)
from PySide6.QtWidgets import QLabel, QWidget

class Ui_X(object):
    def setupUi(self, X):
        self.label = QLabel(X)
        self.label.setGeometry(QRect(0, 0, 10, 10))
        QMetaObject.connectSlotsByName(X)
"""
    pruned = compiler.prune_imports(source)
    assert pruned.splitlines()[:2] == ["from PySide6.QtCore import QMetaObject, QRect",
                                       "from PySide6.QtWidgets import QLabel"]
    assert pruned.split("\n", 2)[2] == source.split("\n", 4)[4]  # the rest untouched
