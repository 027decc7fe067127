"""政务舆情 (public-opinion items): what is recorded of one, the steps of handling it, its limits in
hours, and the week's and a period's summaries (docs/legal/duties.md, 舆情回应).

Rules:

* 本乡政务公开舆情应对工作制度 二: items are 一般 or 重要; 重要 are sensitive government matters reported
  by central media, by provincial or city TV or network media with a wide response, or on a
  newspaper's front page or another page (``IMPORTANT_HELP``).
* Same rule 三(一)、四(三): an important item is reported to the 分管领导 at once (第一时间) and
  answered the same day (当天进行回应); 四(一): ordinary items are reported once a week (一周一报告),
  important ones at once (即时呈报); 四(三): the section concerned investigates and puts the findings,
  the facts and its proposal in writing (书面材料：调查结果、事实真相、处置意见), the 主要领导 agrees, and
  the answer is published with one voice (统一向媒体发布).
* 国办发〔2016〕61号 三: other items are answered within 48 hours; for 特别重大、重大突发事件 a press
  conference is held within 24 hours at the latest.
* 富阳区 关于建立健全信息发布和政策解读机制的实施意见 4: for 特别重大、重大突发事件 authoritative
  information within 5 hours at the latest and a press conference within 24 hours (六宣发〔2019〕26号
  四: 第一时间 and 24 hours).

The limits are hour limits of app.domain.clock: they run on the calendar from the moment the item
was found, through nights and holidays. Pure: no storage, no Qt.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.domain import clock
from app.domain.clock import Limit
from app.domain.dates import cn_datetime
from app.domain.validation import link_problem

# ---------------------------------------------------------------- vocabulary

LEVEL_ORDINARY = "一般"
LEVEL_IMPORTANT = "重要"
LEVELS: tuple[str, ...] = (LEVEL_ORDINARY, LEVEL_IMPORTANT)
IMPORTANT_HELP = ("重要政务舆情主要指：一是中央媒体报道的敏感政务事件；二是省市电视或网络媒体报道引起较大反响的敏感政务事件；"
                  "三是纸质媒体头版或其它版面刊发的敏感政务事件等（本乡政务公开舆情应对工作制度 二）。"
                  "重要舆情须第一时间上报分管领导，当天回应。")
EMERGENCY_HELP = ("涉及特别重大、重大突发事件的：最迟5小时内发布权威信息（富阳区实施意见第4条），"
                  "最迟24小时内举行新闻发布会（国办发〔2016〕61号 三）。")

SOURCES: tuple[str, ...] = ("网络媒体", "报刊", "广播电视", "政务新媒体留言", "网信部门抄告", "上级转办", "群众反映", "其他")
RESPONSE_WAYS: tuple[str, ...] = ("发布权威信息", "新闻通稿", "新闻发布会", "接受媒体采访", "政务新媒体发布",
                                  "回复网民留言", "其他")
PRESS_WAY = "新闻发布会"

REPORT = "report"
INVESTIGATE = "investigate"
APPROVE = "approve"
RESPOND = "respond"
PRESS = "press"
FOLLOW = "follow"
CLOSE = "close"
STEPS: tuple[str, ...] = (REPORT, INVESTIGATE, APPROVE, RESPOND, PRESS, FOLLOW, CLOSE)
STEP_LABELS: dict[str, str] = {
    REPORT: "报告分管领导", INVESTIGATE: "涉事科室调查", APPROVE: "主要领导审定口径", RESPOND: "发布回应",
    PRESS: "召开新闻发布会", FOLLOW: "跟踪", CLOSE: "办结",
}
STEP_RULES: dict[str, str] = {
    REPORT: "本乡政务公开舆情应对工作制度 三(一)、四(三)：重要政务舆情第一时间上报分管领导",
    INVESTIGATE: "本乡政务公开舆情应对工作制度 四(三)：涉事科室深入调查，将调查结果、事实真相、处置意见等形成书面材料",
    APPROVE: "本乡政务公开舆情应对工作制度 四(三)：书面材料报政务舆情应对办公室，报主要领导同意后统一向媒体发布",
    RESPOND: "国办发〔2016〕61号 三：通过发布权威信息、召开新闻发布会或吹风会、接受媒体采访等方式回应",
    PRESS: "国办发〔2016〕61号 三：特别重大、重大突发事件最迟24小时内举行新闻发布会",
    FOLLOW: "本乡政务公开舆情应对工作制度 四(三)：密切关注舆情发展态势；国办发〔2016〕61号 三：持续发布权威信息",
    CLOSE: "处置完毕后办结；未发布回应即办结的，写明理由（如经研判无需回应、已由上级统一回应）",
}
REPEATABLE = frozenset({FOLLOW})


@dataclass(frozen=True)
class StepField:
    name: str
    label: str
    required: bool = True
    kind: str = "text"  # text | multiline | choice
    choices: tuple[str, ...] = ()


STEP_FIELDS: dict[str, tuple[StepField, ...]] = {
    REPORT: (StepField("leader", "报告对象（分管领导）"), StepField("how", "报告方式", False)),
    INVESTIGATE: (StepField("section", "调查科室或村居"), StepField("findings", "调查结果", kind="multiline"),
                  StepField("facts", "事实真相", kind="multiline"), StepField("proposal", "处置意见", kind="multiline")),
    APPROVE: (StepField("leader", "审定人（主要领导）"), StepField("wording", "回应口径", kind="multiline")),
    RESPOND: (StepField("how", "回应方式", kind="choice", choices=RESPONSE_WAYS), StepField("where", "发布平台或媒体"),
              StepField("link", "链接", False), StepField("content", "回应内容摘要", False, "multiline")),
    PRESS: (StepField("where", "地点"), StepField("speaker", "发布人"), StepField("link", "链接", False)),
    FOLLOW: (StepField("note", "跟踪情况", kind="multiline"),),
    CLOSE: (StepField("result", "办结情况", kind="multiline"),
            StepField("no_response_reason", "未回应的理由（未发布回应即办结时必填）", False, "multiline")),
}

STATUS_TO_REPORT = "待报告"
STATUS_HANDLING = "处置中"
STATUS_RESPONDED = "已回应"
STATUS_CLOSED = "已办结"
STATUSES: tuple[str, ...] = (STATUS_TO_REPORT, STATUS_HANDLING, STATUS_RESPONDED, STATUS_CLOSED)

RESPOND_HOURS = 48     # 国办发〔2016〕61号 三
AUTHORITATIVE_HOURS = 5  # 富阳区实施意见第4条
PRESS_HOURS = 24       # 国办发〔2016〕61号 三；富阳区实施意见第4条；六宣发〔2019〕26号 四

KEY_REPORT = "opinion_report"
KEY_RESPOND_48 = "opinion_respond_48h"
KEY_RESPOND_DAY = "opinion_respond_day"
KEY_AUTHORITATIVE = "opinion_authoritative"
KEY_PRESS = "opinion_press"
RESPOND_KEYS = frozenset({KEY_RESPOND_48, KEY_RESPOND_DAY, KEY_AUTHORITATIVE})

_TEXT_REPORT = ("本乡政务公开舆情应对工作制度 三(一)、四(三)：重要政务舆情第一时间上报分管领导"
                "（制度未定小时数，本程序以发现当天24时为最迟时点）")
_TEXT_48 = "国办发〔2016〕61号 三：政务舆情应在48小时内予以回应（自发现时起按自然时间连续计算）"
_TEXT_DAY = "本乡政务公开舆情应对工作制度 四(三)：重要政务舆情于当天进行回应（发现当天24时前）"
_TEXT_AUTH = "富阳区实施意见第4条：特别重大、重大突发事件最迟5小时内发布权威信息（六宣发〔2019〕26号 四：第一时间）"
_TEXT_PRESS = "国办发〔2016〕61号 三、富阳区实施意见第4条：特别重大、重大突发事件最迟24小时内举行新闻发布会"


# ---------------------------------------------------------------- data


@dataclass
class ItemData:
    """The editable part of one item."""

    found_at: dt.datetime | None = None  # 发现时间 (date and time: the hour limits count from it)
    source: str = ""                     # 来源: media, platform, 网信 referral, 上级转办 …
    source_detail: str = ""              # the outlet, platform or referring body
    title: str = ""                      # 标题 (one line)
    summary: str = ""                    # 主要内容
    link: str = ""                       # 原文链接
    concerned: str = ""                  # 涉及科室或村居
    level: str = LEVEL_ORDINARY
    emergency: bool = False              # 涉及特别重大、重大突发事件
    notes: str = ""


@dataclass(frozen=True)
class Step:
    """One step taken: who, when, and what the step records (``values`` by StepField name)."""

    id: int
    key: str
    at: dt.datetime
    person: str
    values: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return STEP_LABELS.get(self.key, self.key)

    def summary(self) -> str:
        """The step's own fields in one line, for the timeline and the reports."""
        labels = {f.name: f.label for f in STEP_FIELDS.get(self.key, ())}
        return "；".join(f"{labels.get(k, k)}：{v}" for k, v in self.values.items() if str(v).strip())


