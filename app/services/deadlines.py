"""Each case's limits from its timeline, the cached nearest limit, and what is due (home page).

The limits themselves are computed by app.domain.clock on the office's calendar
(app.services.calendar); this module only gathers a case's dated events for it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from app.domain import clock
from app.domain.clock import ClockInput, ClockResult, InternalLimits, Limit, Pause
from app.domain.request import CONCLUDED_STATUSES, Case, TimelineEntry
from app.domain.settings import OfficeSettings
from app.services import settings as office
from app.store import limits as limit_store, register as store

# Timeline event kinds that move the clock (services.actions writes them).
CORRECTION_SENT = "correction_sent"
CORRECTION_RECEIVED = "correction_received"
CORRECTION_LAPSED = "correction_lapsed"
CONSULTATION_SENT = "consultation_sent"
CONSULTATION_REPLIED = "consultation_replied"
FEE_SENT = "fee_sent"
FEE_PAID = "fee_paid"
FEE_LAPSED = "fee_lapsed"
EXTENDED = "extended"
CUSTOM_DUE = "custom_due"
REVIEWED = "reviewed"
DRAFT_DONE = "draft_done"
SIGNED = "signed"
# A notice reached its addressee (送达); data: ref (the correction/consultation/fee event), method,
# document_id. Periods that run from receipt count from it (条例第三十二条、第三十四条; 国办函〔2020〕109号).
DELIVERED = "delivered"
# A re-issued notice changed what the office had told (items, dates, amount); data: kind, ref,
# changes, terms, reason. The office is bound by the last terms it gave (docs/legal/rules.md).
TERMS_CHANGED = "terms_changed"

_PAUSE_KINDS = {"third_party": clock.CONSULTATION_THIRD_PARTY, "agency": clock.CONSULTATION_AGENCY}


def _calendar():
    from app.services.work_calendar import work_calendar

    return work_calendar()


def _last_on(events: list[TimelineEntry], kind: str) -> dt.date | None:
    days = [e.happened_on for e in events if e.kind == kind]
    return days[-1] if days else None


def delivered_on(events: list[TimelineEntry], ref: int) -> dt.date | None:
    """The day the notice of the correction/consultation/fee event ``ref`` reached its addressee.
    A re-issued notice delivered later gives the addressee its full period from that later day."""
    days = [e.happened_on for e in events if e.kind == DELIVERED and int(e.data.get("ref") or 0) == ref]
    return max(days) if days else None


def _pauses(events: list[TimelineEntry]) -> tuple[Pause, ...]:
    """Consultations and fee notices, each paired with the reply / payment that ended it and the
    day it was delivered."""
    ends: dict[int, dt.date] = {}
    lapsed: set[int] = set()
    for e in events:
        if e.kind in (CONSULTATION_REPLIED, FEE_PAID, FEE_LAPSED) and e.data.get("ref"):
            ends[int(e.data["ref"])] = e.happened_on
            if e.kind == FEE_LAPSED:
                lapsed.add(int(e.data["ref"]))
    pauses = []
    for e in events:
        if e.kind == CONSULTATION_SENT:
            kind = _PAUSE_KINDS.get(e.data.get("party_kind", "third_party"), clock.CONSULTATION_THIRD_PARTY)
            pauses.append(Pause(e.happened_on, ends.get(e.id), kind, delivered_on(events, e.id)))
        elif e.kind == FEE_SENT:
            pauses.append(Pause(e.happened_on, ends.get(e.id), clock.FEE, delivered_on(events, e.id), e.id in lapsed))
    return tuple(pauses)


def correction_due(events: list[TimelineEntry]) -> dt.date | None:
    """The last 补正期限 the office gave in writing (条例第三十条), None when none was recorded as a
    date (older records: counted from the period's working days)."""
    due = None
    for e in events:
        if e.kind == CORRECTION_SENT or (e.kind == TERMS_CHANGED and e.data.get("kind") == "补正告知书"):
            given = (e.data.get("terms") or e.data).get("due")
            if given:
                due = dt.date.fromisoformat(given)
    return due


def internal_limits(cfg: OfficeSettings) -> InternalLimits:
    return InternalLimits(cfg.limit_accept, cfg.limit_review, cfg.limit_draft, cfg.limit_proactive_scope,
                          cfg.limit_sign)


def clock_input(case: Case, events: list[TimelineEntry], cfg: OfficeSettings) -> ClockInput:
    """The clock's view of a case (docs/legal/requests.md, 法定期限): receipt, correction, pauses, extension, art. 35."""
    correction = [e for e in events if e.kind == CORRECTION_SENT]
    custom = [e for e in events if e.kind == CUSTOM_DUE]
    registered = [e for e in events if e.kind == "registered"]
    return ClockInput(
        received_on=case.received_on,
        correction_sent_on=correction[-1].happened_on if correction else None,
        corrected_on=_last_on(events, CORRECTION_RECEIVED),
        correction_period_days=int(correction[-1].data.get("period_days", cfg.correction_period))
        if correction else cfg.correction_period,
        correction_due=correction_due(events) if correction else None,
        pauses=_pauses(events),
        extended=_last_on(events, EXTENDED) or False,
        custom_due=dt.date.fromisoformat(custom[-1].data["due"]) if custom else None,
        internal=internal_limits(cfg),
        answered_on=case.answered_on,
        registered_on=(registered[0].created_at.date() if registered and registered[0].created_at else None),
        reviewed_on=_last_on(events, REVIEWED),
        draft_done_on=_last_on(events, DRAFT_DONE),
        signed_on=_last_on(events, SIGNED),
    )


def case_limits(case_id: int, today: dt.date | None = None) -> ClockResult:
    """Every legal and internal limit of a case, each with its explanation citing the rule."""
    case = store.get(case_id)
    events = store.timeline(case_id)
    return clock.compute_limits(clock_input(case, events, office.load()), _calendar(), today)


def limits_before_answer(case_id: int, on: dt.date) -> ClockResult:
    """The case's limits on ``on`` counted as if no outcome were recorded yet: what an outcome
    recorded (or re-recorded) on that day must satisfy (domain.outcomes.outcome_refusal)."""
    from dataclasses import replace

    case = store.get(case_id)
    inp = replace(clock_input(case, store.timeline(case_id), office.load()), answered_on=None)
    return clock.compute_limits(inp, _calendar(), on)


def _cache_values(case: Case, result: ClockResult) -> dict:
    if case.status in CONCLUDED_STATUSES:
        return {"due_on": None, "due_key": ""}
    answer = result.answer
    return {"due_on": answer.due, "due_key": answer.key if answer.due else "paused"}


def _fingerprint(cfg: OfficeSettings) -> str:
    """What a case's limits rest on besides its own timeline: the office's limit settings and the
    calendar. Limits stored from other ones are counted again (store.limits)."""
    from app.services.work_calendar import fingerprint

    return f"{fingerprint()}:{internal_limits(cfg)}:{cfg.correction_period}"


class _Counted(NamedTuple):
    case: Case
    events: list[TimelineEntry]  # as read: a case whose timeline changed meanwhile is not stored
    result: ClockResult
    holds: tuple[dt.date | None, dt.date | None]  # the days the result holds on, [first, until)


def _count(read: list[tuple[Case, list[TimelineEntry]]], day: dt.date) -> list[_Counted]:
    """The cases read, with their limits counted against `day`."""
    cal, cfg = _calendar(), office.load()
    out = []
    for case, events in read:
        inp = clock_input(case, events, cfg)
        out.append(_Counted(case, events, clock.compute_limits(inp, cal, day), clock.same_limits_between(inp, cal, day)))
    return out


def _count_open(day: dt.date, ids: list[int] | None = None) -> list[_Counted]:
    """Open cases (all, or those of `ids`) with their limits counted against `day`."""
    return _count(store.open_cases_with_timelines(ids), day)


def _store_unchanged(counted: list[_Counted], day: dt.date) -> None:
    """Keep the counts of the cases still exactly as they were read. The counting (seconds with
    thousands of open cases) ran outside any write, so a clerk saving a case meanwhile never waited
    for it; the write lock is taken only here, and a case saved meanwhile keeps the limits its own
    save stored."""
    from app.store.db import atomic

    if not counted:
        return
    with atomic():
        # On a server the cases are locked until the write ends (another desk's save of one waits).
        reread = store.open_cases_with_timelines([c.case.id for c in counted], for_update=True)
        still = {case.id: (case, events) for case, events in reread}
        _store([c for c in counted if still.get(c.case.id) == (c.case, c.events)], day)


def _store(counted: list[_Counted], day: dt.date) -> None:
    """Keep the limits (store.limits) and the register list's cached limit of these open cases
    (inside the caller's atomic())."""
    limit_store.save([limit_store.Counted(c.case.id, c.result.limits, day, *c.holds) for c in counted],
                     _fingerprint(office.load()))
    store.set_dues([(c.case.id, *_cache_values(c.case, c.result).values()) for c in counted])


def refresh_case(case_id: int) -> None:
    """Recount one case's limits (after a change to it) and keep them with its cached answer limit."""
    from app.store.db import atomic

    case = store.get(case_id)
    if case is None:
        return
    # Against today: an open consultation or fee pause whose term has run out no longer stops the clock.
    today = dt.date.today()
    with atomic():
        if case.status in CONCLUDED_STATUSES:
            limit_store.forget([case_id])
            store.set_due(case_id, None, "")
            return
        _store(_count(store.open_cases_with_timelines([case_id]), today), today)


def _cases_from(stored, counted) -> dict[int, tuple[str, str, list[Limit]]]:
    """Case id → (case number, name, limits): the stored limit rows, except for the cases counted
    now, whose fresh limits replace them."""
    cases: dict[int, tuple[str, str, list[Limit]]] = {}
    recounted = {c.case.id for c in counted}
    for row in stored:
        if row.case_id not in recounted:
            cases.setdefault(row.case_id, (row.case_no, row.name, []))[2].append(row.limit)
    for c in counted:
        cases[c.case.id] = (c.case.case_no, c.case.name, list(c.result.limits))
    return cases


def limits_reaching(first_day: dt.date, today: dt.date) -> list[tuple[int, str, str, Limit]]:
    """Open cases with a running limit due on `first_day` or later, each with the first such limit
    (legal limits before the office's own): from the stored limits, counting only the cases whose
    stored limits do not hold `today` (read only; nothing is stored)."""
    from app.store.db import snapshot

    with snapshot():
        uncounted = limit_store.uncounted(today, _fingerprint(office.load()))
        counted = _count_open(today, uncounted) if uncounted else []
        stored = limit_store.running_from(first_day)
    cases = _cases_from(stored, counted)
    found = []
    for case_id, (case_no, name, limits) in cases.items():
        for limit in sorted(limits, key=lambda l: not l.legal):  # the legal limit first
            if limit.shown and limit.done_on is None and limit.due is not None and limit.due >= first_day:
                found.append((case_id, case_no, name, limit))
                break
    return found


def refresh_open_cases() -> int:
    """Recount every open case and keep its limits (after a calendar change, an import, demo data);
    returns how many."""
    from app.store.db import atomic

    today = dt.date.today()
    counted = _count_open(today)
    _store_unchanged(counted, today)
    with atomic():
        limit_store.forget_closed()  # cases concluded meanwhile keep no limits
    return len(counted)


@dataclass(frozen=True)
class DueItem:
    case_id: int
    case_no: str
    name: str
    limit: Limit
    urgency: str
    days_left: int | None

    @property
    def unconfirmed(self) -> bool:
        return self.limit.unconfirmed


@dataclass
class DueOverview:
    overdue: list[DueItem]
    today: list[DueItem]
    soon: list[DueItem]
    paused: list[DueItem]

    @property
    def counts(self) -> dict[str, int]:
        return {"overdue": len(self.overdue), "today": len(self.today), "soon": len(self.soon),
                "paused": len(self.paused)}


_WAITING_KEYS = ("correction_period", "consultation_reply", "fee_payment")


def _waiting_on(result: ClockResult) -> Limit | None:
    """While the clock is stopped, the limit the office is waiting on (correction, opinion, fee)."""
    waiting = [limit for key in _WAITING_KEYS for limit in result.all(key)
               if limit.done_on is None and not limit.superseded]
    dated = [limit for limit in waiting if limit.due is not None]
    # A period from a delivery not yet recorded has no date; it is still what the office waits on.
    return (dated or waiting or [None])[0]


_URGENT = (clock.OVERDUE, clock.DUE_TODAY, clock.DUE_SOON, clock.PAUSED)


def _pick(result: ClockResult, today: dt.date, cal) -> tuple[Limit, str] | None:
    """The limit a case is listed under: the most urgent one; at equal urgency a legal limit before
    the township's internal step limits (a missed legal limit is the official failing)."""
    ranked = []
    for limit in result.limits:
        if not limit.shown:
            continue
        level = clock.urgency(limit, today, cal)
        left = clock.days_left(limit, today, cal)
        ranked.append(((clock.URGENCY_ORDER.index(level), not limit.legal,
                        left if left is not None else 10**6), limit, level))
    if not ranked:
        return None
    _, limit, level = min(ranked, key=lambda r: r[0])
    return limit, level


def due_overview(today: dt.date | None = None, refresh: bool = False) -> DueOverview:
    """Open cases that are overdue, due today, due within 3 working days, or paused — legal limits
    before internal ones, then fewest working days left first — each with the limit concerned.

    Read from the stored limits (store.limits): only cases whose stored limits do not hold on
    `today` are counted now; with `refresh` (and `today` being today) those are stored too."""
    from app.services.work_calendar import catch_up
    from app.store.db import snapshot

    catch_up()  # the district changed its calendar: every open case is counted again (docs/district.md)
    today = today or dt.date.today()
    cal, cfg = _calendar(), office.load()
    soon_before = cal.add_working_days(today, clock.SOON_WORKING_DAYS + 1)  # every due_soon date is before it
    stored = None
    if refresh and today == dt.date.today():
        with snapshot():
            uncounted = limit_store.uncounted(today, _fingerprint(cfg))
            counted = _count_open(today, uncounted) if uncounted else []
            if not counted:  # nothing to store: this reading is the one listed
                stored = limit_store.most_urgent(today, soon_before, _WAITING_KEYS)
        _store_unchanged(counted, today)  # a case saved meanwhile stored its own limits: read them all
    if stored is None:
        with snapshot():  # one reading of the file
            uncounted = limit_store.uncounted(today, _fingerprint(cfg))
            counted = _count_open(today, uncounted) if uncounted else []
            stored = limit_store.most_urgent(today, soon_before, _WAITING_KEYS)
    cases = _cases_from(stored, counted)
    out = DueOverview([], [], [], [])
    buckets = {clock.OVERDUE: out.overdue, clock.DUE_TODAY: out.today, clock.DUE_SOON: out.soon,
               clock.PAUSED: out.paused}
    for case_id, (case_no, name, limits) in cases.items():
        result = ClockResult(tuple(limits))
        picked = _pick(result, today, cal)
        if picked is None or picked[1] not in buckets:
            continue
        limit, level = picked
        if level == clock.PAUSED:
            limit = _waiting_on(result) or limit
        buckets[level].append(DueItem(case_id, case_no, name, limit, level, clock.days_left(limit, today, cal)))
    for bucket in buckets.values():
        bucket.sort(key=lambda i: (not i.limit.legal, i.days_left if i.days_left is not None else 10**6, i.case_no))
    return out
