"""舆情 use cases: record an item and the steps of handling it, its hour limits and warnings, the
home page's countdowns, the weekly report (一周一报告), the immediate report of an important item
(即时呈报) and the period's summary table. Every change is audited.

Rules: app/domain/opinion.py (本乡政务公开舆情应对工作制度; 国办发〔2016〕61号; 富阳区实施意见第4条;
docs/legal/duties.md).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path

from app.domain import clock
from app.domain import opinion as rules
from app.domain.clock import Limit
from app.domain.dates import cn_date, cn_datetime, cn_duration
from app.domain.opinion import Item, ItemData
from app.services import kept_files
from app.services import settings as office
from app.services.errors import NotFound, ServiceError, ValidationError, YearLocked
from app.store import audit, files
from app.store import opinion as store
from app.store.db import atomic
from app.store.ledger import year_lock
from app.store.review import add_document

ENTITY = "opinion_item"
WEEKLY_TEMPLATE = "政务舆情周报.docx"
IMMEDIATE_TEMPLATE = "重要政务舆情即时呈报单.docx"
WEEKLY_KIND = "政务舆情周报"
IMMEDIATE_KIND = "重要政务舆情即时呈报单"
DOCUMENT_KINDS = (WEEKLY_KIND, IMMEDIATE_KIND)
FOLDER = "舆情"


def _now(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now()).replace(microsecond=0)


def get(item_id: int) -> Item:
    item = store.get_item(item_id)
    if item is None:
        raise NotFound(f"找不到编号为 {item_id} 的舆情")
    return item


def _unlocked(year: int) -> None:
    if year_lock(year) is not None:
        raise YearLocked(f"{year}年度已归档锁定，该年度的舆情记录为只读。如需修改，请先在“台账与归档”页面解除锁定并说明理由。")


def _changes(old: ItemData | None, new: ItemData) -> dict:
    before = asdict(old) if old else {}
    return {k: [before.get(k), v] for k, v in asdict(new).items() if before.get(k) != v}


def _clean(data: ItemData) -> ItemData:
    found = data.found_at.replace(second=0, microsecond=0) if data.found_at else None
    return ItemData(found, data.source, data.source_detail.strip(), data.title.strip(), data.summary.strip(),
                    data.link.strip(), data.concerned.strip(), data.level, bool(data.emergency), data.notes.strip())


def create(data: ItemData, now: dt.datetime | None = None, attachment: Path | str | None = None) -> Item:
    """Register an item found in the media, on a platform, by referral … (its limits start at
    ``found_at``). An attached file is kept with it."""
    data = _clean(data)
    errors = rules.validate(data, _now(now))
    if errors:
        raise ValidationError(errors)
    _unlocked(data.found_at.year)
    with atomic():
        item_id = store.insert_item(data)
        audit.record(ENTITY, item_id, "登记舆情", _changes(None, data))
    if attachment:
        return attach(item_id, attachment)
    return get(item_id)


def update(item_id: int, data: ItemData, now: dt.datetime | None = None) -> Item:
    """Save edits; the audit keeps old and new values. The moment found may not move past a step."""
    old = get(item_id)
    data = _clean(data)
    errors = rules.validate(data, _now(now)) or rules.check_changed_found_at(old, data)
    if errors:
        raise ValidationError(errors)
    _unlocked(old.data.found_at.year)
    _unlocked(data.found_at.year)
    changes = _changes(old.data, data)
    if not changes:
        return old
    with atomic():
        store.update_item(item_id, data)
        audit.record(ENTITY, item_id, "修改舆情", changes)
    return get(item_id)


def attach(item_id: int, source: Path | str) -> Item:
    """Keep a copy of a file (screenshot, the article, a 网信 抄告单) with the item."""
    item = get(item_id)
    _unlocked(item.data.found_at.year)
    path, digest = kept_files.keep(source, f"{FOLDER}/{item.no}")
    with atomic():
        store.set_attachment(item_id, path, digest)
        audit.record(ENTITY, item_id, "添加附件", {"attachment": [item.attachment or None, path]})
    return get(item_id)


def attachment_path(item_id: int) -> Path | None:
    item = get(item_id)
    return kept_files.absolute(item.attachment) if item.attachment else None


def record_step(item_id: int, key: str, at: dt.datetime | None, person: str, values: dict[str, str],
                now: dt.datetime | None = None) -> Item:
    """Record one step with who and when (module docstring of app/domain/opinion.py for the order)."""
    item = get(item_id)
    at = at.replace(second=0, microsecond=0) if at else None
    values = {k: str(v).strip() for k, v in values.items() if str(v).strip()}
    errors = rules.check_step(item, key, at, person, values, _now(now))
    if errors:
        raise ValidationError(errors)
    _unlocked(item.data.found_at.year)
    with atomic():
        step_id = store.add_step(item_id, key, at, person.strip(), values)
        audit.record(ENTITY, item_id, rules.STEP_LABELS[key],
                     {"step": [None, step_id], "at": [None, at], "person": [None, person.strip()],
                      **{k: [None, v] for k, v in values.items()}})
    return get(item_id)


# ---------------------------------------------------------------- lists


@dataclass(frozen=True)
class OpinionRow:
    """One line of the 舆情 page and of the home page's countdowns."""

    item: Item
    status: str
    limits: tuple[Limit, ...]
    urgent: Limit | None       # the most pressing limit still running
    state: str                 # its hour urgency (overdue / due_soon / ok), or done
    warnings: tuple[str, ...]