@dataclass
class Item:
    id: int
    no: str                     # 舆情编号, e.g. 2026-003
    data: ItemData
    steps: tuple[Step, ...] = ()
    attachment: str = ""        # the attached file (relative to the documents folder), if any

    def first(self, key: str) -> Step | None:
        return next((s for s in self.steps if s.key == key), None)

    @property
    def important(self) -> bool:
        return self.data.level == LEVEL_IMPORTANT

    @property
    def urgent_kind(self) -> bool:
        """重要 or an emergency: reported at once and answered with an approved 口径."""
        return self.important or self.data.emergency


# ---------------------------------------------------------------- validation


def validate(data: ItemData, now: dt.datetime) -> dict[str, str]:
    """Every problem of an item's content, field → Chinese message."""
    errors: dict[str, str] = {}
    if data.found_at is None:
        errors["found_at"] = "请填写发现时间（日期和时刻，如 2026-10-12 17:50）：回应时限自此按小时计算"
    elif data.found_at > now:
        errors["found_at"] = "发现时间不能晚于现在"
    if data.source not in SOURCES:
        errors["source"] = "请选择舆情来源"
    if not data.title.strip():
        errors["title"] = "请填写舆情标题"
    if data.level not in LEVELS:
        errors["level"] = "请选择舆情级别（一般或重要）"
    if problem := link_problem(data.link):
        errors["link"] = problem
    return errors


