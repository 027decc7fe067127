"""新闻发布 use cases: press events, journalists' questions (answered within one working day), the
roster of spokespersons (reported within one month of appointment or removal; the published list)
and the year's quota of press conferences against the office's pattern ("1+2+N" or "4·2·1+N").
Every change is audited.

Rules: app/domain/press.py (富阳区实施意见第1、6、7、11条; 六宣发〔2019〕26号; docs/legal/duties.md).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from app.domain import clock
from app.domain import press as rules
from app.domain.clock import Limit
from app.domain.dates import cn_date, or_today
from app.domain.press import Event, EventData, Inquiry, InquiryData, Person, PersonData, QuotaPeriod
from app.services import settings as office
from app.services.errors import NotFound, ValidationError, YearLocked
from app.services.work_calendar import work_calendar
from app.store import audit
from app.store import opinion as opinions
from app.store import press as store
from app.store.db import atomic
from app.store.ledger import year_lock


def _changes(old: object | None, new: object) -> dict:
    before = asdict(old) if old else {}
    return {k: [before.get(k), v] for k, v in asdict(new).items() if before.get(k) != v}


def _check(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def _unlocked(day: dt.date | None) -> None:
    if day is not None and year_lock(day.year) is not None:
        raise YearLocked(f"{day.year}年度已归档锁定，该年度的新闻发布记录为只读。如需修改，请先在“台账与归档”页面解除锁定并说明理由。")


def _strip(data):
    """Text fields without surrounding blanks (the dataclasses hold text, dates and tuples)."""
    return replace(data, **{k: v.strip() for k, v in asdict(data).items() if isinstance(v, str)})


# ---------------------------------------------------------------- events


@dataclass(frozen=True)
class EventRow:
    event: Event
    warnings: tuple[str, ...]
    opinion: str = ""  # the 舆情 it answers (number and title)


def get_event(event_id: int) -> Event:
    event = store.get_event(event_id)
    if event is None:
        raise NotFound(f"找不到编号为 {event_id} 的新闻发布记录")
    return event


def save_event(event_id: int | None, data: EventData, today: dt.date | None = None) -> Event:
    """Record a press event (or save edits to one); the quota counts it from its date."""
    data = _strip(data)
    _check(rules.validate_event(data, or_today(today)))
    old = get_event(event_id).data if event_id is not None else None
    _unlocked(data.held_on)
    _unlocked(old.held_on if old else None)
    with atomic():
        if event_id is None:
            event_id = store.insert_event(data)
            audit.record("press_event", event_id, "登记新闻发布", _changes(None, data))
        else:
            store.update_event(event_id, data)
            audit.record("press_event", event_id, "修改新闻发布", _changes(old, data))
    return get_event(event_id)


def event_rows(year: int | None = None) -> list[EventRow]:
    events = store.events(year)
    titles = opinions.titles([e.data.opinion_id for e in events if e.data.opinion_id])
    return [EventRow(e, tuple(rules.event_warnings(e.data)), titles.get(e.data.opinion_id, "")) for e in events]


# ---------------------------------------------------------------- the quota


def pattern() -> str:
    """The office's pattern; an unknown stored name reads as the default (富阳区实施意见第1条)."""
    name = office.load().press_pattern
    return name if name in rules.PATTERNS else rules.DEFAULT_PATTERN


def set_pattern(name: str) -> None:
    """Choose the quota pattern (a setting, audited like every setting)."""
    if name not in rules.PATTERNS:
        raise ValidationError({"press_pattern": "发布模式应为" + "或".join(f"“{p}”" for p in rules.PATTERNS)})
    cfg = office.load()
    if cfg.press_pattern != name:
        office.save(replace(cfg, press_pattern=name))


def quota(year: int, today: dt.date | None = None, pattern_name: str | None = None) -> list[QuotaPeriod]:
    """Each quarter / half-year / the year under the pattern, with what was held against it."""
    events = [e.data for e in store.events(year)]
    return rules.quota(events, pattern_name or pattern(), year, or_today(today))


def quota_json(year: int, today: dt.date | None = None, pattern_name: str | None = None) -> dict:
    """``{"pattern": …, "periods": [{"period": …, "required": n, "held": n}, …]}`` for scripts."""
    name = pattern_name or pattern()
    return {"pattern": name, "year": year,
            "periods": [{"period": p.period, "name": p.name, "rule": p.rule.label, "required": p.required,
                         "held": p.held, "state": p.state} for p in quota(year, today, name)]}


# ---------------------------------------------------------------- journalists' questions


@dataclass(frozen=True)
class InquiryRow:
    inquiry: Inquiry
    limit: Limit
    state: str
    days_left: int | None


def get_inquiry(inquiry_id: int) -> Inquiry:
    inquiry = store.get_inquiry(inquiry_id)
    if inquiry is None:
        raise NotFound(f"找不到编号为 {inquiry_id} 的记者问询")
    return inquiry


