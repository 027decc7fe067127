"""The working-day calendar (工作日) that every legal and internal limit is counted on.

Working days are Monday–Friday, minus the statutory holidays, plus the weekend days that the
State Council's yearly notice (国务院办公厅关于部分节假日安排的通知) turns into working days
(调休上班). The holiday schedule comes from the ``holidays`` package (``holidays.China``); the
office's own entries (``overrides``) always win over it. See docs/legal/holidays.md.

Confirmed years. A year's schedule is known for certain ("confirmed") when

* the office marked it confirmed (``confirmed_years``, e.g. after typing in the year's notice), or
* the ``holidays`` package has that year's published notice. The package has no explicit flag,
  so the rule is: the package lists at least one 调休 working day dated in that year or in the
  following year. Every notice from 2001 to 2026 moved at least one weekend day, and a later
  year's notice is never published before an earlier one, so this never marks a year confirmed
  from the package's rule-based festival dates alone (which is all it has for unpublished years).

A year is confirmed by the office only through an explicit act that checks the schedule is complete
(``schedule_problems``: every statutory holiday of 全国年节及纪念日放假办法 present, the State
Council notice named as the source); importing a file never confirms a year.

An unconfirmed year is counted from weekends and the statutory holidays themselves (the days fixed
by 全国年节及纪念日放假办法第二条: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆), without 补假 and
without 调休 (those only the year's notice fixes), with the office's overrides still applied;
callers must flag such dates 未确认 and say what was assumed (``assumption_note``;
docs/legal/requests.md, 法定期限).
For a year the office confirmed but the package has not published, the office's overrides are the
whole schedule (weekends plus overrides), because the package's festival guesses lack 调休.

Speed. Limits for many cases are computed at once (list views, reports), so the calendar keeps one
contiguous span of years as two flat lists: the ordinals of all working days, and for every day
of the span the number of working days up to and including it. Adding N working days and
counting working days between two dates are then two list look-ups; ``holidays`` is asked once
per year, lazily. A calendar is immutable from the outside: to change overrides, build a new one.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Mapping
from typing import NamedTuple

__all__ = ["WorkCalendar", "NOTICE_SOURCE", "STATUTORY_HOLIDAYS", "statutory_holidays", "assumption_note",
           "schedule_problems"]

NOTICE_SOURCE = "国务院办公厅通知"
# 全国年节及纪念日放假办法第二条: the holidays for all citizens, in calendar order.
STATUTORY_HOLIDAYS: tuple[str, ...] = ("元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆")
# How holidays.China names them (zh_CN); 农历除夕 is a day of 春节 since the 2024 revision.
_PACKAGE_NAMES = {"元旦": "元旦", "农历除夕": "春节", "春节": "春节", "清明节": "清明", "劳动节": "劳动节",
                  "端午节": "端午", "中秋节": "中秋", "国庆节": "国庆"}
_MEMO_LIMIT = 100_000  # entries per n; plenty for decades of dates
_WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


class _PackageYear(NamedTuple):
    """What ``holidays.China`` says about one year (dates in that year only)."""

    days_off: dict[int, str]  # ordinal -> holiday name, as printed by the package in zh_CN
    makeup_days: frozenset[int]  # ordinals of 调休上班 weekend days


class _Span(NamedTuple):
    """Precomputed working days for the years lo..hi, replaced as a whole when it grows."""

    lo: int
    hi: int
    base: int  # ordinal of 1 January of year lo
    days: list[int]  # ordinals of working days, ascending
    rank: list[int]  # rank[o - base] = number of working days <= o within the span
    unsure: list[int]  # unsure[o - base] = number of days <= o lying in unconfirmed years


def _weekday(ordinal: int) -> int:
    # date.fromordinal(1) is a Monday, so this equals date.weekday() without building a date.
    return (ordinal - 1) % 7


class WorkCalendar:
    """China's working days (docs/legal/holidays.md) with the office's overrides winning over the package."""

    def __init__(
        self,
        overrides: Mapping[dt.date, tuple[bool, str]] | None = None,
        confirmed_years: Iterable[int] = (),
    ) -> None:
        """``overrides``: date -> (is_working_day, note, e.g. 国办发明电〔2026〕X号).
        ``confirmed_years``: years whose schedule the office has entered and confirmed."""
        self._overrides: dict[int, tuple[bool, str]] = {
            d.toordinal(): (bool(work), str(note or "")) for d, (work, note) in (overrides or {}).items()
        }
        self._office_years = frozenset(int(y) for y in confirmed_years)
        self._package: dict[int, _PackageYear] = {}
        self._confirmed: dict[int, bool] = {}
        self._years: dict[int, list[int]] = {}
        self._span: _Span | None = None
        # n -> start -> (due, unconfirmed years)
        self._memo: dict[int, dict[dt.date, tuple[dt.date, tuple[int, ...]]]] = {}
        self._lock = threading.RLock()

    # ----------------------------------------------------------------- confirmed years

    def is_confirmed(self, year: int) -> bool:
        """True when the year's holiday schedule is known for certain (see the module docstring)."""
        known = self._confirmed.get(year)
        if known is None:
            known = year in self._office_years or self.package_has_year(year)
            self._confirmed[year] = known
        return known

    def package_has_year(self, year: int) -> bool:
        """True when ``holidays.China`` carries the State Council notice for ``year``."""
        return bool(self._package_year(year).makeup_days or self._package_year(year + 1).makeup_days)

    def unconfirmed_years_after(self, start: dt.date, end: dt.date) -> tuple[int, ...]:
        """Unconfirmed years among the days in (start, end], i.e. those a count from ``start`` to
        ``end`` actually looked at; () when end <= start."""
        return self._unsure_years(start.toordinal(), end.toordinal())

    def _unsure_years(self, a: int, b: int) -> tuple[int, ...]:
        if b <= a:
            return ()
        span = self._span
        if span is None or not (span.base <= a and b - span.base < len(span.rank)):
            span = self._cover(a, b)
        unsure = span.unsure
        if unsure[b - span.base] == unsure[a - span.base]:
            return ()
        return self.unconfirmed_years_between(dt.date.fromordinal(a + 1), dt.date.fromordinal(b))

    def unconfirmed_years_between(self, a: dt.date, b: dt.date) -> tuple[int, ...]:
        """Years from a's to b's (inclusive, either order) whose schedule is not confirmed."""
        lo, hi = (a.year, b.year) if a.year <= b.year else (b.year, a.year)
        if lo == hi:
            return () if self.is_confirmed(lo) else (lo,)
        return tuple(y for y in range(lo, hi + 1) if not self.is_confirmed(y))

    # ----------------------------------------------------------------- queries

    def is_working_day(self, d: dt.date) -> bool:
        """Whether ``d`` is a 工作日 (条例 counts every limit in these)."""
        o = d.toordinal()
        span = self._cover(o, o)
        i = o - span.base
        return span.rank[i] != (span.rank[i - 1] if i else 0)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start``; the start day itself is never counted, and a start
        on a rest day changes nothing (docs/legal/requests.md, 法定期限, 期间开始之日不计算在内). n == 0 gives start."""
        if n < 0:
            raise ValueError("n must be >= 0")
        if n == 0:
            return start
        return dt.date.fromordinal(self.add_working_days_ordinal(start.toordinal(), n))

    def add_working_days_flagged(self, start: dt.date, n: int) -> tuple[dt.date, tuple[int, ...]]:
        """``add_working_days`` plus the unconfirmed years the count ran through (show 未确认 when
        non-empty, docs/legal/requests.md, 法定期限). Memoised: a case list asks for the same few hundred dates."""
        memo = self._memo.get(n)
        if memo is None:
            memo = self._memo[n] = {}
        hit = memo.get(start)
        if hit is not None:
            return hit
        if n <= 0:
            hit = (self.add_working_days(start, n), ())
        else:
            s = start.toordinal()
            due = self.add_working_days_ordinal(s, n)
            hit = (dt.date.fromordinal(due), self._unsure_years(s, due))
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        memo[start] = hit
        return hit

    def add_working_days_ordinal(self, start: int, n: int) -> int:
        """``add_working_days`` on proleptic ordinals (n >= 1), for tight loops such as the clock."""
        span = self._span
        if span is None or not (span.base <= start and start - span.base < len(span.rank)):
            span = self._cover(start, start)
        k = span.rank[start - span.base] + n
        while k > len(span.days):
            span = self._grow_to(span.hi + 1)
        return span.days[k - 1]

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Number of working days in (a, b]; negative of the count in (b, a] when b < a."""
        return self.working_days_between_ordinal(a.toordinal(), b.toordinal())

    def working_days_between_ordinal(self, a: int, b: int) -> int:
        """``working_days_between`` on proleptic ordinals."""
        span = self._span
        if span is None or not (span.base <= min(a, b) and max(a, b) - span.base < len(span.rank)):
            span = self._cover(min(a, b), max(a, b))
        return span.rank[b - span.base] - span.rank[a - span.base]

    def next_working_day(self, d: dt.date) -> dt.date:
        """The first working day strictly after ``d`` (where a paused clock resumes, docs/legal/requests.md, 法定期限)."""
        return self.add_working_days(d, 1)

    def working_day_on_or_after(self, d: dt.date) -> dt.date:
        """``d`` if it is a working day, else the next one (a period whose last day is a rest day
        ends on the first working day after it, 民事诉讼法关于期间的规定)."""
        return d if self.is_working_day(d) else self.next_working_day(d)

    def source(self, d: dt.date) -> str:
        """Why ``d`` is or is not a working day, in words a clerk can check against the notice."""
        o = d.toordinal()
        override = self._overrides.get(o)
        if override is not None:
            work, note = override
            return note or ("机关设定：工作日" if work else "机关设定：休息日")
        weekend = _weekday(o) >= 5
        if not self.is_confirmed(d.year):
            holiday = statutory_holidays(d.year).get(d)
            if holiday is not None:
                return (f"{holiday}（法定节假日，全国年节及纪念日放假办法第二条；{d.year}年节假日安排未确认，"
                        "补假和调休尚不确定）")
            kind = f"{_WEEKDAY_NAMES[_weekday(o)]}{'休息' if weekend else '工作日'}"
            return f"{kind}（{d.year}年节假日安排未确认，按周末和法定节假日计算）"
        if self.package_has_year(d.year):
            package = self._package_year(d.year)
            if o in package.makeup_days:
                return f"调休上班（{NOTICE_SOURCE}）"
            name = package.days_off.get(o)
            if name is not None:
                return _with_source(name)
        return "周末休息" if weekend else "工作日"

    # ----------------------------------------------------------------- building

    def _package_year(self, year: int) -> _PackageYear:
        cached = self._package.get(year)
        if cached is None:
            cached = _load_package_year(year)
            self._package[year] = cached
        return cached

    def _year_days(self, year: int) -> list[int]:
        """Ordinals of the working days of one year, ascending (built once per year)."""
        days = self._years.get(year)
        if days is not None:
            return days
        first = dt.date(year, 1, 1).toordinal()
        last = dt.date(year, 12, 31).toordinal()
        if self.is_confirmed(year) and self.package_has_year(year):
            package = self._package_year(year)
            off, on = package.days_off, package.makeup_days
        elif self.is_confirmed(year):
            off, on = {}, frozenset()  # the office's complete schedule is in the overrides
        else:
            off, on = {d.toordinal(): name for d, name in statutory_holidays(year).items()}, frozenset()
        days = []
        overrides = self._overrides
        for o in range(first, last + 1):
            override = overrides.get(o)
            if override is not None:
                work = override[0]
            else:
                work = o in on or (_weekday(o) < 5 and o not in off)
            if work:
                days.append(o)
        self._years[year] = days
        return days

    def _cover(self, a: int, b: int) -> _Span:
        """The span, grown if needed so that it holds the ordinals a..b."""
        span = self._span
        if span is not None and span.base <= a and b - span.base < len(span.rank):
            return span
        lo_year = dt.date.fromordinal(a).year
        hi_year = dt.date.fromordinal(b).year
        if span is not None:
            lo_year, hi_year = min(lo_year, span.lo), max(hi_year, span.hi)
        return self._rebuild(lo_year, hi_year)

    def _unsure_prefix(self, lo_year: int, hi_year: int) -> list[int]:
        """Running count of days in unconfirmed years, so a range is checked with one subtraction."""
        unsure: list[int] = []
        count = 0
        for year in range(lo_year, hi_year + 1):
            length = dt.date(year, 12, 31).toordinal() - dt.date(year, 1, 1).toordinal() + 1
            if self.is_confirmed(year):
                unsure.extend([count] * length)
            else:
                unsure.extend(range(count + 1, count + length + 1))
                count += length
        return unsure

    def _grow_to(self, hi_year: int) -> _Span:
        span = self._span
        assert span is not None
        return self._rebuild(span.lo, max(hi_year, span.hi))

    def _rebuild(self, lo_year: int, hi_year: int) -> _Span:
        with self._lock:
            base = dt.date(lo_year, 1, 1).toordinal()
            end = dt.date(hi_year, 12, 31).toordinal()
            days: list[int] = []
            for year in range(lo_year, hi_year + 1):
                days.extend(self._year_days(year))
            rank = [0] * (end - base + 1)
            count = 0
            marks = set(days)
            for i in range(len(rank)):
                if base + i in marks:
                    count += 1
                rank[i] = count
            unsure = self._unsure_prefix(lo_year, hi_year)
            # One assignment, so a reader on another thread sees the old span or the new one.
            self._span = _Span(lo_year, hi_year, base, days, rank, unsure)
            return self._span


