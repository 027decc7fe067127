"""Reproducible synthetic cases for demos, screenshots and benchmarks (`demo-data`)."""
from __future__ import annotations

import datetime as dt
import random

from app.domain import ids, outcomes
from app.domain.disputes import (CORRECTED, LITIGATION_AFTER, LITIGATION_DIRECT, OTHER_RESULT, RECONSIDERATION, UPHELD,
                                  is_reconsideration)
from app.domain.request import (
    AWAITING_FEE, CHANNELS, CONSULTING, CORRECTING, DELIVERY_METHODS, EXTENDED, FORMS_WANTED, HANDLING, ORGANISATION,
    ORGANISATION_KINDS, PERSON, REGISTERED, REVIEWING, RequestData, concluded_status, legal_received_on, search_text,
)
from app.domain.settings import format_case_no
from app.services import settings as office
from app.services.register import CASE_SEQUENCE
from app.store import register as store, sequences
from app.store.db import atomic

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌玉兰海燕丹晨浩宇欣怡子涵梓轩"
_TOWNS = ["茅畲乡", "宁溪镇", "头陀镇", "北洋镇", "沙埠镇", "院桥镇"]
_VILLAGES = ["上垟村", "下洋村", "茅畲村", "林家村", "前岸村", "后塘村", "溪口村"]
_COMPANIES = {
    "商业企业": ["台州市黄岩{}建材有限公司", "浙江{}农业开发有限公司", "台州{}模具有限公司"],
    "科研机构": ["浙江省{}农业科学研究所", "台州{}环境研究院"],
    "社会公益组织": ["黄岩区{}志愿者协会", "台州市{}公益基金会"],
    "法律服务机构": ["浙江{}律师事务所", "台州{}法律服务所"],
    "其他": ["{}村股份经济合作社", "黄岩区{}业主委员会"],
}
_TOPICS = [
    ("{v}土地征收补偿安置方案", "请求公开{v}土地征收补偿安置方案及补偿款发放明细"),
    ("{y}年度乡财政预算执行情况", "申请公开{y}年度乡级财政预算及执行情况"),
    ("{v}宅基地审批资料", "申请公开{v}宅基地使用审批的相关文件"),
    ("农村危房改造补助名单", "申请公开{y}年度农村危房改造补助对象名单及标准"),
    ("美丽乡村建设项目招投标文件", "申请公开{v}美丽乡村建设项目的招标公告及中标结果"),
    ("{v}道路硬化工程验收报告", "申请公开{v}道路硬化工程的竣工验收报告"),
    ("低保审批结果", "申请公开本人家庭最低生活保障审批的结果及依据"),
    ("河道整治工程资金使用情况", "申请公开{v}河道整治工程资金使用情况"),
]
_DEPARTMENTS = ["党政办公室", "农业农村办公室", "财政所", "自然资源所", "社会事务办公室", "综合执法队"]
_DOC_CODES = "1234578ABCDEFGHJKLMNPQRTUWXY"
_REGIONS = ["331003", "331002", "331004", "330102", "330106", "110105", "320106"]


def _id_card(rng: random.Random) -> str:
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 52))
    first17 = f"{rng.choice(_REGIONS)}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return first17 + ids.id_card_check_char(first17)


def _uscc(rng: random.Random) -> str:
    first17 = "91" + rng.choice(_REGIONS) + "".join(rng.choice(_DOC_CODES) for _ in range(9))
    return first17 + ids.uscc_check_char(first17)


def _person_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.8:
        return rng.choice(("138", "139", "135", "158", "188", "177")) + f"{rng.randrange(10**8):08d}"
    return f"0576-8{rng.randrange(10**6, 10**7)}"


def _dates(rng: random.Random, channel: str, start: dt.date, span: int) -> tuple[dt.date, dt.date | None]:
    arrived = start + dt.timedelta(days=rng.randrange(span))
    while arrived.weekday() >= 5:
        arrived -= dt.timedelta(days=1)
    if channel == "当面":
        return arrived, None
    return arrived, arrived + dt.timedelta(days=rng.choice((0, 0, 1, 2)))


