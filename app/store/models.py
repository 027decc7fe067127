"""peewee models of the core register. Other rooms' tables live in their own store modules
and are listed in ALL_MODELS so that opening a database creates them."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from app.store.db import BaseModel


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class Setting(BaseModel):
    """Office settings and other key/value state; values are JSON text."""

    key = pw.CharField(primary_key=True)
    value = pw.TextField()


class Sequence(BaseModel):
    """Yearly counters for case numbers and 文号 per kind: never reused, never skipped."""

    name = pw.CharField()
    year = pw.IntegerField()
    last = pw.IntegerField(default=0)

    class Meta:
        primary_key = pw.CompositeKey("name", "year")


class Request(BaseModel):
    """依申请公开申请 (条例第二十九条)."""

    class Meta:
        # The register's search as you type scans this narrow index in list order instead of the
        # table (store.register.rows): every column it filters on is in it.
        indexes = ((("received_on", "id", "year", "status", "outcome", "search_text"), False),)

    case_no = pw.CharField(unique=True)
    year = pw.IntegerField(index=True)
    seq = pw.IntegerField()
    applicant_type = pw.CharField()
    applicant_kind = pw.CharField(index=True)
    name = pw.CharField()
    id_type = pw.CharField(default="")
    id_number = pw.CharField(default="")
    legal_rep = pw.CharField(default="")
    contact_person = pw.CharField(default="")
    phone = pw.CharField(default="")
    address = pw.CharField(default="")
    postcode = pw.CharField(default="")
    email = pw.CharField(default="")
    info_name = pw.CharField(default="")
    info_doc_no = pw.CharField(default="")
    info_description = pw.TextField(default="")
    form_wanted = pw.CharField(default="")
    delivery_method = pw.CharField(default="")
    channel = pw.CharField()
    arrived_on = pw.DateField()
    confirmed_on = pw.DateField(null=True)
    received_on = pw.DateField(index=True)
    department = pw.CharField(default="")
    fee_reduction = pw.BooleanField(default=False)
    notes = pw.TextField(default="")
    status = pw.CharField(default="登记", index=True)
    outcome = pw.CharField(null=True, index=True)
    answered_on = pw.DateField(null=True)
    delivered_on = pw.DateField(null=True)
    # Denormalised for search-as-you-type: case number, applicant, content in one column.
    search_text = pw.TextField(default="")
    # Cached nearest legal limit, recomputed whenever events or the calendar change.
    due_on = pw.DateField(null=True, index=True)
    due_key = pw.CharField(default="")
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)


class Event(BaseModel):
    """One entry of a case's timeline (registered, edited, notices, clock events)."""

    request = pw.ForeignKeyField(Request, backref="events", on_delete="RESTRICT")
    kind = pw.CharField(index=True)
    happened_on = pw.DateField()
    summary = pw.TextField(default="")
    data = pw.TextField(default="{}")
    operator = pw.CharField(default="")
    created_at = pw.DateTimeField(default=now)


class Document(BaseModel):
    """A generated document (notice, form) with its 文号 once issued."""

    request = pw.ForeignKeyField(Request, backref="documents", null=True, on_delete="RESTRICT")
    kind = pw.CharField(index=True)
    doc_no = pw.CharField(null=True, unique=True)
    year = pw.IntegerField()
    seq = pw.IntegerField(null=True)
    path = pw.TextField(default="")
    issued_on = pw.DateField(null=True)
    sha256 = pw.CharField(default="")
    operator = pw.CharField(default="")
    created_at = pw.DateTimeField(default=now)


class CalendarEntry(BaseModel):
    """The office's own calendar day: a day off or a working day, with its source."""

    day = pw.DateField(primary_key=True)
    is_workday = pw.BooleanField()
    note = pw.CharField(default="")


class CalendarYear(BaseModel):
    """A year whose holiday schedule the office has entered and confirmed."""

    year = pw.IntegerField(primary_key=True)
    note = pw.CharField(default="")


class AuditEntry(BaseModel):
    """Who changed what, when, with old and new values. Never edited or deleted by any screen."""

    at = pw.DateTimeField(default=now, index=True)
    operator = pw.CharField(default="")
    entity = pw.CharField(index=True)
    entity_id = pw.CharField(default="", index=True)
    action = pw.CharField()
    changes = pw.TextField(default="{}")
    case_id = pw.IntegerField(null=True, index=True)  # the case a notice/review/dispute change belongs to


class YearLock(BaseModel):
    """A year archived and locked: its cases are read-only."""

    year = pw.IntegerField(primary_key=True)
    locked_at = pw.DateTimeField(default=now)
    package = pw.TextField(default="")


CORE_MODELS = [Setting, Sequence, Request, Event, Document, CalendarEntry, CalendarYear, AuditEntry, YearLock]


def all_models() -> list[type[BaseModel]]:
    """Every table of the program; other rooms' store modules add theirs here."""
    from app.store import dispute, review  # noqa: PLC0415 - their models import this module
    return list(CORE_MODELS) + review.MODELS + dispute.MODELS
