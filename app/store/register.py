"""Queries over requests and their timeline, returning plain domain objects."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import fields

import peewee as pw

from app.domain.request import REGISTERED, Case, CaseQuery, CaseRow, RequestData, TimelineEntry
from app.store.db import database, insert_many as _insert_many, translate
from app.store.schema import Event, Request, now

_DATA_FIELDS = [f.name for f in fields(RequestData)]
_CASE_FIELDS = [f.name for f in fields(Case) if f.name not in ("extra",)]

SORT_FIELDS = {
    "case_no": (Request.year, Request.seq),
    "received_on": (Request.received_on, Request.id),
    "applicant_kind": (Request.applicant_kind, Request.id),
    "name": (Request.name, Request.id),
    "content": (Request.info_name, Request.id),
    "status": (Request.status, Request.id),
    "outcome": (Request.outcome, Request.id),
    "answered_on": (Request.answered_on, Request.id),
    "due_on": (Request.due_on, Request.id),
}


def to_case(row: Request) -> Case:
    return Case(**{name: getattr(row, name) for name in _CASE_FIELDS})


def insert(case_no: str, year: int, seq: int, data: RequestData, received_on: dt.date,
           search_text: str, status: str = REGISTERED) -> int:
    values = {name: getattr(data, name) for name in _DATA_FIELDS}
    row = Request.create(case_no=case_no, year=year, seq=seq, received_on=received_on,
                         search_text=search_text, status=status, **values)
    return row.id


_NEW_COLUMNS = ["id", "case_no", "year", "seq", "received_on", "search_text", "status", "outcome", "answered_on",
                *_DATA_FIELDS]


def insert_many(cases: list[tuple]) -> list[int]:
    """Insert many requests at once, each (case_no, year, seq, RequestData, received_on, search_text,
    status, outcome, answered_on); returns their ids in order. Call inside atomic()."""
    first = (Request.select(pw.fn.MAX(Request.id)).scalar() or 0) + 1
    _insert_many(Request, _NEW_COLUMNS, (
        (first + n, case_no, year, seq, received, text, status, outcome, answered,
         *[getattr(data, name) for name in _DATA_FIELDS])
        for n, (case_no, year, seq, data, received, text, status, outcome, answered) in enumerate(cases)))
    return list(range(first, first + len(cases)))


def next_event_id() -> int:
    """The id the next timeline entry gets (for `add_events`, inside the caller's atomic())."""
    return (Event.select(pw.fn.MAX(Event.id)).scalar() or 0) + 1


def add_events(events: list[tuple]) -> None:
    """`add_event` for many at once, each (id, case_id, kind, happened_on, summary, data, operator): the
    ids given (from `next_event_id` on) let one entry refer to another written with it."""
    _insert_many(Event, ["id", "request", "kind", "happened_on", "summary", "data", "operator"], (
        (event_id, case_id, kind, on, summary, json.dumps(data or {}, ensure_ascii=False, default=str), operator)
        for event_id, case_id, kind, on, summary, data, operator in events))


def update(case_id: int, values: dict) -> None:
    values = dict(values, updated_at=now())
    Request.update(**values).where(Request.id == case_id).execute()


def get(case_id: int) -> Case | None:
    row = Request.get_or_none(Request.id == case_id)
    return to_case(row) if row else None


def get_by_no(case_no: str) -> Case | None:
    row = Request.get_or_none(Request.case_no == case_no)
    return to_case(row) if row else None


def _where(query: CaseQuery, scanning: bool = False) -> list:
    """The filter; `scanning`: written so that SQLite cannot pick the one-column indexes of year,
    status and outcome and walks the search index in list order instead (see `rows`)."""
    year, status, outcome = Request.year, Request.status, Request.outcome
    if scanning:
        year, status, outcome = year + 0, status.concat(""), outcome.concat("")
    conds = []
    for term in query.text.lower().split():
        # instr() is a plain substring test: faster than LIKE '%…%' (no pattern, no ASCII folding),
        # and search_text is stored lower-case already.
        conds.append(pw.fn.instr(Request.search_text, term) > 0)
    if query.year is not None:
        conds.append(year == query.year)
    if query.status:
        conds.append(status == query.status)
    if query.outcome:
        conds.append(outcome == query.outcome)
    return conds


def _filtered(select: pw.ModelSelect, query: CaseQuery) -> pw.ModelSelect:
    conds = _where(query)
    return select.where(*conds) if conds else select


_ROW_COLUMNS = (Request.id, Request.case_no, Request.received_on, Request.applicant_kind, Request.name,
                Request.info_name, Request.info_description, Request.status, Request.outcome,
                Request.answered_on, Request.due_on, Request.due_key)


def rows(query: CaseQuery, offset: int, limit: int) -> list[CaseRow]:
    """One page of the register list.

    A text search in the usual order (newest first) tests every request until the page is full:
    the page's ids are found in the narrow search index (Request.Meta.indexes), in order, and only
    those rows are read — half the time of reading the table over 100,000 requests."""
    order = SORT_FIELDS.get(query.sort, SORT_FIELDS["received_on"])
    order_by = [f.desc() if query.descending else f.asc() for f in order]
    select = Request.select(*_ROW_COLUMNS)
    if query.text.split() and order == SORT_FIELDS["received_on"]:
        page = (Request.select(Request.id).where(*_where(query, scanning=True))
                .order_by(*order_by).offset(offset).limit(limit))
        select = select.where(Request.id.in_(page))
    else:
        select = _filtered(select, query).offset(offset).limit(limit)
    return [_to_row(r) for r in select.order_by(*order_by).tuples()]


def _to_row(r: tuple) -> CaseRow:
    content = r[5] or (r[6] or "").replace("\n", " ")[:80]
    return CaseRow(r[0], r[1], r[2], r[3], r[4], content, r[7], r[8], r[9], r[10], r[11])


def count(query: CaseQuery) -> int:
    return _filtered(Request.select(), query).count()


def years() -> list[int]:
    return [y for (y,) in Request.select(Request.year).distinct().order_by(Request.year.desc()).tuples()]


def same_applicant_in_month(id_number: str, first: dt.date, last: dt.date) -> list[tuple[int, dt.date]]:
    """(id, received_on) of every request by the holder of ``id_number`` (身份证件号码 or
    统一社会信用代码, compared without case) received in first..last, in order of receipt."""
    q = (Request.select(Request.id, Request.received_on)
         .where((pw.fn.UPPER(Request.id_number) == id_number.upper())
                & Request.received_on.between(first, last))
         .order_by(Request.received_on, Request.id))
    return list(q.tuples())


def add_event(case_id: int, kind: str, happened_on: dt.date, summary: str, data: dict | None = None,
              operator: str = "") -> int:
    row = Event.create(request=case_id, kind=kind, happened_on=happened_on, summary=summary,
                       data=json.dumps(data or {}, ensure_ascii=False, default=str), operator=operator)
    return row.id


def delete_event(event_id: int) -> None:
    """A step taken back (services.register.undo_last_step; the audit trail keeps it)."""
    Event.delete().where(Event.id == event_id).execute()


def timeline(case_id: int) -> list[TimelineEntry]:
    q = Event.select().where(Event.request == case_id).order_by(Event.happened_on, Event.id)
    return [TimelineEntry(e.id, e.kind, e.happened_on, e.summary, json.loads(e.data), e.operator, e.created_at)
            for e in q]


def set_due(case_id: int, due_on: dt.date | None, due_key: str) -> None:
    """The cached binding limit; not an edit of the case, so updated_at is left alone."""
    Request.update(due_on=due_on, due_key=due_key).where(Request.id == case_id).execute()


def set_dues(values: list[tuple[int, dt.date | None, str]]) -> None:
    """`set_due` for many open cases at once, (case id, due_on, due_key) each; rows already holding
    those values, and cases concluded meanwhile, are not written."""
    from app.domain.request import CONCLUDED_STATUSES

    concluded = ", ".join("?" * len(CONCLUDED_STATUSES))
    sql = (f"UPDATE {Request._meta.table_name} SET due_on = ?, due_key = ? WHERE id = ? "
           f"AND (due_on IS NOT ? OR due_key IS NOT ?) AND status NOT IN ({concluded})")
    params = [(due.isoformat() if due else None, key, case_id, due.isoformat() if due else None, key,
               *CONCLUDED_STATUSES) for case_id, due, key in values]
    try:
        database.connection().executemany(sql, params)
    except sqlite3.Error as exc:  # raw sqlite3 here: a full disk still becomes the Chinese DiskFull
        raise translate(exc) from None


def _open() -> pw.Expression:
    from app.domain.request import CONCLUDED_STATUSES

    return Request.status.not_in(list(CONCLUDED_STATUSES))


def open_case_ids() -> list[int]:
    return [i for (i,) in Request.select(Request.id).where(_open()).tuples()]


_EVENT_COLUMNS = (Event.request, Event.id, Event.kind, Event.happened_on, Event.summary, Event.data,
                  Event.operator, Event.created_at)


def open_cases_with_timelines() -> list[tuple[Case, list[TimelineEntry]]]:
    """Every open case with its timeline, in two queries: the home page and the daily refresh read
    them all, and a query or two per case took seconds with thousands open. Both read one snapshot
    (a case saved meanwhile on another thread is in both or in neither)."""
    with database.atomic():
        cases = [Case(**row) for row in Request.select(*[getattr(Request, f) for f in _CASE_FIELDS])
                 .where(_open()).order_by(Request.id).dicts()]
        events: dict[int, list[TimelineEntry]] = {case.id: [] for case in cases}
        query = (Event.select(*_EVENT_COLUMNS).join(Request).where(_open())
                 .order_by(Event.request, Event.happened_on, Event.id).tuples())
        for case_id, *entry in query:
            entry[4] = json.loads(entry[4])
            events[case_id].append(TimelineEntry(*entry))
    return [(case, events[case.id]) for case in cases]


def rows_by_ids(ids: list[int]) -> list[CaseRow]:
    """Register lines for the given ids, in case-number order."""
    out: list[CaseRow] = []
    for start in range(0, len(ids), 500):  # stay under SQLite's variable limit
        chunk = ids[start:start + 500]
        select = Request.select(*_ROW_COLUMNS).where(Request.id.in_(chunk))
        out.extend(_to_row(r) for r in select.tuples())
    return sorted(out, key=lambda row: (row.received_on, row.id))


def holders_of_id(id_number: str) -> list[tuple[int, str, str]]:
    """(case id, 登记编号, name) of every request made with this ID number, oldest first."""
    q = (Request.select(Request.id, Request.case_no, Request.name).where(Request.id_number.in_({id_number, id_number.lower()}))
         .order_by(Request.id).tuples())
    return list(q)
