"""Every committed app/ui/forms/ui_X.py is exactly what pyside6-uic makes of forms/X.ui."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app import paths

FORMS = sorted(paths.forms_dir().glob("*.ui"))
GENERATED = Path(paths.root(), "app", "ui", "forms")
# pyside6-uic's entry point, run with this interpreter (works with or without the console script on PATH).
UIC = [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import uic; sys.exit(uic())"]


def _strip_version(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if "Created by: Qt User Interface Compiler" not in line)


def test_every_form_has_a_module():
    assert FORMS, "no .ui files found"
    expected = {f"ui_{f.stem}.py" for f in FORMS}
    present = {p.name for p in GENERATED.glob("ui_*.py")}
    assert expected == present


@pytest.mark.parametrize("ui_file", FORMS, ids=lambda p: p.name)
def test_generated_module_is_current(ui_file: Path, tmp_path: Path):
    out = tmp_path / f"ui_{ui_file.stem}.py"
    subprocess.run([*UIC, str(ui_file), "-o", str(out)], check=True, capture_output=True)
    committed = (GENERATED / out.name).read_text(encoding="utf-8")
    assert _strip_version(out.read_text(encoding="utf-8")) == _strip_version(committed), (
        f"{out.name} is stale: run pyside6-uic forms/{ui_file.name} -o app/ui/forms/{out.name}")
