"""Compile the Designer forms: forms/X.ui → app/ui/forms/ui_X.py, importing only what each one uses.

    python forms/compile.py            (every form; run after editing a .ui file in Qt Designer)

pyside6-uic writes the same long import lists into every module — `Qt`, gradients, QPainter,
QPalette … whether the form uses them or not — and with PySide6's lazy loading each imported name
is a class built on first import: `Qt` alone is 94 Python enums, about 20 ms. The main window is
imported before the first paint, so its start-up paid for names it never touches.
`prune_imports` keeps, in each `from PySide6.… import …`, only the names the module uses; nothing
else of uic's output changes. tests/ui/test_forms_current.py checks every committed module is
exactly this script's output.
"""
from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

FORMS = Path(__file__).resolve().parent
GENERATED = FORMS.parent / "app" / "ui" / "forms"
# pyside6-uic's entry point, run with this interpreter (works with or without the console script on PATH).
UIC = [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import uic; sys.exit(uic())"]


def prune_imports(source: str) -> str:
    """`source` with each top-level `from PySide6.X import (…)` cut to the names used elsewhere in it
    (a statement left with none is dropped)."""
    tree = ast.parse(source)
    imports = [node for node in tree.body
               if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6.")]
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = source.splitlines(keepends=True)
    for node in reversed(imports):  # from the bottom up, so earlier line numbers stay valid
        names = [alias.name for alias in node.names if alias.name in used]
        lines[node.lineno - 1:node.end_lineno] = [_import_line(node.module, names)] if names else []
    return "".join(lines)


def _import_line(module: str, names: list[str]) -> str:
    head = f"from {module} import "
    if len(head) + len(", ".join(names)) <= 100:
        return head + ", ".join(names) + "\n"
    wrapped = textwrap.wrap(", ".join(names), width=96, initial_indent=" " * (len(head) + 1),
                            subsequent_indent="    ", break_on_hyphens=False)
    return head + "(" + "\n".join(wrapped).lstrip() + ")\n"


def compile_form(ui_file: Path) -> str:
    """What app/ui/forms/ui_X.py holds for forms/X.ui: uic's output with its imports pruned."""
    out = subprocess.run([*UIC, str(ui_file)], check=True, capture_output=True, text=True, encoding="utf-8")
    return prune_imports(out.stdout)


def main() -> int:
    for ui_file in sorted(FORMS.glob("*.ui")):
        target = GENERATED / f"ui_{ui_file.stem}.py"
        target.write_text(compile_form(ui_file), encoding="utf-8")
        print(f"{ui_file.name} → {target.relative_to(FORMS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
