"""Counts for the home page charts: requests received per month, outcomes recorded in a year. Each is
one reading of an index that holds every column it needs (docs/performance.md, "Home page")."""
from __future__ import annotations

import datetime as dt

from app.store import engine
from app.store.base import database


def _year(year: int) -> dict[str, str]:
    return {"jan1": dt.date(year, 1, 1).isoformat(), "dec31": dt.date(year, 12, 31).isoformat()}


def received_per_month(year: int) -> dict[int, int]:
    """Month (1–12) → requests whose 收到申请之日 falls in that month of `year`."""
    sql = (f"SELECT {engine.month_of_text('received_on')}, count(*) FROM request INDEXED BY request_received_on "
           "WHERE received_on BETWEEN :jan1 AND :dec31 GROUP BY 1")
    return {int(m): n for m, n in database.execute_sql(engine.sql(sql), _year(year)).fetchall()}


def outcomes_answered_in(year: int) -> dict[str, int]:
    """Outcome code → cases answered (答复日期) in `year`."""
    sql = ("SELECT outcome, count(*) FROM request INDEXED BY request_applicant_kind_outcome_answered_on_received_on "
           "WHERE outcome IS NOT NULL AND answered_on BETWEEN :jan1 AND :dec31 GROUP BY outcome")
    return dict(database.execute_sql(engine.sql(sql), _year(year)).fetchall())
