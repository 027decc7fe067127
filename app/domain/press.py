"""新闻发布 (press events), 记者问询 (journalists' questions), the roster of 新闻发言人, and the yearly
quota of press conferences (docs/legal/duties.md, 新闻发布).

Rules:

* 富阳区 关于建立健全信息发布和政策解读机制的实施意见 1 ("1+2+N"): at least one press conference each
  half-year, two a year, plus N for major documents, policies, events and emergencies.
* 六宣发〔2019〕26号 二(一) ("4·2·1+N"): at least one press conference each quarter; the spokesperson
  or another responsible person attends a government press conference at least once each half-year;
  the principal leader (主要负责同志) at least once a year; plus N.
* 富阳区实施意见 6: the head of the unit (行政正职) is the 新闻发言人, the leader in charge of publicity
  the 新闻发言人助理; 7: both are reported to the 区委宣传部 within one month of appointment or removal
  (任免后一个月内), and the list with contacts is published regularly.
* 富阳区实施意见 11: a journalist's question is answered within one working day.
* Provincial 实施意见 3: a press conference is approved beforehand (新闻发布会报批制度).

A month runs to the same day of the next month, or its last day (民法典第二百零二条), moved to the
next working day when it falls on a rest day (民法典第二百零三条). Pure: no storage, no Qt.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.calendar import WorkCalendar
from app.domain.clock import Limit
from app.domain.dates import add_months, cn_date

# ---------------------------------------------------------------- vocabulary

CONFERENCE = "新闻发布会"
BRIEFING = "政策吹风会"
INTERVIEW = "媒体采访"
ONLINE = "在线访谈"
GROUP_INTERVIEW = "集体采访"
EVENT_KINDS: tuple[str, ...] = (CONFERENCE, BRIEFING, INTERVIEW, ONLINE, GROUP_INTERVIEW)

OWN = "本机关举办"
GOVERNMENT = "出席政府新闻发布会"  # held by the government's 新闻办 (市/区政府新闻发布会)
HOSTS: tuple[str, ...] = (OWN, GOVERNMENT)

SPOKESPERSON = "新闻发言人"
ASSISTANT = "新闻发言人助理"
LEADER = "分管负责同志"
PRINCIPAL = "主要负责同志"
OTHER_SPEAKER = "其他人员"
SPEAKER_ROLES: tuple[str, ...] = (SPOKESPERSON, ASSISTANT, LEADER, PRINCIPAL, OTHER_SPEAKER)
ROSTER_ROLES: tuple[str, ...] = (SPOKESPERSON, ASSISTANT)

INQUIRY_CHANNELS: tuple[str, ...] = ("电话", "电子邮件", "传真", "当面", "其他")
INQUIRY_DAYS = 1   # 富阳区实施意见第11条
REPORT_MONTHS = 1  # 富阳区实施意见第7条

KEY_INQUIRY = "press_inquiry_reply"
KEY_APPOINTED = "spokesperson_appointed_report"
KEY_REMOVED = "spokesperson_removed_report"


# ---------------------------------------------------------------- data


@dataclass
class EventData:
    held_on: dt.date | None = None
    kind: str = CONFERENCE
    host: str = OWN
    topic: str = ""
    speakers: str = ""                 # names, as printed in the record
    roles: tuple[str, ...] = ()        # who spoke: 新闻发言人, 主要负责同志 …
    approved_by: str = ""              # 报批: who approved it
    approved_on: dt.date | None = None
    materials: str = ""                # 发布稿、答问口径 …
    coverage: str = ""                 # 媒体报道情况
    opinion_id: int | None = None      # the 舆情 it answers, if any ("N")
    notes: str = ""


@dataclass(frozen=True)
class Event:
    id: int
    data: EventData


@dataclass
class InquiryData:
    received_on: dt.date | None = None
    journalist: str = ""
    outlet: str = ""
    contact: str = ""
    channel: str = "电话"
    question: str = ""
    replied_on: dt.date | None = None
    reply: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Inquiry:
    id: int
    data: InquiryData


@dataclass
class PersonData:
    name: str = ""
    role: str = SPOKESPERSON
    post: str = ""                     # 职务
    phone: str = ""
    appointed_on: dt.date | None = None
    appointment_reported_on: dt.date | None = None  # 报送宣传部
    removed_on: dt.date | None = None
    removal_reported_on: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True)
class Person:
    id: int
    data: PersonData

    def serving_on(self, day: dt.date) -> bool:
        d = self.data
        return d.appointed_on is not None and d.appointed_on <= day and (d.removed_on is None or d.removed_on > day)


# ---------------------------------------------------------------- validation


def _not_future(values: dict[str, dt.date | None], labels: dict[str, str], today: dt.date) -> dict[str, str]:
    return {name: f"{labels[name]}不能晚于今天" for name, value in values.items() if value and value > today}


def validate_event(data: EventData, today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.held_on is None:
        errors["held_on"] = "请填写举行日期"
    if data.kind not in EVENT_KINDS:
        errors["kind"] = "请选择发布形式"
    if data.host not in HOSTS:
        errors["host"] = "请选择是本机关举办还是出席政府新闻发布会"
    if not data.topic.strip():
        errors["topic"] = "请填写发布主题"
    if not data.speakers.strip():
        errors["speakers"] = "请填写发布人（出席人）姓名"
    if not data.roles or any(r not in SPEAKER_ROLES for r in data.roles):
        errors["roles"] = "请选择发布人身份（新闻发言人、主要负责同志等）"
    if bool(data.approved_by.strip()) != bool(data.approved_on):
        errors["approved_on" if data.approved_by.strip() else "approved_by"] = "报批请同时填写审批人和审批日期"
    if data.approved_on and data.held_on and data.approved_on > data.held_on:
        errors["approved_on"] = "审批日期不能晚于举行日期（先报批、后发布）"
    errors.update(_not_future({"approved_on": data.approved_on}, {"approved_on": "审批日期"}, today))
    return errors


def event_warnings(data: EventData) -> list[str]:
    """A conference the office held without a recorded approval (省实施意见第3条: 新闻发布会报批制度)."""
    if data.kind == CONFERENCE and data.host == OWN and not data.approved_on:
        return ["未登记报批情况：召开新闻发布会须经同级政府新闻办公室和主管部门审批同意"]
    return []


def validate_inquiry(data: InquiryData, today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.received_on is None:
        errors["received_on"] = "请填写收到问询的日期"
    if not data.outlet.strip():
        errors["outlet"] = "请填写记者所在媒体"
    if not data.question.strip():
        errors["question"] = "请填写问询内容"
    if data.channel not in INQUIRY_CHANNELS:
        errors["channel"] = "请选择问询方式"
    if data.replied_on and data.received_on and data.replied_on < data.received_on:
        errors["replied_on"] = "回复日期不能早于收到日期"
    if data.replied_on and not data.reply.strip():
        errors["reply"] = "请填写回复情况（说明受理情况或答复内容）"
    errors.update(_not_future({"received_on": data.received_on, "replied_on": data.replied_on},
                              {"received_on": "收到日期", "replied_on": "回复日期"}, today))
    return errors


def validate_person(data: PersonData, today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = "请填写姓名"
    if data.role not in ROSTER_ROLES:
        errors["role"] = "请选择新闻发言人或新闻发言人助理"
    if not data.post.strip():
        errors["post"] = "请填写职务（新闻发言人由行政正职担任，助理由分管宣传领导担任）"
    if data.appointed_on is None:
        errors["appointed_on"] = "请填写任命日期"
    pairs = (("appointment_reported_on", data.appointment_reported_on, data.appointed_on, "报送日期不能早于任命日期"),
             ("removed_on", data.removed_on, data.appointed_on, "免职日期不能早于任命日期"),
             ("removal_reported_on", data.removal_reported_on, data.removed_on, "报送日期不能早于免职日期"))
    for name, later, earlier, message in pairs:
        if later and earlier and later < earlier:
            errors[name] = message
    if data.removal_reported_on and not data.removed_on:
        errors["removed_on"] = "登记了免职报送日期，请填写免职日期"
    labels = {"appointed_on": "任命日期", "appointment_reported_on": "报送日期", "removed_on": "免职日期",
              "removal_reported_on": "报送日期"}
    values = {"appointed_on": data.appointed_on, "appointment_reported_on": data.appointment_reported_on,
              "removed_on": data.removed_on, "removal_reported_on": data.removal_reported_on}
    for name, message in _not_future(values, labels, today).items():
        errors.setdefault(name, message)
    return errors


# ---------------------------------------------------------------- limits


def month_limit_due(day: dt.date, calendar: WorkCalendar) -> dt.date:
    """One month after ``day`` (民法典第二百零二条), on the next working day if that is a rest day
    (民法典第二百零三条)."""
    return calendar.working_day_on_or_after(add_months(day, REPORT_MONTHS))


def person_limits(data: PersonData, calendar: WorkCalendar) -> list[Limit]:
    """报送宣传部 within one month of appointment and of removal (富阳区实施意见第7条)."""
    out = []
    for key, label, start, done, what in (
            (KEY_APPOINTED, "任命报送宣传部", data.appointed_on, data.appointment_reported_on, "任命"),
            (KEY_REMOVED, "免职报送宣传部", data.removed_on, data.removal_reported_on, "免职")):
        if start is None:
            continue
        due = month_limit_due(start, calendar)
        text = (f"富阳区实施意见第7条：新闻发言人及新闻发言人助理任免后一个月内将相关信息报送区委宣传部"
                f"（{what}于{cn_date(start)}，一个月至{cn_date(due)}；民法典第二百零二条、第二百零三条）")
        out.append(Limit(key, label, due, text, False, start, calendar.unconfirmed_years_after(start, due),
                         done_on=done))
    return out


def inquiry_limit(data: InquiryData, calendar: WorkCalendar) -> Limit | None:
    """The reply within one working day (富阳区实施意见第11条; the day received not counted)."""
    if data.received_on is None:
        return None
    due, unsure = calendar.add_working_days_flagged(data.received_on, INQUIRY_DAYS)
    return Limit(KEY_INQUIRY, "答复记者问询", due, "富阳区实施意见第11条：对于记者问询，要在一个工作日内予以回复，及时说明受理情况",
                 False, data.received_on, unsure, done_on=data.replied_on)


# ---------------------------------------------------------------- the quota


@dataclass(frozen=True)
class QuotaRule:
    """``required`` events per ``period`` (quarter | half | year) of the given kinds, hosts and roles
    (empty: any)."""

    key: str
    label: str
    period: str
    required: int
    kinds: frozenset[str] = frozenset({CONFERENCE})
    hosts: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    rule: str = ""

    def counts(self, e: EventData) -> bool:
        return (e.kind in self.kinds and (not self.hosts or e.host in self.hosts)
                and (not self.roles or bool(self.roles & set(e.roles))))


PATTERN_1_2_N = "1+2+N"
PATTERN_4_2_1_N = "4·2·1+N"
PATTERNS: dict[str, tuple[QuotaRule, ...]] = {
    PATTERN_1_2_N: (
        QuotaRule("half", "新闻发布会", "half", 1, rule="富阳区实施意见第1条：每半年至少举行1次新闻发布会"),
        QuotaRule("year", "新闻发布会", "year", 2, rule="富阳区实施意见第1条：每年2次"),
    ),
    PATTERN_4_2_1_N: (
        QuotaRule("quarter", "举办新闻发布会", "quarter", 1, hosts=frozenset({OWN}),
                  rule="六宣发〔2019〕26号 二(一)：每季度至少举办一次新闻发布会"),
        QuotaRule("spokesperson", "新闻发言人或相关负责人出席政府新闻发布会", "half", 1, hosts=frozenset({GOVERNMENT}),
                  roles=frozenset({SPOKESPERSON, ASSISTANT, LEADER, PRINCIPAL}),
                  rule="六宣发〔2019〕26号 二(一)：新闻发言人或相关负责人每半年至少出席一次政府新闻发布会"),
        QuotaRule("principal", "主要负责同志出席政府新闻发布会", "year", 1, hosts=frozenset({GOVERNMENT}),
                  roles=frozenset({PRINCIPAL}),
                  rule="六宣发〔2019〕26号 二(一)：部门主要负责同志每年至少出席一次政府新闻发布会"),
    ),
}
DEFAULT_PATTERN = PATTERN_1_2_N
PATTERN_HELP: dict[str, str] = {
    PATTERN_1_2_N: "“1+2+N”（富阳区实施意见第1条）：每半年至少举行1次新闻发布会，每年2次；N为重要文件、重大政策、重大活动和突发事件的发布",
    PATTERN_4_2_1_N: "“4·2·1+N”（六宣发〔2019〕26号）：每季度至少举办一次新闻发布会，新闻发言人每半年至少出席一次政府新闻发布会，"
                     "主要负责同志每年至少出席一次；N为突发事件和热点问题的发布",
}

_PERIOD_NAMES = {"quarter": ("第一季度", "第二季度", "第三季度", "第四季度"), "half": ("上半年", "下半年"),
                 "year": ("全年",)}


def periods(kind: str, year: int) -> list[tuple[str, str, dt.date, dt.date]]:
    """(key, name, first day, last day) of each quarter, half-year or the year."""
    if kind == "year":
        return [(f"{year}", "全年", dt.date(year, 1, 1), dt.date(year, 12, 31))]
    months = 3 if kind == "quarter" else 6
    out = []
    for n, name in enumerate(_PERIOD_NAMES[kind]):
        first = dt.date(year, n * months + 1, 1)
        nxt = dt.date(year + 1, 1, 1) if (n + 1) * months == 12 else dt.date(year, (n + 1) * months + 1, 1)
        tag = f"Q{n + 1}" if kind == "quarter" else f"H{n + 1}"
        out.append((f"{year}-{tag}", name, first, nxt - dt.timedelta(days=1)))
    return out


SHORT = "short"        # the period has ended without the required events
RUNNING = "running"    # the period is running (or to come) and still short
MET = "met"
QUOTA_LABELS = {SHORT: "未完成", RUNNING: "尚缺", MET: "已完成"}


@dataclass(frozen=True)
class QuotaPeriod:
    period: str        # 2026-Q1, 2026-H2, 2026
    name: str          # 第一季度, 下半年, 全年
    rule: QuotaRule
    first: dt.date
    last: dt.date
    required: int
    held: int
    state: str

    @property
    def missing(self) -> int:
        return max(self.required - self.held, 0)

    def text(self) -> str:
        if self.state == MET:
            return f"{self.name}{self.rule.label}：已{self.held}次（要求{self.required}次），已完成"
        word = "未完成" if self.state == SHORT else "尚缺"
        return f"{self.name}{self.rule.label}：已{self.held}次，{word}{self.missing}次（要求{self.required}次）"


def quota(events: Iterable[EventData], pattern: str, year: int, today: dt.date) -> list[QuotaPeriod]:
    """Each period of ``year`` under ``pattern`` with the events held in it (held on or before
    ``today``) against what is required."""
    rules = PATTERNS[pattern]
    held = [e for e in events if e.held_on is not None and e.held_on <= today and e.held_on.year == year]
    out = []
    for rule in rules:
        for key, name, first, last in periods(rule.period, year):
            n = sum(1 for e in held if first <= e.held_on <= last and rule.counts(e))
            state = MET if n >= rule.required else (SHORT if last < today else RUNNING)
            out.append(QuotaPeriod(key, name, rule, first, last, rule.required, n, state))
    return out


def quota_attention(periods_: Iterable[QuotaPeriod], today: dt.date) -> list[QuotaPeriod]:
    """For the home page: the periods still short — the one running now, and those already over."""
    return [p for p in periods_ if p.state == SHORT or (p.state == RUNNING and p.first <= today)]
