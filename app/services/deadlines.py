"""Each case's limits from its timeline, the cached nearest limit, and what is due (home page).

The limits themselves are computed by app.domain.clock on the office's calendar
(app.services.calendar); this module only gathers a case's dated events for it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain import clock
from app.domain.clock import ClockInput, ClockResult, InternalLimits, Limit, Pause
from app.domain.request import CONCLUDED_STATUSES, Case, TimelineEntry
from app.domain.settings import OfficeSettings
from app.services import settings as office
from app.store import register as store

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


def refresh_case(case_id: int) -> None:
    """Recompute one case's cached binding answer limit (shown and sorted in the register list)."""
    case = store.get(case_id)
    if case is None:
        return
    # Against today: an open consultation or fee pause whose term has run out no longer stops the clock.
    result = case_limits(case_id, dt.date.today())
    values = _cache_values(case, result)
    store.set_due(case_id, values["due_on"], values["due_key"])


def _count_open(day: dt.date, snapshot: list | None = None) -> list[tuple[Case, ClockResult]]:
    """Every open case with its limits counted against `day`, from one reading of the register."""
    cal, cfg = _calendar(), office.load()
    cases = store.open_cases_with_timelines() if snapshot is None else snapshot
    return [(case, clock.compute_limits(clock_input(case, events, cfg), cal, day)) for case, events in cases]


def _refreshed_open_cases() -> list[tuple[Case, ClockResult]]:
    """Count every open case against today and store its cached limit; the counts are returned.

    The counting (seconds with thousands of open cases) runs outside any write, so a clerk saving a
    case meanwhile never waits for it; the write lock is taken only to store the results, and only
    for the cases still exactly as they were read: a case saved meanwhile keeps the limit its own
    save stored."""
    from app.store.db import atomic

    snapshot = store.open_cases_with_timelines()
    counted = _count_open(dt.date.today(), snapshot)
    read = {case.id: (case, events) for case, events in snapshot}
    with atomic():
        still = {case.id: (case, events) for case, events in store.open_cases_with_timelines()}
        unchanged = [(case.id, _cache_values(case, result)) for case, result in counted
                     if still.get(case.id) == read[case.id]]
        store.set_dues([(case_id, v["due_on"], v["due_key"]) for case_id, v in unchanged])
    return counted


def open_case_limits(day: dt.date) -> list[tuple[Case, ClockResult]]:
    """Every open case with its limits counted against `day` (read only; nothing is stored)."""
    return _count_open(day)


def refresh_open_cases() -> int:
    """Recompute every open case (after a calendar or settings change, an import, and daily when the
    home page is shown, so a pause that ran out its term shows its resumed limit); returns how many."""
    return len(_refreshed_open_cases())


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


def _waiting_on(result: ClockResult) -> Limit | None:
    """While the clock is stopped, the limit the office is waiting on (correction, opinion, fee)."""
    waiting = [limit for key in ("correction_period", "consultation_reply", "fee_payment") for limit in result.all(key)
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

    `refresh`: the register list's cached limits are brought up to date too (refresh_open_cases),
    from the same reading and count when `today` is today."""
    today = today or dt.date.today()
    counted = _refreshed_open_cases() if refresh else None
    if counted is None or today != dt.date.today():
        counted = _count_open(today)
    cal = _calendar()
    out = DueOverview([], [], [], [])
    buckets = {clock.OVERDUE: out.overdue, clock.DUE_TODAY: out.today, clock.DUE_SOON: out.soon,
               clock.PAUSED: out.paused}
    for case, result in counted:
        case_id = case.id
        picked = _pick(result, today, cal)
        if picked is None or picked[1] not in buckets:
            continue
        limit, level = picked
        if level == clock.PAUSED:
            limit = _waiting_on(result) or limit
        buckets[level].append(DueItem(case_id, case.case_no, case.name, limit, level,
                                      clock.days_left(limit, today, cal)))
    for bucket in buckets.values():
        bucket.sort(key=lambda i: (not i.limit.legal, i.days_left if i.days_left is not None else 10**6, i.case_no))
    return out