_statutory_cache: dict[int, dict[dt.date, str]] = {}


def statutory_holidays(year: int) -> dict[dt.date, str]:
    """The days off that 全国年节及纪念日放假办法第二条 itself fixes in ``year`` (元旦 1 day, 春节 from
    除夕 4 days, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3), date → holiday name. No 补假 and no 调休:
    which weekday makes up a holiday falling on a weekend is fixed only by the year's notice.
    The lunar dates come from ``holidays.China``'s rule-based festival dates."""
    cached = _statutory_cache.get(year)
    if cached is None:
        import holidays  # noqa: PLC0415 - deliberately lazy

        table = holidays.China(years=year, language="zh_CN")
        cached = {}
        for day, names in table.items():
            if day.year != year:
                continue
            for name in str(names).split("; "):
                holiday = _PACKAGE_NAMES.get(name.strip())
                if holiday is not None:
                    cached[day] = holiday
                    break
        _statutory_cache[year] = cached
    return dict(cached)


_ASSUMPTION_CACHE: dict[tuple[int, ...], str] = {}


def assumption_note(years: tuple[int, ...]) -> str:
    """What a date in an unconfirmed year was counted on, for its explanation (docs/legal/requests.md, 法定期限)."""
    note = _ASSUMPTION_CACHE.get(years)
    if note is None:
        text = "、".join(f"{y}年" for y in years)
        note = (f"（未确认：{text}节假日安排未确认，已按全国年节及纪念日放假办法将法定节假日当日"
                "（元旦、春节、清明、劳动节、端午、中秋、国庆）计为休息日，未计补假和调休，日期可能变动）")
        _ASSUMPTION_CACHE[years] = note
    return note


