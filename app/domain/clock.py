"""The legal clock: from a case's dated events to its limits (docs/legal/requests.md, 办理流程, 法定期限, 行政争议).

Everything here is a pure function of a ``ClockInput`` (or the dates of a dispute) and a
``WorkCalendar``. Counting rule (docs/legal/requests.md, 法定期限): a limit of N working days is the N-th working
day *after* its start day; the start day is never counted.

How stopped clocks are represented. A ``Limit`` whose clock is not running has ``due=None`` and
``paused=True``; its explanation says why and, for a consultation or fee pause, the date the limit
would fall on if the pause ran its full term. This happens while

* a 补正告知书 has been sent and the corrected request has not arrived (条例第三十条: the answer
  limit only starts when it does), or
* a consultation or fee pause is open: sent, no end date yet, and (when ``today`` is given) its
  15/20 working-day term has not run out. Once the term has run out the clock resumes by itself,
  so the pause is then counted as ending on its last day.

Pauses (consultation: 条例第三十二条、第三十四条, its time not counted: 条例第三十三条第三款; fee:
条例第四十二条, 国办函〔2020〕109号). A pause sent on day S and ending on day E (the day the opinion
arrived / the fee was paid, or the last day of its term, whichever is first) stops the clock for
the working days in (S, E]: day S still counts as used, the clock resumes on the first working day
after E. Overlapping pauses are merged first, so no day is counted twice. A pause that starts after
a limit has already fallen due does not move that limit.

Periods that run from the addressee's receipt (the third party's or agency's 15 working days,
条例第三十二条/第三十四条 "自收到征求意见书之日起"; the applicant's 20 working days to pay,
国办函〔2020〕109号 "自收到收费通知之次日起") count from the day the notice was delivered (送达).
While the delivery is not recorded such a limit has no date (its explanation says why), and a
pause's term is counted from the day sent — the earliest it can end, so the answer clock never
waits longer than the law allows.
"""
from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from app.domain.calendar import WorkCalendar, assumption_note
from app.domain.dates import cn_date

# ------------------------------------------------------------------- vocabulary

CONSULTATION_THIRD_PARTY = "consultation_third_party"
CONSULTATION_AGENCY = "consultation_agency"
FEE = "fee"
PAUSE_KINDS: tuple[str, ...] = (CONSULTATION_THIRD_PARTY, CONSULTATION_AGENCY, FEE)
# Working days each pause may last at most; law, not settings.
PAUSE_TERMS: dict[str, int] = {CONSULTATION_THIRD_PARTY: 15, CONSULTATION_AGENCY: 15, FEE: 20}

ANSWER_DAYS = 20  # 条例第三十三条第二款
EXTENSION_DAYS = 20  # 条例第三十三条第二款
CORRECTION_NOTICE_DAYS = 7  # 条例第三十条

RECONSIDERATION = "reconsideration"
LITIGATION = "litigation"
RECONSIDERATION_REPLY_WORKING_DAYS = 10  # 行政复议法第四十八条、第八十八条第二款 (working days)
LITIGATION_REPLY_CALENDAR_DAYS = 15  # 行政诉讼法第六十七条 (calendar days)
TOWNSHIP_REPLY_WORKING_DAYS = 10  # 本乡行政争议处置工作流程 (docs/legal/sources.md): 答辩状 within 10 working days

OVERDUE = "overdue"
DUE_TODAY = "due_today"
DUE_SOON = "due_soon"
PAUSED = "paused"
OK = "ok"
LAPSED = "lapsed"
DONE = "done"
SUPERSEDED = "superseded"
URGENCY_LABELS: dict[str, str] = {
    OVERDUE: "已超期",
    DUE_TODAY: "今日到期",
    DUE_SOON: "3个工作日内到期",
    PAUSED: "暂停计算",
    OK: "正常",
    LAPSED: "已过（不再适用）",
    DONE: "已办结",
    SUPERSEDED: "已由其他期限取代",
}
# Most pressing first; used to pick the one state a case list shows.
URGENCY_ORDER: tuple[str, ...] = (OVERDUE, DUE_TODAY, DUE_SOON, PAUSED, OK, LAPSED, DONE, SUPERSEDED)
SOON_WORKING_DAYS = 3


# ------------------------------------------------------------------- data in


class Pause(NamedTuple):
    """A consultation (征求意见) or fee notice (收费通知) that stops the answer clock."""

    start: dt.date  # the day the request for opinion / fee notice was sent
    end: dt.date | None = None  # the day the opinion arrived / fee was paid (or lapsed); None while waiting
    kind: str = CONSULTATION_THIRD_PARTY
    delivered_on: dt.date | None = None  # the day the addressee received it (送达); None: not recorded
    lapsed: bool = False  # a fee notice left unpaid past its term (the case is then closed as 6.2)


