"""Queries over requests and their timeline, returning plain domain objects."""
from __future__ import annotations

import datetime as dt
import json
import operator
from collections.abc import Sequence
from dataclasses import fields

from app.store.base import peewee as pw

from app.domain.request import REGISTERED, Case, CaseQuery, CaseRow, RequestData, TimelineEntry
from app.store import engine, search
from app.store.db import (Interrupted, database, insert_many as _insert_many, reader, snapshot, steps_at_most,
                          translate)
from app.store.schema import Event, Request, now

_DATA_FIELDS = [f.name for f in fields(RequestData)]
_CASE_FIELDS = [f.name for f in fields(Case) if f.name not in ("extra",)]

# Each order of the register list: its columns (ties broken by id, or unique) and the index that
# walks the table in that order (models.Request; the default order's index holds every column the
# search filters on, so walking it reads no row of the table).
_ORDERS: dict[str, tuple[tuple[str, ...], str]] = {
    "case_no": (("year", "seq"), "request_year_seq"),
    "received_on": (("received_on", "id"), "request_received_on_id_year_status_outcome_search_text"),
    "applicant_kind": (("applicant_kind", "id"), "request_applicant_kind"),
    "name": (("name", "id"), "request_name"),
    "content": (("info_name", "id"), "request_info_name"),
    "status": (("status", "id"), "request_status"),
    "outcome": (("outcome", "id"), "request_outcome"),
    "answered_on": (("answered_on", "id"), "request_answered_on"),
    "due_on": (("due_on", "id"), "request_due_on"),
}
SORT_FIELDS = {key: tuple(getattr(Request, column) for column in columns) for key, (columns, _i) in _ORDERS.items()}

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


_DATA_VALUES = operator.attrgetter(*_DATA_FIELDS)


def insert_many(cases: list[tuple]) -> list[int]:
    """Insert many requests at once, each (case_no, year, seq, RequestData, received_on, search_text,
    status, outcome, answered_on); returns their ids in order. Call inside atomic(). The text index
    is filled once for all of them (store.search.filled_after)."""
    first = engine.reserve_ids("request", len(cases))
    with search.filled_after(first):
        _insert_many(Request, _NEW_COLUMNS, (
            (first + n, case_no, year, seq, received, text, status, outcome, answered, *_DATA_VALUES(data))
            for n, (case_no, year, seq, data, received, text, status, outcome, answered) in enumerate(cases)))
    return list(range(first, first + len(cases)))


def reserve_event_ids(count: int) -> int:
    """The first of `count` consecutive timeline-entry ids for `add_events` (inside the caller's atomic())."""
    return engine.reserve_ids("event", count)


def add_events(events: list[tuple]) -> None:
    """`add_event` for many at once, each (id, case_id, kind, happened_on, summary, data, operator): the
    ids given (from `reserve_event_ids`) let one entry refer to another written with it."""
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


def _where(query: CaseQuery, row_by_row: bool = False) -> list:
    """The filter as peewee expressions (on a server, or for a file without the text index)."""
    conds = []
    # A plain substring test of each term (engine.contains_all: instr() in the file, the search
    # indexes on the server; `row_by_row`: no index, for a walk in list order); search_text is
    # stored lower-case already.
    if row_by_row:
        conds.extend(engine.substring(Request.search_text, term) for term in _terms(query.text))
    else:
        conds.extend(engine.contains_all(Request.search_text, _terms(query.text)))
    if query.year is not None:
        conds.append(Request.year == query.year)
    if query.status:
        conds.append(Request.status == query.status)
    if query.outcome:
        conds.append(Request.outcome == query.outcome)
    return conds


def _filtered(select: pw.ModelSelect, query: CaseQuery) -> pw.ModelSelect:
    conds = _where(query)
    return select.where(*conds) if conds else select


_ROW_COLUMNS = (Request.id, Request.case_no, Request.received_on, Request.applicant_kind, Request.name,
                Request.info_name, Request.info_description, Request.status, Request.outcome,
                Request.answered_on, Request.due_on, Request.due_key)


def rows(query: CaseQuery, offset: int, limit: int) -> list[CaseRow]:
    """One page of the register list, in the query's order."""
    if search.available():
        ids = _Plan(query).page(offset, limit)
    else:  # a server (its own indexes), or a file of an older version opened read-only
        ids = _legacy_ids(query, offset, limit)
    return _rows_of(ids)


