"""The annual report's counts, made by the database (docs/performance.md, "Annual report"): the
year's requests grouped by what table 3 tells apart, the year's disputes by what table 4 does, each
read from an index holding every column read; the fees summed from the events' JSON; plain rows,
never model objects (speed)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from app.domain.annual_report import Leaf, ReportGroup
from app.store import engine
from app.store.base import database
from app.store.schema import REPORT_UNCONCLUDED_INDEX

# The requests table 3 of `year` counts: received by 31 December, not concluded before 1 January.
_OF_YEAR = "received_on <= :dec31 AND (answered_on IS NULL OR answered_on >= :jan1)"
_INDEX = "request_applicant_kind_outcome_answered_on_received_on"  # models.Request: every column read here


def _year(year: int) -> dict[str, str]:
    return {"jan1": dt.date(year, 1, 1).isoformat(), "dec31": dt.date(year, 12, 31).isoformat()}


class _FirstOf:
    """The smallest id of one group of requests, looked up only if a message names it."""

    def __init__(self, year: int, kind: str, outcome: str | None, carried_in: bool, concluded_in_year: bool):
        self._group = (year, kind, outcome, carried_in, concluded_in_year)

    def __str__(self) -> str:
        year, kind, outcome, carried_in, concluded_in_year = self._group
        where = [_OF_YEAR, "applicant_kind = :kind", "outcome IS NULL" if outcome is None else "outcome = :outcome",
                 "received_on < :jan1" if carried_in else "received_on >= :jan1",
                 "answered_on <= :dec31" if concluded_in_year else "(answered_on IS NULL OR answered_on > :dec31)"]
        sql = f"SELECT min(id) FROM request INDEXED BY {_INDEX} WHERE {' AND '.join(where)}"
        params = {**_year(year), "kind": kind, "outcome": outcome}
        return str(database.execute_sql(engine.sql(sql), params).fetchone()[0])


def _unconcluded_index() -> str:
    """The INDEXED BY of the requests not concluded in a year: the file's index in answer-date order
    (schema version 7); a file of an older version opened read-only has not got it, and is read
    through the grouping index instead (the same answer, more slowly)."""
    obj = database.obj

    def index() -> str:
        found = engine.on_server(obj) or database.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (REPORT_UNCONCLUDED_INDEX,)).fetchone()
        return REPORT_UNCONCLUDED_INDEX if found else _INDEX

    return f"INDEXED BY {engine.remembered(obj, 'report_unconcluded_index', index)}"


def table3_groups(year: int) -> tuple[list[ReportGroup], int | None]:
    """The requests of `year` by applicant kind, outcome, carried in or not and concluded in the year or
    not, how many of each. Those concluded in the year from the grouping index in its order (no sort);
    those that were not (a few weeks' worth) from the index in answer-date order, which reads only
    them: the open ones in the order of the groups, then those answered after 31 December. And one
    request whose answer date is before its receipt (it cannot be counted), if any."""
    groups = []
    unconcluded = _unconcluded_index()
    for concluded, index, where in (
            (True, f"INDEXED BY {_INDEX}", "answered_on BETWEEN :jan1 AND :dec31"),
            (False, unconcluded, "answered_on IS NULL AND received_on <= :dec31"),
            (False, unconcluded, "answered_on > :dec31 AND received_on <= :dec31")):
        sql = (f"SELECT applicant_kind, outcome, count(*), {engine.count_if('received_on < :jan1')} FROM request "
               f"{index} WHERE {where} GROUP BY applicant_kind, outcome")
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


def report_disputes(year: int) -> list[tuple[tuple, int]]:
    """The 复议/诉讼 received in `year` in groups alike for table 4 (kind, result, decided by 31
    December or not): one of each group, (kind, received_on, result, decided_on), and how many."""
    def day(value: object) -> dt.date:  # SQLite gives the stored text, the server a date
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)

    sql = ("SELECT d.kind, d.copy_received_on, d.result, d.decided_on, g.n FROM (SELECT min(id) AS id, count(*) AS n "
           "FROM dispute WHERE copy_received_on BETWEEN :jan1 AND :dec31 "
           "GROUP BY kind, result, CASE WHEN decided_on <= :dec31 THEN 1 ELSE 0 END) AS g "
           "JOIN dispute AS d ON d.id = g.id")
    return [((kind, day(received), result, day(decided) if decided else None), n)
            for kind, received, result, decided, n in database.execute_sql(engine.sql(sql), _year(year)).fetchall()]


def fees_of_year(year: int) -> tuple[int, Decimal]:
    """Fee notices sent in `year` and the 信息处理费 paid in it (yuan), from the timelines. A fee
    notice re-issued with another amount (event terms_changed) is paid at its last amount. One
    statement: the database reads the events' JSON; each amount paid comes back once, with how many
    times it was paid, and the sum is made here in decimal (yuan and fen, no binary fractions)."""
    def value(event: str, *keys: str) -> str:
        return engine.json_value(f"{event}.data", *keys)

    def ref(event: str) -> str:  # the fee notice a payment or a re-issue refers to
        return f"CAST({value(event, 'ref')} AS integer)"

    sql = (f"WITH changed AS (SELECT {ref('t')} AS ref, {value('t', 'terms', 'amount')} AS amount, "
           f"row_number() OVER (PARTITION BY {ref('t')} ORDER BY t.happened_on DESC, t.id DESC) AS newest "
           f"FROM event AS t WHERE t.kind = 'terms_changed' AND {value('t', 'terms', 'amount')} IS NOT NULL), "
           f"paid AS (SELECT coalesce(c.amount, {value('s', 'amount')}, '0') AS amount FROM event AS p "
           f"JOIN event AS s ON s.id = {ref('p')} AND s.kind = 'fee_sent' "
           f"LEFT JOIN changed AS c ON c.ref = s.id AND c.newest = 1 "
           f"WHERE p.kind = 'fee_paid' AND p.happened_on BETWEEN :jan1 AND :dec31) "
           f"SELECT 'sent', NULL, count(*) FROM event WHERE kind = 'fee_sent' AND happened_on BETWEEN :jan1 AND :dec31 "
           f"UNION ALL SELECT 'paid', amount, count(*) FROM paid GROUP BY amount")
    notices, paid = 0, Decimal(0)
    for what, amount, times in database.execute_sql(engine.sql(sql), _year(year)).fetchall():
        if what == "sent":
            notices = times
        else:
            paid += Decimal(str(amount)) * times
    return notices, paid
