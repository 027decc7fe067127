"""The one background shape: fn off the GUI thread, callbacks on it, progress through one queued
signal, a store lane that runs one at a time, a free lane beside it, coalescing, announcements."""
from __future__ import annotations

import threading

import pytest

from app.services.errors import ServiceError
from app.ui.common import tasks
from app.ui.common.events import Changes, WorkspaceEvents

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
    tasks.Operation(None, lambda: threading.get_ident(), busy="正在计算…") \
        .success(lambda worker: seen.update(worker=worker, callback=threading.get_ident())).run()
    qtbot.waitUntil(lambda: "callback" in seen, timeout=5000)
    assert seen["worker"] != gui
    assert seen["callback"] == gui


def test_failure_reaches_the_failure_callback_on_the_gui_thread(qtbot, threaded):
    gui = threading.get_ident()
    seen = {}

    def fail():
        raise ServiceError("数据库正忙")

    tasks.Operation(None, fail).success(lambda _r: seen.update(success=True)) \
        .failure(lambda exc: seen.update(error=str(exc), thread=threading.get_ident())).run()
    qtbot.waitUntil(lambda: "error" in seen, timeout=5000)
    assert seen == {"error": "数据库正忙", "thread": gui}


def test_the_store_lane_runs_one_at_a_time_in_order(qtbot, threaded):
    order: list[int] = []
    done: list[int] = []
    running = {"now": 0, "most": 0}

    def step(i: int) -> int:
        running["now"] += 1
        running["most"] = max(running["most"], running["now"])
        order.append(i)
        running["now"] -= 1
        return i

    for i in range(5):
        tasks.Operation(None, lambda i=i: step(i)).success(done.append).run()
    qtbot.waitUntil(lambda: len(done) == 5, timeout=5000)
    assert order == [0, 1, 2, 3, 4] and done == [0, 1, 2, 3, 4]
    assert running["most"] == 1


def test_the_free_lane_runs_beside_a_busy_store_lane(qtbot, threaded):
    """A print or a check never waits behind a long write (and a write never waits behind it)."""
    release = threading.Event()
    seen = []
    tasks.Operation(None, lambda: release.wait(10)).success(lambda _r: seen.append("store")).run()
    tasks.Operation(None, lambda: "printed", lane=tasks.FREE).success(seen.append).run()
    qtbot.waitUntil(lambda: seen == ["printed"], timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: seen == ["printed", "store"], timeout=5000)


def test_progress_reaches_the_gui_thread_in_order(qtbot, threaded):
    gui = threading.get_ident()
    reports: list[tuple] = []
    done = {}

    def work(report):
        for i in range(1, 4):
            report(i, 3, f"第{i}件")
        return "完成"

    tasks.Operation(None, work).with_progress(lambda d, n, text: reports.append((d, n, text, threading.get_ident()))) \
        .success(lambda r: done.update(result=r)).run()
    qtbot.waitUntil(lambda: "result" in done, timeout=5000)
    assert [(d, n, t) for d, n, t, _ in reports] == [(1, 3, "第1件"), (2, 3, "第2件"), (3, 3, "第3件")]
    assert {thread for *_x, thread in reports} == {gui}


def test_coalescing_runs_the_latest_waiting_request_once(qtbot, threaded):
    """While a recount runs, three more requests come: only the newest of them runs, once."""
    release = threading.Event()
    ran: list[str] = []
    shown: list[str] = []

    def count(name: str):
        if name == "first":
            release.wait(10)
        ran.append(name)
        return name

    for name in ("first", "second", "third", "fourth"):
        tasks.Operation(None, lambda name=name: count(name)).coalesce("recount").success(shown.append).run()
    release.set()
    qtbot.waitUntil(lambda: shown == ["first", "fourth"], timeout=5000)
    tasks.wait_for_all()
    assert ran == ["first", "fourth"]


def test_success_announces_what_changed(qtbot):
    events = WorkspaceEvents()
    heard: list[Changes] = []
    cases: list[int] = []
    events.changed.connect(heard.append)
    events.case_changed.connect(cases.append)
    tasks.Operation(None, lambda: 7).announce(events, lambda case_id: Changes.case(case_id)).run()
    tasks.Operation(None, lambda: (_ for _ in ()).throw(ServiceError("不行"))) \
        .failure(lambda _exc: None).announce(events, Changes(cases=True)).run()
    assert heard == [Changes.case(7)] and cases == [7]  # a refused write announces nothing


def test_inline_mode_runs_at_once():
    seen = []
    tasks.Operation(None, lambda: 41 + 1).success(seen.append).run()
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
    tasks.Operation(None, count_and_show_connection).success(lambda r: done.update(result=r)).run()
    qtbot.waitUntil(lambda: "result" in done, timeout=5000)
    tasks.wait_for_all()
    count, worker_connection = done["result"]
    assert count == 0
    assert worker_connection is not database.connection()  # it was the worker's own
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        worker_connection.execute("SELECT 1")
    assert register.count(CaseQuery()) == 0  # the GUI thread's connection is untouched
