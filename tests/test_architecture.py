"""The layering rules of ARCHITECTURE.md that a machine can check, by reading every module's imports."""
from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules() -> list[tuple[str, set[str]]]:
    return [(p.relative_to(APP.parent).as_posix(), _imports(p)) for p in sorted(APP.rglob("*.py"))]


def test_modules_are_found():
    assert any(name == "app/store/db.py" for name, _ in _modules())


def test_peewee_only_in_store():
    offenders = [name for name, imports in _modules()
                 if imports & {"peewee", "playhouse"} and not name.startswith("app/store/")]
    assert offenders == [], "peewee/playhouse imported outside app/store: " + ", ".join(offenders)


def test_qt_only_in_ui():
    allowed = ("app/ui/", "app/__main__.py")
    offenders = [name for name, imports in _modules()
                 if imports & {"PySide6", "shiboken6"} and not name.startswith(allowed)]
    assert offenders == [], "PySide6 imported outside app/ui: " + ", ".join(offenders)


def test_domain_is_pure():
    """app/domain: the standard library and `holidays` only (plus itself)."""
    import sys

    allowed = set(sys.stdlib_module_names) | {"holidays", "app", "__future__"}
    offenders = [f"{name}: {sorted(imports - allowed)}" for name, imports in _modules()
                 if name.startswith("app/domain/") and imports - allowed]
    assert offenders == []


def test_domain_does_not_reach_up():
    offenders = []
    for path in sorted((APP / "domain").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                    ("app.store", "app.services", "app.ui", "app.cli")):
                offenders.append(f"{path.name}: {node.module}")
    assert offenders == []


def test_views_do_not_query_the_store():
    offenders = []
    for path in sorted((APP / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app.store"):
                offenders.append(f"{path.name}: {node.module}")
            if isinstance(node, ast.Import) and any(a.name.startswith("app.store") for a in node.names):
                offenders.append(path.name)
    assert offenders == []
