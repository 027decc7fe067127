"""The limits of every open case as last counted, so the home page reads the few that are due instead
of counting every open case again (docs/performance.md, "Home page").

`case_limit` holds each limit of an open case (app.domain.clock.Limit, field for field);
`clock_state` says for which days they hold (an open pause changes them by itself when its term runs
out) and from which settings and calendar they were counted (`fingerprint`). Concluded cases keep
none. services.deadlines decides what is counted and when; this module only stores and reads.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from app.domain.clock import Limit
from app.domain.request import CONCLUDED_STATUSES
from app.store import engine
from app.store.base import database
from app.store.db import insert_many
from app.store.schema import CaseLimit, ClockState, Request

_LIMIT_COLUMNS = ["key", "label", "due", "explanation", "legal", "start", "unconfirmed_years", "paused",
                  "done_on", "optional", "superseded"]


class Counted(NamedTuple):
    """One open case's limits as counted on `counted_on`, holding over [valid_from, valid_until)."""

    case_id: int
    limits: Sequence[Limit]
    counted_on: dt.date
    valid_from: dt.date | None
    valid_until: dt.date | None


class DueRow(NamedTuple):
    case_id: int
    case_no: str
    name: str
    limit: Limit


def save(counted: Iterable[Counted], fingerprint: str) -> None:
    """Replace the stored limits of these cases (inside the caller's atomic())."""
    counted = list(counted)
    forget([c.case_id for c in counted])
    insert_many(CaseLimit, ["request", "position", *_LIMIT_COLUMNS], (
        (c.case_id, n, limit.key, limit.label, limit.due, limit.explanation, limit.legal, limit.start,
         ",".join(str(y) for y in limit.unconfirmed_years), limit.paused, limit.done_on, limit.optional,
         limit.superseded)
        for c in counted for n, limit in enumerate(c.limits)))
    insert_many(ClockState, ["request", "counted_on", "valid_from", "valid_until", "fingerprint"],
                ((c.case_id, c.counted_on, c.valid_from, c.valid_until, fingerprint) for c in counted))


def forget(case_ids: Sequence[int]) -> None:
    """Drop the stored limits of these cases (concluded, or to be counted again)."""
    for start in range(0, len(case_ids), 500):
        chunk = list(case_ids[start:start + 500])
        CaseLimit.delete().where(CaseLimit.request.in_(chunk)).execute()
        ClockState.delete().where(ClockState.request.in_(chunk)).execute()


def forget_closed() -> None:
    """Drop the stored limits of cases that are no longer open."""
    closed = Request.select(Request.id).where(Request.status.in_(sorted(CONCLUDED_STATUSES)))
    ClockState.delete().where(ClockState.request.in_(closed)).execute()
    CaseLimit.delete().where(CaseLimit.request.in_(closed)).execute()


def forget_all() -> None:
    """Every open case is to be counted again (the settings the clock reads have changed)."""
    ClockState.delete().execute()
    CaseLimit.delete().execute()


def uncounted(day: dt.date, fingerprint: str) -> list[int]:
    """Open cases whose stored limits do not hold on `day` (none stored, counted from other settings
    or calendar, or an open pause's term runs out in between)."""
    iso = day.isoformat()
    sql = (f"SELECT r.id FROM request AS r LEFT JOIN clock_state AS s ON s.request_id = r.id "
           f"WHERE r.status NOT IN ({', '.join('?' * len(CONCLUDED_STATUSES))}) "
           "AND (s.request_id IS NULL OR s.fingerprint != ? OR s.valid_from > ? OR s.valid_until <= ?)")
    params = [*sorted(CONCLUDED_STATUSES), fingerprint, iso, iso]
    # Sorted here: ordered by id, SQLite reads every request's row; unordered, only the status index.
    return sorted(i for (i,) in database.execute_sql(engine.sql(sql), params).fetchall())


