"""Demo data (`demo-data`): written in bulk, yet the same as registering each case would leave it."""
from __future__ import annotations

import datetime as dt
import sqlite3

from app.domain.request import CONCLUDED_STATUSES, CaseQuery
from app.services import deadlines, demo, register
from app.services.workspace import close_workspace, open_workspace
from app.store import sequences

TODAY = dt.date(2026, 11, 20)


def _rows(path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        out = {}
        for table in ("request", "event", "dispute", "sequence"):
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] not in ("created_at", "updated_at")]
            out[table] = con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1, 2").fetchall()
        return out
    finally:
        con.close()


def _generate(path, count: int, seed: int) -> None:
    from app.services import settings

    open_workspace(path)
    settings.save(demo.demo_settings())
    demo.generate(2026, count, seed, today=TODAY)
    close_workspace()


def test_the_same_seed_gives_the_same_register(tmp_path):
    _generate(tmp_path / "a.sqlite", 400, seed=11)
    _generate(tmp_path / "b.sqlite", 400, seed=11)
    _generate(tmp_path / "c.sqlite", 400, seed=12)
    a, b, c = (_rows(tmp_path / f"{n}.sqlite") for n in "abc")
    assert a == b
    assert a["request"] != c["request"]
    assert len(a["request"]) == 400 and a["dispute"]


def test_bulk_demo_cases_read_as_registered_ones(workspace):
    demo.generate(2026, 300, seed=3, today=TODAY)
    demo.generate(2026, 50, seed=4, today=TODAY)  # a second run appends: ids and numbers go on
    rows = register.list_rows(CaseQuery(sort="case_no", descending=False), 0, 1000)
    assert len(rows) == 350
    for year in {r.received_on.year for r in rows}:
        numbers = [register.get_case(r.id).seq for r in rows if r.received_on.year == year]
        assert sorted(numbers) == list(range(1, len(numbers) + 1))
        assert sequences.peek(register.CASE_SEQUENCE, year) == len(numbers)
    for row in rows[::7]:
        case = register.get_case(row.id)
        timeline = register.timeline(row.id)
        assert timeline[0].kind == "registered" and timeline[0].data == {"case_no": case.case_no}
        assert register.list_rows(CaseQuery(text=case.case_no), 0, 5)[0].id == row.id
        if case.status not in CONCLUDED_STATUSES:
            before = (row.due_on, row.due_key)
            deadlines.refresh_case(row.id)  # what registering the case one by one leaves cached
            after = register.list_rows(CaseQuery(text=case.case_no), 0, 1)[0]
            assert (after.due_on, after.due_key) == before
