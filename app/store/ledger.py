"""Queries for the ledger and the year-end archive, returning plain objects."""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass

from app.store.base import peewee as pw

from app.domain.request import CONCLUDED_STATUSES, Case, RequestData, TimelineEntry
from app.store import district, engine
from app.store.db import StoreError, current_path, translate
from app.store.schema import Document, Event, Request, Sequence, YearLock, now
from app.store.register import _CASE_FIELDS, _DATA_FIELDS

LEDGER_EVENT = "ledger_import"


@dataclass(frozen=True)
class DocumentRow:
    id: int
    request_id: int
    kind: str
    doc_no: str
    issued_on: dt.date | None
    path: str
    sha256: str
    created_at: dt.datetime | None


@dataclass(frozen=True)
class LockRow:
    year: int
    locked_at: dt.datetime
    package: str


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _received_in(year: int) -> pw.Expression:
    return Request.year == year


def _concluded_in(year: int) -> pw.Expression:
    first, last = _year_bounds(year)
    return (Request.status.in_(list(CONCLUDED_STATUSES)) & Request.answered_on.between(first, last))


_CASE_COLUMNS = [getattr(Request, name) for name in _CASE_FIELDS]


def _cases(where: pw.Expression, *order: pw.Field) -> list[Case]:
    """Cases as plain tuples (one query, no model objects: a year has thousands of them)."""
    q = Request.select(*_CASE_COLUMNS).where(where).order_by(*order).tuples()
    return [Case(**dict(zip(_CASE_FIELDS, row))) for row in q]


def cases_received_in(year: int) -> list[Case]:
    """The register of a year: every case received in it, by case number."""
    return _cases(_received_in(year), Request.seq, Request.id)


def cases_concluded_in(year: int) -> list[Case]:
    """Cases whose answer or closing record is dated in `year` (they go into its archive)."""
    return _cases(_concluded_in(year), Request.answered_on, Request.id)


def open_cases_received_in(year: int) -> list[Case]:
    return _cases(_received_in(year) & Request.status.not_in(list(CONCLUDED_STATUSES)), Request.seq, Request.id)


def has_cases_for(year: int) -> bool:
    return Request.select().where(_received_in(year) | _concluded_in(year)).exists()


def _case_filter(year: int, concluded: bool) -> pw.SelectQuery:
    return Request.select(Request.id).where(_concluded_in(year) if concluded else _received_in(year))


def documents_by_case(year: int, concluded: bool = False) -> dict[int, list[DocumentRow]]:
    """Documents of the cases received in (or, with concluded=True, concluded in) `year`, in date order."""
    q = (Document.select(Document.id, Document.request, Document.kind, Document.doc_no, Document.issued_on,
                         Document.path, Document.sha256, Document.created_at)
         .where(Document.request.in_(_case_filter(year, concluded)))
         .order_by(Document.issued_on, Document.created_at, Document.id).tuples())
    out: dict[int, list[DocumentRow]] = defaultdict(list)
    for id_, request_id, kind, doc_no, issued_on, path, sha256, created_at in q:
        out[request_id].append(DocumentRow(id_, request_id, kind, doc_no or "", issued_on, path, sha256, created_at))
    return out


def events_by_case(year: int, concluded: bool = False) -> dict[int, list[TimelineEntry]]:
    q = (Event.select(Event.id, Event.request, Event.kind, Event.happened_on, Event.summary, Event.data,
                      Event.operator, Event.created_at)
         .where(Event.request.in_(_case_filter(year, concluded)))
         .order_by(Event.happened_on, Event.id).tuples())
    out: dict[int, list[TimelineEntry]] = defaultdict(list)
    loads = json.loads
    for id_, request_id, kind, happened_on, summary, data, operator, created_at in q:
        out[request_id].append(TimelineEntry(id_, kind, happened_on, summary, loads(data), operator, created_at))
    return out


def existing_case_keys() -> tuple[set[str], set[tuple[str, dt.date]]]:
    """Case numbers in use, and (applicant, date received) pairs, for spotting duplicates."""
    numbers: set[str] = set()
    pairs: set[tuple[str, dt.date]] = set()
    for case_no, name, received in Request.select(Request.case_no, Request.name, Request.received_on).tuples():
        numbers.add(case_no)
        pairs.add((name.strip(), received))
    return numbers, pairs