@dataclass(frozen=True, slots=True)
class InternalLimits:
    """The township's own step limits in working days (docs/legal/sources.md; settings with these defaults)."""

    accept: int = 1  # 受理登记, after receipt
    review: int = 2  # 审查, after receipt
    draft: int = 7  # 拟答复意见 or 延期意见, after (corrected) receipt
    proactive_scope: int = 5  # 主动公开范围的告知, after (corrected) receipt
    sign: int = 3  # 送签, after the draft answer


DEFAULT_INTERNAL = InternalLimits()


@dataclass(frozen=True, slots=True)
class ClockInput:
    """A case's dated events, as far as the clock cares (docs/legal/requests.md, 法定期限).

    ``extended`` is True or the day the 延期答复告知书 was sent. ``custom_due`` is the later date the
    office fixed under 条例第三十五条. ``draft_done_on`` starts the 送签 limit; without it the
    送签 limit counts from the 拟答复 limit. ``correction_due`` is the last 补正期限 the office gave
    the applicant in writing (a re-issued 补正告知书 may give a later one; the office is bound by
    it); without it the 补正期限 is ``correction_period_days`` working days after the notice.
    """

    received_on: dt.date
    correction_sent_on: dt.date | None = None
    corrected_on: dt.date | None = None
    correction_period_days: int = 15
    correction_due: dt.date | None = None
    pauses: tuple[Pause, ...] = ()
    extended: bool | dt.date = False
    custom_due: dt.date | None = None
    internal: InternalLimits = field(default=DEFAULT_INTERNAL)
    answered_on: dt.date | None = None
    registered_on: dt.date | None = None
    reviewed_on: dt.date | None = None
    draft_done_on: dt.date | None = None
    signed_on: dt.date | None = None


# ------------------------------------------------------------------- data out


class Limit(NamedTuple):
    """One limit of a case. ``due`` is None while its clock is stopped (then ``paused`` is True)."""

    key: str
    label: str
    due: dt.date | None
    explanation: str
    legal: bool
    start: dt.date | None = None  # the day counting started from (not itself counted)
    unconfirmed_years: tuple[int, ...] = ()
    paused: bool = False
    done_on: dt.date | None = None  # when the step was done; the limit no longer runs
    optional: bool = False  # only binds if the step is needed (补正告知, 主动公开范围告知)
    superseded: bool = False  # replaced by another limit (延期, 另定期限, the earlier 答辩 limit)
    # An hour limit (docs/legal/duties.md, 以小时计的期限) runs to a moment, not to the end of a day:
    # ``due_at`` is that moment (``due`` its day) and ``done_at`` when the step was done.
    due_at: dt.datetime | None = None
    done_at: dt.datetime | None = None

    @property
    def unconfirmed(self) -> bool:
        """True when the date rests on a year whose holiday schedule is not loaded (show 未确认)."""
        return bool(self.unconfirmed_years)

    @property
    def shown(self) -> bool:
        """Whether a screen should show this limit as the binding one."""
        return not self.superseded

    @property
    def late(self) -> bool:
        """Done, but after the due date (after the due moment, for an hour limit)."""
        if self.due_at is not None and self.done_at is not None:
            return self.done_at > self.due_at
        return self.done_on is not None and self.due is not None and self.done_on > self.due

    @property
    def in_hours(self) -> bool:
        """Whether this limit is counted in hours on the calendar (a moment), not in working days."""
        return self.due_at is not None


class ClockResult(NamedTuple):
    """All limits of one case, legal and internal, in the order a case view lists them."""

    limits: tuple[Limit, ...]

    def get(self, key: str) -> Limit | None:
        """The first limit with this key (consultation and fee limits may repeat: use ``all``)."""
        for limit in self.limits:
            if limit.key == key:
                return limit
        return None

    def all(self, key: str) -> tuple[Limit, ...]:
        """Every limit with this key."""
        return tuple(limit for limit in self.limits if limit.key == key)

    @property
    def answer(self) -> Limit:
        """The binding answer limit: 另定期限 (art. 35) over 延期 over the 20-day limit (art. 33)."""
        for key in ("custom_answer", "extended", "answer"):
            limit = self.get(key)
            if limit is not None:
                return limit
        raise LookupError("no answer limit")  # pragma: no cover - compute_limits always adds one


_tuple_new = tuple.__new__


_LIMIT_WIDTH = len(Limit._fields)
_LIMIT_DEFAULTS = tuple(Limit._field_defaults[name] for name in Limit._fields[5:])