def most_urgent(today: dt.date, soon_before: dt.date, waiting_keys: Sequence[str]) -> list[DueRow]:
    """For each open case with a running limit that is overdue, due today, due before `soon_before`
    or stopped: its running limits of the most urgent such class (overdue, today, soon, stopped;
    legal before the office's own), with every running limit of `waiting_keys` (what a stopped clock
    waits on, dated or not); by case, in stored order.

    The classes are those of app.domain.clock.urgency read from the stored dates, only to leave out
    the limits that cannot be a case's most urgent one: services.deadlines picks among the rest by
    the clock's own rules (docs/performance.md, "Home page")."""
    concluded = {f"c{n}": status for n, status in enumerate(sorted(CONCLUDED_STATUSES))}
    keys = {f"k{n}": key for n, key in enumerate(waiting_keys)}
    # 2 × class, + 1 for the office's own limits: how _pick ranks a case's limits, before the days left.
    rank = ("(CASE WHEN l.due IS NULL THEN (CASE WHEN l.paused THEN 3 END) "
            "WHEN l.due < :today THEN (CASE WHEN l.optional THEN NULL ELSE 0 END) "
            f"WHEN l.due = :today THEN 1 WHEN l.due < :soon THEN 2 END) * 2 + 1 - {engine.as_int('l.legal')}")
    columns = ", ".join(f"l.{c}" for c in _LIMIT_COLUMNS)
    running = f"l.superseded = {engine.false()} AND l.done_on IS NULL"  # the partial index case_limit_running holds these
    sql = (f"WITH best AS (SELECT request_id, min({rank}) AS rank FROM case_limit AS l WHERE {running} "
           "GROUP BY request_id) "
           f"SELECT l.request_id, r.case_no, r.name, {columns} FROM best "
           "JOIN case_limit AS l ON l.request_id = best.request_id JOIN request AS r ON r.id = l.request_id "
           f"WHERE best.rank IS NOT NULL AND {running} AND ({rank} = best.rank "
           f"OR l.key IN ({', '.join(':' + k for k in keys)})) "
           f"AND r.status NOT IN ({', '.join(':' + name for name in concluded)}) "
           "ORDER BY l.request_id, l.position")
    params = {"today": today.isoformat(), "soon": soon_before.isoformat(), **concluded, **keys}
    return _due_rows(sql, params)


def running_from(first_day: dt.date) -> list[DueRow]:
    """The stored running limits of open cases due on `first_day` or later, by case, in stored order."""
    concluded = {f"c{n}": status for n, status in enumerate(sorted(CONCLUDED_STATUSES))}
    sql = (f"SELECT l.request_id, r.case_no, r.name, {', '.join('l.' + c for c in _LIMIT_COLUMNS)} "
           "FROM case_limit AS l JOIN request AS r ON r.id = l.request_id "
           f"WHERE l.superseded = {engine.false()} AND l.done_on IS NULL AND l.due >= :first "
           f"AND r.status NOT IN ({', '.join(':' + name for name in concluded)}) ORDER BY l.request_id, l.position")
    return _due_rows(sql, {"first": first_day.isoformat(), **concluded})


def _due_rows(sql: str, params: dict) -> list[DueRow]:
    def day(value: object) -> dt.date:  # SQLite gives the stored text, the server a date
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)

    out = []
    # Row by row, not fetchall(): thousands of rows made in one call would hold the interpreter's
    # lock that long, and the window's paint waits for it (docs/performance.md, Start-up).
    for (case_id, case_no, name, key, label, due, explanation, legal, start, unconfirmed, paused, done_on, optional,
         superseded) in database.execute_sql(engine.sql(sql), params):
        years = tuple(int(y) for y in unconfirmed.split(",")) if unconfirmed else ()
        out.append(DueRow(case_id, case_no, name, Limit(
            key, label, day(due) if due else None, explanation, bool(legal), day(start) if start else None, years,
            bool(paused), day(done_on) if done_on else None, bool(optional), bool(superseded))))
    return out