def make_request(rng: random.Random, start: dt.date, span: int, year: int) -> RequestData:
    """One plausible request arriving within [start, start+span)."""
    kind = "自然人" if rng.random() < 0.72 else rng.choice(ORGANISATION_KINDS)
    channel = rng.choice(CHANNELS)
    arrived, confirmed = _dates(rng, channel, start, span)
    village = rng.choice(_TOWNS) + rng.choice(_VILLAGES)
    info_name, description = rng.choice(_TOPICS)
    data = RequestData(
        applicant_kind=kind, channel=channel, arrived_on=arrived, confirmed_on=confirmed,
        phone=_phone(rng), address=f"浙江省台州市黄岩区{village}{rng.randrange(1, 200)}号",
        postcode="318020", email=f"user{rng.randrange(10**5)}@example.com" if rng.random() < 0.4 else "",
        info_name=info_name.format(v=village, y=year - 1), info_description=description.format(v=village, y=year - 1),
        form_wanted=rng.choice(FORMS_WANTED), delivery_method=rng.choice(DELIVERY_METHODS[:4]),
        department=rng.choice(_DEPARTMENTS), fee_reduction=rng.random() < 0.05,
    )
    if data.delivery_method == "电子邮件" and not data.email:
        data.email = f"user{rng.randrange(10**5)}@example.com"
    if kind == "自然人":
        data.applicant_type, data.name, data.id_type, data.id_number = PERSON, _person_name(rng), "居民身份证", _id_card(rng)
    else:
        data.applicant_type, data.id_type, data.id_number = ORGANISATION, "统一社会信用代码", _uscc(rng)
        data.name = rng.choice(_COMPANIES[kind]).format(rng.choice(["东海", "永宁", "江北", "九峰", "翠屏", "双浦"]))
        data.legal_rep, data.contact_person = _person_name(rng), _person_name(rng)
    return data


def _conclude(rng: random.Random, received: dt.date, today: dt.date, index: int) -> tuple[str | None, dt.date | None, str]:
    """Outcome, answer date and status; every outcome code appears when there are enough cases."""
    answered = received + dt.timedelta(days=rng.randrange(3, 27))  # most within the 20 working days
    recent = (today - received).days < 35
    # Open cases are mostly the recent ones; an old one is now and then left open (overdue), as happens.
    if answered > today or rng.random() < (0.5 if recent else 0.01):
        return None, None, rng.choice((REGISTERED, REVIEWING, HANDLING, CORRECTING, CONSULTING, EXTENDED))
    code = outcomes.CODES[index % len(outcomes.CODES)] if index < 3 * len(outcomes.CODES) else rng.choices(
        outcomes.CODES, weights=[30, 10, 12] + [1] * 8 + [8, 3, 2] + [2] * 5 + [2, 1, 2])[0]
    return code, answered, concluded_status(code)


_CHUNK = 5000  # cases inserted per executemany: memory stays flat however many are asked for


def generate(year: int, count: int, seed: int, today: dt.date | None = None) -> int:
    """Insert `count` cases across `year` (about 5 % carried over from the previous year).

    The same seed gives the same cases. Numbers come from the same yearly sequence as registration;
    everything is written in one transaction, many rows per statement (docs/performance.md).
    Returns the number inserted.
    """
    rng = random.Random(seed)
    today = today or dt.date.today()
    fmt = office.load().case_no_format
    last_day = min(dt.date(year, 12, 31), today)
    span = max((last_day - dt.date(year, 1, 1)).days, 1)
    drafts = []
    for index in range(count):
        carried = index % 20 == 19
        start = dt.date(year - 1, 11, 15) if carried else dt.date(year, 1, 1)
        data = make_request(rng, start, 45 if carried else span, year)
        received = legal_received_on(data.channel, data.arrived_on, data.confirmed_on).date
        if received > today:
            data.arrived_on = data.confirmed_on = received = today
        drafts.append((received, index, data))
    # Numbers follow the order of receipt, as they would at the desk.
    drafts.sort(key=lambda d: (d[0], d[1]))
    per_year: dict[int, int] = {}
    for received, _index, _data in drafts:
        per_year[received.year] = per_year.get(received.year, 0) + 1
    with atomic():
        seqs = {y: sequences.take(CASE_SEQUENCE, y, n) for y, n in sorted(per_year.items())}
        for chunk_start in range(0, len(drafts), _CHUNK):
            chunk = drafts[chunk_start:chunk_start + _CHUNK]
            _insert_chunk(rng, chunk, seqs, fmt, today)
            drafts[chunk_start:chunk_start + _CHUNK] = [None] * len(chunk)  # type: ignore[list-item]
    from app.services import deadlines

    deadlines.refresh_open_cases()
    return count