def _limit(*fields: object) -> Limit:
    """``Limit(*fields)`` positionally, skipping the generated ``__new__`` (the clock builds
    several limits per case, for every case of a list at once). A date resting on an unconfirmed
    year gets the assumption it was counted on added to its explanation (docs/legal/requests.md, 未确认:
    say what was assumed)."""
    if len(fields) < _LIMIT_WIDTH:
        fields += _LIMIT_DEFAULTS[len(fields) - _LIMIT_WIDTH:]
    if fields[6]:
        fields = fields[:3] + (str(fields[3]) + assumption_note(fields[6]),) + fields[4:]  # type: ignore[arg-type]
    return _tuple_new(Limit, fields)  # type: ignore[arg-type]


# ------------------------------------------------------------------- explanations
# Fixed per rule and setting, so cached: the clock runs over every case in a list at once.

_PAUSE_RULES = {
    CONSULTATION_THIRD_PARTY: ("征求第三方意见期限", "条例第三十二条：第三方应自收到征求意见书之日起15个工作日内提出意见，逾期视为不提出意见"),
    CONSULTATION_AGENCY: ("征求其他机关意见期限", "条例第三十四条：被征求意见机关应自收到征求意见书之日起15个工作日内提出意见，逾期视为同意"),
    FEE: ("缴费期限", "条例第四十二条、国办函〔2020〕109号：申请人应自收到收费通知之次日起20个工作日内缴费，逾期视为放弃申请"),
}
# Why paused time is not counted toward the answer limit, per kind of pause.
_PAUSE_BASIS = {
    CONSULTATION_THIRD_PARTY: ("征求意见", "条例第三十三条第三款"),
    CONSULTATION_AGENCY: ("征求意见", "条例第三十三条第三款"),
    FEE: ("缴费", "条例第四十二条、国办函〔2020〕109号"),
}
_UNDELIVERED_TEXT = "；送达日期尚未登记，该期限自收到之日起计算，登记送达日期后显示到期日"
_PAUSE_NAMES = {CONSULTATION_THIRD_PARTY: "征求第三方意见", CONSULTATION_AGENCY: "征求其他机关意见", FEE: "缴费"}


@lru_cache(maxsize=16)
def _internal_texts(cfg: InternalLimits) -> tuple[str, str, str, str, str]:
    """Explanations of the five internal limits, in the order accept, review, draft, scope, sign."""
    return (
        f"本机关流程：收到申请后{cfg.accept}个工作日内受理登记",
        f"本机关流程：收到申请后{cfg.review}个工作日内完成审查，需补正的制作补正告知书",
        f"本机关流程：自收到申请之日起{cfg.draft}个工作日内提出拟答复意见或延期意见",
        f"本机关流程：属于主动公开范围的，{cfg.proactive_scope}个工作日内书面告知获取途径",
        f"本机关流程：拟答复意见形成后{cfg.sign}个工作日内送分管领导审签",
    )


_DEFAULT_INTERNAL_TEXTS = _internal_texts(DEFAULT_INTERNAL)
_PROACTIVE_LABEL = "告知获取途径（主动公开范围）"


@lru_cache(maxsize=64)
def _correction_period_text(days: int) -> str:
    return f"条例第三十条：申请人应在补正期限内补正（本机关设定自补正告知书发出之日起{days}个工作日）"


_CORRECTION_GIVEN_TEXT = "条例第三十条：申请人应在本机关书面告知的补正期限内补正（以最后一次告知的补正期限为准）"


@lru_cache(maxsize=256)
def _answer_text(corrected: bool, paused_days: int, kinds: frozenset[str] = frozenset()) -> str:
    if corrected:
        text = "条例第三十条、第三十三条：自收到补正后的申请之日起20个工作日内答复"
    else:
        text = "条例第三十三条：自收到申请之日起20个工作日内答复"
    if paused_days:
        parts = dict.fromkeys(_PAUSE_BASIS[k] for k in PAUSE_KINDS if k in kinds)
        what = "、".join(name for name, _ in parts)
        basis = "；".join(f"{name}：{law}" if len(parts) > 1 else law for name, law in parts)
        text += f"；{what}期间{paused_days}个工作日不计算在内（{basis}）"
    return text


_CORRECTION_NOTICE_TEXT = "条例第三十条：申请内容不明确的，应自收到申请之日起7个工作日内一次性告知补正"
_EXTENDED_TEXT = "条例第三十三条：经批准延期的，自原答复期限届满之日起延长不超过20个工作日"
_CUSTOM_TEXT = "条例第三十五条：申请理由合理但无法在规定期限内答复的，确定合理期限并告知申请人"
_AWAITING_CORRECTION_TEXT = "条例第三十条：已发补正告知书，答复期限自收到补正后的申请之日起重新计算"


# ------------------------------------------------------------------- pauses


