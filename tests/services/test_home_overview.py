"""The home page's whole-register reads (its lists, and the speed of reading them): every open case with its
timeline, the cached limits of all open cases and the open disputes with their hearings are read in
a few queries, and give exactly what reading one case (or dispute) at a time gives."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain import clock
from app.domain.request import CONCLUDED_STATUSES
from dataclasses import replace

from app.services import deadlines, demo, disputes, register, settings
from app.store import limits as limit_store, register as store
from app.store.db import atomic, database

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def office(workspace):
    demo.generate(2026, 300, seed=11, today=TODAY)
    open_ids = store.open_case_ids()
    assert len(open_ids) > 10  # the demo leaves cases open, paused, overdue …
    return open_ids


def test_open_cases_come_with_their_own_timelines(office):
    pairs = store.open_cases_with_timelines()
    assert [case.id for case, _events in pairs] == sorted(office)
    for case, events in pairs:
        assert case == store.get(case.id)
        assert events == store.timeline(case.id)
        assert case.status not in CONCLUDED_STATUSES


def test_the_overview_is_what_each_case_alone_gives(office):
    cal = deadlines._calendar()
    expected = {clock.OVERDUE: [], clock.DUE_TODAY: [], clock.DUE_SOON: [], clock.PAUSED: []}
    for case_id in office:
        result = deadlines.case_limits(case_id, TODAY)
        picked = deadlines._pick(result, TODAY, cal)
        if picked is not None and picked[1] in expected:
            expected[picked[1]].append(case_id)
    overview = deadlines.due_overview(TODAY)
    for level, items in ((clock.OVERDUE, overview.overdue), (clock.DUE_TODAY, overview.today),
                         (clock.DUE_SOON, overview.soon), (clock.PAUSED, overview.paused)):
        assert sorted(i.case_id for i in items) == sorted(expected[level])
    assert overview.overdue and overview.paused


def test_refreshing_all_open_cases_stores_what_refreshing_each_one_stores(office):
    database.execute_sql("UPDATE request SET due_on = NULL, due_key = 'stale'")
    assert deadlines.refresh_open_cases() == len(office)
    together = {r.id: (r.due_on, r.due_key) for r in store.rows_by_ids(office)}
    database.execute_sql("UPDATE request SET due_on = NULL, due_key = 'stale'")
    for case_id in office:
        deadlines.refresh_case(case_id)
    one_by_one = {r.id: (r.due_on, r.due_key) for r in store.rows_by_ids(office)}
    assert together == one_by_one
    assert all(key != "stale" for _due, key in together.values())


def test_open_disputes_carry_their_own_hearings(office):
    first, second = office[:2]
    a = disputes.add(first, "行政复议", "黄岩区人民政府", dt.date(2026, 11, 2), today=TODAY)
    b = disputes.add(second, "未经复议直接起诉", "黄岩区人民法院", dt.date(2026, 11, 3), today=TODAY)
    disputes.add_hearing(b.id, dt.date(2026, 11, 18), "第二法庭", "庭审")
    disputes.add_hearing(b.id, dt.date(2026, 11, 10), "第一法庭", "调解")
    listed = {d.id: d for d in disputes.open_disputes()}
    assert listed[a.id] == disputes.get(a.id) and listed[b.id] == disputes.get(b.id)
    assert [h[0] for h in listed[b.id].hearings] == [dt.date(2026, 11, 10), dt.date(2026, 11, 18)]
    assert register.case_numbers([first, second]) == {first: register.get_case(first).case_no,
                                                      second: register.get_case(second).case_no}


def test_a_case_concluded_meanwhile_keeps_no_limit(office):
    case_id = office[0]
    database.execute_sql(f"UPDATE request SET status = '已办结', due_on = NULL, due_key = '' WHERE id = {case_id}")
    store.set_dues([(case_id, dt.date(2026, 11, 27), "answer")])  # counted before it was concluded
    [row] = store.rows_by_ids([case_id])
    assert (row.due_on, row.due_key) == (None, "")


def test_the_overview_counts_and_keeps_the_cases_not_counted_yet(office):
    """A file from before the stored limits (store.limits) has none: the daily refresh counts and
    keeps them, and then reads them back as they were counted."""
    plain = deadlines.due_overview(TODAY)  # not today: counted, but nothing is kept
    limit_store.forget_all()
    database.execute_sql("UPDATE request SET due_on = NULL, due_key = 'stale'")
    today = dt.date.today()
    fingerprint = deadlines._fingerprint(settings.load())
    assert len(limit_store.uncounted(today, fingerprint)) == len(office)
    refreshed = deadlines.due_overview(refresh=True)
    assert limit_store.uncounted(today, fingerprint) == []
    assert deadlines.due_overview() == refreshed
    stored = {r.id: (r.due_on, r.due_key) for r in store.rows_by_ids(office)}
    database.execute_sql("UPDATE request SET due_on = NULL, due_key = 'stale'")
    deadlines.refresh_open_cases()
    assert stored == {r.id: (r.due_on, r.due_key) for r in store.rows_by_ids(office)}
    assert all(key != "stale" for _due, key in stored.values())
    assert deadlines.due_overview(TODAY) == plain


def _counted_afresh(day: dt.date) -> deadlines.DueOverview:
    """The overview with every open case counted now, none read from the stored limits."""
    with atomic():
        limit_store.forget_all()
    try:
        return deadlines.due_overview(day)
    finally:
        deadlines.refresh_open_cases()


def test_stored_limits_give_what_counting_every_case_gives_on_every_day(workspace):
    """Over five weeks, through pauses whose terms run out, weekends and month ends."""
    demo.generate(dt.date.today().year, 800, seed=12)  # received up to today: many open cases
    assert len(store.open_case_ids()) > 40
    start = dt.date.today() - dt.timedelta(days=10)
    days = [start + dt.timedelta(days=n) for n in range(35)]
    stored = [deadlines.due_overview(day) for day in days]
    assert any(o.paused for o in stored) and any(o.soon for o in stored) and any(o.today for o in stored)
    assert stored == [_counted_afresh(day) for day in days]


def test_a_pause_that_runs_out_is_counted_again_the_day_after_its_term(office):
    from app.services import actions

    today = dt.date.today()
    case = next(c for c in map(register.get_case, office)
                if c.status in ("办理中", "审查中", "登记", "已延期") and (today - c.received_on).days >= 5)
    sent = today - dt.timedelta(days=3)
    actions.start_consultation(case.id, sent, "台州市黄岩东海建材有限公司")
    counted = deadlines._count_open(today, [case.id])[0]
    expires = deadlines._calendar().add_working_days(sent, clock.PAUSE_TERMS[clock.CONSULTATION_THIRD_PARTY]) \
        + dt.timedelta(days=1)
    assert counted.holds == (None, expires)
    for day in (expires - dt.timedelta(days=1), expires, expires + dt.timedelta(days=1)):
        assert deadlines.due_overview(day) == _counted_afresh(day)


def test_a_change_of_the_limit_settings_counts_every_case_again(office):
    before = deadlines.due_overview()
    cfg = settings.load()
    settings.save(replace(cfg, limit_review=cfg.limit_review + 5, limit_accept=cfg.limit_accept + 3))
    after = deadlines.due_overview()
    assert after == _counted_afresh(dt.date.today())
    assert after != before


def test_a_case_saved_while_the_daily_recount_counts_keeps_its_own_limit(office, monkeypatch):
    """The recount counts outside the write lock; a case changed between its reading and its writing
    (the clerk sent a 补正告知 meanwhile: 条例第三十条, the clock pauses) is not overwritten with the
    limit counted from its older state, and every other case is refreshed."""
    from app.domain.request import REGISTERED, REVIEWING
    from app.services import actions

    database.execute_sql("UPDATE request SET due_on = NULL, due_key = 'stale'")
    target = next(c for c, _e in store.open_cases_with_timelines() if c.status in (REGISTERED, REVIEWING)
                  and c.received_on >= TODAY - dt.timedelta(days=5))
    counted = deadlines._count_open

    def count_while_the_clerk_saves(day, snapshot=None):
        out = counted(day, snapshot)
        actions.send_correction(target.id, TODAY, "请写明所需信息的文号", accept_late=True)  # meanwhile
        return out

    monkeypatch.setattr(deadlines, "_count_open", count_while_the_clerk_saves)
    deadlines.refresh_open_cases()
    rows = {r.id: (r.due_on, r.due_key) for r in store.rows_by_ids(office)}
    assert rows[target.id] == (None, "paused")  # what the correction stored, not the older answer limit
    assert all(key != "stale" for case_id, (_due, key) in rows.items() if case_id != target.id)