def search_page(query: CaseQuery, limit: int, at_most: int | None) -> tuple[list[CaseRow], int]:
    """The first page of the register list and how many the query finds (counting stops at
    `at_most`), the two from one reading of the search index."""
    if not search.available():
        if at_most is not None and limit <= at_most <= engine.SEARCH_CAP and _walks_on_server(query):
            matches, walked = _server_sources(query)
            found, total = engine.search_first_page(matches, walked, Request.select(*_ROW_COLUMNS), query.descending,
                                                    limit, at_most)
            if found is None:
                return _rows_of(engine.walk_whole_list(walked, query.descending, 0, limit)), total
            return [_to_row(r) for r in found], total
        return rows(query, 0, limit), count(query, at_most)
    plan = _Plan(query)
    return _rows_of(plan.page(0, limit)), plan.count(at_most)


def _rows_of(ids: list[int]) -> list[CaseRow]:
    if not ids:
        return []
    found = {r[0]: r for r in Request.select(*_ROW_COLUMNS).where(Request.id.in_(ids)).tuples()}
    return [_to_row(found[i]) for i in ids]


def _legacy_ids(query: CaseQuery, offset: int, limit: int) -> list[int]:
    order = SORT_FIELDS.get(query.sort, SORT_FIELDS["received_on"])
    if _walks_on_server(query):
        # The server's walk in list order, or its matches filtered first (engine.search_page).
        return engine.search_page(*_server_sources(query), query.descending, offset, limit)
    # Empty values first going up, last going down: SQLite's own order, spelled out for the server
    # (which puts NULL last going up), so the list reads the same on both engines.
    select = _filtered(Request.select(Request.id), query)
    select = select.order_by(*[_ordering(f, query.descending) for f in order]).offset(offset).limit(limit)
    return [i for (i,) in select.tuples()]


def _walks_on_server(query: CaseQuery) -> bool:
    """Whether the server finds the query's pages by walking the list (engine.search_page): a search
    in the default order."""
    order = SORT_FIELDS.get(query.sort, SORT_FIELDS["received_on"])
    return bool(_terms(query.text)) and order is SORT_FIELDS["received_on"] and engine.on_server()


def _server_sources(query: CaseQuery) -> tuple[pw.ModelSelect, pw.ModelSelect]:
    """The server's matches through its indexes (id, received_on) and the same conditions tested row
    by row (id), for engine.search_page."""
    return (Request.select(Request.id, Request.received_on).where(*_where(query)),
            Request.select(Request.id).where(*_where(query, row_by_row=True)))


def _ordering(field: pw.Field, descending: bool) -> pw.Ordering:
    if not field.null:
        return field.desc() if descending else field.asc()
    return field.desc(nulls="LAST") if descending else field.asc(nulls="FIRST")


def _to_row(r: tuple) -> CaseRow:
    content = r[5] or (r[6] or "").replace("\n", " ")[:80]
    return CaseRow(r[0], r[1], r[2], r[3], r[4], content, r[7], r[8], r[9], r[10], r[11])


def count(query: CaseQuery, at_most: int | None = None) -> int:
    """How many requests the query finds; with `at_most`, counting stops there (the register shows
    "1000+" until the clerk asks for the exact figure)."""
    if not search.available():
        select = _filtered(Request.select(Request.id), query)
        if at_most is not None:  # the count stops at `at_most`: no need to find every match
            select = select.limit(at_most)
        return select.count()
    return _Plan(query).count(at_most)


# ---- the search plan ------------------------------------------------------------------------
# docs/performance.md, "Search as you type". Every plan tests each row it returns with the plain
# conditions (instr() for every term, = for every filter); an index only picks the rows to test.

SPARSE = 4000  # a source of at most this many candidates is read whole and sorted
COMMON = 5  # a short term held by more than 1/COMMON of the requests is tested, not looked up
CHEAP_TRIGRAMS = 200  # a short term starting more trigrams is looked up only when a walk turns out long
WALK_STEPS = 100_000  # SQLite steps a walk reading rows may take (~20,000 entries) before trying otherwise;
# the default order's index holds every tested column, so its walk may take five times as many steps
READ_SHARE = 20  # ... then a source of at most 1/READ_SHARE of the requests is read whole, else probed
_DEFAULT_INDEX = _ORDERS["received_on"][1]  # holds every column the conditions test


def _terms(text: str) -> list[str]:
    return list(dict.fromkeys(text.lower().split()))