class _PauseSpan(NamedTuple):
    """A pause reduced to what the clock needs: working days in (start, end] are paused."""

    start: int  # ordinal of the day sent
    end: int  # ordinal of the last paused day
    open: bool  # no end yet and the term has not run out
    kinds: frozenset[str] = frozenset()  # the kinds of pause merged into this span


def pause_term_end(pause: Pause, calendar: WorkCalendar) -> dt.date:
    """The last day of a pause's term: 15 working days for a consultation, 20 for a fee, counted
    from the day the addressee received the notice (条例第三十二条、第三十四条; 国办函〔2020〕109号),
    or from the day sent while the delivery is not recorded (the earliest the term can end)."""
    return calendar.add_working_days(pause.delivered_on or pause.start, PAUSE_TERMS[pause.kind])


def _pause_spans(pauses: Sequence[Pause], calendar: WorkCalendar, today: dt.date | None) -> list[_PauseSpan]:
    """Each pause as (sent, min(ended, term end)], merged so overlaps are not counted twice
    (条例第三十三条第三款：征求意见所需时间不计算在答复期限内; 国办函〔2020〕109号 for fees)."""
    spans = []
    for pause in pauses:
        term_end = pause_term_end(pause, calendar).toordinal()
        kinds = frozenset((pause.kind,))
        if pause.end is not None:
            end = min(max(pause.end.toordinal(), pause.start.toordinal()), term_end)
            spans.append(_PauseSpan(pause.start.toordinal(), end, False, kinds))
        else:
            expired = today is not None and today.toordinal() > term_end
            spans.append(_PauseSpan(pause.start.toordinal(), term_end, not expired, kinds))
    spans.sort()
    merged: list[_PauseSpan] = []
    for span in spans:
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = _PauseSpan(last.start, max(last.end, span.end), last.open or span.open,
                                    last.kinds | span.kinds)
        else:
            merged.append(span)
    return merged


class _Run(NamedTuple):
    due: int  # ordinal
    paused_days: int
    blocked: bool  # an open pause stops the clock before the limit is reached
    kinds: frozenset[str] = frozenset()  # the kinds of pause that stopped it


def _run_clock(start: int, days: int, spans: Sequence[_PauseSpan], calendar: WorkCalendar) -> _Run:
    """The day on which ``days`` running working days after ``start`` are used up, skipping
    paused spans. An open span reached before then blocks the clock; ``due`` is then the day the
    limit falls on if the pause runs its full term."""
    cursor, remaining, paused, blocked = start, days, 0, False
    kinds: frozenset[str] = frozenset()
    between = calendar.working_days_between_ordinal
    for span in spans:
        if span.end <= cursor:
            continue  # over before the count started (e.g. before a corrected request)
        begin = max(span.start, cursor)
        available = between(cursor, begin)
        if remaining <= available:
            break  # the limit falls before this pause begins, so it cannot move it
        remaining -= available
        stopped = between(begin, span.end)
        if stopped:
            paused += stopped
            kinds |= span.kinds
        blocked = blocked or span.open
        cursor = span.end
    return _Run(calendar.add_working_days_ordinal(cursor, remaining), paused, blocked, kinds)


# ------------------------------------------------------------------- the case clock


def compute_limits(inp: ClockInput, calendar: WorkCalendar, today: dt.date | None = None) -> ClockResult:
    """All limits of a case (docs/legal/requests.md, 办理流程, 法定期限): 补正 (条例第三十条), 答复 and 延期 (第三十三条),
    另定期限 (第三十五条), consultation and fee pauses (第三十二条、第三十四条, 国办函〔2020〕109号) and
    the township's internal step limits. ``today`` only decides whether an open pause has run out
    its term (then the clock has resumed by itself); without it an open pause stops the clock."""
    received, answered = inp.received_on, inp.answered_on
    sent = inp.correction_sent_on
    awaiting = sent is not None and inp.corrected_on is None
    start = inp.corrected_on or received

    due, unsure = calendar.add_working_days_flagged(received, CORRECTION_NOTICE_DAYS)
    limits = [_limit("correction_notice", "补正告知期限", due, _CORRECTION_NOTICE_TEXT, True, received, unsure,
                    False, sent or answered, True)]
    if sent is not None:
        limits.append(_correction_period_limit(inp, sent, calendar))
    limits += _awaiting_correction_answer(inp) if awaiting else _answer_limits(inp, start, calendar, today)
    for pause in inp.pauses:
        limits.append(_pause_limit(pause, calendar, answered))
    limits += _internal_limits(inp, start, awaiting, calendar)
    return ClockResult(tuple(limits))


