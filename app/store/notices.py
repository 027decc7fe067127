"""Issued documents (Document rows) as plain records."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.store.schema import Document


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    case_id: int | None
    kind: str
    doc_no: str | None
    year: int
    seq: int | None
    path: str            # relative to the office's documents folder
    issued_on: dt.date | None
    sha256: str
    operator: str
    created_at: dt.datetime | None
    delivered_on: dt.date | None = None  # 送达
    delivery_method: str = ""


def _record(row: Document) -> DocumentRecord:
    return DocumentRecord(row.id, row.request_id, row.kind, row.doc_no, row.year, row.seq, row.path, row.issued_on,
                          row.sha256, row.operator, row.created_at, row.delivered_on, row.delivery_method or "")


def set_delivery(document_id: int, delivered_on: dt.date, method: str) -> None:
    """Record the day and way a document reached its addressee (送达)."""
    Document.update(delivered_on=delivered_on, delivery_method=method).where(Document.id == document_id).execute()


def insert(case_id: int | None, kind: str, doc_no: str | None, year: int, seq: int | None, path: str,
           issued_on: dt.date, sha256: str, operator: str) -> int:
    row = Document.create(request=case_id, kind=kind, doc_no=doc_no, year=year, seq=seq, path=path,
                          issued_on=issued_on, sha256=sha256, operator=operator)
    return row.id


def for_case(case_id: int) -> list[DocumentRecord]:
    """A case's documents in the order they were issued."""
    q = Document.select().where(Document.request == case_id).order_by(Document.issued_on, Document.id)
    return [_record(r) for r in q]


def get(document_id: int) -> DocumentRecord | None:
    row = Document.get_or_none(Document.id == document_id)
    return _record(row) if row else None

