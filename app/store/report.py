"""The annual report's counts, made by the database (docs/performance.md, "Annual report"): the
year's requests grouped by what table 3 tells apart, one GROUP BY over an index that holds every
column it reads; plain records where a count needs them (no model objects: speed)."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from decimal import Decimal

from app.domain.annual_report import Leaf, ReportGroup
from app.store import engine
from app.store.base import database
from app.store.schema import Event, Request

# The requests table 3 of `year` counts: received by 31 December, not concluded before 1 January.
_OF_YEAR = "received_on <= :dec31 AND (answered_on IS NULL OR answered_on >= :jan1)"
_INDEX = "request_applicant_kind_outcome_answered_on_received_on"  # models.Request: every column read here


def _year(year: int) -> dict[str, str]:
    return {"jan1": dt.date(year, 1, 1).isoformat(), "dec31": dt.date(year, 12, 31).isoformat()}


class _FirstOf:
    """The smallest id of one group of requests, looked up only if a message names it."""

    def __init__(self, year: int, kind: str, outcome: str | None, carried_in: bool, concluded_in_year: bool):
        self._where = [_OF_YEAR, "applicant_kind = :kind",
                       "outcome IS NULL" if outcome is None else "outcome = :outcome",
                       "received_on < :jan1" if carried_in else "received_on >= :jan1",
                       "answered_on <= :dec31" if concluded_in_year else "(answered_on IS NULL OR answered_on > :dec31)"]
        self._params = {**_year(year), "kind": kind, "outcome": outcome}

    def __str__(self) -> str:
        sql = f"SELECT min(id) FROM request INDEXED BY {_INDEX} WHERE {' AND '.join(self._where)}"
        return str(database.execute_sql(engine.sql(sql), self._params).fetchone()[0])


def table3_groups(year: int) -> tuple[list[ReportGroup], int | None]:
    """The requests of `year` by applicant kind, outcome, carried in or not and concluded in the year or
    not, how many of each; two readings of the index in its order (no sort), one for the requests
    concluded in the year, one for those that were not. And one request whose answer date is before
    its receipt (it cannot be counted), if any."""
    groups = []
    for concluded, where in ((True, "answered_on BETWEEN :jan1 AND :dec31"),
                             (False, "(answered_on IS NULL OR answered_on > :dec31) AND received_on <= :dec31")):
        sql = (f"SELECT applicant_kind, outcome, count(*), {engine.count_if('received_on < :jan1')} FROM request "
               f"INDEXED BY {_INDEX} WHERE {where} GROUP BY applicant_kind, outcome")
        for kind, outcome, n, carried in database.execute_sql(engine.sql(sql), _year(year)).fetchall():
            for carried_in, count in ((True, carried), (False, n - carried)):
                if count:
                    groups.append(ReportGroup(kind, outcome, carried_in, concluded, count,
                                              _FirstOf(year, kind, outcome, carried_in, concluded)))
    wrong = database.execute_sql(engine.sql(f"SELECT min(id) FROM request INDEXED BY request_answered_before_received "
                                            f"WHERE answered_on < received_on AND {_OF_YEAR}"), _year(year)).fetchone()[0]
    return groups, wrong


def leaf_case_ids(year: int, leaves: Sequence[Leaf]) -> list[int]:
    """The ids of the requests of `year` that these leaf cells of table 3 count."""
    ids: list[int] = []
    for leaf in leaves:
        conds, params = [_OF_YEAR], dict(_year(year))
        if leaf.carried_in is not None:
            conds.append("received_on < :jan1" if leaf.carried_in else "received_on >= :jan1")
        if leaf.concluded_in_year is False:
            conds.append("(answered_on IS NULL OR answered_on > :dec31)")
        elif leaf.concluded_in_year:
            codes = {f"o{n}": code for n, code in enumerate(leaf.outcomes)}
            conds.append(f"answered_on <= :dec31 AND outcome IN ({', '.join(':' + c for c in codes) or 'NULL'})")
            params.update(codes)
        if leaf.kind is not None:
            conds.append("applicant_kind = :kind")
            params["kind"] = leaf.kind
        sql = f"SELECT id FROM request INDEXED BY {_INDEX} WHERE {' AND '.join(conds)} ORDER BY id"
        ids += [i for (i,) in database.execute_sql(engine.sql(sql), params).fetchall()]
    return ids


def report_disputes(year: int) -> list[tuple]:
    """(kind, received_on, result, decided_on) of every 复议/诉讼 received in `year`."""
    def day(value: object) -> dt.date:  # SQLite gives the stored text, the server a date
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)

    sql = ("SELECT kind, copy_received_on, result, decided_on FROM dispute "
           "WHERE copy_received_on BETWEEN :jan1 AND :dec31")
    return [(kind, day(received), result, day(decided) if decided else None)
            for kind, received, result, decided in database.execute_sql(engine.sql(sql), _year(year)).fetchall()]


def fees_of_year(year: int) -> tuple[int, Decimal]:
    """Fee notices sent in `year` and the 信息处理费 paid in it (yuan), from the timelines. A fee
    notice re-issued with another amount (event terms_changed) is paid at its last amount."""
    sent = {e.id: json.loads(e.data).get("amount", 0) for e in Event.select(Event.id, Event.data)
            .where(Event.kind == "fee_sent")}
    for e in Event.select(Event.data).where(Event.kind == "terms_changed").order_by(Event.happened_on, Event.id):
        data = json.loads(e.data)
        if int(data.get("ref") or 0) in sent and "amount" in (data.get("terms") or {}):
            sent[int(data["ref"])] = data["terms"]["amount"]
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    notices = Event.select().where((Event.kind == "fee_sent") & Event.happened_on.between(start, end)).count()
    paid = Decimal(0)
    for e in Event.select(Event.data).where((Event.kind == "fee_paid") & Event.happened_on.between(start, end)):
        paid += Decimal(str(sent.get(int(json.loads(e.data).get("ref", 0)), 0)))
    return notices, paid
