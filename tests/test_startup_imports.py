"""Start-up stays fast: the Word, Excel, holiday and report code load when first used, and peewee and
the store once the window is on screen, not before the main window shows. Each check runs
in a fresh interpreter, as the clerk's start does."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Top-level packages and app modules that must not be loaded at start-up.
SLOW = ("docxtpl", "docx", "openpyxl", "holidays", "lxml", "jinja2", "peewee", "app.store.db",
        "app.services.report_export", "app.services.annual_report")

# Both scripts below: the main window the start-up builds gets the script's `Probe` as event filter.
_PROBE_THE_WINDOW = r"""
probe = Probe()
_build = application.build_main_window
def build_main_window(*args):
    window = _build(*args)
    window.installEventFilter(probe)
    return window
application.build_main_window = build_main_window
"""

# Runs the real start-up (run_gui) and, at the main window's first paint, prints what is loaded;
# the bench hook (ZWGK_BENCH_EXIT_AFTER_SHOW) then quits the program.
_AT_FIRST_PAINT = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject
from app.ui.app import application

SLOW = json.loads(sys.argv[2])

class Probe(QObject):
    done = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not Probe.done:
            Probe.done = True
            loaded = [m for m in SLOW if m in sys.modules]
            print("LOADED_AT_FIRST_PAINT " + json.dumps(loaded), flush=True)
        return False

""" + _PROBE_THE_WINDOW + r"""
sys.exit(application.run_gui(["--db", sys.argv[1]]))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _loaded(output: str, marker: str) -> list[str]:
    for line in output.splitlines():
        if line.startswith(marker + " "):
            return json.loads(line[len(marker) + 1:])
    raise AssertionError(f"no {marker} line in the output:\n{output}")


def _database_with_a_case(path: Path) -> None:
    """A configured office with one registered request, made through the services and closed again."""
    import datetime as dt
    import random

    from app.services.demo import demo_settings
    from app.services import demo, register, settings
    from app.services.workspace import close_workspace, open_workspace

    open_workspace(path)
    try:
        settings.save(demo_settings())
        today = dt.date.today()
        register.register(demo.make_request(random.Random(3), today - dt.timedelta(days=10), 5, today.year), today)
    finally:
        close_workspace()


def test_nothing_slow_is_loaded_before_the_main_window_is_painted(tmp_path):
    db = tmp_path / "t.sqlite"
    _database_with_a_case(db)
    env = _env()
    env["ZWGK_BENCH_EXIT_AFTER_SHOW"] = "1"
    out = subprocess.run([sys.executable, "-c", _AT_FIRST_PAINT, str(db), json.dumps(SLOW)], env=env,
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "ZWGK_SHOWN" in out.stdout  # the window really was shown and painted
    assert _loaded(out.stdout, "LOADED_AT_FIRST_PAINT") == []
    assert "ZWGK_READY" in out.stdout  # and the database opened behind it


def test_importing_the_gui_modules_loads_nothing_slow():
    script = ("import json, sys, app.ui.app.application, app.ui.app.main_window; "
              f"print('LOADED_AT_IMPORT ' + json.dumps([m for m in {list(SLOW)!r} if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", script], env=_env(), capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert _loaded(out.stdout, "LOADED_AT_IMPORT") == []


def test_a_file_office_never_loads_the_server_driver(tmp_path):
    """psycopg (~80 ms) is for a desk on a server: opening and using a file must not import it, whichever
    module of the store is imported first."""
    db = tmp_path / "t.sqlite"
    script = ("import sys; from app.store import db as store_db, register; "
              f"store_db.open_database({str(db)!r}); "
              "store_db.close_database(); print('PSYCOPG ' + str('psycopg' in sys.modules))")
    out = subprocess.run([sys.executable, "-c", script], env=_env(), capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "PSYCOPG False" in out.stdout, out.stdout


# Runs the real start-up until the home page's lists are filled (the bench hook with `home`) and
# prints the modules of the store, services and domain (and peewee, holidays) that the GUI thread
# imported after the window's first paint.
_ON_THE_GUI_THREAD = r"""
import json, sys, threading
from PySide6.QtCore import QEvent, QObject
from app.ui.app import application

WATCHED = ("app.store", "app.services", "app.domain", "peewee", "holidays")
seen = {"painted": False, "imported": []}

class Watch:
    def find_spec(self, name, path=None, target=None):
        if seen["painted"] and threading.current_thread() is threading.main_thread() \
                and name.startswith(WATCHED) and name not in seen["imported"]:
            seen["imported"].append(name)
        return None

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            seen["painted"] = True
        return False

sys.meta_path.insert(0, Watch())
""" + _PROBE_THE_WINDOW + r"""
code = application.run_gui(["--db", sys.argv[1]])
print("IMPORTED_ON_THE_GUI_THREAD " + json.dumps(seen["imported"]), flush=True)
sys.exit(code)
"""


def test_after_the_first_paint_the_store_and_services_load_off_the_gui_thread(tmp_path):
    """Between the first paint and the home page's lists the window keeps answering: peewee, the
    store, the services and the holidays tables are imported on a thread (docs/performance.md,
    Start-up), not on the GUI thread, whose imports would keep it from painting."""
    db = tmp_path / "t.sqlite"
    _database_with_a_case(db)
    env = _env()
    env["ZWGK_BENCH_EXIT_AFTER_SHOW"] = "home"
    out = subprocess.run([sys.executable, "-c", _ON_THE_GUI_THREAD, str(db)], env=env,
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "ZWGK_HOME" in out.stdout  # the lists were filled
    assert _loaded(out.stdout, "IMPORTED_ON_THE_GUI_THREAD") == [], out.stdout