def _row(item: Item, now: dt.datetime) -> OpinionRow:
    running = rules.running(item, now)
    urgent, state = running[0] if running else (None, clock.DONE)
    return OpinionRow(item, rules.status(item), tuple(rules.limits(item)), urgent, state,
                      tuple(rules.warnings(item, now)))


def rows(text: str = "", now: dt.datetime | None = None, year: int | None = None) -> list[OpinionRow]:
    """Every item with its limits at ``now``, latest found first."""
    now = _now(now)
    return [_row(item, now) for item in store.items(text, year)]


def row(item_id: int, now: dt.datetime | None = None) -> OpinionRow:
    return _row(get(item_id), _now(now))


def attention(now: dt.datetime | None = None) -> list[OpinionRow]:
    """For the home page: items with a limit still running, most pressing first (overdue, then the
    nearest moment)."""
    now = _now(now)
    out = [r for r in (_row(i, now) for i in store.open_items()) if r.urgent is not None]
    out.sort(key=lambda r: (clock.URGENCY_ORDER.index(r.state), r.urgent.due_at))
    return out


def year_items(year: int) -> list[Item]:
    first = dt.datetime(year, 1, 1)
    return store.found_between(first, first.replace(year=year + 1))


# ---------------------------------------------------------------- the reports (templates)


def _handling_text(item: Item) -> str:
    """处置情况 in one line: the status and the response (how, where, when)."""
    respond = item.first(rules.RESPOND)
    if respond is not None:
        how = respond.values.get("how", "")
        return f"已于{cn_datetime(respond.at)}{how}（{respond.values.get('where', '')}）"
    closed = item.first(rules.CLOSE)
    if closed is not None:
        return f"已办结：{closed.values.get('result', '')}"
    investigated = item.first(rules.INVESTIGATE)
    if investigated is not None:
        return f"{rules.status(item)}：{investigated.values.get('proposal', '')}"
    return rules.status(item)


def weekly_context(day: dt.date, today: dt.date | None = None) -> dict:
    """The placeholders of 政务舆情周报 for the week (Monday–Sunday) holding ``day``."""
    monday, sunday = rules.week_bounds(day)
    week = store.found_between(dt.datetime.combine(monday, dt.time()),
                               dt.datetime.combine(sunday + dt.timedelta(days=1), dt.time()))
    ordinary = [i for i in week if not i.important]
    important = [i for i in week if i.important]
    cfg = office.load()
    entries = [{"序号": str(n), "编号": i.no, "发现时间": cn_datetime(i.data.found_at),
                "来源": "，".join(p for p in (i.data.source, i.data.source_detail) if p),
                "内容": i.data.title + (f"：{i.data.summary}" if i.data.summary else ""),
                "涉及": i.data.concerned, "处置": _handling_text(i)} for n, i in enumerate(ordinary, start=1)]
    note = (f"；另有重要政务舆情{len(important)}条（{'、'.join(i.no for i in important)}），已按规定即时呈报"
            if important else "")
    return {"机关名称": cfg.office_name, "周起": cn_date(monday), "周止": cn_date(sunday),
            "填报日期": cn_date(today or dt.date.today()), "条数": str(len(ordinary)), "重要说明": note,
            "条目": entries, "经办人": cfg.handler, "分管领导": cfg.leader}


def _limit_line(lim: Limit, now: dt.datetime) -> str:
    state = clock.hour_urgency(lim, now)
    if state == clock.DONE:
        tail = f"已于{cn_datetime(lim.done_at)}完成" + ("（超时）" if lim.late else "")
    else:
        tail = f"{clock.HOUR_URGENCY_LABELS[state]}，{cn_duration(clock.time_left(lim, now))}"
    return f"{lim.label}：{cn_datetime(lim.due_at)}前（{tail}）"


def immediate_context(item: Item, now: dt.datetime) -> dict:
    """The placeholders of 重要政务舆情即时呈报单 for ``item`` at ``now``."""
    d = item.data
    cfg = office.load()
    level = d.level + ("（涉及特别重大、重大突发事件）" if d.emergency else "")
    limits = [_limit_line(lim, now) for lim in rules.limits(item) if not lim.superseded]
    # The investigation's written material has its own row below.
    done = [f"{cn_datetime(s.at)} {s.label}（{s.person}）" + (f"：{s.summary()}" if s.summary() and
                                                               s.key != rules.INVESTIGATE else "")
            for s in item.steps]
    investigated = item.first(rules.INVESTIGATE)
    proposal = ([f"调查结果：{investigated.values.get('findings', '')}",
                 f"事实真相：{investigated.values.get('facts', '')}",
                 f"处置意见：{investigated.values.get('proposal', '')}"] if investigated else ["（涉事科室调查中）"])
    return {"机关名称": cfg.office_name, "编号": item.no, "呈报时间": cn_datetime(now), "标题": d.title,
            "发现时间": cn_datetime(d.found_at), "来源": d.source, "来源详情": d.source_detail, "涉及": d.concerned,
            "级别": level, "主要内容": d.summary, "链接": d.link, "时限": limits, "已办": done or ["（尚无）"],
            "处置意见": proposal, "经办人": cfg.handler or audit.operator()}