class _Plan:
    """How one query is answered: its conditions, and the sources of candidates (the text index, the
    index of a filter) that narrow the rows to test.

    A source with few candidates is read whole and sorted. Otherwise the order's index is walked until
    the page is full: the default order's index holds every tested column, so its walk reads no row;
    another order's walk reads the row of each entry, and if that takes long (the matches lie far
    down the order) the walk starts again, testing each entry first against the ids of the text
    index (one probe, no row read).
    """

    def __init__(self, query: CaseQuery):
        terms = _terms(query.text)
        columns, self.index = _ORDERS.get(query.sort, _ORDERS["received_on"])
        direction = " DESC" if query.descending else ""
        self.order = ", ".join(f"{c}{direction}" for c in columns)
        filters = [(name, value) for name, value in (("year", query.year), ("status", query.status),
                                                     ("outcome", query.outcome)) if value not in (None, "")]
        self.where = " AND ".join([f"{name} = ?" for name, _v in filters]
                                  + ["instr(search_text, ?) > 0"] * len(terms)) or "1"
        self.params = [v for _n, v in filters] + terms
        self.none = self.index_only = False
        self.sources: list[tuple[str, list]] = []
        self.later: tuple[str, list] | None = None  # the text index with every short term, if costly
        if terms:
            try:
                expr, whole, tested = search.expression(terms, CHEAP_TRIGRAMS, max(SPARSE, self._size() // COMMON))
            except search.NoMatch:
                self.none = True
                return
            if expr:
                self.sources.append(search.matches_sql(expr))
            if whole:
                self.later = search.matches_sql(whole)
            # The index alone answers a count when it decides every condition.
            self.index_only = bool(expr) and not whole and not tested and not filters
        self.sources += [(f"SELECT id AS hit FROM request INDEXED BY request_{name} WHERE {name} = ?", [value])
                         for name, value in filters]
        self._hits: list[list[int]] | None = None

    @staticmethod
    def _sql(sql: str, params: list) -> list[tuple]:
        return database.execute_sql(sql, params).fetchall()

    @staticmethod
    def _size() -> int:
        """About how many requests there are (the largest id: one step down the table's b-tree)."""
        return Request.select(pw.fn.MAX(Request.id)).scalar() or 0

    def _few(self) -> list[int] | None:
        """The candidates of the source with the fewest, if it has at most SPARSE (read no further)."""
        if self._hits is None:
            self._hits = [[i for (i,) in self._sql(f"{sql} LIMIT ?", [*params, SPARSE + 1])]
                          for sql, params in self.sources]
        fewest = min(self._hits, key=len, default=None)
        return fewest if fewest is not None and len(fewest) <= SPARSE else None

    def _read(self, ids: list[int], tail: str, tail_params: list) -> tuple[str, list]:
        """Of `ids`, those that meet the conditions, with `tail` (ORDER BY, LIMIT) after."""
        return (f"SELECT request.id FROM (SELECT value AS hit FROM json_each(?)) AS source CROSS JOIN request "
                f"ON request.id = source.hit "
                f"WHERE {self.where}{tail}", [json.dumps(ids), *self.params, *tail_params])

    def _walk(self, tail: str, tail_params: list, probe: tuple[str, list] | None = None) -> tuple[str, list]:
        """The ids, in the order's index, of the entries that meet the conditions, `tail` after; with
        `probe` (a source), each entry is first looked for among its ids."""
        if probe is not None:
            sql, params = probe
            return (f"SELECT id FROM request INDEXED BY {self.index} WHERE id IN ({sql}) AND {self.where}{tail}",
                    [*params, *self.params, *tail_params])
        return f"SELECT id FROM request INDEXED BY {self.index} WHERE {self.where}{tail}", [*self.params, *tail_params]

    def page(self, offset: int, limit: int) -> list[int]:
        if self.none:
            return []
        tail, tail_params = f" ORDER BY {self.order} LIMIT ? OFFSET ?", [limit, offset]
        few = self._few()
        if few is not None:
            return [i for (i,) in self._sql(*self._read(few, tail, tail_params))]
        fallback = self.later or (self.sources[0] if self.sources else None)
        if fallback is not None and (self.index != _DEFAULT_INDEX or self.later is not None):
            try:
                with steps_at_most(WALK_STEPS * (5 if self.index == _DEFAULT_INDEX else 1)):
                    return [i for (i,) in self._sql(*self._walk(tail, tail_params))]
            except Interrupted:
                # The matches lie far down the order: the text index's candidates, read whole and
                # sorted if they are few enough, else looked for entry by entry along the order.
                sql, params = fallback
                hits = [i for (i,) in self._sql(f"{sql} LIMIT ?", [*params, self._size() // READ_SHARE + 1])]
                if len(hits) <= self._size() // READ_SHARE:
                    return [i for (i,) in self._sql(*self._read(hits, tail, tail_params))]
                return [i for (i,) in self._sql(*self._walk(tail, tail_params, probe=fallback))]
        return [i for (i,) in self._sql(*self._walk(tail, tail_params))]

    def count(self, at_most: int | None) -> int:
        if self.none:
            return 0
        cap, capped = (" LIMIT ?", [at_most]) if at_most is not None else ("", [])
        few = self._few()
        if self.index_only:
            if few is not None:
                return len(few) if at_most is None else min(len(few), at_most)
            sql, params = self.sources[0]
            return self._sql(f"SELECT count(*) FROM ({sql}{cap})", [*params, *capped])[0][0]
        if few is not None:
            sql, params = self._read(few, cap, capped)
        else:  # many candidates: the narrow index, read entry by entry, costs less than reading rows
            sql, params = f"SELECT id FROM request INDEXED BY {_DEFAULT_INDEX} WHERE {self.where}{cap}", [
                *self.params, *capped]
        return self._sql(f"SELECT count(*) FROM ({sql})", params)[0][0]


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
    differs = engine.differs()
    sql = (f"UPDATE {Request._meta.table_name} SET due_on = ?, due_key = ? WHERE id = ? "
           f"AND (due_on {differs} ? OR due_key {differs} ?) AND status NOT IN ({concluded})")
    params = [(due, key, case_id, due, key, *CONCLUDED_STATUSES) for case_id, due, key in values]
    try:
        engine.executemany(sql, [[_plain_date(v) for v in row] for row in params])
    except Exception as exc:  # the driver's own errors (sqlite3, psycopg): a full disk is still DiskFull
        raise translate(exc) from None


def _plain_date(value: object) -> object:
    """A date as the engines store it through peewee's DateField: ISO text in SQLite (the driver's
    own date adapter is deprecated), the date itself for the server's driver."""
    if isinstance(value, dt.date) and not engine.on_server():
        return value.isoformat()
    return value


def _open() -> pw.Expression:
    from app.domain.request import CONCLUDED_STATUSES

    return Request.status.not_in(list(CONCLUDED_STATUSES))


def open_case_ids() -> list[int]:
    return [i for (i,) in Request.select(Request.id).where(_open()).order_by(Request.id).tuples()]


_EVENT_FIELDS = ["request", "id", "kind", "happened_on", "summary", "data", "operator", "created_at"]
_EVENT_SQL = [Event._meta.fields[f].column_name for f in _EVENT_FIELDS]
_CASE_COLUMNS = [Request._meta.fields[f].column_name for f in _CASE_FIELDS]


def open_cases_with_timelines(ids: Sequence[int] | None = None,
                              for_update: bool = False) -> list[tuple[Case, list[TimelineEntry]]]:
    """Every open case (or those of `ids` that are open) with its timeline, in two queries of plain
    rows: the daily refresh and a change of the calendar read thousands of them. Both queries read
    one snapshot (a case saved meanwhile on another thread is in both or in neither).

    `for_update` (inside a write transaction): what is written from this reading is not overtaken
    by another desk before it commits (engine.lock_rows)."""
    from app.domain.request import CONCLUDED_STATUSES

    where = f"r.status NOT IN ({', '.join('?' * len(CONCLUDED_STATUSES))})"
    params: list = sorted(CONCLUDED_STATUSES)
    if ids is not None:
        where += " AND " + engine.ids_in("r.id")
        params.append(engine.id_list(ids))
    read_case, read_event = reader(Request, _CASE_FIELDS), reader(Event, _EVENT_FIELDS)
    with snapshot():
        cases = [Case(*read_case(row)) for row in database.execute_sql(engine.sql(
            f"SELECT {', '.join('r.' + f for f in _CASE_COLUMNS)} FROM request AS r WHERE {where} ORDER BY r.id"
            + (engine.lock_rows() if for_update else "")),
            params).fetchall()]
        events: dict[int, list[TimelineEntry]] = {case.id: [] for case in cases}
        for row in database.execute_sql(engine.sql(
                f"SELECT {', '.join('e.' + c for c in _EVENT_SQL)} FROM event AS e JOIN request AS r ON r.id = e.request_id "
                f"WHERE {where} ORDER BY e.request_id, e.happened_on, e.id"), params).fetchall():
            case_id, *entry = read_event(row)
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
