"""Queries for the ledger and the year-end archive, returning plain objects."""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass

import peewee as pw

from app.domain.request import CONCLUDED_STATUSES, Case, RequestData, TimelineEntry
from app.store.db import StoreError
from app.store.schema import Document, Event, Request, Sequence, YearLock, now
from app.store.register import _CASE_FIELDS, add_event, insert, update

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


def insert_imported(case_no: str, year: int, seq: int, data: RequestData, received_on: dt.date,
                    search_text: str, status: str, outcome: str | None, answered_on: dt.date | None,
                    delivered_on: dt.date | None, ledger_values: dict, operator: str) -> int:
    """One case from an imported ledger, with a timeline entry keeping the ledger-only columns."""
    try:
        case_id = insert(case_no, year, seq, data, received_on, search_text, status)
    except pw.IntegrityError:
        raise StoreError(f"登记编号“{case_no}”已被使用，未导入任何行") from None
    update(case_id, {"outcome": outcome, "answered_on": answered_on, "delivered_on": delivered_on})
    add_event(case_id, LEDGER_EVENT, received_on, f"从台账导入（{ledger_values.get('file', '')}）",
              ledger_values, operator)
    return case_id


# ------------------------------------------------------------------- year locks

def lock_year(year: int, package: str) -> None:
    YearLock.insert(year=year, package=package, locked_at=now()).on_conflict_replace().execute()


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
