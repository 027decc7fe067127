"""Search as you type off the GUI thread (docs/performance.md): the newest query wins, a result that
arrives after a newer query was asked for is dropped, the matches are counted to 1000 ("1000+") and in
full when the clerk clicks, and no query of the list runs on the GUI thread."""
from __future__ import annotations

import datetime as dt
import threading

import pytest

from app.domain.request import CaseQuery
from app.services import demo, register
from app.ui.register.model import COUNT_AT_MOST, CaseTableModel

pytestmark = [pytest.mark.qt_log_level_fail("WARNING")]


@pytest.fixture
def office(workspace):
    demo.generate(2026, COUNT_AT_MOST + 150, seed=9, today=dt.date(2026, 11, 20))


def test_a_late_result_of_an_older_query_is_dropped(qtbot, office):
    asked = []  # (key, fn, done): the queries, run when the test says so
    model = CaseTableModel(runner=lambda key, fn, done: asked.append((key, fn, done)))
    model.set_query(CaseQuery(text="王"))
    model.set_query(CaseQuery(text="土地征收"))
    assert model.rowCount() == 0  # nothing shown before a result arrives
    newest_key, newest, show_newest = asked[1]
    show_newest(newest())
    wanted = [r.id for r in register.list_rows(CaseQuery(text="土地征收"), 0, 200)]
    assert [model.row(i).id for i in range(model.rowCount())] == wanted
    _key, older, show_older = asked[0]
    show_older(older())  # the first keystroke's result, arriving last
    assert [model.row(i).id for i in range(model.rowCount())] == wanted
    assert model.query().text == "土地征收"


def test_matches_are_counted_to_a_thousand_and_in_full_when_asked(qtbot, office):
    from app.ui.app.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show_register()
    page = window.register_page
    every = register.count(CaseQuery())
    assert page.shown_counts() == (COUNT_AT_MOST, every, True)
    assert window._counts.text() == f"显示 <a href='count'>{COUNT_AT_MOST}+</a> 件 / 共 {every} 件"
    window._counts.linkActivated.emit("count")
    assert page.shown_counts() == (every, every, False)
    assert window._counts.text() == f"显示 {every} 件 / 共 {every} 件"
    page.ui.searchEdit.setText("没有这样的申请")
    page.apply_filters()
    assert page.shown_counts() == (0, every, False)


def test_no_query_of_the_list_runs_on_the_gui_thread(qtbot, office, monkeypatch):
    from app.ui.common import tasks
    from app.ui.register.page import RegisterPage

    first_page = [r.id for r in register.list_rows(CaseQuery(text="申请公开"), 0, 200)]
    threads = []
    for name in ("search", "list_rows", "count", "years"):
        real = getattr(register, name)
        monkeypatch.setattr(register, name, lambda *a, _real=real, **k: (threads.append(threading.get_ident()),
                                                                          _real(*a, **k))[1])
    tasks.set_inline(False)
    try:
        page = RegisterPage()
        qtbot.addWidget(page)
        page.resize(1200, 600)
        page.show()
        for text in ("王", "王丽", "申请公开"):
            page.ui.searchEdit.setText(text)
        qtbot.waitUntil(lambda: [page.model.row(i).id for i in range(page.model.rowCount())] == first_page,
                        timeout=10000)
        page.ui.table.scrollToBottom()  # asks for the next page
        qtbot.waitUntil(lambda: page.model.rowCount() > 200, timeout=10000)
    finally:
        tasks.wait_for_all()
        tasks.set_inline(True)
    assert threads and threading.get_ident() not in threads
    wanted = [r.id for r in register.list_rows(CaseQuery(text="申请公开"), 0, page.model.rowCount())]
    assert [page.model.row(i).id for i in range(page.model.rowCount())] == wanted
