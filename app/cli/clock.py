"""The legal clock from the command line: `deadline`.

`deadline --received DATE [--corrected DATE] [--pause FROM:TO]… [--fee FROM:TO]… [--extended]`: the
limits of a request (条例第三十条、第三十三条). `--pause` is a consultation (条例第三十二条、第三十四条, its
time not counted by 条例第三十三条第三款, 15 working days at most); `--fee` a fee notice (条例第四十二条,
国办函〔2020〕109号, 20 working days at most); both may repeat, TO may be left out while waiting, and
`--today` decides whether such an open pause has run out its term.

`deadline --dispute reconsideration|litigation --copy-received DATE`: the 答辩 limits after a 复议申请书副本
or 起诉状副本 arrives (行政复议法第四十八条、第八十八条第二款; 行政诉讼法第六十七条; the township's 10 working days, docs/legal/sources.md).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json

from app.cli.common import add_db, open_db, parse_any_date as parse_date  # what-if dates may lie ahead
from app.services.errors import ValidationError


def _period(kind: str):
    def parse(text: str):
        from app.domain.clock import Pause

        start, _, end = text.partition(":")
        pause = Pause(parse_date(start), parse_date(end) if end else None, kind)
        if pause.end is not None and pause.end < pause.start:
            raise argparse.ArgumentTypeError(f"暂停期间的结束日期早于开始日期：{text}")
        return pause

    return parse


def _calendar(args: argparse.Namespace):
    if args.db_sub or args.db:
        from app.services.work_calendar import work_calendar

        open_db(args, readonly=True)
        return work_calendar()
    from app.domain.calendar import WorkCalendar

    return WorkCalendar()


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _shown(limit) -> str:
    """A limit as a line of text: the date in Chinese (or why there is none) and its explanation,
    which says 未确认 and what was assumed when the date rests on an unconfirmed year."""
    from app.domain.dates import cn_date

    when = cn_date(limit.due) if limit.due else ("暂停计算" if limit.paused else "—")
    mark = "（未确认）" if limit.unconfirmed else ""
    return f"{limit.label}：{when}{mark}  {limit.explanation}"


def _emit(args: argparse.Namespace, out: dict, start: tuple[str, dt.date], limits) -> int:
    """--json: ``out``; else the start day and one line per limit."""
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    from app.domain.dates import cn_date

    print(f"{start[0]}：{cn_date(start[1])}")
    for limit in limits:
        print(_shown(limit))
    return 0


def cmd_deadline(args: argparse.Namespace) -> int:
    """Limits for a case given on the command line; with --db the office's calendar is used."""
    if args.dispute:
        return _dispute(args)
    if args.received is None:
        raise ValidationError({"received": "请用 --received 指定收到申请日期（或用 --dispute 计算答辩期限）"})
    if args.corrected is not None and args.corrected < args.received:
        raise ValidationError({"corrected": "收到补正的日期不能早于收到申请的日期（条例第三十条：先有申请，后有补正）"})
    pauses = tuple(args.pause) + tuple(args.fee)
    for pause in pauses:
        if pause.start < args.received:
            raise ValidationError({"pause": f"暂停期间不能早于收到申请的日期：{pause.start.isoformat()}"})
    from app.domain import clock
    from app.domain.clock import ClockInput

    cal = _calendar(args)
    today = args.today or dt.date.today()
    base = ClockInput(received_on=args.received, corrected_on=args.corrected, pauses=pauses)
    result = clock.compute_limits(base, cal, today)
    answer = result.get("answer")
    extended = clock.compute_limits(ClockInput(received_on=args.received, corrected_on=args.corrected,
                                               pauses=pauses, extended=True), cal, today).get("extended")
    notice = result.get("correction_notice")
    years = sorted(set(notice.unconfirmed_years) | set(answer.unconfirmed_years)
                   | (set(extended.unconfirmed_years) if args.extended else set()))
    out = {"received": args.received.isoformat(),
           "correction_notice_due": notice.due.isoformat(),
           "answer_due": _iso(answer.due),
           "answer_paused": answer.paused,
           "extended_due": _iso(extended.due) if args.extended else None,
           "unconfirmed_years": years,
           "explanations": {"correction_notice_due": notice.explanation, "answer_due": answer.explanation,
                            "extended_due": extended.explanation}}
    return _emit(args, out, ("收到申请日期", args.received), (notice, answer) + ((extended,) if args.extended else ()))


def _dispute(args: argparse.Namespace) -> int:
    """The 答辩 limits of a 复议/诉讼: ``reply_due`` the legal one, ``township_due`` the township's (docs/legal/sources.md)."""
    from app.domain import clock

    if args.copy_received is None:
        raise ValidationError({"copy_received": "请用 --copy-received 指定收到复议申请书副本或起诉状副本的日期"})
    cal = _calendar(args)
    limits = {limit.key: limit for limit in clock.dispute_limits(args.dispute, args.copy_received, cal)}
    legal, township = limits["dispute_reply_legal"], limits["dispute_reply_internal"]
    evidence = limits["dispute_evidence"]
    out = {"dispute": args.dispute, "copy_received": args.copy_received.isoformat(),
           "reply_due": legal.due.isoformat(), "township_due": township.due.isoformat(),
           "evidence_due": evidence.due.isoformat(),
           "unconfirmed_years": sorted(set(legal.unconfirmed_years) | set(township.unconfirmed_years)
                                       | set(evidence.unconfirmed_years)),
           "explanations": {"reply_due": legal.explanation, "township_due": township.explanation,
                            "evidence_due": evidence.explanation}}
    return _emit(args, out, ("收到副本日期", args.copy_received), (legal, township, evidence))


def add_commands(sub: argparse._SubParsersAction) -> None:
    from app.domain.clock import CONSULTATION_THIRD_PARTY, FEE, LITIGATION, RECONSIDERATION

    p = sub.add_parser("deadline", help="计算一件申请的法定期限（工作日），或复议、诉讼的答辩期限")
    p.add_argument("--received", type=parse_date, help="收到申请日期 YYYY-MM-DD")
    p.add_argument("--corrected", type=parse_date, help="收到补正后申请的日期")
    p.add_argument("--extended", action="store_true", help="同时给出延期后的答复期限")
    p.add_argument("--pause", type=_period(CONSULTATION_THIRD_PARTY), action="append", default=[], metavar="FROM:TO",
                   help="征求意见期间（发出之日:收到意见之日，未收到可省略TO），最长15个工作日，可重复")
    p.add_argument("--fee", type=_period(FEE), action="append", default=[], metavar="FROM:TO",
                   help="收费期间（发出收费通知之日:缴费之日，未缴可省略TO），最长20个工作日，可重复")
    p.add_argument("--today", type=parse_date, help="按哪一天判断未结束的暂停是否已届满（默认今天）")
    p.add_argument("--dispute", choices=(RECONSIDERATION, LITIGATION),
                   help="计算答辩期限：reconsideration 行政复议，litigation 行政诉讼")
    p.add_argument("--copy-received", type=parse_date, help="收到复议申请书副本或起诉状副本的日期")
    p.add_argument("--json", action="store_true")
    add_db(p)
    p.set_defaults(handler=cmd_deadline)
