"""The 新闻发布 tables: press events, journalists' questions and the roster of spokespersons, read
back as app.domain.press objects."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields

from app.domain.press import Event, EventData, Inquiry, InquiryData, Person, PersonData
from app.store.schema import PressEvent, PressInquiry, Spokesperson, now

_EVENT = [f.name for f in fields(EventData)]
_INQUIRY = [f.name for f in fields(InquiryData)]
_PERSON = [f.name for f in fields(PersonData)]


# ---------------------------------------------------------------- events

def _event_values(data: EventData) -> dict:
    values = {n: getattr(data, n) for n in _EVENT if n != "opinion_id"}
    values["roles"] = json.dumps(list(data.roles), ensure_ascii=False)
    values["opinion"] = data.opinion_id
    return values


def _to_event(row: PressEvent) -> Event:
    values = {n: getattr(row, n) for n in _EVENT if n not in ("roles", "opinion_id")}
    return Event(row.id, EventData(roles=tuple(json.loads(row.roles or "[]")), opinion_id=row.opinion_id, **values))


def insert_event(data: EventData) -> int:
    return PressEvent.create(**_event_values(data)).id


def update_event(event_id: int, data: EventData) -> None:
    PressEvent.update(updated_at=now(), **_event_values(data)).where(PressEvent.id == event_id).execute()


def get_event(event_id: int) -> Event | None:
    row = PressEvent.get_or_none(PressEvent.id == event_id)
    return _to_event(row) if row else None


def events(year: int | None = None) -> list[Event]:
    """Events, latest first (of one year, if given)."""
    q = PressEvent.select().order_by(PressEvent.held_on.desc(), PressEvent.id.desc())
    if year is not None:
        q = q.where(PressEvent.held_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return [_to_event(r) for r in q]


# ---------------------------------------------------------------- inquiries

def insert_inquiry(data: InquiryData) -> int:
    return PressInquiry.create(**{n: getattr(data, n) for n in _INQUIRY}).id


def update_inquiry(inquiry_id: int, data: InquiryData) -> None:
    PressInquiry.update(updated_at=now(), **{n: getattr(data, n) for n in _INQUIRY}).where(
        PressInquiry.id == inquiry_id).execute()


def _to_inquiry(row: PressInquiry) -> Inquiry:
    return Inquiry(row.id, InquiryData(**{n: getattr(row, n) for n in _INQUIRY}))


def get_inquiry(inquiry_id: int) -> Inquiry | None:
    row = PressInquiry.get_or_none(PressInquiry.id == inquiry_id)
    return _to_inquiry(row) if row else None


def inquiries(year: int | None = None, unanswered: bool = False) -> list[Inquiry]:
    q = PressInquiry.select().order_by(PressInquiry.received_on.desc(), PressInquiry.id.desc())
    if year is not None:
        q = q.where(PressInquiry.received_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if unanswered:
        q = q.where(PressInquiry.replied_on.is_null())
    return [_to_inquiry(r) for r in q]


# ---------------------------------------------------------------- the roster

def insert_person(data: PersonData) -> int:
    return Spokesperson.create(**{n: getattr(data, n) for n in _PERSON}).id


def update_person(person_id: int, data: PersonData) -> None:
    Spokesperson.update(updated_at=now(), **{n: getattr(data, n) for n in _PERSON}).where(
        Spokesperson.id == person_id).execute()


def _to_person(row: Spokesperson) -> Person:
    return Person(row.id, PersonData(**{n: getattr(row, n) for n in _PERSON}))


def get_person(person_id: int) -> Person | None:
    row = Spokesperson.get_or_none(Spokesperson.id == person_id)
    return _to_person(row) if row else None


def people() -> list[Person]:
    """The roster, spokespersons first, latest appointment first."""
    q = Spokesperson.select().order_by(Spokesperson.role, Spokesperson.appointed_on.desc(), Spokesperson.id)
    return [_to_person(r) for r in q]
