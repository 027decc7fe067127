"""Counts for the home page charts: requests received per month, outcomes recorded in a year."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from app.store.schema import Request


def received_per_month(year: int) -> dict[int, int]:
    """Month (1–12) → requests whose 收到申请之日 falls in that month of `year`."""
    month = pw.fn.strftime("%m", Request.received_on)
    select = (Request.select(month, pw.fn.COUNT(Request.id))
              .where(Request.received_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
              .group_by(month))
    return {int(m): n for m, n in select.tuples()}


def outcomes_answered_in(year: int) -> dict[str, int]:
    """Outcome code → cases answered (答复日期) in `year`."""
    select = (Request.select(Request.outcome, pw.fn.COUNT(Request.id))
              .where(Request.outcome.is_null(False),
                     Request.answered_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
              .group_by(Request.outcome))
    return {code: n for code, n in select.tuples()}