def same_limits_between(inp: ClockInput, calendar: WorkCalendar, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The days [first, until) around ``today`` on which ``compute_limits(inp, calendar, day)`` gives
    what it gives for ``today`` (None: no bound). Only an open pause that runs out its term changes
    a case's limits by itself, the day after the term's last day; so limits counted once hold until
    then (services.deadlines keeps them)."""
    first = until = None
    for pause in inp.pauses:
        if pause.end is not None:
            continue
        expires = pause_term_end(pause, calendar) + dt.timedelta(days=1)
        if today >= expires:
            first = expires if first is None else max(first, expires)
        else:
            until = expires if until is None else min(until, expires)
    return first, until


def compute_many(
    inputs: Iterable[ClockInput], calendar: WorkCalendar, today: dt.date | None = None
) -> list[ClockResult]:
    """``compute_limits`` for many cases at once (list views, reminders, the CLI, reports).

    Python's cyclic garbage collector is paused for the batch: each case yields several tuples,
    which the collector would otherwise walk again and again while the batch grows (it costs more
    than the arithmetic). Nothing built here can form a reference cycle, so reference counting
    frees all of it; the collector's previous state is restored afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return [compute_limits(inp, calendar, today) for inp in inputs]
    finally:
        if was_enabled:
            gc.enable()


def answer_due(inp: ClockInput, calendar: WorkCalendar, today: dt.date | None = None) -> dt.date | None:
    """The binding answer date (条例第三十三条, 第三十条, 第三十五条), or None while the clock is
    stopped (awaiting the corrected request, or an open consultation/fee pause)."""
    if inp.custom_due is not None:
        return inp.custom_due
    if inp.correction_sent_on is not None and inp.corrected_on is None:
        return None
    start = (inp.corrected_on or inp.received_on).toordinal()
    spans = _pause_spans(inp.pauses, calendar, today) if inp.pauses else []
    days = ANSWER_DAYS + (EXTENSION_DAYS if _is_extended(inp) else 0)
    run = _run_clock(start, days, spans, calendar)
    return None if run.blocked else dt.date.fromordinal(run.due)


def _is_extended(inp: ClockInput) -> bool:
    return inp.extended is not False and inp.extended is not None


def _unconfirmed(calendar: WorkCalendar, start: dt.date, due: dt.date) -> tuple[int, ...]:
    # The count looks at days in (start, due], so the start day's own year does not matter.
    return calendar.unconfirmed_years_after(start, due)


def _days_limit(
    key: str, label: str, start: dt.date, days: int, text: str, legal: bool, calendar: WorkCalendar,
    done_on: dt.date | None = None, optional: bool = False,
) -> Limit:
    """A plain limit: the ``days``-th working day after ``start`` (start day not counted)."""
    due, unconfirmed = calendar.add_working_days_flagged(start, days)
    return _limit(key, label, due, text, legal, start, unconfirmed, False, done_on, optional)


def _correction_period_limit(inp: ClockInput, sent: dt.date, calendar: WorkCalendar) -> Limit:
    """补正期限 (条例第三十条): the last date the office gave in writing, else N working days after the
    补正告知书 was sent (N is a setting). The office is bound by the date it gave."""
    if inp.correction_due is not None:
        due = inp.correction_due
        return _limit("correction_period", "补正期限", due, _CORRECTION_GIVEN_TEXT, True, sent,
                      _unconfirmed(calendar, sent, due), False, inp.corrected_on)
    days = inp.correction_period_days
    return _days_limit("correction_period", "补正期限", sent, days, _correction_period_text(days), True, calendar,
                       inp.corrected_on)


def _awaiting_correction_answer(inp: ClockInput) -> list[Limit]:
    """While the corrected request is awaited the answer clock has not started (条例第三十条)."""
    limits = [_limit("answer", "答复期限", None, _AWAITING_CORRECTION_TEXT, True, None, (), True, inp.answered_on)]
    if inp.custom_due is not None:
        limits.append(_custom_limit(inp, inp.received_on, None))
    return limits


def _answer_limits(inp: ClockInput, start: dt.date, calendar: WorkCalendar, today: dt.date | None) -> list[Limit]:
    """答复期限 (条例第三十三条), the 延期 limit 20 working days after it, and the 条例第三十五条 date."""
    extended, custom = _is_extended(inp), inp.custom_due is not None
    answered = inp.answered_on
    text = _answer_text(inp.corrected_on is not None, 0)
    if not inp.pauses:  # the common case: two look-ups, no pause arithmetic
        due, unsure = calendar.add_working_days_flagged(start, ANSWER_DAYS)
        limits = [_limit("answer", "答复期限", due, text, True, start, unsure, False, answered, False, extended or custom)]
        if extended:
            ext_due, ext_unsure = calendar.add_working_days_flagged(due, EXTENSION_DAYS)
            limits.append(_limit("extended", "延期答复期限", ext_due, _extended_text(inp, due), True, start,
                                _unconfirmed(calendar, start, ext_due), False, answered, False, custom))
    else:
        spans = _pause_spans(inp.pauses, calendar, today)
        start_o = start.toordinal()
        run = _run_clock(start_o, ANSWER_DAYS, spans, calendar)
        text = _answer_text(inp.corrected_on is not None, run.paused_days, run.kinds)
        limits = [_clock_limit("answer", "答复期限", start, run, text, answered, extended or custom, calendar)]
        if extended:
            ext = _run_clock(start_o, ANSWER_DAYS + EXTENSION_DAYS, spans, calendar)
            original = None if run.blocked else dt.date.fromordinal(run.due)
            limits.append(_clock_limit("extended", "延期答复期限", start, ext, _extended_text(inp, original),
                                       answered, custom, calendar))
    if custom:
        limits.append(_custom_limit(inp, start, calendar))
    return limits


def _extended_text(inp: ClockInput, original_due: dt.date | None) -> str:
    """条例第三十三条: the extension must be told before the first limit passes; say so if it was not."""
    if isinstance(inp.extended, dt.date) and original_due is not None and inp.extended > original_due:
        return _EXTENDED_TEXT + "（注意：延期告知晚于原答复期限）"
    return _EXTENDED_TEXT


def _clock_limit(
    key: str, label: str, start: dt.date, run: _Run, text: str,
    done: dt.date | None, superseded: bool, calendar: WorkCalendar,
) -> Limit:
    """A limit from a paused run; an open pause leaves ``due`` None and names the latest date."""
    due = dt.date.fromordinal(run.due)
    unsure = _unconfirmed(calendar, start, due)
    if run.blocked:
        note = f"{text}；暂停计算中，意见或缴费到达后的下一个工作日恢复计算，如期满未到最迟为{cn_date(due)}"
        return _limit(key, label, None, note, True, start, unsure, True, done, False, superseded)
    return _limit(key, label, due, text, True, start, unsure, False, done, False, superseded)


def _custom_limit(inp: ClockInput, start: dt.date, calendar: WorkCalendar | None) -> Limit:
    """The later date fixed under 条例第三十五条; taken as given, it is the office's decision."""
    assert inp.custom_due is not None
    unconfirmed = _unconfirmed(calendar, start, inp.custom_due) if calendar is not None else ()
    return _limit("custom_answer", "另定答复期限", inp.custom_due, _CUSTOM_TEXT, True, start, unconfirmed,
                 False, inp.answered_on)


def _pause_limit(pause: Pause, calendar: WorkCalendar, answered: dt.date | None) -> Limit:
    """The consultation reply limit (条例第三十二条/第三十四条) or fee payment limit (国办函〔2020〕109号),
    counted from the day the notice was delivered; without a recorded delivery it has no date.
    A lapsed fee notice was not paid: its limit is only done when the case is."""
    label, text = _PAUSE_RULES[pause.kind]
    key = "fee_payment" if pause.kind == FEE else "consultation_reply"
    done = answered if pause.lapsed else (pause.end or answered)
    if pause.delivered_on is None:
        return _limit(key, label, None, text + _UNDELIVERED_TEXT, True, None, (), False, done)
    return _days_limit(key, label, pause.delivered_on, PAUSE_TERMS[pause.kind],
                       text + f"（自{cn_date(pause.delivered_on)}送达起算）", True, calendar, done)


def _internal_limits(inp: ClockInput, start: dt.date, awaiting: bool, calendar: WorkCalendar) -> list[Limit]:
    """The township's step limits (docs/legal/sources.md). Accept and review count from the first receipt; the
    later steps from the (corrected) request, and they wait while a correction is awaited."""
    cfg, received, answered = inp.internal, inp.received_on, inp.answered_on
    texts = _DEFAULT_INTERNAL_TEXTS if cfg is DEFAULT_INTERNAL else _internal_texts(cfg)
    flagged = calendar.add_working_days_flagged
    due, unsure = flagged(received, cfg.accept)
    limits = [_limit("internal_accept", "受理登记", due, texts[0], False, received, unsure, False,
                    inp.registered_on or answered)]
    due, unsure = flagged(received, cfg.review)
    limits.append(_limit("internal_review", "审查", due, texts[1], False, received, unsure, False,
                        inp.reviewed_on or inp.correction_sent_on or answered))
    draft_done = inp.draft_done_on or answered
    sign_done = inp.signed_on or answered
    if awaiting:
        limits.append(_limit("internal_draft", "拟答复意见", None, texts[2], False, None, (), True, draft_done))
        limits.append(_limit("internal_proactive_scope", _PROACTIVE_LABEL, None, texts[3], False, None, (), True,
                            answered, True))
        if inp.draft_done_on is None:
            limits.append(_limit("internal_sign", "送签", None, texts[4], False, None, (), True, sign_done))
            return limits
    else:
        draft_due, unsure = flagged(start, cfg.draft)
        limits.append(_limit("internal_draft", "拟答复意见", draft_due, texts[2], False, start, unsure, False,
                            draft_done))
        due, unsure = flagged(start, cfg.proactive_scope)
        limits.append(_limit("internal_proactive_scope", _PROACTIVE_LABEL, due, texts[3], False, start, unsure,
                            False, answered, True))
    # 送签 counts from the draft answer; without its date, from the 拟答复 limit (本乡依申请公开办理工作流程 五、送签).
    sign_start = inp.draft_done_on or draft_due
    due, unsure = flagged(sign_start, cfg.sign)
    limits.append(_limit("internal_sign", "送签", due, texts[4], False, sign_start, unsure, False, sign_done))
    return limits


# ------------------------------------------------------------------- disputes (docs/legal/requests.md, 行政争议)


def dispute_limits(
    kind: str, copy_received_on: dt.date, calendar: WorkCalendar, forwarded_on: dt.date | None = None,
) -> tuple[Limit, ...]:
    """Limits after a 复议申请书副本 / 起诉状副本 arrives (docs/legal/requests.md, 行政争议).

    * The legal outer limit. 行政复议: 行政复议法（2023）第四十八条 gives 十日 from receipt of the
      申请书副本, and 第八十八条第二款 says the law's 三日、五日、七日、十日 are 工作日, not counting
      statutory holidays: the 10th working day after receipt. 行政诉讼: 行政诉讼法第六十七条 gives
      15 days from receipt of the 起诉状副本, calendar days from the day after receipt, moved to the
      next working day when the last day is a rest day (行政诉讼法第一百零一条 applies the
      民事诉讼法 rules on 期间).
    * The township's own limit (本乡行政争议处置工作流程, docs/legal/sources.md): the 答辩状 within 10 working days of
      receiving the copy, for 复议 and 诉讼 alike.
    * The section's 5-working-day evidence limit, counted from ``forwarded_on`` (default: the day
      the copy arrived).

    Of the two 答辩 limits the earlier is shown; the other is marked ``superseded`` (on a tie the
    legal one is shown)."""
    if kind == RECONSIDERATION:
        legal_text = ("行政复议法第四十八条、第八十八条第二款：自收到行政复议申请书副本之日起10日内提出书面答复，"
                      "“十日”指工作日，不含法定休假日")
        paper = "复议"
        legal_due = calendar.add_working_days(copy_received_on, RECONSIDERATION_REPLY_WORKING_DAYS)
    elif kind == LITIGATION:
        legal_text = ("行政诉讼法第六十七条：自收到起诉状副本之日起15日内提交证据和答辩状"
                      "（自然日，期间届满的最后一日是法定休假日的，以其后的第一日为期间届满的日期）")
        paper = "诉讼"
        legal_due = calendar.working_day_on_or_after(
            copy_received_on + dt.timedelta(days=LITIGATION_REPLY_CALENDAR_DAYS))
    else:
        raise ValueError(f"unknown dispute kind: {kind!r}")
    internal_due = calendar.add_working_days(copy_received_on, TOWNSHIP_REPLY_WORKING_DAYS)
    legal_first = legal_due <= internal_due
    internal = _limit(
        "dispute_reply_internal", f"答辩状（{paper}，本机关流程）", internal_due,
        "本机关流程：收到副本后10个工作日内会同区复议局拟定答辩状", False, copy_received_on, _unconfirmed(calendar, copy_received_on, internal_due), False, None, False,
        legal_first,
    )
    legal_unsure = _unconfirmed(calendar, copy_received_on, legal_due)
    legal = _limit(
        "dispute_reply_legal", f"答辩期限（{paper}，法定）", legal_due, legal_text,
        True, copy_received_on, legal_unsure, False, None, False, not legal_first,
    )
    evidence_start = forwarded_on or copy_received_on
    evidence = _days_limit(
        "dispute_evidence", "业务科室提供证据", evidence_start, 5,
        "本机关流程：业务科室收到转发的副本后5个工作日内提供证据、依据和其他材料", False, calendar,
    )
    return (legal, internal, evidence) if legal_first else (internal, legal, evidence)


# ------------------------------------------------------------------- reading limits against today


def days_left(limit: Limit, today: dt.date, calendar: WorkCalendar) -> int | None:
    """Working days from ``today`` to the due date: 0 when due today, negative when overdue (at
    least -1 once the date has passed, even over a weekend); None while the clock is stopped."""
    if limit.due is None:
        return None
    if limit.due >= today:
        return calendar.working_days_between(today, limit.due)
    return -max(1, calendar.working_days_between(limit.due, today))


def urgency(limit: Limit, today: dt.date, calendar: WorkCalendar) -> str:
    """Classify a limit for display: overdue / due_today / due_soon (≤3 working days) / paused /
    ok, plus done, superseded, and lapsed (an optional step whose limit passed unused)."""
    if limit.superseded:
        return SUPERSEDED
    if limit.done_on is not None:
        return DONE
    if limit.due is None:
        return PAUSED if limit.paused else OK
    if today > limit.due:
        return LAPSED if limit.optional else OVERDUE
    if today == limit.due:
        return DUE_TODAY
    if calendar.working_days_between(today, limit.due) <= SOON_WORKING_DAYS:
        return DUE_SOON
    return OK


def urgency_rank(limit: Limit, state: str) -> tuple[int, int]:
    """Sorts the most pressing first: the state (overdue before due today …), then the earliest due."""
    return URGENCY_ORDER.index(state), limit.due.toordinal() if limit.due else 10**7


def most_urgent(limits: Iterable[Limit], today: dt.date, calendar: WorkCalendar) -> tuple[Limit, str] | None:
    """The limit a case list should show: the most pressing state, then the earliest due date."""
    best: tuple[int, int, Limit, str] | None = None
    for limit in limits:
        state = urgency(limit, today, calendar)
        rank = urgency_rank(limit, state)
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], limit, state)
    return None if best is None else (best[2], best[3])