def _insert_chunk(rng: random.Random, chunk: list, seqs: dict[int, int], fmt: str, today: dt.date) -> None:
    """Cases of one chunk with their timelines and disputes; `seqs` holds each year's next number."""
    from app.store import dispute

    cases, more = [], []
    for received, index, data in chunk:
        seq = seqs[received.year]
        seqs[received.year] = seq + 1
        case_no = format_case_no(fmt, received.year, seq)
        code, answered, status = _conclude(rng, received, today, index)
        if answered and answered > today:
            answered = today
        history = _history(code, received, answered, today)
        if history is None:  # the period that closes it has not run out by today: still open
            code, answered, status = None, None, CORRECTING if code == "6.1" else AWAITING_FEE
        elif history:
            answered = history["answered"]
        cases.append((case_no, received.year, seq, data, received, search_text(case_no, data), status, code,
                      answered))
        # The dispute draws come right after the case's own, as when cases were inserted one by one.
        challenged = bool(code and code[0] in "2345" and rng.random() < 0.12)
        more.append((history, _demo_dispute(rng, answered, today) if challenged else None))
    ids = store.insert_many(cases)
    events: list[tuple] = []
    next_id = [0]  # numbered from 0 here; the ids are taken when the number of entries is known

    def add(case_id: int, kind: str, on: dt.date, summary: str, data: dict) -> int:
        event_id = next_id[0]
        next_id[0] += 1
        events.append((event_id, case_id, kind, on, summary, data, ""))
        return event_id

    disputes = []
    for case_id, (case_no, _y, _s, _d, received, _t, status, code, _a), (history, fought) in zip(ids, cases, more):
        add(case_id, "registered", received, f"登记申请，编号{case_no}（演示数据）", {"case_no": case_no})
        if code is None:
            for event in _demo_progress(status, received, today):
                add(case_id, *event)
        elif history:
            _demo_history(add, case_id, code, history)
        if fought is not None:
            values, event = fought
            disputes.append((case_id, *values))
            add(case_id, *event)
    first = store.reserve_event_ids(len(events))
    store.add_events([(first + event_id, case_id, kind, on, summary,
                       {**data, "ref": first + data["ref"]} if "ref" in data else data, operator)
                      for event_id, case_id, kind, on, summary, data, operator in events])
    dispute.create_many(_DISPUTE_COLUMNS, disputes)


_DISPUTE_COLUMNS = ["request", "kind", "body", "copy_received_on", "result", "decided_on", "reply_filed_on"]


def _history(code: str | None, received: dt.date, answered: dt.date | None,
             today: dt.date) -> dict[str, dt.date] | None:
    """The dated steps that make an outcome lawful (app.domain.outcomes.outcome_refusal): a 补正 asked
    and left unanswered past its period for 6.1 (条例第三十条), asked and answered for 4.3, a fee
    notice delivered and left unpaid past its 20 working days for 6.2 (国办函〔2020〕109号), with the
    answer date moved after the period. {} when the outcome needs none; None when the period would
    end after today (the case stays open)."""
    from app.services.work_calendar import work_calendar

    if code not in ("6.1", "6.2", "4.3") or answered is None:
        return {}
    cal = work_calendar()
    sent = received + dt.timedelta(days=1)
    if code == "4.3":
        return {"sent": sent, "corrected": sent + dt.timedelta(days=1), "answered": max(answered, sent + dt.timedelta(days=1))}
    if code == "6.1":
        due = cal.add_working_days(sent, 15)
        steps = {"sent": sent, "due": due}
    else:
        delivered = sent + dt.timedelta(days=2)
        due = cal.add_working_days(delivered, 20)
        steps = {"sent": sent, "delivered": delivered, "due": due}
    steps["answered"] = max(answered, due + dt.timedelta(days=1))
    return steps if steps["answered"] <= today else None