def save_inquiry(inquiry_id: int | None, data: InquiryData, today: dt.date | None = None) -> Inquiry:
    """Log a journalist's question (or its reply): the reply is due one working day later."""
    data = _strip(data)
    _check(rules.validate_inquiry(data, or_today(today)))
    old = get_inquiry(inquiry_id).data if inquiry_id is not None else None
    _unlocked(data.received_on)
    with atomic():
        if inquiry_id is None:
            inquiry_id = store.insert_inquiry(data)
            audit.record("press_inquiry", inquiry_id, "登记记者问询", _changes(None, data))
        else:
            action = "答复记者问询" if old.replied_on is None and data.replied_on else "修改记者问询"
            store.update_inquiry(inquiry_id, data)
            audit.record("press_inquiry", inquiry_id, action, _changes(old, data))
    return get_inquiry(inquiry_id)


def reply(inquiry_id: int, replied_on: dt.date | None, text: str, today: dt.date | None = None) -> Inquiry:
    if replied_on is None:
        raise ValidationError({"replied_on": "请填写回复日期"})
    old = get_inquiry(inquiry_id).data
    return save_inquiry(inquiry_id, replace(old, replied_on=replied_on, reply=text), today)


def _inquiry_row(inquiry: Inquiry, today: dt.date) -> InquiryRow:
    cal = work_calendar()
    limit = rules.inquiry_limit(inquiry.data, cal)
    return InquiryRow(inquiry, limit, clock.urgency(limit, today, cal), clock.days_left(limit, today, cal))


def inquiry_rows(year: int | None = None, today: dt.date | None = None, unanswered: bool = False) -> list[InquiryRow]:
    today = or_today(today)
    return [_inquiry_row(i, today) for i in store.inquiries(year, unanswered)]


# ---------------------------------------------------------------- the roster


@dataclass(frozen=True)
class PersonRow:
    person: Person
    limits: tuple[Limit, ...]
    urgent: Limit | None
    state: str
    days_left: int | None
    serving: bool


def get_person(person_id: int) -> Person:
    person = store.get_person(person_id)
    if person is None:
        raise NotFound(f"找不到编号为 {person_id} 的新闻发言人记录")
    return person


def save_person(person_id: int | None, data: PersonData, today: dt.date | None = None) -> Person:
    """Add a spokesperson or assistant, or record the report to the 宣传部, a removal …"""
    data = _strip(data)
    _check(rules.validate_person(data, or_today(today)))
    old = get_person(person_id).data if person_id is not None else None
    with atomic():
        if person_id is None:
            person_id = store.insert_person(data)
            audit.record("spokesperson", person_id, f"新增{data.role}", _changes(None, data))
        else:
            store.update_person(person_id, data)
            audit.record("spokesperson", person_id, f"修改{data.role}", _changes(old, data))
    return get_person(person_id)


def _person_row(person: Person, today: dt.date) -> PersonRow:
    cal = work_calendar()
    limits = tuple(rules.person_limits(person.data, cal))
    picked = clock.most_urgent(limits, today, cal)
    urgent, state = picked if picked else (None, clock.DONE)
    days = clock.days_left(urgent, today, cal) if urgent is not None and state != clock.DONE else None
    return PersonRow(person, limits, urgent if state != clock.DONE else None, state, days, person.serving_on(today))


def roster_rows(today: dt.date | None = None) -> list[PersonRow]:
    today = or_today(today)
    return [_person_row(p, today) for p in store.people()]


ROSTER_COLUMNS = ("职务（身份）", "姓名", "现任职务", "联系电话", "任职日期")


def export_roster(out: Path | str, today: dt.date | None = None) -> Path:
    """新闻发言人名单 as published (富阳区实施意见第7条: 名单和联系方式定期向社会公布): who serves today."""
    from app.services.xlsx import write_table

    today = or_today(today)
    serving = [p for p in store.people() if p.serving_on(today)]
    rows = [[p.data.role, p.data.name, p.data.post, p.data.phone, cn_date(p.data.appointed_on)] for p in serving]
    title = f"{office.load().office_name}新闻发言人名单（截至{cn_date(today)}）"
    path = write_table(Path(out), title, [("新闻发言人名单", ROSTER_COLUMNS, rows)])
    with atomic():
        audit.record("spokesperson", "list", "导出新闻发言人名单", {"path": [None, str(path)], "people": [None, len(rows)]})
    return path


# ---------------------------------------------------------------- the home page


@dataclass(frozen=True)
class PressAttention:
    inquiries: list[InquiryRow]   # unanswered, due today or overdue or due soon
    roster: list[PersonRow]       # reports to the 宣传部 still due
    quota: list[QuotaPeriod]      # periods still short
    pattern: str


_PRESSING = (clock.OVERDUE, clock.DUE_TODAY, clock.DUE_SOON)


def attention(today: dt.date | None = None) -> PressAttention:
    today = or_today(today)
    inquiries = [r for r in inquiry_rows(today=today, unanswered=True) if r.state in _PRESSING]
    roster = [r for r in roster_rows(today) if r.urgent is not None and r.state in _PRESSING + (clock.OK,)]
    name = pattern()
    return PressAttention(inquiries, roster, rules.quota_attention(quota(today.year, today, name), today), name)
