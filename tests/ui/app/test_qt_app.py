"""The application object's start-up: PySide6's import hook no longer reads the source of every
module imported after it (app/ui/app/qt_app.py, skip_feature_scan; docs/performance.md, Start-up)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

_PROBE = """
import inspect, sys
sys.path.insert(0, {folder!r})
import PySide6.QtWidgets
from app.ui.app.qt_app import skip_feature_scan
if {skip}:
    skip_feature_scan()
read = []
original = inspect.getsource
inspect.getsource = lambda obj: (read.append(getattr(obj, "__name__", "?")), original(obj))[1]
import probe_module_after_pyside
print("READ" if "probe_module_after_pyside" in read else "NOT READ")
"""


def _probe(tmp_path: Path, skip: bool) -> str:
    (tmp_path / "probe_module_after_pyside.py").write_text("VALUE = 1\n", encoding="utf-8")
    code = _PROBE.format(folder=str(tmp_path), skip=skip)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[3], env={**_env(), "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip().splitlines()[-1]


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


def test_pyside_reads_each_new_module_s_source_unless_told_not_to(tmp_path):
    if _probe(tmp_path, skip=False) != "READ":
        pytest.skip("this PySide6 does not scan imported modules' sources (nothing to switch off)")
    assert _probe(tmp_path, skip=True) == "NOT READ"
