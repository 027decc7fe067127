"""The background-task shape: fn off the GUI thread, callbacks on it; inline mode for tests."""
from __future__ import annotations

import threading

import pytest

from app.services.errors import ServiceError
from app.ui.common import tasks

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def threaded():
    tasks.set_inline(False)
    yield
    tasks.wait_for_all()
    tasks.set_inline(True)


def test_success_runs_off_the_gui_thread_and_reports_on_it(qtbot, threaded):
    gui = threading.get_ident()
    seen = {}
    tasks.run_in_background(None, lambda: threading.get_ident(),
                            lambda worker: seen.update(worker=worker, callback=threading.get_ident()),
                            busy_text="正在计算…")
    qtbot.waitUntil(lambda: "callback" in seen, timeout=3000)
    assert seen["worker"] != gui
    assert seen["callback"] == gui


def test_failure_reaches_the_failure_callback_on_the_gui_thread(qtbot, threaded):
    gui = threading.get_ident()
    seen = {}

    def fail():
        raise ServiceError("数据库正忙")

    tasks.run_in_background(None, fail, lambda _r: seen.update(success=True),
                            lambda exc: seen.update(error=str(exc), thread=threading.get_ident()))
    qtbot.waitUntil(lambda: "error" in seen, timeout=3000)
    assert seen == {"error": "数据库正忙", "thread": gui}


def test_tasks_run_one_at_a_time_in_order(qtbot, threaded):
    order: list[int] = []
    done: list[int] = []
    for i in range(5):
        tasks.run_in_background(None, lambda i=i: order.append(i) or i, done.append)
    qtbot.waitUntil(lambda: len(done) == 5, timeout=3000)
    assert order == [0, 1, 2, 3, 4] and done == [0, 1, 2, 3, 4]


def test_inline_mode_runs_at_once():
    seen = []
    tasks.run_in_background(None, lambda: 41 + 1, seen.append)
    assert seen == [42]



def test_a_task_that_read_the_database_leaves_no_connection_open_behind_it(qtbot, threaded, workspace):
    """peewee keeps a connection per thread; the worker's closes with its task (on Windows an open one
    would stop a restore from replacing the file)."""
    import sqlite3

    from app.domain.request import CaseQuery
    from app.services import register
    from app.store.db import database

    def count_and_show_connection():
        return register.count(CaseQuery()), database.connection()

    done = {}
    tasks.run_in_background(None, count_and_show_connection, lambda r: done.update(result=r))
    qtbot.waitUntil(lambda: "result" in done, timeout=3000)
    tasks.wait_for_all()
    count, worker_connection = done["result"]
    assert count == 0
    assert worker_connection is not database.connection()  # it was the worker's own
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        worker_connection.execute("SELECT 1")
    assert register.count(CaseQuery()) == 0  # the GUI thread's connection is untouched