_SOURCE_WORDS = ("国务院", "国办")


def schedule_problems(year: int, entries: Mapping[dt.date, tuple[bool, str]], source: str) -> list[str]:
    """Why the office's entries cannot confirm ``year``'s schedule; [] when they can.

    A year is confirmed only from a complete schedule with its source named (docs/legal/requests.md, 法定期限):
    the source names the State Council notice (国务院办公厅关于Y年部分节假日安排的通知); no entry is
    sample data; every holiday of 全国年节及纪念日放假办法第二条 is present (at least one day off
    entered near it) and none of its statutory days is a working day."""
    problems = []
    if not any(word in source for word in _SOURCE_WORDS):
        problems.append("请注明安排的来源：国务院办公厅关于该年度部分节假日安排的通知（名称或文号）")
    own = {d: v for d, v in entries.items() if d.year == year}
    if any("示例" in note for _, note in own.values()):
        problems.append(f"{year}年的安排中有示例数据（备注含“示例”），请按国务院办公厅通知逐日录入或导入正式安排")
    by_holiday: dict[str, list[dt.date]] = {}
    for day, name in sorted(statutory_holidays(year).items()):
        by_holiday.setdefault(name, []).append(day)
    for name in STATUTORY_HOLIDAYS:
        days = by_holiday.get(name)
        if not days:
            continue
        lo, hi = days[0] - dt.timedelta(days=3), days[-1] + dt.timedelta(days=7)
        present = any(lo <= d <= hi and not work for d, (work, _) in own.items())
        worked = [d for d in days if own.get(d, (d.weekday() < 5, ""))[0]]
        if not present or worked:
            problems.append(f"缺少{name}的放假安排（法定节假日：" + "、".join(f"{d.month}月{d.day}日" for d in days) + "）")
    return problems


def _with_source(name: str) -> str:
    """'春节' -> '春节（国务院办公厅通知）'; '清明节（补假）' -> '清明节（补假，国务院办公厅通知）'."""
    if name.endswith("）"):
        return f"{name[:-1]}，{NOTICE_SOURCE}）"
    return f"{name}（{NOTICE_SOURCE}）"


def _load_package_year(year: int) -> _PackageYear:
    """Read one year from ``holidays.China``; imported here because start-up speed matters."""
    import holidays  # noqa: PLC0415 - deliberately lazy

    table = holidays.China(years=year, language="zh_CN")
    days_off = {d.toordinal(): name for d, name in table.items() if d.year == year}
    # weekend_workdays also carries a few old cross-year dates whatever year is asked for.
    makeups = frozenset(d.toordinal() for d in table.weekend_workdays if d.year == year)
    return _PackageYear(days_off, makeups)