def check_changed_found_at(item: Item, data: ItemData) -> dict[str, str]:
    """The discovery moment may not move after a step taken before it."""
    earliest = min((s.at for s in item.steps), default=None)
    if data.found_at is not None and earliest is not None and data.found_at > earliest:
        return {"found_at": f"发现时间不能晚于已记录的第一个步骤（{cn_datetime(earliest)}）"}
    return {}


def _prerequisites(item: Item, key: str) -> tuple[str, ...]:
    """The steps that must come before ``key`` (docstring: 四(三) of the township's rule)."""
    needs: list[str] = []
    if key == APPROVE:
        needs.append(INVESTIGATE)
    if key in (RESPOND, PRESS) and item.urgent_kind:
        needs += [REPORT, APPROVE]
    return tuple(needs)


_NEEDS_TEXT = {
    INVESTIGATE: "口径应依据涉事科室的书面调查材料（调查结果、事实真相、处置意见）拟定，请先记录“涉事科室调查”",
    REPORT: "重要舆情、突发事件舆情须第一时间报告分管领导，请先记录“报告分管领导”",
    APPROVE: "重要舆情、突发事件舆情的回应口径须经主要领导同意后统一发布，请先记录“主要领导审定口径”",
}


def check_step(item: Item, key: str, at: dt.datetime | None, person: str, values: dict[str, str],
               now: dt.datetime) -> dict[str, str]:
    """Problems with recording step ``key`` now, field → Chinese message."""
    if key not in STEPS:
        return {"step": f"没有“{key}”这一步骤"}
    if item.first(CLOSE) is not None:
        return {"step": "该舆情已办结，不能再记录步骤"}
    if key not in REPEATABLE and item.first(key) is not None:
        return {"step": f"“{STEP_LABELS[key]}”已记录；后续情况请记录为“跟踪”"}
    for need in _prerequisites(item, key):
        if item.first(need) is None:
            return {"step": _NEEDS_TEXT[need]}
    errors: dict[str, str] = {}
    if not person.strip():
        errors["person"] = "请填写经办人（谁办理了这一步）"
    errors.update(_check_step_time(item, key, at, now))
    errors.update(_check_step_values(item, key, values))
    return errors