# ------------------------------------------------------------------- hour limits (docs/legal/duties.md)
#
# Some limits run in hours from a moment (舆情: 48 hours, 5 hours, 24 hours; 国办发〔2016〕61号,
# docs/legal/duties.md) or to the end of the day something happened (当天). They run on the
# calendar, through nights, weekends and holidays: 民法典第二百零一条 counts a period in hours from
# the moment it starts, and nothing moves its end to a working day. They are ``Limit``s like the
# others, with ``due_at`` set, so lists, tooltips and the audit read them the same way.

SOON_HOURS = 6  # an hour limit this close (or closer) is shown as 即将到期
HOUR_URGENCY_LABELS: dict[str, str] = {**URGENCY_LABELS, OVERDUE: "已超时", DUE_SOON: f"{SOON_HOURS}小时内到期"}


def day_end(moment: dt.datetime) -> dt.datetime:
    """24:00 of the day of ``moment`` (0:00 of the next day): the end of "当天"."""
    return dt.datetime.combine(moment.date() + dt.timedelta(days=1), dt.time())


def hour_limit(
    key: str, label: str, start: dt.datetime, due_at: dt.datetime, text: str, legal: bool = True,
    done_at: dt.datetime | None = None, superseded: bool = False,
) -> Limit:
    """A limit that falls due at the moment ``due_at``; its ``due`` is the day that moment ends
    (24:00 belongs to the day it closes, not to the next)."""
    due = (due_at - dt.timedelta(microseconds=1)).date()
    return _limit(key, label, due, text, legal, start.date(), (), False, done_at.date() if done_at else None,
                  False, superseded, due_at, done_at)