def _demo_history(add, case_id: int, code: str, steps: dict[str, dt.date]) -> None:
    """Write the steps of _history on the case's timeline (`add` writes one event, returning its id)."""
    from app.services import deadlines as dl

    sent = steps["sent"]
    if code in ("6.1", "4.3"):
        due = steps.get("due") or sent + dt.timedelta(days=21)
        add(case_id, dl.CORRECTION_SENT, sent, "发出补正告知（演示数据）",
            {"items": "所需政府信息的名称或文号", "period_days": 15, "due": due.isoformat()})
        if code == "4.3":
            add(case_id, dl.CORRECTION_RECEIVED, steps["corrected"], "收到补正后的申请（演示数据）", {})
        else:
            add(case_id, dl.CORRECTION_LAPSED, steps["answered"], "申请人逾期未补正（演示数据）", {})
    else:
        fee = add(case_id, dl.FEE_SENT, sent, "发出收费通知书（演示数据）",
                  {"amount": 100, "method": "按件计收", "computed": 100, "steps": [], "pages": None,
                   "override_reason": "", "basis": "按件计收"})
        add(case_id, dl.DELIVERED, steps["delivered"], "收费通知书已送达（演示数据）", {"ref": fee, "method": "邮寄送达"})
        add(case_id, dl.FEE_LAPSED, steps["answered"], "申请人逾期未缴纳费用（演示数据）", {"ref": fee})


def _demo_dispute(rng: random.Random, answered: dt.date, today: dt.date) -> tuple[tuple, tuple] | None:
    """Some answers are challenged: a 复议 or a lawsuit, decided or still open (table 4). Returns the
    dispute's values (in _DISPUTE_COLUMNS' order after the case) and its timeline event, or None."""
    kind = rng.choice((RECONSIDERATION, RECONSIDERATION, LITIGATION_DIRECT, LITIGATION_AFTER))
    copy_on = answered + dt.timedelta(days=rng.randrange(10, 50))
    if copy_on > today:
        return None
    decided = copy_on + dt.timedelta(days=rng.randrange(40, 120))
    result = rng.choice((UPHELD, UPHELD, CORRECTED, OTHER_RESULT)) if decided <= today else None
    body = "台州市黄岩区人民政府" if is_reconsideration(kind) else "台州市黄岩区人民法院"
    values = (kind, body, copy_on, result, decided if result else None, copy_on + dt.timedelta(days=7))
    return values, ("dispute", copy_on, f"收到{kind}副本（{body}，演示数据）", {})


def _demo_progress(status: str, received: dt.date, today: dt.date) -> list[tuple]:
    """The timeline events (kind, day, summary, data) an open case of this status has had, so its
    clock reads as it would."""
    from app.services import deadlines as dl

    def on(days: int) -> dt.date:
        return min(received + dt.timedelta(days=days), today)

    if status == REGISTERED:
        return []
    if status == CORRECTING:
        return [(dl.CORRECTION_SENT, on(3), "发出补正告知，补正期限15个工作日（演示数据）",
                 {"items": "所需政府信息的名称或文号", "period_days": 15})]
    events = []
    if status != REVIEWING:
        events.append((dl.REVIEWED, on(1), "审查完成：申请内容明确，无需补正（演示数据）", {}))
    if status == CONSULTING:
        events.append((dl.CONSULTATION_SENT, on(5), "向第三方发出征求意见书（演示数据）",
                       {"party": "相关第三方", "party_kind": "third_party"}))
    elif status == AWAITING_FEE:
        events.append((dl.FEE_SENT, on(2), "发出收费通知书（演示数据）",
                       {"amount": 100, "method": "按件计收", "computed": 100, "steps": [], "pages": None,
                        "override_reason": "", "basis": "按件计收"}))
    elif status == EXTENDED:
        events.append((dl.EXTENDED, on(18), "经负责人同意延期答复（演示数据）", {"approved_by": "陈建国"}))
    return events


def demo_settings():
    """The township the program was made for (茅畲乡, docs/legal/sources.md), used by demo data and screenshots."""
    from app.domain.settings import OfficeSettings

    return OfficeSettings(
        office_name="黄岩区茅畲乡人民政府", short_name="茅畲乡", doc_prefix="茅政信", disclosure_unit="党政办公室",
        address="台州市黄岩区茅畲乡茅畲村", postcode="318026", phone="0576-84581234", handler="王丽",
        leader="陈建国", reconsideration_body="台州市黄岩区人民政府", court="台州市黄岩区人民法院",
        fonds_no="0194", org_code="BGS")