def _check_step_time(item: Item, key: str, at: dt.datetime | None, now: dt.datetime) -> dict[str, str]:
    if at is None:
        return {"at": "请填写时间（日期和时刻）"}
    if at > now:
        return {"at": "时间不能晚于现在"}
    found = item.data.found_at
    if found is not None and at < found:
        return {"at": f"时间不能早于发现时间（{cn_datetime(found)}）"}
    before = [s.at for s in item.steps if s.key in _prerequisites(item, key) or key == CLOSE]
    if before and at < max(before):
        return {"at": f"时间不能早于前一步骤（{cn_datetime(max(before))}）"}
    return {}


def _check_step_values(item: Item, key: str, values: dict[str, str]) -> dict[str, str]:
    errors = {}
    for f in STEP_FIELDS[key]:
        text = str(values.get(f.name, "")).strip()
        if f.required and not text:
            errors[f.name] = f"请填写“{f.label}”"
        elif f.kind == "choice" and text and text not in f.choices:
            errors[f.name] = f"“{f.label}”应为以下之一：" + "、".join(f.choices)
    if problem := link_problem(str(values.get("link", ""))):
        errors["link"] = problem
    if key == CLOSE and item.first(RESPOND) is None and not str(values.get("no_response_reason", "")).strip():
        errors["no_response_reason"] = "尚未发布回应：请写明不予回应的理由（如经研判无需回应、已由上级统一回应），或先记录“发布回应”"
    return errors


# ---------------------------------------------------------------- limits


def _response_done(item: Item) -> dt.datetime | None:
    """When the item was answered: the response published, or the close of an item that was not
    answered (its limits no longer run; ``warnings`` says it was closed unanswered)."""
    step = item.first(RESPOND) or item.first(CLOSE)
    return step.at if step else None


def _press_done(item: Item) -> dt.datetime | None:
    press = item.first(PRESS)
    answered = item.first(RESPOND)
    if answered is not None and answered.values.get("how") == PRESS_WAY:
        press = min((s for s in (press, answered) if s), key=lambda s: s.at)
    closed = item.first(CLOSE)
    step = press or closed
    return step.at if step else None


def limits(item: Item) -> list[Limit]:
    """The item's limits, in hours from the moment it was found (module docstring): report (重要 or
    emergency), respond (the earliest of 48 hours, 当天 for 重要, 5 hours for an emergency binds; the
    others are kept, superseded) and the press conference (emergency, 24 hours)."""
    found = item.data.found_at
    if found is None:
        return []
    closed = item.first(CLOSE)
    out: list[Limit] = []
    if item.urgent_kind:
        reported = item.first(REPORT) or closed
        out.append(clock.hour_limit(KEY_REPORT, "报告分管领导", found, clock.day_end(found), _TEXT_REPORT, False,
                                    reported.at if reported else None))
    answered = _response_done(item)
    candidates = [clock.hours_limit(KEY_RESPOND_48, "回应（48小时）", found, RESPOND_HOURS, _TEXT_48, True, answered)]
    if item.important:
        candidates.append(clock.hour_limit(KEY_RESPOND_DAY, "当天回应（重要舆情）", found, clock.day_end(found),
                                           _TEXT_DAY, False, answered))
    if item.data.emergency:
        candidates.append(clock.hours_limit(KEY_AUTHORITATIVE, "发布权威信息（5小时）", found, AUTHORITATIVE_HOURS,
                                            _TEXT_AUTH, True, answered))
    out += clock.binding_first(candidates)
    if item.data.emergency:
        out.append(clock.hours_limit(KEY_PRESS, "举行新闻发布会（24小时）", found, PRESS_HOURS, _TEXT_PRESS, True,
                                     _press_done(item)))
    return out