def hours_limit(
    key: str, label: str, start: dt.datetime, hours: int, text: str, legal: bool = True,
    done_at: dt.datetime | None = None, superseded: bool = False,
) -> Limit:
    """``hours`` hours after ``start``, on the calendar (民法典第二百零一条: from the moment it starts)."""
    return hour_limit(key, label, start, start + dt.timedelta(hours=hours), text, legal, done_at, superseded)


def time_left(limit: Limit, now: dt.datetime) -> dt.timedelta | None:
    """What is left of an hour limit at ``now`` (negative once it has passed); None for a day limit."""
    return None if limit.due_at is None else limit.due_at - now


def hour_urgency(limit: Limit, now: dt.datetime) -> str:
    """Classify an hour limit at ``now``: overdue once the moment has passed, due_soon within
    ``SOON_HOURS``, else ok; done and superseded as for day limits."""
    if limit.superseded:
        return SUPERSEDED
    if limit.done_at is not None or limit.done_on is not None:
        return DONE
    if limit.due_at is None:
        return PAUSED if limit.paused else OK
    if now > limit.due_at:
        return OVERDUE
    if limit.due_at - now <= dt.timedelta(hours=SOON_HOURS):
        return DUE_SOON
    return OK


def binding_first(limits: Sequence[Limit]) -> list[Limit]:
    """Of limits that stand for the same step, the earliest binds and the others are marked
    superseded (on a tie the first listed binds)."""
    if not limits:
        return []
    first = min(range(len(limits)), key=lambda i: (limits[i].due_at or dt.datetime.max, i))
    return [lim if i == first else lim._replace(superseded=True) for i, lim in enumerate(limits)]