def _render(template_name: str, context: dict, target: Path, kind: str, year: int, made_on: dt.date) -> Path:
    """Render a report through the notices' one sandboxed renderer and record it among the documents."""
    from app.services import templates  # noqa: PLC0415 - docxtpl is loaded only when printing

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        templates.render(templates.form_template(template_name), context, target)
    except OSError as exc:
        raise ServiceError(f"无法保存文件 {target}（是否已在 Word/WPS 中打开？）：{exc.strerror or exc}") from None
    recorded = kept_files.relative(target)
    with atomic():
        if not Path(recorded).is_absolute():
            files.keep(files.DOCUMENTS, recorded, target)  # every desk of a server's office reaches it
        add_document(None, kind, made_on, recorded, kept_files.sha256(target), audit.operator(), year=year)
    return target


def weekly_report(day: dt.date, out: Path | str | None = None, today: dt.date | None = None) -> Path:
    """一周一报告: the week's ordinary items as a Word document (本乡舆情应对工作制度 四(一))."""
    monday, sunday = rules.week_bounds(day)
    context = weekly_context(day, today)
    name = f"政务舆情周报（{monday:%Y%m%d}-{sunday:%Y%m%d}）.docx"
    target = Path(out) if out else kept_files.new_path(f"{FOLDER}/周报", name)
    path = _render(WEEKLY_TEMPLATE, context, target, WEEKLY_KIND, monday.year, today or dt.date.today())
    with atomic():
        audit.record(ENTITY, f"week:{monday.isoformat()}", "生成政务舆情周报", {"path": [None, str(path)]})
    return path


def immediate_report(item_id: int, out: Path | str | None = None, now: dt.datetime | None = None) -> Path:
    """即时呈报: an important item reported to the leaders at once (四(一)), as a Word document."""
    item = get(item_id)
    if not item.urgent_kind:
        raise ServiceError("一般政务舆情按周报告（一周一报告）；即时呈报单用于重要舆情和突发事件舆情")
    now = _now(now)
    name = f"重要政务舆情即时呈报单-{item.no}-{now:%Y%m%d%H%M}.docx"
    target = Path(out) if out else kept_files.new_path(f"{FOLDER}/{item.no}", name)
    path = _render(IMMEDIATE_TEMPLATE, immediate_context(item, now), target, IMMEDIATE_KIND, item.data.found_at.year,
                   now.date())
    with atomic():
        audit.record(ENTITY, item_id, "生成即时呈报单", {"path": [None, kept_files.relative(path)]})
    return path


# ---------------------------------------------------------------- the period's table (.xlsx)

SUMMARY_COLUMNS = ("编号", "发现时间", "来源", "媒体或平台", "标题", "涉及科室或村居", "级别", "突发事件", "回应时限",
                   "回应时间", "是否按时", "状态")


def summary_rows(items: list[Item]) -> list[list[str]]:
    out = []
    for i in items:
        binding = next((lim for lim in rules.limits(i) if lim.key in rules.RESPOND_KEYS and not lim.superseded), None)
        respond = i.first(rules.RESPOND)
        on_time = rules.responded_in_time(i)
        out.append([i.no, cn_datetime(i.data.found_at), i.data.source, i.data.source_detail, i.data.title,
                    i.data.concerned, i.data.level, "是" if i.data.emergency else "否",
                    cn_datetime(binding.due_at) if binding else "", cn_datetime(respond.at) if respond else "",
                    {True: "按时", False: "超时", None: ""}[on_time], rules.status(i)])
    return out


def export_summary(year: int, out: Path | str, quarter: int | None = None) -> Path:
    """The quarter's or year's items and figures as .xlsx (one sheet of items, one of figures)."""
    from app.services.xlsx import write_table

    first, last = rules.quarter_bounds(year, quarter) if quarter else (dt.date(year, 1, 1), dt.date(year, 12, 31))
    items = rules.found_between(year_items(year), first, last)
    s = rules.summary(items)
    period = f"{year}年第{quarter}季度" if quarter else f"{year}年度"
    figures = [["发现舆情", s.total], ["其中重要舆情", s.important], ["涉及突发事件", s.emergency],
               ["已回应", s.responded], ["按时回应", s.in_time], ["超时回应", s.late],
               ["未回应即办结", s.unanswered_closed], ["尚未办结", s.open], ["召开新闻发布会", s.press_conferences]]
    figures += [[f"来源：{k}", v] for k, v in sorted(s.by_source.items())]
    title = f"{office.load().office_name}{period}政务舆情回应情况统计表"
    return write_table(Path(out), title, [("舆情明细", SUMMARY_COLUMNS, summary_rows(items)),
                                          ("统计", ("项目", "数量"), figures)])
