"""The layering rules of docs/architecture.md that a machine can check, by reading every module's imports."""
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


def test_the_engine_is_a_store_concern():
    """Only app/store knows which engine the office's database is on (docs/server.md): the driver is
    imported there alone, and above it a server's location is a string passed through — named only
    in the one example of how to write it (app.paths.SERVER_EXAMPLE)."""
    import re

    drivers = [name for name, imports in _modules()
               if imports & {"psycopg", "psycopg2", "psycopg_binary"} and not name.startswith("app/store/")]
    assert drivers == [], "a database driver imported outside app/store: " + ", ".join(drivers)
    naming = re.compile(r"postgres|psycopg|pg_dump|pg_restore|pg_trgm", re.IGNORECASE)
    offenders = [p.relative_to(APP.parent).as_posix() for p in sorted(APP.rglob("*.py"))
                 if not p.relative_to(APP).as_posix().startswith("store/")
                 and naming.search(p.read_text(encoding="utf-8").replace('SERVER_EXAMPLE = "postgresql://', ""))]
    assert offenders == [], "the server engine named above app/store: " + ", ".join(offenders)


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


# ---- the house: no cycles, screens apart, no reach-ins, queries in the store, statuses in the domain

def _module_name(path: Path) -> str:
    parts = list(path.relative_to(APP.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    """Module -> the app modules it imports, function-level imports included (a package's own
    __init__, which Python runs first, is not counted as an edge)."""
    paths = {_module_name(p): p for p in APP.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name in paths)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    head = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join(head + ([node.module] if node.module else []))
                for alias in node.names:
                    target = f"{base}.{alias.name}"
                    edges.add(target if target in paths else base)
        graph[name] = {e for e in edges if e in paths and e != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles_not_even_through_function_level_imports():
    assert _cycles(_import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


SCREENS = ("home", "register", "case", "review", "proactive", "opinion", "press", "ledger", "calendar", "report", "templates",
           "settings")


def _screen_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["app", "ui"] else None


def test_screen_packages_import_only_common_forms_and_themselves():
    """`app.ui.app` (the start-up and the main window) composes the screens; no screen and nothing in
    `app.ui.common` imports a screen other than itself."""
    offenders = []
    for module, targets in _import_graph().items():
        own = _screen_of(module)
        if own not in SCREENS and own != "common":
            continue
        for target in targets:
            other = _screen_of(target)
            if other is not None and other != own and other not in ("common", "forms"):
                offenders.append(f"{module} -> {target}")
    assert offenders == []


_WINDOW_NAMES = ("window", "_window", "window_", "window_ref", "main_window", "view", "parent")


def _names_a_window(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id in _WINDOW_NAMES
    if isinstance(node, ast.Attribute):
        return node.attr in _WINDOW_NAMES
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("window", "parentWidget", "parent")
    return False


def test_no_screen_feels_for_attributes_of_a_window_or_view():
    """hasattr/getattr on a window or view is a screen reaching into another: announce a change
    through the workspace events, or use the context, instead."""
    offenders = []
    for path in sorted((APP / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("hasattr", "getattr")
                    and node.args and _names_a_window(node.args[0])):
                offenders.append(f"{path.relative_to(APP.parent)}:{node.lineno}")
    assert offenders == []


def test_no_table_or_connection_is_used_outside_the_store():
    """A peewee query needs a model or the database proxy: neither is imported above app/store."""
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        rel = path.relative_to(APP.parent).as_posix()
        if rel.startswith("app/store/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in ("app.store.schema", "app.store.base"):
                offenders.append(f"{rel}: {node.module}")
            elif isinstance(node, ast.ImportFrom) and node.module == "app.store" and any(
                    a.name in ("schema", "base") for a in node.names):
                offenders.append(f"{rel}: app.store.schema/base")
            elif isinstance(node, ast.ImportFrom) and node.module == "app.store.db" and any(
                    a.name == "database" for a in node.names):
                offenders.append(f"{rel}: app.store.db.database")
    assert offenders == []


def test_no_status_word_is_written_outside_the_domain():
    """Statuses are the constants of app/domain/request.py (and the review's of app/domain/review.py):
    a literal elsewhere drifts from them unnoticed."""
    from app.domain.request import STATUSES
    from app.domain.review import APPROVED, PENDING, RETURNED

    words = set(STATUSES) | {APPROVED, PENDING, RETURNED}
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        rel = path.relative_to(APP.parent).as_posix()
        if rel.startswith(("app/domain/", "app/ui/forms/")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in words:
                offenders.append(f"{rel}:{node.lineno} {node.value}")
    assert offenders == []