def raise_sequence(name: str, year: int, at_least: int) -> None:
    """Make sure the yearly sequence never hands out a number an imported case already uses."""
    Sequence.insert(name=name, year=year, last=0).on_conflict_ignore().execute()
    (Sequence.update(last=at_least)
     .where((Sequence.name == name) & (Sequence.year == year) & (Sequence.last < at_least)).execute())


@dataclass(frozen=True)
class ImportedCase:
    """One case from an imported ledger, as the import hands it to the store."""

    case_no: str
    year: int
    seq: int
    data: RequestData
    received_on: dt.date
    search_text: str
    status: str
    outcome: str | None
    answered_on: dt.date | None
    delivered_on: dt.date | None
    ledger_values: dict  # the ledger-only columns, kept on the case's import event


_IMPORT_BATCH = 500


def insert_imported(cases: list[ImportedCase], operator: str, progress=None) -> list[int]:
    """Insert imported cases, each with a timeline entry keeping its ledger-only columns, inside the
    caller's transaction; returns their ids in order.

    A hundred thousand rows are one `executemany` per table of plain values converted here once
    (peewee would build an INSERT statement per row, which costs ten times the insert itself). The
    values are stored exactly as peewee stores them (dates as YYYY-MM-DD, times as
    YYYY-MM-DD HH:MM:SS, booleans as 0/1). A case number already used raises StoreError."""
    stamp = str(now())
    columns = [f.column_name for f in Request._meta.sorted_fields if f.name != "id"]
    first_id = (Request.select(pw.fn.MAX(Request.id)).scalar() or 0) + 1
    try:
        for start in range(0, len(cases), _IMPORT_BATCH):
            batch = cases[start:start + _IMPORT_BATCH]
            engine.executemany(_insert_sql("request", columns), [_request_row(c, stamp) for c in batch])
            if progress is not None:
                progress(start + len(batch), len(cases))
        ids = dict(Request.select(Request.case_no, Request.id).where(Request.id >= first_id).tuples())
        case_ids = [ids[c.case_no] for c in cases]
        events = [(case_id, LEDGER_EVENT, c.received_on.isoformat(), f"从台账导入（{c.ledger_values.get('file', '')}）",
                   json.dumps(c.ledger_values, ensure_ascii=False, default=str), operator, stamp)
                  for case_id, c in zip(case_ids, cases)]
        engine.executemany(_insert_sql("event", ["request_id", "kind", "happened_on", "summary", "data", "operator",
                                                 "created_at"]), events)
    except Exception as exc:  # the driver's own errors (sqlite3, psycopg), as the store tells them
        if engine.is_integrity_error(exc):
            raise StoreError(f"登记编号已被使用，未导入任何行（{exc}）") from None
        raise translate(exc, current_path()) from None
    return case_ids


def _insert_sql(table: str, columns: list[str]) -> str:
    return f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" for _ in columns)})'


def _request_row(c: ImportedCase, stamp: str) -> tuple:
    values = {name: getattr(c.data, name) for name in _DATA_FIELDS}
    values.update(case_no=c.case_no, year=c.year, seq=c.seq, received_on=c.received_on, search_text=c.search_text,
                  status=c.status, outcome=c.outcome, answered_on=c.answered_on, delivered_on=c.delivered_on,
                  due_on=None, due_key="", created_at=stamp, updated_at=stamp)
    return tuple(_stored(values[f.name]) for f in Request._meta.sorted_fields if f.name != "id")


def _stored(value: object) -> object:
    if isinstance(value, bool):
        return value if engine.on_server() else int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# ------------------------------------------------------------------- year locks

def lock_year(year: int, package: str) -> None:
    (YearLock.insert(year=year, package=package, locked_at=now())
     .on_conflict(conflict_target=district.conflict_key(YearLock.year), preserve=[YearLock.package, YearLock.locked_at]).execute())


def unlock_year(year: int) -> LockRow | None:
    row = YearLock.get_or_none(YearLock.year == year)
    if row is None:
        return None
    YearLock.delete().where(YearLock.year == year).execute()
    return LockRow(row.year, row.locked_at, row.package)


def year_lock(year: int) -> LockRow | None:
    row = YearLock.get_or_none(YearLock.year == year)
    return LockRow(row.year, row.locked_at, row.package) if row else None


def locked_years() -> list[int]:
    return [y for (y,) in YearLock.select(YearLock.year).order_by(YearLock.year).tuples()]