def running(item: Item, now: dt.datetime) -> list[tuple[Limit, str]]:
    """The limits still running at ``now`` with their urgency, most pressing first."""
    out = [(lim, clock.hour_urgency(lim, now)) for lim in limits(item)]
    out = [(lim, state) for lim, state in out if state in (clock.OVERDUE, clock.DUE_SOON, clock.OK)]
    out.sort(key=lambda p: (clock.URGENCY_ORDER.index(p[1]), p[0].due_at))
    return out


def status(item: Item) -> str:
    if item.first(CLOSE) is not None:
        return STATUS_CLOSED
    if item.first(RESPOND) is not None:
        return STATUS_RESPONDED
    if item.urgent_kind and item.first(REPORT) is None:
        return STATUS_TO_REPORT
    return STATUS_HANDLING


def responded_in_time(item: Item) -> bool | None:
    """True/False once answered (against the binding respond limit); None while not answered."""
    respond = item.first(RESPOND)
    if respond is None:
        return None
    binding = next((lim for lim in limits(item) if lim.key in RESPOND_KEYS and not lim.superseded), None)
    return binding is None or respond.at <= binding.due_at


def warnings(item: Item, now: dt.datetime) -> list[str]:
    """What the list flags on an item (not errors: the record says what happened)."""
    out: list[str] = []
    for lim in limits(item):
        if lim.superseded:
            continue
        if lim.done_at is not None and lim.late:
            out.append(f"{lim.label}超时完成（时限{cn_datetime(lim.due_at)}，实际{cn_datetime(lim.done_at)}）")
        elif lim.done_at is None and now > lim.due_at:
            out.append(f"{lim.label}已超时（时限{cn_datetime(lim.due_at)}）")
    closed = item.first(CLOSE)
    if closed is not None and item.first(RESPOND) is None:
        out.append(f"未发布回应即办结：{closed.values.get('no_response_reason', '')}")
    return out


# ---------------------------------------------------------------- reports


def week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the week holding ``day`` (一周一报告)."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def found_between(items: Iterable[Item], first: dt.date, last: dt.date) -> list[Item]:
    """Items found from ``first`` to ``last`` (both days included), in the order found."""
    chosen = [i for i in items if i.data.found_at and first <= i.data.found_at.date() <= last]
    return sorted(chosen, key=lambda i: (i.data.found_at, i.id))


@dataclass(frozen=True)
class Summary:
    """The figures of a period's items (the quarterly/annual table and the annual report)."""

    total: int
    important: int
    emergency: int
    responded: int
    in_time: int
    late: int
    unanswered_closed: int
    open: int
    press_conferences: int
    by_source: dict[str, int]


def summary(items: Iterable[Item]) -> Summary:
    items = list(items)
    in_time = [responded_in_time(i) for i in items]
    return Summary(
        total=len(items),
        important=sum(1 for i in items if i.important),
        emergency=sum(1 for i in items if i.data.emergency),
        responded=sum(1 for v in in_time if v is not None),
        in_time=sum(1 for v in in_time if v is True),
        late=sum(1 for v in in_time if v is False),
        unanswered_closed=sum(1 for i in items if i.first(CLOSE) and not i.first(RESPOND)),
        open=sum(1 for i in items if i.first(CLOSE) is None),
        press_conferences=sum(1 for i in items if _press_done(i) is not None and (
            i.first(PRESS) or (i.first(RESPOND) and i.first(RESPOND).values.get("how") == PRESS_WAY))),
        by_source=dict(Counter(i.data.source for i in items)),
    )


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of quarter 1–4 of ``year``."""
    first = dt.date(year, 3 * quarter - 2, 1)
    nxt = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return first, nxt - dt.timedelta(days=1)
